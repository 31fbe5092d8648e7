"""Rich tables: the one table style, and the team, the clients and the records of a day or week."""

from __future__ import annotations

from rich import box
from rich.console import RenderableType
from rich.table import Table
from rich.text import Text

from leadshift.domain.records import (
    AnyRecord,
    EscalationRecord,
    HoursRecord,
    OneOnOneRecord,
    PulledRecord,
    TradeOffRecord,
)
from leadshift.domain.terms import ME
from leadshift.domain.wording import hours_text, plural
from leadshift.render.lines import Lines
from leadshift.render.text import literal
from leadshift.reports.listing import ClientList, Departure, RecordList, Team


def plain_table(*columns: str, title: str | None = None, fixed: tuple[str, ...] = (), edge: bool = True) -> Table:
    """A plain table; `fixed` columns (keys, dates, numbers) never wrap, the rest wrap at words.

    `edge=False`: no blank line above and below, for a table inside a report.
    """
    table = Table(
        box=box.SIMPLE_HEAD, title=title, title_justify="left", title_style="bold", pad_edge=False, show_edge=edge
    )
    for column in columns:
        # No min_width: when a Rich table cannot honour one it crops cells, losing text.
        table.add_column(column, overflow="fold", no_wrap=column in fixed)
    return table


def team_view(team: Team) -> RenderableType:
    if not team.teammates and team.left_not_listed:
        return Lines(
            f"No one on the team now; `leadshift teammate list --all` lists the {team.left_not_listed} who left."
        )
    if not team.teammates:
        return Lines('No teammates yet. Add one: leadshift teammate add alice --name "Alice" --skills negotiation')
    hidden = team.left_not_listed
    return teammates_table(team, f"Team ({hidden} who left not listed: --all lists them)" if hidden else "Team")


def departure_view(departure: Departure) -> Lines:
    return Lines(
        literal(departure.teammate.name).append(
            f" left the team on {departure.teammate.left}; their records stay in the ledger. "
            f"{plural(departure.team_size, 'teammate')} on the team now."
        )
    )


def clients_view(clients: ClientList) -> RenderableType:
    if not clients.clients:
        return Lines('No clients yet. Add one: leadshift client add acme --name "Acme Ltd" --weight 4')
    return clients_table(clients)


def records_view(listed: RecordList) -> RenderableType:
    if not listed.records:
        return Lines(f"No records for {listed.period}. Log one with `leadshift log` (or `leadshift log --help`).")
    return records_table(listed.records, title=f"Records for {listed.period}")


def teammates_table(team: Team, title: str = "Team") -> Table:
    table = plain_table(
        "key", "name", "role", "skills", "growing", "h/wk", "1:1", title=title, fixed=("key", "h/wk", "1:1")
    )
    table.columns[2].max_width = 11  # a role wraps well; skill words should not be split
    for key, t in sorted(team.teammates.items()):
        # Who left (listed with --all) says so beside their name: a column of its own would squeeze the skills.
        name = literal(t.name).append(f" (left {t.left})" if t.left else "")
        table.add_row(
            literal(key),
            name,
            literal(t.role),
            literal(" ".join(t.skills)),
            literal(" ".join(t.growing)),
            hours_text(t.capacity_hours),
            f"{t.one_on_one_every}d",
        )
    return table


def clients_table(clients: ClientList) -> Table:
    table = plain_table(
        "key", "name", "owner", "weight", "needs", "h/wk", "backed by", title="Clients", fixed=("key", "weight", "h/wk")
    )
    for key, c in sorted(clients.clients.items(), key=lambda kv: (kv[1].owner != ME, kv[0])):
        owner = Text("me", style="bold yellow") if c.owner == ME else literal(c.owner)
        table.add_row(
            literal(key),
            literal(c.name).append(" (prospect)" if c.prospect else "", style="cyan"),
            owner,
            "●" * c.weight,
            literal(" ".join(c.needs)),
            hours_text(c.weekly_hours),
            literal(" ".join(c.backed_by)),
        )
    return table


def records_table(records: list[AnyRecord], title: str | None = None) -> Table:
    table = plain_table("id", "date", "what", "hours", "note", title=title, fixed=("id", "date", "hours"))
    for record in records:
        hours = hours_text(record.hours) if isinstance(record, (HoursRecord, PulledRecord)) else ""
        table.add_row(literal(record.id), record.date.isoformat(), describe(record), hours, literal(record.note))
    return table


def describe(record: AnyRecord) -> Text:
    """One line saying what a record is, ledger text kept literal."""
    text = Text()
    if isinstance(record, HoursRecord):
        if record.client:
            # Delivery, the default, reads as it always did; the other kinds say what they were.
            work = "client" if record.client_work == "delivery" else record.client_work
            text.append(f"{work} work ")
            text.append_text(literal(record.client, "bold"))
        else:
            text.append("leading: ")
            text.append_text(literal(record.activity or "", "bold"))
            if record.teammate:
                text.append(" with ")
                text.append_text(literal(record.teammate))
            if record.interrupted_by:
                text.append(", interrupted by ", style="yellow")
                text.append_text(literal(record.interrupted_by))
    elif isinstance(record, OneOnOneRecord):
        style = {"held": "green", "cancelled": "red", "interrupted": "yellow"}[record.status]
        text.append("1:1 with ")
        text.append_text(literal(record.teammate, "bold"))
        text.append(f" {record.status}", style=style)
        if record.because:
            text.append(" for ")
            text.append_text(literal(record.because))
    elif isinstance(record, TradeOffRecord):
        text.append("yes to ")
        text.append_text(literal(record.client, "bold"))
        text.append(": ")
        text.append_text(literal(record.request))
        text.append(" (urgent)" if record.urgent else "")
        text.append(f"; no to {record.said_no}")
        if record.teammate:
            text.append(" with ")
            text.append_text(literal(record.teammate))
    elif isinstance(record, EscalationRecord):
        text.append("escalation from ")
        text.append_text(literal(record.teammate, "bold"))
        text.append(", asked for their solution first" if record.asked_first else ", told them the answer")
    elif isinstance(record, PulledRecord):
        text.append_text(literal(record.teammate, "bold"))
        text.append(" pulled onto ")
        text.append_text(literal(record.client, "bold"))
        if record.from_client:
            text.append(" from ")
            text.append_text(literal(record.from_client))
    return text


def summary(record: AnyRecord) -> Text:
    """`3f9a0c1e 2026-11-20 client work acme, 2 h`: how remove and undo name a record."""
    text = Text(f"{record.id} {record.date} ")
    text.append_text(describe(record))
    if isinstance(record, (HoursRecord, PulledRecord)):
        text.append(f", {hours_text(record.hours)} h")
    return text
