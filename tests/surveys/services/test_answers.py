"""Storing answers: open link or single-use code, once, only while open, nothing else kept."""

import datetime as dt
import threading

import pytest
from django.db import connection

from openita.surveys.errors import Kind, SurveyError
from openita.surveys.models import AccessCode, SurveyAnswer
from openita.surveys.services import answers, runs
from openita.timeline.services import set_phase
from tests.surveys.native import eit, iit, submit, surveyed  # noqa: F401

FULL = {"i1.a": 3, "i1.b": 2, "i2": 1, "i7": 0, "i16": 3, "i19": 1, "i26": 0}
EIT_FULL = {"e1.a": 3, "e1.b": 0, "e2.a": 1, "e2.b": 0}


def test_it_stores_the_answers_and_the_date_only(eit):  # noqa: F811
    submit(eit, EIT_FULL)
    [row] = SurveyAnswer.objects.values()
    assert set(row) == {"id", "survey_id", "answered_on", "answers", "unit_id"}
    assert row["answers"] == EIT_FULL and row["unit_id"] is None
    assert isinstance(row["answered_on"], dt.date) and not isinstance(
        row["answered_on"], dt.datetime
    )


def test_it_writes_no_audit_entry_for_an_answer(eit):  # noqa: F811
    from openita.audit.models import AuditEntry

    before = AuditEntry.objects.count()
    submit(eit, EIT_FULL)
    assert AuditEntry.objects.count() == before


def test_a_code_answers_once(iit):  # noqa: F811
    [code] = runs.generate_codes(iit, 1, by=None)
    submit(iit, FULL, code=code.lower())  # typed in small letters: the same code
    with pytest.raises(SurveyError) as caught:
        submit(iit, FULL, code=code)
    assert caught.value.problems[0].kind == Kind.CODE_USED
    assert SurveyAnswer.objects.count() == 1
    assert list(AccessCode.objects.values_list("used", flat=True)) == [True]


def test_it_refuses_forged_and_missing_codes_storing_nothing(iit):  # noqa: F811
    runs.generate_codes(iit, 3, by=None)
    for code, kind in [("ABCD-EFGH", Kind.CODE_UNKNOWN), ("", Kind.CODE_NEEDED)]:
        with pytest.raises(SurveyError) as caught:
            submit(iit, FULL, code=code)
        assert caught.value.problems[0].kind == kind
    assert not SurveyAnswer.objects.exists()
    assert not AccessCode.objects.filter(used=True).exists()


def test_a_code_of_another_survey_does_not_answer(iit, agency_b, surveyed):  # noqa: F811
    other = runs.open_survey(runs.create_survey(agency_b, surveyed, "IIT", by=None), by=None)
    [code] = runs.generate_codes(other, 1, by=None)
    runs.generate_codes(iit, 1, by=None)
    with pytest.raises(SurveyError):
        submit(iit, FULL, code=code)


def test_a_code_that_lost_the_race_stores_nothing(iit, monkeypatch):  # noqa: F811
    """The other request used the code after this one read it unused (no row lock on SQLite):
    the guarded UPDATE finds it used, and this answer is refused."""
    [code] = runs.generate_codes(iit, 1, by=None)
    AccessCode.objects.update(used=True)  # the winner's UPDATE
    stale = AccessCode.objects.values_list("pk", "unit_id").get()
    real = AccessCode.objects.select_for_update

    class Stale:
        def __init__(self, qs):
            self.qs = qs

        def filter(self, **kw):
            return self

        def values_list(self, *names):
            return self

        def first(self):
            return (*stale, False)  # what was read before the winner committed

    monkeypatch.setattr(AccessCode.objects, "select_for_update", lambda: Stale(real()))
    with pytest.raises(SurveyError) as caught:
        submit(iit, FULL, code=code)
    assert caught.value.problems[0].kind == Kind.CODE_USED
    assert not SurveyAnswer.objects.exists()


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="concurrent writers need PostgreSQL")
def test_two_submissions_racing_with_one_code_store_one(agency_a, surveyed):  # noqa: F811
    survey = runs.open_survey(runs.create_survey(agency_a, surveyed, "IIT", by=None), by=None)
    [code] = runs.generate_codes(survey, 1, by=None)
    start, outcomes = threading.Barrier(2), []

    def answer():
        start.wait()
        try:
            submit(survey, FULL, code=code)
            outcomes.append("stored")
        except SurveyError as exc:
            outcomes.append(exc.problems[0].kind)
        finally:
            connection.close()

    threads = [threading.Thread(target=answer) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(outcomes) == sorted(["stored", Kind.CODE_USED])
    assert SurveyAnswer.objects.count() == 1


def test_it_keeps_the_unit_only_for_groups_of_five_codes(iit, agency_a):  # noqa: F811
    hr, strategy = agency_a.units.order_by("name")
    small = runs.generate_codes(iit, 4, unit=hr, by=None)
    big = runs.generate_codes(iit, 5, unit=strategy, by=None)
    submit(iit, FULL, code=small[0])
    submit(iit, FULL, code=big[0])
    assert sorted(SurveyAnswer.objects.values_list("unit_id", flat=True), key=str) == sorted(
        [None, strategy.pk], key=str
    )
    runs.generate_codes(iit, 1, unit=hr, by=None)  # hr's group reaches 5 now
    submit(iit, FULL, code=small[1])
    assert SurveyAnswer.objects.filter(unit=hr).count() == 1


def test_it_takes_answers_only_while_the_survey_and_the_phase_are_open(iit):  # noqa: F811
    today = dt.date(2566 - 543, 3, 1)
    set_phase(2566, "surveys", dt.date(2023, 1, 1), dt.date(2023, 1, 31), by=None)
    fresh = answers.public_survey(iit.token)
    form = answers.answer_form(fresh)
    data = {k: str(v) for k, v in FULL.items()}
    with pytest.raises(SurveyError) as caught:
        answers.submit_answer(fresh, form, data, today=today)
    assert caught.value.problems[0].kind == Kind.CLOSED
    assert "2566" in caught.value.errors[0]
    answers.submit_answer(fresh, form, data, today=dt.date(2023, 1, 31))  # last day: open
    runs.close_survey(iit, by=None)
    with pytest.raises(SurveyError):
        submit(iit, FULL)
    assert SurveyAnswer.objects.count() == 1


def test_a_prepared_survey_takes_no_answers_until_opened(agency_a, surveyed):  # noqa: F811
    survey = runs.create_survey(agency_a, surveyed, "EIT", by=None)
    with pytest.raises(SurveyError) as caught:
        submit(survey, EIT_FULL)
    assert caught.value.problems[0].kind == Kind.CLOSED


def test_it_refuses_incomplete_and_out_of_scale_answers(eit):  # noqa: F811
    with pytest.raises(answers.IncompleteAnswers) as caught:
        submit(eit, {**EIT_FULL, "e1.a": 4, "e2.b": ""})
    assert caught.value.reading.invalid == ["e1.a"] and caught.value.reading.missing == ["e2.b"]
    assert not SurveyAnswer.objects.exists()


def test_it_recomputes_scores_every_n_answers(eit, settings, monkeypatch):  # noqa: F811
    settings.OPENITA_SURVEY_REFRESH_EVERY = 5
    asked = []
    monkeypatch.setattr(answers, "request_refresh", lambda s: asked.append(s.pk))
    for _ in range(11):
        submit(eit, EIT_FULL)
    assert asked == [eit.pk, eit.pk]


def test_optional_codes_still_count_once_when_given(iit, agency_a):  # noqa: F811
    unit = agency_a.units.first()
    codes = runs.generate_codes(iit, 5, unit=unit, by=None)
    runs.set_code_required(iit, False, by=None)
    submit(iit, FULL)  # the bare link answers now
    submit(iit, FULL, code=codes[0])  # a slip's code still keeps its unit and is used up
    with pytest.raises(SurveyError):
        submit(iit, FULL, code=codes[0])
    assert sorted(SurveyAnswer.objects.values_list("unit_id", flat=True), key=str) == sorted(
        [None, unit.pk], key=str
    )


def test_codes_are_for_the_iit_only(eit):  # noqa: F811
    with pytest.raises(SurveyError):
        runs.set_code_required(eit, True, by=None)
    submit(eit, EIT_FULL, code="ABCD-EFGH")  # an EIT ignores codes altogether
    assert SurveyAnswer.objects.count() == 1
