"""Load ``vocabulary.yaml`` once (see the comments in that file)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from openita.lib.thaitext import fold

_FILE = Path(__file__).resolve().parent.parent / "vocabulary.yaml"


@dataclass(frozen=True)
class Vocabulary:
    generic: frozenset[str]
    stop: frozenset[str]
    synonyms: dict[str, tuple[str, ...]]
    shadows: dict[str, tuple[str, ...]]
    scopes: tuple[tuple[str, tuple[str, ...]], ...]  # element marker → documents' words
    cutoffs: tuple[tuple[str, tuple[str, ...]], ...]  # element marker → words showing it
    terms: frozenset[str]  # as written: the segmenter's dictionary needs the tone marks
    channels: dict[str, tuple[str, ...]]
    channel_words: dict[str, tuple[str, ...]]
    reachable: tuple[re.Pattern[str], ...]
    presence: tuple[re.Pattern[str], ...]
    any_of: tuple[re.Pattern[str], ...]


@cache
def vocabulary() -> Vocabulary:
    from pythainlp.corpus import thai_stopwords

    data = yaml.safe_load(_FILE.read_text(encoding="utf-8"))
    rules = data["element_rules"]
    return Vocabulary(
        generic=frozenset(fold(w) for w in data["generic"]),
        stop=frozenset(fold(w) for w in [*thai_stopwords(), *data["filler"]]),
        synonyms={fold(k): tuple(fold(w) for w in v) for k, v in data["synonyms"].items()},
        shadows={fold(k): tuple(fold(w) for w in v) for k, v in data["shadows"].items()},
        scopes=tuple(
            (_key(s["element"]), tuple(_key(w) for w in s["documents"])) for s in data["scopes"]
        ),
        cutoffs=tuple(
            (_key(c["element"]), tuple(_key(w) for w in c["shown_by"])) for c in data["cutoffs"]
        ),
        terms=frozenset([*data.get("terms", ()), *data["synonyms"], *data["generic"]]),
        channels={k: tuple(v) for k, v in data["channels"].items()},
        channel_words={k: tuple(v) for k, v in data["channel_words"].items()},
        reachable=tuple(re.compile(p) for p in rules["reachable"]),
        presence=tuple(re.compile(p) for p in rules["presence"]),
        any_of=tuple(re.compile(p) for p in rules["any_of"]),
    )


def _key(text: str) -> str:
    return fold(text).replace(" ", "")
