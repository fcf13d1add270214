"""`openita frameworks …` as a coordinator would run it."""

import json

import pytest
from django.core.management import CommandError, call_command

from openita.frameworks.models import Framework
from tests.conftest import FIXTURES


def run(*args, capsys):
    call_command("frameworks", *args)
    return capsys.readouterr().out


@pytest.fixture
def library(db):
    call_command("frameworks", "load")


def test_it_lists_frameworks_as_json_with_item_counts(library, capsys):
    rows = {r["id"]: r for r in json.loads(run("list", "--json", capsys=capsys))}
    assert rows["ita-2566"]["oit_items"] == 43 and rows["ita-2566"]["fiscal_year"] == 2566
    assert rows["ita-2568"]["oit_items"] == 28
    assert rows["ita-2569"]["confidence"] == "low"
    assert rows["ita-2567"]["complete"] is False


@pytest.mark.parametrize(
    "code", ["ita-2565", "ita-2566", "ita-2568", "ita-2569", "moi-industry-2565"]
)
def test_it_shows_every_item_with_elements_and_coverage(library, capsys, code):
    doc = json.loads(run("show", code, "--json", capsys=capsys))
    assert doc["id"] == code and doc["items"]
    for item in doc["items"]:
        assert item["code"] and item["title"] and item["elements"]
        assert item["coverage"] and item["sub_indicator"]


def test_it_validates_a_bad_file_naming_file_and_field_and_loads_nothing(db, tmp_path, capsys):
    bad = tmp_path / "fy2570.yaml"
    text = (FIXTURES / "mini-2566.yaml").read_text(encoding="utf-8")
    bad.write_text(text.replace("coverage: fy_data", "coverage: yearly"), encoding="utf-8")
    with pytest.raises(CommandError, match="failed validation"):
        call_command("frameworks", "validate", str(bad))
    assert "fy2570.yaml" in capsys.readouterr().err
    with pytest.raises(CommandError) as info:
        call_command("frameworks", "import", str(bad))
    assert "items[1] (O7).coverage" in str(info.value)
    assert "Nothing from" in str(info.value)
    assert not Framework.objects.exists()


def test_it_exports_to_excel_and_imports_the_same_framework(library, tmp_path, capsys):
    out = tmp_path / "ita-2566.xlsx"
    call_command("frameworks", "export", "ita-2566", str(out))
    before = Framework.objects.get(code="ita-2566").document
    Framework.objects.filter(code="ita-2566").delete()
    call_command("frameworks", "import", str(out))
    assert Framework.objects.get(code="ita-2566").document == before


def test_it_says_which_frameworks_exist_when_asked_for_an_unknown_one(library):
    with pytest.raises(CommandError, match=r"no framework 'ita-2599' \(known: .*ita-2566"):
        call_command("frameworks", "show", "ita-2599")
