"""Support assistant service. Mentions gpt-4 in a docstring, which is prose."""
import os
import openai
from openai import OpenAI
from anthropic import Anthropic
from transformers import AutoTokenizer, pipeline
# from langchain.chat_models import ChatOpenAI  -- commented out, must not count

client = OpenAI(base_url="https://api.openai.com/v1")
claude = Anthropic()


def answer(question: str) -> str:
    reply = client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": question}])
    summary = claude.messages.create(model="claude-3-5-haiku-20241022", max_tokens=200, messages=[])
    return reply.choices[0].message.content


tokenizer = AutoTokenizer.from_pretrained("mistralai/Mistral-7B-Instruct-v0.3")
sentiment = pipeline("sentiment-analysis", model="cardiffnlp/twitter-roberta-base-sentiment-latest")
note = "we compared o1 with other options"  # bare "o1" is not a model reference
