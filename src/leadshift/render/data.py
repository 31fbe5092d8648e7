"""The JSON contract: what `--json` prints for each result, keys documented in docs/json.md."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import fields, is_dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from leadshift.domain.results import VIEW_ONLY

if TYPE_CHECKING:
    from leadshift.domain.book import Teammate
    from leadshift.domain.records import AnyRecord
    from leadshift.reports.listing import ClientList, Departure, RecordList, Team


def plain(value: Any) -> Any:
    """A result as JSON-ready data: dataclasses as objects, dates as ISO strings, floats to 4 decimals.

    A dataclass field made with `view_only()` (domain/results.py) is left out.
    """
    if is_dataclass(value) and not isinstance(value, type):
        return {f.name: plain(getattr(value, f.name)) for f in fields(value) if not f.metadata.get(VIEW_ONLY)}
    if isinstance(value, Mapping):
        return {key: plain(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(item) for item in value]
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float):
        return round(value, 4)  # 0.5538, not 0.5538461538461539
    return value


def dumps(data: Any) -> str:
    """Stable, readable JSON: dates as ISO strings, numbers as numbers."""
    return json.dumps(data, indent=2, ensure_ascii=False, default=str)


def team_data(team: Team) -> list[dict[str, Any]]:
    return [teammate_data(key, t) for key, t in sorted(team.teammates.items())]


def teammate_data(key: str, teammate: Teammate) -> dict[str, Any]:
    return {"key": key, **teammate.model_dump(mode="json")}


def departure_data(departure: Departure) -> dict[str, Any]:
    return teammate_data(departure.key, departure.teammate)


def clients_data(clients: ClientList) -> list[dict[str, Any]]:
    return [{"key": key, **c.model_dump(mode="json")} for key, c in sorted(clients.clients.items())]


# Keys hours records gained in schema 4: after the older ones, so that those keep their places.
_NEWER_HOURS_KEYS = {"work", "interrupted_by"}


def record_data(record: AnyRecord) -> dict[str, Any]:
    fields = record.model_dump(mode="json", exclude={"id", "date", "note", "added", *_NEWER_HOURS_KEYS})
    data = {"id": record.id, "type": record.kind, "date": record.date.isoformat(), **fields, "note": record.note}
    if record.kind == "hours":
        # The kind of client work as it counts (a record without one is delivery); null for leadership hours.
        data |= {"work": record.client_work, "interrupted_by": record.interrupted_by}  # type: ignore[union-attr]
    return data


def records_data(listed: RecordList) -> list[dict[str, Any]]:
    return [record_data(r) for r in listed.records]
