"""Checking agencies' websites: the future crawler (plain Python, not a Django app)."""
