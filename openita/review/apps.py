from django.apps import AppConfig


class ReviewConfig(AppConfig):
    name = "openita.review"
