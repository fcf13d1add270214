"""The frameworks shipped with OpenITA."""

import pytest

from openita.frameworks import schema, services

EXPECTED_ITEMS = {
    "ita-2565": 43,
    "ita-2566": 43,
    "ita-2568": 28,
    "ita-2569": 26,
    "moi-industry-2565": 40,
}


@pytest.fixture(scope="module")
def library():
    return {fw.id: fw for fw in map(schema.load_yaml, services.library_files())}


def test_it_ships_every_expected_framework_with_its_item_count(library):
    assert {code: len(library[code].items) for code in EXPECTED_ITEMS} == EXPECTED_ITEMS


def test_it_ships_fiscal_year_2567_as_partial(library):
    fy2567 = library["ita-2567"]
    assert fy2567.complete is False and fy2567.gaps
    assert fy2567.confidence in ("inferred", "low")


def test_it_marks_fiscal_year_2569_as_low_confidence(library):
    assert library["ita-2569"].confidence == "low"


def test_it_keeps_literal_years_out_of_element_texts(library):
    for fw in library.values():
        for item in fw.items:
            for element in item.elements:
                assert str(fw.fiscal_year) not in element.text, (fw.id, item.code)


def test_it_points_every_crosswalk_at_items_of_the_previous_framework(library):
    for fw in library.values():
        if not fw.previous:
            continue
        previous = {item.code for item in library[fw.previous].items}
        for item in fw.items:
            assert set(item.continues) <= previous, (fw.id, item.code, item.continues)


def test_it_weights_instruments_30_30_40_in_the_nacc_frameworks(library):
    for code in ("ita-2565", "ita-2566", "ita-2568"):
        weights = {i.code: int(i.weight) for i in library[code].instruments}
        assert weights == {"IIT": 30, "EIT": 30, "OIT": 40}


def test_it_grades_2565_by_letters_and_2566_by_pass_labels(library):
    assert library["ita-2565"].grading.scheme == "letters"
    assert [b.label for b in library["ita-2565"].grading.bands][:2] == ["AA", "A"]
    assert library["ita-2566"].grading.scheme == "pass_labels"


def test_it_holds_the_iit_questions_of_2565(library):
    iit = next(q for q in library["ita-2565"].questionnaires if q.instrument == "IIT")
    codes = [q.code for q in iit.questions]
    assert codes == [f"i{n}" for n in range(1, 31)]
    reversed_yes_no = {q.code for q in iit.questions if q.scale == "yes_no" and q.reversed}
    assert {"i4", "i5", "i6"} <= reversed_yes_no
