"""Survey link tokens and single-use access codes: made at random, kept only as keyed hashes.

Both use an alphabet without look-alike characters (no 0/O, 1/I/L), so that a code read
off paper and typed on a phone comes out right. 31 symbols × 8 = about 8.5 × 10¹¹
possibilities each; with the per-address rate limit, guessing one is out of reach.
"""

from __future__ import annotations

import re
import secrets

from django.conf import settings
from django.utils.crypto import salted_hmac

TOKEN_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"  # noqa: S105 (an alphabet, not a secret)
CODE_ALPHABET = TOKEN_ALPHABET.upper()
TOKEN_LENGTH = 8
CODE_LENGTH = 8
_NOT_CODE = re.compile(r"[^0-9A-Z]")


def new_token() -> str:
    return "".join(secrets.choice(TOKEN_ALPHABET) for _ in range(TOKEN_LENGTH))


def new_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def normalize_code(raw: str) -> str:
    """What the person typed, as stored: capitals, no spaces or dashes, Thai digits as 0–9."""
    text = str(raw).translate(str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")).upper()
    return _NOT_CODE.sub("", text)[:32]


def spaced(code: str) -> str:
    """ "ABCD-EFGH", the printed form (a dash is ignored when typed back)."""
    return f"{code[:4]}-{code[4:]}" if len(code) == CODE_LENGTH else code


def hash_code(survey_token: str, code: str) -> str:
    """Keyed hash of a code: without the pepper, a copy of the table reveals no code."""
    pepper = settings.OPENITA_SURVEY_CODE_PEPPER
    value = f"{survey_token}:{normalize_code(code)}"
    return salted_hmac("openita.surveys.code", value, secret=pepper, algorithm="sha256").hexdigest()


def survey_url(token: str, code: str | None = None) -> str:
    """The public address of a survey, with a code for a printed slip."""
    url = f"{settings.SITE_URL}/s/{token}/"
    return f"{url}?code={code}" if code else url
