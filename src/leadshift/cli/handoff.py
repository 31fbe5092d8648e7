"""`leadshift handoff plan|status|advance|cancel`: hand your clients over, stage by stage."""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from leadshift.cli import completion, parsing
from leadshift.cli.app import new_app
from leadshift.cli.options import TODAY, OnDate, WeekList, Yes, day
from leadshift.cli.output import Outcome, command, news
from leadshift.cli.session import Session

if TYPE_CHECKING:
    from leadshift.handoff.changes import StageAdvanced
    from leadshift.handoff.stages import SavedHandoffs

app = new_app("Hand the clients you still serve to your team: who, why, and stage by stage.")

Client = Annotated[str, typer.Argument(metavar="CLIENT", autocompletion=completion.clients, help="The client's key.")]


def register(tree: typer.Typer) -> None:
    tree.add_typer(app, name="handoff")


@command(app, json=True)
def plan(
    ctx: typer.Context,
    start: Annotated[
        Optional[date],
        typer.Option(
            "--start", metavar="DATE", parser=day, help="First day of the plan [default: the start of next week]."
        ),
    ] = None,
    save: Annotated[
        bool, typer.Option("--save", help="Record the plan in the ledger, to follow it stage by stage.")
    ] = False,
    per_week: Annotated[
        Optional[int],
        typer.Option(
            "--per-week",
            metavar="N",
            parser=parsing.parse_per_week,
            help="Most handoffs to start in one week [default: 2].",
            show_default=False,
        ),
    ] = None,
    skip: Annotated[
        Optional[WeekList],
        typer.Option(
            "--skip",
            metavar="WEEKS",
            parser=parsing.parse_weeks,
            help="Weeks no stage starts in, like 2026-W52,2026-W53 (with the holidays in your profile).",
        ),
    ] = None,
) -> Outcome:
    """Who should take over each client you still own, why, and a dated staged plan."""
    from rich.text import Text

    from leadshift.domain.dates import week_of
    from leadshift.domain.ledger import Ledger
    from leadshift.domain.wording import plural
    from leadshift.handoff.pacing import DEFAULT_PER_WEEK
    from leadshift.handoff.plan import plan_handoff

    session = Session.of(ctx)
    pacing = {"per_week": per_week or DEFAULT_PER_WEEK, "skip": skip or ()}
    book = session.reader.read_book()
    if start is None:
        start = week_of(session.today, book.profile.week_starts)[0] + timedelta(weeks=1)
    if save:
        from leadshift.handoff.changes import save_plan

        with session.store.change() as draft:  # planned again under the lock, on the ledger as it is then
            result = plan_handoff(draft.ledger, start, **pacing)
            if result.new:
                draft.set_book(save_plan(draft.book, result))
    else:
        result = plan_handoff(Ledger(book), start, **pacing)
    if result.nothing_to_hand_over:
        return Outcome(result)
    if not save:
        after = "Save it with `leadshift handoff plan --save`, then follow it with `leadshift handoff status`."
    elif result.new:
        after = (
            f"Saved {plural(len(result.new), 'handoff')}. Follow them with `leadshift handoff "
            "status`; when a stage is done, `leadshift handoff advance CLIENT`."
        )
    else:
        after = "Nothing new to save: the handoffs above were saved already."
    return Outcome(result, notes=(Text(after),))


@command(app, json=True)
def status(ctx: typer.Context) -> SavedHandoffs:
    """Each saved handoff: its stage, and when the next one starts."""
    from leadshift.handoff.stages import handoff_status

    session = Session.of(ctx)
    return handoff_status(session.reader.read_book(), session.today)


@command(app)
def advance(
    ctx: typer.Context,
    client: Client,
    on: OnDate = TODAY,  # type: ignore[assignment]
    yes: Yes = False,
) -> StageAdvanced:
    """The current stage is done (today, or --date): move to the next; after the lead stage they own the client.

    Before the stage's planned end it asks first (--yes for scripts).
    """
    from leadshift.cli.prompts import confirm_loss
    from leadshift.handoff.changes import StageAdvanced, advance_handoff, early_advance, saved_handoff

    session = Session.of(ctx)
    if (early := early_advance(session.reader.read_book(), client, on)) is not None:
        confirm_loss(session, early, yes)
    with session.store.change() as draft:
        key, before = saved_handoff(draft.book, client)
        draft.set_book(advance_handoff(draft.book, key, on))
    return StageAdvanced(key, before.stage, on, draft.book)


@command(app)
def cancel(ctx: typer.Context, client: Client, yes: Yes = False) -> Outcome:
    """Stop following a saved handoff; the client keeps its owner (asks first; --yes for scripts)."""
    from leadshift.cli.prompts import confirm_loss
    from leadshift.domain.changes import require_client
    from leadshift.handoff.changes import cancel_handoff, handoff_going

    session = Session.of(ctx)
    if (going := handoff_going(session.reader.read_book(), client)) is not None:
        confirm_loss(session, going, yes)
    with session.store.change() as draft:
        book, gone = cancel_handoff(draft.book, client)
        draft.set_book(book)
    key = require_client(book, client)  # the client stays: its full key, however it was typed
    if gone.done:
        return news(f"Stopped following the done handoff of {key}; {gone.teammate} still owns it.")
    return news(
        f"Stopped following the handoff of {key} to {gone.teammate} (it was at the {gone.stage} stage); "
        f"{key} stays yours."
    )
