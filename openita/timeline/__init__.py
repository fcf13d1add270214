"""The assessment calendar: phases of each fiscal year that open and close actions."""
