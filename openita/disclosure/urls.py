from django.urls import path

from openita.disclosure.views import coordinator, workspace

app_name = "disclosure"
S = "<uuid:set_uuid>/"
ITEM = S + "items/<uuid:item_uuid>/"
urlpatterns = [
    path(S, workspace.response_set, name="response_set"),
    path(S + "dashboard/", coordinator.dashboard_page, name="dashboard"),
    path(S + "assignments.xlsx", coordinator.assignment_export, name="assignment_export"),
    path(S + "assignments/upload/", coordinator.assignment_upload, name="assignment_upload"),
    path(S + "check-links/", coordinator.check_links, name="check_links"),
    path(S + "submit/", coordinator.submit, name="submit"),
    path(S + "eit-link/", coordinator.eit_link, name="eit_link"),
    path(S + "eit-qr.<str:fmt>", coordinator.eit_qr, name="eit_qr"),
    path(S + "export.<str:fmt>", coordinator.export, name="export"),
    path("start/<uuid:agency_uuid>/", coordinator.start, name="start"),
    path(ITEM, workspace.item, name="item"),
    path(ITEM + "links/", workspace.links, name="links"),
    path(ITEM + "links/<uuid:link_uuid>/", workspace.link_action, name="link_action"),
    path(ITEM + "files/", workspace.upload, name="upload"),
    path(ITEM + "files/<uuid:file_uuid>/", workspace.download, name="download"),
    path(ITEM + "files/<uuid:file_uuid>/remove/", workspace.remove_file, name="remove_file"),
    path(ITEM + "status/", workspace.status, name="status"),
    path(ITEM + "assign/", workspace.assign, name="assign"),
]
