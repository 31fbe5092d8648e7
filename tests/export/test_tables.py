"""The export's tables, built from small ledgers in memory: what each holds, and what it leaves out."""

from __future__ import annotations

from datetime import date

import pytest

from leadshift.domain.book import Book, Client, Handoff, Profile, StageDates, Teammate
from leadshift.domain.promises import ActionItem, Obstacle
from leadshift.domain.records import (
    RECORD_TYPES,
    EscalationRecord,
    HoursRecord,
    Month,
    OneOnOneRecord,
    PulledRecord,
    TradeOffRecord,
)
from leadshift.domain.terms import HANDOFF_STAGES
from leadshift.export.columns import POINTS_TO, Privacy, field_kind, is_id, is_key
from leadshift.export.pseudonyms import Pseudonyms, ledger_id
from leadshift.export.tables import Selection, book_table_types, export_tables
from leadshift.reports.review import weekly_review
from tests.support.builders import ledger_of

SECRET = b"k" * 32
TODAY = date(2026, 11, 20)
SECRET_NOTE = "Alice-is-interviewing-elsewhere"


def book() -> Book:
    stages = [
        StageDates(stage=s, start=date(2026, 11, 2 + i), end=date(2026, 11, 2 + i))
        for i, s in enumerate(HANDOFF_STAGES)
    ]
    return Book(
        profile=Profile(name="Sam Lee", promoted_on=date(2026, 10, 5)),
        teammates={
            "alice": Teammate(name="Alice Martin", role="Senior consultant", skills=["pricing"]),
            "bob": Teammate(name="Bob Chen"),
        },
        clients={
            "acme": Client(name="Acme Ltd", weight=4, backed_by=["alice"], needs=["negotiation"]),
            "globex": Client(name="Globex", owner="alice"),
        },
        handoffs={"acme": Handoff(teammate="alice", stages=stages)},
        actions={
            "0000000a": ActionItem(teammate="bob", text="Book the training", opened=date(2026, 11, 3), note=SECRET_NOTE)
        },
        obstacles={"0000000b": Obstacle(teammate="alice", text="The expense tool", opened=date(2026, 11, 4))},
    )


RECORDS = [
    HoursRecord(id="00000001", date=date(2026, 11, 9), hours=4, client="acme", note=SECRET_NOTE),
    HoursRecord(id="00000002", date=date(2026, 11, 9), hours=2, activity="coaching", teammate="bob"),
    HoursRecord(id="00000003", date=date(2026, 11, 16), hours=3, client="globex", work="relationship"),
    OneOnOneRecord(id="00000004", date=date(2026, 11, 16), teammate="alice", status="cancelled", because="acme"),
    TradeOffRecord(
        id="00000005",
        date=date(2026, 11, 17),
        client="acme",
        request="A rush deck",
        said_no="one-on-one",
        teammate="bob",
    ),
    EscalationRecord(id="00000006", date=date(2026, 11, 18), teammate="bob", asked_first=True),
    EscalationRecord(id="00000007", date=date(2026, 11, 18), teammate="alice", asked_first=False),
    PulledRecord(
        id="00000008", date=date(2026, 11, 18), teammate="alice", client="acme", hours=2, from_client="globex"
    ),
]


def tables(notes: bool = False, anonymize: bool = False, start: date | None = None, end: date = TODAY):
    selection = Selection(start, end, TODAY, Privacy(notes=notes, pseudonyms=Pseudonyms(SECRET) if anonymize else None))
    return {t.name: t for t in export_tables(ledger_of(book(), RECORDS), selection, ledger_id(SECRET))}


def test_one_table_per_record_type_and_per_table_of_the_book_then_the_weeks() -> None:
    names = list(tables())
    assert names == [
        "teammates",
        "clients",
        "handoffs",
        "actions",
        "obstacles",
        *(c.table for c in RECORD_TYPES),
        "weeks",
    ]
    assert list(tables())[5:-1] == [name for name in Month.model_fields if name != "schema_version"]


def test_a_record_row_holds_its_fields_with_the_kind_of_work_as_the_review_counts_it() -> None:
    hours = tables()["hours"]
    assert [c.name for c in hours.columns] == [
        "ledger",
        "id",
        "date",
        "hours",
        "client",
        "activity",
        "teammate",
        "work",
        "interrupted_by",
        "added",
    ]
    first = hours.rows[0]
    assert first == {
        "ledger": ledger_id(SECRET),
        "id": "00000001",
        "date": "2026-11-09",
        "hours": 4.0,
        "client": "acme",
        "activity": None,
        "teammate": None,
        "work": "delivery",
        "interrupted_by": None,
        "added": None,
    }
    assert hours.key == ("ledger", "id")
    assert {c.name: c.points_to for c in hours.columns if c.points_to} == {
        "client": "clients",
        "teammate": "teammates",
        "interrupted_by": "clients",
    }


def test_notes_and_free_texts_are_left_out_unless_asked_for() -> None:
    plain, noted = tables(), tables(notes=True)
    for name in ("hours", "trade_off", "actions", "obstacles"):
        assert not {"note", "request", "text"} & {c.name for c in plain[name].columns}, name
    assert SECRET_NOTE not in repr(plain)
    assert noted["hours"].rows[0]["note"] == SECRET_NOTE
    assert noted["trade_off"].rows[0]["request"] == "A rush deck"
    assert noted["actions"].rows[0]["text"] == "Book the training"


def test_the_book_tables_are_keyed_and_point_at_clients_and_teammates() -> None:
    made = tables()
    assert made["clients"].key == ("ledger", "key")
    # At least these (a field added to clients later is one column more).
    assert (
        made["clients"].rows[0].items()
        >= {
            "ledger": ledger_id(SECRET),
            "key": "acme",
            "name": "Acme Ltd",
            "owner": "me",
            "needs": ["negotiation"],
            "weight": 4,
            "weekly_hours": 5.0,
            "backed_by": ["alice"],
            "added": None,
            "prospect": False,
        }.items()
    )
    assert not [c for c in made["clients"].columns if c.points_to]  # `me` owns clients and is no teammate
    handoffs = made["handoffs"]
    assert handoffs.key == ("ledger", "client")
    assert {c.name: c.points_to for c in handoffs.columns if c.points_to} == {
        "client": "clients",
        "teammate": "teammates",
    }
    assert handoffs.rows[0]["stages"][0] == {"stage": "prepare", "start": "2026-11-02", "end": "2026-11-02"}
    assert made["actions"].key == ("ledger", "id")
    assert made["actions"].rows[0]["owner"] == "me"  # the fixed word, not a key


def test_dates_select_the_records_but_not_the_book() -> None:
    made = tables(start=date(2026, 11, 16), end=date(2026, 11, 17))
    assert [r["id"] for r in made["hours"].rows] == ["00000003"]
    assert [r["id"] for r in made["trade_off"].rows] == ["00000005"]
    assert made["escalation"].rows == []
    assert len(made["teammates"].rows) == 2


def test_anonymized_keys_and_names_are_stable_pseudonyms_and_references_still_meet() -> None:
    made, again = tables(anonymize=True), tables(anonymize=True)
    assert made == again
    client_keys = [r["key"] for r in made["clients"].rows]
    assert all(k.startswith("client-") and len(k) == 19 for k in client_keys)
    assert [r["name"] for r in made["clients"].rows] == client_keys
    mates = {r["key"] for r in made["teammates"].rows}
    assert all(k.startswith("teammate-") for k in mates)
    assert {r["client"] for r in made["hours"].rows if r["client"]} <= set(client_keys)
    assert {r["teammate"] for r in made["one_on_one"].rows} <= mates
    owners = [r["owner"] for r in made["clients"].rows]
    assert owners.count("me") == 1 and set(owners) - {"me"} <= mates
    assert {k for r in made["clients"].rows for k in r["backed_by"]} <= mates
    text = repr(made)
    for private in (
        "acme",
        "Acme",
        "globex",
        "Globex",
        "alice",
        "Alice",
        "bob",
        "Bob",
        "Senior",
        "pricing",
        "negotiation",
        SECRET_NOTE,
        "Sam",
    ):
        assert private not in text, private


def test_another_secret_gives_other_pseudonyms() -> None:
    assert Pseudonyms(SECRET).of("clients", "acme") != Pseudonyms(b"x" * 32).of("clients", "acme")
    assert Pseudonyms(SECRET).of("clients", "acme") != Pseudonyms(SECRET).of("teammates", "acme")
    assert Pseudonyms(SECRET).of("clients", "me") == "me"
    assert ledger_id(SECRET) != ledger_id(b"x" * 32)


def test_the_weeks_hold_the_reviews_own_figures() -> None:
    weeks = tables()["weeks"]
    assert [r["week"] for r in weeks.rows] == ["2026-W46", "2026-W47"]
    ledger = ledger_of(book(), RECORDS)
    for row in weeks.rows:
        review = weekly_review(ledger, date.fromisoformat(row["start"]), date.fromisoformat(row["end"]), TODAY)
        assert row["hours"] == round(review.hours.total, 4)
        assert row["client_hours"] == round(review.hours.client, 4)
        assert row["delivery_hours"] == round(review.hours.delivery, 4)
        assert row["client_share"] == (None if review.client_share is None else round(review.client_share, 4))
        assert row["one_on_ones_held"] == review.one_on_ones.held
        assert row["one_on_ones_cancelled"] == review.one_on_ones.cancelled
        assert row["escalations"] == review.escalations.total
        assert row["ask_first_rate"] == review.escalations.ask_first_rate
    w47 = weeks.rows[1]
    assert (w47["one_on_ones_cancelled"], w47["escalations"], w47["asked_first"], w47["ask_first_rate"]) == (
        1,
        2,
        1,
        0.5,
    )
    assert weeks.rows[0]["client_share"] == 0.4  # 4 h of delivery on a day of 10


def test_weeks_run_from_the_first_record_to_the_last_within_the_dates_given() -> None:
    assert [r["week"] for r in tables(start=date(2026, 11, 1))["weeks"].rows] == ["2026-W46", "2026-W47"]
    assert [r["week"] for r in tables(end=date(2026, 11, 10))["weeks"].rows] == ["2026-W46"]
    empty = Selection(None, TODAY, TODAY, Privacy(notes=False, pseudonyms=None))
    made = {t.name: t for t in export_tables(ledger_of(book(), []), empty, "x")}
    assert made["weeks"].rows == []


BOOK_MODELS = [model for _, _, model in book_table_types()]


@pytest.mark.parametrize("model", [*RECORD_TYPES, *BOOK_MODELS])
def test_every_key_field_says_which_table_it_points_to(model) -> None:
    # A new field holding a client's or teammate's key must be pseudonymized by --anonymize: name its table.
    for name, field in model.model_fields.items():
        if field_kind(field) in ("key", "keys"):
            assert name in POINTS_TO, f"{model.__name__}.{name}"


def test_a_book_table_keyed_by_free_text_is_not_exported() -> None:
    # What issue 16 keeps for calendar imports: answers remembered by an event's title, text a person wrote.
    from typing import Annotated

    from pydantic import Field

    from leadshift.domain.schema import Key, RecordId

    title = Annotated[str, Field(min_length=1, max_length=500)]
    kept = [is_key(Key), is_id(RecordId), is_key(title), is_id(title)]
    assert kept == [True, True, False, False]
    assert [name for name, _, _ in book_table_types()] == ["teammates", "clients", "handoffs", "actions", "obstacles"]
