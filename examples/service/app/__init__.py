"""Support assistant: answers customer questions from the help centre."""
