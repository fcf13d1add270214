"""Stage 2: be a good guest — robots.txt, per-host limits and delay, retries with back-off."""

from __future__ import annotations

import asyncio
import time
from collections import defaultdict
from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser

from .fetch import Fetched, Fetcher
from .settings import CrawlSettings

_RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
_RETRY_OUTCOMES = frozenset({"timeout", "error"})


def origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}".lower()


class Robots:
    """robots.txt per origin, fetched once. A missing or failing robots.txt allows all,
    as browsers (and assessors) are not stopped either."""

    def __init__(self, fetcher: Fetcher, agent: str) -> None:
        self._fetcher = fetcher
        self._agent = agent
        self._rules: dict[str, RobotFileParser | None] = {}
        self._locks: defaultdict[str, asyncio.Lock] = defaultdict(asyncio.Lock)

    async def allowed(self, url: str) -> bool:
        key = origin(url)
        async with self._locks[key]:
            if key not in self._rules:
                self._rules[key] = await self._load(key)
        rules = self._rules[key]
        return rules is None or rules.can_fetch(self._agent, url)

    async def _load(self, key: str) -> RobotFileParser | None:
        fetched = await self._fetcher.get(f"{key}/robots.txt")
        if fetched.outcome != "ok" or "html" in fetched.content_type.lower():
            return None
        parser = RobotFileParser()
        parser.parse(fetched.body.decode("utf-8", "replace").splitlines())
        return parser


class HostSlots:
    """At most per_host_concurrency requests per host, spaced by delay_s."""

    def __init__(self, settings: CrawlSettings) -> None:
        self._settings = settings
        self._slots: dict[str, asyncio.Semaphore] = {}
        self._next_start: dict[str, float] = {}
        self._lock = asyncio.Lock()

    async def fetch(self, fetcher: Fetcher, url: str) -> Fetched:
        host = origin(url)
        slot = self._slots.setdefault(host, asyncio.Semaphore(self._settings.per_host_concurrency))
        async with slot:
            await self._wait_turn(host)
            return await fetcher.get(url)

    async def _wait_turn(self, host: str) -> None:
        if self._settings.delay_s <= 0:
            return
        async with self._lock:
            start = max(time.monotonic(), self._next_start.get(host, 0.0))
            self._next_start[host] = start + self._settings.delay_s
        await asyncio.sleep(max(0.0, start - time.monotonic()))


def should_retry(fetched: Fetched) -> bool:
    return fetched.outcome in _RETRY_OUTCOMES or (
        fetched.outcome == "broken" and (fetched.status or 0) in _RETRY_STATUSES
    )


async def fetch_with_retries(
    fetcher: Fetcher, slots: HostSlots, url: str, settings: CrawlSettings
) -> Fetched:
    """Retry timeouts, connection errors, 429 and 5xx with exponential back-off; a
    Retry-After header is honoured up to max_retry_after_s."""
    attempt = 0
    while True:
        fetched = await slots.fetch(fetcher, url)
        if attempt >= settings.retries or not should_retry(fetched):
            if attempt:
                fetched.detail = f"{fetched.detail} (after {attempt + 1} attempts)".strip()
            return fetched
        pause = settings.backoff_s * (2**attempt)
        if fetched.retry_after is not None:
            pause = min(max(pause, fetched.retry_after), settings.max_retry_after_s)
        attempt += 1
        await asyncio.sleep(pause)
