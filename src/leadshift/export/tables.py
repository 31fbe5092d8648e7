"""The tables of an export (pure): the book's tables, one per record type, and the weeks.

Every table is read from the models (Book's tables, Month's tables), so a table or a record type
added to the ledger is exported without this file changing. Every row carries the ledger's id:
exports of several leaders merged into one file keep their rows, keys and weeks apart.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, get_args, get_origin

from pydantic import BaseModel

from leadshift.domain.book import Book
from leadshift.domain.ledger import Ledger
from leadshift.domain.records import AnyRecord, HoursRecord, Month, Record
from leadshift.export.columns import POINTS_TO, Column, Privacy, column, exported, is_id, is_key, model_cells
from leadshift.export.weeks import COLUMNS as WEEK_COLUMNS
from leadshift.export.weeks import week_rows

LEDGER = Column("ledger")
KEY_COLUMNS = {"handoffs": "client"}  # a book table keyed by another table's key names its column after it
# A record's own fields come after its id and date, and the fields every record has close the row (as in `show`).
LAST_FIELDS = [name for name in Record.model_fields if name not in ("id", "date")]


@dataclass(frozen=True)
class Selection:
    """What `leadshift export` was asked for."""

    start: date | None  # --from; None: from the first record
    end: date  # --to
    today: date
    privacy: Privacy


@dataclass(frozen=True)
class Table:
    name: str  # as in ledger.toml or a month file: `clients`, `one_on_one`
    row_type: str  # the `type` of its rows in CSV and JSON Lines: a record's type as `show --json` has it
    key: tuple[str, ...]  # its primary key
    columns: list[Column]
    rows: list[dict[str, Any]]
    records: bool = False  # a table of the month files (the CSV holds only these)


def export_tables(ledger: Ledger, selection: Selection, ledger_id: str) -> list[Table]:
    records = ledger.records(selection.start, selection.end)
    weeks = week_rows(ledger, records[0].date, records[-1].date, selection.today, ledger_id) if records else []
    return [
        *book_tables(ledger.book, selection.privacy, ledger_id),
        *record_tables(records, selection.privacy, ledger_id),
        Table("weeks", "week", ("ledger", "week"), WEEK_COLUMNS, weeks),
    ]


def book_tables(book: Book, privacy: Privacy, ledger_id: str) -> list[Table]:
    """A table for each table of ledger.toml (teammates, clients, handoffs...), keyed as there."""
    tables = []
    for name, key_type, model in book_table_types():
        key_column = KEY_COLUMNS.get(name, "key" if is_key(key_type) else "id")
        keyed_by = name if key_column == "key" else POINTS_TO.get(key_column)  # whose keys the key column holds
        columns = [
            LEDGER,
            Column(key_column, points_to=keyed_by if key_column in POINTS_TO else None),
            *(column(n, f) for n, f in model.model_fields.items() if exported(n, f, privacy)),
        ]
        rows = []
        for key, item in getattr(book, name).items():
            shown = privacy.pseudonyms.of(keyed_by, key) if privacy.pseudonyms and keyed_by else key
            named_by = shown if privacy.pseudonyms and key_column == "key" else None  # a name becomes its pseudonym
            rows.append({"ledger": ledger_id, key_column: shown, **model_cells(item, privacy, named_by)})
        # In key order, as shown: pseudonyms in the order of real keys would tell something about them.
        rows.sort(key=lambda row: row[key_column])
        tables.append(Table(name, name.removesuffix("s"), ("ledger", key_column), columns, rows))
    return tables


def book_table_types() -> list[tuple[str, Any, type[BaseModel]]]:
    """The tables of ledger.toml that are exported: (name, type of its keys, model of its rows).

    Only tables of things the ledger names by a key or an id: the profile and the schema version are
    about the file, and a table keyed by text a person wrote (a calendar event's title) would put that
    text in the export whatever --include-notes and --anonymize say.
    """
    found = []
    for name, field in Book.model_fields.items():
        if get_origin(field.annotation) is dict:
            key_type, model = get_args(field.annotation)
            if is_key(key_type) or is_id(key_type):
                found.append((name, key_type, model))
    return found


def record_tables(records: list[AnyRecord], privacy: Privacy, ledger_id: str) -> list[Table]:
    """A table for each table of the month files (hours, one_on_one...), its records oldest first."""
    tables = []
    for name, field in Month.model_fields.items():
        if get_origin(field.annotation) is not list:
            continue
        (kind,) = get_args(field.annotation)
        order = [n for n in kind.model_fields if n not in LAST_FIELDS] + LAST_FIELDS
        fields = {n: kind.model_fields[n] for n in order if exported(n, kind.model_fields[n], privacy)}
        rows = [{"ledger": ledger_id, **_record_cells(r, fields, privacy)} for r in records if type(r) is kind]
        columns = [LEDGER, *(column(n, f) for n, f in fields.items())]
        tables.append(Table(name, kind.kind, ("ledger", "id"), columns, rows, records=True))
    return tables


def _record_cells(record: AnyRecord, fields: dict[str, Any], privacy: Privacy) -> dict[str, Any]:
    cells = model_cells(record, privacy)
    if isinstance(record, HoursRecord):
        cells["work"] = record.client_work  # as the review counts it: client hours without a kind are delivery
    return {name: cells[name] for name in fields}
