import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ReviewStatus(models.TextChoices):
    IN_REVIEW = "in_review", _("In review")
    RELEASED = "released", _("Preliminary results released")
    FINAL = "final", _("Final")


class Review(models.Model):
    """The assessment of one submitted response set."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    response_set = models.OneToOneField(
        "disclosure.ResponseSet", on_delete=models.CASCADE, related_name="review"
    )
    assessor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    second_assessor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    status = models.CharField(
        max_length=20, choices=ReviewStatus.choices, default=ReviewStatus.IN_REVIEW
    )
    created_at = models.DateTimeField(auto_now_add=True)
    released_at = models.DateTimeField(null=True, blank=True)
    final_at = models.DateTimeField(null=True, blank=True)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Published figures of the last computation (openita.scoring), for pages and dashboards.
    results = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["response_set"]

    def __str__(self) -> str:
        return f"{self.response_set} · {self.get_status_display()}"

    @property
    def agency(self):  # type: ignore[no-untyped-def]
        return self.response_set.agency


class ItemReview(models.Model):
    """An assessor's verdict on one item: element ticks, score, comment."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="items")
    response = models.OneToOneField(
        "disclosure.ItemResponse", on_delete=models.CASCADE, related_name="assessment"
    )
    score = models.DecimalField(max_digits=6, decimal_places=2, null=True, blank=True)
    element_checks = models.JSONField(default=list, blank=True)
    comment = models.TextField(_("comment"), blank=True)
    is_draft = models.BooleanField(default=True)
    needs_correction = models.BooleanField(_("needs correction"), default=False)
    second_score = models.DecimalField(max_digits=6, decimal_places=2, null=True, blank=True)
    second_comment = models.TextField(blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["review", "response__item__number"]

    def __str__(self) -> str:
        return f"{self.response} · {self.score}"

    @property
    def agency(self):  # type: ignore[no-untyped-def]
        return self.review.response_set.agency

    @property
    def failed(self) -> bool:
        return self.score is not None and self.score < 100


class DisputeStatus(models.TextChoices):
    OPEN = "open", _("Awaiting the assessor")
    ACCEPTED = "accepted", _("Accepted")
    REJECTED = "rejected", _("Rejected")


class Dispute(models.Model):
    """The agency's clarification of a failed item, citing links it submitted."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    item_review = models.OneToOneField(ItemReview, on_delete=models.CASCADE, related_name="dispute")
    explanation = models.TextField(_("explanation"))
    links = models.ManyToManyField("disclosure.EvidenceLink", related_name="disputes")
    status = models.CharField(
        max_length=20, choices=DisputeStatus.choices, default=DisputeStatus.OPEN
    )
    decision_comment = models.TextField(blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["item_review"]

    def __str__(self) -> str:
        return f"{self.item_review} · {self.get_status_display()}"

    @property
    def agency(self):  # type: ignore[no-untyped-def]
        return self.item_review.review.response_set.agency
