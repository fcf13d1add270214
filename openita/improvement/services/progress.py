"""Progress updates of a measure: the outcome so far, with links and files as evidence.

Links and files follow the OIT evidence rules (``disclosure``): the same URL checks, the same
accepted file types judged by their bytes, the same size limit, files kept under their SHA-256.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from openita.audit.services import log_action
from openita.disclosure import filetypes
from openita.disclosure.errors import DisclosureError
from openita.disclosure.services.evidence import clean_url
from openita.improvement.access import can_report
from openita.improvement.errors import ImprovementError, NotAllowed
from openita.improvement.models import Measure, ProgressFile, ProgressLink, ProgressUpdate


@dataclass(frozen=True)
class Upload:
    name: str
    content: bytes


@dataclass(frozen=True)
class CheckedFile:
    name: str
    content: bytes
    mime: str
    sha256: str


def _checked_links(urls: Sequence[str]) -> list[str]:
    cleaned: list[str] = []
    for url in (u.strip() for u in urls):
        if not url:
            continue
        try:
            value = clean_url(url)
        except DisclosureError as exc:
            raise ImprovementError(f"{url}: {exc.message}") from exc
        if value not in cleaned:
            cleaned.append(value)
    return cleaned


def _checked_files(files: Sequence[Upload]) -> list[CheckedFile]:
    limit = settings.OPENITA_MAX_UPLOAD_MB * 1024 * 1024
    checked = []
    for upload in files:
        if len(upload.content) > limit:
            raise ImprovementError(
                _("%(name)s is larger than %(mb)s MB.")
                % {"name": upload.name, "mb": settings.OPENITA_MAX_UPLOAD_MB}
            )
        try:
            kind = filetypes.sniff(upload.name, upload.content)
        except DisclosureError as exc:
            raise ImprovementError(f"{upload.name}: {exc.message}") from exc
        digest = hashlib.sha256(upload.content).hexdigest()
        checked.append(CheckedFile(upload.name[-255:], upload.content, kind.mime, digest))
    return checked


def _checked_text(reported_on: dt.date | None, outcome: str) -> None:
    if not outcome.strip():
        raise ImprovementError(_("Say what was done: the outcome cannot be empty."))
    if reported_on is None:
        raise ImprovementError(_("Give the day the update reports on."))
    if reported_on > timezone.localdate():
        raise ImprovementError(_("A progress update cannot report on a day to come."))


def add_progress(
    measure: Measure,
    *,
    by: Any,
    reported_on: dt.date | None,
    outcome: str,
    links: Sequence[str] = (),
    files: Sequence[Upload] = (),
) -> ProgressUpdate:
    """Record what was done for a measure; everything is checked before anything is kept.

    Coordinators and the editors of the measure's unit may report (``by=None``: the system).
    """
    if by is not None and not can_report(by, measure):
        raise NotAllowed()
    _checked_text(reported_on, outcome)
    urls, checked = _checked_links(links), _checked_files(files)
    with transaction.atomic():
        update = ProgressUpdate.objects.create(
            measure=measure,
            reported_on=reported_on,
            outcome=outcome.strip(),
            created_by=by if getattr(by, "pk", None) else None,
        )
        ProgressLink.objects.bulk_create(ProgressLink(update=update, url=url) for url in urls)
        for item in checked:
            _store(update, item)
        log_action(
            update,
            "improvement.progress_added",
            user=by,
            after={
                "measure": measure.title,
                "reported_on": reported_on,
                "outcome": update.outcome,
                "links": urls,
                "files": [{"name": f.name, "sha256": f.sha256} for f in checked],
            },
        )
    return update


def _store(update: ProgressUpdate, item: CheckedFile) -> ProgressFile:
    stored = ProgressFile(
        update=update,
        original_name=item.name,
        content_type=item.mime,
        size=len(item.content),
        sha256=item.sha256,
    )
    stored.file.save(item.sha256, ContentFile(item.content), save=False)
    stored.save()
    return stored
