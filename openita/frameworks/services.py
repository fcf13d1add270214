"""Writes to the framework library: install, update and remove frameworks."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from django.db import transaction
from django.db.models import ProtectedError
from django.utils.translation import gettext as _

from openita.audit.services import log_action
from openita.frameworks import schema
from openita.frameworks.models import Framework, Item
from openita.lib.itemcodes import item_number
from openita.lib.thaidate import fill_year_placeholders

LIBRARY_DIR = Path(__file__).resolve().parent / "data"


class FrameworkError(Exception):
    """A framework could not be installed or changed; nothing was written."""


def library_files() -> list[Path]:
    return sorted(LIBRARY_DIR.glob("*.yaml"))


def _sha256(doc: dict[str, Any]) -> str:
    canonical = json.dumps(doc, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode()).hexdigest()


def _item_fields(fw: schema.Framework, item: schema.Item) -> dict[str, Any]:
    indicator = next(s.indicator for s in fw.sub_indicators if s.code == item.sub_indicator)
    dumped = item.model_dump(mode="json")
    return {
        "number": item_number(item.code),
        "title": item.title,
        "sub_indicator": item.sub_indicator,
        "indicator": indicator,
        "topic": item.topic,
        "coverage": item.coverage,
        "none_allowed": item.none_allowed,
        "elements": dumped["elements"],
        "hints": dumped["hints"],
        "continues": item.continues,
    }


@transaction.atomic
def install(fw: schema.Framework, *, source: str, by: Any) -> tuple[Framework, bool]:
    """Install or replace a validated framework. Returns (framework, changed).

    1. Store the canonical document and its SHA-256; an identical document changes nothing.
    2. Update item rows in place by code, so records pointing at items keep pointing.
    3. Remove items the new document drops; refuse if something still refers to them.
    4. Write one audit entry with the before and after fingerprints.
    """
    doc = schema.dump(fw)
    digest = _sha256(doc)
    existing = Framework.objects.filter(code=fw.id).first()
    if existing and existing.sha256 == digest:
        return existing, False
    before = {"sha256": existing.sha256, "items": existing.items.count()} if existing else None
    header = {
        "fiscal_year": fw.fiscal_year, "owner": fw.owner,
        "name": fill_year_placeholders(fw.name, fw.fiscal_year),
        "previous_code": fw.previous, "complete": fw.complete, "confidence": fw.confidence,
        "document": doc, "source": source[:300], "sha256": digest,
    }  # fmt: skip
    framework, _created = Framework.objects.update_or_create(code=fw.id, defaults=header)
    codes = []
    for item in fw.items:
        Item.objects.update_or_create(
            framework=framework, code=item.code, defaults=_item_fields(fw, item)
        )
        codes.append(item.code)
    try:
        framework.items.exclude(code__in=codes).delete()
    except ProtectedError as exc:
        raise FrameworkError(
            _("Items of %(id)s are still in use and cannot be dropped: %(codes)s")
            % {
                "id": fw.id,
                "codes": ", ".join(sorted({str(o.item) for o in exc.protected_objects})),
            }
        ) from None
    after = {"sha256": digest, "items": len(codes), "source": source}
    action = "framework.updated" if existing else "framework.installed"
    log_action(framework, action, user=by, before=before, after=after)
    return framework, True


def install_file(path: Path, *, by: Any) -> tuple[Framework, bool]:
    """Validate and install one YAML file; a file with any error installs nothing."""
    return install(schema.load_yaml(path), source=str(path.name), by=by)


def install_library(*, by: Any = None) -> list[tuple[Framework, bool]]:
    """Install every framework shipped with OpenITA (all files are validated first)."""
    models = [(schema.load_yaml(path), path.name) for path in library_files()]
    with transaction.atomic():
        return [install(fw, source=name, by=by) for fw, name in models]


def document_of(framework: Framework) -> schema.Framework:
    return schema.validate_document(framework.document, source=framework.code)


def with_item_changes(
    framework: Framework, code: str, changes: dict[str, Any]
) -> tuple[schema.Framework, dict[str, Any]]:
    """The framework with one item changed, validated whole, and the item's old values."""
    doc = json.loads(json.dumps(framework.document))
    entry = next(i for i in doc["items"] if i["code"] == code)
    before = {key: entry.get(key) for key in changes}
    entry.update(changes)
    return schema.validate_document(doc, source=f"{framework.code} {code}"), before


@transaction.atomic
def update_item(item: Item, changes: dict[str, Any], *, by: Any) -> Item:
    """Change one item's fields; the whole framework is validated again before saving."""
    framework = Framework.objects.select_for_update().get(pk=item.framework_id)
    validated, before = with_item_changes(framework, item.code, changes)
    install(validated, source=framework.source, by=by)
    item.refresh_from_db()
    log_action(item, "framework.item_updated", user=by, before=before, after=changes)
    return item
