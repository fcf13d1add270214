import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AgencyKind(models.TextChoices):
    CENTRAL = "central", _("Central government agency")
    PROVINCIAL = "provincial", _("Provincial office")
    PROVINCE = "province", _("Province")
    PAO = "pao", _("Provincial Administrative Organisation (อบจ.)")
    MUNICIPALITY = "municipality", _("Municipality (เทศบาล)")
    SAO = "sao", _("Subdistrict Administrative Organisation (อบต.)")
    PUBLIC_ORG = "public_org", _("Public organisation")
    OTHER = "other", _("Other")


class Agency(models.Model):
    """An assessed agency (หน่วยงาน)."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    name = models.CharField(_("name (Thai)"), max_length=300, unique=True)
    name_en = models.CharField(_("name (English)"), max_length=300, blank=True)
    kind = models.CharField(_("type"), max_length=20, choices=AgencyKind.choices)
    province = models.CharField(_("province"), max_length=100, blank=True)
    parent_body = models.CharField(_("ministry or parent body"), max_length=300, blank=True)
    # The NACC regional office covering the agency (e.g. "ป.ป.ช. ภาค 5"), for overseers.
    region = models.CharField(_("region"), max_length=100, blank=True)
    website = models.URLField(_("main website"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("agency")
        verbose_name_plural = _("agencies")

    def __str__(self) -> str:
        return self.name


class Unit(models.Model):
    """A unit inside an agency (สำนัก/กอง/ฝ่าย/กลุ่ม) to which items are assigned."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="units")
    name = models.CharField(_("name"), max_length=300)
    short_name = models.CharField(_("short name"), max_length=50, blank=True)

    class Meta:
        ordering = ["agency", "name"]
        constraints = [
            models.UniqueConstraint(fields=["agency", "name"], name="unit_name_unique_in_agency")
        ]

    def __str__(self) -> str:
        return self.short_name or self.name


class Role(models.TextChoices):
    COORDINATOR = "coordinator", _("Coordinator")
    UNIT_EDITOR = "unit_editor", _("Unit editor")
    EXECUTIVE = "executive", _("Executive (read-only)")
    ASSESSOR = "assessor", _("Assessor")
    OVERSEER = "overseer", _("Overseer")


class Membership(models.Model):
    """A user's role at one agency. Assessors and overseers hold one row per agency."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    units = models.ManyToManyField(Unit, blank=True, related_name="editors")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["agency", "role"]
        constraints = [
            models.UniqueConstraint(fields=["user", "agency", "role"], name="membership_unique")
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.get_role_display()} · {self.agency}"
