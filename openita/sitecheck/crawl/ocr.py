"""OCR of scanned PDFs and images for the document readers, through tesseract's Thai data.

Optional: without tesseract and ``tha`` data (Debian's tesseract-ocr-tha), or poppler's
pdftoppm for PDFs, the readers skip scans with ``NOT_INSTALLED``. Every program runs with a
timeout taken from one deadline per document, and its output is bounded.

Measured on a two-core machine, an A4 page of dense Thai text at 150 dpi: pdftoppm 0.2 s,
tesseract 0.8 s with one thread; 4.3 s with tesseract's default threads, which fight over
the cores, hence ``OMP_THREAD_LIMIT=1``.
"""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

NOT_INSTALLED = "OCR not installed; scanned document skipped"
DPI = 150
# A page larger than this at DPI (posters, maps) is scaled down to fit.
MAX_SIDE_PX = 4000
LANGUAGES = "tha+eng"


@functools.cache
def available() -> bool:
    """Whether tesseract with Thai data is installed (asked once per process)."""
    tesseract = shutil.which("tesseract")
    if not tesseract:
        return False
    try:
        langs = subprocess.run(  # noqa: S603 - fixed arguments, no shell
            [tesseract, "--list-langs"], capture_output=True, text=True, timeout=10, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return False
    return "tha" in langs.stdout.split()


def pdf_available() -> bool:
    return available() and shutil.which("pdftoppm") is not None


def read_pdf(
    body: bytes, *, pages: int, max_side_pt: float, deadline: float, max_chars: int
) -> tuple[str, list[str]]:
    """(text, notes) of the first pages of a scanned PDF, rasterised by pdftoppm."""
    scale = ["-r", str(DPI)]
    if max_side_pt * DPI / 72 > MAX_SIDE_PX:
        scale = ["-scale-to", str(MAX_SIDE_PX)]
    texts: list[str] = []
    notes: list[str] = []
    with tempfile.TemporaryDirectory(prefix="openita-ocr-") as tmp:
        source = Path(tmp) / "scan.pdf"
        source.write_bytes(body)
        command = ["pdftoppm", *scale, "-png", "-f", "1", "-l", str(pages), str(source)]
        notes.append(_run([*command, str(Path(tmp) / "page")], deadline, max_chars)[1])
        for image in sorted(Path(tmp).glob("page-*.png")):  # page-1.png or page-01.png…
            text, note = _tesseract(image, deadline, max_chars)
            texts.append(text.strip())
            notes.append(note)
    return "\n\n".join(t for t in texts if t), [n for n in dict.fromkeys(notes) if n]


def read_image(body: bytes, *, deadline: float, max_chars: int) -> tuple[str, str]:
    """(text, note) of a PNG, JPEG, GIF, TIFF or WebP image."""
    with tempfile.TemporaryDirectory(prefix="openita-ocr-") as tmp:
        source = Path(tmp) / "image"
        source.write_bytes(body)
        return _tesseract(source, deadline, max_chars)


def image_pixels(body: bytes) -> int:
    """Width x height from a PNG, GIF or JPEG header; 0 when it cannot be told cheaply.

    Leptonica decodes the whole bitmap before tesseract starts: a 100,000 x 100,000 PNG
    compresses to little and would take 30 GB, so the readers check the size first.
    """
    if body.startswith(b"\x89PNG") and len(body) >= 24:
        return int.from_bytes(body[16:20], "big") * int.from_bytes(body[20:24], "big")
    if body.startswith(b"GIF") and len(body) >= 10:
        return int.from_bytes(body[6:8], "little") * int.from_bytes(body[8:10], "little")
    if body.startswith(b"\xff\xd8"):
        # JPEG: walk the segments to the first start-of-frame marker (C0-CF, but not the
        # C4, C8 and CC tables), whose header holds height and width.
        pos = 2
        while pos + 9 < len(body) and body[pos] == 0xFF:
            marker, length = body[pos + 1], int.from_bytes(body[pos + 2 : pos + 4], "big")
            if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):
                height = int.from_bytes(body[pos + 5 : pos + 7], "big")
                return height * int.from_bytes(body[pos + 7 : pos + 9], "big")
            pos += 2 + length
    return 0


def _tesseract(image: Path, deadline: float, max_chars: int) -> tuple[str, str]:
    tesseract = shutil.which("tesseract") or "tesseract"
    return _run([tesseract, str(image), "-", "-l", LANGUAGES], deadline, max_chars)


def _run(command: list[str], deadline: float, max_chars: int) -> tuple[str, str]:
    """(stdout, note) of a helper program run within the time left before deadline."""
    left = deadline - time.monotonic()
    if left <= 0:
        return "", "OCR timed out"
    # One thread per tesseract (see the module docstring).
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    try:
        done = subprocess.run(command, capture_output=True, timeout=left, check=False, env=env)  # noqa: S603 - fixed arguments, no shell
    except subprocess.TimeoutExpired:  # run() has killed the program
        return "", "OCR timed out"
    except OSError as exc:
        return "", f"OCR failed ({exc.strerror or type(exc).__name__})"
    if done.returncode != 0:
        return "", f"OCR failed ({Path(command[0]).name} exit {done.returncode})"
    # UTF-8 takes at most 4 bytes a character: enough for max_chars, whatever the script.
    return done.stdout[: max_chars * 4].decode("utf-8", errors="replace"), ""
