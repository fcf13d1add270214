"""Self-test of the fixture sites: the servers serve what the truth files say."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote, urlsplit

import httpx
import pytest
from pdfminer.high_level import extract_text

from openita.frameworks.schema import load_yaml
from openita.lib.thaidate import fill_year_placeholders
from openita.sitecheck.index_page import looks_like_index, parse_index_page
from tests.sitecheck.sites import SITES, ServedSite, load_truth, serve
from tests.sitecheck.sites.checks import assert_pdfs_built_and_small, expected_type
from tests.sitecheck.sites.clicks import click_depths
from tests.support import fake_dns

FRAMEWORK = load_yaml(Path("openita/frameworks/data/ita-2568.yaml"))
ITEMS = {item.code: item for item in FRAMEWORK.items}


@pytest.fixture(scope="module", params=SITES)
def site(request: pytest.FixtureRequest) -> Iterator[ServedSite]:
    with serve(request.param, slow_s=0) as base:
        yield base
        assert base.errors == []


@pytest.fixture
def client(monkeypatch: pytest.MonkeyPatch, site: ServedSite) -> Iterator[httpx.Client]:
    fake_dns(monkeypatch, site.dns_table())
    with httpx.Client(timeout=10) as http:
        yield http


def _element_texts(code: str) -> set[str]:
    return {fill_year_placeholders(e.text, FRAMEWORK.fiscal_year) for e in ITEMS[code].elements}


@pytest.mark.parametrize("name", SITES)
def test_truth_covers_every_item_and_names_real_elements(name: str) -> None:
    truth = load_truth(name)
    assert truth["framework"] == FRAMEWORK.id
    assert truth["fiscal_year"] == FRAMEWORK.fiscal_year
    assert set(truth["items"]) == set(ITEMS)
    for code, item in truth["items"].items():
        assert item["note"], code
        assert set(item["missing"]) <= _element_texts(code), code
        assert bool(item["missing"]) == (item["verdict"] == "partial"), code
        assert bool(item["evidence"]) == (item["verdict"] != "missing"), code
        if item["verdict"] == "outdated":
            assert item["years"], code


@pytest.mark.parametrize("name", SITES)
def test_committed_pdfs_are_built_and_small(name: str) -> None:
    assert_pdfs_built_and_small(name)


def test_evidence_of_published_items_answers_with_content(
    site: ServedSite, client: httpx.Client
) -> None:
    for code, item in load_truth(site.site.name)["items"].items():
        if item["verdict"] not in ("found", "partial", "outdated"):
            continue
        for ref in item["evidence"]:
            for _attempt in range(3):  # dopex's E-Service page fails twice first
                response = client.get(site.url(ref), follow_redirects=True)
                if response.status_code != 500:
                    break
            assert response.status_code == 200, (code, ref)
            assert response.content, (code, ref)
            if "drive.usercontent" not in ref:
                assert expected_type(ref) in response.headers["content-type"], (code, ref)


def _is_broken(site: ServedSite, client: httpx.Client, ref: str) -> bool:
    response = client.get(site.url(ref), follow_redirects=True)
    final = urlsplit(str(response.url))
    body = response.content
    if response.status_code >= 400 or not body:
        return True
    if final.hostname == "accounts.google.com" or b'type="password"' in body:
        return True
    if body.startswith(b"%PDF"):
        try:
            extract_text(io.BytesIO(body))
        except Exception:
            return True
        return False
    text = response.text
    return 'class="entry-content">\n</div>' in text  # the empty page of nadee


def test_broken_evidence_is_really_broken(site: ServedSite, client: httpx.Client) -> None:
    for code, item in load_truth(site.site.name)["items"].items():
        if item["verdict"] == "broken":
            assert _is_broken(site, client, item["evidence"][0]), code


def test_index_page_links_the_evidence_or_no_page_is_an_index(
    site: ServedSite, client: httpx.Client
) -> None:
    truth = load_truth(site.site.name)
    if not truth["index_page"]:
        _assert_no_index_page(site, client)
        return
    html = client.get(site.url(truth["index_page"])).text
    entries = {e.code: e for e in parse_index_page(html, site.url(truth["index_page"]))}
    for code, item in truth["items"].items():
        if not item["evidence"]:
            continue
        linked = {site.url(ref) for ref in item["evidence"]}
        urls = {link.url for link in entries[code].links}
        assert urls & linked or any(_same_path(u, linked) for u in urls), code


def _assert_no_index_page(site: ServedSite, client: httpx.Client) -> None:
    """No page of an index-less site reads as an ITA index."""
    for path in click_depths(site, site.site.start):
        if path.endswith((".pdf", ".docx", ".xlsx")) or path.startswith("/calendar"):
            continue
        response = client.get(site.url(path))  # redirects (and their loop) are no pages
        if response.status_code == 200 and "html" in response.headers["content-type"]:
            entries = parse_index_page(response.text, str(response.url))
            assert not looks_like_index(entries, known_codes=ITEMS), path


def _same_path(url: str, candidates: set[str]) -> bool:
    """True when url is one of the candidates once its path is percent-decoded."""
    return unquote(url) in {unquote(c) for c in candidates}


def test_every_evidence_on_the_site_is_reachable_by_clicks(site: ServedSite) -> None:
    depths = click_depths(site, site.site.start)
    for code, item in load_truth(site.site.name)["items"].items():
        on_site = [ref for ref in item["evidence"] if not ref.startswith("//")]
        if on_site:  # a redirect target (nadee O18's login page) is not a link of its own
            assert any(ref in depths for ref in on_site), (code, on_site)


def test_the_deep_page_is_exactly_five_clicks_away() -> None:
    truth = load_truth("dopex")
    with serve("dopex") as base:
        depths = click_depths(base, "/")
    assert depths[truth["deep_page"]["path"]] == truth["deep_page"]["depth"] == 5


def test_robots_txt() -> None:
    expected = {"banswan": "Disallow: /admin/", "dopex": "Disallow: /backoffice/"}
    for name, line in expected.items():
        with serve(name) as base, httpx.Client() as http:
            response = http.get(base + "/robots.txt")
            assert response.status_code == 200
            assert line in response.text.splitlines()
            for path in load_truth(name)["never_fetch"]:
                assert base.hits[path] == 0
    with serve("nadee") as base, httpx.Client() as http:
        assert f"Sitemap: {base}/wp-sitemap.xml" in http.get(base + "/robots.txt").text
