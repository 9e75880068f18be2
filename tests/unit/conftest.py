"""The unit tier: no spaCy model (hand-made Docs, plain data), the whole folder under 15 s (`make test-fast`)."""

from __future__ import annotations

import pytest

NO_MODEL = "tests/unit never loads the spaCy model: put a test that needs it in tests/model"


@pytest.fixture(scope="session")
def nlp():
    pytest.fail(NO_MODEL, pytrace=False)


@pytest.fixture(scope="session")
def seed_analysis():
    pytest.fail(NO_MODEL, pytrace=False)
