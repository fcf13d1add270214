"""Domain errors of the improvement cycle. Messages are translatable and shown as they are."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _


class ImprovementError(Exception):
    """A refused change; ``message`` says why in the user's language."""

    default = _("This change cannot be made.")

    def __init__(self, message: object = None) -> None:
        self.message = message if message is not None else self.default
        super().__init__(str(self.message))


class NotAllowed(ImprovementError):
    default = _("Your role does not allow this change.")


class NotFinal(ImprovementError):
    default = _("The analysis is drawn from final results: confirm this year's results first.")


class MeasureInvalid(ImprovementError):
    """Every problem of a measure at once, so that the form can show them together."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__(" ".join(problems))
