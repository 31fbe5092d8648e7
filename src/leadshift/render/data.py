"""The JSON contract: plain data for `--json`, keys documented in the README."""

from __future__ import annotations

import json
from typing import Any

from leadshift.model import AnyRecord, Book


def dumps(data: Any) -> str:
    """Stable, readable JSON: dates as ISO strings, numbers as numbers."""
    return json.dumps(data, indent=2, ensure_ascii=False, default=str)


def teammates_data(book: Book) -> list[dict[str, Any]]:
    return [{"key": key, **t.model_dump(mode="json")} for key, t in sorted(book.teammates.items())]


def clients_data(book: Book) -> list[dict[str, Any]]:
    return [{"key": key, **c.model_dump(mode="json")} for key, c in sorted(book.clients.items())]


def record_data(record: AnyRecord) -> dict[str, Any]:
    fields = record.model_dump(mode="json", exclude={"id", "date", "note", "added"})
    return {"id": record.id, "type": record.kind, "date": record.date.isoformat(), **fields, "note": record.note}


def records_data(records: list[AnyRecord]) -> list[dict[str, Any]]:
    return [record_data(r) for r in records]
