"""A small in-process index of the help centre: local embeddings and FAISS."""

from dataclasses import dataclass
from pathlib import Path

import faiss
import numpy as np
from langchain.text_splitter import RecursiveCharacterTextSplitter
from sentence_transformers import SentenceTransformer

from app import settings


@dataclass
class Passage:
    source: str
    text: str
    score: float = 0.0


class HelpCentreIndex:
    def __init__(self, folder: str = settings.HELP_CENTRE_DIR):
        # Runs on the CPU inside the container; no text leaves the service for embedding.
        self._model = SentenceTransformer(settings.EMBEDDING_MODEL, device="cpu")
        self._passages = list(_split(Path(folder)))
        vectors = self._model.encode([p.text for p in self._passages], normalize_embeddings=True)
        self._index = faiss.IndexFlatIP(vectors.shape[1])
        self._index.add(np.asarray(vectors, dtype="float32"))

    def search(self, query: str, k: int = 4) -> list[Passage]:
        vector = self._model.encode([query], normalize_embeddings=True)
        scores, ids = self._index.search(np.asarray(vector, dtype="float32"), k)
        return [
            Passage(self._passages[i].source, self._passages[i].text, float(s))
            for s, i in zip(scores[0], ids[0])
            if i >= 0
        ]


_splitter = RecursiveCharacterTextSplitter(chunk_size=800, chunk_overlap=80)


def _split(folder: Path):
    for doc in sorted(folder.glob("*.md")):
        for block in doc.read_text(encoding="utf-8").split("\n\n"):
            block = block.strip()
            if block and not block.startswith("#"):
                for chunk in _splitter.split_text(block):
                    yield Passage(source=doc.name, text=chunk)
