"""The brief for the next 1:1 with one teammate (pure): `prep(ledger, teammate, today)`.

A new leader's 1:1s are where they ask for the teammate's half of a solution, hear what gets in
the way of serving clients, and follow through (docs/coaching.md, 10, 12, 14). The brief gathers
what the ledger knows about that person since the last held 1:1: the 1:1s clients cost them, what
each of you promised, the obstacles they raised, the problems they brought, the yeses their time
paid for, the accounts they carry, and the questions worth asking (reports/questions.py).

"Since the last held 1:1" is from the day after it to today. Someone never given a 1:1 is counted
from the day you and they were first on one team (the cadence's own start).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, fields
from datetime import date, timedelta

from leadshift.domain.book import Book
from leadshift.domain.cadence import last_held, leading_since, schedule
from leadshift.domain.client_work import DELIVERY, work_of
from leadshift.domain.dates import week_of
from leadshift.domain.ledger import Ledger
from leadshift.domain.promises import Promise
from leadshift.domain.records import EscalationRecord, HoursRecord, OneOnOneRecord
from leadshift.domain.terms import GROWTH_WEIGHT
from leadshift.domain.wording import over_limit, shown_hours
from leadshift.reports.prep_items import (
    Account,
    Actions,
    ClientRef,
    Escalation,
    Facts,
    Growth,
    LostOneOnOne,
    OpenAction,
    OpenObstacle,
    Person,
    YesCost,
)
from leadshift.reports.questions import questions_for
from leadshift.reports.said_no import said_no
from leadshift.reports.team_side import delivery_share

COACHING_DAYS = 28  # "the last four weeks" of coaching: today and the 27 days before
CHECK_INS = "check-ins"
# Over your limit, the check-ins wait (as the review's `stay-on-the-map` does): no step sends you to a client.
CHECK_INS_WHILE_OVER_LIMIT = (
    "They lead it. Your client work is over your limit this week, so the client check-ins wait until it is "
    "under: ask them how the account is going, and praise their work where the team hears it."
)


@dataclass(frozen=True)
class Prep(Facts):
    """`leadshift prep TEAMMATE`: what to bring to the next 1:1 with them, and two or three questions."""

    questions: tuple[str, ...] = ()


def first_day_read_at_most(today: date) -> date:
    """The brief always reads the four weeks up to today whole: the coaching hours are counted over them."""
    return today - timedelta(days=COACHING_DAYS - 1)


def first_day_read(ledger: Ledger, teammate: str, today: date) -> date:
    """The first day whose records the brief reads in full: since the last held 1:1, or four weeks back.

    `ledger` needs only the history's digests to answer (the last held 1:1 and the first day logged).
    """
    return min(_since(ledger, teammate, today), first_day_read_at_most(today))


def prep(ledger: Ledger, teammate: str, today: date, stage_asks: Mapping[str, str]) -> Prep:
    """The brief for the next 1:1 with `teammate` (a key of the book), as it stands on `today`.

    `ledger` holds the records from `first_day_read` to today, and the history before as digests.
    `stage_asks`: what each handoff stage asks of you (handoff/stages.py's GUIDANCE, which reports may not import).
    """
    book = ledger.book
    mate = book.teammates[teammate]
    since = _since(ledger, teammate, today)
    records = ledger.records(since, today) if since <= today else []
    lost = tuple(
        LostOneOnOne(r.date, r.status, ClientRef(r.because, book.client_name(r.because)) if r.because else None)
        for r in records
        if isinstance(r, OneOnOneRecord) and r.teammate == teammate  # none held since the last held one
    )
    escalations = tuple(
        Escalation(r.date, r.asked_first) for r in records if isinstance(r, EscalationRecord) and r.teammate == teammate
    )
    yeses = said_no(ledger, since, today, today).said_no if since <= today else ()
    cost = tuple(YesCost(t.date, t.client, t.request, t.said_no) for t in yeses if t.teammate == teammate)
    actions = Actions(_open_actions(book, teammate, "me", today), _open_actions(book, teammate, "them", today))
    obstacles = tuple(
        OpenObstacle(key, item.text, item.opened, (today - item.opened).days)
        for key, item in _open(book.obstacles, teammate, today)
    )
    accounts = _accounts(book, teammate, _over_limit_this_week(ledger, today), stage_asks)
    growth = _growth(book, teammate)
    person = Person(teammate, mate.name, mate.left if mate.left is not None and mate.left <= today else None)
    facts = Facts(
        teammate=person,
        last_held=last_held(ledger, teammate, today),
        next_due=next((due.due_on for due in schedule(ledger, today) if due.teammate == teammate), None),
        lost_since=lost,
        actions=actions,
        obstacles=obstacles,
        escalations=escalations,
        cost_by_yes=cost,
        accounts=accounts,
        growth=growth,
        coaching_hours_4w=_coaching_hours(ledger, teammate, today),
        today=today,
        book=book,
        on_team=mate.on_team(today),
    )
    return Prep(**{f.name: getattr(facts, f.name) for f in fields(facts)}, questions=questions_for(facts))


def _since(ledger: Ledger, teammate: str, today: date) -> date:
    """The day after the last held 1:1; never held: the day you and they were first on one team."""
    held = last_held(ledger, teammate, today)
    if held is not None:
        return held + timedelta(days=1)
    joined = ledger.book.teammates[teammate].joined
    start = max((day for day in (leading_since(ledger), joined) if day is not None), default=today)
    return min(start, today)


def _open(items: Mapping[str, Promise], teammate: str, today: date) -> list[tuple[str, Promise]]:
    """Their items open on `today`, oldest first (by id within a day, so the order is stable)."""
    mine = [(key, item) for key, item in items.items() if item.teammate == teammate and item.open_on(today)]
    return sorted(mine, key=lambda pair: (pair[1].opened, pair[0]))


def _open_actions(book: Book, teammate: str, owner: str, today: date) -> tuple[OpenAction, ...]:
    """Open items one side owes, the soonest due first, then those without a date, oldest first."""
    items = [(key, item) for key, item in _open(book.actions, teammate, today) if item.owner == owner]  # type: ignore[attr-defined]
    items.sort(key=lambda pair: (pair[1].due is None, pair[1].due or date.max))  # stable: oldest first within
    return tuple(
        OpenAction(key, item.text, item.due, item.opened, item.due is not None and item.due < today)
        for key, item in items
    )


def _accounts(book: Book, teammate: str, over_limit_now: bool, asks: Mapping[str, str]) -> tuple[Account, ...]:
    """What they own first, then what they are taking over, then what they back; by client key within."""
    rows: list[Account] = []
    for key, client in sorted(book.clients.items()):
        if client.owner == teammate:
            handoff = book.handoffs.get(key)
            stage = CHECK_INS if handoff is not None and handoff.teammate == teammate and handoff.done else None
            rows.append(_account(book, key, "owner", stage, over_limit_now, asks))
    for key, handoff in sorted(book.handoffs.items()):
        if handoff.teammate == teammate and not handoff.done:
            rows.append(_account(book, key, "taking-over", handoff.stage, over_limit_now, asks))
    taking = {row.client for row in rows}
    for key, client in sorted(book.clients.items()):
        if teammate in client.backed_by and key not in taking:  # each client once, by its strongest role
            rows.append(_account(book, key, "backer", None, over_limit_now, asks))
    return tuple(rows)


def _account(
    book: Book, key: str, role: str, stage: str | None, over_limit_now: bool, asks: Mapping[str, str]
) -> Account:
    if stage is None:
        return Account(key, role, None, None, book.client_name(key))
    asked = CHECK_INS_WHILE_OVER_LIMIT if stage == CHECK_INS and over_limit_now else asks[stage]
    return Account(key, role, stage, asked, book.client_name(key))


def _growth(book: Book, teammate: str) -> Growth:
    mate = book.teammates[teammate]
    owned = [key for key, client in book.clients.items() if client.owner == teammate]
    backed = [key for key, client in book.clients.items() if teammate in client.backed_by]
    taking = [key for key, handoff in book.handoffs.items() if handoff.teammate == teammate and not handoff.done]
    return Growth(
        tuple(mate.growing),
        tuple(mate.skills),
        mate.capacity_hours,
        math.fsum(book.clients[key].weekly_hours for key in owned),
        math.fsum(book.clients[key].weekly_hours for key in backed),
        tuple(sorted(key for key in {*owned, *taking} if book.clients[key].weight >= GROWTH_WEIGHT)),
    )


def _coaching_hours(ledger: Ledger, teammate: str, today: date) -> float:
    first = first_day_read_at_most(today)
    return shown_hours(
        math.fsum(
            r.hours
            for r in ledger.records(first, today)
            if isinstance(r, HoursRecord) and r.activity == "coaching" and r.teammate == teammate
        )
    )


def _over_limit_this_week(ledger: Ledger, today: date) -> bool:
    """Whether delivery so far this week is over your limit, judged as the review judges it."""
    profile = ledger.book.profile
    start, _ = week_of(today, profile.week_starts)
    hours = [r for r in ledger.records(start, today) if isinstance(r, HoursRecord)]
    delivery = math.fsum(r.hours for r in hours if r.client and work_of(r, ledger.book) == DELIVERY)
    share = delivery_share(delivery, profile.workday_hours, len({r.date for r in hours}))
    return share is not None and over_limit(share, profile.client_share_limit)
