"""`openita surveys …`: what a load tool needs to post answers, and a refresh by hand."""

import io
import json

import pytest
from django.core.management import CommandError, call_command
from django.test import Client

from openita.surveys.models import SurveyAnswer, SurveyScore
from tests.surveys.native import eit, surveyed  # noqa: F401


def run(*args):
    out = io.StringIO()
    call_command("surveys", *args, stdout=out)
    return out.getvalue()


def test_it_gives_form_tokens_and_an_example_a_load_tool_can_post(eit):  # noqa: F811
    tokens = run("form-tokens", eit.token, "--count", "3").split()
    assert len(set(tokens)) == 3
    fields = json.loads(run("example", eit.token))
    assert set(fields) == {"e1.a", "e1.b", "e2.a", "e2.b", "form_token"}
    for token in tokens:
        assert Client().post(f"/s/{eit.token}/", {**fields, "form_token": token}).status_code == 200
    assert SurveyAnswer.objects.count() == 3
    assert eit.token in run("list")


def test_it_recomputes_scores_on_demand(eit):  # noqa: F811
    fields = json.loads(run("example", eit.token))
    for token in run("form-tokens", eit.token, "--count", "5").split():
        Client().post(f"/s/{eit.token}/", {**fields, "form_token": token})
    # Every part at its top level: e1.a 100, e1.b reversed 0 -> 50; e2 reversed yes -> 0.
    assert json.loads(run("refresh", eit.token)) == {"6": "50.000", "7": "0.000"}
    assert SurveyScore.objects.filter(source="native").count() == 2


def test_it_names_an_unknown_survey(db):
    with pytest.raises(CommandError):
        run("form-tokens", "nosuchtk")
