"""Assessment of submitted OIT answers: verdicts, release, clarification, confirmation."""
