"""`openita sitecheck URL --framework ID` against a small local site."""

from __future__ import annotations

import json
from http.server import BaseHTTPRequestHandler
from io import StringIO
from pathlib import Path

import jsonschema
import pytest
from django.core.management import CommandError, call_command

from tests.support import local_server

pytestmark = pytest.mark.django_db
ROWS = "".join(
    f'<tr><td>O{n}</td><td>หัวข้อ</td><td><a href="/o{n}">ลิงก์</a></td></tr>' for n in range(1, 6)
)
SCHEMA = json.loads(Path("docs/sitecheck-report.schema.json").read_text(encoding="utf-8"))
PAGES = {
    "/": '<title>เทศบาลตำบลตัวอย่าง</title><a href="/ita">ITA</a> <a href="/org">โครงสร้าง</a>',
    "/ita": f"<title>ITA ปีงบประมาณ พ.ศ. 2568</title><table>{ROWS}</table>",
    "/o1": "<title>โครงสร้างองค์กร</title><h1>แผนผังโครงสร้างองค์กร</h1><p>สำนักปลัด กองคลัง อำนาจหน้าที่</p>",
}  # fmt: skip


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        body = PAGES.get(self.path)
        self.send_response(200 if body else 404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        data = f"<html><body>{body or 'ไม่พบหน้า'}</body></html>".encode()
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


def test_it_prints_a_schema_valid_json_report(tmp_path: Path) -> None:
    out = StringIO()
    with local_server(Handler) as base:
        call_command("sitecheck", base + "/", framework="ita-2568", json=True, stdout=out)
    report = json.loads(out.getvalue())
    jsonschema.validate(report, SCHEMA)
    items = {item["code"]: item for item in report["items"]}
    assert len(items) == 28 and report["index_page"] == base + "/ita"
    assert items["O1"]["verdict"] == "found" and items["O1"]["evidence"][0]["depth"] == 2
    assert items["O2"]["verdict"] == "broken"
    assert report["pages_fetched"] >= 7 and sum(report["counts"].values()) == 28


def test_it_writes_the_json_and_html_reports_to_files(tmp_path: Path) -> None:
    out = StringIO()
    with local_server(Handler) as base:
        call_command("sitecheck", base + "/", framework="ita-2568", out=str(tmp_path / "r.json"),
                     html=str(tmp_path / "r.html"), stdout=out)  # fmt: skip
    jsonschema.validate(json.loads((tmp_path / "r.json").read_text(encoding="utf-8")), SCHEMA)
    html = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert "โครงสร้างและอำนาจหน้าที่" in html and "<script" not in html
    assert "O1" in out.getvalue() and "found" in out.getvalue()


def test_it_refuses_private_addresses_and_unknown_frameworks(settings: object) -> None:
    settings.OPENITA_FETCH_ALLOW_PRIVATE = False  # type: ignore[attr-defined]
    with pytest.raises(CommandError, match="cannot check"):
        call_command("sitecheck", "http://127.0.0.1/", framework="ita-2568")
    with pytest.raises(CommandError, match="unknown framework"):
        call_command("sitecheck", "https://www.example.go.th/", framework="ita-1999")
