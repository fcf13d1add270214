"""Writes of the survey app, split by noun.

``scores``: IIT/EIT indicator scores entered by hand or imported; ``runs``: the native surveys
(opening, populations, access codes, scores from answers); ``answers``: the respondents' path.
"""

from openita.surveys.services.scores import enter_scores, import_scores, scores_for, sources_for

__all__ = ["enter_scores", "import_scores", "scores_for", "sources_for"]
