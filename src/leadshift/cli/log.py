"""`leadshift log ...`: the day's records, one command each or all at once."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from leadshift.cli.app import new_app, session_of
from leadshift.cli.options import Note, OnDate
from leadshift.cli.session import Session
from leadshift.cli.writes import add_records
from leadshift.parsing import parse_choice
from leadshift.terms import ACTIVITIES, ONE_ON_ONE_STATUSES

if TYPE_CHECKING:
    from leadshift.model import AnyRecord, Ledger

app = new_app(
    "Log your day. With no subcommand, on a terminal: a two-minute walkthrough of the day.",
    invoke_without_command=True,
    no_args_is_help=False,
)

# "-3" must reach the hours parser (which explains the problem) instead of
# being read as an unknown option.
NUMBERS_AS_ARGS = {"ignore_unknown_options": True}

Hours = Annotated[str, typer.Argument(metavar="HOURS", help="Like 1.5, 1h30 or 90m.")]


@app.callback()
def walkthrough(ctx: typer.Context) -> None:
    """Without a subcommand: the end-of-day walkthrough (needs a terminal)."""
    if ctx.invoked_subcommand is not None:
        return
    session = session_of(ctx)
    if not session.interactive():
        typer.echo(ctx.get_usage(), err=True)
        typer.echo(
            "Error: the walkthrough needs a terminal; use a subcommand: "
            "client, lead, one-on-one or escalation (see `leadshift log --help`).",
            err=True,
        )
        ctx.exit(2)
    from leadshift.cli.walkthrough import run_walkthrough

    run_walkthrough(session)


def _record_date(session: Session, text: str | None) -> date:
    from leadshift.dates import parse_day_logged

    return parse_day_logged(text, session.today)


def _log(session: Session, make: type, **fields: object) -> None:
    """Validate keys against the locked ledger, write one record, report the day."""
    from leadshift.edits import build, id_source

    def one(ledger: Ledger) -> list[AnyRecord]:
        return [build(make, {"id": id_source(ledger)(), **_resolve(ledger, fields)})]

    records, ledger = add_records(session, one)
    _report(session, records[0], ledger)


def _resolve(ledger: Ledger, fields: dict[str, object]) -> dict[str, object]:
    from leadshift.edits import require_client, require_teammate

    resolved = dict(fields)
    for name in ("client", "because"):
        if resolved.get(name) is not None:
            resolved[name] = require_client(ledger.book, str(resolved[name]))
    if resolved.get("teammate") is not None:
        resolved["teammate"] = require_teammate(ledger.book, str(resolved["teammate"]))
    return {k: v for k, v in resolved.items() if v is not None}


def _report(session: Session, record: AnyRecord, ledger: Ledger) -> None:
    from rich.text import Text

    from leadshift.model import HoursRecord
    from leadshift.render.tables import day_status, summary

    session.say(Text("Logged ").append_text(summary(record)))
    if isinstance(record, HoursRecord):
        session.say(day_status(ledger, record.date))


@app.command("client", context_settings=NUMBERS_AS_ARGS)
def client(
    ctx: typer.Context,
    client: Annotated[str, typer.Argument(metavar="CLIENT", help="The client's key.")],
    hours: Hours,
    on: OnDate = None,
    note: Note = "",
) -> None:
    """Hours of client work you did yourself."""
    from leadshift.model import HoursRecord
    from leadshift.parsing import parse_hours

    session = session_of(ctx)
    _log(session, HoursRecord, date=_record_date(session, on), client=client, hours=parse_hours(hours), note=note)


@app.command("lead", context_settings=NUMBERS_AS_ARGS)
def lead(
    ctx: typer.Context,
    activity: Annotated[str, typer.Argument(metavar="ACTIVITY", help=f"One of: {', '.join(ACTIVITIES)}.")],
    hours: Hours,
    teammate: Annotated[
        Optional[str], typer.Option("--with", metavar="TEAMMATE", help="The teammate it was with.")
    ] = None,
    on: OnDate = None,
    note: Note = "",
) -> None:
    """Hours of leading: one-on-one, coaching, team, hiring, strategy, learning, admin."""
    from leadshift.model import HoursRecord
    from leadshift.parsing import parse_hours

    session = session_of(ctx)
    _log(
        session,
        HoursRecord,
        date=_record_date(session, on),
        activity=parse_choice("leadership activity", activity, ACTIVITIES),
        teammate=teammate,
        hours=parse_hours(hours),
        note=note,
    )


@app.command("one-on-one")
def one_on_one(
    ctx: typer.Context,
    teammate: Annotated[str, typer.Argument(metavar="TEAMMATE", help="The teammate's key.")],
    status: Annotated[str, typer.Argument(metavar="STATUS", help="held, cancelled or interrupted.")],
    because: Annotated[
        Optional[str], typer.Option("--because", metavar="CLIENT", help="The client that caused it.")
    ] = None,
    on: OnDate = None,
    note: Note = "",
) -> None:
    """A 1:1 and what happened to it."""
    from leadshift.errors import UsageError
    from leadshift.model import OneOnOneRecord

    status = parse_choice("1:1 status", status, ONE_ON_ONE_STATUSES)
    if status == "held" and because:
        raise UsageError("--because is for a cancelled or interrupted 1:1; a held one needs no reason.")
    session = session_of(ctx)
    _log(
        session,
        OneOnOneRecord,
        date=_record_date(session, on),
        teammate=teammate,
        status=status,
        because=because,
        note=note,
    )


@app.command("escalation")
def escalation(
    ctx: typer.Context,
    teammate: Annotated[str, typer.Argument(metavar="TEAMMATE", help="Who brought the problem.")],
    asked: Annotated[bool, typer.Option("--asked", help="You asked for their solution before giving yours.")] = False,
    told: Annotated[bool, typer.Option("--told", help="You gave your answer straight away.")] = False,
    on: OnDate = None,
    note: Note = "",
) -> None:
    """A teammate brought you a problem: did you ask for their solution first?"""
    from leadshift.errors import UsageError
    from leadshift.model import EscalationRecord

    if asked and told:
        raise UsageError("give --asked or --told, not both: did you ask for their solution first?")
    if asked == told:
        raise UsageError("say how you answered with one of --asked (you asked for their solution first) or --told.")
    session = session_of(ctx)
    _log(session, EscalationRecord, date=_record_date(session, on), teammate=teammate, asked_first=asked, note=note)
