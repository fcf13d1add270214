"""One mail per claim, whoever runs first; a failed send is tried again later."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail

from openita.core import mail as core_mail
from openita.timeline.models import ReminderSent
from openita.timeline.services import set_phase

DAY = dt.date(2026, 11, 22)


@pytest.fixture
def claim(coordinator):
    phase = set_phase(2570, "oit_answering", dt.date(2026, 11, 1), dt.date(2026, 11, 29), by=None)
    return {"phase": phase, "user": coordinator, "sent_on": DAY}


def _send(claim):
    return core_mail.send_once(
        ReminderSent, claim, to="c@example.go.th", subject="เรื่อง", body="ข้อความ",
        extra={"days_left": 7},
    )  # fmt: skip


def test_it_sends_a_claimed_mail_once(claim):
    assert _send(claim) is True
    assert _send(claim) is False
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["c@example.go.th"]
    assert ReminderSent.objects.get().days_left == 7


def test_a_failed_send_gives_the_claim_back(claim, monkeypatch):
    def broken(*args, **kwargs):
        raise OSError("SMTP down")

    monkeypatch.setattr(core_mail, "send_mail", broken)
    assert _send(claim) is False and not ReminderSent.objects.exists()
    monkeypatch.undo()
    assert _send(claim) is True and len(mail.outbox) == 1
