"""PDF export of the OIT disclosure, printed from the HTML by headless Chromium.

Why Chromium and not WeasyPrint (measured, see ``../shared/ita/thai-pdf.md``): WeasyPrint's
text layer loses the nikhahit of sara am and the tone marks with every Thai font tried
(``ดำเนินงาน`` extracts as ``ดาเนินงาน``), so its PDFs cannot be searched or copied. Chromium
keeps every mark; the sara am it writes decomposed and the positional tone-mark variants are
repaired by ``openita.lib.thaitext.normalize``.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from django.conf import settings

from openita.reports.oit import OitReport
from openita.reports.render.html import render_html

TIMEOUT_SECONDS = 60
DEFAULT_CHROMIUM = "/usr/bin/chromium"
STDERR_TAIL = 1500


class PdfRenderError(RuntimeError):
    """Chromium is missing or failed to print the page."""


def render_pdf(report: OitReport) -> bytes:
    """The report as an A4 PDF with a searchable Thai text layer."""
    return print_html(render_html(report))


def print_html(html: str) -> bytes:
    """Print a standalone HTML document to PDF with headless Chromium."""
    binary = chromium_binary()
    # Chromium helpers may still be leaving the profile as the directory is removed.
    with tempfile.TemporaryDirectory(prefix="openita-pdf-", ignore_cleanup_errors=True) as tmp:
        workdir = Path(tmp)
        page = workdir / "page.html"
        page.write_text(html, encoding="utf-8")
        out = workdir / "out.pdf"
        stderr = _run_chromium(_command(binary, workdir, page, out), workdir)
        data = out.read_bytes() if out.exists() else b""
    if not data.startswith(b"%PDF"):
        raise PdfRenderError(f"Chromium finished but wrote no PDF:\n{stderr}")
    return data


def chromium_binary() -> str:
    """The Chromium to print with: setting, then environment, then PATH."""
    configured = getattr(settings, "OPENITA_CHROMIUM", "") or os.environ.get("OPENITA_CHROMIUM")
    binary = configured or shutil.which("chromium") or DEFAULT_CHROMIUM
    if not (shutil.which(binary) or Path(binary).is_file()):
        raise PdfRenderError(
            f"Chromium is missing ({binary}); PDF exports need it: install it with "
            "`make run` or `make system-deps` (as root), or `apt-get install chromium`, "
            "or point OPENITA_CHROMIUM at the binary."
        )
    return binary


def _command(binary: str, workdir: Path, page: Path, out: Path) -> list[str]:
    return [
        binary,
        "--headless=new",
        # Chromium's sandbox needs user namespaces that containers and services often lack;
        # the page is our own template with escaped agency text, loaded from a file.
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-extensions",
        "--disable-background-networking",
        "--no-first-run",
        "--no-default-browser-check",
        "--no-pdf-header-footer",
        f"--user-data-dir={workdir / 'profile'}",
        f"--print-to-pdf={out}",
        page.as_uri(),
    ]


def _run_chromium(command: list[str], workdir: Path) -> str:
    """Run Chromium to completion; return the tail of its stderr for error messages."""
    # A writable HOME: under a service account Chromium otherwise fails on ~/.config.
    env = {**os.environ, "HOME": str(workdir), "XDG_CONFIG_HOME": str(workdir / "config")}
    env["XDG_CACHE_HOME"] = str(workdir / "cache")
    # A session of its own, so a timeout can end Chromium's helper processes too.
    process = subprocess.Popen(  # noqa: S603 - fixed arguments, no shell
        command,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=env,
        start_new_session=True,
    )
    try:
        _, stderr = process.communicate(timeout=TIMEOUT_SECONDS)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        raise PdfRenderError(f"Chromium did not finish within {TIMEOUT_SECONDS} s.") from None
    tail = stderr.decode("utf-8", "replace")[-STDERR_TAIL:]
    if process.returncode != 0:
        raise PdfRenderError(f"Chromium failed (exit {process.returncode}):\n{tail}")
    return tail
