"""Configuration from the environment (see ../.env.example)."""

import os

from dotenv import load_dotenv

load_dotenv()

OPENAI_MODEL = os.getenv("OPENAI_MODEL", "gpt-4o-mini")
EMBEDDING_MODEL = os.getenv("EMBEDDING_MODEL", "sentence-transformers/all-MiniLM-L6-v2")
SENTIMENT_MODEL = os.getenv(
    "SENTIMENT_MODEL", "distilbert/distilbert-base-uncased-finetuned-sst-2-english"
)
HELP_CENTRE_DIR = os.getenv("HELP_CENTRE_DIR", os.path.join(os.path.dirname(__file__), "..", "help-centre"))
