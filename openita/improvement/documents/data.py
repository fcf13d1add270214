"""The two documents of the improvement cycle as plain data, every text ready to print.

The layouts follow the documents agencies publish (seeds 003 and 004): the measures with
ลำดับ | มาตรการ | รายละเอียดการดำเนินการ | ผลลัพธ์ after the analysis of the results, and the
report on the measures with มาตรการ/แนวทาง | วิธีการดำเนินการ | ผู้รับผิดชอบ | ระยะเวลา |
ผลการดำเนินงาน | ข้อเสนอแนะ. Documents are Thai, the language of the ITA.
"""

from __future__ import annotations

from dataclasses import dataclass, field

MEASURES_COLUMNS = ("ลำดับ", "มาตรการ", "รายละเอียดการดำเนินการ", "ผลลัพธ์")
REPORT_COLUMNS = (
    "มาตรการ/แนวทาง", "วิธีการดำเนินการ", "ผู้รับผิดชอบ", "ระยะเวลา", "ผลการดำเนินงาน",
    "ข้อเสนอแนะ",
)  # fmt: skip
ANALYSIS_COLUMNS = ("ประเด็น", "คะแนน", "เทียบกับปีก่อน", "ผลการวิเคราะห์")
URGENT_HEADING = "ข้อบกพร่องหรือจุดอ่อนที่ต้องแก้ไขโดยเร่งด่วน"
IMPROVE_HEADING = "ประเด็นที่ต้องพัฒนาให้ดีขึ้น"
MEASURES_TITLE = "มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน"
REPORT_TITLE = "รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน"


@dataclass(frozen=True)
class Header:
    title: str
    agency_name: str
    place: str  # "จังหวัดพะเยา", "" when unknown
    year_label: str  # "ประจำปีงบประมาณ พ.ศ. 2566"
    date_label: str  # "ข้อมูล ณ วันที่ 20 เมษายน 2566"


@dataclass(frozen=True)
class Signature:
    name: str
    position: str


@dataclass(frozen=True)
class WeaknessRow:
    subject: str  # "ตัวชี้วัดที่ 6 คุณภาพการดำเนินงาน"
    score: str
    change: str  # "+1.20", "-3.00", "–" when last year is unknown
    analysis: str


@dataclass(frozen=True)
class ProgressRow:
    date: str
    outcome: str
    evidence: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class MeasureRow:
    number: str
    title: str
    steps: list[str]
    responsible: str
    period: str
    monitoring: str
    budget: str  # "" when none was given
    expected: list[str]
    cited: list[str]  # "ตัวชี้วัดที่ 6 ได้คะแนน 82.55", from the results
    progress: list[ProgressRow] = field(default_factory=list)
    suggestions: str = ""


@dataclass(frozen=True)
class MeasuresDocument:
    header: Header
    intro: str
    urgent: list[WeaknessRow]
    improve: list[WeaknessRow]
    measures: list[MeasureRow]
    signature: Signature


@dataclass(frozen=True)
class MeasuresReport:
    header: Header
    intro: str
    measures: list[MeasureRow]
    signature: Signature
