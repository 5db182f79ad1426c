"""HTTP API of the support assistant."""

from fastapi import FastAPI, HTTPException
from pydantic import BaseModel, Field

from app.answer import answer, is_allowed
from app.embeddings import HelpCentreIndex
from app.sentiment import is_frustrated

app = FastAPI(title="Acme Cloud support assistant", version="0.3.0")
index = HelpCentreIndex()


class SearchRequest(BaseModel):
    query: str = Field(min_length=1, max_length=2000)
    k: int = Field(default=4, ge=1, le=10)


class AskRequest(BaseModel):
    question: str = Field(min_length=1, max_length=4000)


@app.post("/search")
def search(req: SearchRequest):
    return {"passages": [p.__dict__ for p in index.search(req.query, req.k)]}


@app.post("/ask")
def ask(req: AskRequest):
    if not is_allowed(req.question):
        raise HTTPException(status_code=422, detail="message rejected by moderation")
    passages = index.search(req.question)
    return {
        "answer": answer(req.question, passages),
        "sources": sorted({p.source for p in passages}),
        "handover": is_frustrated(req.question),
    }


@app.get("/healthz")
def healthz():
    return {"ok": True}
