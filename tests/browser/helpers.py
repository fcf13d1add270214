"""Steps the browser tests share."""

from __future__ import annotations

from typing import Any

from tests.conftest import PASSWORD

PHONE = {"width": 390, "height": 844}


def log_in(
    browser: Any, live_server: Any, username: str, password: str = PASSWORD, *, viewport=PHONE
) -> Any:
    """A new Thai browser context, logged in through the login form as a person would."""
    page = browser.new_context(locale="th-TH", viewport=viewport).new_page()
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("ชื่อผู้ใช้").fill(username)
    page.get_by_label("รหัสผ่าน").fill(password)
    page.get_by_role("button", name="เข้าสู่ระบบ").click()
    return page
