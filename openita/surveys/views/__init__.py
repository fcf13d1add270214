"""Pages of the survey app: scores (members and assessors), runs (coordinators), respond
(the public answer pages)."""

from openita.surveys.views.scores import enter, scores, upload

__all__ = ["enter", "scores", "upload"]
