from django.urls import path

from openita.surveys import views

app_name = "surveys"
urlpatterns = [
    path("<uuid:set_uuid>/", views.scores, name="scores"),
    path("<uuid:set_uuid>/enter/", views.enter, name="enter"),
    path("<uuid:set_uuid>/import/", views.upload, name="import"),
]
