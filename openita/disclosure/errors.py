"""Domain errors of the OIT workspace. Messages are translatable and shown to users as-is."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _


class DisclosureError(Exception):
    """A refused change; ``message`` says why in the user's language."""

    default = _("This change cannot be made.")

    def __init__(self, message: object = None) -> None:
        self.message = message if message is not None else self.default
        super().__init__(str(self.message))


class SetLocked(DisclosureError):
    default = _(
        "This response set was submitted and is read-only; changes go through the "
        "clarification round."
    )


class EditConflict(DisclosureError):
    default = _(
        "Someone else saved this item while you were editing it. Your text is kept below: "
        "review their changes, then save again."
    )


class NotAllowed(DisclosureError):
    default = _("Your role does not allow this change.")
