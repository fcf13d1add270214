"""Build the documents' data from a plan: numbers, dates and cited scores come from the data."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.utils import timezone

from openita.improvement.citations import citations_for
from openita.improvement.documents.data import (
    MEASURES_TITLE,
    REPORT_TITLE,
    Header,
    MeasureRow,
    MeasuresDocument,
    MeasuresReport,
    ProgressRow,
    Signature,
    WeaknessRow,
)
from openita.improvement.models import Level, Measure, Plan, ProgressUpdate, Weakness
from openita.lib.thaidate import format_thai_date, to_thai_digits


class Numbers:
    """Arabic or Thai digits, as the plan asks, for every figure and date the data prints."""

    def __init__(self, thai: bool) -> None:
        self.thai = thai

    def text(self, value: str) -> str:
        return to_thai_digits(value) if self.thai else value

    def score(self, value: Decimal | None) -> str:
        return "–" if value is None else self.text(f"{value:.2f}")

    def change(self, value: Decimal | None) -> str:
        return "–" if value is None else self.text(f"{value:+.2f}")

    def date(self, value: dt.date | dt.datetime) -> str:
        return format_thai_date(value, style="long", thai_digits=self.thai)

    def baht(self, value: Decimal | None) -> str:
        return "" if value is None else self.text(f"{value:,.2f} บาท")


def _header(plan: Plan, title: str, n: Numbers) -> Header:
    agency = plan.agency
    return Header(
        title=title,
        agency_name=agency.name,
        place=f"จังหวัด{agency.province}" if agency.province else "",
        year_label=n.text(f"ประจำปีงบประมาณ พ.ศ. {plan.measures_year}"),
        date_label=f"ข้อมูล ณ วันที่ {n.date(timezone.now())}",
    )


def _signature(plan: Plan) -> Signature:
    return Signature(plan.head_name, plan.head_position)


def _finding(weakness: Weakness, n: Numbers) -> str:
    """The sentence the draft says of an entry when the coordinator wrote nothing else."""
    score = n.score(weakness.score)
    if weakness.kind == "item":
        return n.text(f"ข้อ {weakness.code} ไม่ผ่านเกณฑ์การประเมิน ได้คะแนน {score}")
    text = f"ตัวชี้วัดที่ {weakness.code} ได้คะแนน {score}"
    if weakness.change is not None:
        word = "เพิ่มขึ้น" if weakness.change >= 0 else "ลดลง"
        text += f" {word} {n.score(abs(weakness.change))} คะแนนจากปีก่อน"
    return n.text(text)


def _weakness_rows(plan: Plan, level: str, n: Numbers) -> list[WeaknessRow]:
    rows = plan.weaknesses.filter(level=level).order_by("position")
    return [
        WeaknessRow(
            subject=w.label,
            score=n.score(w.score),
            change=n.change(w.change),
            analysis=w.analysis or _finding(w, n),
        )
        for w in rows
    ]


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def _progress(update: ProgressUpdate, n: Numbers) -> ProgressRow:
    evidence = [link.url for link in update.links.all()]
    evidence += [f"{f.original_name} (SHA-256 {f.sha256[:12]}…)" for f in update.files.all()]
    return ProgressRow(n.date(update.reported_on), update.outcome, evidence)


def _responsible(measure: Measure) -> str:
    parts = [measure.unit.name if measure.unit else "", measure.responsible_label]
    return " / ".join(p for p in parts if p)


def measure_rows(plan: Plan, n: Numbers) -> list[MeasureRow]:
    measures = list(
        plan.measures.select_related("unit", "responsible").prefetch_related(
            "weaknesses", "updates__links", "updates__files"
        )
    )
    cited = citations_for(measures, plan)
    return [
        MeasureRow(
            number=n.text(str(index)),
            title=m.title,
            steps=_lines(m.steps),
            responsible=_responsible(m),
            period=f"{n.date(m.starts_on)} – {n.date(m.ends_on)}",
            monitoring=m.monitoring,
            budget=n.baht(m.budget),
            expected=_lines(m.expected_result),
            cited=[c.sentence(thai_digits=n.thai) for c in cited[m.pk]],
            progress=[_progress(u, n) for u in m.updates.all()],
            suggestions=m.suggestions,
        )
        for index, m in enumerate(measures, start=1)
    ]


def measures_document(plan: Plan) -> MeasuresDocument:
    n = Numbers(plan.thai_digits)
    intro = n.text(
        f"{plan.agency.name} ได้วิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของ"
        f"หน่วยงานภาครัฐ (ITA) ประจำปีงบประมาณ พ.ศ. {plan.fiscal_year} และกำหนดมาตรการส่งเสริม"
        f"คุณธรรมและความโปร่งใสภายในหน่วยงาน ประจำปีงบประมาณ พ.ศ. {plan.measures_year} ดังนี้"
    )
    return MeasuresDocument(
        header=_header(plan, MEASURES_TITLE, n),
        intro=intro,
        urgent=_weakness_rows(plan, Level.URGENT, n),
        improve=_weakness_rows(plan, Level.IMPROVE, n),
        measures=measure_rows(plan, n),
        signature=_signature(plan),
    )


def measures_report(plan: Plan) -> MeasuresReport:
    n = Numbers(plan.thai_digits)
    intro = n.text(
        f"ตามที่{plan.agency.name} ได้ดำเนินการวิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใส (ITA) "
        f"ปีงบประมาณ พ.ศ. {plan.fiscal_year} และได้กำหนดมาตรการ/แนวทางในการส่งเสริมคุณธรรม"
        f"และความโปร่งใสในปีงบประมาณ พ.ศ. {plan.measures_year} นั้น "
        "ได้ดำเนินการขับเคลื่อนมาตรการดังรายละเอียดต่อไปนี้"
    )
    return MeasuresReport(
        header=_header(plan, REPORT_TITLE, n),
        intro=intro,
        measures=measure_rows(plan, n),
        signature=_signature(plan),
    )
