import pytest

from openita.lib.env import EnvError, env_bool, env_int, env_json, env_list


def test_it_reads_yes_no_values(monkeypatch):
    monkeypatch.setenv("X_FLAG", "Yes")
    assert env_bool("X_FLAG") is True
    monkeypatch.setenv("X_FLAG", "off")
    assert env_bool("X_FLAG", True) is False


def test_it_names_the_variable_of_a_bad_value(monkeypatch):
    monkeypatch.setenv("X_FLAG", "maybe")
    with pytest.raises(EnvError, match="X_FLAG='maybe'"):
        env_bool("X_FLAG")
    monkeypatch.setenv("X_NUM", "ten")
    with pytest.raises(EnvError, match="X_NUM"):
        env_int("X_NUM", 1)


def test_it_splits_lists_and_uses_defaults(monkeypatch):
    monkeypatch.delenv("X_LIST", raising=False)
    assert env_list("X_LIST", ["a"]) == ["a"]
    monkeypatch.setenv("X_LIST", "a.go.th, b.go.th,")
    assert env_list("X_LIST", []) == ["a.go.th", "b.go.th"]


def test_it_reads_json_and_names_a_malformed_value(monkeypatch):
    monkeypatch.delenv("X_JSON", raising=False)
    assert env_json("X_JSON", {"a": 1}) == {"a": 1}
    monkeypatch.setenv("X_JSON", '{"reminders": null, "x": {"cron": "0 7 * * *"}}')
    assert env_json("X_JSON", {}) == {"reminders": None, "x": {"cron": "0 7 * * *"}}
    monkeypatch.setenv("X_JSON", "{reminders: off}")
    with pytest.raises(EnvError, match="X_JSON is not valid JSON"):
        env_json("X_JSON", {})
