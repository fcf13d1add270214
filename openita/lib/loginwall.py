"""Tell whether a fetched URL ended on a sign-in wall instead of the evidence.

Agencies often link files kept in Google Drive or behind an intranet login; the assessors
(and the public) then see a sign-in page. Shared by the link checker and the site crawler.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

LOGIN_HOSTS = frozenset({"accounts.google.com", "login.microsoftonline.com"})
GOOGLE_DOC_HOSTS = frozenset({"drive.google.com", "docs.google.com"})
# The path word must end there ("/login", "/login.php", "/auth/realms") so that pages such
# as "/authors" or "/loginfo" are not mistaken for sign-in pages.
_LOGIN_PATH = re.compile(r"/(servicelogin|signin|login|auth)(?=$|[/?#._;-])", re.IGNORECASE)
_PASSWORD_INPUT = re.compile(rb"<input\b[^>]*\btype\s*=\s*[\"']?password\b", re.IGNORECASE)


def host_and_path(url: str) -> tuple[str, str]:
    # Redirect targets come from remote servers and may not parse; such a URL is simply not
    # a sign-in page (the SSRF guard refuses it afterwards).
    try:
        parts = urlsplit(url)
        return (parts.hostname or "").lower(), parts.path
    except ValueError:
        return "", ""


def is_login_url(url: str) -> bool:
    host, path = host_and_path(url)
    return host in LOGIN_HOSTS or bool(_LOGIN_PATH.search(path))


def login_reason(
    *,
    url: str,
    final_url: str,
    redirects: list[str],
    status: int | None,
    content_type: str,
    body: bytes,
) -> str:
    """Explain why the URL leads to a sign-in wall, or return "" if it does not."""
    status = status or 0
    if status == 401:
        return "HTTP 401: the server asks for credentials"
    for hop in [*redirects, final_url]:
        if host_and_path(hop)[0] in LOGIN_HOSTS:
            return f"redirected to sign-in page {hop}"
    html = "html" in content_type.lower()
    hosts = {host_and_path(u)[0] for u in (url, final_url)}
    if hosts & GOOGLE_DOC_HOSTS:
        if status == 403:
            return "Google Drive/Docs file is not shared publicly (HTTP 403)"
        if html and (b"ServiceLogin" in body or b"accounts.google.com" in body):
            return "Google Drive/Docs file shows a Google sign-in page"
    if html and 200 <= status < 300 and _PASSWORD_INPUT.search(body):
        return "the page shows a password form"
    if _LOGIN_PATH.search(host_and_path(final_url)[1]):
        return f"ended on sign-in page {final_url}"
    return ""
