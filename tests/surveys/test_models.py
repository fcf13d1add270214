"""What an answer row can hold: the allow-list below, and nothing that could say who or when."""

from django.db import models

from openita.surveys.models import AccessCode, SurveyAnswer

# Every field of SurveyAnswer, with its type. A new field fails this test on purpose: decide
# first whether it could identify a respondent (see docs/surveys.md, "Anonymity").
ALLOWED = {
    "id": models.UUIDField,
    "survey": models.ForeignKey,
    "answered_on": models.DateField,
    "answers": models.JSONField,
    "unit": models.ForeignKey,
}
IDENTIFYING_WORDS = ("user", "ip", "addr", "agent", "session", "code", "time", "created",
                     "updated", "phone", "email", "name", "order", "seq")  # fmt: skip


def test_it_keeps_nothing_on_an_answer_beyond_the_allow_list():
    fields = {f.name: f for f in SurveyAnswer._meta.get_fields() if f.concrete}
    assert {name: type(f) for name, f in fields.items()} == ALLOWED
    assert not any(isinstance(f, models.DateTimeField) for f in fields.values())
    assert not any(w in name for name in fields for w in IDENTIFYING_WORDS if name != "id")


def test_it_gives_answers_random_ids_and_no_order():
    pk = SurveyAnswer._meta.pk
    assert isinstance(pk, models.UUIDField) and pk.default.__name__ == "uuid4"
    assert not SurveyAnswer._meta.ordering


def test_it_links_answers_only_to_the_survey_and_a_unit():
    targets = {
        f.name: f.related_model._meta.label
        for f in SurveyAnswer._meta.get_fields()
        if f.concrete and f.is_relation
    }
    assert targets == {"survey": "surveys.Survey", "unit": "agencies.Unit"}


def test_it_keeps_codes_apart_with_no_link_to_answers_and_no_time():
    fields = {f.name: type(f) for f in AccessCode._meta.get_fields() if f.concrete}
    assert fields == {
        "id": models.BigAutoField,
        "survey": models.ForeignKey,
        "code_hash": models.CharField,
        "unit": models.ForeignKey,
        "used": models.BooleanField,
    }
    assert not [f for f in AccessCode._meta.get_fields() if f.related_model is SurveyAnswer]
    assert not [f for f in SurveyAnswer._meta.get_fields() if f.related_model is AccessCode]
