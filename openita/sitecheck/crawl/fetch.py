"""Stage 1: fetch one URL with httpx, every redirect hop passing the SSRF guard again.

The same rules as ``lib.safehttp`` (which serves the synchronous link checker): only public
addresses unless settings allow private ones, bodies read with a hard cap, identity
encoding so that the cap means what it says, login walls recognised.
"""

from __future__ import annotations

import asyncio
import hashlib
import re
import ssl
from dataclasses import dataclass, field
from urllib.parse import unquote, urljoin

import httpx

from openita.lib.loginwall import is_login_url, login_reason
from openita.lib.safehttp import UnsafeURL, check_address_allowed, parse_target

from .settings import CrawlSettings

_REDIRECTS = frozenset({301, 302, 303, 307, 308})


@dataclass
class Fetched:
    """What one GET (with its redirects) gave. outcome as in ``types.StoredPage``."""

    url: str
    final_url: str
    status: int | None = None
    content_type: str = ""
    body: bytes = b""
    redirects: list[str] = field(default_factory=list)
    outcome: str = "ok"
    detail: str = ""
    retry_after: float | None = None
    filename: str = ""  # from Content-Disposition: often the only place a file names its year

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.body).hexdigest() if self.body else ""


class Fetcher:
    """One shared async client; host checks are cached per (host, port) for the crawl."""

    def __init__(self, settings: CrawlSettings) -> None:
        self.settings = settings
        self._checked: dict[tuple[str, int], UnsafeURL | None] = {}
        self.client = httpx.AsyncClient(
            follow_redirects=False,
            timeout=httpx.Timeout(settings.timeout_s),
            limits=httpx.Limits(
                max_connections=settings.concurrency,
                max_keepalive_connections=settings.concurrency,
            ),
            headers={
                "User-Agent": settings.user_agent,
                "Accept-Language": "th,en;q=0.8",
                "Accept-Encoding": "identity",
            },
        )

    async def close(self) -> None:
        await self.client.aclose()

    async def get(self, url: str) -> Fetched:
        """Fetch url; network failures become outcomes, never exceptions."""
        fetched = Fetched(url=url, final_url=url)
        try:
            await asyncio.wait_for(self._follow(fetched), timeout=self.settings.timeout_s * 4)
        except TimeoutError:
            fetched.outcome, fetched.detail = "timeout", "the download took too long"
        except httpx.TimeoutException as exc:
            fetched.outcome, fetched.detail = "timeout", f"{type(exc).__name__}: {exc}"
        except httpx.ConnectError as exc:
            fetched.outcome, fetched.detail = "error", _connect_detail(exc)
        except (httpx.HTTPError, httpx.InvalidURL, httpx.StreamError, OSError) as exc:
            fetched.outcome, fetched.detail = "error", f"{type(exc).__name__}: {exc}"
        return fetched

    async def _guard(self, url: str) -> str:
        normalised, host, port = parse_target(url, allow_private=self.settings.allow_private)
        key = (host, port)
        if key not in self._checked:
            try:
                # getaddrinfo blocks, so it runs in a thread; one lookup per host per crawl.
                await asyncio.to_thread(
                    check_address_allowed, host, port, allow_private=self.settings.allow_private
                )
                self._checked[key] = None
            except UnsafeURL as exc:
                self._checked[key] = exc
        refused = self._checked[key]
        if refused is not None:
            raise refused
        return normalised

    async def _follow(self, fetched: Fetched) -> None:
        current = fetched.url
        seen = {current}
        while True:
            try:
                current = await self._guard(current)
            except UnsafeURL as exc:
                fetched.outcome = "error" if exc.code == "unresolvable" else "blocked"
                fetched.detail = f"{exc.code}: {exc.detail}"
                return
            fetched.final_url = current
            target = await self._request(current, fetched)
            if target is None:
                break
            fetched.redirects.append(target)
            if is_login_url(target):
                fetched.final_url = target  # where it leads is the answer; no need to go
                break
            if target in seen or len(fetched.redirects) > self.settings.max_redirects:
                fetched.outcome = "too_many_redirects"
                fetched.detail = f"redirect loop or more than {self.settings.max_redirects} hops"
                return
            seen.add(target)
            current = target
        _judge(fetched)

    async def _request(self, url: str, fetched: Fetched) -> str | None:
        """GET url into fetched; return the redirect target, if any."""
        async with self.client.stream("GET", url) as response:
            fetched.status = response.status_code
            fetched.content_type = response.headers.get("content-type", "")
            fetched.retry_after = _retry_after(response.headers.get("retry-after", ""))
            fetched.filename = _filename(response.headers.get("content-disposition", ""))
            if response.status_code in _REDIRECTS:
                location = response.headers.get("location", "").strip().replace(" ", "%20")
                return urljoin(url, location) if location else None
            declared = response.headers.get("content-length", "")
            if declared.isdigit() and int(declared) > self.settings.max_bytes:
                fetched.outcome = "too_large"
                fetched.detail = (
                    f"{int(declared):,} bytes, over the {self.settings.max_bytes:,} limit"
                )
                return None
            fetched.body = await _read_capped(response, self.settings.max_bytes, fetched)
        return None


async def _read_capped(response: httpx.Response, cap: int, fetched: Fetched) -> bytes:
    chunks: list[bytes] = []
    size = 0
    async for chunk in response.aiter_bytes():
        chunks.append(chunk)
        size += len(chunk)
        if size > cap:
            fetched.outcome = "too_large"
            fetched.detail = f"more than {cap:,} bytes; the rest was not read"
            break
    return b"".join(chunks)[:cap]


def _judge(fetched: Fetched) -> None:
    if fetched.outcome != "ok":
        return
    login = login_reason(
        url=fetched.url, final_url=fetched.final_url, redirects=fetched.redirects,
        status=fetched.status, content_type=fetched.content_type, body=fetched.body[:65536],
    )  # fmt: skip
    status = fetched.status or 0
    if login:
        fetched.outcome, fetched.detail = "login_required", login
    elif status >= 400:
        fetched.outcome, fetched.detail = "broken", f"HTTP {status}"
    elif status in _REDIRECTS:
        fetched.outcome, fetched.detail = "broken", f"HTTP {status} without a Location header"
    elif not fetched.body:
        fetched.outcome, fetched.detail = "broken", "empty response"


_FILENAME_STAR = re.compile(r"filename\*\s*=\s*[\w-]+''([^;]+)", re.IGNORECASE)
_FILENAME = re.compile(r'filename\s*=\s*"?([^";]+)"?', re.IGNORECASE)


def _filename(disposition: str) -> str:
    star = _FILENAME_STAR.search(disposition)
    if star:
        return unquote(star.group(1).strip())
    plain = _FILENAME.search(disposition)
    return plain.group(1).strip() if plain else ""


def _retry_after(raw: str) -> float | None:
    raw = raw.strip()
    return float(raw) if raw.isdigit() else None


def _connect_detail(exc: httpx.ConnectError) -> str:
    cause = exc.__cause__ or exc.__context__
    while cause is not None:
        if isinstance(cause, ssl.SSLError):
            return f"TLS error: {cause}"
        cause = cause.__cause__ or cause.__context__
    return f"cannot connect: {exc}"
