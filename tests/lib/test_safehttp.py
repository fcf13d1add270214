import hashlib
import socket
import time
from collections.abc import Iterator
from datetime import UTC, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import httpx
import pytest

from openita.lib.safehttp import capture, probe
from tests.support import fake_dns, local_server

OK_HTML = "<!doctype html><html><body><h1>รายงานประจำปี</h1></body></html>".encode()
PDF_BYTES = b"%PDF-1.4\n" + bytes(range(256)) * 40 + b"\n%%EOF\n"
LOGIN_HTML = (
    b"<html><body><form method=post><input name=user>"
    b"<INPUT class='x' TYPE=\"Password\" name=pw></form></body></html>"
)
BIG_BODY = b"0123456789" * 50_000  # 500 kB
SLOW_SECONDS = 1.0
PUBLIC_IP = "93.184.216.34"


class _Handler(BaseHTTPRequestHandler):
    def log_message(self, format, *args):
        pass  # keep the test output clean

    def _send(self, status, body=b"", content_type="text/html", headers=None, length=True):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        if length:
            self.send_header("Content-Length", str(len(body)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        path = self.path
        if path == "/ok":
            self._send(200, OK_HTML, "text/html; charset=utf-8")
        elif path == "/pdf":
            self._send(200, PDF_BYTES, "application/pdf")
        elif path == "/missing":
            self._send(404, b"not here")
        elif path == "/redirect":
            self._send(302, headers={"Location": "/ok"})
        elif path == "/loop":
            self._send(302, headers={"Location": "/loop"})
        elif path == "/to-private":
            self._send(302, headers={"Location": "http://10.0.0.1/x"})
        elif path == "/login-form":
            self._send(200, LOGIN_HTML)
        elif path == "/empty":
            self._send(200, b"")
        elif path == "/unauthorized":
            self._send(401, b"who are you?", headers={"WWW-Authenticate": 'Basic realm="x"'})
        elif path == "/big":
            # No Content-Length: the body ends when the connection closes (HTTP/1.0).
            self._send(200, BIG_BODY, "text/plain", length=False)
        elif path == "/slow":
            time.sleep(SLOW_SECONDS)
            self._send(200, OK_HTML)
        else:
            self._send(404)


class _QuietServer(ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        pass  # the client hanging up early (timeouts, size caps) is expected here


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    with local_server(_Handler, _QuietServer) as url:
        yield url


def _mock_client(routes, seen):
    def handler(request):
        seen.append(str(request.url))
        return routes(request)

    return httpx.Client(transport=httpx.MockTransport(handler))


# probe against the local server


def test_it_probes_an_html_page(server):
    result = probe(f"{server}/ok", allow_private=True)
    assert result.outcome == "ok"
    assert result.status == 200
    assert result.final_url == f"{server}/ok"
    assert result.redirects == []
    assert result.content_type.startswith("text/html")
    assert result.content_length == len(OK_HTML)


def test_it_probes_a_pdf(server):
    result = probe(f"{server}/pdf", allow_private=True)
    assert result.outcome == "ok"
    assert result.content_type == "application/pdf"
    assert result.content_length == len(PDF_BYTES)


def test_it_reports_a_missing_page_as_broken(server):
    result = probe(f"{server}/missing", allow_private=True)
    assert (result.outcome, result.status) == ("broken", 404)
    assert "404" in result.detail


def test_it_records_the_redirect_chain(server):
    result = probe(f"{server}/redirect", allow_private=True)
    assert result.outcome == "ok"
    assert result.redirects == [f"{server}/ok"]
    assert result.final_url == f"{server}/ok"
    assert result.status == 200


def test_it_gives_up_on_a_redirect_loop(server):
    result = probe(f"{server}/loop", allow_private=True, max_redirects=3)
    assert result.outcome == "too_many_redirects"
    assert result.redirects == [f"{server}/loop"] * 4


def test_it_follows_a_redirect_to_a_private_address_only_when_allowed(server):
    # allow_private=True lets the hop to 10.0.0.1 through; that address is served by a mock
    # transport so the test never sends anything to a real private network.
    seen = []
    inside = httpx.MockTransport(
        lambda request: seen.append(str(request.url)) or httpx.Response(200, html="<p>intranet</p>")
    )
    with httpx.Client(mounts={"http://10.0.0.1": inside}) as client:
        result = probe(f"{server}/to-private", allow_private=True, client=client)
    assert result.outcome == "ok"
    assert result.redirects == ["http://10.0.0.1/x"]
    assert seen == ["http://10.0.0.1/x"]


def test_it_spots_a_password_form(server):
    result = probe(f"{server}/login-form", allow_private=True)
    assert result.outcome == "login_required"
    assert "password" in result.detail


def test_it_reports_an_empty_page_as_broken(server):
    result = probe(f"{server}/empty", allow_private=True)
    assert (result.outcome, result.detail) == ("broken", "empty response")
    assert result.content_length == 0


def test_it_reports_401_as_login_required(server):
    result = probe(f"{server}/unauthorized", allow_private=True)
    assert (result.outcome, result.status) == ("login_required", 401)


def test_it_stops_reading_a_big_body_early(server):
    result = probe(f"{server}/big", allow_private=True, max_bytes=1000)
    assert result.outcome == "ok"
    assert result.content_type == "text/plain"
    assert result.content_length is None  # no header and the body was not read to its end


def test_it_times_out_on_a_slow_server(server):
    started = time.monotonic()
    result = probe(f"{server}/slow", allow_private=True, timeout=0.2)
    assert result.outcome == "timeout"
    assert time.monotonic() - started < SLOW_SECONDS


def test_it_blocks_the_local_server_by_default(server):
    result = probe(f"{server}/ok")
    assert result.outcome == "blocked"
    assert "private_address" in result.detail
    assert result.status is None


def test_it_blocks_urls_that_fail_validation():
    result = probe("file:///etc/passwd")
    assert result.outcome == "blocked"
    assert "scheme" in result.detail


def test_it_reports_a_connection_failure_as_an_error():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]  # nobody listens here
    result = probe(f"http://127.0.0.1:{port}/", allow_private=True)
    assert result.outcome == "error"
    assert result.detail


def test_it_reports_an_unresolvable_host_as_an_error(monkeypatch):
    fake_dns(monkeypatch, {})
    result = probe("https://nowhere.example.test/")
    assert result.outcome == "error"
    assert "unresolvable" in result.detail


# probe through a mock transport (public-looking hosts, no real network)


def test_it_blocks_a_redirect_into_a_private_address_before_requesting_it(monkeypatch):
    fake_dns(monkeypatch, {"public.example.test": [PUBLIC_IP]})
    seen = []

    def routes(request):
        if request.url.host == "public.example.test":
            return httpx.Response(302, headers={"Location": "http://10.0.0.1/"})
        return httpx.Response(200, text="internal secrets")

    with _mock_client(routes, seen) as client:
        result = probe("http://public.example.test/", client=client)
    assert result.outcome == "blocked"
    assert "http://10.0.0.1/" in result.detail
    assert "private_address" in result.detail
    assert result.redirects == ["http://10.0.0.1/"]
    assert seen == ["http://public.example.test/"]


def test_it_blocks_a_redirect_to_a_name_that_resolves_privately(monkeypatch):
    fake_dns(
        monkeypatch,
        {"public.example.test": [PUBLIC_IP], "sneaky.example.test": ["192.168.10.10"]},
    )
    seen = []

    def routes(request):
        return httpx.Response(302, headers={"Location": "http://sneaky.example.test/admin"})

    with _mock_client(routes, seen) as client:
        result = probe("http://public.example.test/start", client=client)
    assert result.outcome == "blocked"
    assert "sneaky.example.test" in result.detail
    assert seen == ["http://public.example.test/start"]


def test_it_sends_its_user_agent_and_language(monkeypatch):
    fake_dns(monkeypatch, {"public.example.test": [PUBLIC_IP]})
    sent = []

    def routes(request):
        sent.append(request.headers)
        return httpx.Response(200, html="<p>hi</p>")

    with _mock_client(routes, []) as client:
        assert probe("http://public.example.test/", client=client).outcome == "ok"
    assert sent[0]["user-agent"].startswith("OpenITA-linkcheck/")
    assert sent[0]["accept-language"] == "th,en"


def test_it_spots_a_google_drive_file_that_needs_sign_in(monkeypatch):
    fake_dns(
        monkeypatch,
        {"drive.google.com": [PUBLIC_IP], "accounts.google.com": [PUBLIC_IP]},
    )
    seen = []
    login = (
        "https://accounts.google.com/ServiceLogin?service=wise"
        "&continue=https://drive.google.com/file/d/x/view"
    )

    def routes(request):
        if request.url.host == "drive.google.com":
            return httpx.Response(302, headers={"Location": login})
        return httpx.Response(200, html="<form><input type=password></form>")

    with _mock_client(routes, seen) as client:
        result = probe("https://drive.google.com/file/d/x/view", client=client)
    assert result.outcome == "login_required"
    assert result.redirects == [login]
    assert result.final_url == login


def test_it_spots_a_google_doc_that_is_not_shared(monkeypatch):
    fake_dns(monkeypatch, {"docs.google.com": [PUBLIC_IP]})

    def routes(request):
        return httpx.Response(403, html="<p>You need access</p>")

    with _mock_client(routes, []) as client:
        result = probe("https://docs.google.com/document/d/x/edit", client=client)
    assert (result.outcome, result.status) == ("login_required", 403)


def test_it_spots_a_redirect_to_a_sign_in_path(monkeypatch):
    fake_dns(monkeypatch, {"public.example.test": [PUBLIC_IP]})

    def routes(request):
        if request.url.path == "/report":
            return httpx.Response(302, headers={"Location": "/signin?next=/report"})
        if request.url.path == "/members":
            return httpx.Response(200, html='<input id=p type="password">')
        return httpx.Response(200, html="<p>sign in</p>")

    with _mock_client(routes, []) as client:
        result = probe("https://public.example.test/report", client=client)
        assert result.outcome == "login_required"
        assert result.final_url == "https://public.example.test/signin?next=/report"
        members = probe("https://public.example.test/members", client=client)
        assert (members.outcome, members.detail) == (
            "login_required",
            "the page shows a password form",
        )
        author = probe("https://public.example.test/authors/list", client=client)
        assert author.outcome == "ok"


# capture


def test_it_captures_a_page_with_its_hash_and_headers(server):
    before = time.time()
    result = capture(f"{server}/pdf", allow_private=True)
    assert result.outcome == "ok"
    assert result.content == PDF_BYTES
    assert result.sha256 == hashlib.sha256(PDF_BYTES).hexdigest()
    assert result.size == len(PDF_BYTES)
    assert result.truncated is False
    assert result.headers["content-type"] == "application/pdf"
    assert result.headers["content-length"] == str(len(PDF_BYTES))
    assert result.fetched_at.utcoffset() == timedelta(0)
    assert result.fetched_at.tzinfo is UTC
    assert result.fetched_at.timestamp() >= before - 1


def test_it_captures_the_final_page_of_a_redirect(server):
    result = capture(f"{server}/redirect", allow_private=True)
    assert result.outcome == "ok"
    assert result.content == OK_HTML
    assert result.sha256 == hashlib.sha256(OK_HTML).hexdigest()
    assert result.redirects == [f"{server}/ok"]
    assert result.final_url == f"{server}/ok"


def test_it_truncates_a_capture_beyond_max_bytes(server):
    result = capture(f"{server}/big", allow_private=True, max_bytes=100_000)
    assert result.truncated is True
    assert result.size == 100_000
    assert result.content == BIG_BODY[:100_000]
    assert result.sha256 == hashlib.sha256(BIG_BODY[:100_000]).hexdigest()


def test_it_captures_a_whole_body_without_content_length(server):
    result = capture(f"{server}/big", allow_private=True)
    assert result.truncated is False
    assert result.content == BIG_BODY


def test_it_does_not_raise_when_a_capture_is_blocked_or_times_out(server):
    blocked = capture(f"{server}/ok")
    assert blocked.outcome == "blocked"
    assert (blocked.content, blocked.size, blocked.truncated) == (b"", 0, False)
    assert blocked.sha256 == hashlib.sha256(b"").hexdigest()
    slow = capture(f"{server}/slow", allow_private=True, timeout=0.2)
    assert slow.outcome == "timeout"


def test_it_copes_with_odd_location_headers(monkeypatch):
    fake_dns(monkeypatch, {"public.example.test": [PUBLIC_IP]})
    seen = []

    def routes(request):
        if request.url.path == "/bad":
            return httpx.Response(302, headers={"Location": "http://[oops/"})
        if request.url.path == "/spaced":
            return httpx.Response(302, headers={"Location": "/files/my report.pdf"})
        return httpx.Response(200, content=b"%PDF-1.4", headers={"Content-Type": "application/pdf"})

    with _mock_client(routes, seen) as client:
        bad = probe("http://public.example.test/bad", client=client)
        spaced = probe("http://public.example.test/spaced", client=client)
    assert bad.outcome == "blocked"
    assert "malformed" in bad.detail
    assert spaced.outcome == "ok"
    assert seen[-1] == "http://public.example.test/files/my%20report.pdf"
