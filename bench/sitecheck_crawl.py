"""Crawl benchmark: our crawler and Scrapy on the same generated site, side by side.

    .venv/bin/python bench/sitecheck_crawl.py [--pages 500] [--docs 100] [--concurrency 16]
        [--per-host 8] [--depth 8] [--max-pages 2000] [--scrapy-docs read|thread|none]
        [--repeat N] [--keep DIR] [--json FILE]

One run does everything:

1. ``bench/sitegen.py`` writes a site of ``--pages`` HTML pages (depth 6, 10–30 links each)
   and ``--docs`` documents (half PDF, a quarter DOCX, a quarter XLSX, Thai text) into a
   temporary folder, and serves it from a separate process (a ThreadingHTTPServer answering
   from memory);
2. three measured subprocesses run one after the other against it, each with the same limits
   (concurrency, per-host concurrency, depth, page limit, no delay, timeout, retries, robots.txt
   obeyed):

   - ours: ``openita.sitecheck.crawl.engine.crawl`` into a ``MemoryStore``: fetches every
     same-site page and document, parses the HTML (selectolax: text, links, channels, index
     entries) and reads the documents' text (pdfminer, python-docx, openpyxl; OCR only for
     scans, which this site has none of);
   - Scrapy (``bench/scrapy_spider.py`` via ``python -m scrapy runspider``): follows every
     same-site link breadth-first with its own selectors, takes each page's text, downloads
     the documents and reads them with the same reader as ours: in the callback by default
     (``--scrapy-docs read``), in Twisted's thread pool (``thread``) or not at all (``none``);
   - the whole check: ``openita.sitecheck.run.check_site`` (our crawl, then the judge of
     every item of ita-2568).

3. prints pages/s (pages and documents fetched per second of crawling), the whole-site time,
   the process time (interpreter start and imports included) and the peak RSS of each
   process (``os.wait4``), and for the whole check the crawl and judge parts.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from dataclasses import fields
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")

PYTHON = sys.executable
USER_AGENT = "OpenITA-bench/0.1"
MAX_BYTES = 25 * 1024 * 1024


def crawl_settings(args: argparse.Namespace, *, pictures: bool = False) -> Any:
    """Our CrawlSettings for these limits (fields the crawler lacks are left out). The crawl
    race leaves pictures out (Scrapy fetches none); the whole check reads them."""
    from openita.sitecheck.crawl.settings import CrawlSettings

    wanted = {
        "max_pages": args.max_pages,
        "max_depth": args.depth,
        "concurrency": args.concurrency,
        "per_host_concurrency": args.per_host,
        "delay_s": 0.0,
        "timeout_s": args.timeout,
        "retries": args.retries,
        "allow_private": True,
        "obey_robots": True,
        "max_bytes": MAX_BYTES,
        "user_agent": USER_AGENT,
        **({} if pictures else {"max_page_images": 0}),
    }
    names = {f.name for f in fields(CrawlSettings)}
    return CrawlSettings(**{k: v for k, v in wanted.items() if k in names})


def _readers() -> dict[str, Any]:
    """Peak RSS of the document-reading processes (the largest one) and how many there were:
    the crawl's memory is its own plus theirs."""
    from openita.sitecheck.crawl.engine import DocumentReaders

    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {"reader_processes": DocumentReaders(0).processes, "reader_rss_mib": round(peak, 1)}


def _count(pages: list[Any]) -> dict[str, int]:
    fetched = [p for p in pages if p.outcome != "robots" and p.status is not None]
    return {
        "pages": sum(1 for p in fetched if p.kind == "html"),
        "documents": sum(1 for p in fetched if p.kind != "html"),
        "bytes": sum(p.size for p in fetched),
        "chars": sum(len(p.text) for p in fetched),
        "failed": sum(1 for p in pages if p.outcome not in ("ok", "robots")),
    }


def worker_crawl(args: argparse.Namespace) -> dict[str, Any]:
    from openita.sitecheck.crawl.engine import crawl
    from openita.sitecheck.crawl.store import MemoryStore

    store = MemoryStore()
    began = time.monotonic()
    summary = crawl(args.url, crawl_settings(args), store)
    seconds = time.monotonic() - began
    return {
        **_count(store.pages),
        **_readers(),
        "seconds": round(seconds, 3),
        "stopped_by": summary.stopped_by,
    }


def worker_check(args: argparse.Namespace) -> dict[str, Any]:
    from openita.frameworks.schema import load_yaml
    from openita.sitecheck.crawl.store import MemoryStore
    from openita.sitecheck.run import check_site

    framework = load_yaml(ROOT / "openita" / "frameworks" / "data" / "ita-2568.yaml")
    store = MemoryStore()
    last_page = [0.0]

    def progress(done: int, limit: int) -> None:
        last_page[0] = time.monotonic()

    began = time.monotonic()
    settings = crawl_settings(args, pictures=True)
    report = check_site(args.url, framework, settings=settings, store=store, progress=progress)
    seconds = time.monotonic() - began
    crawl_s = (last_page[0] or began) - began
    return {
        **_count(store.pages),
        **_readers(),
        "seconds": round(seconds, 3),
        "crawl_seconds": round(crawl_s, 3),
        "judge_seconds": round(seconds - crawl_s, 3),
        "verdicts": report.counts(),
        "stopped_by": report.stopped_by,
    }


def _measure(command: list[str], out: Path) -> dict[str, Any]:
    """Run command, wait for it with os.wait4 (its own peak RSS), read its JSON result."""
    with tempfile.TemporaryFile() as errors:
        began = time.monotonic()
        process = subprocess.Popen(command, stdout=errors, stderr=errors, cwd=ROOT)
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.monotonic() - began
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode != 0 or not out.exists():
            errors.seek(0)
            tail = errors.read().decode("utf-8", "replace")[-3000:]
            raise RuntimeError(f"{command[:4]} failed ({process.returncode}):\n{tail}")
    result = json.loads(out.read_text(encoding="utf-8"))
    result.update(process_seconds=round(wall, 3), peak_rss_mib=round(usage.ru_maxrss / 1024, 1))
    return result


def _limits(args: argparse.Namespace) -> list[str]:
    return [
        f"--concurrency={args.concurrency}", f"--per-host={args.per_host}",
        f"--depth={args.depth}", f"--max-pages={args.max_pages}",
        f"--timeout={args.timeout}", f"--retries={args.retries}",
    ]  # fmt: skip


def _scrapy_command(args: argparse.Namespace, url: str, out: Path) -> list[str]:
    settings = {
        "CONCURRENT_REQUESTS": args.concurrency,
        "CONCURRENT_REQUESTS_PER_DOMAIN": args.per_host,
        "DOWNLOAD_DELAY": 0,
        "ROBOTSTXT_OBEY": True,
        "DEPTH_LIMIT": args.depth,
        "CLOSESPIDER_PAGECOUNT": args.max_pages,
        "DOWNLOAD_TIMEOUT": args.timeout,
        "RETRY_TIMES": args.retries,
        "DOWNLOAD_MAXSIZE": MAX_BYTES,
        "USER_AGENT": USER_AGENT,
        "LOG_LEVEL": "WARNING",
    }
    command = [PYTHON, "-m", "scrapy", "runspider", str(ROOT / "bench" / "scrapy_spider.py")]
    command += [f"-a start_url={url}".replace(" ", ""), "-a", f"out={out}"]
    command += ["-a", f"docs={args.scrapy_docs}"]
    for name, value in settings.items():
        command += ["-s", f"{name}={value}"]
    return command


def _start_server(site: Path) -> tuple[subprocess.Popen[str], str]:
    server = subprocess.Popen(
        [PYTHON, str(ROOT / "bench" / "sitegen.py"), "serve", str(site)],
        stdout=subprocess.PIPE,
        text=True,
    )
    line = server.stdout.readline() if server.stdout else ""
    if not line.startswith("PORT "):
        server.kill()
        raise RuntimeError(f"the site server did not start: {line!r}")
    return server, f"http://127.0.0.1:{line.split()[1]}/"


def _row(name: str, r: dict[str, Any], crawl_s: float) -> str:
    fetched = r["pages"] + r["documents"]
    rate = fetched / crawl_s if crawl_s else 0.0
    # Ours reads documents in worker processes: their peak (the largest, times their
    # number: an upper bound) is added to the crawl process's own.
    rss = r["peak_rss_mib"] + r.get("reader_processes", 0) * r.get("reader_rss_mib", 0)
    return (
        f"{name:24s} {r['pages']:6d} {r['documents']:5d} {r['bytes'] / 1e6:7.1f} "
        f"{crawl_s:8.2f} {rate:8.1f} {r['process_seconds']:9.2f} {rss:9.1f}"
    )


def report(site: dict[str, Any], args: argparse.Namespace, results: dict[str, Any]) -> None:
    print(
        f"site: {site['pages']} pages, {site['documents']} documents, "
        f"{site['bytes'] / 1e6:.1f} MB, {site['links_per_page']} links a page, deepest page "
        f"{site['deepest_page']} clicks; served from memory by a ThreadingHTTPServer (own process)"
    )
    print(
        f"limits: concurrency {args.concurrency}, per host {args.per_host}, depth {args.depth}, "
        f"{args.max_pages} pages, no delay, timeout {args.timeout} s, {args.retries} retries, "
        f"robots.txt obeyed; Scrapy documents: {args.scrapy_docs}; "
        f"median of {args.repeat} run(s) per side"
    )
    print(f"\n{'':24s} {'pages':>6s} {'docs':>5s} {'MB':>7s} {'crawl s':>8s} "
          f"{'pages/s':>8s} {'process s':>9s} {'RSS MiB':>9s}")  # fmt: skip
    ours, scrapy, check = results["ours"], results["scrapy"], results["check"]
    print(_row("ours: crawl", ours, ours["seconds"]))
    print(_row("scrapy", scrapy, scrapy["seconds"]))
    print(_row("ours: crawl + judge", check, check["crawl_seconds"]))
    print(
        f"\nwhole check (crawl + judge of 28 items): {check['seconds']:.2f} s "
        f"= crawl {check['crawl_seconds']:.2f} s + judge {check['judge_seconds']:.2f} s; "
        f"verdicts {check['verdicts']}"
    )
    for name, result in results.items():
        if result.get("stopped_by") or result.get("failed"):
            print(f"note: {name} stopped by {result.get('stopped_by')!r}, "
                  f"{result.get('failed', 0)} failed fetches")  # fmt: skip


def run(args: argparse.Namespace) -> dict[str, Any]:
    sys.path.insert(0, str(ROOT / "bench"))
    import sitegen

    with tempfile.TemporaryDirectory(prefix="sitecheck-bench-") as tmp:
        site_dir = Path(args.keep) if args.keep else Path(tmp) / "site"
        site_dir.mkdir(parents=True, exist_ok=True)
        site = sitegen.generate(site_dir, args.pages, args.docs, args.seed)
        server, url = _start_server(site_dir)
        try:
            runs: dict[str, list[dict[str, Any]]] = {"ours": [], "scrapy": [], "check": []}
            for attempt in range(args.repeat):
                for name in runs:  # interleaved, so that a busy moment hits every side
                    out = Path(tmp) / f"{name}-{attempt}.json"
                    runs[name].append(_measure(_command(args, name, url, out), out))
        finally:
            server.terminate()
            server.wait(timeout=10)
    results = {name: _median(found) for name, found in runs.items()}
    report(site, args, results)
    return results


def _median(runs: list[dict[str, Any]]) -> dict[str, Any]:
    """The run with the median crawl time (the median of an even count: the faster one)."""
    ordered = sorted(runs, key=lambda r: r.get("crawl_seconds", r["seconds"]))
    return {**ordered[(len(ordered) - 1) // 2], "runs": len(runs)}


def _command(args: argparse.Namespace, name: str, url: str, out: Path) -> list[str]:
    if name == "scrapy":
        return _scrapy_command(args, url, out)
    worker = "crawl" if name == "ours" else "check"
    me = [PYTHON, str(Path(__file__).resolve()), *_limits(args), "--url", url]
    return [*me, "--worker", worker, "--out", str(out)]


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description="Our crawler against Scrapy, same site.")
    parser.add_argument("--pages", type=int, default=500)
    parser.add_argument("--docs", type=int, default=100)
    parser.add_argument("--seed", type=int, default=2568)
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--per-host", type=int, default=8)
    parser.add_argument("--depth", type=int, default=8)
    parser.add_argument("--max-pages", type=int, default=2000)
    parser.add_argument("--timeout", type=float, default=15.0)
    parser.add_argument("--retries", type=int, default=2)
    parser.add_argument("--scrapy-docs", choices=("read", "thread", "none"), default="read")
    parser.add_argument("--repeat", type=int, default=1, help="runs per side; the median is shown")
    parser.add_argument("--keep", help="generate the site into this folder and keep it")
    parser.add_argument("--json", help="also write the results to this file")
    parser.add_argument("--worker", choices=("crawl", "check"), help=argparse.SUPPRESS)
    parser.add_argument("--url", help=argparse.SUPPRESS)
    parser.add_argument("--out", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        result = (worker_crawl if args.worker == "crawl" else worker_check)(args)
        Path(args.out).write_text(json.dumps(result), encoding="utf-8")
        return 0
    results = run(args)
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
