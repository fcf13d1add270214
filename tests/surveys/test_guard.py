"""Rate limits and one-time form tokens, kept in the cache."""

from django.core import signing
from django.core.cache import cache

from openita.surveys import guard


def test_it_refuses_an_address_past_the_limit_in_a_window(settings):
    settings.OPENITA_SURVEY_RATE_LIMIT = 3
    assert [guard.within_rate("abcdefgh", "10.0.0.1") for _ in range(4)] == [True] * 3 + [False]
    assert guard.within_rate("abcdefgh", "10.0.0.2")  # another address
    assert guard.within_rate("zzzzzzzz", "10.0.0.1")  # another survey


def test_it_keeps_no_address_in_the_cache(settings):
    guard.within_rate("abcdefgh", "203.0.113.77")
    keys = list(cache._cache)  # the test cache is the local-memory one
    assert keys and not any("203.0.113.77" in k for k in keys)


def test_a_limit_of_zero_switches_it_off(settings):
    settings.OPENITA_SURVEY_RATE_LIMIT = 0
    assert all(guard.within_rate("abcdefgh", "10.0.0.1") for _ in range(100))


def test_it_reads_its_own_tokens_only(settings):
    token = guard.issue_form_token("abcdefgh")
    nonce = guard.read_form_token("abcdefgh", token)
    assert nonce and len(nonce) >= 16
    assert guard.read_form_token("zzzzzzzz", token) is None  # another survey's form
    assert guard.read_form_token("abcdefgh", token[:-2] + "xx") is None  # forged
    forged = signing.dumps(["abcdefgh", "n"], salt="another.salt")
    assert guard.read_form_token("abcdefgh", forged) is None
    assert guard.read_form_token("abcdefgh", "") is None


def test_it_lets_a_token_expire(monkeypatch):
    token = guard.issue_form_token("abcdefgh")
    monkeypatch.setattr(guard, "_max_age", lambda: -1)  # as if the hours had passed
    assert guard.read_form_token("abcdefgh", token) is None


def test_a_nonce_is_claimed_once():
    assert guard.claim_nonce("n1") is True
    assert guard.claim_nonce("n1") is False
    guard.release_nonce("n1")
    assert guard.claim_nonce("n1") is True


def test_it_says_when_scores_are_due():
    assert [guard.count_answer(7, 3) for _ in range(7)] == [False, False, True] * 2 + [False]
    assert not guard.count_answer(8, 0)
