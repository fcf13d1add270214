"""What the survey app reads from a framework document (the validated YAML as a dict).

Plain data only, no models: the importer and the services both work from
``Framework.document``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from django.utils.translation import gettext as _

from openita.surveys.errors import Kind, Problem, SurveyError

SURVEY_INSTRUMENTS = ("IIT", "EIT")
# Scores are kept to three decimals (SurveyScore.score); the scoring engine rounds further.
SCORE_DECIMALS = 3
# Answer levels of each scale, lowest first; file columns follow the same order.
LEVEL_COUNTS = {"four_level": 4, "yes_no": 2}
# Framework files write the equal steps rounded (33.33, 66.67); a value that close to an equal
# step is taken as that step exactly, so that rounding happens once, on the final score.
_SNAP = Fraction(1, 200)
HUNDRED = Fraction(100)
_SEPARATORS = re.compile(r"[\s.\-_()（）]+")
_THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")


def survey_indicators(doc: Mapping[str, Any]) -> dict[int, str]:
    """Indicator number -> "IIT" or "EIT", for the survey instruments of the framework."""
    return {
        number: inst["code"]
        for inst in doc.get("instruments", [])
        if inst["code"] in SURVEY_INSTRUMENTS
        for number in inst["indicators"]
    }


def all_indicators(doc: Mapping[str, Any]) -> set[int]:
    return {int(i["number"]) for i in doc.get("indicators", [])}


@dataclass(frozen=True)
class Part:
    """What one row of a per-question file answers: a question, or one of its sub-items."""

    code: str  # "i2" for a question without sub-items, "i1.a" for a sub-item
    question: str
    indicator: int
    instrument: str
    scale: str  # "four_level" or "yes_no"
    reversed: bool
    values: tuple[Fraction, ...]  # score of each answer level, lowest first


@dataclass(frozen=True)
class Questions:
    """The questionnaires of a framework, indexed for reading files."""

    parts: dict[str, Part]  # compact code ("i1a") -> part
    by_code: dict[str, Part]  # code as written in the framework ("i1.a") -> part
    by_question: dict[str, tuple[str, ...]]  # question code -> codes of its parts
    by_indicator: dict[int, tuple[str, ...]]  # indicator -> its question codes
    instruments: frozenset[str]

    def find(self, raw: str) -> Part | None:
        return self.parts.get(compact_code(raw))

    def whole_question(self, raw: str) -> str | None:
        """The question a code names as a whole although it has sub-items, if any."""
        key = compact_code(raw)
        wholes = (q for q, codes in self.by_question.items() if codes != (q,))
        return next((q for q in wholes if compact_code(q) == key), None)


def compact_code(raw: str) -> str:
    """The matching form of a question code: "I1.a", "i1 (a)", "i1-a" and "i1a" are alike."""
    return _SEPARATORS.sub("", str(raw).translate(_THAI_DIGITS)).casefold()


def questions(doc: Mapping[str, Any]) -> Questions:
    """Index every question and sub-item of the framework's questionnaires.

    A sub-item is written ``<question>.<letter>`` ("i1.a"); separators are ignored when
    matching, so "i1a" finds it too. Should a framework ever define a question "i1a" beside
    sub-item "a" of "i1", the question wins the compact spelling.
    """
    every: list[Part] = []
    by_question: dict[str, tuple[str, ...]] = {}
    by_indicator: dict[int, list[str]] = {}
    for qn in doc.get("questionnaires", []):
        for q in qn.get("questions", []):
            values = level_values(qn.get("scale_values") or {}, q["scale"])
            own = _parts_of(q, qn["instrument"], values)
            by_question[q["code"]] = tuple(p.code for p in own)
            by_indicator.setdefault(int(q["indicator"]), []).append(q["code"])
            every.extend(own)
    # Sub-items first, so that a question of the same compact spelling replaces them.
    parts = {compact_code(p.code): p for p in every if p.code != p.question}
    parts.update({compact_code(p.code): p for p in every if p.code == p.question})
    return Questions(
        parts=parts,
        by_code={p.code: p for p in every},
        by_question=by_question,
        by_indicator={k: tuple(v) for k, v in by_indicator.items()},
        instruments=frozenset(qn["instrument"] for qn in doc.get("questionnaires", [])),
    )


def _parts_of(q: Mapping[str, Any], instrument: str, values: tuple[Fraction, ...]) -> list[Part]:
    common = {"question": q["code"], "indicator": int(q["indicator"]), "instrument": instrument}
    reversed_ = bool(q.get("reversed", False))
    subs = q.get("sub_items") or []
    if not subs:
        return [Part(code=q["code"], scale=q["scale"], reversed=reversed_, values=values, **common)]
    return [
        Part(
            code=f"{q['code']}.{sub['code']}",
            scale=q["scale"],
            # A sub-item may turn the wording round (i11b); otherwise it follows its question.
            reversed=reversed_ if sub.get("reversed") is None else bool(sub["reversed"]),
            values=values,
            **common,
        )
        for sub in subs
    ]


def level_values(scale_values: Mapping[str, Any], scale: str) -> tuple[Fraction, ...]:
    """Scores of the answer levels: equal steps 0…100 unless the framework says otherwise."""
    n = LEVEL_COUNTS[scale]
    steps = tuple(HUNDRED * k / (n - 1) for k in range(n))
    given = scale_values.get(scale)
    if not given:
        return steps
    if len(given) != n:
        message = _(
            "The framework gives %(given)s answer values for the scale %(scale)s; it needs "
            "%(needed)s."
        ) % {"given": len(given), "scale": scale, "needed": n}
        raise SurveyError([Problem(Kind.FRAMEWORK, message)])
    exact = [Fraction(str(v)) for v in given]
    return tuple(s if abs(v - s) <= _SNAP else v for v, s in zip(exact, steps, strict=True))
