"""The changes `undo` and `redo` work on: what each did, in one line, and how they are listed (pure)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from typing import Any, NamedTuple

from pydantic import BaseModel

from leadshift.domain.book import Book
from leadshift.domain.promises import ActionItem, Promise
from leadshift.domain.records import (
    AnyRecord,
    EscalationRecord,
    HoursRecord,
    Month,
    OneOnOneRecord,
    PulledRecord,
    TradeOffRecord,
)
from leadshift.domain.wording import hours_text

SHOWN = 3  # changes named in a summary; the rest are counted


class Change(NamedTuple):
    """One change in the journal, as `leadshift undo --list` shows it."""

    id: int
    at: datetime
    command: str  # `log client`, `handoff advance`
    summary: str
    undone: bool


class History(NamedTuple):
    """The changes that can be undone or redone, newest first."""

    changes: list[Change]


class Reverted(NamedTuple):
    """What `undo` took back, or `redo` put back."""

    change: Change
    redone: bool = False


def record_phrase(record: AnyRecord) -> str:
    """`2 h client work for brightwave on 2026-12-07 (a9ea86ae)`."""
    if isinstance(record, HoursRecord):
        work = "client" if record.client_work in (None, "delivery") else record.client_work
        what = f"{work} work for {record.client}" if record.client else f"{record.activity}"
        with_whom = f" with {record.teammate}" if record.teammate else ""
        text = f"{hours_text(record.hours)} h {what}{with_whom}"
    elif isinstance(record, OneOnOneRecord):
        because = f" for {record.because}" if record.because else ""
        text = f"1:1 with {record.teammate} {record.status}{because}"
    elif isinstance(record, TradeOffRecord):
        text = f"yes to {record.client}, no to {record.said_no}"
    elif isinstance(record, EscalationRecord):
        asked = "asked" if record.asked_first else "did not ask"
        text = f"escalation from {record.teammate} ({asked} for their solution)"
    elif isinstance(record, PulledRecord):
        paid = f" from {record.from_client}" if record.from_client else ""
        text = f"{hours_text(record.hours)} h of {record.teammate} pulled onto {record.client}{paid}"
    return f"{text} on {record.date} ({record.id})"


def summarize(before: Book, after: Book, months_before: Mapping[str, Month], months_after: Mapping[str, Month]) -> str:
    """What changed from `before` to `after`, for the months given: `added teammate zed; removed 1 h ...`."""
    parts = [*_book_changes(before, after)]
    for key in sorted(set(months_before) | set(months_after)):
        parts.extend(_record_changes(months_before.get(key) or Month(), months_after.get(key) or Month()))
    parts += _promise_changes(before, after)  # after the records: a 1:1 comes before the items agreed in it
    if not parts:
        return "upgraded the ledger's files" if before.schema_version != after.schema_version else "no change"
    more = len(parts) - SHOWN
    return "; ".join(parts[:SHOWN]) + (f"; and {more} more" if more > 0 else "")


def _record_changes(before: Month, after: Month) -> list[str]:
    old = {r.id: r for r in before.records()}
    new = {r.id: r for r in after.records()}
    changes = [f"added {record_phrase(r)}" for i, r in new.items() if i not in old]
    changes += [f"removed {record_phrase(r)}" for i, r in old.items() if i not in new]
    changes += [f"changed {record_phrase(r)}" for i, r in new.items() if i in old and old[i] != r]
    return changes


def _book_changes(before: Book, after: Book) -> list[str]:
    changes = [f"profile: {field}" for field in _fields_changed(before.profile, after.profile)]
    for section, word in (("teammates", "teammate"), ("clients", "client"), ("handoffs", "handoff of")):
        old: dict[str, Any] = getattr(before, section)
        new: dict[str, Any] = getattr(after, section)
        changes += [f"added {word} {key}" for key in new if key not in old]
        changes += [f"removed {word} {key}" for key in old if key not in new]
        for key in (k for k in new if k in old and old[k] != new[k]):
            changes.append(f"{word} {key}: {', '.join(_fields_changed(old[key], new[key]))}")
    if (before.remembered_series, before.remembered_titles) != (after.remembered_series, after.remembered_titles):
        changes.append("remembered what calendar events are")  # `log --calendar`'s answers, saved with the day
    return changes


def _promise_changes(before: Book, after: Book) -> list[str]:
    """`added action item 1a2b3c4d with priya (yours, due 2026-12-10)`: never the item's text or note (private)."""
    changes = []
    for table in ("actions", "obstacles"):
        old: dict[str, Promise] = getattr(before, table)
        new: dict[str, Promise] = getattr(after, table)
        for key, item in new.items():
            was = old.get(key)
            verb = (
                "added"
                if was is None
                else "closed"
                if was.done is None and item.done is not None
                else "reopened"
                if was.done is not None and item.done is None
                else "changed"
            )
            if was != item:
                changes.append(f"{verb} {promise_phrase(key, item)}")
        changes += [f"removed {promise_phrase(key, item)}" for key, item in old.items() if key not in new]
    return changes


def promise_phrase(key: str, item: Promise) -> str:
    """`action item 1a2b3c4d with priya (yours, due 2026-12-10)`, `obstacle 5e6f7a8b raised by marcus`."""
    if isinstance(item, ActionItem):
        due = f", due {item.due}" if item.due else ""
        return f"action item {key} with {item.teammate} ({'yours' if item.owner == 'me' else 'theirs'}{due})"
    return f"obstacle {key} raised by {item.teammate}"


def _fields_changed(old: BaseModel, new: BaseModel) -> list[str]:
    """`stage shadow -> co-lead` for each field that differs (a list or table by its name alone)."""
    changed = []
    for name in type(old).model_fields:
        was, now = getattr(old, name), getattr(new, name)
        if was != now:
            simple = isinstance(now, str | int | float | date) or now is None
            label = name.replace("_", " ")
            changed.append(f"{label} {_shown(was)} -> {_shown(now)}" if simple else label)
    return changed


def _shown(value: object) -> str:
    if isinstance(value, float):
        return f"{value:g}"  # 20, 0.4: as typed, not 20.0
    return "none" if value is None else str(value)
