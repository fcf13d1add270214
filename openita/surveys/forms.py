"""The answer form of a survey, built from the framework's questionnaire (plain data).

Every question of the instrument's questionnaire becomes a group of radio buttons; a
question with sub-items becomes one group per sub-item. Field names are the part codes of
``document.questions`` ("i2", "i1.a"); a value is the index of the level, lowest first, as
in the counts files (four levels 0–3; yes/no: 0 = no, 1 = yes).

Yes/no questions are answered มี/ไม่มี ("is there …"), or ใช่/ไม่ใช่ when the question
asks "… ใช่หรือไม่" ("is it so?"): the wording of the question decides, as Thai does.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from openita.surveys.document import LEVEL_COUNTS

LABELS = {
    "four_level": (
        pgettext_lazy("survey answer", "Least or none at all"),
        pgettext_lazy("survey answer", "Little"),
        pgettext_lazy("survey answer", "Much"),
        pgettext_lazy("survey answer", "Most"),
    ),
    "have": (
        pgettext_lazy("survey answer", "There is not"),
        pgettext_lazy("survey answer", "There is"),
    ),
    "is": (pgettext_lazy("survey answer", "No"), pgettext_lazy("survey answer", "Yes")),
}
INSTRUMENT_TITLES = {
    "IIT": _("Internal stakeholders' perception survey (IIT)"),
    "EIT": _("External stakeholders' perception survey (EIT)"),
}


@dataclass(frozen=True)
class FormPart:
    code: str  # the field name: "i2", or "i1.a" for a sub-item
    text: str  # the sub-item's text; empty for a question without sub-items


@dataclass(frozen=True)
class FormQuestion:
    code: str
    number: int  # position in the questionnaire, from 1
    text: str
    labels: str  # key of LABELS
    parts: tuple[FormPart, ...]

    @property
    def has_sub_items(self) -> bool:
        return self.parts[0].text != ""


@dataclass(frozen=True)
class AnswerForm:
    instrument: str
    questions: tuple[FormQuestion, ...]
    levels: dict[str, int]  # part code -> number of answer levels

    @property
    def parts(self) -> int:
        return len(self.levels)


@dataclass
class Reading:
    """What a submitted form holds: valid answers, and what is missing or out of the scale."""

    answers: dict[str, int] = field(default_factory=dict)
    missing: list[str] = field(default_factory=list)
    invalid: list[str] = field(default_factory=list)

    @property
    def complete(self) -> bool:
        return not self.missing and not self.invalid


def _labels(question: Mapping[str, Any]) -> str:
    if question["scale"] == "four_level":
        return "four_level"
    return "is" if "ใช่หรือไม่" in question["text"] else "have"


def build_form(doc: Mapping[str, Any], instrument: str) -> AnswerForm | None:
    """The form of one instrument, or None when the framework has no questionnaire for it."""
    qn = next((q for q in doc.get("questionnaires", []) if q["instrument"] == instrument), None)
    if qn is None or not qn.get("questions"):
        return None
    questions, levels = [], {}
    for number, q in enumerate(qn["questions"], start=1):
        subs = q.get("sub_items") or []
        parts = tuple(FormPart(f"{q['code']}.{s['code']}", s["text"]) for s in subs) or (
            FormPart(q["code"], ""),
        )
        for part in parts:
            levels[part.code] = LEVEL_COUNTS[q["scale"]]
        questions.append(FormQuestion(q["code"], number, q["text"], _labels(q), parts))
    return AnswerForm(instrument=instrument, questions=tuple(questions), levels=levels)


def read_answers(form: AnswerForm, data: Mapping[str, Any]) -> Reading:
    """Check every part: answered, and with one of its levels (nothing else is accepted)."""
    reading = Reading()
    for code, n in form.levels.items():
        value = data.get(code)
        if value is None or value == "":
            reading.missing.append(code)
        elif isinstance(value, str) and value.isascii() and value.isdigit() and len(value) == 1:
            level = int(value)
            if level < n:
                reading.answers[code] = level
            else:
                reading.invalid.append(code)
        else:
            reading.invalid.append(code)
    return reading
