from django.contrib import admin
from django.urls import include, path

from openita.agencies import views as agency_views
from openita.api.urls import api

urlpatterns = [
    path("", agency_views.home, name="home"),
    path("accounts/", include("django.contrib.auth.urls")),
    path("account/", include("openita.accounts.urls")),
    path("agencies/", include("openita.agencies.urls")),
    path("oit/", include("openita.disclosure.urls")),
    path("public/", include("openita.disclosure.public_urls")),
    path("public/", include("openita.review.public_urls")),
    path("review/", include("openita.review.urls")),
    path("improvement/", include("openita.improvement.urls")),
    path("surveys/", include("openita.surveys.urls")),
    path("s/", include("openita.surveys.public_urls")),
    path("sitecheck/", include("openita.sitecheck.urls")),
    path("frameworks/", include("openita.frameworks.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("api/", api.urls),
    path("admin/", admin.site.urls),
]
