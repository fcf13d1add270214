"""Render the fixture sites' PDFs with Debian's Chromium and write them under ``static/``.

The PDFs are committed, so tests never need Chromium. Run after changing ``docs.yaml``:

    .venv/bin/python -m tests.sitecheck.sites.builder            # only PDFs not built yet
    .venv/bin/python -m tests.sitecheck.sites.builder --force dopex
    .venv/bin/python -m tests.sitecheck.sites.builder --only dopex:o6-plan-2568

Each document becomes an HTML page (``documents.to_html``, font Laksaman) printed with
``chromium --headless --print-to-pdf``; ``text_layer: broken_sara_am`` and ``corrupt: true``
then damage it (``pdftools``). A PDF over 60 KB is reported: keep documents short.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from . import SITES
from .documents import to_html
from .manifest import DocSpec, Site, load_site
from .pdftools import break_sara_am, corrupt

CHROMIUM = "/usr/bin/chromium"
MAX_PDF_BYTES = 60 * 1024


def render_pdf(html: str, workdir: Path) -> bytes:
    """Print one HTML page to PDF with headless Chromium."""
    source = workdir / "doc.html"
    target = workdir / "doc.pdf"
    source.write_text(html, encoding="utf-8")
    command = [
        CHROMIUM,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--disable-dev-shm-usage",
        f"--user-data-dir={workdir / 'profile'}",
        "--no-pdf-header-footer",
        f"--print-to-pdf={target}",
        source.as_uri(),
    ]
    subprocess.run(command, check=True, capture_output=True, timeout=120)  # noqa: S603
    return target.read_bytes()


def build_doc(site: Site, doc: DocSpec) -> tuple[str, int]:
    with tempfile.TemporaryDirectory(prefix="sitegen-") as tmp:
        data = render_pdf(to_html(doc), Path(tmp))
    if doc.text_layer == "broken_sara_am":
        data = break_sara_am(data)
    elif doc.text_layer:
        raise ValueError(f"{doc.id}: unknown text_layer {doc.text_layer!r}")
    if doc.corrupt:
        data = corrupt(data)
    out = site.folder / "static" / doc.static_path
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(data)
    return f"{site.name}:{doc.id}", len(data)


def _wanted(sites: list[str], only: set[str], force: bool) -> list[tuple[Site, DocSpec]]:
    jobs = []
    for name in sites:
        site = load_site(name)
        for doc in site.docs.values():
            if doc.kind != "pdf":
                continue
            key = f"{name}:{doc.id}"
            if only and key not in only:
                continue
            if only or force or not (site.folder / "static" / doc.static_path).exists():
                jobs.append((site, doc))
    return jobs


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sites", nargs="*", default=list(SITES))
    parser.add_argument("--force", action="store_true", help="rebuild every PDF")
    parser.add_argument("--only", action="append", default=[], help="site:doc_id to rebuild")
    parser.add_argument("--jobs", type=int, default=3)
    args = parser.parse_args(argv)
    jobs = _wanted(args.sites, set(args.only), args.force)
    too_big = 0
    with ThreadPoolExecutor(max_workers=args.jobs) as pool:
        for key, size in pool.map(lambda job: build_doc(*job), jobs):
            flag = "  TOO BIG" if size > MAX_PDF_BYTES else ""
            too_big += bool(flag)
            print(f"{key:45s} {size / 1024:6.1f} KB{flag}")
    print(f"{len(jobs)} PDF(s) built")
    return 1 if too_big else 0


if __name__ == "__main__":
    sys.exit(main())
