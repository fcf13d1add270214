from django.core import mail
from django.test import Client

from openita.accounts.models import ApiToken
from openita.audit.models import AuditEntry
from tests.conftest import PASSWORD, login


def test_it_serves_the_login_page_in_thai_by_default(db):
    page = Client().get("/accounts/login/")
    assert page.status_code == 200
    text = page.content.decode()
    assert '<html lang="th">' in text and "เข้าสู่ระบบ" in text


def test_it_serves_the_login_page_in_english_on_request(db):
    page = Client(headers={"accept-language": "en"}).get("/accounts/login/")
    assert "Log in to OpenITA" in page.content.decode()


def test_it_logs_in_with_the_right_password(coordinator):
    response = Client().post("/accounts/login/", {"username": "coord_a", "password": PASSWORD})
    assert response.status_code == 302 and response.url == "/"


def test_it_locks_the_account_after_repeated_failures(coordinator, settings):
    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post("/accounts/login/", {"username": "coord_a", "password": "wrong"})
    locked = client.post("/accounts/login/", {"username": "coord_a", "password": PASSWORD})
    assert locked.status_code == 429
    assert "ล็อก" in locked.content.decode() or "locked" in locked.content.decode()


def test_it_sends_a_password_reset_link_by_email(coordinator):
    Client().post("/accounts/password_reset/", {"email": "coord_a@example.test"})
    assert len(mail.outbox) == 1
    assert "/accounts/reset/" in mail.outbox[0].body


def test_it_sends_no_mail_for_an_unknown_address(db):
    response = Client().post("/accounts/password_reset/", {"email": "nobody@example.test"})
    assert response.status_code == 302 and mail.outbox == []


def test_it_creates_a_token_once_and_stores_only_its_hash(coordinator):
    client = login(coordinator)
    client.post("/account/tokens/new/", {"name": "เว็บไซต์จังหวัด"})
    page = client.get("/account/tokens/").content.decode()
    token = ApiToken.objects.get(user=coordinator)
    raw = page.split("<code>")[1].split("</code>")[0]
    assert raw.startswith("oita_") and token.key_hash != raw and raw not in str(token.__dict__)
    assert raw not in client.get("/account/tokens/").content.decode()
    api = Client(headers={"authorization": f"Bearer {raw}"})
    assert api.get("/api/agencies").status_code == 200
    client.post(f"/account/tokens/{token.uuid}/revoke/")
    assert api.get("/api/agencies").status_code == 401
    actions = set(AuditEntry.objects.values_list("action", flat=True))
    assert {"account.token_created", "account.token_revoked"} <= actions


def test_it_asks_for_a_token_name(coordinator):
    client = login(coordinator)
    response = client.post("/account/tokens/new/", {"name": "  "}, follow=True)
    assert not ApiToken.objects.exists()
    assert response.status_code == 200
