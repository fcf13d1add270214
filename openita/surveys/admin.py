"""Survey scores in the admin: for looking up, not for editing (changes go through services)."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from openita.surveys.models import Survey, SurveyScore


@admin.register(SurveyScore)
class SurveyScoreAdmin(admin.ModelAdmin):
    list_display = ["agency", "framework", "instrument", "indicator", "score", "respondents",
                    "source", "updated_at", "updated_by"]  # fmt: skip
    list_filter = ["framework", "instrument", "source"]
    search_fields = ["agency__name"]
    list_select_related = ["agency", "framework", "updated_by"]
    readonly_fields = [f.name for f in SurveyScore._meta.fields]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False  # the audit log would miss an admin edit

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Survey)
class SurveyAdmin(admin.ModelAdmin):
    """Surveys for looking up; answers and codes are not shown here at all."""

    list_display = ["agency", "framework", "instrument", "status", "code_required", "created_at"]
    list_filter = ["framework", "instrument", "status"]
    search_fields = ["agency__name"]
    list_select_related = ["agency", "framework"]
    readonly_fields = [f.name for f in Survey._meta.fields]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
