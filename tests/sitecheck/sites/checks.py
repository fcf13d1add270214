"""Checks the fixture-site self-tests share."""

from __future__ import annotations

from urllib.parse import urlsplit

from tests.sitecheck.sites.builder import MAX_PDF_BYTES
from tests.sitecheck.sites.manifest import load_site

TYPES = {
    ".pdf": "application/pdf",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".png": "image/png",
}


def expected_type(url: str) -> str:
    """The content type a site's own evidence URL should answer with, by its ending."""
    path = urlsplit(url).path.lower()
    for suffix, content_type in TYPES.items():
        if path.endswith(suffix):
            return content_type
    return "text/html"


def assert_pdfs_built_and_small(name: str) -> None:
    site = load_site(name)
    for doc in site.docs.values():
        if doc.kind == "pdf":
            path = site.folder / "static" / doc.static_path
            assert path.is_file(), f"run the builder: {path}"
            assert path.stat().st_size < MAX_PDF_BYTES, path
