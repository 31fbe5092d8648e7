"""`leadshift log --calendar`: the proposed day as JSON, or as a table of time, event, what it becomes and hours."""

from __future__ import annotations

from typing import Any

from rich.console import Group
from rich.table import Table
from rich.text import Text

from leadshift.calendar.classify import CalendarDay, Proposal, Proposed
from leadshift.calendar.events import Event
from leadshift.domain.records import AnyRecord, HoursRecord, OneOnOneRecord
from leadshift.domain.wording import hours_text, plural
from leadshift.render.data import record_data
from leadshift.render.tables import plain_table
from leadshift.render.text import literal

REASONS = {
    "all-day": "skipped: all day",
    "free": "skipped: shown as free",
    "declined": "skipped: you declined",
    "cancelled": "skipped: cancelled",
    "answered-skip": "skipped, as you said",
    "overlapped": "skipped: its time is counted already",
}


def event_data(event: Event) -> dict[str, Any]:
    return {"uid": event.uid, "title": event.title, "start": event.start.isoformat(), "end": event.end.isoformat()}


def calendar_day_data(day: CalendarDay) -> dict[str, Any]:
    proposal = day.proposal
    return {
        "date": proposal.day.isoformat(),
        "records": [{**record_data(p.record), "event": event_data(p.event)} for p in proposal.records],
        "unclassified": [event_data(e) for e in proposal.unclassified],
        "skipped": [{**event_data(s.event), "reason": s.reason} for s in proposal.skipped],
        "saved": day.saved,
    }


def calendar_day_view(day: CalendarDay) -> Group:
    proposal = day.proposal
    verb = "Saved" if day.saved else "From your calendar"
    table = proposal_table(proposal, title=f"{verb}: {proposal.day}", saved=day.saved)
    return Group(table, summary_line(proposal, day.saved))


def proposal_table(proposal: Proposal, title: str, saved: bool = False) -> Table:
    """One row an event, numbered when it makes records or is to be asked (the numbers a correction names)."""
    table = plain_table("#", "time", "event", "becomes", "hours", title=title, fixed=("#", "time", "hours"))
    for number, (event, records) in enumerate(rows(proposal), 1):
        unknown = Text("left out: not classified" if saved else "? which is it", style="yellow")
        becomes = Text(becomes_text(records)) if records else unknown
        hours = sum(r.hours for r in records if isinstance(r, HoursRecord))
        table.add_row(str(number), time_text(event), literal(event.title), becomes, hours_text(hours) if hours else "")
    for skipped in proposal.skipped:
        reason = REASONS.get(skipped.reason, skipped.reason)
        table.add_row("", time_text(skipped.event), literal(skipped.event.title), reason, "", style="dim")
    return table


def rows(proposal: Proposal) -> list[tuple[Event, list[AnyRecord]]]:
    """Each event that makes records, with them, then each unclassified one, by start."""
    grouped: dict[int, tuple[Event, list[AnyRecord]]] = {}
    for proposed in proposal.records:
        grouped.setdefault(id(proposed.event), (proposed.event, []))[1].append(proposed.record)
    for event in proposal.unclassified:
        grouped[id(event)] = (event, [])
    return sorted(grouped.values(), key=lambda row: (row[0].start, row[0].end, row[0].title))


def becomes_text(records: list[AnyRecord]) -> str:
    """`acme, delivery`; `1:1 held with alice`; `1:1 with bob cancelled (acme)`; `hiring`."""
    for record in records:
        if isinstance(record, OneOnOneRecord):
            because = f" ({record.because})" if record.because else ""
            held = record.status == "held"
            return f"1:1 held with {record.teammate}" if held else f"1:1 with {record.teammate} cancelled{because}"
    record = records[0]
    assert isinstance(record, HoursRecord)
    return f"{record.client}, {record.client_work}" if record.client else str(record.activity)


def time_text(event: Event) -> str:
    return "all day" if event.all_day else f"{event.start:%H:%M}-{event.end:%H:%M}"


def summary_line(proposal: Proposal, saved: bool) -> Text:
    hours = sum(p.record.hours for p in proposal.records if isinstance(p.record, HoursRecord))
    parts = [f"{hours_text(hours)} h in {plural(len(proposal.records), 'record')}"]
    if proposal.unclassified:
        left = "left out" if saved else "to ask about"
        parts.append(f"{plural(len(proposal.unclassified), 'event')} {left}")
    parts.append(f"{len(proposal.skipped)} skipped")
    return Text("; ".join(parts) + ".")


def proposed_events(records: tuple[Proposed, ...]) -> list[Event]:
    """The events that make records, each once, in order."""
    return list({id(p.event): p.event for p in records}.values())
