"""The say-no report on a terminal: what was said no to, what it cost, and what to do about it."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from leadshift.domain.wording import hours_text, percent_text, plural
from leadshift.render.tables import plain_table
from leadshift.render.text import literal
from leadshift.reports.said_no import (
    Implied,
    InterviewCancelled,
    LeadershipDisplaced,
    OneOnOneLost,
    OneOnOneOverdue,
    SaidNoReport,
    TradeOff,
)

_MARKS = {"info": "•", "warn": "!", "alert": "!!"}  # readable without colour


def said_no_view(report: SaidNoReport) -> RenderableType:
    """The whole report: explicit and implied nos, cost per client and per teammate, patterns."""
    parts: list[RenderableType] = [Text(f"What you said no to, {period(report)}", style="bold")]
    if not report.said_no and not report.implied:
        parts.append(Text(f"Nothing was said no to from {report.start} to {report.end}, and nothing was displaced."))
    if report.said_no:
        parts.append(trade_offs_table(report.said_no, "Your yeses to clients, and what each said no to"))
    if report.implied:
        parts.append(_implied(report))
    if report.by_client:
        parts.append(_by_client(report))
    if report.by_teammate:
        parts.append(_by_teammate(report))
    if report.patterns:
        parts.append(_patterns(report))
    return Group(*parts)


def period(report: SaidNoReport) -> str:
    """`week 2026-W46 (2026-11-09 to 2026-11-15)`, or `2026-11-02 to 2026-11-20`."""
    span = f"{report.start} to {report.end}"
    return f"week {report.week} ({span})" if report.week else span


def trade_offs_table(trade_offs: Sequence[TradeOff], title: str | None = None) -> Table:
    """Each yes to a client and the no it named (also the review's "what you said yes to")."""
    table = plain_table("id", "date", "client", "request", "urgent", "no to", title=title, fixed=("id", "date"))
    for t in trade_offs:
        no_to = Text("1:1" if t.said_no == "one-on-one" else t.said_no)
        if t.teammate:
            no_to.append(" with ").append_text(literal(t.teammate))
        urgent = "urgent" if t.urgent else ""
        table.add_row(literal(t.id), t.date.isoformat(), literal(t.client), literal(t.request), urgent, no_to)
    return table


def _implied(report: SaidNoReport) -> Table:
    table = plain_table("date", "what", "same no as", title="Implied by the ledger", fixed=("date", "same no as"))
    for item in report.implied:
        when, same = _when(item), _same_as(item)
        table.add_row(when.isoformat() if when else "", _what(item), literal(same) if same else "")
    return table


def _when(item: Implied) -> date | None:
    if isinstance(item, (OneOnOneLost, InterviewCancelled)):
        return item.date
    return None  # overdue and displaced time belong to the period, not to a day


def _same_as(item: Implied) -> str | None:
    return item.trade_off if isinstance(item, (OneOnOneLost, InterviewCancelled)) else None


def _what(item: Implied) -> Text:
    if isinstance(item, OneOnOneLost):
        status = item.kind.removeprefix("one-on-one-")
        text = Text("1:1 with ").append_text(literal(item.teammate)).append(f" {status} for ")
        return text.append_text(literal(item.client))
    if isinstance(item, OneOnOneOverdue):
        text = Text("1:1 with ").append_text(literal(item.teammate)).append(f" due {item.due_on}, ")
        text.append(f"{plural(item.days_overdue, 'day')} overdue on {item.as_of} ")
        return text.append(f"(last held {item.last_held})" if item.last_held else "(none held yet)")
    if isinstance(item, InterviewCancelled):
        return Text("interview cancelled for ").append_text(literal(item.client))
    assert isinstance(item, LeadershipDisplaced)
    return Text(
        f"{hours_text(item.hours)} h of leading displaced: client delivery took {hours_text(item.delivery_hours)} h "
        f"of {plural(item.days_logged, 'workday')} of {hours_text(item.workday_hours)} h, over your "
        f"{percent_text(item.limit)} limit"
    )


def _by_client(report: SaidNoReport) -> Table:
    table = plain_table(
        "client", "requests", "urgent", "internal costs", title="Per client", fixed=("requests", "urgent")
    )
    for c in report.by_client:
        urgent = f"{c.urgent} ({percent_text(c.urgent_share)})" if c.urgent_share is not None else "-"
        table.add_row(literal(c.client), str(c.requests), urgent, str(c.internal_costs))
    return table


def _by_teammate(report: SaidNoReport) -> Table:
    table = plain_table(
        "teammate",
        "given up",
        "in a yes",
        "1:1 cancelled",
        "1:1 interrupted",
        "weeks",
        title="Whose time was given up",
    )
    for t in report.by_teammate:
        counts = (t.given_up, t.trade_offs, t.one_on_ones_cancelled, t.one_on_ones_interrupted, t.weeks)
        table.add_row(literal(t.teammate), *map(str, counts))
    return table


def _patterns(report: SaidNoReport) -> Table:
    table = Table.grid(padding=(0, 1))
    table.title, table.title_justify, table.title_style = "What it adds up to", "left", "bold"
    table.add_column(no_wrap=True)
    table.add_column()
    for p in report.patterns:
        table.add_row(_MARKS.get(p.severity, "•"), literal(p.message))
        if p.action:
            table.add_row("→", literal(p.action))
    return table
