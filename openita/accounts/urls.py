from django.urls import path

from openita.accounts import views

app_name = "accounts"
urlpatterns = [
    path("tokens/", views.tokens, name="tokens"),
    path("tokens/new/", views.token_create, name="token_create"),
    path("tokens/<uuid:token_uuid>/revoke/", views.token_revoke, name="token_revoke"),
]
