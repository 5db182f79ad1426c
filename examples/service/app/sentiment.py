"""Flags frustrated customers so that a person picks the conversation up."""

from transformers import pipeline

from app import settings

_classifier = None


def is_frustrated(message: str, threshold: float = 0.95) -> bool:
    global _classifier
    if _classifier is None:
        _classifier = pipeline("text-classification", model=settings.SENTIMENT_MODEL, device=-1)
    result = _classifier(message[:2000])[0]
    return result["label"] == "NEGATIVE" and result["score"] >= threshold
