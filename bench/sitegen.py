"""A generated agency website for the crawl benchmark: 500 pages and 100 documents.

    .venv/bin/python bench/sitegen.py generate DIR [--pages 500] [--docs 100] [--seed 2568]
    .venv/bin/python bench/sitegen.py serve DIR [--port 0]

``generate`` writes the site into DIR:

- HTML pages in a tree of depth 6 under eight menu sections (``/s1/…`` … ``/s8/…``), each
  page carrying the menu (home + 8 sections), its parent, its children and cross links to
  pages no deeper than itself, 10–30 distinct links in all, with Thai text (~10 KB a page);
  so a page's click depth is its level in the tree and the deepest pages are six clicks away;
- documents linked from pages of level 2 and deeper: half PDFs (copies of the fixture
  sites' committed PDFs, each made distinct by a trailing comment), a quarter DOCX and a
  quarter XLSX with Thai text (python-docx, openpyxl);
- a picture with Thai text (an announcement or an infographic, copies of the fixture sites'
  PNGs made distinct) in the content of every fourth page of level 2 and deeper, as news and
  notices carry them: the check reads such pictures by OCR, within its budget;
- five pages under ``/private/``, linked from the home page and disallowed by robots.txt.

``serve`` answers from memory with one ``ThreadingHTTPServer`` (HTTP/1.1 keep-alive,
Content-Length, a thread per connection): fast enough for a few thousand small requests a
second on this machine, far above what either crawler asks of it. It prints ``PORT n`` and
serves until killed.
"""

from __future__ import annotations

import argparse
import io
import json
import random
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

ROOT = Path(__file__).resolve().parents[1]
SECTIONS = 8
MAX_LEVEL = 6
_SUBJECTS = (
    "องค์การบริหารส่วนตำบล", "กองคลัง", "สำนักปลัด", "กองช่าง", "ศูนย์พัฒนาเด็กเล็ก",
    "คณะกรรมการชุมชน", "กลุ่มอาชีพสตรี", "อาสาสมัครสาธารณสุข", "ผู้สูงอายุ", "เยาวชน",
)  # fmt: skip
_VERBS = (
    "ดำเนินโครงการ", "จัดประชุม", "ประชาสัมพันธ์", "ลงพื้นที่ตรวจติดตาม", "จัดอบรม",
    "รับฟังความคิดเห็นเรื่อง", "สนับสนุนงบประมาณ", "ส่งมอบ", "ประกาศผล", "รายงานความก้าวหน้า",
)  # fmt: skip
_OBJECTS = (
    "การซ่อมแซมถนนคอนกรีตเสริมเหล็ก", "การจัดเก็บภาษีที่ดินและสิ่งปลูกสร้าง",
    "การป้องกันและบรรเทาสาธารณภัย", "การคัดแยกขยะต้นทาง", "แผนพัฒนาท้องถิ่น",
    "การจ่ายเบี้ยยังชีพผู้สูงอายุ", "มาตรการส่งเสริมคุณธรรมและความโปร่งใส",
    "การจัดซื้อจัดจ้างประจำปีงบประมาณ", "ระบบประปาหมู่บ้าน", "การส่งเสริมอาชีพ",
)  # fmt: skip
_MONTHS = ("ตุลาคม", "พฤศจิกายน", "ธันวาคม", "มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน")
_SECTION_NAMES = (
    "ข้อมูลพื้นฐาน", "ข่าวประชาสัมพันธ์", "แผนงานและงบประมาณ", "จัดซื้อจัดจ้าง",
    "บริการประชาชน", "บุคลากร", "ต่อต้านการทุจริต", "การมีส่วนร่วม",
)  # fmt: skip


def _sentence(rng: random.Random) -> str:
    day, month = rng.randint(1, 28), rng.choice(_MONTHS)
    year = 2567 if month in _MONTHS[:3] else 2568
    return (
        f"{rng.choice(_SUBJECTS)}{rng.choice(_VERBS)}{rng.choice(_OBJECTS)} "
        f"เมื่อวันที่ {day} {month} {year} ผู้เข้าร่วม {rng.randint(12, 480)} คน "
        f"งบประมาณ {rng.randint(5, 900) * 1000:,} บาท"
    )


def _levels(pages: int) -> list[int]:
    """How many pages each level 0…6 holds: 1 home, 8 sections, the rest growing then thinning."""
    weights = [0, 0, 8, 19, 28, 26, 17]
    rest = pages - 1 - SECTIONS
    sizes = [1, SECTIONS] + [rest * w // sum(weights) for w in weights[2:]]
    sizes[-1] += pages - sum(sizes)
    return sizes


def _tree(pages: int, rng: random.Random) -> list[dict]:
    """Pages with path, level, parent and section; page 0 is the home page."""
    nodes = [{"path": "/", "level": 0, "parent": None, "section": 0}]
    previous = [0]
    for level, size in enumerate(_levels(pages)[1:], start=1):
        current = []
        for i in range(size):
            parent = i + 1 if level == 1 else rng.choice(previous)
            section = i + 1 if level == 1 else nodes[parent]["section"]
            path = f"/s{section}/" if level == 1 else f"/s{section}/p{len(nodes):04d}.html"
            nodes.append({"path": path, "level": level, "parent": parent, "section": section})
            current.append(len(nodes) - 1)
        previous = current
    return nodes


def _links(nodes: list[dict], rng: random.Random) -> dict[int, list[int]]:
    """Every page's page links: menu, parent, children, cross links to shallower pages."""
    children: dict[int, list[int]] = {i: [] for i in range(len(nodes))}
    for i, node in enumerate(nodes):
        if node["parent"] is not None:
            children[node["parent"]].append(i)
    by_level: dict[int, list[int]] = {}
    for i, node in enumerate(nodes):
        by_level.setdefault(node["level"], []).append(i)
    menu = list(range(SECTIONS + 1))
    out = {}
    for i, node in enumerate(nodes):
        links = dict.fromkeys(menu + children[i] + ([node["parent"]] if i else []))
        target = rng.randint(10, 30)
        shallower = [j for lv in range(node["level"] + 1) for j in by_level[lv]]
        while len(links) < min(target, len(shallower)):
            links[rng.choice(shallower)] = None
        links.pop(i, None)
        out[i] = list(links)
    return out


def _page_html(i: int, nodes: list[dict], links: list[int], docs: list[dict], rng) -> str:
    node = nodes[i]
    title = "หน้าแรก" if i == 0 else f"{_SECTION_NAMES[node['section'] - 1]} เรื่องที่ {i}"
    menu = "".join(
        f'<li><a href="{nodes[s]["path"]}">{_SECTION_NAMES[s - 1]}</a></li>'
        for s in range(1, SECTIONS + 1)
    )
    related = "".join(
        f'<li><a href="{nodes[j]["path"]}">{_sentence(rng)[:60]}</a></li>'
        for j in links
        if j > SECTIONS
    )
    files = "".join(f'<li><a href="{d["path"]}">{d["title"]}</a></li>' for d in docs)
    picture = (
        f'<p><img src="/pictures/notice-{i}.png" alt="ประกาศ" width="640"></p>'
        if _has_picture(node, i)
        else ""
    )
    private = '<p><a href="/private/p1.html">สำหรับเจ้าหน้าที่</a></p>' if i == 0 else ""
    paragraphs = "".join(f"<p>{_sentence(rng)} {_sentence(rng)}</p>" for _ in range(8))
    return (
        f'<!DOCTYPE html><html lang="th"><head><meta charset="utf-8"><title>{title} - '
        f"องค์การบริหารส่วนตำบลตัวอย่าง</title></head><body>"
        f'<header><a href="/">หน้าแรก</a></header><nav><ul>{menu}</ul></nav>'
        f"<main><h1>{title}</h1>{paragraphs}{picture}<h2>เรื่องที่เกี่ยวข้อง</h2><ul>{related}</ul>"
        f"<h2>เอกสารดาวน์โหลด</h2><ul>{files}</ul>{private}</main>"
        f"<footer>องค์การบริหารส่วนตำบลตัวอย่าง โทร. 0 5500 0000</footer></body></html>"
    )


def _has_picture(node: dict, i: int) -> bool:
    return node["level"] >= 2 and i % 4 == 0


def _pictures() -> list[bytes]:
    found = sorted((ROOT / "tests" / "sitecheck" / "sites").glob("*/static/**/*.png"))
    return [path.read_bytes() for path in found if path.stat().st_size > 20_000][:4]


def _docx(title: str, rng: random.Random) -> bytes:
    import docx

    document = docx.Document()
    document.add_heading(title, level=1)
    for _ in range(10):
        document.add_paragraph(_sentence(rng))
    table = document.add_table(rows=6, cols=4)
    for row in table.rows:
        for cell in row.cells:
            cell.text = rng.choice(_OBJECTS)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _xlsx(title: str, rng: random.Random) -> bytes:
    import openpyxl

    book = openpyxl.Workbook()
    for n, sheet in enumerate([book.active, book.create_sheet()]):
        sheet.title = f"ข้อมูล {n + 1}"
        sheet.append([title])
        sheet.append(["ที่", "โครงการ", "หน่วยงาน", "งบประมาณ (บาท)", "เดือน"])
        for row in range(30):
            sheet.append([row + 1, rng.choice(_OBJECTS), rng.choice(_SUBJECTS),
                          rng.randint(5, 900) * 1000, rng.choice(_MONTHS)])  # fmt: skip
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _base_pdfs() -> list[Path]:
    """The fixture sites' committed PDFs that open (their corrupt one is left out)."""
    sys.path.insert(0, str(ROOT))
    from tests.sitecheck.sites import SITES, load_site

    out = []
    for name in SITES:
        site = load_site(name)
        for doc in site.docs.values():
            if doc.kind == "pdf" and not doc.corrupt:
                out.append(site.folder / "static" / doc.static_path)
    return sorted(out)


def _documents(count: int, nodes: list[dict], rng: random.Random) -> list[dict]:
    """Documents: path, title, kind, the page linking them and their bytes."""
    base_pdfs = _base_pdfs()
    hosts = [i for i, node in enumerate(nodes) if node["level"] >= 2]
    docs = []
    for n in range(count):
        kind = "pdf" if n % 4 in (0, 1) else ("docx" if n % 4 == 2 else "xlsx")
        title = f"{rng.choice(_OBJECTS)} ฉบับที่ {n + 1} ปีงบประมาณ พ.ศ. 2568"
        if kind == "pdf":
            body = base_pdfs[n % len(base_pdfs)].read_bytes() + f"\n% copy {n}\n".encode()
        else:
            body = (_docx if kind == "docx" else _xlsx)(title, rng)
        path = f"/files/2568/doc-{n + 1:03d}.{kind}"
        docs.append({"path": path, "title": title, "kind": kind, "page": rng.choice(hosts),
                     "body": body})  # fmt: skip
    return docs


def generate(out: Path, pages: int = 500, documents: int = 100, seed: int = 2568) -> dict:
    """Write the site into out; returns its summary (also written to out/site.json)."""
    rng = random.Random(seed)
    nodes = _tree(pages, rng)
    links = _links(nodes, rng)
    docs = _documents(documents, nodes, rng)
    for i, node in enumerate(nodes):
        mine = [d for d in docs if d["page"] == i]
        path = out / (node["path"].lstrip("/") or "index.html")
        if path.name == "" or node["path"].endswith("/"):
            path = out / node["path"].lstrip("/") / "index.html"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(_page_html(i, nodes, links[i], mine, rng), encoding="utf-8")
    for doc in docs:
        target = out / doc["path"].lstrip("/")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(doc["body"])
    pictures = _pictures()
    (out / "pictures").mkdir(exist_ok=True)
    pictured = [i for i, node in enumerate(nodes) if _has_picture(node, i)]
    for i in pictured:
        # Bytes after a PNG's end chunk are ignored by readers: each copy is its own file.
        body = pictures[i % len(pictures)] + f"copy {i}".encode()
        (out / "pictures" / f"notice-{i}.png").write_bytes(body)
    for n in range(1, 6):
        (out / "private").mkdir(exist_ok=True)
        (out / "private" / f"p{n}.html").write_text(
            f'<html><body><a href="/private/p{n % 5 + 1}.html">ต่อไป</a></body></html>',
            encoding="utf-8",
        )
    (out / "robots.txt").write_text("User-agent: *\nDisallow: /private/\n", encoding="utf-8")
    summary = {
        "pages": len(nodes),
        "documents": len(docs),
        "pictures": len(pictured),
        "deepest_page": max(node["level"] for node in nodes),
        "deepest_document": max(nodes[d["page"]]["level"] for d in docs) + 1,
        "links_per_page": round(sum(map(len, links.values())) / len(nodes), 1),
        "bytes": sum(p.stat().st_size for p in out.rglob("*") if p.is_file()),
    }
    (out / "site.json").write_text(json.dumps(summary), encoding="utf-8")
    return summary


_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".pdf": "application/pdf",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".txt": "text/plain; charset=utf-8",
    ".json": "application/json",
    ".png": "image/png",
}


def _load(root: Path) -> dict[str, tuple[bytes, str]]:
    files = {}
    for path in root.rglob("*"):
        if path.is_file():
            url = "/" + path.relative_to(root).as_posix()
            files[url] = (path.read_bytes(), _TYPES.get(path.suffix, "application/octet-stream"))
            if path.name == "index.html":
                files[url[: -len("index.html")]] = files[url]
    return files


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # headers and body go out at once (no 40 ms stalls)
    files: dict[str, tuple[bytes, str]] = {}

    def log_message(self, format: str, *args: object) -> None:
        pass

    def do_HEAD(self) -> None:
        self._answer(head=True)

    def do_GET(self) -> None:
        self._answer(head=False)

    def _answer(self, head: bool) -> None:
        found = self.files.get(unquote(urlsplit(self.path).path))
        body, content_type = found or (b"<h1>404 Not Found</h1>", "text/html; charset=utf-8")
        self.send_response(200 if found else 404)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if not head:
            try:
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                self.close_connection = True


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 128

    def handle_error(self, request: object, client_address: object) -> None:
        pass  # crawlers closing connections early are not errors here


def serve(root: Path, port: int = 0) -> None:
    handler = type("Handler", (_Handler,), {"files": _load(root)})
    with _Server(("127.0.0.1", port), handler) as httpd:
        print(f"PORT {httpd.server_address[1]}", flush=True)
        httpd.serve_forever()


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description="Generate or serve the benchmark site.")
    sub = parser.add_subparsers(dest="command", required=True)
    gen = sub.add_parser("generate")
    gen.add_argument("dir", type=Path)
    gen.add_argument("--pages", type=int, default=500)
    gen.add_argument("--docs", type=int, default=100)
    gen.add_argument("--seed", type=int, default=2568)
    srv = sub.add_parser("serve")
    srv.add_argument("dir", type=Path)
    srv.add_argument("--port", type=int, default=0)
    args = parser.parse_args(argv)
    if args.command == "generate":
        args.dir.mkdir(parents=True, exist_ok=True)
        print(json.dumps(generate(args.dir, args.pages, args.docs, args.seed)))
    else:
        serve(args.dir, args.port)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
