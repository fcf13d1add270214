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
        terms=frozenset([*data.get("terms", ()), *data["synonyms"], *data["generic"]]),
        channels={k: tuple(v) for k, v in data["channels"].items()},
        channel_words={k: tuple(v) for k, v in data["channel_words"].items()},
        reachable=tuple(re.compile(p) for p in rules["reachable"]),
        presence=tuple(re.compile(p) for p in rules["presence"]),
        any_of=tuple(re.compile(p) for p in rules["any_of"]),
    )
