"""The public answer page at /s/<token>/, as a phone sends it: plain form posts, no cookies."""

import datetime as dt
import gzip
import re

import pytest
from django.test import Client

from openita.frameworks.services import LIBRARY_DIR, install_file
from openita.surveys.forms import build_form
from openita.surveys.guard import issue_form_token
from openita.surveys.models import AccessCode, SurveyAnswer
from openita.surveys.services import runs
from openita.timeline.services import remove_phase, set_phase
from tests.surveys.native import answer_fields, eit, iit, post, surveyed  # noqa: F401


def text(response):
    return response.content.decode()


def test_it_shows_every_question_as_radio_groups_in_thai(eit):  # noqa: F811
    response = Client().get(f"/s/{eit.token}/")
    page = text(response)
    assert response.status_code == 200 and '<html lang="th">' in page
    assert page.count("<fieldset") == 1 + 2 + 1 + 2  # e1 (a, b) and e2 (a, b)
    assert page.count("<legend>") == 6
    labels = re.findall(r'<input type="radio" name="e1\.a" value="(\d)"[^>]*>([^<]+)</label>', page)
    assert labels == [("0", "น้อยที่สุดหรือไม่มีเลย"), ("1", "น้อย"), ("2", "มาก"), ("3", "มากที่สุด")]
    assert re.findall(r'name="e2\.a" value="\d"[^>]*>([^<]+)<', page) == ["ไม่มี", "มี"]
    assert "<script" not in page and page.count("<link") == 1 and "site.css" in page


def test_it_sets_no_cookie_and_asks_not_to_be_kept(eit):  # noqa: F811
    response = Client().get(f"/s/{eit.token}/")
    assert not response.cookies
    assert response["Cache-Control"] == "no-store"
    assert response["Referrer-Policy"] == "no-referrer"
    assert not post(eit, answer_fields(eit, 2)).cookies


def test_it_offers_english(eit):  # noqa: F811
    page = text(Client().get(f"/s/{eit.token}/?lang=en"))
    assert '<html lang="en">' in page and ">Least or none at all<" in page
    assert 'href="?lang=th"' in page


def test_a_thirty_question_page_stays_small(agency_a):
    framework, _ = install_file(LIBRARY_DIR / "ita-2566.yaml", by=None)
    survey = runs.open_survey(runs.create_survey(agency_a, framework, "IIT", by=None), by=None)
    body = Client().get(f"/s/{survey.token}/").content
    form = build_form(framework.document, "IIT")
    subs = sum(len(q.parts) for q in form.questions if q.has_sub_items)
    assert (len(form.questions), form.parts, subs) == (30, 51, 33)
    assert body.count(b"<fieldset") == 30 + 33 and body.count(b'type="radio"') == 4 * 40 + 2 * 11
    assert len(body) < 36_000, len(body)
    assert len(gzip.compress(body)) < 6_000
    zipped = Client(headers={"accept-encoding": "gzip"}).get(f"/s/{survey.token}/")
    assert zipped["Content-Encoding"] == "gzip"


def test_it_stores_an_answer_once_even_when_sent_twice(eit):  # noqa: F811
    fields = answer_fields(eit, 3)
    first, again = post(eit, fields), post(eit, fields)
    assert first.status_code == again.status_code == 200
    assert "ขอบคุณ" in text(first) and "ขอบคุณ" in text(again)
    assert SurveyAnswer.objects.count() == 1


def test_it_limits_answers_per_address(eit, settings):  # noqa: F811
    settings.OPENITA_SURVEY_RATE_LIMIT = 3
    codes = [post(eit, answer_fields(eit, 1), REMOTE_ADDR="10.1.1.1").status_code for _ in range(4)]
    assert codes == [200, 200, 200, 429]
    assert SurveyAnswer.objects.count() == 3
    assert post(eit, answer_fields(eit, 1), REMOTE_ADDR="10.1.1.2").status_code == 200


def test_it_counts_the_address_behind_the_proxy(eit, settings):  # noqa: F811
    settings.OPENITA_SURVEY_RATE_LIMIT, settings.OPENITA_PROXY_HOPS = 1, 1
    for client, status in (("1.1.1.1", 200), ("2.2.2.2", 200), ("1.1.1.1", 429)):
        headers = {"REMOTE_ADDR": "10.0.0.1", "HTTP_X_FORWARDED_FOR": client}
        assert post(eit, answer_fields(eit, 1), **headers).status_code == status


def test_a_filled_honeypot_looks_accepted_and_stores_nothing(eit):  # noqa: F811
    response = post(eit, answer_fields(eit, 2, extra_comment="http://spam.example"))
    assert response.status_code == 200 and "ขอบคุณ" in text(response)
    assert not SurveyAnswer.objects.exists()


def test_it_keeps_the_entered_answers_and_marks_the_missing_ones(eit):  # noqa: F811
    fields = answer_fields(eit, 3)
    fields["e1.b"] = "9"  # outside the scale
    del fields["e2.b"]
    response = post(eit, fields)
    page = text(response)
    assert response.status_code == 400 and not SurveyAnswer.objects.exists()
    assert 'name="e1.a" value="3" checked' in page and 'name="e2.a" value="1" checked' in page
    assert "checked" not in re.search(r'name="e1\.b".*?</fieldset>', page, re.S).group(0)
    assert page.count('class="missing"') == 2 + 2  # questions e1 and e2, sub-items e1.b and e2.b
    assert "ยังไม่ได้ตอบ" in page and 'href="#q1"' in page and 'href="#q2"' in page
    # The token of a refused form was not spent: the same form, completed, is stored.
    assert post(eit, {**fields, "e1.b": "0", "e2.b": "0"}).status_code == 200
    assert SurveyAnswer.objects.count() == 1


def test_it_refuses_an_oversized_body(eit, settings):  # noqa: F811
    response = post(eit, answer_fields(eit, 1, filler="x" * 20_000))
    assert response.status_code == 413 and "ใหญ่เกิน" in text(response)
    settings.OPENITA_SURVEY_MAX_BODY, settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 10**9, 10_000
    assert post(eit, answer_fields(eit, 1, filler="x" * 20_000)).status_code == 413
    assert not SurveyAnswer.objects.exists()


def test_it_refuses_forged_form_tokens_and_keeps_the_answers(eit, iit):  # noqa: F811
    for forged in (
        "",
        "garbage",
        issue_form_token(iit.token),
        answer_fields(eit)["form_token"][:-3],
    ):
        response = post(eit, {**answer_fields(eit, 2), "form_token": forged})
        assert response.status_code == 400 and "หมดอายุ" in text(response)
        assert 'name="e1.a" value="2" checked' in text(response)
    assert not SurveyAnswer.objects.exists()


def test_an_unknown_link_is_a_thai_404(db):
    for token in ("abcdefgh", "x" * 200, "ABCDEFGH", "abc"):
        response = Client().get(f"/s/{token}/")
        assert response.status_code == 404 and "ไม่พบแบบวัด" in text(response)


def test_a_closed_survey_or_phase_says_so_in_thai(eit):  # noqa: F811
    phase = set_phase(2566, "surveys", dt.date(2023, 1, 1), dt.date(2023, 1, 31), by=None)
    page = text(Client().get(f"/s/{eit.token}/"))
    assert "2566" in page and "31 มกราคม 2566" in page  # the phase and its last day, in Thai
    response = post(eit, answer_fields(eit, 1))
    assert response.status_code == 403 and not SurveyAnswer.objects.exists()
    remove_phase(phase, by=None)  # an unset phase is open
    assert post(eit, answer_fields(eit, 1)).status_code == 200
    runs.close_survey(eit, by=None)
    response = post(eit, answer_fields(eit, 1))
    assert response.status_code == 403 and "ปิดแล้ว" in text(response)
    assert SurveyAnswer.objects.count() == 1


def test_a_code_answers_once_with_a_thai_refusal(iit):  # noqa: F811
    [code] = runs.generate_codes(iit, 1, by=None)
    page = text(Client().get(f"/s/{iit.token}/?code={code}"))
    assert 'name="code"' in page and f'value="{code[:4]}-{code[4:]}"' in page
    assert post(iit, answer_fields(iit, 2, code=code)).status_code == 200
    again = Client().get(f"/s/{iit.token}/?code={code}")
    assert again.status_code == 409 and "ถูกใช้ตอบแบบวัดไปแล้ว" in text(again)
    response = post(iit, answer_fields(iit, 1, code=code))
    assert response.status_code == 409 and "ถูกใช้ตอบแบบวัดไปแล้ว" in text(response)
    assert SurveyAnswer.objects.count() == 1


def test_a_forged_code_keeps_the_answers_and_stores_nothing(iit):  # noqa: F811
    runs.generate_codes(iit, 2, by=None)
    response = post(iit, answer_fields(iit, 2, code="ABCD-EFGH"))
    assert response.status_code == 400 and "ไม่ใช่รหัสของแบบวัดนี้" in text(response)
    assert 'name="i2" value="2" checked' in text(response)
    assert not SurveyAnswer.objects.exists() and not AccessCode.objects.filter(used=True).exists()
    assert post(iit, answer_fields(iit, 2)).status_code == 400  # no code at all


def test_the_answer_post_makes_few_queries(eit, iit, django_assert_num_queries):  # noqa: F811
    for survey in (eit, iit):
        Client().get(f"/s/{survey.token}/")  # the questionnaire is read once per process
    fields = answer_fields(eit, 2)
    with django_assert_num_queries(3):  # the survey, the calendar phase, one INSERT
        assert post(eit, fields).status_code == 200
    [code] = runs.generate_codes(iit, 1, by=None)
    fields = answer_fields(iit, 2, code=code)
    # The survey, the phase, the locked code, its UPDATE, the INSERT, and the savepoint's two
    # statements (a transaction of its own outside tests).
    with django_assert_num_queries(7):
        assert post(iit, fields).status_code == 200


@pytest.mark.parametrize("method", ["put", "delete"])
def test_it_takes_only_get_and_post(eit, method):  # noqa: F811
    assert getattr(Client(), method)(f"/s/{eit.token}/").status_code == 405
