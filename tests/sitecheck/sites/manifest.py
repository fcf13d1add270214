"""What a fixture site is made of, read from its folder.

A site folder holds:

- ``site.yaml``: name, title, start path, robots.txt, the other host names the server
  answers for (``hosts``: name → kind), the Drive-style files (``drive``), the routes that are
  not plain files (redirects, traps, pages under query-string URLs) and the names that must not
  resolve or must refuse connections;
- ``layout.html``: the frame (header, menu, footer) wrapped around pages that start with a
  ``---`` front matter block;
- ``pages/``: HTML pages, looked up by URL path (``/a/b`` → ``pages/a/b``, ``pages/a/b.html``
  or ``pages/a/b/index.html``);
- ``routed/``: pages served only under the routes that name them (query-string URLs, legacy
  encodings, traps), so that no other URL reaches them;
- ``docs.yaml``: the documents (PDF, DOCX, XLSX) as block lists; PDFs are rendered once by
  ``builder.py`` into ``static/`` and committed, DOCX and XLSX are built when served;
- ``static/``: committed files served as they are (PDFs, images, the corrupt PDF);
- ``hosts/<host name>/``: pages and files of another host of kind ``pages`` (a Google Sites
  ITA page, a subdomain), looked up like ``pages/`` and served as they are (no layout).

Routes are keyed by path (``/a``, ``/a?b=1``) on the site, or ``//host/path`` on another host
(checked before the host's own kind). A route with ``attachment: true`` sends
``Content-Disposition: attachment`` with its ``filename``, as download scripts do.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml

SITES_DIR = Path(__file__).resolve().parent
HOST_KINDS = (
    "drive",
    "drive_content",
    "google_login",
    "social",
    "google_forms",
    "pages",
    "redirect",
)


@dataclass(frozen=True)
class Route:
    """How the server answers one URL of the site (path, or path?query when given so)."""

    page: str = ""  # a page under routed/ (pages served only under this route)
    file: str = ""  # a file under static/
    doc: str = ""  # a document id of docs.yaml
    redirect: str = ""  # Location (templated), answered with ``status`` (302 by default)
    status: int = 200
    content_type: str = ""
    charset: str = ""  # "tis-620": cp874 body + header charset; "meta-only": cp874, no charset
    trap: str = ""  # calendar | large | flaky | slow | empty | zip_bomb
    options: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, eq=False)  # compared and hashed by identity: load_site is cached
class DocSpec:
    """One document: where it is served and what it says (see ``documents.py``)."""

    id: str
    kind: str  # pdf | docx | xlsx
    title: str
    url: str = ""  # path on the site, or "" for a file kept only on the Drive host
    drive: str = ""  # Drive file id, when the file lives on the Drive host
    filename: str = ""  # name shown by the Drive host
    landscape: bool = False
    text_layer: str = ""  # "broken_sara_am": nikhahit dropped from the PDF's text layer
    corrupt: bool = False
    blocks: list[dict[str, Any]] = field(default_factory=list)

    @property
    def static_path(self) -> str:
        """Where the committed PDF lives under static/."""
        if self.url:
            return self.url.lstrip("/")
        return f"_drive/{self.drive}.pdf"

    @property
    def content_type(self) -> str:
        return CONTENT_TYPES[self.kind]


@dataclass(frozen=True)
class DriveFile:
    id: str
    doc: str = ""  # document id of docs.yaml
    private: bool = False  # the viewer sends visitors to the Google sign-in page
    deleted: bool = False  # the viewer answers 404


@dataclass(frozen=True)
class Site:
    name: str
    title: str
    folder: Path
    start: str
    robots: str
    hosts: dict[str, str]
    unresolvable: list[str]
    refused: list[str]
    routes: dict[str, Route]
    drive: dict[str, DriveFile]
    docs: dict[str, DocSpec]

    def doc_at(self, path: str) -> DocSpec | None:
        for doc in self.docs.values():
            if doc.url and doc.url == path:
                return doc
        return None


CONTENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "html": "text/html; charset=utf-8",
    "txt": "text/plain; charset=utf-8",
    "xml": "application/xml",
    "png": "image/png",
    "jpg": "image/jpeg",
    "svg": "image/svg+xml",
    "css": "text/css; charset=utf-8",
    "js": "application/javascript; charset=utf-8",
    "zip": "application/zip",
    "mp4": "video/mp4",
}


def content_type_for(path: str) -> str:
    suffix = path.rsplit(".", 1)[-1].lower() if "." in path.rsplit("/", 1)[-1] else "html"
    return CONTENT_TYPES.get(suffix, "application/octet-stream")


def _route(raw: dict[str, Any]) -> Route:
    known = {"page", "file", "doc", "redirect", "status", "content_type", "charset", "trap"}
    options = {k: v for k, v in raw.items() if k not in known}
    status = raw.get("status", 302 if raw.get("redirect") else 200)
    return Route(**{k: v for k, v in raw.items() if k in known and k != "status"},
                 status=status, options=options)  # fmt: skip


def _docs(folder: Path) -> dict[str, DocSpec]:
    path = folder / "docs.yaml"
    if not path.exists():
        return {}
    raw = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    docs = [DocSpec(**entry) for entry in raw]
    return {doc.id: doc for doc in docs}


@functools.cache
def load_site(name: str) -> Site:
    """The site in ``SITES_DIR/name`` (cached: sites are read-only)."""
    folder = SITES_DIR / name
    raw = yaml.safe_load((folder / "site.yaml").read_text(encoding="utf-8"))
    hosts = dict(raw.get("hosts") or {})
    unknown = set(hosts.values()) - set(HOST_KINDS)
    if unknown:
        raise ValueError(f"{name}: unknown host kinds {sorted(unknown)}")
    drive = {
        key: DriveFile(id=key, **(value or {})) for key, value in (raw.get("drive") or {}).items()
    }
    return Site(
        name=raw["name"],
        title=raw["title"],
        folder=folder,
        start=raw.get("start", "/"),
        robots=raw.get("robots", ""),
        hosts=hosts,
        unresolvable=list(raw.get("unresolvable") or []),
        refused=list(raw.get("refused") or []),
        routes={key: _route(value) for key, value in (raw.get("routes") or {}).items()},
        drive=drive,
        docs=_docs(folder),
    )


def split_ref(ref: str) -> tuple[str, str]:
    """``"/a?b"`` → ``("", "/a?b")``; ``"//drive.google.com/x"`` → ``("drive.google.com", "/x")``.

    The second part keeps the query; the host has no port (the truth files never give one).
    """
    if ref.startswith("//"):
        parts = urlsplit("http:" + ref)
        rest = parts.path + (f"?{parts.query}" if parts.query else "")
        return parts.hostname or "", rest or "/"
    return "", ref
