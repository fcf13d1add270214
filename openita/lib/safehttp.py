"""Fetch user-supplied links without letting them reach into the server's own network.

Agencies paste links to their evidence (web pages, PDFs, Google Drive files). Checking or
archiving those links means the server makes requests to addresses chosen by users, which is
the classic server-side request forgery (SSRF) hole. Everything here therefore refuses
private, loopback and otherwise non-public destinations, follows redirects by hand so that
every hop is checked again, and reads bodies with a hard size cap.

This module is deliberately framework-free (stdlib + httpx only) so it can run in a web
request, a background task or a command-line tool alike.
"""

from __future__ import annotations

import hashlib
import ipaddress
import re
import socket
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from urllib.parse import urljoin, urlsplit, urlunsplit

import httpx

from .loginwall import is_login_url, login_reason

MAX_URL_LENGTH = 2000
USER_AGENT = "OpenITA-linkcheck/0.1 (+https://github.com/openita)"
# Identity encoding keeps max_bytes meaningful: a compressed body could otherwise expand far
# beyond the cap inside a single network chunk (a "zip bomb").
_REQUEST_HEADERS = {
    "User-Agent": USER_AGENT,
    "Accept-Language": "th,en",
    "Accept-Encoding": "identity",
}
_DEFAULT_PORTS = {"http": 80, "https": 443}
_REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
# httpx timeouts apply to each read, so a server dripping one byte at a time could hold a
# worker forever; the whole call is also bounded by this multiple of the timeout.
_TOTAL_BUDGET_FACTOR = 3

_PRIVATE_NAME_SUFFIXES = (".localhost", ".local", ".internal")
_HOST_CHARS = re.compile(r"^[a-z0-9_.-]+$")
# Hosts such as "127.1", "0x7f.0.0.1" or "2130706433" are IPv4 addresses to the resolver
# even though ipaddress rejects them, so they get the same literal-address check.
_LOOSE_IPV4 = re.compile(r"^(0x[0-9a-f]*|[0-9]+)(\.(0x[0-9a-f]*|[0-9]+)){0,3}\.?$")


class UnsafeURL(ValueError):
    """A URL that must not be fetched.

    code is one of: "malformed", "scheme", "credentials", "too_long", "private_address",
    "unresolvable".
    """

    def __init__(self, code: str, detail: str) -> None:
        super().__init__(f"{code}: {detail}")
        self.code = code
        self.detail = detail


@dataclass
class LinkProbe:
    """What a link check found.

    redirects lists every redirect target in the order they were met (including one that was
    refused); final_url is the last URL the check settled on.
    outcome is one of: "ok", "broken", "login_required", "blocked", "error", "timeout",
    "too_many_redirects".
    """

    url: str
    final_url: str
    status: int | None
    redirects: list[str]
    content_type: str
    content_length: int | None
    outcome: str
    detail: str


@dataclass
class Capture:
    """A kept copy of what a URL served, for archiving evidence.

    content holds at most max_bytes of the body; sha256 and size describe exactly those bytes.
    outcome takes the same values as LinkProbe.outcome.
    """

    url: str
    final_url: str
    status: int | None
    headers: dict[str, str]
    content: bytes
    sha256: str
    size: int
    truncated: bool
    fetched_at: datetime
    outcome: str
    detail: str
    redirects: list[str]


@dataclass
class _Target:
    url: str
    host: str  # ASCII (punycode) form, without IPv6 brackets
    port: int


@dataclass(frozen=True)
class _Options:
    allow_private: bool
    timeout: float
    max_redirects: int
    max_bytes: int
    sniff: bool  # a link check: stop reading non-HTML bodies after the first chunk


@dataclass
class _Fetched:
    """The raw result of following a URL, before it is judged."""

    url: str
    final_url: str
    redirects: list[str] = field(default_factory=list)
    status: int | None = None
    headers: httpx.Headers = field(default_factory=httpx.Headers)
    body: bytes = b""
    ended: bool = False  # the whole body was read
    outcome: str = ""  # set only when fetching itself failed
    detail: str = ""


def validate_url(url: str) -> str:
    """Check that url is a plain public http(s) URL and return it normalised.

    Normalising lowercases the scheme and host, drops a default port and gives an empty path
    "/". The host keeps the form it was written in (a Thai IDN stays readable); its punycode
    form is used only for checking. No DNS lookup happens here, because this runs inside web
    requests and must never wait on the network; check_address_allowed does that part.
    """
    return _parse(url, allow_private=False).url


def _parse(url: str, *, allow_private: bool) -> _Target:
    """See validate_url; the crawler uses it through parse_target."""
    url = url.strip()
    if not url:
        raise UnsafeURL("malformed", "the URL is empty")
    if len(url) > MAX_URL_LENGTH:
        raise UnsafeURL("too_long", f"the URL is longer than {MAX_URL_LENGTH} characters")
    # urlsplit silently drops tabs and newlines, so they must be refused before parsing.
    if any(ch.isspace() or ord(ch) < 32 or ord(ch) == 127 for ch in url):
        raise UnsafeURL("malformed", "the URL contains spaces or control characters")
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as exc:
        raise UnsafeURL("malformed", str(exc)) from None
    scheme = parts.scheme.lower()
    if scheme not in _DEFAULT_PORTS:
        raise UnsafeURL("scheme", f"only http and https are allowed, not {scheme!r}")
    if "@" in parts.netloc:
        raise UnsafeURL("credentials", "the URL must not carry a user name or password")
    host = (parts.hostname or "").lower()
    if not host:
        raise UnsafeURL("malformed", "the URL has no host")
    if port == 0:
        raise UnsafeURL("malformed", "port 0 is not a valid port")
    ascii_host = _ascii_host(host)
    if not allow_private:
        _refuse_private_name(ascii_host)
    netloc = f"[{host}]" if ":" in host else host
    if port is not None and port != _DEFAULT_PORTS[scheme]:
        netloc = f"{netloc}:{port}"
    normalised = urlunsplit((scheme, netloc, parts.path or "/", parts.query, parts.fragment))
    return _Target(normalised, ascii_host, port or _DEFAULT_PORTS[scheme])


def parse_target(url: str, *, allow_private: bool) -> tuple[str, str, int]:
    """validate_url for callers that resolve the host themselves (the async crawler):
    (normalised URL, ASCII host, port), without any DNS lookup."""
    target = _parse(url, allow_private=allow_private)
    return target.url, target.host, target.port


def _ascii_host(host: str) -> str:
    """Return the punycode form of host, refusing anything that is not a plausible name."""
    if ":" in host:
        try:
            ipaddress.IPv6Address(host)
        except ValueError:
            raise UnsafeURL("malformed", f"{host!r} is not a valid IPv6 address") from None
        return host
    try:
        # The idna codec also applies nameprep, so look-alikes such as full-width
        # "ｌｏｃａｌｈｏｓｔ" come out as the plain name they resolve to.
        ascii_host = host.encode("idna").decode("ascii").lower()
    except UnicodeError:
        raise UnsafeURL("malformed", f"{host!r} is not a valid host name") from None
    if not _HOST_CHARS.match(ascii_host) or ".." in ascii_host:
        raise UnsafeURL("malformed", f"{host!r} is not a valid host name")
    return ascii_host


def _refuse_private_name(ascii_host: str) -> None:
    """Refuse literal non-public addresses and names that only make sense on a local net."""
    name = ascii_host.rstrip(".")
    if name == "localhost" or name.endswith(_PRIVATE_NAME_SUFFIXES):
        raise UnsafeURL("private_address", f"{name!r} is a local host name")
    address = _literal_address(name)
    if address is not None and _is_forbidden(address):
        raise UnsafeURL("private_address", f"{address} is not a public address")


def _literal_address(name: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    try:
        return ipaddress.ip_address(name)
    except ValueError:
        pass
    if _LOOSE_IPV4.match(name):
        try:
            return ipaddress.IPv4Address(socket.inet_aton(name.rstrip(".")))
        except OSError:
            return None
    return None


def _is_forbidden(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    # An IPv4-mapped IPv6 address reaches the IPv4 host, so judge the IPv4 address itself.
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    return (
        address.is_private
        or address.is_loopback
        or address.is_link_local
        or address.is_reserved
        or address.is_multicast
        or address.is_unspecified
        # Catches what the flags above miss, such as carrier-grade NAT (100.64.0.0/10).
        or not address.is_global
    )


def check_address_allowed(host: str, port: int, *, allow_private: bool) -> None:
    """Resolve host and refuse it if any of its addresses is not public.

    Every address is checked, not just the first, because the connection may use any of
    them. Note that the HTTP client resolves the name again when it connects, so a hostile
    DNS server could still answer differently the second time (DNS rebinding); this check
    narrows the hole rather than closing it.
    """
    name = host.strip("[]")
    try:
        infos = socket.getaddrinfo(name, port, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError) as exc:
        raise UnsafeURL("unresolvable", f"{name!r} cannot be resolved ({exc})") from None
    if not infos:
        raise UnsafeURL("unresolvable", f"{name!r} has no addresses")
    if allow_private:
        return
    for info in infos:
        raw = str(info[4][0]).split("%", 1)[0]  # drop an IPv6 scope such as "%eth0"
        try:
            address = ipaddress.ip_address(raw)
        except ValueError:
            raise UnsafeURL("unresolvable", f"{name!r} resolved to {raw!r}") from None
        if _is_forbidden(address):
            raise UnsafeURL("private_address", f"{name!r} resolves to {address}")


def _guard(url: str, *, allow_private: bool) -> _Target:
    target = _parse(url, allow_private=allow_private)
    check_address_allowed(target.host, target.port, allow_private=allow_private)
    return target


def _is_html(content_type: str) -> bool:
    return "html" in content_type.lower()


def _redirect_target(response: httpx.Response, current: str) -> str | None:
    if response.status_code not in _REDIRECT_STATUSES:
        return None
    # Browsers tolerate raw spaces in Location (common on hand-built sites), so do the same.
    location: str = response.headers.get("location", "").strip().replace(" ", "%20")
    if not location:
        return None
    try:
        return urljoin(current, location)
    except ValueError:
        return location  # left for the guard to refuse as malformed


def _read_body(
    response: httpx.Response, fetched: _Fetched, options: _Options, deadline: float
) -> None:
    """Read at most max_bytes (plus one chunk to learn whether more follows).

    With sniff set, a body that is not HTML is abandoned after its first chunk: a link check
    only needs to know it is not empty, and reading a 50 MB PDF to learn that is waste.
    """
    max_bytes = options.max_bytes
    chunks: list[bytes] = []
    size = 0
    stop_early = options.sniff and not _is_html(response.headers.get("content-type", ""))
    for chunk in response.iter_bytes():
        chunks.append(chunk)
        size += len(chunk)
        if size > max_bytes or (stop_early and size > 0):
            break
        if time.monotonic() > deadline:
            fetched.outcome, fetched.detail = "timeout", "the download took too long"
            break
    else:
        fetched.ended = True
    fetched.body = b"".join(chunks)[:max_bytes]


def _follow(fetched: _Fetched, client: httpx.Client, options: _Options) -> None:
    """Follow redirects by hand so that every hop passes the same guard as the first URL."""
    timeout, max_redirects = options.timeout, options.max_redirects
    deadline = time.monotonic() + timeout * _TOTAL_BUDGET_FACTOR
    try:
        current = _guard(fetched.url, allow_private=options.allow_private).url
    except UnsafeURL as exc:
        fetched.outcome = "error" if exc.code == "unresolvable" else "blocked"
        fetched.detail = f"{exc.code}: {exc.detail}"
        return
    while True:
        fetched.final_url = current
        with client.stream(
            "GET", current, headers=_REQUEST_HEADERS, timeout=timeout, follow_redirects=False
        ) as response:
            fetched.status = response.status_code
            fetched.headers = response.headers
            target = _redirect_target(response, current)
            if target is None:
                _read_body(response, fetched, options, deadline)
                return
        fetched.redirects.append(target)
        hop = len(fetched.redirects)
        if is_login_url(target):
            # No need to fetch the sign-in page itself: where it leads is the answer.
            fetched.final_url = target
            return
        if hop > max_redirects:
            fetched.outcome = "too_many_redirects"
            fetched.detail = f"more than {max_redirects} redirects (last to {target})"
            return
        if time.monotonic() > deadline:
            fetched.outcome, fetched.detail = "timeout", "the redirects took too long"
            return
        try:
            current = _guard(target, allow_private=options.allow_private).url
        except UnsafeURL as exc:
            fetched.outcome = "error" if exc.code == "unresolvable" else "blocked"
            fetched.detail = f"redirect {hop} to {target} refused: {exc.code}: {exc.detail}"
            return


def _fetch(url: str, client: httpx.Client | None, options: _Options) -> _Fetched:
    """Fetch url, turning every network failure into an outcome instead of an exception."""
    fetched = _Fetched(url=url, final_url=url.strip())
    own_client = client is None
    active = client if client is not None else httpx.Client(follow_redirects=False)
    try:
        _follow(fetched, active, options)
    except httpx.TimeoutException as exc:
        fetched.outcome, fetched.detail = "timeout", f"{type(exc).__name__}: {exc}"
    except (httpx.HTTPError, httpx.InvalidURL, httpx.StreamError, OSError) as exc:
        fetched.outcome, fetched.detail = "error", f"{type(exc).__name__}: {exc}"
    finally:
        if own_client:
            active.close()
    return fetched


def _judge(fetched: _Fetched) -> tuple[str, str]:
    """Turn a fetch into (outcome, detail)."""
    if fetched.outcome:
        return fetched.outcome, fetched.detail
    status = fetched.status or 0
    login = login_reason(
        url=fetched.url, final_url=fetched.final_url, redirects=fetched.redirects,
        status=fetched.status, content_type=fetched.headers.get("content-type", ""),
        body=fetched.body,
    )  # fmt: skip
    if login:
        return "login_required", login
    if status >= 400:
        return "broken", f"HTTP {status}"
    if status in _REDIRECT_STATUSES:
        return "broken", f"HTTP {status} redirect without a Location header"
    if 200 <= status < 300 and not fetched.body:
        return "broken", "empty response"
    return "ok", f"HTTP {status}"


def _content_length(fetched: _Fetched) -> int | None:
    raw = fetched.headers.get("content-length", "").strip()
    if raw.isdigit():
        return int(raw)
    return len(fetched.body) if fetched.ended else None


def probe(
    url: str,
    *,
    allow_private: bool = False,
    timeout: float = 10.0,
    max_redirects: int = 5,
    max_bytes: int = 2_000_000,
    client: httpx.Client | None = None,
) -> LinkProbe:
    """Check whether url leads to something a member of the public can open.

    Never raises for network problems; they come back as the outcome. allow_private is for
    tests and trusted intranet deployments only.
    """
    options = _Options(allow_private, timeout, max_redirects, max_bytes, sniff=True)
    fetched = _fetch(url, client, options)
    outcome, detail = _judge(fetched)
    return LinkProbe(
        url=url,
        final_url=fetched.final_url,
        status=fetched.status,
        redirects=fetched.redirects,
        content_type=fetched.headers.get("content-type", ""),
        content_length=_content_length(fetched),
        outcome=outcome,
        detail=detail,
    )


def capture(
    url: str,
    *,
    allow_private: bool = False,
    timeout: float = 20.0,
    max_redirects: int = 5,
    max_bytes: int = 20_000_000,
    client: httpx.Client | None = None,
) -> Capture:
    """Download url (up to max_bytes) and keep the body with its hash, for archiving.

    headers are those of the final response. Never raises for network problems.
    """
    options = _Options(allow_private, timeout, max_redirects, max_bytes, sniff=False)
    fetched = _fetch(url, client, options)
    outcome, detail = _judge(fetched)
    body = fetched.body
    return Capture(
        url=url,
        final_url=fetched.final_url,
        status=fetched.status,
        headers=dict(fetched.headers.items()),
        content=body,
        sha256=hashlib.sha256(body).hexdigest(),
        size=len(body),
        truncated=bool(body) and not fetched.ended,
        fetched_at=datetime.now(UTC),
        outcome=outcome,
        detail=detail,
        redirects=fetched.redirects,
    )
