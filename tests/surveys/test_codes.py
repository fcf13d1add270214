"""Link tokens and access codes: random, typed back forgivingly, stored as keyed hashes."""

from openita.surveys import codes


def test_it_makes_codes_from_an_alphabet_without_look_alikes():
    made = {codes.new_code() for _ in range(200)}
    assert len(made) == 200
    assert all(len(c) == 8 and set(c) <= set(codes.CODE_ALPHABET) for c in made)
    assert not set("01OIL") & set(codes.CODE_ALPHABET)
    assert len(codes.new_token()) == 8


def test_it_reads_a_code_as_people_type_it():
    assert codes.normalize_code(" abcd-efgh ") == "ABCDEFGH"
    assert codes.normalize_code("ab๒๓ cd๔๕") == "AB23CD45"
    assert codes.spaced("ABCDEFGH") == "ABCD-EFGH"


def test_it_hashes_codes_with_the_pepper_and_the_survey(settings):
    settings.OPENITA_SURVEY_CODE_PEPPER = "pepper-one"
    first = codes.hash_code("abcdefgh", "ABCD-EFGH")
    assert first == codes.hash_code("abcdefgh", "abcdefgh") and len(first) == 64
    assert "ABCDEFGH" not in first
    assert codes.hash_code("zzzzzzzz", "ABCDEFGH") != first
    settings.OPENITA_SURVEY_CODE_PEPPER = "pepper-two"
    assert codes.hash_code("abcdefgh", "ABCDEFGH") != first


def test_it_builds_links_on_the_site_address(settings):
    settings.SITE_URL = "https://ita.example.go.th"
    assert codes.survey_url("abcdefgh") == "https://ita.example.go.th/s/abcdefgh/"
    assert codes.survey_url("abcdefgh", "ABCD") == "https://ita.example.go.th/s/abcdefgh/?code=ABCD"
