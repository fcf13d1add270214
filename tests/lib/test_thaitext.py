import pytest

from openita.lib.thaitext import fold, normalize, normalize_for_match, repair_sara_am, words


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("การดําเนินงาน", "การดำเนินงาน"),  # nikhahit + sara aa from Chromium PDFs
        ("นํ้า", "น้ำ"),  # nikhahit, tone, sara aa
        ("น้ํา", "น้ำ"),  # tone, nikhahit, sara aa
        ("โครงสร\uf70bาง", "โครงสร้าง"),  # PUA tone mark
        ("ผ\uf70bูเข\uf70bา", "ผู้เข้า"),  # PUA tone mark written before a lower vowel
        ("อํานาจ\u200bหน้าที่", "อำนาจหน้าที่"),  # zero-width space
        ("ดำเนินงาน", "ดำเนินงาน"),  # already correct text is unchanged
    ],
)
def test_it_repairs_extraction_defects(raw: str, expected: str) -> None:
    assert normalize(raw) == expected


def test_it_folds_line_breaks_for_matching() -> None:
    assert normalize_for_match(" แผน\nการดํา  เนินงาน ") == "แผน การดำ เนินงาน"


def test_it_does_not_invent_a_lost_nikhahit() -> None:
    # A lost nikhahit (WeasyPrint's defect) cannot be told from a real sara aa here.
    assert normalize("การดาเนินงาน") == "การดาเนินงาน"


@pytest.mark.parametrize(
    ("broken", "repaired"),
    [
        ("การดาเนินงาน", "การดำเนินงาน"),
        ("สานักงานปลัดกระทรวง", "สำนักงานปลัดกระทรวง"),
        ("กาหนดการ", "กำหนดการ"),
        ("จานวนผู้รับบริการ", "จำนวนผู้รับบริการ"),
        ("แผนปฏิบัติราชการประจาปี", "แผนปฏิบัติราชการประจำปี"),
        ("คาสั่งแต่งตั้ง", "คำสั่งแต่งตั้ง"),
        ("ผู้อานวยการสานักข่าว", "ผู้อำนวยการสำนักข่าว"),
    ],
)
def test_it_puts_back_a_lost_nikhahit(broken: str, repaired: str) -> None:
    assert repair_sara_am(broken) == repaired


def test_it_repairs_a_whole_broken_document() -> None:
    broken = "รายงานผลการดาเนินงานประจาปี สานักงานเขต กาหนดส่งภายในวันที่ ๓๐ จานวน ๒ ฉบับ"
    repaired = repair_sara_am(broken)
    assert repaired == "รายงานผลการดำเนินงานประจำปี สำนักงานเขต กำหนดส่งภายในวันที่ ๓๐ จำนวน ๒ ฉบับ"
    assert "ดาเนิน" not in repaired


@pytest.mark.parametrize("word", ["ทา", "คา", "ตาราง", "การ", "ราคา", "สถานการณ์", "บริการ", "ข่าว"])
def test_it_leaves_real_words_alone_in_broken_text(word: str) -> None:
    # The words sit among broken forms, so the text is taken for broken and repaired.
    text = f"การดาเนินงาน {word} สานักงาน"
    assert repair_sara_am(text) == f"การดำเนินงาน {word} สำนักงาน"


def test_it_leaves_a_broken_form_that_belongs_to_the_next_word() -> None:
    # ของชา is the broken form of ของชำ, but here its า belongs to ชาติ.
    assert repair_sara_am("ผลประโยชน์ของชาติ สานักงาน") == "ผลประโยชน์ของชาติ สำนักงาน"


def test_it_leaves_a_broken_form_that_is_part_of_a_longer_word() -> None:
    # ประจา (ประจำ) lies inside the word ประจาน, so it is never repaired on its own.
    assert repair_sara_am("ประจาน สานักงาน") == "ประจาน สำนักงาน"


def test_it_leaves_healthy_text_alone() -> None:
    # คาโต (a Japanese name) looks like a broken คำโต, but the text keeps its sara am.
    text = "คุณคาโตทำงานประจำที่สำนักงานและนำเสนอคำแนะนำ"
    assert repair_sara_am(text) == text


def test_it_repairs_nothing_in_empty_or_latin_text() -> None:
    assert repair_sara_am("") == ""
    assert repair_sara_am("Annual plan 2025") == "Annual plan 2025"


def test_it_builds_the_dictionary_once() -> None:
    from openita.lib.thaitext import _sara_am_repair

    assert _sara_am_repair() is _sara_am_repair()
    assert "ดาเนินงาน" in _sara_am_repair().broken
    assert "ทา" not in _sara_am_repair().broken


def test_it_folds_broken_and_repaired_text_alike() -> None:
    assert fold("ดำเนินงาน") == fold("ดาเนินงาน") == fold("ดําเนินงาน") == "ดาเนินงาน"


def test_it_folds_away_tone_marks_that_ocr_loses() -> None:
    assert fold("สถิติเรื่องร้องเรียน") == fold("สถิติเรืองรองเรียน") == "สถิติเรืองรองเรียน"


@pytest.mark.parametrize(
    ("raw", "folded"),
    [
        ("ปีงบประมาณ ๒๕๖๘", "ปีงบประมาณ 2568"),
        ("ITA  Online\n2025", "ita online 2025"),
        ("“แผน” ‘ITA’ 2566–2570 — ok", "\"แผน\" 'ita' 2566-2570 - ok"),
        ("โครงสร\uf70bาง", "โครงสราง"),
    ],
)
def test_it_folds_digits_case_quotes_and_dashes(raw: str, folded: str) -> None:
    assert fold(raw) == folded


def test_it_splits_thai_into_words() -> None:
    tokens = words("แผนปฏิบัติราชการ  ประจำปีงบประมาณ\nการดําเนินงาน")
    assert "แผน" in tokens
    assert "ดำเนินงาน" in tokens  # normalised before segmentation
    assert all(t.strip() for t in tokens)


def test_excerpt_cuts_between_words_and_marks_the_cuts() -> None:
    from openita.lib.thaitext import excerpt

    text = (
        "คำสั่งองค์การบริหารส่วนตำบลบ้านสวน เรื่อง ประกาศเจตนารมณ์ ไม่รับของขวัญและของกำนัล"
        "ทุกชนิดจากการปฏิบัติหน้าที่ ประจำปีงบประมาณ 2568 ลงวันที่ 1 ตุลาคม 2567"
    )
    at = text.index("ไม่รับ")
    quote = excerpt(text, at, 60)
    assert quote.startswith("…ประกาศเจตนารมณ์") and quote.endswith("…")
    assert "ไม่รับของขวัญ" in quote and len(quote) <= 62
    assert excerpt("ประกาศสั้น ๆ", 0) == "ประกาศสั้น ๆ"
    assert "256…" not in excerpt(text, text.index("ประจำปี"), 30)
