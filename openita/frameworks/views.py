from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from openita.frameworks.models import Framework
from openita.frameworks.schema import COVERAGE_RULES


def framework_list(request: HttpRequest) -> HttpResponse:
    frameworks = Framework.objects.annotate_items()
    return render(request, "frameworks/list.html", {"frameworks": frameworks})


def framework_detail(request: HttpRequest, code: str) -> HttpResponse:
    framework = get_object_or_404(Framework, code=code)
    doc = framework.document
    subs = {s["code"]: s for s in doc["sub_indicators"]}
    groups: dict[str, list[object]] = {code: [] for code in subs}
    for item in framework.items.all():
        groups.setdefault(item.sub_indicator, []).append(item)
    context = {
        "fw": framework, "doc": doc, "coverage_rules": COVERAGE_RULES,
        "groups": [(subs.get(code, {"code": code, "name": ""}), items)
                   for code, items in groups.items()],
    }  # fmt: skip
    return render(request, "frameworks/detail.html", context)
