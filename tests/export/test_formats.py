"""The tables as CSV, JSON Lines and SQLite bytes: each read back as a program reading the file would."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from collections import Counter

import pytest

from leadshift.export.columns import Privacy
from leadshift.export.formats import FORMATS, encode, format_of
from leadshift.export.pseudonyms import Pseudonyms, ledger_id
from leadshift.export.tables import Selection, export_tables
from tests.export.test_tables import RECORDS, SECRET, TODAY, book
from tests.support.builders import ledger_of

RECORD_TYPES = Counter({"hours": 3, "one-on-one": 1, "trade-off": 1, "escalation": 2, "pulled": 1})


def tables(anonymize: bool = False):
    privacy = Privacy(notes=False, pseudonyms=Pseudonyms(SECRET) if anonymize else None)
    return export_tables(ledger_of(book(), RECORDS), Selection(None, TODAY, TODAY, privacy), ledger_id(SECRET))


def database(data: bytes) -> sqlite3.Connection:
    connection = sqlite3.connect(":memory:")
    connection.deserialize(data)
    return connection


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("me.csv", "csv"),
        ("me.JSONL", "jsonl"),
        ("me.sqlite", "sqlite"),
        ("me.db", "sqlite"),
        ("me.xlsx", None),
        ("me", None),
    ],
)
def test_the_format_follows_the_extension(name: str, expected: str | None) -> None:
    assert format_of(name) == expected
    assert set(FORMATS) == {"csv", "jsonl", "sqlite"}


def test_the_csv_has_a_row_per_record_with_its_type_and_every_records_columns() -> None:
    rows = list(csv.DictReader(io.StringIO(encode("csv", tables()).decode())))
    assert Counter(r["type"] for r in rows) == RECORD_TYPES
    header = list(rows[0])
    assert header[:4] == ["type", "ledger", "id", "date"]
    assert {"hours", "client", "status", "asked_first", "from_client", "said_no"} <= set(header)
    assert header[-1] == "added"  # what every record has comes last (notes are left out here)
    assert [r["date"] for r in rows] == sorted(r["date"] for r in rows)  # one diary, oldest first
    cancelled = next(r for r in rows if r["type"] == "one-on-one")
    assert (cancelled["status"], cancelled["because"], cancelled["hours"]) == ("cancelled", "acme", "")
    asked = [r["asked_first"] for r in rows if r["type"] == "escalation"]
    assert sorted(asked) == ["false", "true"]  # as JSON writes them, not Python's True


def test_json_lines_hold_every_table_one_object_a_line_with_its_type() -> None:
    lines = [json.loads(line) for line in encode("jsonl", tables()).decode().splitlines()]
    types = Counter(line["type"] for line in lines)
    assert {t: types[t] for t in RECORD_TYPES} == RECORD_TYPES
    assert (types["teammate"], types["client"], types["handoff"], types["week"]) == (2, 2, 1, 2)
    assert list(lines[0])[:2] == ["type", "ledger"]
    client = next(line for line in lines if line["type"] == "client")
    assert client["backed_by"] == ["alice"]


def test_the_database_has_a_table_each_with_keys_and_foreign_keys_that_hold() -> None:
    db = database(encode("sqlite", tables()))
    names = {row[0] for row in db.execute("select name from sqlite_master where type = 'table'")}
    assert names == {
        "teammates",
        "clients",
        "handoffs",
        "actions",
        "obstacles",
        "hours",
        "one_on_one",
        "trade_off",
        "escalation",
        "pulled",
        "weeks",
    }
    assert db.execute("pragma foreign_key_check").fetchall() == []
    keys = [row[1] for row in db.execute("pragma table_info(hours)") if row[5]]
    assert keys == ["ledger", "id"]
    foreign = {(row[2], row[3], row[4]) for row in db.execute("pragma foreign_key_list(pulled)")}
    assert foreign >= {
        ("teammates", "teammate", "key"),
        ("clients", "client", "key"),
        ("clients", "from_client", "key"),
    }
    assert db.execute("select count(*) from escalation").fetchone() == (2,)
    assert db.execute("select backed_by from clients where key = 'acme'").fetchone() == ('["alice"]',)
    assert db.execute("select typeof(asked_first), typeof(hours) from escalation, hours limit 1").fetchone() == (
        "integer",
        "real",
    )


def test_a_broken_reference_would_be_caught_by_the_foreign_keys() -> None:
    db = database(encode("sqlite", tables()))
    db.execute("update hours set client = 'nobody' where client = 'acme'")
    assert db.execute("pragma foreign_key_check(hours)").fetchall()


def test_an_anonymized_database_still_joins() -> None:
    db = database(encode("sqlite", tables(anonymize=True)))
    assert db.execute("pragma foreign_key_check").fetchall() == []
    joined = db.execute(
        "select count(*) from hours join clients using (ledger) where hours.client = clients.key"
    ).fetchone()
    assert joined == (2,)
