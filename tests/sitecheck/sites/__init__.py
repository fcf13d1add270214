"""Fixture websites of Thai agencies for the site pre-check, their truth and their server.

Three sites, each built differently (see ``README.md`` in this folder):

- ``banswan``: องค์การบริหารส่วนตำบลบ้านสวน, a local administration with an ITA index table;
- ``dopex``: กรมส่งเสริมตัวอย่าง, a department without an index page (menus, TIS-620 pages);
- ``nadee``: สำนักงานพัฒนาชุมชนจังหวัดนาดี, a provincial office with an accordion index
  whose links lead to a Drive-style host.

Two hold-out sites, built without looking at the checker's judging code, measure how the
check does on sites it was not tuned on; they are served and have truth files like the others
but are kept out of ``SITES`` (see ``HOLDOUT_SITES``):

- ``srinakhram``: เทศบาลเมืองศรีนคราม, a town municipality whose ITA page is plain paragraphs
  and a bulleted list (o๑, "คลิกที่นี่"), uploads with meaningless names, year-listing pages;
- ``phimanthong``: มหาวิทยาลัยราชภัฏพิมานทอง, a university without an ITA index page (Thai and
  English menus, PDF/DOCX/XLSX, broken PDF text layers, an item five clicks deep, items shown
  only as pictures, an external E-Service host);
- ``wiangsing``: โรงพยาบาลเวียงสิงห์ จังหวัดสิงห์คำ, a provincial hospital whose ITA page is a
  two-level list by indicator (codes "O1", "o 2", "(O3)", "O๔"), links to its own /ita2568/
  folder, last year's folder and a Drive-style host, items only described, a dead link, a
  document host refusing connections, an "อยู่ระหว่างปรับปรุง" page, an online queue booking;
- ``nongbua``: องค์การบริหารส่วนตำบลหนองบัวทอง (ita-2569), a CMS-template site with an ITA
  table like seed 001, uploads with meaningless names, สขร.1 summaries in PDF and Excel;
- ``dcraft``: กรมพัฒนาฝีมือช่างชุมชน (ita-2568), an ITA page whose codes lead to one page per
  item holding the documents (a dead one, an empty one);
- ``lamnamsai``: สพป.ลำน้ำใส เขต ๒ (ita-2569), an ITA grid of picture buttons (codes only in
  alt text), Drive viewers, a scanned image-only announcement;
- ``phuphaek``: สถานีตำรวจภูธรภูแพะ (ita-2568), WordPress posts embedding documents in iframes;
- ``khaokaew``: เทศบาลตำบลเขาแก้ว (ita-2569), an accordion index ("O1 :", "ข้อ O5", "O.10")
  repeating the rubric, links to national systems that do not resolve;
- ``ssjphrai``: สำนักงานสาธารณสุขจังหวัดไพรวัลย์ (ita-2568), an old PHP site whose files come
  through ``download.php?id=`` and short links;
- ``aotks``: องค์การตลาดกลางสินค้าเกษตร (ita-2569), a state enterprise whose ITA page lists
  items by title only, procurement files on a subdomain.
- ``kromnamdee``: กรมส่งเสริมการใช้น้ำอย่างยั่งยืน (ita-2568), a Drupal-style department site
  whose OIT table shows raw URLs, points into #sections of long pages, one PDF for two items,
  files on subdomains and an e-book viewer;
- ``chonprathan``: โครงการชลประทานนครธารา (ita-2568), a Joomla site without an index page: a
  mega menu of file names by topic and year, a scanned No Gift announcement, a corruption
  channel only on the parent department's host;
- ``khoksamran``: องค์การบริหารส่วนตำบลโคกสำราญ (ita-2569), whose ITA pages live on Google
  Sites (a hub and one page per indicator group, "ข้อ 1." lines, Google's link wrapper);
- ``paosuanthong``: องค์การบริหารส่วนจังหวัดสวนทอง (ita-2569), an index of collapsible sections
  whose items each have a page showing data as HTML tables with attachments of hashed names;
- ``muangphon``: เทศบาลเมืองพลนคร (ita-2569), whose OIT index is a PDF form (and its Word
  copy) with clickable links, short links and "-" for items with nothing;
- ``spmnakhon``: สพม.นครเขียว (ita-2569), an ITA grid of "ดูข้อมูล" buttons leading to topic
  pages that keep several fiscal years in sections;
- ``nongyai``: องค์การบริหารส่วนตำบลหนองใหญ่ (ita-2568), an ITA page with this year's table and
  last year's in two tabs, rows linking paginated listings of a document centre;
- ``kanchanakhet``: สำนักงานพระพุทธศาสนาจังหวัดกาญจนเขต (ita-2569), whose ITA page shows a
  Google Sheet published to the web in an iframe;
- ``rphnamsai``: โรงพยาบาลน้ำใส (ita-2569), a PHP ITA subsystem (``index.php?year=``,
  ``detail.php?id=&year=``) serving this year and last year;
- ``bangkhla``: เทศบาลตำบลบางคล้า (ita-2568), a WordPress site built with Elementor: toggles of
  "O.1"/"o-3" items with buttons, data in posts, a scanned image-only announcement;
- ``kromprachakorn``: กรมส่งเสริมประชากรศึกษา (ita-2568), a department without an index page:
  year-listing pages, "ดาวน์โหลด" links in tables, a scan, a manual four clicks deep;
- ``thapho``: องค์การบริหารส่วนตำบลท่าโพธิ์ (ita-2569), an ITA grid of picture buttons without
  alt text (codes only in the pictures' file names);
- ``bankruat``: เทศบาลตำบลบ้านกรวด (ita-2569), an ITA page of plain paragraphs, each item's
  title first with "(O1)" at its end and its links on the following lines.

Sites were measured at first sight, then used to fix generic rules: a site measured once is
no longer unseen (the figures of each round are in docs/sitecheck.md).

``serve(name)`` runs one (see ``server.py``); ``load_truth(name)`` gives what a careful
assessor concludes for every item of the framework (``truth/<name>.yaml``).

Truth file fields, per item code: ``verdict`` (found | partial | outdated | broken |
missing); ``evidence``: the URLs an assessor would cite (``/path`` on the site or
``//host/path`` elsewhere, without the port), a checker citing any one of them points at
the right place; ``missing``: for partial items, the framework's required element texts
(years filled in) that the evidence lacks; ``years``: fiscal years (B.E.) the evidence is
of, given for outdated items and wherever it matters; ``note``: why, in a sentence or two.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from .manifest import SITES_DIR, load_site
from .server import ServedSite, dns_table, serve

SITES = ("banswan", "dopex", "nadee")
# Not in SITES: never tune the checker on them.
HOLDOUT_SITES = (
    "srinakhram",
    "phimanthong",
    "wiangsing",
    "nongbua",
    "dcraft",
    "lamnamsai",
    "phuphaek",
    "khaokaew",
    "ssjphrai",
    "aotks",
    "kromnamdee",
    "chonprathan",
    "khoksamran",
    "paosuanthong",
    "muangphon",
    "spmnakhon",
    "nongyai",
    "kanchanakhet",
    "rphnamsai",
    "bangkhla",
    "kromprachakorn",
    "thapho",
    "bankruat",
)
VERDICTS = ("found", "partial", "outdated", "broken", "missing")
TRUTH_DIR = SITES_DIR / "truth"

__all__ = [
    "HOLDOUT_SITES",
    "SITES",
    "VERDICTS",
    "ServedSite",
    "dns_table",
    "load_site",
    "load_truth",
    "serve",
    "site_dir",
]


def site_dir(name: str) -> Path:
    return SITES_DIR / name


def load_truth(name: str) -> dict[str, Any]:
    """The truth of a site: its header fields and ``items`` (code → fields, defaults set)."""
    raw = yaml.safe_load((TRUTH_DIR / f"{name}.yaml").read_text(encoding="utf-8"))
    items: dict[str, dict[str, Any]] = {}
    for code, entry in raw["items"].items():
        if entry["verdict"] not in VERDICTS:
            raise ValueError(f"{name} {code}: unknown verdict {entry['verdict']!r}")
        items[code] = {
            "verdict": entry["verdict"],
            "evidence": list(entry.get("evidence") or []),
            "missing": list(entry.get("missing") or []),
            "years": list(entry.get("years") or []),
            "note": entry.get("note", ""),
        }
    return {**raw, "items": items}
