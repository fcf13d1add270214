"""The one rule about small groups, shared by storage, pages and scores.

A group of fewer than MIN_GROUP people is never shown on its own: per-unit counts, per-question
scores and score previews are hidden below it, an answer keeps its unit only when that unit
was issued at least MIN_GROUP codes, and scores are not written from fewer answers.
"""

from __future__ import annotations

MIN_GROUP = 5


def shown(count: int) -> int | None:
    """The count when it may be shown, else None (the page says "fewer than 5")."""
    return count if count >= MIN_GROUP else None
