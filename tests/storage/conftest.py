"""The `store` fixture of the storage tests: a real ledger on disk."""

from __future__ import annotations

from pathlib import Path

import pytest

from leadshift.storage.store import Store
from tests.support.stores import sample_store


@pytest.fixture
def store(ledger_home: Path) -> Store:
    """A ledger with a book and one record in October and one in November 2026."""
    return sample_store(ledger_home)
