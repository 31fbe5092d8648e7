"""The calendar tests' ledger: the `team` of tests/conftest.py, with the addresses a calendar names."""

from __future__ import annotations

from pathlib import Path
from zoneinfo import ZoneInfo

from leadshift.domain.book import Book, Client, Profile, Teammate

CALENDARS = Path(__file__).resolve().parents[1] / "data" / "calendars"
BERLIN = ZoneInfo("Europe/Berlin")

# What `team` gets to read the test calendars (tests/cli/test_calendar_import.py runs them).
ADDRESSES: tuple[list[str], ...] = (
    ["profile", "--email", "sam@leadco.com"],
    ["teammate", "edit", "alice", "--email", "alice@leadco.com"],
    ["teammate", "edit", "bob", "--email", "bob@leadco.com"],
    ["client", "edit", "acme", "--domain", "acme.com"],
    ["client", "edit", "initech", "--domain", "initech.io"],
    ["client", "edit", "globex", "--domain", "globex.com"],
)


def calendar(name: str) -> bytes:
    return (CALENDARS / f"{name}.ics").read_bytes()


def book() -> Book:
    """Sam leads Alice and Bob; owns Acme (Alice backs it) and Initech; Globex is Alice's."""
    return Book(
        profile=Profile(name="Sam Lee", emails=["sam@leadco.com"]),
        teammates={
            "alice": Teammate(name="Alice Martin", emails=["alice@leadco.com"]),
            "bob": Teammate(name="Bob Chen", emails=["bob@leadco.com"]),
        },
        clients={
            "acme": Client(name="Acme Ltd", domains=["acme.com"], backed_by=["alice"]),
            "initech": Client(name="Initech", domains=["initech.io"]),
            "globex": Client(name="Globex", owner="alice", domains=["globex.com"]),
        },
    )


def ids() -> object:
    """Record ids 00000001, 00000002...: what a proposal is compared with."""
    counter = iter(range(1, 1000))
    return lambda: f"{next(counter):08x}"
