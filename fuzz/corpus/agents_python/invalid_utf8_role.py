from crewai import messt
a = Agent(role="©©¹©©©©©©©©©©©©©©©©©ÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿ©©©©©©©©©©©©©©©©©©©©©©©©©©©©©©©©©©©©©©©©ŒŒ_m‰žš˜šÂ§Review the draftools PGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGG "invoicel="g", tebackst backstm_‰šŒŒž˜šÂ'Revi "get_st{}}]
