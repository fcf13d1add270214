from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SitecheckConfig(AppConfig):
    name = "openita.sitecheck"
    label = "sitecheck"
    verbose_name = _("Site pre-check")
