"""Progress against the sample target, with every group of fewer than 5 hidden."""

from django.utils import translation

from openita.surveys.models import Survey
from openita.surveys.progress import describe_rule, progress
from openita.surveys.services import runs
from tests.surveys.native import eit, iit, submit, surveyed  # noqa: F401

FULL = {"i1.a": 3, "i1.b": 2, "i2": 1, "i7": 0, "i16": 3, "i19": 1, "i26": 0}


def test_it_counts_answers_against_the_target(eit):  # noqa: F811
    runs.set_populations(eit, {None: 500}, by=None)
    for _ in range(10):
        submit(eit, {"e1.a": 3, "e1.b": 0, "e2.a": 1, "e2.b": 0})
    assert progress(eit).preview is None  # nothing scored yet
    runs.refresh_scores(eit)
    p = progress(Survey.objects.get(pk=eit.pk))
    assert (p.answers, p.population, p.target, p.percent) == (10, 500, 50, 20)
    assert [n for n, _name, _s in p.preview.indicators] == [6, 7]
    assert [code for code, _s in p.preview.questions] == [
        "e1",
        "e1.a",
        "e1.b",
        "e2",
        "e2.a",
        "e2.b",
    ]


def test_it_hides_units_and_scores_under_five(iit, agency_a):  # noqa: F811
    hr, strategy = agency_a.units.order_by("name")
    runs.set_populations(iit, {hr.pk: 40, strategy.pk: 10}, by=None)
    hr_codes = runs.generate_codes(iit, 6, unit=hr, by=None)
    strategy_codes = runs.generate_codes(iit, 5, unit=strategy, by=None)
    for code in hr_codes[:5] + strategy_codes[:4]:
        submit(iit, FULL, code=code)
    runs.refresh_scores(iit)
    p = progress(Survey.objects.get(pk=iit.pk))
    rows = {row.name: row for row in p.units}
    assert (p.answers, p.population, p.target) == (9, 50, 25)
    assert (rows[hr.name].answers, rows[hr.name].used, rows[hr.name].codes) == (5, 5, 6)
    assert (rows[strategy.name].answers, rows[strategy.name].used) == (None, None)  # 4: hidden
    assert rows[hr.name].target == 20 and rows[strategy.name].target == 5
    assert p.preview is not None  # 9 answers in all


def test_it_shows_no_scores_from_fewer_than_five_answers(eit):  # noqa: F811
    for _ in range(4):
        submit(eit, {"e1.a": 3, "e1.b": 0, "e2.a": 1, "e2.b": 0})
    runs.close_survey(eit, by=None)
    runs.refresh_scores(eit, force=True)
    eit.refresh_from_db()
    assert progress(eit).preview is None and progress(eit).target is None


def test_it_says_the_rule_in_words(eit, iit):  # noqa: F811
    with translation.override("en"):
        assert_rules(eit, iit)
    with translation.override("th"):
        assert describe_rule(eit.sample_rule).startswith("ร้อยละ 10 ของประชากร อย่างน้อย 30 คน")


def assert_rules(eit, iit):  # noqa: F811
    assert describe_rule(eit.sample_rule) == (
        "10% of the population, at least 30 respondents, everyone when fewer; "
        "400 when the population is above 4,000"
    )
    assert describe_rule(iit.sample_rule) == "at least 25 respondents, everyone when fewer"
