from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from openita.disclosure.filetypes import ACCEPT_ATTR
from openita.improvement.models import Plan
from openita.improvement.questions import plan_questions
from openita.improvement.services.measures import FIELDS, MeasureInput

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class AnalysisForm(forms.Form):
    analysis = forms.CharField(
        label=_("Analysis"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class PlanForm(forms.Form):
    head_name = forms.CharField(label=_("Name of the head of the agency"), max_length=200,
                                required=False)  # fmt: skip
    head_position = forms.CharField(label=_("Position of the head"), max_length=300,
                                    required=False)  # fmt: skip
    thai_digits = forms.BooleanField(label=_("Thai digits in the documents"), required=False)


class MeasureForm(forms.Form):
    title = forms.CharField(label=_("Measure"), max_length=500)
    weaknesses = forms.ModelMultipleChoiceField(
        label=_("Weaknesses it answers"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    questions = forms.MultipleChoiceField(
        label=_("Survey questions it answers"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    steps = forms.CharField(
        label=_("Steps (one per line)"), widget=forms.Textarea(attrs={"rows": 4})
    )
    expected_result = forms.CharField(
        label=_("Expected result"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    unit = forms.ModelChoiceField(label=_("Responsible unit"), queryset=None, required=False)
    responsible = forms.ModelChoiceField(
        label=_("Responsible person"), queryset=None, required=False
    )
    responsible_name = forms.CharField(
        label=_("Responsible person (name, if not a user)"), max_length=200, required=False
    )
    starts_on = forms.DateField(label=_("Starts on"), widget=DATE)
    ends_on = forms.DateField(label=_("Ends on"), widget=DATE)
    monitoring = forms.CharField(
        label=_("How it is followed up and reported on"),
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    budget = forms.DecimalField(
        label=_("Budget (baht, optional)"), required=False, max_digits=14, decimal_places=2
    )
    suggestions = forms.CharField(
        label=_("Suggestions"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args: Any, plan: Plan, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        from openita.accounts.models import User

        agency = plan.agency
        self.fields["weaknesses"].queryset = plan.weaknesses.all()
        self.fields["weaknesses"].label_from_instance = lambda w: f"{w.display} ({w.score})"
        self.fields["questions"].choices = [
            (q.code, f"{q.code} {q.text}") for q in plan_questions(plan)
        ]
        self.fields["unit"].queryset = agency.units.all()
        self.fields["unit"].label_from_instance = lambda unit: unit.name
        self.fields["responsible"].queryset = User.objects.filter(
            memberships__agency=agency
        ).distinct()

    def measure_input(self) -> MeasureInput:
        data = self.cleaned_data
        return MeasureInput(
            **{k: data.get(k) for k in ("unit", "responsible", "starts_on", "ends_on", "budget")},
            **{k: data.get(k) or "" for k in (
                "title", "steps", "expected_result", "responsible_name", "monitoring",
                "suggestions",
            )},
            weaknesses=list(data.get("weaknesses") or []),
            questions=list(data.get("questions") or []),
        )  # fmt: skip


def measure_initial(measure: Any) -> dict[str, Any]:
    initial = {name: getattr(measure, name) for name in FIELDS}
    initial["weaknesses"] = list(measure.weaknesses.all())
    return initial


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        attrs = {"accept": ACCEPT_ATTR, "multiple": True}
        kwargs.setdefault("widget", MultipleFileInput(attrs=attrs))
        super().__init__(*args, **kwargs)

    def clean(self, data: Any, initial: Any = None) -> list[Any]:
        if not data:
            return []
        files = data if isinstance(data, (list, tuple)) else [data]
        return [super(MultipleFileField, self).clean(f, initial) for f in files]


class ProgressForm(forms.Form):
    reported_on = forms.DateField(label=_("As of"), widget=DATE)
    outcome = forms.CharField(label=_("What was done"), widget=forms.Textarea(attrs={"rows": 3}))
    links = forms.CharField(
        label=_("Evidence links (one per line)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2, "placeholder": "https://"}),
    )
    files = MultipleFileField(label=_("Evidence files (PDF, DOCX, XLSX, image)"), required=False)

    def link_list(self) -> list[str]:
        return [line.strip() for line in self.cleaned_data["links"].splitlines() if line.strip()]
