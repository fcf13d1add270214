import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class SetStatus(models.TextChoices):
    OPEN = "open", _("Open")
    SUBMITTED = "submitted", _("Submitted")


class ResponseSet(models.Model):
    """An agency's OIT answers for one framework (one fiscal year)."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    agency = models.ForeignKey(
        "agencies.Agency", on_delete=models.CASCADE, related_name="response_sets"
    )
    framework = models.ForeignKey(
        "frameworks.Framework", on_delete=models.PROTECT, related_name="response_sets"
    )
    status = models.CharField(max_length=20, choices=SetStatus.choices, default=SetStatus.OPEN)
    carried_from = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    eit_survey_url = models.CharField(_("EIT survey link"), max_length=2000, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["agency", "-framework__fiscal_year"]
        constraints = [
            models.UniqueConstraint(fields=["agency", "framework"], name="one_set_per_framework")
        ]

    def __str__(self) -> str:
        return f"{self.agency} · {self.framework.code}"

    @property
    def is_submitted(self) -> bool:
        return self.status == SetStatus.SUBMITTED


class ItemStatus(models.TextChoices):
    NOT_STARTED = "not_started", _("Not started")
    IN_PROGRESS = "in_progress", _("In progress")
    READY = "ready", _("Ready")
    APPROVED = "approved", _("Approved by the coordinator")
    SUBMITTED = "submitted", _("Submitted")


class ItemResponse(models.Model):
    """One item of a response set: who answers it, with what, and how far they are.

    ``version`` grows with every saved edit; an edit made from an older version is refused
    so that two people editing one item cannot overwrite each other silently.
    """

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    response_set = models.ForeignKey(
        ResponseSet, on_delete=models.CASCADE, related_name="responses"
    )
    item = models.ForeignKey("frameworks.Item", on_delete=models.PROTECT, related_name="+")
    units = models.ManyToManyField("agencies.Unit", blank=True, related_name="item_responses")
    responsible = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    status = models.CharField(
        _("status"), max_length=20, choices=ItemStatus.choices, default=ItemStatus.NOT_STARTED
    )
    due_date = models.DateField(_("due date"), null=True, blank=True)
    explanation = models.TextField(_("explanation for the assessor"), blank=True)
    element_checks = models.JSONField(default=list, blank=True)
    none_declared = models.BooleanField(_("none this period"), default=False)
    none_reason = models.TextField(_("why there is none"), blank=True)
    version = models.PositiveIntegerField(default=1)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["response_set", "item__number"]
        constraints = [
            models.UniqueConstraint(fields=["response_set", "item"], name="one_response_per_item")
        ]

    def __str__(self) -> str:
        return f"{self.response_set} · {self.item.code}"

    @property
    def agency(self):  # type: ignore[no-untyped-def]
        return self.response_set.agency


class CheckOutcome(models.TextChoices):
    PENDING = "", _("Not checked yet")
    OK = "ok", _("Working")
    BROKEN = "broken", _("Broken")
    LOGIN_REQUIRED = "login_required", _("Needs a login")
    BLOCKED = "blocked", _("Refused (private address)")
    ERROR = "error", _("Unreachable")
    TIMEOUT = "timeout", _("Timed out")
    TOO_MANY_REDIRECTS = "too_many_redirects", _("Too many redirects")


class EvidenceLink(models.Model):
    """A URL given as evidence for an item, with the result of its last check."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    response = models.ForeignKey(ItemResponse, on_delete=models.CASCADE, related_name="links")
    url = models.CharField(_("URL"), max_length=2000)
    label = models.CharField(_("label"), max_length=300, blank=True)
    menu_path = models.CharField(_("menu path"), max_length=500, blank=True)
    needs_recheck = models.BooleanField(default=False)
    carried_from = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    check_outcome = models.CharField(
        max_length=30, choices=CheckOutcome.choices, default=CheckOutcome.PENDING, blank=True
    )
    check_status = models.PositiveIntegerField(null=True, blank=True)
    check_final_url = models.CharField(max_length=2000, blank=True)
    check_content_type = models.CharField(max_length=200, blank=True)
    check_content_length = models.BigIntegerField(null=True, blank=True)
    check_redirects = models.JSONField(default=list, blank=True)
    check_detail = models.CharField(max_length=500, blank=True)
    checked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["response", "created_at", "pk"]

    def __str__(self) -> str:
        return self.label or self.url

    @property
    def agency(self):  # type: ignore[no-untyped-def]
        return self.response.response_set.agency

    @property
    def is_bad(self) -> bool:
        return self.check_outcome not in (CheckOutcome.OK, CheckOutcome.PENDING)


def _evidence_path(instance: "EvidenceFile", filename: str) -> str:
    # Stored under the hash, never under the uploader's file name.
    return f"evidence/{instance.response.response_set.uuid}/{instance.sha256}"


class EvidenceFile(models.Model):
    """An uploaded document for an item (PDF, DOCX, XLSX or an image), kept with its SHA-256."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    response = models.ForeignKey(ItemResponse, on_delete=models.CASCADE, related_name="files")
    file = models.FileField(upload_to=_evidence_path, max_length=300)
    original_name = models.CharField(_("file name"), max_length=255)
    label = models.CharField(_("label"), max_length=300, blank=True)
    content_type = models.CharField(max_length=100)
    size = models.PositiveBigIntegerField()
    sha256 = models.CharField(max_length=64)
    uploaded_at = models.DateTimeField(auto_now_add=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["response", "uploaded_at", "pk"]

    def __str__(self) -> str:
        return self.label or self.original_name

    @property
    def agency(self):  # type: ignore[no-untyped-def]
        return self.response.response_set.agency


def _capture_path(instance: "EvidenceCapture", filename: str) -> str:
    return f"captures/{instance.response_set.uuid}/{instance.sha256 or 'empty'}"


class EvidenceCapture(models.Model):
    """What an evidence URL returned at submission: the proof of what the assessor could see."""

    response_set = models.ForeignKey(ResponseSet, on_delete=models.CASCADE, related_name="captures")
    link = models.ForeignKey(EvidenceLink, on_delete=models.CASCADE, related_name="captures")
    url = models.CharField(max_length=2000)
    final_url = models.CharField(max_length=2000, blank=True)
    outcome = models.CharField(max_length=30, choices=CheckOutcome.choices)
    status = models.PositiveIntegerField(null=True, blank=True)
    headers = models.JSONField(default=dict, blank=True)
    redirects = models.JSONField(default=list, blank=True)
    content = models.FileField(upload_to=_capture_path, max_length=300, blank=True)
    sha256 = models.CharField(max_length=64, blank=True)
    size = models.PositiveBigIntegerField(default=0)
    truncated = models.BooleanField(default=False)
    detail = models.CharField(max_length=500, blank=True)
    fetched_at = models.DateTimeField()

    class Meta:
        ordering = ["response_set", "link"]
        constraints = [
            models.UniqueConstraint(fields=["response_set", "link"], name="one_capture_per_link")
        ]

    def __str__(self) -> str:
        return f"{self.url} @ {self.fetched_at:%Y-%m-%d %H:%M}"
