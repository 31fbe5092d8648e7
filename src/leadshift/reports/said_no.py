"""What each yes to a client cost the team over a period (pure): `said_no(ledger, start, end, today)`.

Every yes to a client is a no to something inside the team (docs/coaching.md, 13-15).
The report lists the nos the leader named (trade-off records), the ones the
ledger implies (1:1s lost to a client, 1:1s overdue by cadence, interviews
cancelled, leadership hours displaced by client work), totals per client and
per teammate, and the patterns worth acting on.

Definitions (also in docs/say-no.md):

- A client's asks are *mostly urgent* when it made at least two requests and
  more than half were urgent: one urgent ask is an emergency, not a habit.
- *The same no, recorded twice*: a cancelled or interrupted 1:1 on the same
  date, with the same teammate and because of the same client as a trade-off
  that said no to a 1:1 with that teammate (`yes --cancel-one-on-one` writes
  exactly this pair). It stays in `implied`, linked by `trade_off`, but costs
  the client and the teammate once.
- An *interview cancelled* is a trade-off that said no to an interview: the
  ledger has no interview records, so the trade-off is the only trace. It is
  listed in `implied` too (the review counts cancelled interviews), linked by
  `trade_off`, and costs once.
- A 1:1 cancelled or interrupted without a client named is not a yes to a
  client, so it is not listed here (the review still counts it).
- A teammate never given a 1:1 falls due one cadence after the leader took
  the team (promotion date, else the first day logged), as in the review.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Union

from leadshift.domain.book import Book
from leadshift.domain.cadence import overdue_one_on_ones
from leadshift.domain.client_work import DELIVERY, work_of
from leadshift.domain.dates import week_label, week_of
from leadshift.domain.ledger import Ledger
from leadshift.domain.records import AnyRecord, HoursRecord, OneOnOneRecord, TradeOffRecord
from leadshift.domain.results import view_only
from leadshift.domain.wording import and_list, over_limit, percent_text, plural, shown_hours, times

URGENT_MIN_REQUESTS = 2  # below this, an urgent ask is an emergency, not a pattern


@dataclass(frozen=True)
class TradeOff:
    """A yes to a client request and the no the leader named (`said_no`: a NO_KINDS word)."""

    id: str
    date: date
    client: str
    request: str
    urgent: bool
    said_no: str
    teammate: str | None
    note: str


@dataclass(frozen=True)
class OneOnOneLost:
    """A 1:1 cancelled or interrupted because of `client`; `trade_off` is the yes that already names it."""

    kind: str  # "one-on-one-cancelled" or "one-on-one-interrupted"
    id: str
    date: date
    teammate: str
    client: str
    trade_off: str | None


@dataclass(frozen=True)
class OneOnOneOverdue:
    """A teammate's 1:1 past its due date on `as_of` (last_held None: none held yet)."""

    kind: str = field(default="one-on-one-overdue", init=False)
    teammate: str
    last_held: date | None
    due_on: date
    days_overdue: int
    as_of: date


@dataclass(frozen=True)
class InterviewCancelled:
    """A trade-off that said no to an interview with a candidate."""

    kind: str = field(default="interview-cancelled", init=False)
    trade_off: str
    date: date
    client: str
    teammate: str | None


@dataclass(frozen=True)
class LeadershipDisplaced:
    """Client delivery beyond the limit's share of the workdays logged (as the review counts the share):
    `hours` of leading lost."""

    kind: str = field(default="leadership-displaced", init=False)
    hours: float
    client_hours: float
    total_hours: float
    limit: float
    delivery_hours: float = 0.0  # the part of client_hours that counts against the limit
    workday_hours: float = 10.0
    days_logged: int = 0


Implied = Union[OneOnOneLost, OneOnOneOverdue, InterviewCancelled, LeadershipDisplaced]


@dataclass(frozen=True)
class ClientCost:
    """One client's requests and what they cost inside the team (each no once)."""

    client: str
    requests: int
    urgent: int
    urgent_share: float | None  # None when the client made no request (only 1:1s lost to it)
    internal_costs: int


@dataclass(frozen=True)
class TeammateCost:
    """How often a teammate's time was given up for a client (`given_up` counts each no once)."""

    teammate: str
    given_up: int
    trade_offs: int  # yeses that named them
    one_on_ones_cancelled: int
    one_on_ones_interrupted: int
    weeks: int  # in how many different weeks


@dataclass(frozen=True)
class Pattern:
    """Something worth acting on; `subjects` are the client or teammate keys it is about."""

    code: str  # interviews-cancelled-for-clients, urgent-client, costliest-client, most-displaced-teammate,
    # nothing-displaced
    severity: str  # info, warn or alert, as the review's findings
    message: str
    action: str | None
    subjects: tuple[str, ...]


@dataclass(frozen=True)
class SaidNoReport:
    """What was said no to between `start` and `end`, inclusive."""

    start: date
    end: date
    said_no: tuple[TradeOff, ...]
    implied: tuple[Implied, ...]
    by_client: tuple[ClientCost, ...]
    by_teammate: tuple[TeammateCost, ...]
    patterns: tuple[Pattern, ...]
    week: str | None = view_only(default=None)  # the period's name (2026-W46) when it is one whole week


def said_no(ledger: Ledger, start: date, end: date, today: date) -> SaidNoReport:
    """The say-no report of [start, end]; overdue 1:1s are as of min(end, today)."""
    # `ledger` must hold the period's months and the history before them, to find each
    # teammate's last held 1:1 (the store's `load(..., history=True)` reads just that).
    records = ledger.records(start, end)
    trade_offs = [_trade_off(r) for r in records if isinstance(r, TradeOffRecord)]
    lost = [r for r in records if isinstance(r, OneOnOneRecord) and r.status != "held" and r.because]
    links = _same_nos(trade_offs, lost)
    dated: list[OneOnOneLost | InterviewCancelled] = [
        OneOnOneLost(f"one-on-one-{r.status}", r.id, r.date, r.teammate, r.because or "", links.get(r.id)) for r in lost
    ]
    dated += [InterviewCancelled(t.id, t.date, t.client, t.teammate) for t in trade_offs if t.said_no == "interview"]
    implied: list[Implied] = sorted(dated, key=lambda item: item.date)  # stable: records are in date order
    as_of = min(end, today)
    for due in overdue_one_on_ones(ledger, as_of):
        assert due.due_on is not None  # overdue_one_on_ones dates every one
        implied.append(OneOnOneOverdue(due.teammate, due.last_held, due.due_on, (as_of - due.due_on).days, as_of))
    if displaced := _displaced(records, ledger.book):
        implied.append(displaced)

    unlinked = [r for r in lost if r.id not in links]
    by_client = _by_client(trade_offs, unlinked)
    week_starts = ledger.book.profile.week_starts
    by_teammate = _by_teammate(trade_offs, lost, unlinked, week_starts)
    patterns = _patterns(ledger.book, by_client, by_teammate)
    if interviews := [t for t in trade_offs if t.said_no == "interview"]:
        patterns.insert(0, _interviews(ledger.book, interviews))
    if not implied and all(t.said_no == "nothing" for t in trade_offs):
        logged = any(isinstance(r, HoursRecord) for r in records)
        patterns.append(_nothing_displaced(start, end, len(trade_offs), logged))
    week = week_label(start) if week_of(start, week_starts) == (start, end) else None
    return SaidNoReport(start, end, tuple(trade_offs), tuple(implied), by_client, by_teammate, tuple(patterns), week)


def _trade_off(r: TradeOffRecord) -> TradeOff:
    return TradeOff(r.id, r.date, r.client, r.request, r.urgent, r.said_no, r.teammate, r.note)


def _same_nos(trade_offs: list[TradeOff], lost: list[OneOnOneRecord]) -> dict[str, str]:
    """1:1 record id -> id of the trade-off that names the same no; each record pairs at most once."""
    links: dict[str, str] = {}
    for t in trade_offs:
        if t.said_no != "one-on-one" or t.teammate is None:
            continue
        for r in lost:
            if r.id not in links and (r.date, r.teammate, r.because) == (t.date, t.teammate, t.client):
                links[r.id] = t.id
                break
    return links


def _displaced(records: Iterable[AnyRecord], book: Book) -> LeadershipDisplaced | None:
    hours = [r for r in records if isinstance(r, HoursRecord)]
    total = math.fsum(r.hours for r in hours)
    client = math.fsum(r.hours for r in hours if r.client)
    delivery = math.fsum(r.hours for r in hours if r.client and work_of(r, book) == DELIVERY)
    limit, workday, days = book.profile.client_share_limit, book.profile.workday_hours, len({r.date for r in hours})
    lost = shown_hours(delivery - limit * workday * days)
    # Judged as the review judges the share (as shown), so what it calls within the limit displaced nothing.
    if not total or not over_limit(delivery / (workday * days), limit) or lost <= 0:
        return None
    return LeadershipDisplaced(
        lost, shown_hours(client), shown_hours(total), limit, shown_hours(delivery), workday, days
    )


def _by_client(trade_offs: list[TradeOff], unlinked: list[OneOnOneRecord]) -> tuple[ClientCost, ...]:
    requests = Counter(t.client for t in trade_offs)
    urgent = Counter(t.client for t in trade_offs if t.urgent)
    costs = Counter(t.client for t in trade_offs if t.said_no != "nothing")
    costs.update(r.because for r in unlinked if r.because)
    rows = [
        ClientCost(key, requests[key], urgent[key], _share(urgent[key], requests[key]), costs[key])
        for key in set(requests) | set(costs)
    ]
    return tuple(sorted(rows, key=lambda c: (-c.internal_costs, -c.requests, c.client)))


def _by_teammate(
    trade_offs: list[TradeOff], lost: list[OneOnOneRecord], unlinked: list[OneOnOneRecord], week_starts: str
) -> tuple[TeammateCost, ...]:
    named = [t for t in trade_offs if t.teammate and t.said_no != "nothing"]
    days: dict[str, list[date]] = {}
    for key, day in [(t.teammate or "", t.date) for t in named] + [(r.teammate, r.date) for r in unlinked]:
        days.setdefault(key, []).append(day)
    rows = [
        TeammateCost(
            key,
            given_up=len(dates),
            trade_offs=sum(t.teammate == key for t in named),
            one_on_ones_cancelled=sum(r.teammate == key and r.status == "cancelled" for r in lost),
            one_on_ones_interrupted=sum(r.teammate == key and r.status == "interrupted" for r in lost),
            weeks=len({week_of(day, week_starts)[0] for day in dates}),
        )
        for key, dates in days.items()
    ]
    return tuple(sorted(rows, key=lambda t: (-t.given_up, t.teammate)))


def _patterns(book: Book, by_client: tuple[ClientCost, ...], by_teammate: tuple[TeammateCost, ...]) -> list[Pattern]:
    patterns = [_urgent(c, book.client_name(c.client)) for c in by_client if _mostly_urgent(c)]
    if by_client and (top := by_client[0].internal_costs) > 0:
        patterns.append(_costliest(book, [c for c in by_client if c.internal_costs == top]))
    if by_teammate:
        top = by_teammate[0].given_up
        patterns.append(_most_displaced(book, [t for t in by_teammate if t.given_up == top]))
    return patterns


def _mostly_urgent(c: ClientCost) -> bool:
    return c.requests >= URGENT_MIN_REQUESTS and 2 * c.urgent > c.requests


def _urgent(c: ClientCost, name: str) -> Pattern:
    share = percent_text(c.urgent_share or 0.0)  # set: the client made requests
    return Pattern(
        "urgent-client",
        "warn",
        f"{name} called {c.urgent} of its {c.requests} requests urgent ({share}): a client who prioritises "
        "everything leaves you no real priority, and every yes is paid for by your team.",
        f"Push back before the next urgent ask: ask {name} how these requests serve their long-term plan, "
        "agree which one matters most, and scope the rest.",
        (c.client,),
    )


def _interviews(book: Book, interviews: list[TradeOff]) -> Pattern:
    """Interviews with candidates given up for clients (docs/coaching.md, 14): alert from the second."""
    days: dict[str, list[str]] = {}
    for t in interviews:
        days.setdefault(t.client, []).append(str(t.date))
    which = and_list([f"{book.client_name(c)} ({', '.join(d)})" for c, d in days.items()])
    count = "An interview with a candidate" if len(interviews) == 1 else f"{len(interviews)} interviews with candidates"
    to = "a client" if len(days) == 1 else "clients"
    return Pattern(
        "interviews-cancelled-for-clients",
        "alert" if len(interviews) >= 2 else "warn",
        f"{count} gave way to {to}: {which}.",
        "Give each candidate a new date within the week, and keep it when a client calls: a candidate moved "
        "for a client learns where your people would stand.",
        tuple(sorted({t.client for t in interviews})),
    )


def _costliest(book: Book, top: list[ClientCost]) -> Pattern:
    names = and_list([book.client_name(c.client) for c in top])
    first = top[0]
    if len(top) == 1:
        if first.requests == 1:
            asked = f" from 1 {'urgent ' if first.urgent else ''}request"
        else:
            urgent = f", {first.urgent} of them urgent" if first.urgent else ""
            asked = f" from {first.requests} requests{urgent}" if first.requests else ""
        message = f"{names} cost the team most: {plural(first.internal_costs, 'internal cost')}{asked}."
    else:
        message = f"{names} cost the team most, {plural(first.internal_costs, 'internal cost')} each."
    action = f"Before the next yes to {names}, name what it displaces, and ask whether a teammate could take it."
    return Pattern("costliest-client", "info", message, action, tuple(c.client for c in top))


def _most_displaced(book: Book, top: list[TeammateCost]) -> Pattern:
    names = and_list([book.teammate_name(t.teammate) for t in top])
    first = top[0]
    weeks = f", in {first.weeks} different weeks" if len(top) == 1 and first.weeks > 1 else ""
    each = " each" if len(top) > 1 else ""
    whose = f"{names}'s time was" if len(top) == 1 else f"The time of {names} was"
    severity = "warn" if first.given_up >= 2 else "info"
    return Pattern(
        "most-displaced-teammate",
        severity,
        f"{whose} given up most often: {times(first.given_up)}{each}{weeks}.",
        f"Protect your next time with {names}: keep it whatever a client asks, and offer the client another slot.",
        tuple(t.teammate for t in top),
    )


def _nothing_displaced(start: date, end: date, yeses: int, logged: bool) -> Pattern:
    if yeses:
        what = f"You said yes to {plural(yeses, 'client request')} without displacing anything inside the team"
    else:
        what = "No yes to a client was recorded, and nothing inside the team was displaced"
    if logged:
        rest = "no 1:1 lost or overdue, and client work stayed within your limit. Good news: your team kept your time."
    else:
        rest = "no 1:1 lost or overdue (no hours were logged, so the time budget is not counted)."
    return Pattern("nothing-displaced", "info", f"{what} from {start} to {end}: {rest}", None, ())


def _share(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None
