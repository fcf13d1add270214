"""Fixtures of the workspace service tests: a filled set, a submitted one, next year."""

from __future__ import annotations

from typing import Any

import pytest

from openita.disclosure import services
from openita.disclosure.models import (
    ResponseSet,
)
from openita.frameworks import schema
from openita.frameworks import services as frameworks
from tests.conftest import FIXTURES
from tests.disclosure.helpers import (
    PDF,
    SITE,
    approve_all,
    item,
)


@pytest.fixture
def filled(response_set_a: ResponseSet, coordinator: Any) -> ResponseSet:
    """Agency A's set with an answer, a link and a file on O1: what a refusal must not lose."""
    o1 = item(response_set_a, "O1")
    services.update_item(
        o1, by=coordinator, version=o1.version, explanation="แผนผังโครงสร้าง", element_checks=[0]
    )
    services.add_link(item(response_set_a, "O1"), by=coordinator, url=f"{SITE}/structure")
    services.add_file(item(response_set_a, "O1"), by=coordinator, name="structure.pdf", content=PDF)
    return response_set_a


@pytest.fixture
def submitted(filled: ResponseSet, coordinator: Any) -> ResponseSet:
    approve_all(filled, coordinator)
    services.submit(filled, by=coordinator)
    return filled


@pytest.fixture
def next_fw(mini: Any) -> Any:
    """mini-2567: O1 continues 01, O2 merges O7 and O31, O3 is new, O4 continues O28."""
    fw, _ = frameworks.install(
        schema.load_yaml(FIXTURES / "mini-2567.yaml"), source="mini", by=None
    )
    return fw
