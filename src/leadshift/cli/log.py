"""`leadshift log ...`: the day's records, one command each, or all at once in the walkthrough."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from leadshift.cli import completion
from leadshift.cli.app import new_app
from leadshift.cli.calendar_day import CalendarFileOptional
from leadshift.cli.options import TODAY, Hours, Json, Note, OnDate, Yes, choice, day
from leadshift.cli.output import NotBoth, Outcome, command, on_command_line, present
from leadshift.cli.session import Session
from leadshift.domain.terms import ACTION_OWNERS, ACTIVITIES, CLIENT_WORK, ONE_ON_ONE_STATUSES, TEAM_TIME
from leadshift.errors import UsageError

if TYPE_CHECKING:
    from collections.abc import Callable

    from rich.text import Text

    from leadshift.domain.book import Book
    from leadshift.domain.ledger import Ledger
    from leadshift.domain.promise_changes import Kept, NewAction
    from leadshift.domain.records import AnyRecord
    from leadshift.reports.receipts import Logged

    Vet = Callable[[Ledger, dict[str, object]], Text | None]  # see _log
    Edit = Callable[[Ledger], Book]

app = new_app(
    "Log your day. With no subcommand, on a terminal: a two-minute walkthrough of the day; "
    "with --calendar, the day from your calendar file.",
    invoke_without_command=True,
    no_args_is_help=False,
    cls=CalendarFileOptional,
)
# The options of `log --calendar`, by parameter: they go with it alone, never with a subcommand.
_CALENDAR_OPTIONS = {"calendar": "--calendar", "on": "--date", "dry_run": "--dry-run", "yes": "--yes", "json": "--json"}

# "-3" must reach the hours parser (which explains the problem) instead of
# being read as an unknown option.
NUMBERS_AS_ARGS = {"ignore_unknown_options": True}


def register(tree: typer.Typer) -> None:
    tree.add_typer(app, name="log")


@app.callback()
def walkthrough(
    ctx: typer.Context,
    calendar: Annotated[
        Optional[str],
        typer.Option(
            "--calendar",
            metavar="[FILE]",
            help="Log the day from your calendar (.ics): FILE, or with none the one `profile --calendar` names.",
            show_default=False,
        ),
    ] = None,
    on: OnDate = TODAY,  # type: ignore[assignment]
    dry_run: Annotated[bool, typer.Option("--dry-run", help="With --calendar: show the day, write nothing.")] = False,
    yes: Yes = False,
    json: Json = False,
) -> None:
    """Without a subcommand: the end-of-day walkthrough (needs a terminal), or the day from your calendar."""
    given = [option for name, option in _CALENDAR_OPTIONS.items() if on_command_line(ctx, name)]
    if given and ctx.invoked_subcommand is not None:
        raise UsageError(f"{given[0]} is for the day from your calendar; give it without a subcommand.")
    if given and calendar is None:
        raise UsageError(f"{given[0]} goes with --calendar FILE (the day from your calendar); see `leadshift log -h`.")
    if ctx.invoked_subcommand is not None:
        return
    session = Session.of(ctx)
    if calendar is not None:
        from leadshift.cli.calendar_day import import_calendar

        session.command = "log --calendar"
        present(session, import_calendar(session, calendar, on, dry_run, yes), json)
        return
    if not session.interactive():
        typer.echo(ctx.get_usage(), err=True)
        typer.echo(
            "Error: the walkthrough needs a terminal; use a subcommand: "
            "client, lead, one-on-one, escalation or pulled (see `leadshift log --help`).",
            err=True,
        )
        ctx.exit(2)
    from leadshift.cli.walkthrough import run_walkthrough

    session.command = "log"  # the group runs it, so no command named it for the journal
    present(session, run_walkthrough(session))


def _log(
    session: Session, make: type, day: date, vet: Vet | None = None, edit: Edit | None = None, **fields: object
) -> Logged | Outcome:
    """Validate keys against the locked ledger, write one record; what was logged, and the day's hours.

    `vet` checks the record's fields (keys resolved) against the locked ledger:
    it may refuse them, or return a warning to print after the record. `edit`
    changes the book in the same save (a 1:1's action items).
    """
    from leadshift.cli.writes import save_records
    from leadshift.domain.changes import build, id_source
    from leadshift.domain.records import HoursRecord
    from leadshift.render.lines import Lines
    from leadshift.reports.day import day_totals
    from leadshift.reports.receipts import Logged

    warnings: list[Text] = []

    def one(ledger: Ledger) -> list[AnyRecord]:
        resolved = _resolve(ledger, fields)
        if vet is not None and (warning := vet(ledger, resolved)) is not None:
            warnings.append(warning)
        return [build(make, {"id": id_source(ledger)(), "date": day, **resolved})]

    records, ledger = save_records(session, one, edit)
    logged = Logged(records, day_totals(ledger, day) if make is HoursRecord else None)
    return Outcome(logged, notes=(Lines(*warnings),)) if warnings else logged


def _resolve(ledger: Ledger, fields: dict[str, object]) -> dict[str, object]:
    from leadshift.domain.changes import require_client, require_teammate
    from leadshift.domain.client_work import work_to_log

    resolved = dict(fields)
    for name in ("client", "because", "interrupted_by", "from_client"):
        if resolved.get(name) is not None:
            resolved[name] = require_client(ledger.book, str(resolved[name]))
    if resolved.get("teammate") is not None:
        resolved["teammate"] = require_teammate(ledger.book, str(resolved["teammate"]))
    if "work" in resolved:  # client hours: the kind given, or the one the client calls for
        resolved["work"] = work_to_log(ledger.book, str(resolved["client"]), resolved["work"])  # type: ignore[arg-type]
    return {k: v for k, v in resolved.items() if v is not None}


@command(app, "client", context_settings=NUMBERS_AS_ARGS)
def client(
    ctx: typer.Context,
    client: Annotated[
        str, typer.Argument(metavar="CLIENT", autocompletion=completion.clients, help="The client's key.")
    ],
    hours: Hours,
    work: Annotated[
        Optional[str],
        typer.Option(
            "--kind",
            metavar="KIND",
            autocompletion=completion.one_of(*CLIENT_WORK),
            parser=choice("kind of client work", CLIENT_WORK),
            help="delivery (the default: the team's work), relationship (staying close while the team serves "
            "it) or new-business; a prospect's hours are new business.",
            show_default=False,
        ),
    ] = None,
    on: OnDate = TODAY,  # type: ignore[assignment]  # parsed like a typed date
    note: Note = "",
) -> Logged | Outcome:
    """Hours of client work you did yourself: only delivery counts against your client-share limit."""
    from leadshift.domain.records import HoursRecord

    return _log(Session.of(ctx), HoursRecord, on, client=client, hours=hours, work=work, note=note)


@command(app, "lead", context_settings=NUMBERS_AS_ARGS)
def lead(
    ctx: typer.Context,
    activity: Annotated[
        str,
        typer.Argument(
            metavar="ACTIVITY",
            autocompletion=completion.activities,
            parser=choice("leadership activity", ACTIVITIES),
            help=f"One of: {', '.join(ACTIVITIES)}.",
        ),
    ],
    hours: Hours,
    teammate: Annotated[
        Optional[str],
        typer.Option(
            "--with", metavar="TEAMMATE", autocompletion=completion.teammates, help="The teammate it was with."
        ),
    ] = None,
    interrupted_by: Annotated[
        Optional[str],
        typer.Option(
            "--interrupted-by",
            metavar="CLIENT",
            autocompletion=completion.clients,
            help=f"The client whose call cut into this time with your people ({', '.join(TEAM_TIME)}).",
        ),
    ] = None,
    on: OnDate = TODAY,  # type: ignore[assignment]
    note: Note = "",
) -> Logged | Outcome:
    """Hours of leading: one-on-one, coaching, team, hiring, strategy, learning, admin."""
    from leadshift.domain.records import HoursRecord
    from leadshift.domain.wording import or_list
    from leadshift.errors import UsageError

    if interrupted_by and activity not in TEAM_TIME:
        raise UsageError(
            f"--interrupted-by is for time with your people ({or_list(list(TEAM_TIME))}), not {activity}; leave it out."
        )

    fields = {"activity": activity, "teammate": teammate, "interrupted_by": interrupted_by}
    return _log(Session.of(ctx), HoursRecord, on, **fields, hours=hours, note=note)


@command(app, "one-on-one")
def one_on_one(
    ctx: typer.Context,
    teammate: Annotated[
        str, typer.Argument(metavar="TEAMMATE", autocompletion=completion.teammates, help="The teammate's key.")
    ],
    status: Annotated[
        str,
        typer.Argument(
            metavar="STATUS",
            parser=choice("1:1 status", ONE_ON_ONE_STATUSES),
            autocompletion=completion.one_of(*ONE_ON_ONE_STATUSES),
            help="held, cancelled or interrupted.",
        ),
    ],
    because: Annotated[
        Optional[str],
        typer.Option(
            "--because", metavar="CLIENT", autocompletion=completion.clients, help="The client that caused it."
        ),
    ] = None,
    on: OnDate = TODAY,  # type: ignore[assignment]
    note: Note = "",
    again: Annotated[
        bool, typer.Option("--again", help="A second held 1:1 with them that day: you really met twice.")
    ] = False,
    actions: Annotated[
        Optional[list[str]],
        typer.Option("--action", metavar="TEXT", help="An action item agreed in it (repeat for more)."),
    ] = None,
    owners: Annotated[
        Optional[list[str]],
        typer.Option(
            "--owner",
            metavar="WHO",
            autocompletion=completion.one_of(*ACTION_OWNERS),
            parser=choice("choice for --owner", ACTION_OWNERS),
            help="me (the default) or them: once for every --action, or once per --action, in order.",
        ),
    ] = None,
    dues: Annotated[
        Optional[list[date]],
        typer.Option("--due", metavar="DATE", parser=day, help="When it is due: once for all, or once per --action."),
    ] = None,
) -> Logged | Outcome:
    """A 1:1 and what happened to it, with the action items agreed in it."""
    from leadshift.domain.changes import check_one_on_one
    from leadshift.domain.records import OneOnOneRecord, can_have_cause
    from leadshift.errors import UsageError
    from leadshift.render.receipts import also_logged_note

    if because and not can_have_cause(status):
        raise UsageError("--because is for a cancelled or interrupted 1:1; a held one needs no reason.")
    agreed = _agreed(teammate, status, actions or [], owners or [], dues or [])

    def vet(ledger: Ledger, resolved: dict[str, object]) -> Text | None:
        key = str(resolved["teammate"])
        other = check_one_on_one(ledger, key, status, on, again)  # refuses the same held 1:1 logged twice
        return None if other is None else also_logged_note(other, ledger.book.teammates[key].name)

    def edit(ledger: Ledger) -> Book:
        from leadshift.domain.promise_changes import add_actions

        book, kept = add_actions(ledger, agreed, on)
        added.extend(kept)
        return book

    added: list[Kept] = []
    fields = {"teammate": teammate, "status": status, "because": because, "note": note}
    logged = _log(Session.of(ctx), OneOnOneRecord, on, vet, edit if agreed else None, **fields)
    if not agreed:
        return logged
    from leadshift.domain.wording import plural
    from leadshift.render.lines import Lines

    first = added[0]
    line = Lines(
        f"Added {plural(len(added), 'action item')} with {first.name} (`leadshift actions {first.item.teammate}`)."
    )
    return Outcome(logged.result, (*logged.notes, line)) if isinstance(logged, Outcome) else Outcome(logged, (line,))


def _agreed(teammate: str, status: str, actions: list[str], owners: list[str], dues: list[date]) -> list[NewAction]:
    """The action items of a 1:1: `--owner` and `--due` given once apply to every `--action`, else pair in order."""
    from leadshift.domain.promise_changes import NewAction
    from leadshift.errors import UsageError

    if not actions:
        for given, option in ((owners, "--owner"), (dues, "--due")):
            if given:
                raise UsageError(
                    f"{option} goes with --action TEXT, the item it is about; add one or leave {option} out."
                )
        return []
    if status == "cancelled":
        raise UsageError(
            "--action is for a 1:1 that took place (held or interrupted); a cancelled one agreed nothing. "
            'Add it with `leadshift action add TEAMMATE "TEXT"`.'
        )
    paired = []
    for given, option in ((owners, "--owner"), (dues, "--due")):
        if len(given) not in (0, 1, len(actions)):
            raise UsageError(
                f"{len(given)} {option} for {len(actions)} --action: give {option} once for all of them, "
                f"or once for each, in the same order."
            )
        paired.append(given * len(actions) if len(given) == 1 else given or [None] * len(actions))
    return [NewAction(teammate, text, owner or "me", due) for text, owner, due in zip(actions, *paired, strict=True)]


@command(
    app,
    "escalation",
    not_both=(NotBoth("asked", "told", "give --asked or --told, not both: did you ask for their solution first?"),),
)
def escalation(
    ctx: typer.Context,
    teammate: Annotated[
        str, typer.Argument(metavar="TEAMMATE", autocompletion=completion.teammates, help="Who brought the problem.")
    ],
    asked: Annotated[bool, typer.Option("--asked", help="You asked for their solution before giving yours.")] = False,
    told: Annotated[bool, typer.Option("--told", help="You gave your answer straight away.")] = False,
    on: OnDate = TODAY,  # type: ignore[assignment]
    note: Note = "",
) -> Logged | Outcome:
    """A teammate brought you a problem: did you ask for their solution first? Give --asked or --told."""
    from leadshift.domain.records import EscalationRecord
    from leadshift.errors import UsageError

    if not (asked or told):
        raise UsageError("say how you answered with one of --asked (you asked for their solution first) or --told.")
    return _log(Session.of(ctx), EscalationRecord, on, teammate=teammate, asked_first=asked, note=note)


@command(app, "pulled", context_settings=NUMBERS_AS_ARGS)
def pulled(
    ctx: typer.Context,
    teammate: Annotated[
        str,
        typer.Argument(
            metavar="TEAMMATE", autocompletion=completion.teammates, help="Who was pulled onto your client."
        ),
    ],
    client: Annotated[
        str, typer.Argument(metavar="CLIENT", autocompletion=completion.clients, help="Your client they worked on.")
    ],
    hours: Hours,
    from_client: Annotated[
        Optional[str],
        typer.Option(
            "--from",
            metavar="THEIR_CLIENT",
            autocompletion=completion.clients,
            help="The client of theirs that gave up the time.",
        ),
    ] = None,
    on: OnDate = TODAY,  # type: ignore[assignment]
    note: Note = "",
) -> Logged | Outcome:
    """A teammate pulled onto a client you still own: their hours, and whose client paid for them."""
    from leadshift.domain.client_work import check_pulled
    from leadshift.domain.records import PulledRecord

    def vet(ledger: Ledger, resolved: dict[str, object]) -> Text | None:
        check_pulled(ledger.book, str(resolved["teammate"]), str(resolved["client"]), resolved.get("from_client"))  # type: ignore[arg-type]
        return None

    fields = {"teammate": teammate, "client": client, "hours": hours, "from_client": from_client, "note": note}
    return _log(Session.of(ctx), PulledRecord, on, vet, **fields)
