import pytest

from openita.lib.itemcodes import ItemCodeError, item_number, normalize_item_code


@pytest.mark.parametrize("raw", ["O1", "o1", "01", "○1", "๐๑", "O 1", "O.1", "Ｏ1", " o1 "])
def test_it_reads_every_spelling_of_o1(raw):
    assert normalize_item_code(raw) == "O1"


@pytest.mark.parametrize(
    ("raw", "code"),
    [("010", "O10"), ("023", "O23"), ("o31", "O31"), ("○11", "O11"), ("๐๔๓", "O43"), ("43", "O43")],
)
def test_it_reads_the_spellings_of_seed_002(raw, code):
    assert normalize_item_code(raw) == code


@pytest.mark.parametrize("raw", ["", "O", "X1", "O0", "๐", "O1a", "MOIT1", "O 1 2"])
def test_it_rejects_what_is_not_an_item_code(raw):
    with pytest.raises(ItemCodeError):
        normalize_item_code(raw)


def test_it_gives_the_number_for_sorting():
    assert sorted(["O10", "O2", "o1"], key=item_number) == ["o1", "O2", "O10"]
