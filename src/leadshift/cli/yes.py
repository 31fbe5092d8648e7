"""`leadshift yes`: say yes to a client request, and name what it displaces inside the team.

On a terminal, without `--no`, it asks with a pick list: the 1:1s due in the
next days (overdue first), then every other kind of no.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from leadshift.cli import completion
from leadshift.cli.options import TODAY, Note, OnDate, choice
from leadshift.cli.output import command
from leadshift.cli.session import Session
from leadshift.domain.terms import NO_KINDS

if TYPE_CHECKING:
    from rich.text import Text

    from leadshift.cli.prompts import Asker
    from leadshift.domain.book import Book
    from leadshift.domain.cadence import Due
    from leadshift.domain.ledger import Ledger
    from leadshift.domain.records import AnyRecord, OneOnOneRecord
    from leadshift.reports.receipts import Logged

HORIZON_DAYS = 7  # the pick list offers the 1:1s due from the day of the yes to a week later
FREE_CHOICES = {
    "interview": "an interview with a candidate",
    "team": "a team meeting",
    "strategy": "strategy time",
    "learning": "learning time",
    "personal": "personal time",
    "other": "something else inside the team",
    "nothing": "nothing: this yes displaces nothing",
}


def register(tree: typer.Typer) -> None:
    command(tree, "yes")(yes)


def yes(
    ctx: typer.Context,
    client: Annotated[
        str, typer.Argument(metavar="CLIENT", autocompletion=completion.clients, help="The client's key.")
    ],
    request: Annotated[str, typer.Argument(metavar="REQUEST", help="What the client asked for, in a few words.")],
    urgent: Annotated[bool, typer.Option("--urgent", help="The client called it urgent.")] = False,
    no: Annotated[
        Optional[str],
        typer.Option(
            "--no",
            metavar="KIND",
            autocompletion=completion.one_of(*NO_KINDS),
            parser=choice("kind of no", NO_KINDS),
            help=f"What this yes displaces: {', '.join(NO_KINDS)}. On a terminal, leave it out to pick from "
            "the 1:1s due in the next 7 days and the other kinds.",
        ),
    ] = None,
    teammate: Annotated[
        Optional[str],
        typer.Option(
            "--with",
            metavar="TEAMMATE",
            autocompletion=completion.teammates,
            help="Whose time was given up: required with --no one-on-one; allowed with the other kinds "
            "except personal and nothing.",
        ),
    ] = None,
    on: OnDate = TODAY,  # type: ignore[assignment]  # parsed like a typed date
    note: Note = "",
    cancel: Annotated[
        bool,
        typer.Option(
            "--cancel-one-on-one",
            help="With --no one-on-one: also log that 1:1 as cancelled because of this client (offered on a terminal).",
        ),
    ] = False,
) -> Logged:
    """Say yes to a client request, and name what it displaces inside the team."""
    from leadshift.domain.changes import check_trade_off
    from leadshift.errors import UsageError

    session = Session.of(ctx)
    interactive = session.interactive()
    if no is None and not interactive:
        raise UsageError(
            f"name what this yes displaces with --no KIND ({', '.join(NO_KINDS)}); "
            "leadshift can only ask on a terminal. Nothing was written."
        )
    request = parse_request(request)
    if no is not None and not (interactive and no == "one-on-one" and teammate is None):
        check_trade_off(no, teammate, cancel)  # before any question: a wrong command line asks nothing
    if interactive and no in (None, "one-on-one"):  # other kinds given as flags leave nothing to ask
        no, teammate, cancel = _ask(session, client, no, teammate, on, cancel)
    assert no is not None
    return _save(session, client, request, urgent, no, teammate, on, note, cancel)


def parse_request(text: str, called: str = "REQUEST", rest: str = ", the rest can go in --note") -> str:
    """What the client asked for, trimmed; never quoted back (it may name what the client asked in confidence).

    `called` and `rest`: how the message names it and where the rest goes (the walkthrough has no --note).
    """
    from leadshift.domain.records import MAX_REQUEST
    from leadshift.errors import InvalidValue, UsageError

    request = text.strip()
    if not request:
        raise UsageError(f"{called} is empty: say in a few words what the client asked for.")
    if len(request) > MAX_REQUEST:
        raise InvalidValue(f"{called} has {len(request)} characters; keep it to {MAX_REQUEST}{rest}.")
    return request


def _ask(
    session: Session, client: str, kind: str | None, teammate: str | None, day: date, cancel: bool
) -> tuple[str, str | None, bool]:
    """On a terminal: what the yes displaces (when --no is missing), whose 1:1, and whether to log it cancelled."""
    from rich.text import Text

    from leadshift.cli.prompts import TerminalAsker
    from leadshift.domain.changes import require_client, require_teammate
    from leadshift.errors import Cancelled
    from leadshift.render.text import literal

    ledger = session.reader.load(day, day, history=True)  # each teammate's last held 1:1, for the 1:1s due
    book = ledger.book
    client = require_client(book, client)  # unknown keys fail before any question
    teammate = require_teammate(book, teammate) if teammate else None
    asker = TerminalAsker(session)
    try:
        if kind is None:
            kind, teammate = ask_what_no(asker, ledger, day, teammate, cancel)
            asker.say(chosen(book, kind, teammate))
        elif kind == "one-on-one" and teammate is None:
            teammate = ask_whose(asker, book)
            asker.say(chosen(book, kind, teammate))
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
) -> Logged:
    """Write the trade-off, and its cancelled 1:1 when asked, in one save."""
    from leadshift.cli.writes import save_records
    from leadshift.domain.changes import build, id_source, require_client, require_teammate
    from leadshift.domain.records import OneOnOneRecord, TradeOffRecord
    from leadshift.reports.receipts import Logged

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

    records, ledger = save_records(session, make)
    trade_off = records[0]
    assert isinstance(trade_off, TradeOffRecord)
    already = None
    if cancel and len(records) == 1 and trade_off.teammate:
        already = logged_one_on_one(ledger, trade_off.teammate, day)  # logged before this yes: not logged twice
    return Logged(records, already_logged=already)


# -- the pick list ------------------------------------------------------------------


@dataclass(frozen=True)
class Choice:
    """One line of the pick list: a kind of no, and the teammate when it is their 1:1."""

    kind: str
    teammate: str | None
    label: Text


def choices(ledger: Ledger, day: date) -> list[Choice]:
    """The 1:1s due from `day` to a week later (overdue first), then every other kind of no."""
    from rich.text import Text

    from leadshift.domain.cadence import schedule

    try:
        horizon = day + timedelta(days=HORIZON_DAYS)
    except OverflowError:
        horizon = date.max
    # As the review and `check` count it: someone never met falls due a cadence after you took the team.
    due = sorted(
        (d for d in schedule(ledger, day) if d.due_on is not None and d.due_on <= horizon),
        key=lambda d: (d.due_on, d.teammate),
    )
    book = ledger.book
    listed = [Choice("one-on-one", d.teammate, _due_label(book, d, day)) for d in due]
    if len(due) < len(book.teammates):
        listed.append(Choice("one-on-one", None, Text("a 1:1 with someone else (you name them)")))
    return listed + [Choice(kind, None, Text(label)) for kind, label in FREE_CHOICES.items()]


def _due_label(book: Book, due: Due, day: date) -> Text:
    from rich.text import Text

    from leadshift.render.text import literal

    label = Text("1:1 with ").append_text(literal(book.teammates[due.teammate].name))
    assert due.due_on is not None  # schedule() dates every one
    when = "today" if due.due_on == day else str(due.due_on)
    label.append(f", overdue since {due.due_on}" if due.due_on < day else f", due {when}")
    return label.append(" (none held yet)" if due.last_held is None else "")


def ask_what_no(asker: Asker, ledger: Ledger, day: date, teammate: str | None, cancel: bool) -> tuple[str, str | None]:
    """Ask "What are you saying no to?" with the pick list; the kind chosen and whose time it was."""
    from rich.text import Text

    from leadshift.cli.parsing import parse_pick
    from leadshift.cli.prompts import until_valid
    from leadshift.domain.changes import check_trade_off
    from leadshift.errors import UsageError

    listed = choices(ledger, day)
    asker.say(Text("What are you saying no to?", style="bold"))
    for number, listed_choice in enumerate(listed, 1):
        asker.say(Text(f"  {number:>2}. ").append_text(listed_choice.label))
    # A kind can also be typed by name when it has no line of its own: "one-on-one" when every 1:1 is listed.
    lined = {c.kind for c in listed if c.teammate is None}
    pickable = listed + [Choice(kind, None, Text(kind)) for kind in NO_KINDS if kind not in lined]
    names = [_names(ledger.book, c) for c in pickable]
    accepted = f"a number from 1 to {len(listed)} or a name, like '{names[0][0]}'"

    def read(answer: str) -> Choice:
        choice = pickable[parse_pick(answer, names, len(listed), accepted)]
        if teammate and choice.teammate and choice.teammate != teammate:
            raise UsageError(f"that is {choice.teammate}'s 1:1, but --with names {teammate}; pick again.")
        if choice.kind != "one-on-one":
            check_trade_off(choice.kind, teammate, cancel)
        elif not ledger.book.teammates:
            raise UsageError("there is no teammate yet whose 1:1 it could be; pick another kind.")
        return choice

    choice = until_valid(asker, Text(f"Pick 1-{len(listed)}"), "", read)
    whose = choice.teammate or teammate
    if choice.kind == "one-on-one" and whose is None:
        whose = ask_whose(asker, ledger.book)
    return choice.kind, whose


def _names(book: Book, choice: Choice) -> tuple[str, ...]:
    """What a line of the pick list answers to besides its number: a teammate's key and name, or a kind and label."""
    if choice.teammate is not None:
        return choice.teammate, book.teammates[choice.teammate].name
    return choice.kind, choice.label.plain


def ask_whose(asker: Asker, book: Book) -> str:
    """Ask which teammate's 1:1 it was, until one of them is named."""
    from rich.text import Text

    from leadshift.cli.parsing import parse_pick
    from leadshift.cli.prompts import until_valid
    from leadshift.errors import UsageError

    keys = sorted(book.teammates)
    if not keys:
        raise UsageError("there is no teammate yet whose 1:1 it could be; add one with `leadshift teammate add`.")
    names = [(key, book.teammates[key].name) for key in keys]
    accepted = f"a teammate's key or name, like '{keys[0]}'"
    question = Text(f"Whose 1:1? ({', '.join(keys)})")
    return keys[until_valid(asker, question, "", lambda answer: parse_pick(answer, names, 0, accepted))]


def chosen(book: Book, kind: str, teammate: str | None) -> Text:
    """What was picked, in one line before anything is saved: `→ no to Sofia Ruiz's 1:1`."""
    from rich.text import Text

    from leadshift.render.text import literal

    if kind == "one-on-one" and teammate is not None:
        return Text("→ no to ").append_text(literal(book.teammates[teammate].name)).append("'s 1:1")
    return Text(f"→ no to {FREE_CHOICES[kind]}")


def logged_one_on_one(ledger: Ledger, teammate: str, day: date) -> OneOnOneRecord | None:
    """A 1:1 with `teammate` already logged on `day`, whatever became of it."""
    from leadshift.domain.changes import one_on_ones_on

    return next(iter(one_on_ones_on(ledger, teammate, day)), None)
