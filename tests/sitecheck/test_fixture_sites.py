"""The whole pre-check on the three fixture agency sites, against their truth files."""

from __future__ import annotations

from pathlib import Path

import pytest

from openita.frameworks.schema import load_yaml
from openita.sitecheck.crawl.settings import CrawlSettings
from openita.sitecheck.crawl.store import MemoryStore
from openita.sitecheck.run import check_site
from tests.sitecheck.sites import SITES, load_truth, serve
from tests.support import fake_dns

FRAMEWORKS = Path("openita/frameworks/data")


@pytest.mark.parametrize("name", SITES)
def test_every_verdict_matches_the_truth(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    truth = load_truth(name)
    framework = load_yaml(FRAMEWORKS / f"{truth['framework']}.yaml")
    store = MemoryStore()
    settings = CrawlSettings(allow_private=True, timeout_s=5, backoff_s=0.05)
    with serve(name, slow_s=0.2) as base:
        fake_dns(monkeypatch, base.dns_table())
        report = check_site(base.start_url, framework, settings=settings, store=store)
        hits = dict(base.hits)
    wrong = {
        item.code: (truth["items"][item.code]["verdict"], item.verdict, item.reasons)
        for item in report.items
        if item.verdict != truth["items"][item.code]["verdict"]
    }
    assert wrong == {}
    for path in truth.get("never_fetch", []):
        assert hits.get(path, 0) == 0, path
    if truth.get("index_page"):
        assert report.index_page == base + truth["index_page"]
    for item in report.items:
        expected = truth["items"][item.code]
        if (
            expected["verdict"] in ("found", "partial", "outdated", "broken")
            and expected["evidence"]
        ):
            cited = {e.url.replace(base, "") for e in item.evidence}
            assert any(_cites(ref, cited) for ref in expected["evidence"]), (item.code, cited)
        if expected["verdict"] == "partial":
            assert set(expected["missing"]) <= set(item.elements_missing), item.code


def _cites(ref: str, cited: set[str]) -> bool:
    """A truth reference is "/path" on the site or "//host/path" elsewhere (no port)."""
    ref = ref.split("?")[0]
    bare = {c.split("?")[0] for c in cited}
    if not ref.startswith("//"):
        return ref in bare
    host, _, path = ref[2:].partition("/")
    return any(host in c and c.endswith("/" + path) for c in bare)
