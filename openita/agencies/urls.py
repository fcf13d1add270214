from django.urls import path

from openita.agencies import views

app_name = "agencies"
urlpatterns = [
    path("<uuid:agency_uuid>/", views.agency_detail, name="detail"),
    path("<uuid:agency_uuid>/audit/", views.agency_audit, name="audit"),
]
