from django.urls import path

from openita.surveys import views
from openita.surveys.views import runs

app_name = "surveys"
urlpatterns = [
    path("<uuid:set_uuid>/", views.scores, name="scores"),
    path("<uuid:set_uuid>/enter/", views.enter, name="enter"),
    path("<uuid:set_uuid>/import/", views.upload, name="import"),
    path("<uuid:set_uuid>/run/", runs.page, name="runs"),
    path("<uuid:set_uuid>/run/create/", runs.create, name="create"),
    path("<uuid:set_uuid>/run/<uuid:survey_uuid>/status/", runs.status, name="status"),
    path("<uuid:set_uuid>/run/<uuid:survey_uuid>/code-rule/", runs.code_rule, name="code_rule"),
    path("<uuid:set_uuid>/run/<uuid:survey_uuid>/population/", runs.population, name="population"),
    path("<uuid:set_uuid>/run/<uuid:survey_uuid>/codes/", runs.codes, name="codes"),
    path("<uuid:set_uuid>/run/<uuid:survey_uuid>/qr.<str:fmt>", runs.qr, name="qr"),
    path("<uuid:set_uuid>/run/<uuid:survey_uuid>/refresh/", runs.refresh, name="refresh"),
]
