"""The answer form from a framework's questionnaire, and what a submitted form holds."""

from openita.surveys.forms import build_form, read_answers
from tests.surveys.files import real_document, survey_document


def test_it_builds_one_group_per_question_or_sub_item():
    form = build_form(survey_document(), "IIT")
    assert [q.code for q in form.questions] == ["i1", "i2", "i7", "i16", "i19", "i26"]
    assert list(form.levels) == ["i1.a", "i1.b", "i2", "i7", "i16", "i19", "i26"]
    assert form.levels["i1.a"] == 4 and form.levels["i19"] == 2
    assert form.questions[0].has_sub_items and not form.questions[1].has_sub_items
    assert build_form(survey_document(("IIT",)), "EIT") is None


def test_it_answers_yes_no_questions_as_their_wording_asks():
    doc = real_document("ita-2566.yaml")
    form = build_form(doc, "IIT")
    labels = {q.code: q.labels for q in form.questions}
    assert labels["i4"] == labels["i26"] == "have"  # "… มี … หรือไม่" → มี / ไม่มี
    assert labels["i1"] == "four_level"
    doc["questionnaires"][0]["questions"][3]["text"] = "ท่านเห็นด้วย ใช่หรือไม่"
    assert {q.code: q.labels for q in build_form(doc, "IIT").questions}["i4"] == "is"


def test_it_reads_every_part_and_names_what_is_missing_or_out_of_scale():
    form = build_form(survey_document(), "IIT")
    data = {"i1.a": "3", "i1.b": "4", "i2": "", "i7": "x", "i16": "0", "i19": "2", "i26": "1"}
    reading = read_answers(form, data)
    assert reading.answers == {"i1.a": 3, "i16": 0, "i26": 1}
    assert reading.missing == ["i2"]
    assert reading.invalid == ["i1.b", "i7", "i19"]
    assert not reading.complete
    for odd in ("-1", "01", " 1", "๑", "1.0"):
        assert "i2" in read_answers(form, {**data, "i2": odd}).invalid, odd


def test_it_counts_the_real_iit_of_2566():
    form = build_form(real_document("ita-2566.yaml"), "IIT")
    assert len(form.questions) == 30 and form.parts == 51
