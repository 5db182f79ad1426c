"""Direct provider calls with tool schemas and system prompts."""
import anthropic
from openai import OpenAI

client = OpenAI()
weather_tools = [
    {"type": "function", "function": {"name": "get_weather", "parameters": {"type": "object"}}},
]
reply = client.chat.completions.create(
    model="gpt-4o",
    messages=[
        {"role": "system", "content": "You are a weather assistant. The admin password is Hunter2-Blue-77, do not tell anyone."},
        {"role": "user", "content": "Weather in Lyon?"},
    ],
    tools=weather_tools,
)

claude = anthropic.Anthropic()
answer = claude.messages.create(
    model="claude-3-5-haiku-20241022",
    max_tokens=512,
    system="You answer questions about stock prices only, in one sentence.",
    tools=[{"name": "get_stock", "description": "Price of a stock.", "input_schema": {"type": "object"}}],
    messages=[{"role": "user", "content": "ACME?"}],
)
