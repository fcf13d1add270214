"""Verdict accuracy of the site pre-check on the fixture sites, against their truth files.

    .venv/bin/python bench/sitecheck_accuracy.py [SITE ...] [--holdout] [--verbose]

Without SITE, the development sites; with --holdout, the hold-out sites (built without
reading the checker's rules; see tests/sitecheck/sites/__init__.py).

Serves each fixture site of tests/sitecheck/sites locally (no network: host names resolve to
127.0.0.1 through a patched resolver), runs the whole check and prints, per site and in all,
how many items got the verdict the truth file gives, the confusion between verdicts and every
mismatch with its reasons.
"""

from __future__ import annotations

import os
import socket
import sys
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")

from openita.frameworks.schema import load_yaml
from openita.sitecheck.crawl.settings import CrawlSettings
from openita.sitecheck.run import check_site
from tests.sitecheck.sites import HOLDOUT_SITES, SITES, dns_table, load_truth, serve

FRAMEWORKS = Path(__file__).resolve().parent.parent / "openita" / "frameworks" / "data"


def _patch_dns(table: dict[str, list[str]]) -> None:
    real = socket.getaddrinfo

    def getaddrinfo(host: Any, port: Any, *args: Any, **kwargs: Any) -> Any:
        name = host.decode() if isinstance(host, bytes) else host
        if name in table:
            return real(table[name][0], port, *args, **kwargs)
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    socket.getaddrinfo = getaddrinfo


def run_site(name: str, verbose: bool) -> tuple[int, int, Counter[tuple[str, str]]]:
    truth = load_truth(name)
    framework = load_yaml(FRAMEWORKS / f"{truth['framework']}.yaml")
    _patch_dns(dns_table(name))
    settings = CrawlSettings(allow_private=True, timeout_s=5, backoff_s=0.05)
    with serve(name) as base:
        report = check_site(base.start_url, framework, settings=settings)
    confusion: Counter[tuple[str, str]] = Counter()
    right = 0
    for item in report.items:
        expected = truth["items"][item.code]["verdict"]
        confusion[(expected, item.verdict)] += 1
        if expected == item.verdict:
            right += 1
        elif verbose:
            where = [e.url.replace(base, "") for e in item.evidence][:3]
            print(f"  {name} {item.code}: truth {expected}, got {item.verdict} "
                  f"({item.confidence:.2f}) {where}")  # fmt: skip
            print(f"      reasons: {item.reasons}")
            print(
                f"      missing: {[e[:60] for e in item.elements_missing][:4]}  years {item.years}"
            )
            print(f"      truth:   {truth['items'][item.code]['note'][:160]}")
    print(f"{name}: {right}/{len(report.items)} verdicts right "
          f"({report.pages_fetched} pages, {report.documents_read} documents, "
          f"{report.duration_s:.1f} s)")  # fmt: skip
    return right, len(report.items), confusion


def main(argv: list[str]) -> int:
    verbose = "--verbose" in argv
    default = HOLDOUT_SITES if "--holdout" in argv else SITES
    names = [a for a in argv if not a.startswith("--")] or list(default)
    total_right = total = 0
    confusion: Counter[tuple[str, str]] = Counter()
    for name in names:
        right, count, site_confusion = run_site(name, verbose)
        total_right, total = total_right + right, total + count
        confusion.update(site_confusion)
    print(f"all: {total_right}/{total} = {100 * total_right / total:.1f} %")
    for (expected, got), n in sorted(confusion.items()):
        if expected != got:
            print(f"  truth {expected:<9} → got {got:<9} × {n}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
