from django.urls import path

from openita.improvement.views import documents, measures, plan

app_name = "improvement"
P = "<uuid:set_uuid>/"
M = P + "measures/<uuid:measure_uuid>/"
MEASURES = {"kind": "measures"}
REPORT = {"kind": "report"}
urlpatterns = [
    path(P, plan.plan_page, name="plan"),
    path(P + "generate/", plan.generate, name="generate"),
    path(P + "settings/", plan.plan_settings, name="settings"),
    path(P + "analysis/<uuid:weakness_uuid>/", plan.edit_weakness, name="weakness"),
    path(P + "measures/new/", measures.measure_new, name="measure_new"),
    path(M, measures.measure_page, name="measure"),
    path(M + "edit/", measures.measure_edit, name="measure_edit"),
    path(M + "delete/", measures.measure_delete, name="measure_delete"),
    path(M + "progress/", measures.progress_add, name="progress"),
    path(
        M + "progress/<uuid:update_uuid>/files/<uuid:file_uuid>/",
        measures.progress_file,
        name="progress_file",
    ),
    path(P + "measures.<str:fmt>", documents.download, MEASURES, name="measures_document"),
    path(P + "report.<str:fmt>", documents.download, REPORT, name="report_document"),
    path(P + "measures/attach/", documents.attach, MEASURES, name="attach_measures"),
    path(P + "report/attach/", documents.attach, REPORT, name="attach_report"),
]
