from datasets import load_dataset
from sentence_transformers import SentenceTransformer
import requests

corpus = load_dataset("rajpurkar/squad", split="train")
encoder = SentenceTransformer("sentence-transformers/all-MiniLM-L6-v2")
OLLAMA = "http://localhost:11434/api/generate"
resp = requests.post(OLLAMA, json={"model": "llama3.1:8b", "prompt": "hi"})
gemini = requests.post("https://generativelanguage.googleapis.com/v1beta/models/gemini-1.5-flash:generateContent")
