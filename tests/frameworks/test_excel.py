"""Excel import and export: the same document, the same validation, errors by sheet and row."""

import io

import pytest
from openpyxl import load_workbook

from openita.frameworks import excel, schema, services


def _roundtrip(fw: schema.Framework) -> schema.Framework:
    data = excel.export_workbook(schema.dump(fw))
    return excel.import_workbook(data, source="roundtrip.xlsx")


@pytest.mark.parametrize("path", services.library_files(), ids=lambda p: p.stem)
def test_it_reimports_every_shipped_framework_unchanged(path):
    fw = schema.load_yaml(path)
    assert schema.dump(_roundtrip(fw)) == schema.dump(fw)


def _edited(fw: schema.Framework, sheet: str, cell: str, value: object) -> bytes:
    book = load_workbook(io.BytesIO(excel.export_workbook(schema.dump(fw))))
    book[sheet][cell] = value
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_it_names_the_sheet_and_row_of_a_bad_cell(mini):
    fw = schema.validate_document(mini.document, source="mini")
    data = _edited(fw, "items", "E3", "yearly")  # row 3 = second item, column E = coverage
    with pytest.raises(schema.FrameworkFileError) as info:
        excel.import_workbook(data, source="fy2570.xlsx")
    message = str(info.value)
    assert "fy2570.xlsx" in message
    assert "sheet 'items' row 3, items[1] (O7).coverage: unknown coverage rule 'yearly'" in message


def test_it_names_a_missing_column_and_a_missing_sheet(mini):
    fw = schema.validate_document(mini.document, source="mini")
    book = load_workbook(io.BytesIO(excel.export_workbook(schema.dump(fw))))
    book["items"]["E1"] = "cover"
    del book["grading"]
    out = io.BytesIO()
    book.save(out)
    with pytest.raises(schema.FrameworkFileError) as info:
        excel.import_workbook(out.getvalue(), source="x.xlsx")
    assert "sheet 'items': missing column(s) coverage" in info.value.errors
    assert "sheet 'grading': missing" in info.value.errors


def test_it_names_elements_of_unknown_items(mini):
    fw = schema.validate_document(mini.document, source="mini")
    data = _edited(fw, "elements", "A2", "O99")
    with pytest.raises(schema.FrameworkFileError) as info:
        excel.import_workbook(data, source="x.xlsx")
    assert "sheet 'elements' row 2: unknown item 'O99'" in info.value.errors


def test_it_refuses_a_file_that_is_not_a_workbook():
    with pytest.raises(schema.FrameworkFileError) as info:
        excel.import_workbook(b"this is a Word file, really", source="list.xlsx")
    assert "not a readable Excel .xlsx workbook" in str(info.value)
