from django.db import models
from django.utils.translation import gettext_lazy as _

from openita.frameworks.schema import COVERAGE_RULES
from openita.lib.thaidate import fill_year_placeholders


class FrameworkQuerySet(models.QuerySet["Framework"]):
    def annotate_items(self) -> "FrameworkQuerySet":
        return self.annotate(n_items=models.Count("items"))


class Framework(models.Model):
    """One fiscal year's assessment framework, loaded from a validated document.

    ``document`` holds the whole validated file (instruments, grading, questionnaires…);
    the items are also kept as rows so that later records (responses, verdicts) can point
    at them. Both are written only by ``frameworks.services``.
    """

    code = models.SlugField(_("id"), max_length=50, unique=True)
    fiscal_year = models.PositiveIntegerField(_("fiscal year (B.E.)"), db_index=True)
    name = models.CharField(_("name"), max_length=300)
    owner = models.CharField(_("issued by"), max_length=300)
    previous_code = models.SlugField(max_length=50, blank=True)
    complete = models.BooleanField(default=True)
    confidence = models.CharField(max_length=20)
    document = models.JSONField()
    source = models.CharField(max_length=300, blank=True)
    sha256 = models.CharField(max_length=64)
    loaded_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = FrameworkQuerySet.as_manager()

    class Meta:
        ordering = ["-fiscal_year", "code"]
        verbose_name = _("framework")
        verbose_name_plural = _("frameworks")

    def __str__(self) -> str:
        return f"{self.code} ({self.name})"

    @property
    def previous(self) -> "Framework | None":
        if not self.previous_code:
            return None
        return Framework.objects.filter(code=self.previous_code).first()


class Item(models.Model):
    """One OIT item (O1…) of a framework."""

    framework = models.ForeignKey(Framework, on_delete=models.CASCADE, related_name="items")
    code = models.CharField(_("code"), max_length=10)
    number = models.PositiveIntegerField()
    title = models.CharField(_("title"), max_length=500)
    sub_indicator = models.CharField(_("sub-indicator"), max_length=10)
    indicator = models.PositiveIntegerField(_("indicator"))
    topic = models.CharField(_("topic"), max_length=200, blank=True)
    coverage = models.CharField(
        _("coverage rule"), max_length=30, choices=[(k, k) for k in COVERAGE_RULES]
    )
    none_allowed = models.BooleanField(_("'none this period' accepted"), default=False)
    elements = models.JSONField(default=list)
    hints = models.JSONField(default=dict)
    continues = models.JSONField(default=list)

    class Meta:
        ordering = ["framework", "number"]
        constraints = [
            models.UniqueConstraint(fields=["framework", "code"], name="item_code_unique")
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.title}"

    def element_texts(self) -> list[str]:
        """Element texts with the framework's years filled in."""
        fy = self.framework.fiscal_year
        return [fill_year_placeholders(e["text"], fy) for e in self.elements]
