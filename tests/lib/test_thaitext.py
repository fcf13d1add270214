import pytest

from openita.lib.thaitext import normalize, normalize_for_match


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("การดําเนินงาน", "การดำเนินงาน"),  # nikhahit + sara aa from Chromium PDFs
        ("นํ้า", "น้ำ"),  # nikhahit, tone, sara aa
        ("น้ํา", "น้ำ"),  # tone, nikhahit, sara aa
        ("โครงสร\uf70bาง", "โครงสร้าง"),  # PUA tone mark
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
