from django.urls import path

from openita.review import overseer_views, views

app_name = "review"
R = "<uuid:review_uuid>/"
urlpatterns = [
    path("", views.queue, name="queue"),
    path("overview/", overseer_views.dashboard, name="overview"),
    path("overview/export.<str:fmt>", overseer_views.export, name="overview_export"),
    path("start/<uuid:set_uuid>/", views.start, name="start"),
    path(R, views.review_page, name="review"),
    path(R + "items/<uuid:item_uuid>/", views.verdict, name="verdict"),
    path(R + "items/<uuid:item_uuid>/decision/", views.decide, name="decide"),
    path(R + "items/<uuid:item_uuid>/second/", views.second_opinion, name="second_opinion"),
    path(R + "release/", views.release, name="release"),
    path("results/<uuid:set_uuid>/", views.results, name="results"),
    path("results/<uuid:set_uuid>/items/<uuid:item_uuid>/dispute/", views.dispute, name="dispute"),
    path("results/<uuid:set_uuid>/confirm/", views.confirm, name="confirm"),
    path("results/<uuid:set_uuid>/export.<str:fmt>", views.results_export, name="results_export"),
]
