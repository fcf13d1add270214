"""Validation of framework documents: every error at once, with the field that holds it."""

import copy

import pytest
import yaml

from openita.frameworks import schema
from tests.conftest import FIXTURES


@pytest.fixture
def doc():
    return yaml.safe_load((FIXTURES / "mini-2566.yaml").read_text(encoding="utf-8"))


def errors_of(doc):
    with pytest.raises(schema.FrameworkFileError) as info:
        schema.validate_document(doc, source="bad.yaml")
    return info.value


def test_it_accepts_the_fixture_and_normalises_item_codes(doc):
    fw = schema.validate_document(doc, source="mini")
    assert [i.code for i in fw.items] == ["O1", "O7", "O31", "O28"]


def test_it_reports_every_field_error_with_file_and_path(doc):
    doc["items"][1]["coverage"] = "yearly"
    doc["items"][2]["code"] = "X31"
    doc["instruments"][2]["weight"] = 45
    error = errors_of(doc)
    assert error.source == "bad.yaml"
    assert "bad.yaml" in str(error)
    joined = "\n".join(error.errors)
    assert "items[1] (O7).coverage: unknown coverage rule 'yearly'" in joined
    assert "items[2] (X31).code" in joined
    assert "instrument weights sum to 105, not 100" in joined


def test_it_rejects_duplicate_item_codes_in_any_spelling(doc):
    doc["items"][1]["code"] = "๐๑"
    assert any("duplicate item code: O1" in e for e in errors_of(doc).errors)


def test_it_rejects_items_outside_known_sub_indicators(doc):
    doc["items"][0]["sub_indicator"] = "9.9"
    assert any("unknown sub-indicator '9.9'" in e for e in errors_of(doc).errors)


def test_it_rejects_sub_indicators_without_items_in_a_complete_framework(doc):
    doc["sub_indicators"].append({"code": "9.2", "indicator": 9, "name": "การบริหารงาน"})
    assert any("sub-indicator 9.2 has no items" in e for e in errors_of(doc).errors)
    partial = copy.deepcopy(doc)
    partial["complete"] = False
    assert schema.validate_document(partial, source="partial").complete is False


def test_it_rejects_unknown_fields_and_missing_ones(doc):
    doc["items"][0]["titel"] = "typo"
    del doc["grading"]
    joined = "\n".join(errors_of(doc).errors)
    assert "items[0] (01).titel: Extra inputs are not permitted" in joined
    assert "grading: Field required" in joined


def test_it_rejects_grading_levels_out_of_order(doc):
    doc["grading"]["tiers"].reverse()
    assert any("highest floor down" in e for e in errors_of(doc).errors)


def test_it_rejects_indicators_no_instrument_claims(doc):
    doc["instruments"][0]["indicators"] = [1, 2, 3, 4]
    assert any("indicator 5 belongs to no instrument" in e for e in errors_of(doc).errors)


def test_it_reports_unreadable_yaml_with_the_file_name(tmp_path):
    path = tmp_path / "broken.yaml"
    path.write_text("id: [unclosed\n", encoding="utf-8")
    with pytest.raises(schema.FrameworkFileError) as info:
        schema.load_yaml(path)
    assert str(path) in str(info.value) and "not valid YAML" in str(info.value)


def test_it_refuses_a_document_that_is_not_a_mapping():
    assert errors_of(["a", "list"]).errors == ["(document): must be a mapping of fields"]
