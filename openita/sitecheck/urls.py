from django.urls import path

from openita.sitecheck import views

app_name = "sitecheck"
S = "sets/<uuid:set_uuid>/"
C = "checks/<uuid:check_uuid>/"
urlpatterns = [
    path(S + "start/", views.start, name="start"),
    path(S + "panel/", views.panel, name="panel"),
    path(C, views.report_page, name="report"),
    path(C + "report.json", views.report_json, name="report_json"),
]
