"""Template filters for Thai dates: {{ value|thaidate }}, {{ value|thaidate:"long" }}."""

from __future__ import annotations

import datetime as dt

from django import template

from openita.lib.thaidate import format_thai_date, to_thai_digits

register = template.Library()


@register.filter
def thaidate(value: dt.date | dt.datetime | None, style: str = "short") -> str:
    """``short``, ``long``, ``short_time``, ``long_thai`` (Thai digits)…"""
    if value is None:
        return ""
    return format_thai_date(
        value,
        style="long" if style.startswith("long") else "short",
        thai_digits=style.endswith("_thai"),
        with_time="time" in style,
    )


@register.filter
def thaidigits(value: object) -> str:
    return to_thai_digits(str(value))
