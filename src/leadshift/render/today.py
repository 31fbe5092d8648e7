"""`leadshift today`: the day so far, in a few lines, and its --json."""

from __future__ import annotations

from typing import Any

from rich.text import Text

from leadshift.domain.wording import and_list, hours_text, over_limit, percent_text, plural
from leadshift.render.data import plain
from leadshift.render.lines import Lines
from leadshift.render.text import literal
from leadshift.reports.today import Meeting, Today


def today_data(day: Today) -> dict[str, Any]:
    totals = day.totals
    return plain(
        {
            "date": totals.day,
            "hours": totals.hours,
            "workday_hours": totals.workday,
            "delivery_hours": totals.delivery,
            "client_share": totals.client_share,
            "limit": totals.limit,
            "limit_hours": day.limit_hours,
            "left_before_limit": day.left_before_limit,
            "clients": [c._asdict() for c in day.clients],
            "activities": [a._asdict() for a in day.activities],
            "one_on_ones": [m._asdict() for m in day.one_on_ones],
            "escalations": day.escalations,
            "yeses": day.yeses,
        }
    )


def today_view(day: Today) -> Lines:
    """Five lines at most: the day's hours, delivery against the limit, then where the hours went."""
    totals = day.totals
    if not (totals.hours or day.one_on_ones or day.escalations or day.yeses):
        return Lines(f"Nothing logged for {totals.day} yet: `leadshift log` walks you through the day.")
    lines: list[str | Text] = [
        f"{totals.day}: {hours_text(totals.hours)} h logged of your {hours_text(totals.workday)} h workday."
    ]
    if totals.client_share is not None:
        over = over_limit(totals.client_share, totals.limit)
        if over:
            left = "over your limit: hand the rest to your team."
        elif not day.left_before_limit:
            left = "at your limit: hand the rest to your team."
        else:
            left = f"{hours_text(day.left_before_limit)} h left within it."
        lines.append(
            Text("Client delivery: ")
            .append(
                f"{hours_text(totals.delivery)} h, {percent_text(totals.client_share)}",
                style="red" if over else "green",
            )
            .append(
                f" of your workday (your limit {percent_text(totals.limit)}: {hours_text(day.limit_hours)} h); {left}"
            )
        )
    if day.clients:
        lines.append(_listed("Clients: ", [f"{c.name} {hours_text(c.hours)} h ({c.work})" for c in day.clients]))
    if day.activities:
        lines.append(_listed("Leading: ", [f"{a.activity} {hours_text(a.hours)} h" for a in day.activities]))
    if day.one_on_ones:
        lines.append(_listed("1:1s: ", [_meeting(m) for m in day.one_on_ones]))
    said = [plural(day.escalations, "escalation")] if day.escalations else []
    if day.yeses:
        said.append(f"{day.yeses} {'yes' if day.yeses == 1 else 'yeses'} to clients")
    if said:
        lines.append(f"Also: {and_list(said)}.")
    return Lines(*lines)


def _listed(label: str, items: list[str]) -> Text:
    return Text(label).append_text(literal(and_list(items))).append(".")


def _meeting(meeting: Meeting) -> str:
    because = f" for {meeting.because_name}" if meeting.because_name else ""
    return f"{meeting.name} {meeting.status}{because}"
