from crewai import Agent
a = Agent(role="Writer", goal="g", backstory=f"You write {topic} notes for the team.", tools=[])
b = AssistantAgent("critic", system_message='Review the draft and list three issues.')
tools = [{"name": "get_stock", "description": "Price.", "input_schema": {}}]
