from django.urls import path

from openita.disclosure import views

app_name = "disclosure"
urlpatterns = [path("<uuid:set_uuid>/", views.response_set, name="response_set")]
