from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "openita.reports"
    verbose_name = "Reports"
