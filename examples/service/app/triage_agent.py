"""Routes a new ticket with a small tool-calling agent: it looks up the customer's plan and may
hand the ticket to the on-call engineer."""

from langchain.agents import AgentExecutor, create_tool_calling_agent
from langchain_core.prompts import ChatPromptTemplate
from langchain_core.tools import tool
from langchain_openai import ChatOpenAI

from app import settings

TRIAGE_SYSTEM_PROMPT = (
    "You triage support tickets for Acme Cloud. Look up the customer's plan before deciding, "
    "escalate only outages and data loss, and never promise service credits."
)


@tool
def lookup_plan(customer_id: str) -> str:
    """Returns the support plan of a customer (basic, business or enterprise)."""
    return "business"


@tool
def open_escalation(ticket_id: str, reason: str) -> str:
    """Hands a ticket over to the on-call engineer."""
    return f"ESC-{ticket_id}"


_prompt = ChatPromptTemplate.from_messages(
    [("system", TRIAGE_SYSTEM_PROMPT), ("human", "{ticket}"), ("placeholder", "{agent_scratchpad}")]
)
_agent = create_tool_calling_agent(
    ChatOpenAI(model=settings.OPENAI_MODEL), [lookup_plan, open_escalation], _prompt
)
triage_agent = AgentExecutor(agent=_agent, tools=[lookup_plan, open_escalation], max_iterations=4)


def triage(ticket: str) -> str:
    return triage_agent.invoke({"ticket": ticket})["output"]
