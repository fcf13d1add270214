"""The public answer pages: short links for QR codes, meant for everyone (no login)."""

from django.urls import path

from openita.surveys.views import respond

app_name = "answer"
urlpatterns = [path("<str:token>/", respond.answer, name="survey")]
