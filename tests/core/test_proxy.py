"""Behind nginx: the client's address, and the start-up checks of the public address."""

from __future__ import annotations

from django.test import RequestFactory

from openita.checks import check_public_address
from openita.core.proxy import client_ip


def test_it_locks_out_the_address_the_proxy_saw(settings):
    request = RequestFactory().get(
        "/", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.9"
    )
    settings.OPENITA_PROXY_HOPS = 0
    assert client_ip(request) == "127.0.0.1"  # a forged header proves nothing without a proxy
    settings.OPENITA_PROXY_HOPS = 1
    assert client_ip(request) == "203.0.113.9"
    assert client_ip(RequestFactory().get("/", REMOTE_ADDR="127.0.0.1")) == "127.0.0.1"


def test_it_sees_https_through_the_proxy_header(settings):
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    assert RequestFactory().get("/", HTTP_X_FORWARDED_PROTO="https").is_secure()


def test_it_warns_about_a_public_address_that_would_not_be_served(settings):
    settings.DEBUG = False
    settings.SITE_URL = "https://ita.example.go.th"
    settings.ALLOWED_HOSTS = ["127.0.0.1"]
    settings.SECURE_PROXY_SSL_HEADER = None
    assert [w.id for w in check_public_address(None)] == ["openita.W003", "openita.W004"]
    settings.ALLOWED_HOSTS = [".example.go.th"]
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    assert check_public_address(None) == []
    settings.DEBUG = True
    settings.ALLOWED_HOSTS = []
    assert check_public_address(None) == []
