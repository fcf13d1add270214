"""Stage 4: keep what was fetched. The engine hands every page to a ``Store``."""

from __future__ import annotations

from typing import Protocol

from .types import StoredPage


class Store(Protocol):
    def add(self, page: StoredPage) -> None: ...


class MemoryStore:
    """Keeps pages in a list; the command line and the tests use it."""

    def __init__(self) -> None:
        self.pages: list[StoredPage] = []

    def add(self, page: StoredPage) -> None:
        self.pages.append(page)
