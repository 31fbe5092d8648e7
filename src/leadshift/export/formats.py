"""The tables as the bytes of a file: CSV, JSON Lines or an SQLite database (pure: built in memory).

CSV is one table a file, and what a spreadsheet is opened for is the diary: so the CSV holds the
records, one row each, oldest first, with a `type` column and the columns of every record type (a
column a type lacks is empty). The book's tables and the weeks are in the other two formats.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the command line reads FORMATS for its help: no ledger model, no sqlite3 for that
    from leadshift.export.tables import Table

FORMATS = ("csv", "jsonl", "sqlite")
EXTENSIONS = {".csv": "csv", ".jsonl": "jsonl", ".sqlite": "sqlite", ".db": "sqlite"}


def format_of(name: str) -> str | None:
    """The format a file name's extension stands for (None: none of them)."""
    dot = name.rfind(".")
    return EXTENSIONS.get(name[dot:].lower()) if dot > 0 else None


def encode(kind: str, tables: list[Table]) -> bytes:
    return {"csv": to_csv, "jsonl": to_jsonl, "sqlite": to_sqlite}[kind](tables)


def to_jsonl(tables: list[Table]) -> bytes:
    """Every row of every table, one JSON object a line, its `type` first."""
    lines = [_json({"type": table.row_type, **row}) for table in tables for row in table.rows]
    return "".join(f"{line}\n" for line in lines).encode()


def to_csv(tables: list[Table]) -> bytes:
    import csv

    from leadshift.export.tables import LAST_FIELDS

    records = [t for t in tables if t.records]
    columns = list(dict.fromkeys(c.name for t in records for c in t.columns))
    # What every record has closes the row, as in each table: a type's own columns never come after them.
    header = ["type", *(c for c in columns if c not in LAST_FIELDS), *(c for c in LAST_FIELDS if c in columns)]
    rows = [{"type": t.row_type, **row} for t in records for row in t.rows]
    rows.sort(key=lambda row: (row["date"], row.get("added") or ""))  # the diary, as `show` lists it
    out = _Collected()
    writer = csv.writer(out, lineterminator="\r\n")  # RFC 4180, as spreadsheets expect
    writer.writerow(header)
    writer.writerows([_csv_cell(row.get(name)) for name in header] for row in rows)
    return "".join(out.parts).encode()


def to_sqlite(tables: list[Table]) -> bytes:
    """A database with a table each, primary and foreign keys declared, and every key checked as it goes in."""
    import sqlite3

    db = sqlite3.connect(":memory:")
    try:
        db.execute("PRAGMA foreign_keys = ON")  # tables come referenced first: a broken key fails here
        for table in tables:
            db.execute(_create(table))
            names = [c.name for c in table.columns]
            insert = f"INSERT INTO {_quoted(table.name)} VALUES ({', '.join('?' * len(names))})"
            db.executemany(insert, ([_sql_cell(row[name]) for name in names] for row in table.rows))
        db.commit()
        return db.serialize()
    finally:
        db.close()


def _create(table: Table) -> str:
    columns = [f"{_quoted(c.name)} {c.sql_type}" for c in table.columns]
    columns.append(f"PRIMARY KEY ({', '.join(map(_quoted, table.key))})")
    # With the ledger in every key, merged exports of several leaders keep their own clients and teammates.
    columns += [
        f'FOREIGN KEY ("ledger", {_quoted(c.name)}) REFERENCES {_quoted(c.points_to)} ("ledger", "key")'
        for c in table.columns
        if c.points_to
    ]
    return f"CREATE TABLE {_quoted(table.name)} (\n  " + ",\n  ".join(columns) + "\n)"


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _json(value: Any) -> str:
    import json  # here, not at the top: `--help` imports this module for its formats

    return json.dumps(value, ensure_ascii=False)


def _sql_cell(value: Any) -> Any:
    """Lists and small records as JSON text (Datasette and sqlite-utils read it as JSON)."""
    return _json(value) if isinstance(value, (list, dict)) else value


def _csv_cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, (bool, list, dict)):
        return _json(value)
    return value


class _Collected:
    """What the csv writer writes, kept in memory."""

    def __init__(self) -> None:
        self.parts: list[str] = []

    def write(self, text: str) -> None:
        self.parts.append(text)
