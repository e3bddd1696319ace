"""Forms that validate and convert, with the GOV.UK date-input pattern and plain-English errors.

Every form carries the child's ``version`` (hidden) so the action can refuse a stale save.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time
from typing import Any
from zoneinfo import ZoneInfo

from django import forms
from django.utils import timezone

from lookedafter.schema.codes import code_list

LOCAL = ZoneInfo("Europe/London")
POSTCODE = re.compile(r"^[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}$")


def choices(list_name: str) -> list[tuple[str, str]]:
    return list(code_list(list_name).items())


class DateWidget(forms.MultiWidget):
    """Three text boxes: day, month, year (GOV.UK date input)."""

    template_name = "register/widgets/date.html"

    def __init__(self) -> None:
        attrs = {"inputmode": "numeric", "class": "govuk-input govuk-date-input__input"}
        super().__init__(
            {
                "day": forms.TextInput(
                    {**attrs, "class": attrs["class"] + " govuk-input--width-2"}
                ),
                "month": forms.TextInput(
                    {**attrs, "class": attrs["class"] + " govuk-input--width-2"}
                ),
                "year": forms.TextInput(
                    {**attrs, "class": attrs["class"] + " govuk-input--width-4"}
                ),
            }
        )

    def decompress(self, value: Any) -> list[Any]:
        if isinstance(value, date):
            return [value.day, value.month, value.year]
        return [None, None, None]


class DateField(forms.MultiValueField):
    """A date from day, month and year boxes; by default not in the future."""

    widget: Any = DateWidget

    def __init__(self, *, allow_future: bool = False, **kwargs: Any) -> None:
        self.allow_future = allow_future
        parts = (
            forms.CharField(max_length=2),
            forms.CharField(max_length=2),
            forms.CharField(max_length=4),
        )
        super().__init__(parts, require_all_fields=False, **kwargs)

    def clean(self, value: Any) -> date | None:
        label = str(self.label or "The date")
        if not isinstance(value, list | tuple):
            value = self.widget.decompress(value)
        parts = [str(v or "").strip() for v in value]
        if not any(parts):
            if self.required:
                raise forms.ValidationError(f"Enter {label.lower()}")
            return None
        names = ("a day", "a month", "a year")
        missing = [n for n, p in zip(names, parts, strict=True) if not p]
        if missing:
            raise forms.ValidationError(f"{label} must include {' and '.join(missing)}")
        try:
            day, month, year = (int(p) for p in parts)
            if year < 1900 or len(parts[2]) != 4:
                raise ValueError
            result = date(year, month, day)
        except ValueError:
            raise forms.ValidationError(f"{label} must be a real date") from None
        if not self.allow_future and result > timezone.localdate():
            raise forms.ValidationError(f"{label} must be today or in the past")
        return result

    def compress(self, data_list: list[Any]) -> Any:  # clean() does the work
        return data_list


class TimeField(forms.CharField):
    """A 24-hour clock time such as 14:30."""

    def clean(self, value: Any) -> time | None:
        text = str(value or "").strip().replace(".", ":")
        if not text:
            if self.required:
                raise forms.ValidationError(f"Enter {str(self.label).lower()}")
            return None
        match = re.fullmatch(r"([01]?\d|2[0-3]):([0-5]\d)", text)
        if not match:
            raise forms.ValidationError(f"{self.label} must be a time like 14:30")
        return time(int(match[1]), int(match[2]))


def _combine(day: date | None, clock: time | None) -> datetime | None:
    if day is None:
        return None
    return datetime.combine(day, clock or time(0, 0), tzinfo=LOCAL)


YES_NO = [("yes", "Yes"), ("no", "No")]


def yes_no(label: str, **kwargs: Any) -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label=label,
        choices=YES_NO,
        coerce=lambda v: v == "yes",
        widget=forms.RadioSelect,
        error_messages={"required": f"Select yes if {label[0].lower() + label[1:-1]}"},
        **kwargs,
    )


class RecordForm(forms.Form):
    """Base: the child's version (optimistic concurrency) and the child's date of birth."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)

    def __init__(self, *args: Any, child: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.child = child
        if child is not None and not self.is_bound:
            self.initial["version"] = child.version

    def not_before_birth(self, name: str) -> None:
        value = self.cleaned_data.get(name)
        dob = getattr(self.child, "dob", None)
        if isinstance(value, date) and dob and value < dob:
            self.add_error(name, f"{self.fields[name].label} must be on or after the child's birth")


class VisitForm(RecordForm):
    visit_date = DateField(label="Date of the visit", help_text="For example, 27 3 2026")
    seen = yes_no("Was the child seen?")
    seen_alone = yes_no("Was the child seen alone?")
    not_alone_reason = forms.CharField(
        label="Why was the child not seen alone?",
        required=False,
        max_length=200,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        self.not_before_birth("visit_date")
        if data.get("seen") is False and data.get("seen_alone"):
            self.add_error("seen_alone", "A child who was not seen cannot have been seen alone")
        if (
            data.get("seen")
            and data.get("seen_alone") is False
            and not data.get("not_alone_reason", "").strip()
        ):
            self.add_error("not_alone_reason", "Enter why the child was not seen alone")
        return data


class ReviewForm(RecordForm):
    review_date = DateField(label="Date of the review")
    participation = forms.ChoiceField(
        label="How did the child participate?",
        choices=choices("REVIEW_CODE"),
        widget=forms.RadioSelect,
        error_messages={"required": "Select how the child participated"},
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        self.not_before_birth("review_date")
        return data


class HealthForm(RecordForm):
    kind = forms.ChoiceField(
        label="Which check?",
        choices=choices("HEALTH_KIND"),
        widget=forms.RadioSelect,
        error_messages={"required": "Select which check was done"},
    )
    done_on = DateField(label="Date it was done")
    sdq_score = forms.IntegerField(
        label="SDQ total score (for an SDQ only)",
        required=False,
        min_value=0,
        max_value=40,
        widget=forms.TextInput(attrs={"inputmode": "numeric"}),
        error_messages={
            "invalid": "The SDQ score must be a whole number",
            "min_value": "The SDQ score must be between 0 and 40",
            "max_value": "The SDQ score must be between 0 and 40",
        },
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        self.not_before_birth("done_on")
        if data.get("kind") == "SDQ" and data.get("sdq_score") is None:
            self.add_error("sdq_score", "Enter the SDQ total score")
        return data


class PepForm(RecordForm):
    kind = forms.ChoiceField(
        label="Initial PEP or review?",
        choices=choices("PEP_KIND"),
        widget=forms.RadioSelect,
        error_messages={"required": "Select whether this is the initial PEP or a review"},
    )
    pep_date = DateField(label="Date of the PEP meeting")

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        self.not_before_birth("pep_date")
        return data


class MissingForm(RecordForm):
    kind = forms.ChoiceField(
        label="Missing or away without authorisation?",
        choices=choices("MISSING"),
        widget=forms.RadioSelect,
        error_messages={"required": "Select missing or away without authorisation"},
    )
    start = DateField(label="Date the episode started")
    end = DateField(
        label="Date the child returned",
        required=False,
        help_text="Leave empty if the child has not returned",
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        self.not_before_birth("start")
        if data.get("start") and data.get("end") and data["end"] < data["start"]:
            self.add_error("end", "The date the child returned must be on or after the start")
        return data


class ReturnInterviewForm(RecordForm):
    mis_start = forms.TypedChoiceField(
        label="Which missing episode?",
        coerce=date.fromisoformat,
        error_messages={"required": "Select the missing episode"},
    )
    returned_on = DateField(label="Date the child returned or was found")
    returned_time = TimeField(label="Time the child returned", help_text="For example, 14:30")
    offered_on = DateField(label="Date an interview was offered", required=False)
    offered_time = TimeField(label="Time it was offered", required=False)
    done_on = DateField(label="Date the interview took place", required=False)
    done_time = TimeField(label="Time it took place", required=False)
    accepted = forms.ChoiceField(
        label="Did the child accept the interview?",
        choices=[("yes", "Yes"), ("no", "No"), ("unknown", "Not yet known")],
        widget=forms.RadioSelect,
        error_messages={"required": "Select whether the child accepted the interview"},
    )

    def __init__(self, *args: Any, episodes: list[date] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["mis_start"]
        field.choices = [("", "Choose an episode")] + [
            (d.isoformat(), f"Started {d:%d %B %Y}") for d in (episodes or [])
        ]

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        data["returned_at"] = _combine(data.get("returned_on"), data.get("returned_time"))
        data["offered_at"] = _combine(data.get("offered_on"), data.get("offered_time"))
        data["done_at"] = _combine(data.get("done_on"), data.get("done_time"))
        start = data.get("mis_start")
        if start and data.get("returned_on") and data["returned_on"] < start:
            self.add_error("returned_on", "The return must be on or after the episode started")
        if data["done_at"] and data["returned_at"] and data["done_at"] < data["returned_at"]:
            self.add_error("done_on", "The interview must be after the child returned")
        data["accepted_flag"] = {"yes": True, "no": False}.get(data.get("accepted", ""))
        return data


class PlacementForm(RecordForm):
    moved_on = DateField(label="Date of the move")
    place = forms.ChoiceField(label="Placement type", choices=[])
    provider = forms.ChoiceField(label="Placement provider", choices=[])
    reason = forms.ChoiceField(label="Reason for the change", choices=[])
    postcode = forms.CharField(label="Postcode of the placement", required=False, max_length=8)
    urn = forms.CharField(label="Ofsted URN of the provider", required=False, max_length=10)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        blank = [("", "Choose one")]
        self.fields["place"].choices = blank + [
            (k, f"{k}: {v}") for k, v in choices("PLACE") if not k.startswith("T")
        ]
        self.fields["provider"].choices = blank + [
            (k, f"{k}: {v}") for k, v in choices("PLACE_PROVIDER")
        ]
        self.fields["reason"].choices = blank + [(k, v) for k, v in choices("REASON_PLACE_CHANGE")]
        for name, what in (
            ("place", "placement type"),
            ("provider", "provider"),
            ("reason", "reason"),
        ):
            self.fields[name].error_messages["required"] = f"Select the {what}"

    def clean_postcode(self) -> str:
        text = " ".join(str(self.cleaned_data.get("postcode", "")).upper().split())
        if text and not POSTCODE.match(text):
            raise forms.ValidationError("Enter a real postcode, like SW1A 1AA")
        return text

    def clean_urn(self) -> str:
        text = str(self.cleaned_data.get("urn", "")).strip().upper()
        if text and not re.fullmatch(r"SC\d{6}|\d{6,7}|XXXXXXX", text):
            raise forms.ValidationError(
                "Enter the URN as SC followed by 6 digits, or 6 or 7 digits"
            )
        return text


class WorkerForm(RecordForm):
    worker = forms.ChoiceField(label="New social worker", choices=[])
    starts_on = DateField(label="Date the new worker takes over", allow_future=True)
    reason = forms.ChoiceField(label="Reason for the change", choices=[])

    def __init__(
        self, *args: Any, workers: list[tuple[str, str]] | None = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["worker"].choices = [("", "Choose a worker"), *(workers or [])]
        self.fields["worker"].error_messages["required"] = "Select the new social worker"
        self.fields["reason"].choices = [("", "Choose a reason"), *choices("SW_REASON")]
        self.fields["reason"].error_messages["required"] = "Select the reason for the change"


class OversightForm(RecordForm):
    on = DateField(label="Date of the oversight")
