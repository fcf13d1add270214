"""Which results go into the analysis draft, and why.

1. Every OIT item that failed (scored below 100) is an urgent weakness,
   "ข้อบกพร่องหรือจุดอ่อนที่ต้องแก้ไขโดยเร่งด่วน".
2. An indicator below ``URGENT_BELOW`` is an urgent weakness too; one below ``IMPROVE_BELOW``
   is a point to improve, "ประเด็นที่ต้องพัฒนาให้ดีขึ้น". Indicators at or above it are left out.
3. The thresholds compare the published figures (two decimals), as people read them:
   84.99 is urgent, 85.00 is a point to improve, 94.99 too, 95.00 is left out.
4. Urgent entries come first (indicators, then items in framework order), then the points
   to improve.

The thresholds are not item codes or weights of a framework but the reading of ITA results
the NACC asks agencies to make; a deployment may move them with the settings
``OPENITA_IMPROVEMENT_URGENT_BELOW`` and ``OPENITA_IMPROVEMENT_IMPROVE_BELOW``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings

# The ITA pass mark: a result below 85 fails (methodology §2.2, seeds 003 and 004).
URGENT_BELOW = Decimal("85")
# The floor of the top tier (AA, later ผ่านดีเยี่ยม): below it there is still room to improve.
IMPROVE_BELOW = Decimal("95")
FULL_MARKS = Decimal("100")
CENT = Decimal("0.01")


@dataclass(frozen=True)
class Thresholds:
    urgent_below: Decimal
    improve_below: Decimal

    def as_dict(self) -> dict[str, str]:
        return {"urgent_below": str(self.urgent_below), "improve_below": str(self.improve_below)}


def current_thresholds() -> Thresholds:
    return Thresholds(
        Decimal(str(getattr(settings, "OPENITA_IMPROVEMENT_URGENT_BELOW", URGENT_BELOW))),
        Decimal(str(getattr(settings, "OPENITA_IMPROVEMENT_IMPROVE_BELOW", IMPROVE_BELOW))),
    )


def figure(value: object) -> Decimal:
    """A stored figure (a float in the results JSON, a Decimal in a row) to two decimals."""
    return Decimal(str(value)).quantize(CENT)


@dataclass(frozen=True)
class Scored:
    """A published score of one indicator or item, with last year's where it is known."""

    kind: str  # "indicator" or "item"
    code: str
    title: str
    indicator: int
    score: Decimal
    previous: Decimal | None = None


@dataclass(frozen=True)
class Finding:
    kind: str
    code: str
    title: str
    indicator: int
    level: str  # "urgent" or "improve"
    score: Decimal
    previous: Decimal | None

    @property
    def change(self) -> Decimal | None:
        return None if self.previous is None else self.score - self.previous


def level_of(entry: Scored, thresholds: Thresholds) -> str | None:
    if entry.kind == "item":
        return "urgent" if entry.score < FULL_MARKS else None
    if entry.score < thresholds.urgent_below:
        return "urgent"
    if entry.score < thresholds.improve_below:
        return "improve"
    return None


def classify(scored: Iterable[Scored], thresholds: Thresholds) -> list[Finding]:
    """The draft's entries in document order (see the module docstring)."""
    found = []
    for entry in scored:
        level = level_of(entry, thresholds)
        if level is not None:
            found.append(
                Finding(entry.kind, entry.code, entry.title, entry.indicator, level,
                        entry.score, entry.previous)
            )  # fmt: skip
    rank = {("urgent", "indicator"): 0, ("urgent", "item"): 1, ("improve", "indicator"): 2}
    # sorted() is stable: within a group the caller's order (framework order) stays.
    return sorted(found, key=lambda f: rank.get((f.level, f.kind), 3))
