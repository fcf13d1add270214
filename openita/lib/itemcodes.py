"""Normalise OIT item codes as agencies write them.

Agencies type the letter O as a Latin ``O``/``o``, a zero, a Thai zero ``๐`` or a circle
``○``, sometimes pad the number (``010``) or write it in Thai digits (``๐๑``). All of these
mean the same item, so every code passes through :func:`normalize_item_code`.
"""

from __future__ import annotations

import re
import unicodedata

_THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
# Characters agencies use for the letter O in front of the number.
_O_LIKE = "OoＯｏ○◯〇ㅇ°"
_CODE = re.compile(rf"^\s*([{_O_LIKE}])?\s*[.\-_]?\s*(\d{{1,3}})\s*\.?\s*$")


class ItemCodeError(ValueError):
    """The text is not an item code."""


def normalize_item_code(raw: str) -> str:
    """Return the canonical ``O<n>`` form of an OIT item code.

    >>> [normalize_item_code(c) for c in ("O1", "o1", "01", "○1", "๐๑", "010", "O 10")]
    ['O1', 'O1', 'O1', 'O1', 'O1', 'O10', 'O10']
    """
    text = unicodedata.normalize("NFKC", raw).translate(_THAI_DIGITS)
    match = _CODE.match(text)
    if not match:
        raise ItemCodeError(f"{raw!r} is not an OIT item code (expected O1, o1, 01, ○1 or ๐๑)")
    number = int(match.group(2))
    if number == 0:
        raise ItemCodeError(f"{raw!r} is not an OIT item code (item numbers start at 1)")
    return f"O{number}"


def item_number(code: str) -> int:
    """The number of a canonical code, for sorting: ``O10`` → 10."""
    return int(normalize_item_code(code)[1:])
