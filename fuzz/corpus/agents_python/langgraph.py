from langgraph.prebuilt import create_react_agent
PROMPT = ("You help with " "invoices only.")
@tool("sum")
def add(a: int, b: int) -> int:
    return a + b
agent = create_react_agent(llm, tools=[add, ShellTool()], prompt=PROMPT, name="books")
msgs = [{"role": "system", "content": """Be brief and polite, always."""}]
