"""Site administrators keep the calendar here; every save goes through the audited service."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest

from openita.timeline import services
from openita.timeline.models import Phase, ReminderSent


class PhaseForm(forms.ModelForm):
    class Meta:
        model = Phase
        fields = ["fiscal_year", "kind", "starts_on", "ends_on", "note"]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if "starts_on" not in data or "ends_on" not in data:
            return data  # the missing field already carries its own error
        problems = services.phase_problems(
            data.get("fiscal_year", self.instance.fiscal_year),
            data.get("kind", self.instance.kind),
            data["starts_on"],
            data["ends_on"],
        )
        if problems:
            raise forms.ValidationError(problems)
        return data


@admin.register(Phase)
class PhaseAdmin(admin.ModelAdmin):
    form = PhaseForm
    list_display = ["fiscal_year", "kind", "starts_on", "ends_on"]
    list_filter = ["fiscal_year", "kind"]
    ordering = ["-fiscal_year", "starts_on"]

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> list[str]:
        # A phase is identified by its year and kind; another one is a new phase.
        return ["fiscal_year", "kind"] if obj is not None else []

    def save_model(self, request: HttpRequest, obj: Phase, form: Any, change: bool) -> None:
        saved = services.set_phase(
            obj.fiscal_year, obj.kind, obj.starts_on, obj.ends_on, note=obj.note, by=request.user
        )
        obj.pk = saved.pk  # the admin's messages and redirect need the saved row

    def delete_model(self, request: HttpRequest, obj: Phase) -> None:
        services.remove_phase(obj, by=request.user)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[Phase]) -> None:
        for phase in queryset:
            services.remove_phase(phase, by=request.user)


@admin.register(ReminderSent)
class ReminderSentAdmin(admin.ModelAdmin):
    list_display = ["sent_on", "phase", "user", "days_left"]
    list_filter = ["sent_on"]

    # A record of mails that went out; written by the reminder service only.
    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
