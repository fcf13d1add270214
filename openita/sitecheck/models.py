"""A site pre-check run (SiteCheck), the pages it fetched (SitePage) and the mails it caused."""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class CheckStatus(models.TextChoices):
    QUEUED = "queued", _("Queued")
    RUNNING = "running", _("Running")
    DONE = "done", _("Done")
    FAILED = "failed", pgettext_lazy("site pre-check", "Failed")


ACTIVE_STATUSES = (CheckStatus.QUEUED, CheckStatus.RUNNING)


class Trigger(models.TextChoices):
    MANUAL = "manual", _("Asked for by a coordinator")
    WEEKLY = "weekly", _("Weekly re-check")


class SiteCheck(models.Model):
    """One crawl of an agency's website, judged against one framework.

    ``report`` holds ``report.to_json(SiteReport)`` once the check is done; ``counts`` the
    number of items per verdict, so lists need not read the whole report.
    """

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    agency = models.ForeignKey(
        "agencies.Agency", on_delete=models.CASCADE, related_name="site_checks"
    )
    # Pre-check results are derived data: removing a framework removes them too.
    framework = models.ForeignKey(
        "frameworks.Framework", on_delete=models.CASCADE, related_name="site_checks"
    )
    start_url = models.CharField(_("start address"), max_length=2000)
    status = models.CharField(
        _("status"), max_length=20, choices=CheckStatus.choices, default=CheckStatus.QUEUED
    )
    trigger = models.CharField(max_length=20, choices=Trigger.choices, default=Trigger.MANUAL)
    pages_done = models.PositiveIntegerField(default=0)
    page_limit = models.PositiveIntegerField(default=0)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    report = models.JSONField(null=True, blank=True)
    counts = models.JSONField(default=dict, blank=True)
    error = models.TextField(blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("site pre-check")
        verbose_name_plural = _("site pre-checks")
        indexes = [
            # "The latest check (or the latest finished one) of an agency for a framework."
            models.Index(fields=["agency", "framework", "-created_at"], name="sitecheck_latest"),
            models.Index(
                fields=["agency", "framework", "status", "-created_at"], name="sitecheck_latest_st"
            ),
        ]
        constraints = [
            # At most one check in flight per agency and framework, even under concurrent clicks.
            models.UniqueConstraint(
                fields=["agency", "framework"],
                condition=models.Q(status__in=["queued", "running"]),
                name="one_active_sitecheck",
            )
        ]

    def __str__(self) -> str:
        return f"{self.agency} · {self.framework.code} · {self.created_at:%Y-%m-%d %H:%M}"

    @property
    def is_active(self) -> bool:
        return self.status in ACTIVE_STATUSES

    @property
    def percent(self) -> int:
        if not self.page_limit:
            return 0
        return min(100, round(100 * self.pages_done / self.page_limit))


class SitePage(models.Model):
    """One URL a check fetched, as the crawler's store stage handed it over (text bounded)."""

    site_check = models.ForeignKey(SiteCheck, on_delete=models.CASCADE, related_name="pages")
    url = models.CharField(max_length=2000)
    final_url = models.CharField(max_length=2000, blank=True)
    status = models.PositiveIntegerField(null=True, blank=True)
    outcome = models.CharField(max_length=30)
    detail = models.CharField(max_length=500, blank=True)
    depth = models.PositiveIntegerField(default=0)
    kind = models.CharField(max_length=20, blank=True)
    content_type = models.CharField(max_length=200, blank=True)
    title = models.CharField(max_length=500, blank=True)
    text = models.TextField(blank=True)
    links = models.JSONField(default=list, blank=True)
    content_hash = models.CharField(max_length=64, blank=True)
    size = models.PositiveBigIntegerField(default=0)
    parent = models.CharField(max_length=2000, blank=True)
    via_text = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["site_check", "pk"]

    def __str__(self) -> str:
        return self.url


class RegressionNotice(models.Model):
    """A regression mail that went out, so a re-run sends nobody the same mail twice."""

    site_check = models.ForeignKey(SiteCheck, on_delete=models.CASCADE, related_name="notices")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    items = models.JSONField(default=list)
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["site_check", "user"]
        constraints = [
            models.UniqueConstraint(
                fields=["site_check", "user"], name="one_regression_mail_per_user_check"
            )
        ]

    def __str__(self) -> str:
        return f"{self.site_check} → {self.user}"
