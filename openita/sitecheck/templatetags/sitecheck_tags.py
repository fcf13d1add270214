"""Template filters of the pre-check: {{ verdict|verdict_label }}, {{ findings|finding:code }}."""

from __future__ import annotations

from typing import Any

from django import template

from openita.sitecheck import labels

register = template.Library()


@register.filter
def verdict_label(verdict: str) -> str:
    return labels.verdict_label(verdict)


@register.filter
def verdict_css(verdict: str) -> str:
    return labels.verdict_css(verdict)


@register.filter
def finding(findings: dict[str, Any] | None, code: str) -> Any:
    """The pre-check result of one item code, or None."""
    return (findings or {}).get(code)


@register.filter
def web_href(url: str) -> str:
    return labels.web_href(url)
