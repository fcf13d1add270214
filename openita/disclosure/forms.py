from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from openita.disclosure.filetypes import ACCEPT_ATTR


class ItemAnswerForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    explanation = forms.CharField(
        label=_("Explanation for the assessor"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    element_checks = forms.TypedMultipleChoiceField(
        label=_("Self-check: elements present"),
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    none_declared = forms.BooleanField(label=_("Nothing to publish this period"), required=False)
    none_reason = forms.CharField(
        label=_("Why (e.g. no procurement this month)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args: Any, elements: list[str], none_allowed: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["element_checks"].choices = list(enumerate(elements))
        if not none_allowed:
            del self.fields["none_declared"]
            del self.fields["none_reason"]


class LinkForm(forms.Form):
    url = forms.CharField(
        label=_("Link (URL)"),
        max_length=2000,
        widget=forms.URLInput(attrs={"placeholder": "https://"}),
    )
    label = forms.CharField(label=_("Label"), max_length=300, required=False)
    menu_path = forms.CharField(
        label=_("Menu path on the website"),
        max_length=500,
        required=False,
        widget=forms.TextInput(attrs={"placeholder": _('e.g. menu "About us" > "Structure"')}),
    )


class FileForm(forms.Form):
    file = forms.FileField(
        label=_("File (PDF, DOCX, XLSX, image)"),
        widget=forms.ClearableFileInput(attrs={"accept": ACCEPT_ATTR}),
    )
    label = forms.CharField(label=_("Label"), max_length=300, required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        # The link form on the same page has a "label" field too: keep the ids apart.
        kwargs.setdefault("auto_id", "file_%s")
        super().__init__(*args, **kwargs)


class AssignForm(forms.Form):
    units = forms.ModelMultipleChoiceField(
        label=_("Responsible units"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    responsible = forms.ModelChoiceField(
        label=_("Responsible person"), queryset=None, required=False
    )
    due_date = forms.DateField(
        label=_("Due date"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args: Any, agency: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        from openita.accounts.models import User

        self.fields["units"].queryset = agency.units.all()
        self.fields["responsible"].queryset = User.objects.filter(
            memberships__agency=agency
        ).distinct()


class TableUploadForm(forms.Form):
    table = forms.FileField(
        label=_("Assignment table (.xlsx)"),
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx"}),
    )


class EitLinkForm(forms.Form):
    url = forms.CharField(label=_("EIT survey link"), max_length=2000, required=False)
