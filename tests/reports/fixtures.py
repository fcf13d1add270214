"""One OIT report that every renderer is tested on (house style rule 16).

The titles are chosen for the marks that Thai PDFs lose or misplace: sara am (ดำ, น้ำ, อำ),
tone marks over tall consonants (ป้, ฟ้) and above-vowels with tone marks (ที่, ขั้น).
"""

from __future__ import annotations

import datetime as dt

from openita.lib.thaidate import BANGKOK
from openita.reports.oit import (
    Evidence,
    IndicatorGroup,
    ItemEntry,
    OitReport,
    SubIndicatorGroup,
    TopicGroup,
)

BASE = "https://www.example.go.th"


def _evidence(
    path: str, label: str, menu: str = "", *, check: str = "", kind: str = "link"
) -> Evidence:
    return Evidence(url=f"{BASE}{path}", label=label, menu_path=menu, check=check, kind=kind)


def _indicator_9() -> IndicatorGroup:
    info = SubIndicatorGroup(
        code="9.1",
        name="ข้อมูลพื้นฐาน",
        topics=[
            TopicGroup(
                name="ข้อมูลพื้นฐาน",
                items=[
                    ItemEntry(
                        code="O1",
                        title="โครงสร้าง",
                        elements=["แสดงแผนผังแบ่งส่วนราชการตามกฎกระทรวง", "แสดงตำแหน่งที่สำคัญ"],
                        evidence=[
                            _evidence(
                                "/about/structure",
                                "แผนผังโครงสร้างองค์กร",
                                'เลือกเมนู "เกี่ยวกับสำนักงาน" > เมนูย่อย "โครงสร้างองค์กร"',
                                check="ok",
                            )
                        ],
                    ),
                    ItemEntry(
                        code="O2",
                        title="อำนาจหน้าที่",
                        elements=["แสดงอำนาจหน้าที่ตามที่กฎหมายกำหนด"],
                        evidence=[
                            _evidence("/about/duty", "อำนาจหน้าที่ของหน่วยงาน", check="broken"),
                            _evidence("/files/duty.pdf", "ประกาศอำนาจหน้าที่ (PDF)", kind="file"),
                        ],
                    ),
                ],
            ),
            TopicGroup(
                name="การประชาสัมพันธ์",
                items=[
                    ItemEntry(
                        code="O3",
                        title="ข่าวประชาสัมพันธ์เรื่องน้ำประปา",
                        elements=["แสดงข่าวสารที่เกี่ยวข้องกับการดำเนินงานตามอำนาจหน้าที่"],
                        evidence=[_evidence("/news", "ข่าวประชาสัมพันธ์", 'เลือกเมนู "ข่าวสาร"')],
                    )
                ],
            ),
        ],
    )
    plan = SubIndicatorGroup(
        code="9.2",
        name="การบริหารงาน",
        topics=[
            TopicGroup(
                name="",
                items=[
                    ItemEntry(
                        code="O4",
                        title="แผนการดำเนินงานประจำปี",
                        elements=["แสดงแผนการดำเนินงานประจำปีงบประมาณ พ.ศ. 2566", "มีขั้นตอนที่ชัดเจน"],
                        evidence=[
                            _evidence(
                                "/plan/2566",
                                "แผนปฏิบัติราชการประจำปี 2566",
                                'เลือกเมนู "แผนงาน" > เมนูย่อย "แผนการดำเนินงาน"',
                            )
                        ],
                    )
                ],
            ),
        ],
    )
    return IndicatorGroup(number=9, name="การเปิดเผยข้อมูล", sub_indicators=[info, plan])


def _indicator_10() -> IndicatorGroup:
    ethics = SubIndicatorGroup(
        code="10.1",
        name="การป้องกันการทุจริต",
        topics=[
            TopicGroup(
                name="",
                items=[
                    ItemEntry(
                        code="O5",
                        title="การขับเคลื่อนจริยธรรม",
                        elements=["แสดงการดำเนินการเพื่อขับเคลื่อนจริยธรรม"],
                        evidence=[
                            _evidence(
                                "/ethics",
                                "การขับเคลื่อนจริยธรรมของหน่วยงาน",
                                'เลือกเมนู "ITA" > เมนูย่อย "ป้องกันการทุจริต"',
                                check="login_required",
                            )
                        ],
                    ),
                    ItemEntry(
                        code="O6",
                        title="รายงานผลการใช้จ่ายงบประมาณเพื่อป้องกันน้ำท่วม",
                        elements=["แสดงผลการใช้จ่ายงบประมาณ"],
                        none_declared=True,
                        none_note="ไม่มีโครงการป้องกันน้ำท่วมในปีงบประมาณนี้",
                    ),
                ],
            )
        ],
    )
    return IndicatorGroup(number=10, name="การป้องกันการทุจริต", sub_indicators=[ethics])


def oit_report() -> OitReport:
    return OitReport(
        agency_name="สำนักงานจังหวัดทดสอบ",
        framework_code="ita-2566",
        framework_name="ITA ประจำปีงบประมาณ พ.ศ. 2566",
        fiscal_year=2566,
        generated_at=dt.datetime(2023, 4, 20, 10, 30, tzinfo=BANGKOK),
        submitted_at=dt.datetime(2023, 4, 18, 16, 5, tzinfo=BANGKOK),
        public_url="https://openita.example.test/oit/abc/",
        indicators=[_indicator_9(), _indicator_10()],
    )
