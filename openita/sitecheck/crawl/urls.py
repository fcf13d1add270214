"""Which URLs the crawler treats as the same page, and which belong to the agency's site."""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

_DEFAULT_PORTS = {"http": 80, "https": 443}
# Tracking and session parameters make one page look like thousands.
_DROP_PARAMS = frozenset(
    {"fbclid", "gclid", "phpsessid", "jsessionid", "sid", "sessionid", "_ga", "ref", "share"}
)
DOCUMENT_SUFFIXES = (
    ".pdf",
    ".doc",
    ".docx",
    ".xls",
    ".xlsx",
    ".ppt",
    ".pptx",
    ".jpg",
    ".jpeg",
    ".png",
)


def canonical(url: str) -> str:
    """Lower-case scheme and host, no default port, no fragment, no tracking parameters."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return url
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    netloc = host if port in (None, _DEFAULT_PORTS.get(scheme)) else f"{host}:{port}"
    query = [
        (key, value)
        for key, value in parse_qsl(parts.query, keep_blank_values=True)
        if key.lower() not in _DROP_PARAMS and not key.lower().startswith("utm_")
    ]
    return urlunsplit((scheme, netloc, parts.path or "/", urlencode(query), ""))


def host_of(url: str) -> str:
    try:
        return (urlsplit(url).hostname or "").lower()
    except ValueError:
        return ""


def site_hosts(start_url: str, extra: tuple[str, ...] = ()) -> frozenset[str]:
    """The start host with and without "www.", plus any extra hosts of the same agency."""
    host = host_of(start_url)
    bare = host.removeprefix("www.")
    return frozenset({host, bare, f"www.{bare}", *(h.lower() for h in extra)})


def on_hosts(url: str, hosts: tuple[str, ...] | frozenset[str]) -> bool:
    host = host_of(url)
    return any(host == h or host.endswith("." + h) for h in hosts)


def looks_like_document(url: str) -> bool:
    try:
        path = urlsplit(url).path.lower()
    except ValueError:
        return False
    return path.endswith(DOCUMENT_SUFFIXES)


def variant_key(url: str) -> tuple[str, str] | None:
    """(host, path) for a URL with a query string: calendars and filters live there."""
    parts = urlsplit(url)
    return (parts.netloc, parts.path) if parts.query else None
