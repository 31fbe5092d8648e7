"""What the commands that write records print: each record written or removed, and the day's hours."""

from __future__ import annotations

from rich.text import Text

from leadshift.domain.records import OneOnOneRecord
from leadshift.domain.wording import hours_text, over_limit, percent_text, plural
from leadshift.render.lines import Lines
from leadshift.render.tables import summary
from leadshift.render.text import literal
from leadshift.reports.day import DayTotals
from leadshift.reports.receipts import DaySaved, Logged, Removed


def logged_view(logged: Logged) -> Lines:
    lines = [Text("Logged ").append_text(summary(record)) for record in logged.records]
    if (already := logged.already_logged) is not None:  # logged before the yes: writing another would count it twice
        lines.append(
            Text(
                f"The 1:1 with {already.teammate} on {already.date} was already logged ({already.id}, "
                f"{already.status}); not logged twice."
            )
        )
    if logged.day is not None:
        lines.append(day_line(logged.day))
    return Lines(*lines)


def also_logged_note(other: OneOnOneRecord, name: str) -> Text:
    """The warning for a 1:1 logged the same day with another outcome: both may be true, so both are kept."""
    return (
        Text("Note: a 1:1 with ", style="yellow")
        .append_text(literal(name))
        .append(f" on {other.date} is also logged as {other.status} (id {other.id}); ")
        .append(f"if that one is wrong, `leadshift remove {other.id}`.")
    )


def day_saved_view(saved: DaySaved) -> Lines:
    items = f" and {plural(saved.actions, 'action item')}" if saved.actions else ""
    return Lines(f"Saved {plural(saved.count, 'record')}{items}.", day_line(saved.day))


def removed_view(removed: Removed) -> Lines:
    return Lines(Text("Removed ").append_text(summary(removed.record)))


def day_line(day: DayTotals) -> Text:
    """`2026-11-20: 6.5 h logged; client delivery 2.5 h, 25% of your 10 h workday (your limit 40%).`

    Coloured by the limit, measured as the review measures it: delivery over the whole workday.
    """
    text = Text(f"{day.day}: {hours_text(day.hours)} h logged")
    if day.client_share is not None:
        over = over_limit(day.client_share, day.limit)
        share = f"client delivery {hours_text(day.delivery)} h, {percent_text(day.client_share)}"
        text.append("; ").append(share, style="red" if over else "green")
        text.append(f" of your {hours_text(day.workday)} h workday (your limit {percent_text(day.limit)})")
    return text.append(".")
