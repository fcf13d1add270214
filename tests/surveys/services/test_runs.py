"""Preparing, opening and closing surveys, populations, codes, and scores from answers."""

from decimal import Decimal
from fractions import Fraction

import pytest

from openita.audit.models import AuditEntry
from openita.surveys.counts import read_question_rows
from openita.surveys.errors import Kind, SurveyError
from openita.surveys.models import AccessCode, Population, SurveyScore
from openita.surveys.services import enter_scores, runs
from openita.surveys.tables import load_table
from tests.surveys.files import COUNTS_HEADER, csv_bytes, four, survey_document, yes_no
from tests.surveys.native import eit, iit, submit, surveyed  # noqa: F401

D = Decimal
# Seven IIT respondents: level chosen per part. i16 is reversed, i19 reversed yes/no, and i1
# has sub-items; the expected scores are worked out by hand below.
IIT_ANSWERS = [
    {"i1.a": 3, "i1.b": 2, "i2": 3, "i7": 2, "i16": 0, "i19": 0, "i26": 1},
    {"i1.a": 3, "i1.b": 3, "i2": 2, "i7": 1, "i16": 1, "i19": 0, "i26": 1},
    {"i1.a": 2, "i1.b": 2, "i2": 3, "i7": 3, "i16": 0, "i19": 1, "i26": 1},
    {"i1.a": 1, "i1.b": 2, "i2": 1, "i7": 2, "i16": 3, "i19": 0, "i26": 0},
    {"i1.a": 3, "i1.b": 3, "i2": 3, "i7": 3, "i16": 0, "i19": 0, "i26": 1},
    {"i1.a": 0, "i1.b": 1, "i2": 2, "i7": 0, "i16": 2, "i19": 0, "i26": 1},
    {"i1.a": 3, "i1.b": 3, "i2": 3, "i7": 3, "i16": 0, "i19": 0, "i26": 1},
]


def test_it_prepares_one_survey_per_instrument_with_the_default_rule(agency_a, surveyed):  # noqa: F811
    survey = runs.create_survey(agency_a, surveyed, "EIT", by=None)
    assert runs.create_survey(agency_a, surveyed, "EIT", by=None) == survey
    assert survey.status == "draft" and len(survey.token) == 8
    assert survey.sample_rule["params"]["minimum"] == 30 and survey.sample_rule["nacc"] is False
    entry = AuditEntry.objects.get(action="surveys.survey_created")
    assert entry.agency == agency_a and entry.after["instrument"] == "EIT"


def test_it_refuses_a_survey_without_a_question_list(agency_a, mini):
    with pytest.raises(SurveyError) as caught:
        runs.create_survey(agency_a, mini, "EIT", by=None)  # mini has an IIT list only
    assert caught.value.problems[0].kind == Kind.NO_QUESTIONNAIRE
    with pytest.raises(SurveyError):
        runs.create_survey(agency_a, mini, "OIT", by=None)


def test_it_audits_opening_and_closing(agency_a, surveyed, coordinator):  # noqa: F811
    survey = runs.create_survey(agency_a, surveyed, "IIT", by=coordinator)
    runs.open_survey(survey, by=coordinator)
    runs.open_survey(survey, by=coordinator)  # already open: nothing to log
    runs.close_survey(survey, by=coordinator)
    actions = list(
        AuditEntry.objects.filter(action__startswith="surveys.survey_")
        .order_by("id")
        .values_list("action", flat=True)
    )
    assert actions == ["surveys.survey_created", "surveys.survey_opened", "surveys.survey_closed"]


def test_it_sets_populations_per_agency_and_unit(iit, agency_a):  # noqa: F811
    hr = agency_a.units.first()
    runs.set_populations(iit, {None: 120, hr.pk: 30}, by=None)
    runs.set_populations(iit, {None: None, hr.pk: 35}, by=None)
    assert list(Population.objects.values_list("unit_id", "count")) == [(hr.pk, 35)]
    entry = AuditEntry.objects.filter(action="surveys.population_set").order_by("id").last()
    assert entry.before == {"agency": 120, str(hr.pk): 30} and entry.after == {str(hr.pk): 35}


def test_it_refuses_bad_populations(iit, agency_b):  # noqa: F811
    other = agency_b.units.first()
    for counts in ({None: -1}, {None: "many"}, {other.pk: 3}):
        with pytest.raises(SurveyError):
            runs.set_populations(iit, counts, by=None)
    assert not Population.objects.exists()


def test_it_stores_codes_hashed_and_logs_no_code(iit, agency_a, coordinator):  # noqa: F811
    hr = agency_a.units.first()
    made = runs.generate_codes(iit, 6, unit=hr, by=coordinator)
    assert len(set(made)) == 6
    hashes = set(AccessCode.objects.values_list("code_hash", flat=True))
    assert len(hashes) == 6 and not {c for c in made if c in str(hashes)}
    iit.refresh_from_db()
    assert iit.code_required and iit.coded_units == [hr.pk]
    entry = AuditEntry.objects.get(action="surveys.codes_generated")
    assert entry.data == {"count": 6, "unit": hr.name}
    assert not any(c in str(AuditEntry.objects.values_list("data", "after")) for c in made)


def test_it_refuses_codes_for_the_eit_and_odd_counts(eit, iit, agency_b):  # noqa: F811
    with pytest.raises(SurveyError):
        runs.generate_codes(eit, 5, by=None)
    for count in (0, runs.MAX_CODES + 1, "10"):
        with pytest.raises(SurveyError):
            runs.generate_codes(iit, count, by=None)
    with pytest.raises(SurveyError):
        runs.generate_codes(iit, 5, unit=agency_b.units.first(), by=None)
    assert not AccessCode.objects.exists()


def _counts_file_scores(answers, doc):
    """The same answers given as a per-question counts file, scored by the importer."""
    tallies = {}
    for answer in answers:
        for code, level in answer.items():
            tallies.setdefault(code, [0, 0, 0, 0])[level] += 1
    rows = [COUNTS_HEADER]
    for code, t in tallies.items():
        rows.append(yes_no(code, t[0], t[1]) if code in ("i19", "i26") else four(code, *t))
    problems = []
    counted = read_question_rows(load_table(csv_bytes(rows), "counts.csv"), doc, problems)
    assert problems == []
    return counted


def test_scores_from_answers_equal_the_counts_conversion(iit):  # noqa: F811
    for answer in IIT_ANSWERS:
        submit(iit, answer)
    scores = runs.refresh_scores(iit)
    expected = _counts_file_scores(IIT_ANSWERS, survey_document())
    assert scores == expected.scores
    # By hand: indicator 3 is i16 reversed: levels 0,1,0,3,0,2,0 -> (0+1+0+3+0+2+0)/7 steps
    # of 100/3 = 200/7, reversed = 100 - 200/7 = 71.429.
    assert scores[3] == D("71.429")
    # Indicator 4 is i19, yes/no reversed: one "yes" of seven -> 100 - 100/7 = 85.714.
    assert scores[4] == D("85.714")
    # Indicator 1 = mean(i1 = mean(i1.a, i1.b), i2), exactly.
    step = Fraction(100, 3)
    i1a = step * (3 + 3 + 2 + 1 + 3 + 0 + 3) / 7
    i1b = step * (2 + 3 + 2 + 2 + 3 + 1 + 3) / 7
    i2 = step * (3 + 2 + 3 + 1 + 3 + 2 + 3) / 7
    assert scores[1] == D(f"{float(((i1a + i1b) / 2 + i2) / 2):.3f}")
    rows = SurveyScore.objects.filter(source="native")
    assert {r.indicator: r.score for r in rows} == scores
    assert {r.respondents for r in rows} == {7}


def test_answers_replace_imported_scores_of_their_indicators(iit, agency_a, surveyed):  # noqa: F811
    enter_scores(agency_a, surveyed, {1: D("10"), 6: D("20")}, by=None, source="imported")
    for answer in IIT_ANSWERS:
        submit(iit, answer)
    runs.refresh_scores(iit)
    sources = dict(SurveyScore.objects.values_list("indicator", "source"))
    assert sources[1] == "native" and sources[6] == "imported"  # EIT 6 has no answers here
    assert SurveyScore.objects.get(indicator=6).score == D("20.000")


def test_it_writes_no_scores_from_fewer_than_five_answers(iit):  # noqa: F811
    for answer in IIT_ANSWERS[:4]:
        submit(iit, answer)
    assert runs.refresh_scores(iit) == {}
    assert not SurveyScore.objects.exists()


def test_closing_recomputes_the_scores(iit, django_capture_on_commit_callbacks):  # noqa: F811
    for answer in IIT_ANSWERS[:5]:
        submit(iit, answer)
    with django_capture_on_commit_callbacks(execute=True):  # the immediate backend runs it
        runs.close_survey(iit, by=None)
    assert SurveyScore.objects.filter(source="native").count() == 5
    iit.refresh_from_db()
    assert iit.scored_answers == 5


def test_scores_move_only_in_steps_of_five_answers_while_open(iit):  # noqa: F811
    """Two scorings one answer apart would tell that answer; the step is 5 until closing."""
    for answer in IIT_ANSWERS[:5]:
        submit(iit, answer)
    first = runs.refresh_scores(iit)
    submit(iit, IIT_ANSWERS[5])
    assert runs.refresh_scores(iit) == {}  # one new answer: nothing moves
    iit.refresh_from_db()
    assert iit.scored_answers == 5 and SurveyScore.objects.get(indicator=3).respondents == 5
    submit(iit, IIT_ANSWERS[6])
    runs.close_survey(iit, by=None)  # closing scores the last answers whatever their number
    final = runs.refresh_scores(iit)
    assert final != first and SurveyScore.objects.get(indicator=3).respondents == 7
    assert runs.refresh_scores(iit) == {}  # nothing new
