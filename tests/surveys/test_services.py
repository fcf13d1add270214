from __future__ import annotations

from collections import Counter
from decimal import Decimal

import pytest
from django.contrib import admin
from django.db import IntegrityError, transaction
from django.db.models import ProtectedError

from openita.audit.models import AuditEntry
from openita.frameworks.models import Framework
from openita.surveys import services
from openita.surveys.errors import Kind, SurveyError
from openita.surveys.models import SurveyScore
from tests.conftest import login
from tests.surveys.files import COUNTS_HEADER, csv_bytes, four, xlsx_bytes, yes_no

D = Decimal


def audit_entries():
    return AuditEntry.objects.filter(action="surveys.scores_set").order_by("id")


def test_it_enters_scores_and_audits_them(agency_a, mini, coordinator):
    saved = services.enter_scores(
        agency_a, mini, {1: D("90.5"), 6: D("70")}, by=coordinator, respondents={1: 30}
    )
    assert [(s.indicator, s.instrument, s.score, s.respondents) for s in saved] == [
        (1, "IIT", D("90.500"), 30),
        (6, "EIT", D("70.000"), None),
    ]
    row = SurveyScore.objects.get(indicator=1)
    assert row.source == "entered" and row.updated_by == coordinator
    [entry] = audit_entries()
    assert entry.actor == coordinator and entry.agency == agency_a
    assert entry.before == {}
    assert entry.after["1"] == {"score": "90.500", "respondents": 30, "source": "entered"}
    assert entry.data["framework"] == "mini-2566"


def test_entering_again_replaces_the_score_and_audits_the_old_one(agency_a, mini, coordinator):
    services.enter_scores(agency_a, mini, {2: D("50")}, by=None, respondents={2: 10})
    services.enter_scores(agency_a, mini, {2: D("60.25")}, by=coordinator)
    row = SurveyScore.objects.get()
    assert (row.score, row.respondents, row.updated_by) == (D("60.250"), None, coordinator)
    entry = audit_entries().last()
    assert entry.before == {"2": {"score": "50.000", "respondents": 10, "source": "entered"}}
    assert entry.after["2"]["score"] == "60.250"


def test_it_refuses_bad_scores_and_writes_nothing(agency_a, mini, coordinator):
    services.enter_scores(agency_a, mini, {1: D("80")}, by=None)
    before = (SurveyScore.objects.count(), audit_entries().count())
    scores = {1: D("85"), 9: D("80"), 11: D("80"), 2: D("100.01"), 3: D("-0.5"), 4: "abc"}
    with pytest.raises(SurveyError) as caught:
        services.enter_scores(agency_a, mini, scores, by=coordinator, respondents={5: 3})
    kinds = Counter(p.kind for p in caught.value.problems)
    assert kinds == Counter(
        {
            Kind.NOT_SURVEY_INDICATOR: 1,  # 9 is an OIT indicator
            Kind.UNKNOWN_INDICATOR: 1,  # 11
            Kind.OUT_OF_RANGE: 2,  # 100.01 and -0.5
            Kind.NOT_A_NUMBER: 1,  # "abc"
            Kind.MISSING_VALUE: 1,  # respondents of 5 without a score
        }
    )
    assert (SurveyScore.objects.count(), audit_entries().count()) == before
    assert SurveyScore.objects.get().score == D("80.000")


def test_it_refuses_an_empty_entry_and_negative_respondents(agency_a, mini):
    with pytest.raises(SurveyError) as caught:
        services.enter_scores(agency_a, mini, {}, by=None)
    assert [p.kind for p in caught.value.problems] == [Kind.EMPTY]
    with pytest.raises(SurveyError) as caught:
        services.enter_scores(agency_a, mini, {1: D("1")}, by=None, respondents={1: -1})
    assert [p.kind for p in caught.value.problems] == [Kind.NEGATIVE]
    assert not SurveyScore.objects.exists()


def test_scores_for_gives_plain_data_of_one_agency(agency_a, agency_b, mini):
    services.enter_scores(agency_a, mini, {7: D("66.5"), 1: D("90")}, by=None)
    services.enter_scores(agency_b, mini, {1: D("10")}, by=None)
    scores = services.scores_for(agency_a, mini)
    assert scores == {1: D("90.000"), 7: D("66.500")}
    assert type(scores) is dict and all(type(v) is Decimal for v in scores.values())
    assert services.scores_for(agency_b, mini) == {1: D("10.000")}


def test_it_imports_a_file_of_indicator_scores(agency_a, mini, coordinator):
    data = xlsx_bytes([["ตัวชี้วัด", "คะแนน", "จำนวนผู้ตอบ"], [1, 88.5, 41], [6, 92, None]])
    result = services.import_scores(agency_a, mini, data, "ผล IIT.xlsx", by=coordinator)
    assert result.scores == {1: D("88.500"), 6: D("92.000")}
    assert services.scores_for(agency_a, mini) == {1: D("88.500"), 6: D("92.000")}
    assert set(SurveyScore.objects.values_list("source", flat=True)) == {"imported"}
    entry = audit_entries().get()
    assert entry.data["filename"] == "ผล IIT.xlsx" and entry.data["shape"] == "indicator"


def test_it_imports_answer_counts(agency_a, mini, coordinator):
    rows = [COUNTS_HEADER, four("i1.a", 0, 0, 1, 1), four("i1.b", 0, 0, 0, 2)]
    rows.append(yes_no("i4", 1, 3))
    services.import_scores(agency_a, mini, csv_bytes(rows), "iit.csv", by=coordinator)
    # i1 = mean(83.333…, 100); i4 is reversed: 25; indicator 1 = (91.666… + 25) / 2
    row = SurveyScore.objects.get()
    assert (row.indicator, row.score, row.respondents) == (1, D("58.333"), 4)
    assert audit_entries().get().data["questions"]["i4"] == "25.000"


def test_a_bad_file_writes_nothing(agency_a, mini, coordinator):
    services.enter_scores(agency_a, mini, {1: D("80")}, by=None)
    before = (SurveyScore.objects.count(), AuditEntry.objects.count())
    # Indicator 2 is fine, but nothing of a file with any problem is kept.
    data = csv_bytes([["indicator", "score"], [1, "70"], [2, "75"], [3, "120"]])
    with pytest.raises(SurveyError) as caught:
        services.import_scores(agency_a, mini, data, "r.csv", by=coordinator)
    assert {(p.row, p.kind) for p in caught.value.problems} == {(4, Kind.OUT_OF_RANGE)}
    assert (SurveyScore.objects.count(), AuditEntry.objects.count()) == before
    assert services.scores_for(agency_a, mini) == {1: D("80.000")}


def test_counts_for_a_framework_without_an_eit_list_are_refused(agency_a, mini):
    data = csv_bytes([COUNTS_HEADER, four("e1", 0, 0, 1, 1)])
    with pytest.raises(SurveyError) as caught:
        services.import_scores(agency_a, mini, data, "eit.csv", by=None)
    assert [(p.row, p.kind) for p in caught.value.problems] == [(2, Kind.NO_QUESTIONNAIRE)]
    assert not SurveyScore.objects.exists()


def test_the_database_keeps_one_score_per_indicator_within_0_100(agency_a, mini):
    services.enter_scores(agency_a, mini, {1: D("80")}, by=None)
    fields = {"agency": agency_a, "framework": mini, "instrument": "IIT", "source": "entered"}
    with pytest.raises(IntegrityError), transaction.atomic():
        SurveyScore.objects.create(indicator=1, score=D("70"), **fields)
    with pytest.raises(IntegrityError), transaction.atomic():
        SurveyScore.objects.create(indicator=2, score=D("100.5"), **fields)


def test_a_framework_with_scores_cannot_be_deleted(agency_a, mini):
    services.enter_scores(agency_a, mini, {1: D("80")}, by=None)
    with pytest.raises(ProtectedError):
        Framework.objects.filter(pk=mini.pk).delete()


def test_the_admin_lists_scores_read_only(agency_a, mini, django_user_model):
    services.enter_scores(agency_a, mini, {1: D("80")}, by=None)
    boss = django_user_model.objects.create_superuser("boss", "boss@example.test", "x")
    page = login(boss).get("/admin/surveys/surveyscore/")
    assert page.status_code == 200 and "80.000" in page.content.decode()
    model_admin = admin.site._registry[SurveyScore]
    assert not model_admin.has_change_permission(None) and not model_admin.has_add_permission(None)
