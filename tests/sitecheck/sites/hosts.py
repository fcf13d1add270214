"""Other host names the fixture server answers for, chosen by the Host header.

- ``drive`` (``drive.google.com``): ``/file/d/ID/view`` shows a Drive-style viewer page (the
  file name in ``<title>`` and ``og:title``, a download link); ``/uc?export=download&id=ID``
  redirects (303) to the content host; ``/open?id=ID`` redirects to the viewer. A private
  file redirects to ``accounts.google.com/ServiceLogin``, a deleted one answers 404.
- ``drive_content`` (``drive.usercontent.google.com``): ``/download?id=ID`` sends the file
  as an attachment.
- ``google_login`` (``accounts.google.com``): a sign-in page with a password field.
- ``google_forms`` (``docs.google.com``): ``/forms/...`` is a public Google-Form-style form.
- ``social`` (Facebook, LINE, YouTube…): a small public page named after the path.
- ``redirect`` (``www.google.com``, ``l.facebook.com``): a link wrapper, ``/url?q=TARGET``
  or ``/l.php?u=TARGET``, answered 302 to TARGET; pages write TARGET with a placeholder
  (``q={{//drive.google.com}}/file/d/…``) so that it carries the server's port.
"""

from __future__ import annotations

import html
import re
from urllib.parse import parse_qs, quote, urlsplit

from .documents import doc_bytes
from .manifest import Site
from .render import Response, html_response, not_found, redirect

_VIEW = re.compile(r"^/file/d/([A-Za-z0-9_-]+)(?:/(?:view|preview|edit))?/?$")


def _page(title: str, body: str) -> Response:
    return html_response(
        f'<!DOCTYPE html><html lang="th"><head><meta charset="utf-8"><title>{title}</title>'
        f"</head><body>{body}</body></html>"
    )


def _drive_view(site: Site, file_id: str, url: str, port: int) -> Response:
    entry = site.drive.get(file_id)
    if entry is None or entry.deleted:
        page = _page(
            "Google ไดรฟ์ - ไม่พบไฟล์",
            "<h1>ขออภัย ไม่มีไฟล์ที่คุณร้องขอ</h1><p>ไฟล์อาจถูกลบหรือย้ายไปแล้ว</p>",
        )
        page.status = 404
        return page
    if entry.private:
        login = f"http://accounts.google.com:{port}/ServiceLogin?service=wise&continue="
        return redirect(login + quote(url, safe=""))
    doc = site.docs[entry.doc]
    name = html.escape(doc.filename or doc.title)
    return _page(
        f"{name} - Google ไดรฟ์",
        f'<meta property="og:title" content="{name}">'
        f'<div class="ndfHFb-c4YZDc">{name}</div>'
        f'<a class="download" href="/uc?export=download&amp;id={file_id}">ดาวน์โหลด</a>'
        "<script>/* viewer script */</script>",
    )


def drive(site: Site, path: str, query: str, url: str, port: int) -> Response:
    params = parse_qs(query)
    match = _VIEW.match(path)
    if match:
        return _drive_view(site, match.group(1), url, port)
    file_id = params.get("id", [""])[0]
    if path == "/open" and file_id:
        return redirect(f"/file/d/{file_id}/view")
    if path == "/uc" and file_id:
        entry = site.drive.get(file_id)
        if entry is None or entry.deleted:
            return not_found()
        if entry.private:
            return _drive_view(site, file_id, url, port)
        target = f"http://drive.usercontent.google.com:{port}/download?id={file_id}&export=download"
        return redirect(target, 303)
    return not_found()


def drive_content(site: Site, path: str, query: str) -> Response:
    file_id = parse_qs(query).get("id", [""])[0]
    entry = site.drive.get(file_id)
    if path != "/download" or entry is None or entry.deleted or entry.private:
        return not_found()
    doc = site.docs[entry.doc]
    name = doc.filename or f"{doc.id}.{doc.kind}"
    disposition = f"attachment; filename=\"{doc.id}.{doc.kind}\"; filename*=UTF-8''{quote(name)}"
    return Response(
        content_type=doc.content_type,
        body=doc_bytes(site.folder, doc),
        headers={"Content-Disposition": disposition},
    )


def google_login() -> Response:
    return _page(
        "ลงชื่อเข้าใช้ - บัญชี Google",
        '<h1>ลงชื่อเข้าใช้</h1><p>ไปยัง Google ไดรฟ์</p><form method="post" action="/signin">'
        '<input type="email" name="identifier" placeholder="อีเมลหรือโทรศัพท์">'
        '<input type="password" name="Passwd"><button>ถัดไป</button></form>',
    )


def google_forms(path: str) -> Response:
    if not path.startswith("/forms/"):
        return not_found()
    return _page(
        "แบบคำร้องขอรับบริการออนไลน์ - Google ฟอร์ม",
        '<form action="formResponse" method="post"><h1>แบบคำร้องขอรับบริการออนไลน์</h1>'
        "<p>ยื่นคำร้องขอรับบริการได้ตลอด 24 ชั่วโมง ไม่ต้องเดินทางมาที่สำนักงาน</p>"
        '<label>ชื่อ-นามสกุล <input name="entry.1"></label>'
        '<label>เรื่องที่ขอรับบริการ <select name="entry.2"><option>ขอข้อมูลกองทุนหมู่บ้าน</option>'
        "<option>ขอรับการสนับสนุนกลุ่มอาชีพ</option></select></label>"
        '<label>รายละเอียด <textarea name="entry.3"></textarea></label>'
        "<button>ส่ง</button></form>",
    )


def social(host: str, path: str) -> Response:
    name = html.escape(path.strip("/").split("/")[-1] or host)
    network = host.split(".")[-2] if host.count(".") else host
    return _page(
        f"{name} | {network}",
        f"<h1>{name}</h1><p>หน้าสาธารณะบน {html.escape(host)} — ติดตามข่าวสารและส่งข้อความถึงเรา</p>",
    )


def redirect_wrapper(path: str, query: str, port: int) -> Response:
    params = parse_qs(query)
    target = (params.get("q") or params.get("url") or params.get("u") or [""])[0]
    if path not in ("/url", "/l.php") or not target:
        return not_found()
    if target.startswith("//"):  # a truth reference: the host without the port
        parts = urlsplit("http:" + target)
        target = f"http://{parts.hostname}:{port}{target[2 + len(parts.netloc) :]}"
    return redirect(target)
