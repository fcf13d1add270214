"""Which URLs the crawler treats as the same page, and which belong to the agency's site."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, parse_qsl, urlencode, urlsplit, urlunsplit

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


# Link wrappers that show a "you are leaving" page instead of redirecting: Google Sites and
# Google Docs write external links as google.com/url?q=…, Facebook as l.facebook.com/l.php?u=….
_WRAPPERS = {
    ("www.google.com", "/url"): ("q", "url"),
    ("google.com", "/url"): ("q", "url"),
    ("l.facebook.com", "/l.php"): ("u",),
    ("lm.facebook.com", "/l.php"): ("u",),
}


def unwrap(url: str) -> str:
    """The target of a link wrapper (``https://www.google.com/url?q=TARGET&sa=D``), or url."""
    try:
        parts = urlsplit(url)
        keys = _WRAPPERS.get(((parts.hostname or "").lower(), parts.path))
    except ValueError:
        return url
    if keys is None:
        return url
    params = parse_qs(parts.query)
    for key in keys:
        target = (params.get(key) or [""])[0]
        if target.lower().startswith(("http://", "https://")):
            return target
    return url


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


_DOWNLOAD_SCRIPT = re.compile(
    r"(?:^|/)[^/]*(?:download|getfile|get_file|file|attach|dl)[^/]*$", re.IGNORECASE
)


def looks_like_download_script(url: str) -> bool:
    """A path such as /download.php, /datacenter/getfile.php or /attach.aspx."""
    return bool(_DOWNLOAD_SCRIPT.search(urlsplit(url).path))


# Parameters that walk through time or pages: an events calendar or a listing can be
# followed without end, so few of their variants are fetched.
_WALK_PARAMS = frozenset(
    {"m", "month", "y", "year", "d", "day", "date", "week", "ym", "cal", "calendar", "time",
     "start", "offset", "limit", "limitstart", "page", "paged", "pg", "pageno", "start_date",
     "end_date", "from", "to", "sort", "order", "orderby"}
)  # fmt: skip
# Parameters that name one record: a URL with one of them is a record even when it also
# names a year ("detail.php?id=12&year=2569").
_RECORD_PARAMS = frozenset(
    {"id", "p", "page_id", "nid", "aid", "cid", "did", "fid", "docid", "doc_id", "file",
     "fileid", "file_id", "item", "itemid", "article", "no", "uid", "key", "post"}
)  # fmt: skip
_ROUTE_VALUE = re.compile(r"^[A-Za-z_][A-Za-z0-9_.-]{0,30}$")


def variant_key(url: str) -> tuple[str, ...] | None:
    """What URLs with a query string vary on: host, path, the parameters' names and the
    values that pick a kind of page (Joomla's ``option=com_content&view=article``), so
    that ``/?p=12`` (posts), ``/?page_id=8`` (pages) and ``/?cat=3`` are counted apart."""
    parts = urlsplit(url)
    if not parts.query:
        return None
    params = parse_qsl(parts.query, keep_blank_values=True)
    names = sorted({key.lower() for key, _value in params})
    routes = sorted(
        f"{key.lower()}={value}"
        for key, value in params
        if key.lower() not in _WALK_PARAMS and _ROUTE_VALUE.match(value)
    )
    return (parts.netloc, parts.path, ",".join(names), "&".join(routes))


def walks(url: str) -> bool:
    """Whether a URL's query walks through a calendar or the pages of a listing (and names
    no record)."""
    try:
        names = {key.lower() for key, _value in parse_qsl(urlsplit(url).query)}
    except ValueError:
        return False
    return bool(names & _WALK_PARAMS) and not names & _RECORD_PARAMS


_DRIVE_FILE = re.compile(r"^/file/d/([A-Za-z0-9_-]+)")
_GOOGLE_DOC = re.compile(r"^/(document|spreadsheets|presentation)/d/([A-Za-z0-9_-]+)")
_EXPORTS = {
    "document": "/document/d/{id}/export?format=docx",
    "spreadsheets": "/spreadsheets/d/{id}/export?format=xlsx",
    "presentation": "/presentation/d/{id}/export/pdf",
}


def download_url(url: str) -> str:
    """Where the file behind a sharing link can be read. A Google Drive or Docs link opens a
    viewer page whose text is drawn by scripts; the file itself comes from Google's
    download and export addresses. Other URLs are returned as they are."""
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    origin = f"{parts.scheme}://{parts.netloc}"
    if host == "drive.google.com":
        match = _DRIVE_FILE.match(parts.path)
        file_id = match.group(1) if match else ""
        if not file_id and parts.path in ("/open", "/uc"):
            file_id = parse_qs(parts.query).get("id", [""])[0]
        if file_id:
            return f"{origin}/uc?export=download&id={file_id}"
    if host == "docs.google.com":
        match = _GOOGLE_DOC.match(parts.path)
        # "/d/e/2PACX…/pubhtml" is a document published to the web: a page to read as it is.
        if match and match.group(2) != "e":
            return origin + _EXPORTS[match.group(1)].format(id=match.group(2))
    return url
