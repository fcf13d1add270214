"""Progress updates with links and files (kept under their SHA-256) and scores cited from data."""

import datetime as dt
import hashlib
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from openita.audit.models import AuditEntry
from openita.improvement import services
from openita.improvement.citations import citations_for
from openita.improvement.errors import ImprovementError, NotAllowed
from openita.improvement.models import Kind, ProgressFile, ProgressUpdate
from openita.review.models import ItemReview, Review, ReviewStatus
from tests.conftest import login
from tests.improvement.conftest import PDF, measure_input, weakness

DAY = dt.date(2023, 3, 15)


def test_it_keeps_files_under_their_hash_with_an_audit_entry(measure, coordinator):
    update = services.add_progress(
        measure, by=coordinator, reported_on=DAY, outcome="จัดทำคู่มือแล้วเสร็จ",
        links=["https://example.go.th/manual", "https://example.go.th/manual", " "],
        files=[services.Upload("manual.pdf", PDF)],
    )  # fmt: skip
    stored = ProgressFile.objects.get(update=update)
    digest = hashlib.sha256(PDF).hexdigest()
    assert (stored.sha256, stored.size, stored.content_type) == (
        digest,
        len(PDF),
        "application/pdf",
    )
    assert stored.file.name.endswith(digest)
    with stored.file.open("rb") as kept:
        assert kept.read() == PDF
    assert [link.url for link in update.links.all()] == ["https://example.go.th/manual"]
    entry = AuditEntry.objects.get(action="improvement.progress_added")
    assert entry.after["files"] == [{"name": "manual.pdf", "sha256": digest}]


@pytest.mark.parametrize(
    ("changes", "problem"),
    [
        ({"files": [services.Upload("manual.pdf", b"MZ not a pdf")]}, "manual.pdf"),
        ({"files": [services.Upload("manual.docx", PDF)]}, "manual.docx"),
        ({"links": ["javascript:alert(1)"]}, "javascript:alert(1)"),
        ({"outcome": "  "}, ""),
        ({"reported_on": dt.date(2999, 1, 1)}, ""),
    ],
)
def test_it_refuses_bad_evidence_and_keeps_nothing(measure, coordinator, changes, problem):
    values = {"reported_on": DAY, "outcome": "ทำแล้ว", **changes}
    with pytest.raises(ImprovementError) as refused:
        services.add_progress(measure, by=coordinator, **values)
    assert problem in str(refused.value.message)
    assert not ProgressUpdate.objects.exists() and not ProgressFile.objects.exists()


def test_it_lets_the_units_editors_report_but_not_others(measure, unit_editor, plan, coordinator):
    services.add_progress(measure, by=unit_editor, reported_on=DAY, outcome="ทำแล้ว")
    other_unit = services.create_measure(
        plan, by=coordinator,
        data=measure_input(plan, unit=plan.agency.units.get(short_name="ยศ.")),
    )  # fmt: skip
    with pytest.raises(NotAllowed):
        services.add_progress(other_unit, by=unit_editor, reported_on=DAY, outcome="ทำแล้ว")


def test_it_cites_scores_from_the_results_never_typed(plan, coordinator):
    measure = services.create_measure(
        plan, by=coordinator,
        data=measure_input(plan, weaknesses=[weakness(plan, "6"), weakness(plan, "O7", Kind.ITEM)],
                           questions=["i1"]),
    )  # fmt: skip
    cited = citations_for([measure], plan)[measure.pk]
    assert [c.sentence() for c in cited] == [
        "ตัวชี้วัดที่ 6 ได้คะแนน 82.55",
        "ข้อ O7 ได้คะแนน 0.00",
        "ตัวชี้วัดที่ 1 (ข้อ i1) ได้คะแนน 84.99",
    ]
    assert cited[0].sentence(thai_digits=True) == "ตัวชี้วัดที่ ๖ ได้คะแนน ๘๒.๕๕"


def test_it_cites_next_years_final_figures_beside(plan, measure, next_set, coordinator):
    # Next year's results, final: indicator 6 and O7 (continued by next year's O7).
    following = Review.objects.create(
        response_set=next_set, status=ReviewStatus.FINAL, results={"indicators": {"6": 88.1}}
    )
    o7 = next_set.responses.get(item__code="O7")
    ItemReview.objects.create(review=following, response=o7, score=Decimal(100))
    measure.weaknesses.add(weakness(plan, "O7", Kind.ITEM))
    cited = [c.sentence() for c in citations_for([measure], plan)[measure.pk]]
    assert cited == [
        "ตัวชี้วัดที่ 6 ได้คะแนน 82.55 ในปีงบประมาณ พ.ศ. 2566 และ 88.10 ในปีงบประมาณ พ.ศ. 2567",
        "ข้อ O7 ได้คะแนน 0.00 ในปีงบประมาณ พ.ศ. 2566 และ 100.00 ในปีงบประมาณ พ.ศ. 2567",
    ]


def test_the_page_takes_a_progress_update_with_files(measure, unit_editor):
    client = login(unit_editor)
    url = f"/improvement/{measure.plan.response_set.uuid}/measures/{measure.uuid}/"
    page = client.get(url).content.decode()
    assert "ตัวชี้วัดที่ 6 ได้คะแนน 82.55" in page
    posted = client.post(
        url + "progress/",
        {"reported_on": "2023-03-15", "outcome": "ประชุมชี้แจงแล้ว",
         "links": "https://example.go.th/news/1\nhttps://example.go.th/news/2",
         "files": [SimpleUploadedFile("a.pdf", PDF), SimpleUploadedFile("b.pdf", PDF + b" ")]},
    )  # fmt: skip
    assert posted.status_code == 302
    update = ProgressUpdate.objects.get()
    assert update.links.count() == 2 and update.files.count() == 2
    stored = update.files.first()
    served = client.get(f"{url}progress/{update.uuid}/files/{stored.uuid}/")
    assert b"".join(served.streaming_content) == PDF
    assert served["X-Content-Type-Options"] == "nosniff"
    bad = {
        "reported_on": "2023-03-15",
        "outcome": "x",
        "files": [SimpleUploadedFile("x.pdf", b"no")],
    }
    refused = client.post(url + "progress/", bad)
    assert refused.status_code == 400 and "x.pdf" in refused.content.decode()
