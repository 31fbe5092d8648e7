"""`yes` and `check`: name what each yes to a client displaces, and see what the yeses cost."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from leadshift.cli.app import session_of
from leadshift.cli.options import Json, Note, OnDate, Week
from leadshift.cli.session import Session
from leadshift.terms import NO_KINDS

if TYPE_CHECKING:
    from leadshift.model import AnyRecord, Book, Ledger
    from leadshift.store import Store

MAX_REQUEST = 500  # the model's limit, checked here to name the argument


def register(app: typer.Typer) -> None:
    app.command("yes")(yes)
    app.command("check")(check)


def yes(
    ctx: typer.Context,
    client: Annotated[str, typer.Argument(metavar="CLIENT", help="The client's key.")],
    request: Annotated[str, typer.Argument(metavar="REQUEST", help="What the client asked for, in a few words.")],
    urgent: Annotated[bool, typer.Option("--urgent", help="The client called it urgent.")] = False,
    no: Annotated[
        Optional[str],
        typer.Option(
            "--no",
            metavar="KIND",
            help=f"What this yes displaces: {', '.join(NO_KINDS)}. On a terminal, leave it out to pick from "
            "the 1:1s due in the next 7 days and the other kinds.",
        ),
    ] = None,
    teammate: Annotated[
        Optional[str],
        typer.Option(
            "--with",
            metavar="TEAMMATE",
            help="Whose time was given up: required with --no one-on-one; allowed with the other kinds "
            "except personal and nothing.",
        ),
    ] = None,
    on: OnDate = None,
    note: Note = "",
    cancel: Annotated[
        bool,
        typer.Option(
            "--cancel-one-on-one",
            help="With --no one-on-one: also log that 1:1 as cancelled because of this client (offered on a terminal).",
        ),
    ] = False,
) -> None:
    """Say yes to a client request, and name what it displaces inside the team."""
    from leadshift.cli.saying_no import check_no
    from leadshift.dates import parse_day_logged
    from leadshift.errors import UsageError
    from leadshift.parsing import parse_choice

    session = session_of(ctx)
    kind = parse_choice("kind of no", no, NO_KINDS) if no is not None else None
    interactive = session.interactive()
    if kind is None and not interactive:
        raise UsageError(
            f"name what this yes displaces with --no KIND ({', '.join(NO_KINDS)}); "
            "leadshift can only ask on a terminal. Nothing was written."
        )
    request = _request(request)
    day = parse_day_logged(on, session.today)
    if kind is not None and not (interactive and kind == "one-on-one" and teammate is None):
        check_no(kind, teammate, cancel)  # before any question: a wrong command line asks nothing
    if interactive and kind in (None, "one-on-one"):  # other kinds given as flags leave nothing to ask
        kind, teammate, cancel = _ask(session, client, kind, teammate, day, cancel)
    assert kind is not None
    _save(session, client, request, urgent, kind, teammate, day, note, cancel)


def _request(text: str) -> str:
    from leadshift.errors import InvalidValue, UsageError

    request = text.strip()
    if not request:
        raise UsageError("REQUEST is empty: say in a few words what the client asked for.")
    if len(request) > MAX_REQUEST:
        size = len(request)
        raise InvalidValue(f"REQUEST has {size} characters; keep it to {MAX_REQUEST}, the rest can go in --note.")
    return request


def _ask(
    session: Session, client: str, kind: str | None, teammate: str | None, day: date, cancel: bool
) -> tuple[str, str | None, bool]:
    """On a terminal: what the yes displaces (when --no is missing), whose 1:1, and whether to log it cancelled."""
    from rich.text import Text

    from leadshift.cli.asking import TerminalAsker
    from leadshift.cli.saying_no import ask_what_no, ask_whose, logged_one_on_one
    from leadshift.edits import require_client, require_teammate
    from leadshift.errors import Cancelled
    from leadshift.render.text import literal

    ledger = load_with_history(session.store, session.store.read_book(), day, day)
    book = ledger.book
    client = require_client(book, client)  # unknown keys fail before any question
    teammate = require_teammate(book, teammate) if teammate else None
    asker = TerminalAsker(session)
    try:
        if kind is None:
            kind, teammate = ask_what_no(asker, ledger, day, teammate, cancel)
        elif kind == "one-on-one" and teammate is None:
            teammate = ask_whose(asker, book)
        if kind == "one-on-one" and teammate and not cancel and logged_one_on_one(ledger, teammate, day) is None:
            question = (
                Text("Also log your 1:1 with ")
                .append_text(literal(book.teammates[teammate].name))
                .append(f" on {day} as cancelled because of ")
                .append_text(literal(book.clients[client].name))
                .append("?")
            )
            cancel = asker.confirm(question, False)
    except (KeyboardInterrupt, EOFError):
        session.console.print()
        raise Cancelled("cancelled; nothing was written.") from None
    return kind, teammate, cancel


def _save(
    session: Session,
    client: str,
    request: str,
    urgent: bool,
    kind: str,
    teammate: str | None,
    day: date,
    note: str,
    cancel: bool,
) -> None:
    """Write the trade-off, and its cancelled 1:1 when asked, in one save; say what was written."""
    from rich.text import Text

    from leadshift.cli.saying_no import logged_one_on_one
    from leadshift.cli.writes import add_records
    from leadshift.edits import build, id_source, require_client, require_teammate
    from leadshift.model import OneOnOneRecord, TradeOffRecord
    from leadshift.render.tables import summary

    def make(ledger: Ledger) -> list[AnyRecord]:
        book = ledger.book
        key = require_client(book, client)
        whose = require_teammate(book, teammate) if teammate else None
        new_id = id_source(ledger)
        fields = {"client": key, "request": request, "urgent": urgent, "said_no": kind, "teammate": whose}
        records: list[AnyRecord] = [build(TradeOffRecord, {"id": new_id(), "date": day, "note": note, **fields})]
        if cancel and whose and logged_one_on_one(ledger, whose, day) is None:
            one_on_one = {"teammate": whose, "status": "cancelled", "because": key}
            records.append(build(OneOnOneRecord, {"id": new_id(), "date": day, **one_on_one}))
        return records

    records, ledger = add_records(session, make)
    for record in records:
        session.say(Text("Logged ").append_text(summary(record)))
    trade_off = records[0]
    assert isinstance(trade_off, TradeOffRecord)
    if cancel and len(records) == 1 and trade_off.teammate:
        already = logged_one_on_one(ledger, trade_off.teammate, day)
        if already is not None:  # logged before this yes: writing another would count that 1:1 twice
            message = f"The 1:1 with {trade_off.teammate} on {day} was already logged ({already.id}, {already.status})"
            session.say(Text(f"{message}; not logged twice."))


def check(
    ctx: typer.Context,
    week: Week = None,
    since: Annotated[
        Optional[str], typer.Option("--since", metavar="DATE", help="From this date to today, instead of a week.")
    ] = None,
    json: Json = False,
) -> None:
    """What did I say no to? Each yes's cost in a week (default this one) or since a date."""
    from leadshift.dates import parse_date, parse_week, require_started, week_of
    from leadshift.errors import InvalidValue, UsageError
    from leadshift.saidno import said_no

    session = session_of(ctx)
    if week is not None and since is not None:
        raise UsageError("give --week or --since, not both.")
    today = session.today
    book = session.store.read_book()
    week_starts = book.profile.week_starts
    if since is not None:
        start, end = parse_date(since, today), today
        if start > today:
            raise InvalidValue(f"--since {start} is after today ({today}); choose a day up to today.")
    else:
        start, end = parse_week(week, week_starts) if week is not None else week_of(today, week_starts)
        require_started(start, today)
    ledger = load_with_history(session.store, book, start, end)
    report = said_no(ledger, start, end, today)
    if json:
        from leadshift.render.data import plain

        session.print_json(plain(report))
    else:
        from leadshift.render.sayno import said_no_view

        session.console.print(said_no_view(report, ledger.book))


def load_with_history(store: Store, book: Book, start: date, end: date) -> Ledger:
    """The months of [start, end], and the digest of every month before: each teammate's last held 1:1."""
    return store.load(start, end, book, history=True)
