from django.urls import path

from openita.review import public_views

app_name = "public_results"
urlpatterns = [
    path(
        "<uuid:agency_uuid>/oit/<int:fiscal_year>/results/",
        public_views.results,
        name="results",
    ),
]
