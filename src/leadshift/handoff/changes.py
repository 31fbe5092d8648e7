"""The rules for changing saved handoffs: save a plan, advance a stage, cancel (pure, like domain/changes.py)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from leadshift.domain.book import DONE_STAGE, Book, Handoff, StageDates
from leadshift.domain.changes import build, require_client
from leadshift.domain.terms import HANDOFF_STAGES, ME
from leadshift.errors import Conflict, InvalidValue, NotFound
from leadshift.handoff.plan import HandoffPlan
from leadshift.handoff.stages import LAST_WORKING_STAGE


def save_plan(book: Book, plan: HandoffPlan) -> Book:
    """`book` with the plan's new handoffs saved at their first stage; saved ones under way are kept.

    A done handoff of a client the leader owns again is replaced by the new one.
    """
    handoffs = dict(book.handoffs)
    for assignment in plan.new:
        handoffs[assignment.client] = Handoff(teammate=assignment.teammate, stages=list(assignment.stages))
    return _with_handoffs(book, handoffs)


def saved_handoff(book: Book, client: str) -> tuple[str, Handoff]:
    """The client's key and its saved handoff, or NotFound saying how to save one."""
    key = require_client(book, client)
    if key not in book.handoffs and (owner := book.clients[key].owner) != ME:
        raise NotFound(
            f"no saved handoff for {key}: {owner} serves it, not you; only your own clients are handed over."
        )
    if key not in book.handoffs and book.clients[key].prospect:
        raise NotFound(f"no saved handoff for {key}: it is a prospect, and new business is never handed over.")
    if key not in book.handoffs:
        raise NotFound(
            f"no saved handoff for {key}: plan one with `leadshift handoff plan --save` "
            "(`leadshift handoff status` lists the saved ones)."
        )
    return key, book.handoffs[key]


def advance_handoff(book: Book, client: str, day: date) -> Book:
    """Complete the current stage on `day`; completing the lead stage makes the teammate the owner.

    The completed stage ends on `day` and the stages after it move so that the
    next one starts the day after, each keeping its planned length: a stage
    finished early or late shifts the rest of the plan, not the stages' lengths.
    """
    key, handoff = saved_handoff(book, client)
    if handoff.done:
        check_ins = handoff.dates_of(DONE_STAGE)
        raise Conflict(
            f"the handoff of {key} to {handoff.teammate} is done: {handoff.teammate} owns it. Stay on the map "
            f"with check-ins until {check_ins.end}; `leadshift handoff cancel {key}` stops following it."
        )
    index = HANDOFF_STAGES.index(handoff.stage)
    if index > 0 and day < (previous := handoff.stages[index - 1]).end:
        raise InvalidValue(
            f"{day} is before the {previous.stage} stage was completed ({previous.end}); give a --date on or after it."
        )
    current = handoff.stages[index]
    stages = [*handoff.stages[:index], StageDates(stage=current.stage, start=min(current.start, day), end=day)]
    for later in handoff.stages[index + 1 :]:
        start = stages[-1].end + timedelta(days=1)
        stages.append(StageDates(stage=later.stage, start=start, end=start + (later.end - later.start)))
    moved = Handoff(teammate=handoff.teammate, stage=HANDOFF_STAGES[index + 1], stages=stages)
    clients = dict(book.clients)
    if current.stage == LAST_WORKING_STAGE:
        # An owner cannot also back their own client.
        clients[key] = build(
            type(clients[key]),
            {
                **clients[key].model_dump(),
                "owner": handoff.teammate,
                "backed_by": [b for b in clients[key].backed_by if b != handoff.teammate],
            },
        )
    return build(Book, {**book.model_dump(), "clients": clients, "handoffs": {**book.handoffs, key: moved}})


def early_advance(book: Book, client: str, day: date) -> str | None:
    """What advancing on `day` would cut short, when that is before the stage's planned end (None otherwise).

    Refuses, as `advance_handoff` would, what cannot be advanced: before anyone is asked.
    """
    advance_handoff(book, client, day)
    key, handoff = saved_handoff(book, client)
    current = handoff.dates_of(handoff.stage)
    if day >= current.end:
        return None
    early = (current.end - day).days
    to = book.teammate_name(handoff.teammate)
    return (
        f"The {current.stage} stage of the handoff of {book.client_name(key)} to {to} "
        f"is planned to end on {current.end}; completing it on {day} cuts it short by {early} day{'s' * (early > 1)}"
    )


def handoff_going(book: Book, client: str) -> str | None:
    """What cancelling the saved handoff of `client` loses (None when there is none: `cancel_handoff` says why)."""
    try:
        key, handoff = saved_handoff(book, client)
    except (NotFound, Conflict):
        return None
    if handoff.done:
        return f"This stops following the done handoff of {book.client_name(key)}; its stage dates go"
    return (
        f"This cancels the handoff of {book.client_name(key)} to {book.teammate_name(handoff.teammate)}, "
        f"at the {handoff.stage} stage; its stage dates go"
    )


@dataclass(frozen=True)
class StageAdvanced:
    """`leadshift handoff advance`: `finished` was completed on `day`; `book` is the ledger after it."""

    client: str
    finished: str
    day: date
    book: Book


def cancel_handoff(book: Book, client: str) -> tuple[Book, Handoff]:
    """Stop following a saved handoff; the client keeps its owner (yours while under way)."""
    key, handoff = saved_handoff(book, client)
    return _with_handoffs(book, {k: h for k, h in book.handoffs.items() if k != key}), handoff


def _with_handoffs(book: Book, handoffs: dict[str, Handoff]) -> Book:
    # Sorted, so ledger.toml lists them like the clients and a diff stays small.
    return build(Book, {**book.model_dump(), "handoffs": dict(sorted(handoffs.items()))})
