"""Re-ranking step of the 2023 retrieval evaluation (kept for reference, no longer run)."""
import pickle

import torch
from huggingface_hub import hf_hub_download
from transformers import AutoModelForSequenceClassification, AutoTokenizer

RERANKER = "BAAI/bge-reranker-base"

# The reranker ships custom modelling code; this runs whatever the hub repository holds today.
tokenizer = AutoTokenizer.from_pretrained(RERANKER)
model = AutoModelForSequenceClassification.from_pretrained(RERANKER, trust_remote_code=True)

# A scoring head fine-tuned in the experiment, saved with torch.save.
head = torch.load("checkpoints/reranker-head.pt")

# Thresholds shared by a colleague on the hub, stored as a pickle.
with open(hf_hub_download("acme-research/rerank-thresholds", "thresholds.pkl"), "rb") as f:
    thresholds = pickle.load(f)


def rerank(question, passages):
    pairs = [[question, p] for p in passages]
    inputs = tokenizer(pairs, padding=True, truncation=True, return_tensors="pt")
    with torch.no_grad():
        scores = model(**inputs).logits.view(-1)
    keep = scores > thresholds["min_score"]
    return [p for p, k in zip(passages, keep) if k]
