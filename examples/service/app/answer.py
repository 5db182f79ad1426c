"""Writes the answer with LangChain and an OpenAI chat model."""

from langchain_core.output_parsers import StrOutputParser
from langchain_core.prompts import ChatPromptTemplate
from langchain_openai import ChatOpenAI
from openai import OpenAI

from app import settings
from app.embeddings import Passage

_prompt = ChatPromptTemplate.from_messages(
    [
        (
            "system",
            "You are the support assistant of Acme Cloud. Answer only from these passages and "
            "cite them as [source]. If they do not cover the question, say so.\n\n{context}",
        ),
        ("human", "{question}"),
    ]
)
_chain = _prompt | ChatOpenAI(model=settings.OPENAI_MODEL, temperature=0.2) | StrOutputParser()
_openai = OpenAI()


def is_allowed(text: str) -> bool:
    """Screens the customer's message with the OpenAI moderation endpoint."""
    result = _openai.moderations.create(model="omni-moderation-latest", input=text)
    return not result.results[0].flagged


def answer(question: str, passages: list[Passage]) -> str:
    context = "\n\n".join(f"[{p.source}] {p.text}" for p in passages)
    return _chain.invoke({"question": question, "context": context})
