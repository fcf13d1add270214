"""IIT and EIT survey results (imported or entered until native surveys exist)."""
