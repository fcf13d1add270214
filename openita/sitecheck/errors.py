"""Domain errors of the site pre-check. Messages are translatable and shown to users as-is."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _


class SiteCheckError(Exception):
    """A refused pre-check; ``message`` says why in the user's language."""

    default = _("The site pre-check cannot be started.")

    def __init__(self, message: object = None) -> None:
        self.message = message if message is not None else self.default
        super().__init__(str(self.message))


class NoWebsite(SiteCheckError):
    default = _(
        "This agency has no website address on record, so there is nothing to check. Ask the "
        "system administrator to add the agency's main website first."
    )


class AlreadyRunning(SiteCheckError):
    default = _(
        "A pre-check of this website is already queued or running. Its progress is shown "
        "below; start another one when it has finished."
    )


class NotAllowed(SiteCheckError):
    default = _("Only the agency's ITA coordinator can start a site pre-check.")
