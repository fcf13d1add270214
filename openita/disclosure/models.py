import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ResponseSet(models.Model):
    """An agency's OIT answers for one framework (one fiscal year)."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    agency = models.ForeignKey(
        "agencies.Agency", on_delete=models.CASCADE, related_name="response_sets"
    )
    framework = models.ForeignKey(
        "frameworks.Framework", on_delete=models.PROTECT, related_name="response_sets"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["agency", "-framework__fiscal_year"]
        constraints = [
            models.UniqueConstraint(fields=["agency", "framework"], name="one_set_per_framework")
        ]

    def __str__(self) -> str:
        return f"{self.agency} · {self.framework.code}"


class ItemStatus(models.TextChoices):
    NOT_STARTED = "not_started", _("Not started")
    IN_PROGRESS = "in_progress", _("In progress")
    READY = "ready", _("Ready")
    APPROVED = "approved", _("Approved by the coordinator")
    SUBMITTED = "submitted", _("Submitted")


class ItemResponse(models.Model):
    """One item of a response set: who answers it and how far they are."""

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
