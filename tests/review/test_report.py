"""The agency's results report as PDF and Excel, from the same plain structure."""

from decimal import Decimal
from io import BytesIO

import openpyxl
from pdfminer.high_level import extract_text_to_fp

from openita.lib.thaitext import normalize_for_match
from openita.review import report, services
from openita.surveys.services import enter_scores
from tests.conftest import login
from tests.review.test_services import judge, released, review, submitted  # noqa: F401


def _final(released, coordinator):  # noqa: F811
    rs = released.response_set
    enter_scores(rs.agency, rs.framework, {n: Decimal(90) for n in range(1, 9)}, by=None)
    services.refresh_results(rs)
    return services.confirm(released, by=coordinator)


def test_it_builds_the_report_with_every_level(released, coordinator):  # noqa: F811
    data = report.build(_final(released, coordinator))
    assert (data.ita, data.rating, data.previous_ita) == (84.0, "ต้องปรับปรุง", None)
    assert [(x.code, x.score) for x in data.instruments] == [
        ("IIT", 90.0), ("EIT", 90.0), ("OIT", 75.0),
    ]  # fmt: skip
    assert [(i.code, i.passed) for i in data.items] == [
        ("O1", True), ("O7", False), ("O28", True), ("O31", True),
    ]  # fmt: skip
    assert [(g.item, g.gain) for g in data.gains] == [("O7", 10.0)]


def test_it_exports_pdf_with_readable_thai_and_excel(released, coordinator):  # noqa: F811
    final = _final(released, coordinator)
    client = login(coordinator)
    pdf = client.get(f"/review/results/{final.response_set.uuid}/export.pdf")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    out = BytesIO()
    extract_text_to_fp(BytesIO(pdf.content), out, laparams=None)
    text = "".join(normalize_for_match(out.getvalue().decode()).split())
    for expected in ("ผลการประเมินคุณธรรม", "ข่าวประชาสัมพันธ์", "การดำเนินการเพื่อป้องกันการทุจริต"):
        assert "".join(expected.split()) in text
    assert "ดาเนิน" not in text
    xlsx = client.get(f"/review/results/{final.response_set.uuid}/export.xlsx")
    book = openpyxl.load_workbook(BytesIO(xlsx.content))
    rows = list(book["รายข้อ"].iter_rows(values_only=True))
    assert rows[2][:3] == ("O7", "ข่าวประชาสัมพันธ์", "ไม่ผ่าน")
    assert client.get(f"/review/results/{final.response_set.uuid}/export.doc").status_code == 404


def test_it_sets_last_years_figures_beside_this_years(released, coordinator, agency_a):  # noqa: F811
    from openita.disclosure.models import ResponseSet
    from openita.frameworks.services import LIBRARY_DIR, install_file
    from openita.review.models import Review

    # Last year's final result, stored as the review app stores it.
    fy2565, _ = install_file(LIBRARY_DIR / "ita-2565.yaml", by=None)
    old_set = ResponseSet.objects.create(agency=agency_a, framework=fy2565, status="submitted")
    Review.objects.create(
        response_set=old_set, status="final",
        results={"ita": 80.5, "instruments": {"OIT": 70.0}, "indicators": {"9": 60.0}},
    )  # fmt: skip
    data = report.build(_final(released, coordinator))
    assert data.previous_ita == 80.5
    assert [(x.code, x.previous) for x in data.instruments if x.code == "OIT"] == [("OIT", 70.0)]
    assert [(x.code, x.previous) for x in data.indicators if x.code == "9"] == [("9", 60.0)]
    page = login(coordinator).get(f"/review/results/{released.response_set.uuid}/")
    assert "80.50" in page.content.decode()
