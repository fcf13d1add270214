"""Browse frameworks and edit their items; every edit re-validates the whole framework."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin
from django.http import HttpRequest

from openita.frameworks import schema, services
from openita.frameworks.models import Framework, Item

EDITABLE = ["title", "topic", "coverage", "none_allowed", "elements", "hints"]


class ItemInline(admin.TabularInline):
    model = Item
    fields = ["code", "title", "sub_indicator", "coverage", "none_allowed"]
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = True

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Framework)
class FrameworkAdmin(admin.ModelAdmin):
    list_display = ["code", "fiscal_year", "name", "owner", "complete", "confidence"]
    list_filter = ["fiscal_year", "confidence"]
    fields = ["code", "fiscal_year", "name", "owner", "previous_code", "complete", "confidence",
              "source", "sha256", "loaded_at", "updated_at"]  # fmt: skip
    readonly_fields = fields
    inlines = [ItemInline]


class ItemForm(forms.ModelForm):
    class Meta:
        model = Item
        fields = EDITABLE

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        changes = {k: data[k] for k in EDITABLE if k in data}
        try:
            services.with_item_changes(self.instance.framework, self.instance.code, changes)
        except schema.FrameworkFileError as exc:
            raise forms.ValidationError(exc.errors) from None
        return data


@admin.register(Item)
class ItemAdmin(admin.ModelAdmin):
    form = ItemForm
    list_display = ["code", "title", "framework", "sub_indicator", "coverage", "none_allowed"]
    list_filter = ["framework", "coverage"]
    search_fields = ["title", "code"]
    ordering = ["framework", "number"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # items come from framework files or Excel imports

    def save_model(self, request: HttpRequest, obj: Item, form: Any, change: bool) -> None:
        changes = {k: form.cleaned_data[k] for k in form.changed_data if k in EDITABLE}
        if changes:
            services.update_item(obj, changes, by=request.user)
