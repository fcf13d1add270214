import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from openita.surveys.document import SCORE_DECIMALS, survey_indicators


class Instrument(models.TextChoices):
    IIT = "IIT", _("IIT (internal stakeholders)")
    EIT = "EIT", _("EIT (external stakeholders)")


class Source(models.TextChoices):
    ENTERED = "entered", _("Entered by hand")
    IMPORTED = "imported", _("Imported from a file")
    NATIVE = "native", _("Collected by OpenITA's own survey")


class SurveyScore(models.Model):
    """An agency's score on one IIT or EIT indicator of a framework.

    Until OpenITA runs the surveys itself, the scores come from ITAS or from the agency's own
    survey tool, typed in or imported. Written only by ``surveys.services``.
    """

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    agency = models.ForeignKey(
        "agencies.Agency", on_delete=models.CASCADE, related_name="survey_scores"
    )
    framework = models.ForeignKey(
        "frameworks.Framework", on_delete=models.PROTECT, related_name="survey_scores"
    )
    instrument = models.CharField(_("instrument"), max_length=3, choices=Instrument.choices)
    indicator = models.PositiveSmallIntegerField(_("indicator"))
    score = models.DecimalField(
        _("score"),
        max_digits=6,
        decimal_places=SCORE_DECIMALS,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )
    respondents = models.PositiveIntegerField(_("respondents"), null=True, blank=True)
    source = models.CharField(_("source"), max_length=20, choices=Source.choices)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["agency", "framework", "indicator"]
        verbose_name = _("survey score")
        verbose_name_plural = _("survey scores")
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "framework", "indicator"], name="survey_score_unique"
            ),
            models.CheckConstraint(
                condition=models.Q(score__gte=0) & models.Q(score__lte=100),
                name="survey_score_0_100",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.agency} · {self.framework.code} · {self.instrument} {self.indicator}"

    def clean(self) -> None:
        # The instrument is stored for queries, but the framework decides it.
        expected = survey_indicators(self.framework.document).get(self.indicator)
        if expected != self.instrument:
            raise ValidationError(
                {"indicator": _("This indicator is not an indicator of the chosen instrument.")}
            )
