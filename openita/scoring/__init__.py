"""The ITA scoring engine: pure functions over plain data, driven by the framework file.

No Django here (house style 5): callers build a ``Spec`` from a framework document and
``Inputs`` from whatever they store, and get a ``Result`` back.
"""

from openita.scoring.engine import Gain, Result, Scores, published, rate, score, what_if
from openita.scoring.spec import Inputs, ScoringError, Spec, scorable

__all__ = [
    "Gain", "Inputs", "Result", "Scores", "ScoringError", "Spec", "published", "rate", "scorable",
    "score", "what_if",
]  # fmt: skip
