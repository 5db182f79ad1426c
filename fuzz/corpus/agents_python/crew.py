from crewai import Agent, Crew, Task
from crewai.tools import tool


@tool("Search the knowledge base")
def kb_search(query: str) -> str:
    """Searches the internal knowledge base."""
    return ""


researcher = Agent(
    role="Researcher",
    goal="Find the facts behind a customer complaint",
    backstory="You are a careful researcher who cites every source you use.",
    tools=[kb_search],
)
crew = Crew(agents=[researcher], tasks=[Task(description="Research", agent=researcher)])
