"""URL validation and address checks of lib/safehttp: no network, no name lookups."""

import socket

import pytest

from openita.lib.safehttp import UnsafeURL, check_address_allowed, validate_url
from tests.support import fake_dns

PUBLIC_IP = "93.184.216.34"  # example.com: a public address

# validate_url


def test_it_accepts_and_normalises_good_urls():
    assert validate_url("  HTTPS://Example.GO.th/a?b=1#c ") == "https://example.go.th/a?b=1#c"
    assert validate_url("http://example.com") == "http://example.com/"
    assert validate_url("http://example.com:80/x") == "http://example.com/x"
    assert validate_url("https://example.com:8443/x") == "https://example.com:8443/x"
    assert validate_url(f"http://{PUBLIC_IP}/") == f"http://{PUBLIC_IP}/"


def test_it_accepts_a_thai_idn_host():
    assert validate_url(" https://ตัวอย่าง.ไทย/หน้า ") == "https://ตัวอย่าง.ไทย/หน้า"
    assert validate_url("https://xn--72c1a1bt4awk9o.xn--o3cw4h/") == (
        "https://xn--72c1a1bt4awk9o.xn--o3cw4h/"
    )


@pytest.mark.parametrize(
    ("url", "code"),
    [
        ("", "malformed"),
        ("http://exa mple.com/", "malformed"),
        ("http://example.com/a b", "malformed"),
        ("http://example.com/\tx", "malformed"),
        ("http:///path-only", "malformed"),
        ("http://example.com:99999/", "malformed"),
        ("http://[::1/", "malformed"),
        ("http://bad..name/", "malformed"),
        ("ftp://example.com/file", "scheme"),
        ("javascript:alert(1)", "scheme"),
        ("example.com/no-scheme", "scheme"),
        ("https://user:secret@example.com/", "credentials"),
        ("https://user@example.com/", "credentials"),
        ("https://example.com/" + "a" * 2000, "too_long"),
        ("http://127.0.0.1/", "private_address"),
        ("http://10.1.2.3:8080/", "private_address"),
        ("http://169.254.169.254/latest/meta-data/", "private_address"),
        ("http://192.168.0.1/", "private_address"),
        ("http://[::1]/", "private_address"),
        ("http://[::ffff:127.0.0.1]/", "private_address"),
        ("http://0.0.0.0/", "private_address"),
        ("http://224.0.0.1/", "private_address"),
        ("http://127.1/", "private_address"),
        ("http://2130706433/", "private_address"),
        ("http://localhost:8000/", "private_address"),
        ("http://LOCALHOST./", "private_address"),
        ("http://admin.localhost/", "private_address"),
        ("http://printer.local/", "private_address"),
        ("http://db.internal/", "private_address"),
        ("http://ｌｏｃａｌｈｏｓｔ/", "private_address"),
    ],
)
def test_it_rejects_unsafe_urls_with_a_code(url, code):
    with pytest.raises(UnsafeURL) as caught:
        validate_url(url)
    assert caught.value.code == code
    assert caught.value.detail
    assert isinstance(caught.value, ValueError)


def test_it_never_looks_up_names_while_validating(monkeypatch):
    def no_dns(*args, **kwargs):
        raise AssertionError("validate_url must not resolve names")

    monkeypatch.setattr(socket, "getaddrinfo", no_dns)
    assert validate_url("https://www.example.go.th/") == "https://www.example.go.th/"


# check_address_allowed


@pytest.mark.parametrize("host", ["127.0.0.1", "10.0.0.7", "169.254.169.254", "::1", "localhost"])
def test_it_refuses_private_addresses_unless_allowed(host):
    with pytest.raises(UnsafeURL) as caught:
        check_address_allowed(host, 80, allow_private=False)
    assert caught.value.code == "private_address"
    check_address_allowed(host, 80, allow_private=True)


def test_it_refuses_a_name_if_any_address_is_private(monkeypatch):
    fake_dns(
        monkeypatch,
        {
            "public.example.test": [PUBLIC_IP],
            "mixed.example.test": [PUBLIC_IP, "192.168.1.5"],
            "mapped.example.test": ["::ffff:10.0.0.1"],
        },
    )
    check_address_allowed("public.example.test", 443, allow_private=False)
    for host in ("mixed.example.test", "mapped.example.test"):
        with pytest.raises(UnsafeURL) as caught:
            check_address_allowed(host, 443, allow_private=False)
        assert caught.value.code == "private_address"


def test_it_reports_names_that_do_not_resolve(monkeypatch):
    fake_dns(monkeypatch, {})
    for allow_private in (False, True):
        with pytest.raises(UnsafeURL) as caught:
            check_address_allowed("nowhere.example.test", 80, allow_private=allow_private)
        assert caught.value.code == "unresolvable"
