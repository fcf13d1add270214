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
"""

from __future__ import annotations

import re
import unicodedata

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
_TONE = "[\u0e48-\u0e4b]"
# nikhahit (+ tone) + sara aa, or tone + nikhahit + sara aa: the tone stays before sara am.
_SARA_AM = re.compile(f"({_TONE}?)\u0e4d({_TONE}?)\u0e32")


def normalize(text: str) -> str:
    """Repair the recoverable extraction defects of Thai text (see the module docstring)."""
    text = unicodedata.normalize("NFC", text).translate(_TRANSLATE)
    return _SARA_AM.sub(lambda m: m.group(1) + m.group(2) + "\u0e33", text)


def squash_spaces(text: str) -> str:
    """Collapse runs of whitespace (PDF extraction breaks lines anywhere) into one space."""
    return re.sub(r"\s+", " ", text).strip()


def normalize_for_match(text: str) -> str:
    """``normalize`` plus whitespace folding: the form two texts are compared in."""
    return squash_spaces(normalize(text))
