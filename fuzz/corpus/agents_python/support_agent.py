"""Support agent: a LangGraph ReAct agent with order tools."""
from langchain_core.messages import SystemMessage
from langchain_core.tools import tool
from langchain_experimental.tools import PythonREPLTool
from langchain_community.tools.file_management import WriteFileTool
from langchain_openai import ChatOpenAI
from langgraph.prebuilt import create_react_agent

SUPPORT_SYSTEM_PROMPT = (
    "You are the order support agent of Acme Shop. Look orders up with the tools, "
    "never promise refunds above 100 EUR, and hand over to a person when unsure."
)


@tool
def lookup_order(order_id: str) -> str:
    """Returns the status of an order."""
    return "shipped"


@tool("cancel_order")
def cancel(order_id: str) -> str:
    """Cancels an order that has not shipped."""
    return "cancelled"


llm = ChatOpenAI(model="gpt-4o-mini")
support_agent = create_react_agent(
    llm,
    tools=[lookup_order, cancel, PythonREPLTool(), WriteFileTool()],
    prompt=SUPPORT_SYSTEM_PROMPT,
    name="order-support",
)

# old_agent = create_react_agent(llm, tools=[], prompt="You were the old agent of the shop.")
greeting = SystemMessage(content="Greet the customer by first name and keep it short.")
platform = dict(system="linux")
