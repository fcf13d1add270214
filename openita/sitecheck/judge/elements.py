"""Which of an item's elements the evidence shows.

Each element is judged by the first rule that applies to it:
1. it names a fiscal year ({fy}, {fy_prev}, {fy_next}): the period rule decides;
2. it has keywords in the framework file: one of them in the evidence text;
3. it asks for a link from the main website: the evidence was reached by clicks;
4. it asks that something be shown at all ("แสดง…", "เป็น…", "อย่างน้อย 1"): evidence exists;
5. otherwise its words, after "(n)" when it is a numbered detail: the distinctive words
   (not stop words, not the generic words of vocabulary.yaml) must be in the evidence —
   half of them (words shared with the item's other numbered details weigh half), or its
   first two own words written together ("อนุมัติ อนุญาต"), or half the generic ones when it
   has no distinctive word. "a/b" and "a หรือ b" mean either; a leading การ/ความ is dropped.
Words are looked for in the evidence without its spaces: PDF extraction breaks table
headers anywhere ("ผู้ประกอบ การ").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from openita.frameworks.schema import Element
from openita.lib.thaitext import fold, normalize

from .vocabulary import vocabulary

_PERIOD = re.compile(r"\{fy(?:_prev|_next)?\}")
_NUMBERED = re.compile(r"\(\s*\d+\s*\)\s*(.+)$")
_SHARED_WEIGHT = 0.5
_ENOUGH = 0.5  # share of an element's (weighted) distinctive words the evidence must show
_PARENS = re.compile(r"\([^)]*\)")
_EXAMPLES = "เช่น"


@dataclass(frozen=True)
class ElementCheck:
    text: str
    required: bool
    found: bool
    rule: str  # "period", "keywords", "reachable", "presence", "words"


def is_period(element: Element) -> bool:
    return bool(_PERIOD.search(element.text))


def check(
    element: Element,
    evidence_text: str,
    *,
    reachable: bool,
    period_ok: bool | None,
    shared: frozenset[str] = frozenset(),
) -> ElementCheck:
    """evidence_text is folded; period_ok is None when no period rule applies."""
    vocab = vocabulary()

    def result(found: bool, rule: str) -> ElementCheck:
        return ElementCheck(element.text, element.required, found, rule)

    evidence_text = evidence_text.replace(" ", "")
    if is_period(element):
        # No year read at all is not a year shown: assessors need the period on the page.
        return result(period_ok is True, "period")
    if any(p.search(element.text) for p in vocab.any_of):
        return result(False, "any_of")  # settled by check_all from the elements after it
    if element.keywords:
        return result(any(_has(fold(k), evidence_text) for k in element.keywords), "keywords")
    if any(p.search(element.text) for p in vocab.reachable):
        return result(reachable, "reachable")
    # "แสดงข้อมูลการติดต่อ (4) แผนที่ตั้ง" asks for its numbered detail, not for a page;
    # "(2) สำหรับเจ้าหน้าที่ตำแหน่งใด" is a question any such document answers.
    numbered = _NUMBERED.search(element.text)
    asked = numbered.group(1).strip() if numbered else element.text
    if any(p.search(asked) for p in vocab.presence):
        return result(True, "presence")
    return result(_words_found(element.text, evidence_text, shared), "words")


def check_all(
    elements: list[Element],
    evidence_text: str,
    *,
    reachable: bool,
    periods: dict[int, bool | None],
    scoped: dict[int, str] | None = None,
) -> list[ElementCheck]:
    """Every element checked; an "at least one of the following" element is shown when one
    of the optional elements listed after it (up to the next required one) is. scoped gives
    the text of the document an element concerns, when not all the evidence (by id)."""
    shared = _shared_words(elements)
    checks = [
        check(
            e,
            (scoped or {}).get(id(e), evidence_text),
            reachable=reachable,
            period_ok=periods.get(id(e)),
            shared=shared,
        )
        for e in elements
    ]
    for at, done in enumerate(checks):
        if done.rule == "reachable" and at > 0 and not checks[at - 1].found:
            # "…reach the channel above from the main website" needs that channel first.
            checks[at] = ElementCheck(done.text, done.required, False, "reachable")
        if done.rule != "any_of":
            continue
        following = []
        for later in checks[at + 1 :]:
            if later.required:
                break
            following.append(later.found)
        checks[at] = ElementCheck(done.text, done.required, any(following), "any_of")
    return checks


def _has(word: str, text: str) -> bool:
    for longer in vocabulary().shadows.get(word, ()):
        text = text.replace(longer.replace(" ", ""), " ")
    if word.replace(" ", "") in text:
        return True
    synonyms = vocabulary().synonyms.get(word)
    if synonyms is not None:
        # A term the vocabulary knows is shown by its own spellings only: split in two it
        # would read "แผนที่ตั้ง" (a map) as "แผน" … "ที่ตั้ง" (a plan … an address).
        return any(alt.replace(" ", "") in text for alt in synonyms)
    halves = _split_compound(word)
    return bool(halves) and all(half in text for half in halves)


def _segment(phrase: str) -> list[str]:
    """PyThaiNLP's words, with the vocabulary's own terms in the dictionary so that
    "ช่องทางการติดต่อ" is not read as ช่อง | ทางการ | ติดต่อ."""
    from pythainlp.tokenize import word_tokenize

    tokens: list[str] = word_tokenize(
        normalize(phrase), custom_dict=_dictionary(), engine="newmm", keep_whitespace=False
    )
    return [t for t in tokens if t.strip()]


@cache
def _dictionary() -> Any:
    from pythainlp.corpus.common import thai_words
    from pythainlp.util import dict_trie

    terms = vocabulary().terms
    return dict_trie({*thai_words(), *(t for t in terms if not t.isascii())})


@cache
def _split_compound(word: str) -> tuple[str, str] | None:
    """A compound the segmenter kept whole ("ปฏิบัติภารกิจ") is shown when both its words
    are, as documents often write them apart ("การปฏิบัติงาน … ภารกิจ")."""
    vocab = _folded_words()
    for cut in range(3, len(word) - 2):
        head, tail = word[:cut], word[cut:]
        if head in vocab and tail in vocab:
            return head, tail
    return None


@cache
def _folded_words() -> frozenset[str]:
    """PyThaiNLP's dictionary as the rules compare words: folded (no tone marks…)."""
    from pythainlp.corpus.common import thai_words

    return frozenset(fold(word) for word in thai_words())


@cache
def title_groups(title: str) -> tuple[tuple[str, ...], ...]:
    """The distinctive words of an item's title (stop, filler and generic words left out),
    alternatives ("คู่มือหรือแนวทาง") kept together, each group once."""
    groups, _generic = _phrase_words(title)
    kept = [tuple(w for w in group if len(w) >= 3) for group in groups]
    return tuple(dict.fromkeys(group for group in kept if group))


def _shared_words(elements: list[Element]) -> frozenset[str]:
    """Words that several numbered details of one item share ("ผู้รับบริการ" in both "(1)
    … ณ จุดให้บริการ" and "(2) … ผ่านช่องทาง E-Service") tell the details apart no
    better than the item's title does."""
    seen: dict[str, int] = {}
    for element in elements:
        numbered = _NUMBERED.search(element.text)
        if numbered is None:
            continue
        groups, _generic = _phrase_words(_PARENS.sub(" ", numbered.group(1)))
        for word in {w for group in groups for w in group}:
            seen[word] = seen.get(word, 0) + 1
    return frozenset(word for word, count in seen.items() if count > 1)


def _words_found(element_text: str, text: str, shared: frozenset[str] = frozenset()) -> bool:
    numbered = _NUMBERED.search(element_text)
    phrase = numbered.group(1) if numbered else element_text
    aside = " ".join(_PARENS.findall(phrase)).strip("() ")
    main = _PARENS.sub(" ", phrase).strip()
    if not main:
        return _phrase_found(phrase, text, shared)
    if _EXAMPLES in main:
        # "ช่องทางให้บริการ เช่น สถานที่ ส่วนงานที่รับผิดชอบ E-Service": the words before
        # "เช่น" say what is asked, and any one example shows it.
        asked, examples = main.split(_EXAMPLES, 1)
        shown, _generic = _phrase_words(examples)
        if _phrase_found(asked, text, shared) or any(_any(group, text) for group in shown):
            return True
    # "(บริการหรือภารกิจใด)" explains the words before it: either says the element is there.
    return _phrase_found(main, text, shared) or (
        len(aside) > 3 and _phrase_found(aside, text, shared)
    )


def _phrase_found(phrase: str, text: str, shared: frozenset[str] = frozenset()) -> bool:
    distinctive, generic = _phrase_words(phrase)
    if distinctive:
        # Words shared with sibling details count half: they say which item, not which detail.
        weights = [_SHARED_WEIGHT if set(g) <= shared else 1.0 for g in distinctive]
        shown = sum(w for w, g in zip(weights, distinctive, strict=True) if _any(g, text))
        own = [g[0] for g in distinctive if not set(g) <= shared]
        head = "".join(own[:2]) if len(own) >= 2 else ""
        return shown >= _ENOUGH * sum(weights) or (bool(head) and head in text)
    if generic:
        # Without distinctive words the first one is the head noun ("งบประมาณที่ใช้…"):
        # it must be there, and half of the rest.
        shown = [_has(w, text) for w in generic]
        return shown[0] and sum(shown) * 2 >= len(generic)
    return True


def _any(group: tuple[str, ...], text: str) -> bool:
    return any(_has(word, text) for word in group)


def _stem(word: str) -> str:
    for prefix in ("การ", "ความ"):
        if word.startswith(prefix) and len(word) > len(prefix) + 2:
            return word[len(prefix) :]
    return word


@cache
def _phrase_words(phrase: str) -> tuple[tuple[tuple[str, ...], ...], tuple[str, ...]]:
    """(distinctive word groups, generic words) of the element's phrase; a group holds the
    alternatives written "a/b"."""
    vocab = vocabulary()
    groups: list[tuple[str, ...]] = []
    generic: list[str] = []
    joined = False  # the last token was "/": the next word is an alternative of the last one
    last = ""  # where the last word went: "group", "generic" or "" (left out)
    for token in _segment(phrase):
        folded = _stem(fold(token))
        if folded in ("/", "หรือ"):
            joined = True
            continue
        if len(folded) < 2 or not any(ch.isalnum() for ch in folded):
            continue
        if joined and last == "group":
            groups[-1] = (*groups[-1], folded)
        elif joined and last:
            pass  # "โครงการ/กิจกรรม": an alternative of a generic word is as generic
        elif folded in vocab.generic:
            generic.append(folded)
            last = "generic"
        elif folded not in vocab.stop:
            groups.append((folded,))
            last = "group"
        else:
            last = ""
        joined = False
    return tuple(groups), tuple(generic)
