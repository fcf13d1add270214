"""`openita surveys list|form-tokens|example|refresh`: native surveys from the command line.

``form-tokens`` and ``example`` exist for load tools: a load process needs one valid
one-time form token per answer it posts (each token stores at most one answer), and the
exact fields of a complete answer.
"""

from __future__ import annotations

import json
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from openita.surveys.guard import issue_form_token
from openita.surveys.models import Survey
from openita.surveys.services import answers
from openita.surveys.services.runs import refresh_scores


class Command(BaseCommand):
    help = "List native surveys, issue form tokens for load tests, recompute scores."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        sub.add_parser("list", help="every survey: link token, agency, instrument, status")
        tokens = sub.add_parser("form-tokens", help="one-time form tokens, one per line")
        tokens.add_argument("token", help="the survey's link token (/s/<token>/)")
        tokens.add_argument("--count", type=int, default=1)
        example = sub.add_parser("example", help="the POST fields of one complete answer (JSON)")
        example.add_argument("token")
        refresh = sub.add_parser(
            "refresh", help="recompute a survey's scores now, even from a step under 5 answers"
        )
        refresh.add_argument("token")

    def handle(self, *args: Any, **options: Any) -> None:
        getattr(self, "do_" + options["action"].replace("-", "_"))(**options)

    def do_list(self, **_: Any) -> None:
        for s in Survey.objects.select_related("agency", "framework").order_by("id"):
            self.stdout.write(
                f"{s.token}  {s.framework.code:<18} {s.instrument}  {s.status:<6} {s.agency.name}"
            )

    def do_form_tokens(self, *, token: str, count: int, **_: Any) -> None:
        _survey(token)
        self.stdout.write("\n".join(issue_form_token(token) for _i in range(max(count, 0))))

    def do_example(self, *, token: str, **_: Any) -> None:
        survey = _survey(token)
        form = answers.answer_form(survey)
        if form is None:
            raise CommandError("the survey's framework has no questionnaire for it")
        fields = {code: str(n - 1) for code, n in form.levels.items()}
        fields["form_token"] = issue_form_token(token)
        if answers.needs_code(survey):
            fields["code"] = "<one unused code per answer>"
        self.stdout.write(json.dumps(fields, ensure_ascii=False, indent=1))

    def do_refresh(self, *, token: str, **_: Any) -> None:
        scores = refresh_scores(_survey(token), force=True)
        self.stdout.write(json.dumps({str(k): str(v) for k, v in scores.items()}))


def _survey(token: str) -> Survey:
    survey = answers.public_survey(token)
    if survey is None:
        raise CommandError(f"no survey with the link token {token!r}")
    return survey
