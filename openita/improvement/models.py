"""The improvement cycle of one assessed year.

A ``Plan`` hangs on the response set whose final results it analyses (fiscal year N); its
measures are carried out in fiscal year N + 1 and reported on with progress updates. Rows are
written only by ``improvement.services``.
"""

from __future__ import annotations

import uuid
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Plan(models.Model):
    """An agency's analysis of one year's final results and its integrity measures."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    response_set = models.OneToOneField(
        "disclosure.ResponseSet", on_delete=models.CASCADE, related_name="improvement_plan"
    )
    head_name = models.CharField(_("name of the head of the agency"), max_length=200, blank=True)
    head_position = models.CharField(_("position of the head"), max_length=300, blank=True)
    thai_digits = models.BooleanField(_("Thai digits in the documents"), default=False)
    # The thresholds the last draft was drawn with, so the page can say which were used.
    thresholds = models.JSONField(default=dict, blank=True)
    generated_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["response_set"]
        verbose_name = _("integrity measures plan")

    def __str__(self) -> str:
        return f"{self.response_set} · {_('Integrity measures')}"

    @property
    def agency(self) -> Any:
        return self.response_set.agency

    @property
    def fiscal_year(self) -> int:
        """The assessed year whose results are analysed."""
        return int(self.response_set.framework.fiscal_year)

    @property
    def measures_year(self) -> int:
        """The year the measures are carried out in."""
        return self.fiscal_year + 1


class Level(models.TextChoices):
    URGENT = "urgent", _("Urgent weakness")
    IMPROVE = "improve", _("Point to improve")


class Kind(models.TextChoices):
    INDICATOR = "indicator", _("Indicator")
    ITEM = "item", _("Item")


class Weakness(models.Model):
    """One entry of the analysis draft: an indicator or an item, its score and the analysis."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="weaknesses")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    code = models.CharField(max_length=10)  # indicator number ("6") or item code ("O7")
    title = models.CharField(max_length=500)
    indicator = models.PositiveIntegerField()
    level = models.CharField(max_length=10, choices=Level.choices)
    score = models.DecimalField(max_digits=6, decimal_places=2)
    previous = models.DecimalField(max_digits=6, decimal_places=2, null=True, blank=True)
    analysis = models.TextField(_("analysis"), blank=True)
    edited_at = models.DateTimeField(null=True, blank=True)
    edited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # False when a later draft no longer finds it; it stays because it was edited or cited.
    in_results = models.BooleanField(default=True)
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["plan", "position"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "kind", "code"], name="one_weakness_per_code")
        ]

    def __str__(self) -> str:
        return f"{self.label} · {self.score}"

    @property
    def agency(self) -> Any:
        return self.plan.agency

    @property
    def label(self) -> str:
        """The entry as the Thai documents name it."""
        if self.kind == Kind.INDICATOR:
            return f"ตัวชี้วัดที่ {self.code} {self.title}"
        return f"ข้อ {self.code} {self.title}"

    @property
    def display(self) -> str:
        """The entry as the pages name it, in the user's language."""
        values = {"code": self.code, "title": self.title}
        if self.kind == Kind.INDICATOR:
            return str(_("Indicator %(code)s %(title)s") % values)
        return str(_("Item %(code)s %(title)s") % values)

    @property
    def change(self) -> Decimal | None:
        return None if self.previous is None else self.score - self.previous


class Measure(models.Model):
    """One integrity measure (มาตรการ): what is done, by whom, when, and how it is followed."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="measures")
    position = models.PositiveIntegerField(default=0)
    title = models.CharField(_("measure"), max_length=500)
    weaknesses = models.ManyToManyField(Weakness, blank=True, related_name="measures")
    questions = models.JSONField(default=list, blank=True)  # survey question codes ("i1")
    steps = models.TextField(_("steps"))
    expected_result = models.TextField(_("expected result"), blank=True)
    unit = models.ForeignKey(
        "agencies.Unit", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    responsible = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    responsible_name = models.CharField(_("responsible person (name)"), max_length=200, blank=True)
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    monitoring = models.TextField(_("monitoring and reporting"))
    budget = models.DecimalField(
        _("budget (baht)"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    suggestions = models.TextField(_("suggestions"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["plan", "position", "pk"]
        constraints = [
            # The service refuses these first with a clear message; this guards other writers.
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")),
                name="measure_ends_after_it_starts",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def agency(self) -> Any:
        return self.plan.agency

    @property
    def responsible_label(self) -> str:
        if self.responsible_name:
            return self.responsible_name
        return str(self.responsible) if self.responsible is not None else ""


class ProgressUpdate(models.Model):
    """What was done for a measure by a given day, with its evidence."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    measure = models.ForeignKey(Measure, on_delete=models.CASCADE, related_name="updates")
    reported_on = models.DateField(_("as of"))
    outcome = models.TextField(_("outcome"))
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["measure", "reported_on", "pk"]

    def __str__(self) -> str:
        return f"{self.measure} · {self.reported_on}"

    @property
    def agency(self) -> Any:
        return self.measure.plan.agency


class ProgressLink(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    update = models.ForeignKey(ProgressUpdate, on_delete=models.CASCADE, related_name="links")
    url = models.CharField(_("URL"), max_length=2000)
    label = models.CharField(_("label"), max_length=300, blank=True)

    class Meta:
        ordering = ["update", "pk"]

    def __str__(self) -> str:
        return self.label or self.url


def _progress_path(instance: ProgressFile, filename: str) -> str:
    # Stored under the hash, never under the uploader's file name (as evidence files are).
    return f"improvement/{instance.update.measure.plan.uuid}/{instance.sha256}"


class ProgressFile(models.Model):
    """A document given for a progress update, kept with its SHA-256."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    update = models.ForeignKey(ProgressUpdate, on_delete=models.CASCADE, related_name="files")
    file = models.FileField(upload_to=_progress_path, max_length=300)
    original_name = models.CharField(_("file name"), max_length=255)
    content_type = models.CharField(max_length=100)
    size = models.PositiveBigIntegerField()
    sha256 = models.CharField(max_length=64)
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["update", "pk"]

    def __str__(self) -> str:
        return self.original_name


class MeasureReminder(models.Model):
    """A reminder mail that went out, so that a second run on the same day sends nothing."""

    measure = models.ForeignKey(Measure, on_delete=models.CASCADE, related_name="reminders")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    sent_on = models.DateField()
    days_left = models.PositiveSmallIntegerField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-sent_on", "measure", "user"]
        constraints = [
            models.UniqueConstraint(
                fields=["measure", "user", "sent_on"], name="one_measure_reminder_per_day"
            )
        ]

    def __str__(self) -> str:
        return f"{self.measure} → {self.user} ({self.sent_on})"


class DocumentKind(models.TextChoices):
    MEASURES = "measures", _("Integrity measures")
    REPORT = "report", _("Report on the measures")


class AttachedDocument(models.Model):
    """A generated document attached as evidence to an item of a later response set."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="attachments")
    kind = models.CharField(max_length=10, choices=DocumentKind.choices)
    evidence = models.ForeignKey(
        "disclosure.EvidenceFile",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    item_code = models.CharField(max_length=10)
    fiscal_year = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
    attached_at = models.DateTimeField(auto_now_add=True)
    attached_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["plan", "-attached_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} → {self.item_code} ({self.fiscal_year})"

    @property
    def agency(self) -> Any:
        return self.plan.agency
