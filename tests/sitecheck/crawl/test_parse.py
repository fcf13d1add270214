"""Decoding and reading HTML pages of Thai agency sites."""

from __future__ import annotations

from openita.sitecheck.crawl.parse import decode_html, parse_html

THAI = "ประกาศเจตนารมณ์การป้องกันการทุจริต สำนักงานเทศบาล"
BASE = "https://www.example.go.th/news/"


def test_it_decodes_by_header_then_meta_then_guess() -> None:
    body = f"<html><body>{THAI}</body></html>".encode("cp874")
    assert THAI in decode_html(body, "text/html; charset=TIS-620")
    meta = f'<html><head><meta charset="windows-874"></head><body>{THAI}</body></html>'
    assert THAI in decode_html(meta.encode("cp874"), "text/html")
    assert THAI in decode_html(body, "")  # nothing declared: guessed


def test_a_page_declared_utf8_but_saved_in_tis620_is_still_read() -> None:
    body = f"<html><body>{THAI} {THAI}</body></html>".encode("cp874")
    assert THAI in decode_html(body, "text/html; charset=utf-8")


def test_it_reads_title_headings_text_and_absolute_links() -> None:
    page = parse_html(
        "<html><head><title> ข่าว </title><style>p{}</style></head><body><h1>ข่าวประชาสัมพันธ์</h1>"
        '<a href="../plan.pdf#p2">แผน</a><a href="javascript:void(0)">x</a>'
        '<a href="mailto:a@b.go.th">อีเมล</a><iframe src="https://drive.google.com/file/d/1/preview">'
        "</iframe><script>var x = 'ไม่ใช่ข้อความ';</script></body></html>",
        BASE,
    )
    assert page.title == "ข่าว" and page.headings == ["ข่าวประชาสัมพันธ์"]
    urls = [link.url for link in page.links]
    assert "https://www.example.go.th/plan.pdf" in urls
    assert "https://drive.google.com/file/d/1/preview" in urls
    assert not any(u.startswith("javascript") for u in urls)
    assert "ไม่ใช่ข้อความ" not in page.text


def test_it_finds_contact_channels() -> None:
    page = parse_html(
        '<div class="fb-customerchat" page_id="1"></div>'
        '<a href="https://line.me/R/ti/p/@agency">LINE</a>'
        '<a href="/webboard">กระดานถาม-ตอบ</a>'
        '<form action="/send"><textarea name="msg"></textarea><button>ส่งเรื่องร้องเรียน</button></form>'
        '<form action="/search"><input name="q"><button>ค้นหา</button></form>'
        '<form action="/login"><input type="password"><textarea></textarea></form>',
        BASE,
    )
    kinds = sorted(c.kind for c in page.channels)
    assert kinds == ["chat", "form", "line", "webboard"]
    form = next(c for c in page.channels if c.kind == "form")
    assert form.url == "https://www.example.go.th/send" and "ร้องเรียน" in form.text


def test_content_images_leave_a_mark_in_the_text_but_logos_do_not() -> None:
    page = parse_html(
        '<img src="/logo.png" alt="โลโก้"><p>นายกเทศมนตรี <img src="/p/1.jpg" alt="นายสมชาย"></p>',
        BASE,
    )
    assert "[ภาพ] นายสมชาย" in page.text and "โลโก้" not in page.text


def test_it_recognises_an_ita_index_page() -> None:
    rows = "".join(
        f'<tr><td>O{n}</td><td>หัวข้อที่ {n}</td><td><a href="/d{n}.pdf">ลิงก์</a></td></tr>'
        for n in range(1, 9)
    )
    page = parse_html(f"<table>{rows}</table>", BASE)
    assert [e.code for e in page.index] == [f"O{n}" for n in range(1, 9)]
    assert page.index[0].links[0].url == "https://www.example.go.th/d1.pdf"
    assert parse_html("<p>O1 และ O2 เท่านั้น</p>", BASE).index == []


def test_links_know_the_heading_of_their_section() -> None:
    html = (
        "<h1>สถิติเรื่องร้องเรียน</h1><details><summary>ปีงบประมาณ ๒๕๖๙</summary>"
        '<a href="/a.pdf">ดาวน์โหลด</a></details><h3>ปีงบประมาณ 2568</h3><a href="/b.pdf">คลิก</a>'
    )
    links = {link.url: link.context for link in parse_html(html, "https://a.go.th/s").links}
    assert links == {
        "https://a.go.th/a.pdf": "ปีงบประมาณ ๒๕๖๙",
        "https://a.go.th/b.pdf": "ปีงบประมาณ 2568",
    }


def test_a_top_bar_of_contacts_is_part_of_the_frame() -> None:
    html = (
        '<div id="sp-top-bar"><span>โทร. ๐ ๔๔๗๗ ๑๒๓๔</span> <a href="mailto:a@b.go.th">อีเมล</a>'
        "</div><main><h1>ทำเนียบผู้บริหาร</h1><p>นายสมพงษ์ ทองธารา ผู้อำนวยการ</p></main>"
    )
    own = parse_html(html, "https://a.go.th/exec").own_text
    assert "ผู้อำนวยการ" in own and "๔๔๗๗" not in own


def test_page_builders_content_boxes_and_section_headings_are_the_pages_own_text() -> None:
    html = (
        '<div class="elementor-widget elementor-widget-text-editor"><div class="elementor-widget-'
        'container"><p>ผลการดำเนินงานประจำปี โครงการก่อสร้างถนน แล้วเสร็จ</p><h3>ปัญหา/อุปสรรค</h3>'
        '<p>ฝนตกชุก</p></div></div><aside class="widget-area"><p>ข่าวล่าสุด</p></aside>'
    )
    own = parse_html(html, "https://a.go.th/report").own_text
    assert "แล้วเสร็จ" in own and "ปัญหา/อุปสรรค" in own and "ข่าวล่าสุด" not in own


def test_an_index_with_codes_written_o_dot_one_is_read() -> None:
    rows = "".join(
        f'<p>O.{n} ข้อมูลข้อที่ {n} <a class="elementor-button-link" href="/d/{n}">ดูข้อมูล</a></p>'
        for n in range(1, 8)
    )
    index = parse_html(f"<title>ITA 2568</title>{rows}", "https://a.go.th/ita-2568/").index
    assert [entry.code for entry in index] == [f"O{n}" for n in range(1, 8)]


def test_a_download_link_knows_its_row() -> None:
    html = (
        "<table><tr><td>รายงานผลการจัดการความเสี่ยงการทุจริต ปี 2567</td>"
        '<td><a href="/f/1.pdf">ดาวน์โหลด</a></td></tr></table>'
    )
    (link,) = parse_html(html, "https://a.go.th/list").links
    assert link.row == "รายงานผลการจัดการความเสี่ยงการทุจริต ปี 2567 ดาวน์โหลด"
