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


class SurveyStatus(models.TextChoices):
    DRAFT = "draft", _("Not opened yet")
    OPEN = "open", _("Open for answers")
    CLOSED = "closed", _("Closed")


class Survey(models.Model):
    """An agency's own IIT or EIT survey of one framework, answered at ``/s/<token>/``.

    Written only by ``surveys.services.runs``. ``sample_rule`` is a copy of the rule in force
    when the survey was prepared (see ``surveys.sampling``), so that a later change of the
    defaults does not move an agency's target during collection.
    """

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    agency = models.ForeignKey("agencies.Agency", on_delete=models.CASCADE, related_name="surveys")
    framework = models.ForeignKey(
        "frameworks.Framework", on_delete=models.PROTECT, related_name="surveys"
    )
    instrument = models.CharField(_("instrument"), max_length=3, choices=Instrument.choices)
    token = models.CharField(_("link code"), max_length=16, unique=True)
    status = models.CharField(
        _("status"), max_length=10, choices=SurveyStatus.choices, default=SurveyStatus.DRAFT
    )
    code_required = models.BooleanField(_("answers need a single-use code"), default=False)
    # Units whose issued codes number at least MIN_GROUP: only their answers keep the unit.
    coded_units = models.JSONField(default=list, blank=True)
    sample_rule = models.JSONField(_("sample rule"), default=dict)
    # The last scoring: how many answers it counted, and its indicator and question scores as
    # shown to the coordinator. It moves in steps of at least MIN_GROUP answers (but for the
    # final one at closing), so that two scorings never tell one person's answers apart.
    scored_answers = models.PositiveIntegerField(default=0)
    scored = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["agency", "framework", "instrument"]
        verbose_name = _("survey")
        verbose_name_plural = _("surveys")
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "framework", "instrument"], name="one_survey_per_instrument"
            )
        ]

    def __str__(self) -> str:
        return f"{self.agency} · {self.framework.code} · {self.instrument}"

    @property
    def is_open(self) -> bool:
        return self.status == SurveyStatus.OPEN


class Population(models.Model):
    """How many people a survey is for: the whole agency (no unit) or one of its units."""

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="populations")
    unit = models.ForeignKey(
        "agencies.Unit", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    count = models.PositiveIntegerField(_("population"))

    class Meta:
        ordering = ["survey_id", "unit_id"]  # ids: no join, so rows can be locked
        constraints = [
            models.UniqueConstraint(fields=["survey", "unit"], name="one_population_per_unit"),
            models.UniqueConstraint(
                fields=["survey"], condition=models.Q(unit=None), name="one_agency_population"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.survey} · {self.unit or '-'} · {self.count}"


class AccessCode(models.Model):
    """A single-use code for a survey, stored as a keyed hash; the code itself is never kept.

    Nothing links a code to the answer given with it: the answer row has no code, no time
    and no order, and the code row only learns ``used``.
    """

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="codes")
    code_hash = models.CharField(max_length=64)
    unit = models.ForeignKey(
        "agencies.Unit", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    used = models.BooleanField(default=False)

    class Meta:
        verbose_name = _("access code")
        verbose_name_plural = _("access codes")
        constraints = [
            models.UniqueConstraint(fields=["survey", "code_hash"], name="access_code_unique")
        ]

    def __str__(self) -> str:
        return f"{self.survey} · {'used' if self.used else 'unused'}"


class SurveyAnswer(models.Model):
    """One respondent's answers, and nothing that could say who or when.

    Fields, all of them: a random id (no sequence to line up with who answered when), the
    survey, the Bangkok date (no time), the answers (part code -> level index, lowest level
    0) and the unit, kept only when the code was issued for a unit whose group of codes is
    at least MIN_GROUP. tests/surveys/test_models.py holds this list.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="answers")
    answered_on = models.DateField(_("answered on"))
    answers = models.JSONField(_("answers"))
    unit = models.ForeignKey(
        "agencies.Unit", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("survey answer")
        verbose_name_plural = _("survey answers")
        # No ordering: a listing must not suggest an order of arrival.

    def __str__(self) -> str:
        return f"{self.survey} · {self.answered_on}"
