from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class PhaseKind(models.TextChoices):
    REGISTRATION = "registration", _("Registration")
    SURVEYS = "surveys", _("Survey collection (IIT and EIT)")
    OIT_ANSWERING = "oit_answering", _("OIT answering")
    REVIEW = "review", _("Review by the assessors")
    CLARIFICATION = "clarification", _("Clarification")
    CONFIRMATION = "confirmation", _("Confirmation of the results")
    PUBLICATION = "publication", _("Publication of the results")


class Phase(models.Model):
    """One step of a fiscal year's assessment calendar.

    Both dates are inclusive calendar days in Asia/Bangkok: a phase ending on 30 April is open
    until midnight Bangkok time at the end of that day.
    """

    fiscal_year = models.PositiveIntegerField(_("fiscal year (B.E.)"))
    kind = models.CharField(_("phase"), max_length=20, choices=PhaseKind.choices)
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on (inclusive)"))
    note = models.CharField(_("note"), max_length=500, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["fiscal_year", "starts_on", "kind"]
        verbose_name = _("calendar phase")
        verbose_name_plural = _("calendar phases")
        constraints = [
            models.UniqueConstraint(fields=["fiscal_year", "kind"], name="one_phase_per_kind"),
            # The service refuses these first with a clear message; this guards other writers.
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")),
                name="phase_ends_after_it_starts",
            ),
        ]

    def __str__(self) -> str:
        return f"FY{self.fiscal_year} · {self.get_kind_display()}"


class ReminderSent(models.Model):
    """A reminder mail that went out, so a second run on the same day sends nothing again."""

    phase = models.ForeignKey(Phase, on_delete=models.CASCADE, related_name="reminders")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    sent_on = models.DateField()
    days_left = models.PositiveSmallIntegerField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-sent_on", "phase", "user"]
        constraints = [
            models.UniqueConstraint(
                fields=["phase", "user", "sent_on"], name="one_reminder_per_user_phase_day"
            )
        ]

    def __str__(self) -> str:
        return f"{self.phase} → {self.user} ({self.sent_on})"
