"""Domain errors of the assessment calendar. Messages are translatable and shown as-is."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _


class DomainError(ValueError):
    """A refused change or action; ``message`` says why in the user's language."""

    default = _("This change cannot be made.")

    def __init__(self, message: object = None) -> None:
        self.message = message if message is not None else self.default
        super().__init__(str(self.message))


class InvalidPhase(DomainError):
    default = _("These phase dates cannot be used.")


class CalendarInvalid(DomainError):
    """A calendar was refused as a whole; ``errors`` lists every problem found."""

    default = _("The calendar was not saved because some rows are invalid.")

    def __init__(self, errors: list[Any]) -> None:
        self.errors = errors
        super().__init__(None)


class PhaseClosed(DomainError):
    """The action belongs to a phase that is not open today."""

    default = _("This step of the assessment is not open now.")

    def __init__(self, message: object = None, *, phase: Any = None, state: str = "") -> None:
        self.phase = phase
        self.state = state
        super().__init__(message)
