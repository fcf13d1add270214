"""The public answer pages at /s/<token>/: no login, no cookie, no JavaScript, Thai first.

Pages are rendered without the request (no context processors, so no session or user is
touched) and sent with ``Cache-Control: no-store`` and ``Referrer-Policy: no-referrer``.
CSRF protection is off on purpose: respondents get no cookie at all, and the signed one-time
form token (``guard``) is what a submit must carry.

Answers to a submit: 200 thanks (also for a replayed token and for the honeypot, so that a
bot learns nothing), 400 the form again with what was entered and what is missing, 403 the
survey is closed, 404 no such survey, 409 the code was used, 413 body too large, 429 too
many requests from one address.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent
from django.http import HttpRequest, HttpResponse
from django.template import loader
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.gzip import gzip_page
from django.views.decorators.http import require_http_methods

from openita.lib.clientaddr import client_address
from openita.surveys import guard
from openita.surveys.codes import normalize_code, spaced
from openita.surveys.errors import Kind, SurveyError
from openita.surveys.forms import INSTRUMENT_TITLES, LABELS, AnswerForm, Reading, read_answers
from openita.surveys.models import Survey
from openita.surveys.services import answers

HONEYPOT = "extra_comment"
LANGUAGES = {"th": "ไทย", "en": "English"}


def _lang(request: HttpRequest) -> str:
    lang = request.GET.get("lang", "th")
    return lang if lang in LANGUAGES else "th"


def _page(template: str, context: dict[str, Any], *, status: int = 200) -> HttpResponse:
    response = HttpResponse(loader.render_to_string(template, context), status=status)
    response["Cache-Control"] = "no-store"
    response["Referrer-Policy"] = "no-referrer"
    response["X-Robots-Tag"] = "noindex"
    response["Content-Language"] = context["lang"]
    return response


def _switch(lang: str, code: str = "") -> dict[str, str]:
    other = "en" if lang == "th" else "th"
    query = {"lang": other, **({"code": code} if code else {})}
    return {"switch": "?" + urlencode(query), "other_lang": other, "other_label": LANGUAGES[other]}


def _message(survey: Survey | None, lang: str, text: str, *, status: int) -> HttpResponse:
    title = INSTRUMENT_TITLES[survey.instrument] if survey else _("Survey")
    context = {"survey": survey, "lang": lang, "title": title, "text": text, **_switch(lang)}
    return _page("surveys/public/message.html", context, status=status)


def _thanks(survey: Survey, lang: str) -> HttpResponse:
    text = _("Thank you. Your answers have been recorded.")
    return _message(survey, lang, text, status=200)


def _rows(form: AnswerForm, reading: Reading | None) -> list[dict[str, Any]]:
    labels = {key: [str(label) for label in values] for key, values in LABELS.items()}
    entered = reading.answers if reading else {}
    bad = set(reading.missing + reading.invalid) if reading else set()
    rows = []
    for q in form.questions:
        parts = [
            {
                "code": p.code,
                "text": p.text,
                "missing": p.code in bad,
                "choices": [
                    (i, label, entered.get(p.code) == i) for i, label in enumerate(labels[q.labels])
                ],
            }
            for p in q.parts
        ]
        rows.append({"q": q, "parts": parts, "missing": any(p["missing"] for p in parts)})
    return rows


def _form_page(
    survey: Survey, form: AnswerForm, lang: str, *, reading: Reading | None = None,
    code: str = "", code_error: str = "", error: str = "", status: int = 200,
) -> HttpResponse:  # fmt: skip
    rows, code = _rows(form, reading), normalize_code(code)
    context = {
        "survey": survey, "lang": lang, "title": INSTRUMENT_TITLES[survey.instrument],
        "questions": rows, "missing": [r["q"].number for r in rows if r["missing"]],
        "token": guard.issue_form_token(survey.token), "needs_code": answers.needs_code(survey),
        "code": spaced(code), "code_error": code_error, "error": error, "honeypot": HONEYPOT,
        **_switch(lang, code),
    }  # fmt: skip
    return _page("surveys/public/answer.html", context, status=status)


def _address(request: HttpRequest) -> str:
    return client_address(request.META, settings.OPENITA_PROXY_HOPS)


@csrf_exempt
@gzip_page
@require_http_methods(["GET", "POST"])
def answer(request: HttpRequest, token: str) -> HttpResponse:
    lang = _lang(request)
    with translation.override(lang):
        posting = request.method == "POST"
        # Answers (the load) read a survey kept a moment per process; pages read it afresh.
        survey, problem = (
            answers.recent_survey(token) if posting else (answers.public_survey(token), None)
        )
        form = answers.answer_form(survey) if survey is not None else None
        if survey is None or form is None:
            text = _("There is no survey at this address. Check the link or the QR code.")
            return _message(None, lang, text, status=404)
        if not posting:
            return _show(request, survey, form, lang)
        if problem is not None:
            return _message(survey, lang, problem.message, status=403)
        return _submit(request, survey, form, lang)


def _show(request: HttpRequest, survey: Survey, form: AnswerForm, lang: str) -> HttpResponse:
    problem = answers.answering_problem(survey)
    if problem is not None:
        return _message(survey, lang, problem.message, status=200)
    code = normalize_code(request.GET.get("code", "")) if answers.takes_codes(survey) else ""
    if not code:
        return _form_page(survey, form, lang)
    if not guard.within_rate(survey.token, _address(request)):
        return _message(survey, lang, _too_many(), status=429)
    problem = answers.code_problem(survey, code)
    if problem is not None and problem.kind == Kind.CODE_USED:
        return _message(survey, lang, problem.message, status=409)
    error = problem.message if problem is not None else ""
    return _form_page(survey, form, lang, code=code, code_error=error)


def _too_many() -> str:
    return _(
        "Too many answers have come from your network in a short time. Wait a while and try again."
    )


def _too_large(survey: Survey, lang: str) -> HttpResponse:
    text = _("What was sent is far larger than an answer form. Nothing was recorded.")
    return _message(survey, lang, text, status=413)


def _submit(request: HttpRequest, survey: Survey, form: AnswerForm, lang: str) -> HttpResponse:
    length = request.META.get("CONTENT_LENGTH") or "0"
    if not length.isdigit() or int(length) > settings.OPENITA_SURVEY_MAX_BODY:
        return _too_large(survey, lang)
    if not guard.within_rate(survey.token, _address(request)):
        return _message(survey, lang, _too_many(), status=429)
    try:
        data = request.POST
    except (RequestDataTooBig, TooManyFieldsSent):
        return _too_large(survey, lang)
    if data.get(HONEYPOT):
        return _thanks(survey, lang)  # a bot: accepted in appearance, nothing stored
    code = data.get("code", "")
    reading = read_answers(form, data)
    nonce = guard.read_form_token(survey.token, data.get("form_token", ""))
    if nonce is None:
        error = _(
            "This form has expired or did not come from this site. Your answers are kept "
            "below: send them again."
        )
        return _form_page(survey, form, lang, reading=reading, code=code, error=error, status=400)
    if not reading.complete:  # checked before the token is spent, so that it can be sent again
        error = str(answers.IncompleteAnswers(reading).errors[0])
        return _form_page(survey, form, lang, reading=reading, code=code, error=error, status=400)
    if not guard.claim_nonce(nonce):
        return _thanks(survey, lang)  # sent twice: the first one counted
    return _store(survey, form, lang, data, code, nonce)


def _store(
    survey: Survey, form: AnswerForm, lang: str, data: Any, code: str, nonce: str
) -> HttpResponse:
    try:
        answers.submit_answer(survey, form, data, code=code, open_checked=True)
    except SurveyError as exc:
        guard.release_nonce(nonce)  # nothing stored: the same form may be sent again
        return _refused(survey, form, lang, data, code, exc)
    except Exception:
        guard.release_nonce(nonce)
        raise
    return _thanks(survey, lang)


def _refused(
    survey: Survey, form: AnswerForm, lang: str, data: Any, code: str, exc: SurveyError
) -> HttpResponse:
    problem = exc.problems[0]
    if problem.kind == Kind.CLOSED:
        return _message(survey, lang, problem.message, status=403)
    if problem.kind == Kind.CODE_USED:
        return _message(survey, lang, problem.message, status=409)
    reading = read_answers(form, data)
    if isinstance(exc, answers.IncompleteAnswers):
        return _form_page(
            survey, form, lang, reading=reading, code=code, error=problem.message, status=400
        )
    return _form_page(
        survey, form, lang, reading=reading, code=code, code_error=problem.message, status=400
    )
