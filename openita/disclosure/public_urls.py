from django.urls import path

from openita.disclosure.views import public

app_name = "public"
P = "<uuid:agency_uuid>/oit/<int:fiscal_year>/"
urlpatterns = [
    path(P, public.page, name="page"),
    path(P + "embed/", public.embed, name="embed"),
    path(P + "manifest.json", public.manifest_json, name="manifest"),
    path(P + "export.<str:fmt>", public.export, name="export"),
    path(P + "files/<uuid:file_uuid>/", public.public_file, name="file"),
]
