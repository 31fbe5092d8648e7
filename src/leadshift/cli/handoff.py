"""`leadshift handoff plan|status|advance|cancel`: hand your clients over, stage by stage."""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from leadshift.cli.app import new_app, session_of
from leadshift.cli.options import Json, OnDate
from leadshift.cli.session import Session

if TYPE_CHECKING:
    from leadshift.model import Book

app = new_app("Hand the clients you still serve to your team: who, why, and stage by stage.")

Client = Annotated[str, typer.Argument(metavar="CLIENT", help="The client's key.")]


@app.command()
def plan(
    ctx: typer.Context,
    start: Annotated[
        Optional[str],
        typer.Option("--start", metavar="DATE", help="First day of the plan [default: the start of next week]."),
    ] = None,
    json: Json = False,
    save: Annotated[
        bool, typer.Option("--save", help="Record the plan in the ledger, to follow it stage by stage.")
    ] = False,
) -> None:
    """Who should take over each client you still own, why, and a dated staged plan."""
    from leadshift.handoff import plan_handoff
    from leadshift.model import Ledger

    session = session_of(ctx)
    first_day = _start(session, start)
    if save:
        from leadshift.handoff_edits import save_plan

        with session.store.change() as draft:
            result = plan_handoff(draft.ledger, first_day)
            if result.new:
                draft.set_book(save_plan(draft.book, result))
        book = draft.book
    else:
        book = session.store.read_book()
        result = plan_handoff(Ledger(book), first_day)
    if json:
        from leadshift.render.handoff import plan_data

        session.print_json(plan_data(result))
        return
    if result.nothing_to_hand_over:
        typer.echo(_nothing_to_hand_over(book))
        return
    from leadshift.render.handoff import show_handoff_plan

    show_handoff_plan(session.console, result, book)
    if not save:
        after = "Save it with `leadshift handoff plan --save`, then follow it with `leadshift handoff status`."
    elif result.new:
        after = (
            f"Saved {len(result.new)} handoff{'s' * (len(result.new) != 1)}. Follow them with `leadshift handoff "
            "status`; when a stage is done, `leadshift handoff advance CLIENT`."
        )
    else:
        after = "Nothing new to save: the handoffs above were saved already."
    session.console.print(after)


@app.command()
def status(ctx: typer.Context, json: Json = False) -> None:
    """Each saved handoff: its stage, and when the next one starts."""
    from leadshift.stages import handoff_status

    session = session_of(ctx)
    book = session.store.read_book()
    statuses = handoff_status(book)
    if json:
        from leadshift.render.handoff import status_data

        session.print_json(status_data(statuses))
    elif not statuses:
        session.console.print(
            "No saved handoffs. See the plan with `leadshift handoff plan`, then save it with --save."
        )
    else:
        from leadshift.render.handoff import show_handoff_status

        show_handoff_status(session.console, statuses, book, session.today)


@app.command()
def advance(ctx: typer.Context, client: Client, on: OnDate = None) -> None:
    """The current stage is done (today, or --date): move to the next; after the lead stage they own the client."""
    from leadshift.dates import parse_day_logged
    from leadshift.handoff_edits import advance_handoff, saved_handoff

    session = session_of(ctx)
    day = parse_day_logged(on, session.today)
    with session.store.change() as draft:
        key, before = saved_handoff(draft.book, client)
        draft.set_book(advance_handoff(draft.book, key, day))
    _say_advanced(session, draft.book, key, before.stage, day)


@app.command()
def cancel(ctx: typer.Context, client: Client) -> None:
    """Stop following a saved handoff; the client keeps its owner."""
    from leadshift.handoff_edits import cancel_handoff

    session = session_of(ctx)
    with session.store.change() as draft:
        book, gone = cancel_handoff(draft.book, client)
        draft.set_book(book)
    key = client.strip().lower()
    if gone.done:
        typer.echo(f"Stopped following the done handoff of {key}; {gone.teammate} still owns it.")
    else:
        typer.echo(
            f"Stopped following the handoff of {key} to {gone.teammate} (it was at the {gone.stage} stage); "
            f"{key} stays yours."
        )


def _start(session: Session, text: str | None) -> date:
    from leadshift.dates import parse_date, week_of

    if text is not None:
        return parse_date(text, session.today)
    week_starts = session.store.read_book().profile.week_starts
    return week_of(session.today, week_starts)[0] + timedelta(weeks=1)


def _nothing_to_hand_over(book: Book) -> str:
    if not book.clients:
        return (
            "No clients yet, so nothing to hand over. Add the ones you serve: "
            'leadshift client add acme --name "Acme Ltd" --needs negotiation --weight 4'
        )
    return "Nothing to hand over: your team serves every client. Congratulations!"


def _say_advanced(session: Session, book: Book, key: str, finished: str, day: date) -> None:
    from rich.text import Text

    from leadshift.render.text import literal
    from leadshift.stages import GUIDANCE

    handoff = book.handoffs[key]
    now = handoff.dates_of(handoff.stage)
    text = Text(f"{key}: {finished} done on {day}. ")
    if handoff.done:
        client, teammate = book.clients[key], book.teammates[handoff.teammate]
        text.append_text(literal(teammate.name)).append(" now owns ").append_text(literal(client.name))
        text.append(f"; {client.weekly_hours:g} h a week of yours are free. Check-ins until {now.end}:")
    else:
        text.append(f"Now {handoff.stage}, planned until {now.end}:")
    session.console.print(text)
    session.console.print(Text(GUIDANCE[handoff.stage]))
