"""Which uploaded files are accepted as evidence, judged by their bytes, not their names."""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from openita.disclosure.errors import DisclosureError


@dataclass(frozen=True)
class Kind:
    name: str
    mime: str
    extensions: tuple[str, ...]


PDF = Kind("pdf", "application/pdf", (".pdf",))
DOCX = Kind(
    "docx",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    (".docx",),
)
XLSX = Kind("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", (".xlsx",))
PNG = Kind("png", "image/png", (".png",))
JPEG = Kind("jpeg", "image/jpeg", (".jpg", ".jpeg"))
WEBP = Kind("webp", "image/webp", (".webp",))
ACCEPTED = (PDF, DOCX, XLSX, PNG, JPEG, WEBP)
ACCEPT_ATTR = ",".join(ext for kind in ACCEPTED for ext in kind.extensions)


def _zip_kind(content: bytes) -> Kind | None:
    # DOCX and XLSX are zip packages; the main part's name tells which.
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as package:
            names = set(package.namelist())
    except (zipfile.BadZipFile, ValueError):
        return None
    if "word/document.xml" in names:
        return DOCX
    if "xl/workbook.xml" in names:
        return XLSX
    return None


def _detect(content: bytes) -> Kind | None:
    if content.startswith(b"%PDF-"):
        return PDF
    if content.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if content.startswith(b"\xff\xd8\xff"):
        return JPEG
    if content[:4] == b"RIFF" and content[8:12] == b"WEBP":
        return WEBP
    if content.startswith(b"PK\x03\x04"):
        return _zip_kind(content)
    return None


def sniff(name: str, content: bytes) -> Kind:
    """The file's kind, or a DisclosureError saying what is wrong with it."""
    if not content:
        raise DisclosureError(_("The file is empty."))
    kind = _detect(content)
    if kind is None:
        raise DisclosureError(
            _(
                "This type of file is not accepted. Upload PDF, Word (.docx), Excel (.xlsx) "
                "or an image (PNG, JPEG, WebP)."
            )
        )
    if not name.lower().endswith(kind.extensions):
        raise DisclosureError(
            _("The file's name does not match its content (it is a %(kind)s file).")
            % {"kind": kind.name.upper()}
        )
    return kind
