"""Thai text normalisation: one place for every comparison of Thai strings.

Text extracted from PDFs (agencies' and our own) carries known defects; see
``../shared/ita/thai-pdf.md`` in the workplace notes:

1. Positional variants of tone marks and upper/lower vowels in the Private Use Area
   (U+F700-U+F71A, the long-standing Thai PUA convention of TLWG and Microsoft fonts)
   are mapped back to the standard marks.
2. Zero-width characters that break word matching are removed.
3. A decomposed sara am (nikhahit U+0E4D followed by sara aa U+0E32, possibly with a tone
   mark written before or between them) is composed back into U+0E33.
4. The result is NFC-normalised.

A lost nikhahit (ดาเนินงาน) is not recoverable by normalisation alone: ``repair_sara_am``
puts it back with PyThaiNLP's dictionary where the text shows the defect. ``fold`` is the
key the site pre-check matches keywords by; ``words`` segments Thai into words.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

# The Thai PUA convention: positional glyph variants that extractors emit literally.
_PUA_TO_THAI = {
    0xF700: "\u0e10",  # tho than without its lower tail
    0xF701: "\u0e34",
    0xF702: "\u0e35",
    0xF703: "\u0e36",
    0xF704: "\u0e37",
    0xF705: "\u0e48",
    0xF706: "\u0e49",
    0xF707: "\u0e4a",
    0xF708: "\u0e4b",
    0xF709: "\u0e4c",
    0xF70A: "\u0e48",
    0xF70B: "\u0e49",
    0xF70C: "\u0e4a",
    0xF70D: "\u0e4b",
    0xF70E: "\u0e4c",
    0xF70F: "\u0e0d",  # yo ying without its lower tail
    0xF710: "\u0e31",
    0xF711: "\u0e4d",
    0xF712: "\u0e47",
    0xF713: "\u0e48",
    0xF714: "\u0e49",
    0xF715: "\u0e4a",
    0xF716: "\u0e4b",
    0xF717: "\u0e4c",
    0xF718: "\u0e38",
    0xF719: "\u0e39",
    0xF71A: "\u0e3a",
}
_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))
_TRANSLATE = {**_PUA_TO_THAI, **_ZERO_WIDTH}
# str.translate looks every character up in a dict (~100 ms per MB of Thai); most text needs
# none of it, and a regex scan for the few characters concerned costs ~2 ms per MB.
_NEEDS_TRANSLATE = re.compile("[" + "".join(map(chr, _TRANSLATE)) + "]")
_TONE = "[\u0e48-\u0e4b]"
# nikhahit (+ tone) + sara aa, or tone + nikhahit + sara aa: the tone stays before sara am.
_SARA_AM = re.compile(f"({_TONE}?)\u0e4d({_TONE}?)\u0e32")


def normalize(text: str) -> str:
    """Repair the recoverable extraction defects of Thai text (see the module docstring)."""
    if _NEEDS_TRANSLATE.search(text):
        text = text.translate(_TRANSLATE)
    # After the PUA mapping: NFC then puts a mapped tone mark after a lower vowel (ผู้ → ผู้).
    text = unicodedata.normalize("NFC", text)
    return _SARA_AM.sub(lambda m: m.group(1) + m.group(2) + "\u0e33", text)


def squash_spaces(text: str) -> str:
    """Collapse runs of whitespace (PDF extraction breaks lines anywhere) into one space."""
    return re.sub(r"\s+", " ", text).strip()


def normalize_for_match(text: str) -> str:
    """``normalize`` plus whitespace folding: the form two texts are compared in."""
    return squash_spaces(normalize(text))


# --- Lost sara am -------------------------------------------------------------------------
#
# Hand-written: no library repairs this defect. PyThaiNLP segments and spell-checks words,
# but a spell checker works word by word on text that is already segmented, and segmenting
# broken text is exactly what goes wrong ("ดาเนินงาน" splits into "ดา|เนิน|งาน").

_AM = "\u0e33"
_AA = "\u0e32"
_NIKHAHIT = "\u0e4d"
# Broken forms shorter than this are too often pieces of other words (ทา, คา, จาก).
MIN_BROKEN_LEN = 4
# Dictionary words that may overlap a repaired vowel are looked for up to this length.
_CONTEXT_SPAN = 12
_LEADING_VOWELS = frozenset("เแโใไ")
# Vowels and marks written after their consonant: a match followed by one ends mid-syllable.
_TRAILING = frozenset("\u0e30\u0e31\u0e32\u0e33\u0e45") | frozenset(map(chr, range(0x0E34, 0x0E3B)))
_TRAILING |= frozenset(map(chr, range(0x0E47, 0x0E4F)))
# A healthy text holds many times more sara am than look-alike broken forms: Wikipedia's
# Thai titles (PyThaiNLP's copy, 4.3 M characters, name-heavy) have 11,553 ำ against 325
# false matches (foreign names: คาโต, การูดา), about 36:1. A text that lost its nikhahits has
# (almost) no ำ left. With every ำ of those titles turned into า, the repair restores 8,364
# of the 11,051 titles that had one; the rest are mostly short words (ทำ, น้ำ, คำ) that
# cannot be told from real ones (ทา, น้า, คา) without the meaning.
_HEALTHY_RATIO = 3


@dataclass(frozen=True)
class _SaraAmRepair:
    broken: dict[str, str]  # broken form → dictionary word
    pattern: re.Pattern[str]  # leftmost-longest match of any broken form
    vocab: frozenset[str]


def _trie_pattern(strings: Iterable[str]) -> str:
    """One regex for many literals, nested by common prefix.

    A flat alternation of 3,000 literals is tried one by one at every position; the
    nested form costs one character test per level, and greedy optional groups make each
    match the longest one starting there.
    """
    trie: dict[str, Any] = {}
    for s in strings:
        node = trie
        for ch in s:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        alts = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(trie)


def _broken_forms(vocab: frozenset[str]) -> dict[str, str]:
    """Broken form → word, for words with ำ whose broken form is no word itself."""
    broken: dict[str, str] = {}
    ambiguous: set[str] = set()
    for word in vocab:
        if _AM not in word:
            continue
        form = word.replace(_AM, _AA)
        if len(form) < MIN_BROKEN_LEN or form in vocab:
            continue
        if form in broken and broken[form] != word:
            ambiguous.add(form)
        broken[form] = word
    for form in ambiguous:
        del broken[form]
    return broken


def _inside_words(forms: Iterable[str], vocab: frozenset[str]) -> set[str]:
    """The forms that occur inside a longer dictionary word (การอ in การอนุมัติ).

    Indexed by their first four characters so that each word costs one look-up per
    position instead of one substring search per form.
    """
    by_prefix: dict[str, list[str]] = {}
    for form in forms:
        by_prefix.setdefault(form[:MIN_BROKEN_LEN], []).append(form)
    found: set[str] = set()
    for word in vocab:
        for i in range(len(word) - MIN_BROKEN_LEN + 1):
            for form in by_prefix.get(word[i : i + MIN_BROKEN_LEN], ()):
                if form != word and word.startswith(form, i):
                    found.add(form)
    return found


@functools.cache
def _sara_am_repair() -> _SaraAmRepair:
    """Built once per process. Measured: 0.15-0.25 s for 3,308 broken forms from 62,106
    words (candidates 0.01 s, the guard 0.1 s, the regex 0.05 s), plus 0.1 s to import
    PyThaiNLP and load its word list. Repair then runs at 0.06 s per MB of healthy text and
    0.1 s per MB of broken text."""
    from pythainlp.corpus.common import thai_words  # heavy: loaded on first use

    vocab = frozenset(thai_words())
    broken = _broken_forms(vocab)
    for form in _inside_words(broken, vocab):
        del broken[form]
    return _SaraAmRepair(broken, re.compile(_trie_pattern(broken)), vocab)


def _overlaps_word(text: str, start: int, end: int, rep: _SaraAmRepair) -> bool:
    """Whether the match text[start:end] is likely a piece of correct text.

    True when it starts after a leading vowel or ends before a trailing one (it cuts a
    syllable), or when a dictionary word reaching outside the match holds the sara aa that
    would be replaced: in ``ของชาติ`` the า of ``ของชา`` (ของชำ) belongs to ``ชาติ``.
    """
    if (start > 0 and text[start - 1] in _LEADING_VOWELS) or (
        end < len(text) and text[end] in _TRAILING
    ):
        return True
    word = rep.broken[text[start:end]]
    for offset, ch in enumerate(word):
        if ch != _AM:
            continue
        p = start + offset
        for s in range(max(0, p - _CONTEXT_SPAN), p + 1):
            for e in range(p + 1, min(len(text), s + _CONTEXT_SPAN) + 1):
                outside = s < start or e > end
                # A word that ends inside the match before a trailing vowel is no rival
                # reading: การสาน|ักงาน leaves "ัก" with no consonant.
                splits = e < end and text[e] in _TRAILING
                if outside and not splits and e - s >= 2 and text[s:e] in rep.vocab:
                    return True
    return False


def repair_sara_am(text: str) -> str:
    """Put back the nikhahit that PDF extraction lost from sara am (ดาเนินงาน → ดำเนินงาน).

    1. Find the leftmost-longest broken form of a dictionary word with ำ, where the broken
       form is at least four characters long, no word itself (ทา, คา stay) and no piece
       of a longer word (การอ is in การอนุมัติ).
    2. Skip a match that cuts a syllable or whose sara aa belongs to a dictionary word
       reaching outside it (``ของชาติ``), and look again one character further.
    3. Apply the repairs only when the text looks broken: it holds fewer than three ำ per
       repair found. Healthy text keeps its foreign names (คาโต, การูดา) as they are.

    Run it on a whole document after ``normalize``: the ratio in step 3 needs the text.
    """
    rep = _sara_am_repair()
    found: list[tuple[int, int, str]] = []
    pos = 0
    while m := rep.pattern.search(text, pos):
        if m.end() == m.start() or _overlaps_word(text, m.start(), m.end(), rep):
            pos = m.start() + 1
            continue
        found.append((m.start(), m.end(), rep.broken[m.group()]))
        pos = m.end()
    healthy = text.count(_AM) + text.count(_NIKHAHIT)
    if not found or healthy > _HEALTHY_RATIO * len(found):
        return text
    parts: list[str] = []
    last = 0
    for start, end, word in found:
        parts += [text[last:start], word]
        last = end
    parts.append(text[last:])
    return "".join(parts)


# --- Matching key and words ------------------------------------------------------------------

# Pairs for str.replace: each is one C-level scan (~0.1 ms per MB), against ~100 ms per MB
# for str.translate with a table.
_FOLD = (
    (_AM, _AA),  # a lost nikhahit must not stop a match: ดำเนิน and ดาเนิน fold alike
    (_NIKHAHIT, ""),
    # Tone marks: OCR and PDF text layers drop or misplace them (เรือง for เรื่อง), and
    # no two phrases the rules look for differ by a tone mark alone.
    *((chr(code), "") for code in range(0x0E48, 0x0E4C)),
    *((chr(0x0E50 + d), str(d)) for d in range(10)),  # Thai digits
    *(("\u201c", '"'), ("\u201d", '"'), ("\u201e", '"'), ("\u2018", "'"), ("\u2019", "'")),
    *(("\u2013", "-"), ("\u2014", "-"), ("\u2212", "-")),
)


def fold(text: str) -> str:
    """The key two texts are compared by: ``normalize_for_match``, Latin lower-cased, sara am
    folded to sara aa (so broken and repaired text match), no tone marks, Thai digits as ASCII,
    curly quotes and dashes plain. Runs on whole pages: C-level passes only, ~40 ms per MB of
    Thai."""
    text = normalize_for_match(text).lower()
    for old, new in _FOLD:
        text = text.replace(old, new)
    return text


def words(text: str) -> list[str]:
    """PyThaiNLP's newmm segmentation of the normalised text, without whitespace tokens."""
    from pythainlp.tokenize import word_tokenize  # heavy: loaded on first use

    tokens: list[str] = word_tokenize(normalize(text), engine="newmm", keep_whitespace=False)
    return [t for t in tokens if t.strip()]


def excerpt(text: str, at: int, span: int = 120) -> str:
    """About span characters of text around position at, cut between words (Thai has no
    spaces between words, so the cut points come from PyThaiNLP) and marked with "…"."""
    from pythainlp.tokenize import word_tokenize  # heavy: loaded on first use

    start = max(0, at - span // 3)
    space = text.find(" ", start, at)
    whole_start = start == 0 or space >= 0  # a space before the hit is a clean place to start
    start = space + 1 if space >= 0 else start
    window = text[start : start + span + 20]
    tokens: list[str] = word_tokenize(window, engine="newmm", keep_whitespace=True)
    if not whole_start and len(tokens) > 1:
        tokens = tokens[1:]  # probably a word cut in half
    end_cut = start + len(window) < len(text)
    if end_cut and len(tokens) > 1:
        tokens = tokens[:-1]
    kept: list[str] = []
    for token in tokens:
        if kept and sum(map(len, kept)) + len(token) > span:
            end_cut = True
            break
        kept.append(token)
    body = squash_spaces("".join(kept))
    return ("…" if start > 0 else "") + body + ("…" if end_cut else "")
