"""Action items and obstacles: their `--json`, their tables, and what `add` and `done` print."""

from __future__ import annotations

from datetime import date
from typing import Any

from rich.console import RenderableType
from rich.text import Text

from leadshift.domain.promise_changes import LABELS, Kept
from leadshift.domain.promises import ActionItem, Obstacle
from leadshift.domain.wording import plural
from leadshift.render.lines import Lines
from leadshift.render.tables import plain_table
from leadshift.render.text import literal
from leadshift.reports.owed import ActionList, ObstacleList, age

OWES = {"me": "you", "them": "they"}


def actions_data(listed: ActionList) -> list[dict[str, Any]]:
    return [
        {
            "id": row.id,
            "teammate": row.item.teammate,
            "text": row.item.text,
            "owner": row.item.owner,
            "due": _day(row.item.due),
            "opened": row.item.opened.isoformat(),
            "done": _day(row.item.done),
            "note": row.item.note,
            "overdue": row.overdue,
        }
        for row in listed.rows
    ]


def obstacles_data(listed: ObstacleList) -> list[dict[str, Any]]:
    return [
        {
            "id": row.id,
            "teammate": row.item.teammate,
            "text": row.item.text,
            "opened": row.item.opened.isoformat(),
            "done": _day(row.item.done),
            "age_days": row.age_days,
            "note": row.item.note,
        }
        for row in listed.rows
    ]


def _day(day: date | None) -> str | None:
    return day.isoformat() if day is not None else None


def actions_view(listed: ActionList) -> RenderableType:
    if not listed.rows:
        return _none("action item", listed.teammate, listed.every, 'leadshift action add TEAMMATE "TEXT"')
    columns = ["id", "with", "owes", "due", "opened", *(["done"] if listed.every else []), "what"]
    table = plain_table(*columns, title=_title("Action items", listed.every), fixed=("id", "due", "opened", "done"))
    for row in listed.rows:
        item = row.item
        owes = Text(f"{OWES[item.owner]}, late", style="red") if row.overdue else OWES[item.owner]
        cells = [literal(row.id), literal(row.name), owes, str(item.due or ""), str(item.opened)]
        table.add_row(*cells, *([str(item.done or "")] if listed.every else []), _what(item.text, item.note))
    return table


def obstacles_view(listed: ObstacleList) -> RenderableType:
    if not listed.rows:
        return _none("obstacle", listed.teammate, listed.every, 'leadshift obstacle add TEAMMATE "TEXT"')
    columns = ["id", "raised by", "opened", "age", *(["done"] if listed.every else []), "what"]
    table = plain_table(*columns, title=_title("Obstacles", listed.every), fixed=("id", "opened", "age", "done"))
    for row in listed.rows:
        item = row.item
        cells = [literal(row.id), literal(row.name), str(item.opened), f"{row.age_days}d"]
        table.add_row(*cells, *([str(item.done or "")] if listed.every else []), _what(item.text, item.note))
    return table


def kept_view(kept: Kept) -> Lines:
    """`Added action item 1a2b3c4d with Priya Nair: yours, due 2026-11-27.`"""
    return Lines(kept_line(kept))


def kept_line(kept: Kept) -> Text:
    item, label = kept.item, LABELS[kept.table]
    if item.done is not None:
        text = Text(f"Closed {label} {kept.id} ").append_text(_whose(kept))
        if isinstance(item, Obstacle):  # when they raised it, and how long they waited on you
            text.append(f" on {item.opened}: done on {item.done}, after {plural(age(item, item.done), 'day')}")
        else:
            text.append(f": done on {item.done}")
        return text.append(".")
    text = Text(f"Added {label} {kept.id} ").append_text(_whose(kept))
    if isinstance(item, ActionItem):
        text.append(f": {'yours' if item.owner == 'me' else 'theirs'}" + (f", due {item.due}" if item.due else ""))
    return text.append(f". Close it with `leadshift {label.split()[0]} done {kept.id}`.")


def _whose(kept: Kept) -> Text:
    return Text("with " if kept.table == "actions" else "raised by ").append_text(literal(kept.name))


def _what(text: str, note: str) -> Text:
    shown = literal(text)
    return shown.append_text(literal(f" ({note})", "dim")) if note else shown


def _title(what: str, every: bool) -> str:
    return f"{what}, open and done" if every else f"Open {what.lower()}"


def _none(label: str, teammate: str | None, every: bool, add: str) -> Lines:
    which = f"{label}s" if every else f"open {label}s"
    with_whom = f" with {teammate}" if teammate else ""
    return Lines(f"No {which}{with_whom}. Add one with `{add}`.")
