"""Render form fields and small pieces of the GOV.UK Design System's HTML."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from django import forms, template
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

from lookedafter.schema.codes import code_list

register = template.Library()


def _hint(bound: Any) -> SafeString:
    if not bound.help_text:
        return mark_safe("")
    return format_html(
        '<div id="{}-hint" class="govuk-hint">{}</div>', bound.auto_id, bound.help_text
    )


def _error(bound: Any) -> SafeString:
    if not bound.errors:
        return mark_safe("")
    return format_html(
        '<p id="{}-error" class="govuk-error-message">'
        '<span class="govuk-visually-hidden">Error:</span> {}</p>',
        bound.auto_id,
        bound.errors[0],
    )


def _describedby(bound: Any) -> str:
    ids = []
    if bound.help_text:
        ids.append(f"{bound.auto_id}-hint")
    if bound.errors:
        ids.append(f"{bound.auto_id}-error")
    return " ".join(ids)


def _group(bound: Any, inner: SafeString) -> SafeString:
    cls = "govuk-form-group" + (" govuk-form-group--error" if bound.errors else "")
    return format_html('<div class="{}">{}</div>', cls, inner)


def _date(bound: Any) -> SafeString:
    value = bound.value()
    if isinstance(value, date):
        parts = [str(value.day), str(value.month), str(value.year)]
    elif isinstance(value, list | tuple):
        parts = [str(v or "") for v in value]
    else:
        parts = ["", "", ""]
    err = " govuk-input--error" if bound.errors else ""
    items = []
    for (suffix, label, width), val in zip(
        (("day", "Day", 2), ("month", "Month", 2), ("year", "Year", 4)), parts, strict=True
    ):
        first_id = bound.auto_id if suffix == "day" else f"{bound.auto_id}_{suffix}"
        items.append(
            format_html(
                '<div class="govuk-date-input__item"><div class="govuk-form-group">'
                '<label class="govuk-label govuk-date-input__label" for="{id}">{label}</label>'
                '<input class="govuk-input govuk-date-input__input govuk-input--width-{w}{err}" '
                'id="{id}" name="{name}_{suffix}" type="text" inputmode="numeric" value="{val}">'
                "</div></div>",
                id=first_id,
                label=label,
                w=width,
                err=err,
                name=bound.html_name,
                suffix=suffix,
                val=val,
            )
        )
    described = _describedby(bound)
    return _group(
        bound,
        format_html(
            '<fieldset class="govuk-fieldset" role="group"{}>'
            '<legend class="govuk-fieldset__legend govuk-fieldset__legend--s">{}</legend>'
            '{}{}<div class="govuk-date-input">{}</div></fieldset>',
            format_html(' aria-describedby="{}"', described) if described else "",
            bound.label,
            _hint(bound),
            _error(bound),
            mark_safe("".join(items)),  # noqa: S308  (built from format_html above)
        ),
    )


def _radios(bound: Any) -> SafeString:
    current = bound.value()
    current = "yes" if current is True else "no" if current is False else current
    items = format_html_join(
        "",
        '<div class="govuk-radios__item"><input class="govuk-radios__input" id="{}" '
        'name="{}" type="radio" value="{}"{}><label class="govuk-label govuk-radios__label" '
        'for="{}">{}</label></div>',
        (
            (
                bound.auto_id if i == 0 else f"{bound.auto_id}_{i}",
                bound.html_name,
                value,
                mark_safe(" checked") if str(current) == str(value) else "",
                bound.auto_id if i == 0 else f"{bound.auto_id}_{i}",
                text,
            )
            for i, (value, text) in enumerate(bound.field.choices)
        ),
    )
    described = _describedby(bound)
    return _group(
        bound,
        format_html(
            '<fieldset class="govuk-fieldset"{}>'
            '<legend class="govuk-fieldset__legend govuk-fieldset__legend--s">{}</legend>'
            '{}{}<div class="govuk-radios govuk-radios--small">{}</div></fieldset>',
            format_html(' aria-describedby="{}"', described) if described else "",
            bound.label,
            _hint(bound),
            _error(bound),
            items,
        ),
    )


def _select(bound: Any) -> SafeString:
    current = str(bound.value() or "")
    options = format_html_join(
        "",
        '<option value="{}"{}>{}</option>',
        (
            (v, mark_safe(" selected") if str(v) == current else "", t)
            for v, t in bound.field.choices
        ),
    )
    described = _describedby(bound)
    return _group(
        bound,
        format_html(
            '<label class="govuk-label govuk-label--s" for="{}">{}</label>{}{}'
            '<select class="govuk-select{}" id="{}" name="{}"{}>{}</select>',
            bound.auto_id,
            bound.label,
            _hint(bound),
            _error(bound),
            " govuk-select--error" if bound.errors else "",
            bound.auto_id,
            bound.html_name,
            format_html(' aria-describedby="{}"', described) if described else "",
            options,
        ),
    )


def _text(bound: Any, textarea: bool) -> SafeString:
    value = bound.value()
    value = "" if value is None else str(value)
    described = _describedby(bound)
    aria = format_html(' aria-describedby="{}"', described) if described else ""
    if textarea:
        control = format_html(
            '<textarea class="govuk-textarea{}" id="{}" name="{}" rows="3"{}>{}</textarea>',
            " govuk-textarea--error" if bound.errors else "",
            bound.auto_id,
            bound.html_name,
            aria,
            value,
        )
    else:
        control = format_html(
            '<input class="govuk-input govuk-input--width-20{}" id="{}" name="{}" type="text" '
            'value="{}"{}{}>',
            " govuk-input--error" if bound.errors else "",
            bound.auto_id,
            bound.html_name,
            value,
            aria,
            mark_safe(' autocomplete="off" spellcheck="false"')
            if "password" not in bound.html_name
            else "",
        )
    return _group(
        bound,
        format_html(
            '<label class="govuk-label govuk-label--s" for="{}">{}</label>{}{}{}',
            bound.auto_id,
            bound.label,
            _hint(bound),
            _error(bound),
            control,
        ),
    )


@register.simple_tag
def gov_field(bound: Any) -> SafeString:
    """One form field as GOV.UK HTML (label, hint, error message, control)."""
    widget = bound.field.widget
    if isinstance(widget, forms.HiddenInput):
        return format_html(
            '<input type="hidden" name="{}" value="{}">', bound.html_name, bound.value() or ""
        )
    if isinstance(bound.field, forms.MultiValueField):
        return _date(bound)
    if isinstance(widget, forms.RadioSelect):
        return _radios(bound)
    if isinstance(widget, forms.Select):
        return _select(bound)
    if isinstance(widget, forms.PasswordInput):
        return _group(
            bound,
            format_html(
                '<label class="govuk-label govuk-label--s" for="{}">{}</label>{}'
                '<input class="govuk-input govuk-input--width-20{}" id="{}" name="{}" '
                'type="password" autocomplete="current-password">',
                bound.auto_id,
                bound.label,
                _error(bound),
                " govuk-input--error" if bound.errors else "",
                bound.auto_id,
                bound.html_name,
            ),
        )
    return _text(bound, isinstance(widget, forms.Textarea))


@register.simple_tag
def error_summary(*forms_: Any) -> SafeString:
    """The GOV.UK error summary for one or more forms (nothing when they are valid)."""
    items = []
    for form in forms_:
        if form is None or not form.errors:
            continue
        for err in form.non_field_errors():
            items.append(format_html("<li>{}</li>", err))
        for name, errs in form.errors.items():
            if name == "__all__":
                continue
            bound = form[name]
            items.append(format_html('<li><a href="#{}">{}</a></li>', bound.auto_id, errs[0]))
    if not items:
        return mark_safe("")
    return format_html(
        '<div class="govuk-error-summary" data-module="govuk-error-summary">'
        '<div role="alert"><h2 class="govuk-error-summary__title">There is a problem</h2>'
        '<div class="govuk-error-summary__body"><ul class="govuk-list govuk-error-summary__list">'
        "{}</ul></div></div></div>",
        mark_safe("".join(items)),  # noqa: S308  (each item built by format_html)
    )


@register.filter
def gov_date(value: Any) -> str:
    """27 March 2026 (GOV.UK date style); an em dash when empty."""
    if isinstance(value, datetime):
        return f"{value.day} {value:%B %Y at %H:%M}"
    if isinstance(value, date):
        return f"{value.day} {value:%B %Y}"
    return "—"


@register.filter
def code_meaning(code: Any, list_name: str) -> str:
    if code is None or code == "":
        return "—"
    return f"{code}: {code_list(list_name).get(str(code), 'unknown code')}"


STATUS_TAGS = {
    "overdue": ("Overdue", "govuk-tag--red"),
    "due_soon": ("Due soon", "govuk-tag--yellow"),
    "not_yet_due": ("Not yet due", "govuk-tag--grey"),
    "on_time": ("Done on time", "govuk-tag--green"),
    "late": ("Done late", "govuk-tag--orange"),
    "not_applicable": ("Not applicable", "govuk-tag--grey"),
}


@register.filter
def status_tag(status: str) -> SafeString:
    text, cls = STATUS_TAGS.get(status, (status, "govuk-tag--grey"))
    return format_html('<strong class="govuk-tag {}">{}</strong>', cls, text)


@register.filter
def rule_label(rule: str) -> str:
    from lookedafter.web.register.worklist import label

    return label(str(rule))
