"""Which of an item's elements the evidence shows.

Each element is judged by the first rule that applies to it:
1. it names a fiscal year ({fy}, {fy_prev}, {fy_next}): the period rule decides;
2. it has keywords in the framework file: one of them in the evidence text;
3. it asks for a link from the main website: the evidence was reached by clicks;
4. it asks that something be shown at all ("แสดง…", "เป็น…", "อย่างน้อย 1"): evidence exists;
5. otherwise its words, after "(n)" when it is a numbered detail: the distinctive words
   (not stop words, not the generic words of vocabulary.yaml) must be in the evidence —
   at least 60 % of them or its first two, or half the generic ones when it has no
   distinctive word. "a/b" and "a หรือ b" mean either; a leading การ/ความ is dropped.
Words are looked for in the evidence without its spaces: PDF extraction breaks table
headers anywhere ("ผู้ประกอบ การ").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from openita.frameworks.schema import Element
from openita.lib.thaitext import fold, words

from .vocabulary import vocabulary

_PERIOD = re.compile(r"\{fy(?:_prev|_next)?\}")
_NUMBERED = re.compile(r"\(\s*\d+\s*\)\s*(.+)$")
_PARENS = re.compile(r"\([^)]*\)")


@dataclass(frozen=True)
class ElementCheck:
    text: str
    required: bool
    found: bool
    rule: str  # "period", "keywords", "reachable", "presence", "words"


def is_period(element: Element) -> bool:
    return bool(_PERIOD.search(element.text))


def check(
    element: Element, evidence_text: str, *, reachable: bool, period_ok: bool | None
) -> ElementCheck:
    """evidence_text is folded; period_ok is None when no period rule applies."""
    vocab = vocabulary()

    def result(found: bool, rule: str) -> ElementCheck:
        return ElementCheck(element.text, element.required, found, rule)

    evidence_text = evidence_text.replace(" ", "")
    if is_period(element):
        return result(period_ok is not False, "period")
    if element.keywords:
        return result(any(_has(fold(k), evidence_text) for k in element.keywords), "keywords")
    if any(p.search(element.text) for p in vocab.reachable):
        return result(reachable, "reachable")
    if any(p.search(element.text) for p in vocab.presence):
        return result(True, "presence")
    return result(_words_found(element.text, evidence_text), "words")


def _has(word: str, text: str) -> bool:
    if word.replace(" ", "") in text:
        return True
    if any(alt.replace(" ", "") in text for alt in vocabulary().synonyms.get(word, ())):
        return True
    halves = _split_compound(word)
    return bool(halves) and all(half in text for half in halves)


@cache
def _split_compound(word: str) -> tuple[str, str] | None:
    """A compound the segmenter kept whole ("ปฏิบัติภารกิจ") is shown when both its words
    are, as documents often write them apart ("การปฏิบัติงาน … ภารกิจ")."""
    from pythainlp.corpus.common import thai_words

    vocab = thai_words()
    for cut in range(3, len(word) - 2):
        head, tail = word[:cut], word[cut:]
        if head in vocab and tail in vocab:
            return head, tail
    return None


def _words_found(element_text: str, text: str) -> bool:
    distinctive, generic = _phrase_words(element_text)
    if distinctive:
        shown = [any(_has(w, text) for w in group) for group in distinctive]
        return sum(shown) >= 0.6 * len(distinctive) or (len(shown) >= 2 and all(shown[:2]))
    if generic:
        return sum(1 for w in generic if _has(w, text)) * 2 >= len(generic)
    return True


def _stem(word: str) -> str:
    for prefix in ("การ", "ความ"):
        if word.startswith(prefix) and len(word) > len(prefix) + 2:
            return word[len(prefix) :]
    return word


@cache
def _phrase_words(element_text: str) -> tuple[tuple[tuple[str, ...], ...], tuple[str, ...]]:
    """(distinctive word groups, generic words) of the element's phrase; a group holds the
    alternatives written "a/b"."""
    vocab = vocabulary()
    numbered = _NUMBERED.search(element_text)
    phrase = numbered.group(1) if numbered else element_text
    phrase = _PARENS.sub(" ", phrase) if len(_PARENS.sub("", phrase).strip()) > 3 else phrase
    groups: list[tuple[str, ...]] = []
    generic: list[str] = []
    joined = False  # the last token was "/": the next word is an alternative of the last group
    for token in words(phrase):
        folded = _stem(fold(token))
        if folded in ("/", "หรือ"):
            joined = bool(groups)
            continue
        if len(folded) < 2 or not any(ch.isalnum() for ch in folded):
            continue
        if joined:
            groups[-1] = (*groups[-1], folded)
        elif folded in vocab.generic:
            generic.append(folded)
        elif folded not in vocab.stop:
            groups.append((folded,))
        joined = False
    return tuple(groups), tuple(generic)
