from django.apps import AppConfig


class SurveysConfig(AppConfig):
    name = "openita.surveys"
