"""The figures of one week, drawn from the ledger (pure).

They answer the four fairness questions of docs/coaching.md (your own clients,
the other clients, the team, yourself) plus the time budget and the week's
trade-offs, as plain data; findings.py turns them into coaching and review.py
puts the two together. The ledger passed in must hold every month up to the
week's end: the last held 1:1 or the last hours on a client may lie long
before the week.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

from leadshift.domain.book import Book
from leadshift.domain.cadence import schedule
from leadshift.domain.client_work import DELIVERY, NEW_BUSINESS, RELATIONSHIP, work_of
from leadshift.domain.dates import week_label
from leadshift.domain.ledger import Ledger
from leadshift.domain.records import AnyRecord, EscalationRecord, HoursRecord, OneOnOneRecord
from leadshift.domain.results import view_only
from leadshift.domain.terms import GROWTH_WEIGHT, ME
from leadshift.domain.wording import shown_hours
from leadshift.reports.owed import late_actions, waiting_obstacles
from leadshift.reports.recent import RECENT_WEEKS, Recent, recent
from leadshift.reports.said_no import SaidNoReport, TradeOff
from leadshift.reports.team_side import Interruption, PulledOnto, delivery_share, interruptions, pulled_onto

QUIET_AFTER_DAYS = 14  # an owned account with no hours from you for two weeks has gone quiet
OVER_NEED = 1.5  # giving an own client half as much again as it needs is doing a teammate's job
# In these stages of a handoff the leader is there by design, beside the teammate (docs/coaching.md, 7):
# hours on the client then are handoff support, not favouritism.
SUPPORT_STAGES = ("co-lead", "lead")


@dataclass(frozen=True)
class Hours:
    total: float
    client: float
    leadership: float
    by_client: dict[str, float]
    by_activity: dict[str, float]
    # `client` by kind of work: only delivery counts against the limit (docs/coaching.md, 6).
    delivery: float
    relationship: float
    new_business: float


@dataclass(frozen=True)
class TrendWeek:
    week: str
    start: date
    total_hours: float
    client_hours: float
    client_share: float | None  # delivery over the workdays logged; None: nothing logged that week
    delivery_hours: float
    client_share_of_logged: float | None  # client hours over hours logged: the share before schema 4


@dataclass(frozen=True)
class OwnedClient:
    """A client the leader still serves: this week's hours against its weekly need."""

    key: str
    name: str
    weight: int
    weekly_need: float
    hours: float
    last_worked: date | None
    days_since_worked: int | None
    quiet: bool
    handoff_to: str | None  # the teammate taking it over in a saved handoff
    handoff_stage: str | None


@dataclass(frozen=True)
class Attention:
    """The leader's client hours per own client against per team-owned client."""

    own_clients: int
    team_clients: int
    per_own_client: float
    per_team_client: float
    by_team_client: dict[str, float]
    favoured: bool


@dataclass(frozen=True)
class TeammateWeek:
    key: str
    name: str
    held: int
    cancelled: int
    interrupted: int
    lost_to: list[str]  # clients that cost this teammate a 1:1 this week
    lost_for_clients: int  # 1:1s cancelled or interrupted because of a client
    last_held: date | None
    cadence_days: int
    due_on: date | None
    overdue: bool
    days_overdue: int
    escalations: int
    asked_first: int
    taking_over: list[str]  # clients in a saved handoff to them, not done yet
    growth_accounts: list[str]  # high-weight clients they own or are taking over
    coaching_hours: float  # coaching logged with them this week (`log lead coaching --with`)
    held_since_lost: bool  # a 1:1 was held after the last one a client cost them this week
    actions_overdue: int = 0  # action items you owe them, past due as of the review (reports/owed.py)
    obstacles_waiting: int = 0  # obstacles they raised, open more than OBSTACLE_WAIT_DAYS

    @property
    def left_the_team(self) -> bool:
        """They left during the week: listed for what happened, never due a 1:1 or a growth account."""
        return self.due_on is None


@dataclass(frozen=True)
class OneOnOnes:
    held: int
    cancelled: int
    interrupted: int
    by_teammate: dict[str, TeammateWeek]


@dataclass(frozen=True)
class Escalations:
    total: int
    asked_first: int
    ask_first_rate: float | None


@dataclass(frozen=True)
class WeekFigures:
    """Everything the weekly review counts, before any coaching is drawn from it."""

    week: str
    start: date
    end: date
    as_of: date  # the end of the week, or today if the week is not over
    logging_since: date | None  # the first day with a record, up to as_of
    leader: str
    records: int
    days_logged: int
    workday_hours: float
    hours: Hours
    client_share: float | None  # delivery hours over (workday x days logged): team_side.delivery_share
    client_share_limit: float
    trend: list[TrendWeek]
    owned_clients: list[OwnedClient]
    attention: Attention
    one_on_ones: OneOnOnes
    escalations: Escalations
    said_no: list[TradeOff]
    client_share_of_logged: float | None  # client hours over hours logged, whatever their kind
    pulled: list[PulledOnto]  # teammates pulled onto your own clients (docs/coaching.md, 3)
    team_time_interrupted: list[Interruption]  # team time a client cut into (docs/coaching.md, 14)
    recent: Recent = view_only()  # the four weeks ending with this one, for the coaching (findings.py)


def week_figures(
    ledger: Ledger, start: date, end: date, today: date, weeks: int, trade_offs: SaidNoReport
) -> WeekFigures:
    """The figures of the week `start`..`end`, with a trend of `weeks` weeks; `trade_offs`: `check` on that week."""
    as_of = min(end, today)
    history = ledger.records(end=as_of)
    logging_since = history[0].date if history else None
    records = ledger.records(start, end)
    hours = [r for r in records if isinstance(r, HoursRecord)]
    summary = _hours(hours, ledger.book)
    days_logged = len({r.date for r in hours})
    workday = ledger.book.profile.workday_hours
    return WeekFigures(
        week=week_label(start),
        start=start,
        end=end,
        as_of=as_of,
        logging_since=logging_since,
        leader=ledger.book.profile.name,
        records=len(records),
        days_logged=days_logged,
        workday_hours=workday,
        hours=summary,
        client_share=delivery_share(summary.delivery, workday, days_logged),
        client_share_limit=ledger.book.profile.client_share_limit,
        trend=_trend(ledger, start, weeks),
        owned_clients=_owned_clients(ledger, history, summary, as_of, logging_since or as_of),
        attention=_attention(ledger, summary),
        one_on_ones=_one_on_ones(ledger, records, start, as_of),
        escalations=_escalations(records),
        said_no=list(trade_offs.said_no),
        client_share_of_logged=_share(summary.client, summary.total),
        pulled=pulled_onto(records),
        team_time_interrupted=interruptions(records),
        recent=recent(ledger, start, end, [(t.week, t.client_share) for t in _trend(ledger, start, RECENT_WEEKS)]),
    )


# -- verdicts on the figures, taken as they are shown (domain/wording.py) -------------------


def hours_a_day(week: WeekFigures) -> float:
    """The hours logged per day with any hours logged."""
    return week.hours.total / week.days_logged if week.days_logged else 0.0


def longer_than_the_workday(week: WeekFigures) -> bool:
    """6.004 h a day is shown as 6 h: not longer than a 6 h workday."""
    return shown_hours(hours_a_day(week)) > shown_hours(week.workday_hours)


def need_served(client: OwnedClient) -> str:
    """`below`, `far over` or `served`: this week's hours against the client's need, both as shown."""
    hours, need = shown_hours(client.hours), shown_hours(client.weekly_need)
    if hours < need:
        return "below"
    return "far over" if over_need(client) else "served"


def over_need(client: OwnedClient) -> bool:
    """At least half as much again as its weekly need, both as shown: time a teammate should be giving it."""
    hours = shown_hours(client.hours)
    return hours > 0 and hours >= OVER_NEED * shown_hours(client.weekly_need)


def in_handoff_support(book: Book) -> set[str]:
    """The clients whose handoff is at a stage where the leader works beside the teammate."""
    return {key for key, h in book.handoffs.items() if h.stage in SUPPORT_STAGES}


def handoff_support_hours(ledger: Ledger, start: date, end: date) -> float:
    """The week's client hours on clients in their co-lead or lead stage."""
    supported = in_handoff_support(ledger.book)
    return math.fsum(
        r.hours for r in ledger.records(start, end) if isinstance(r, HoursRecord) and r.client in supported
    )


def _hours(records: list[HoursRecord], book: Book) -> Hours:
    by_client: dict[str, list[float]] = defaultdict(list)
    by_activity: dict[str, list[float]] = defaultdict(list)
    by_work: dict[str | None, list[float]] = defaultdict(list)
    for r in records:
        if r.client:
            by_client[r.client].append(r.hours)
            by_work[work_of(r, book)].append(r.hours)
        elif r.activity:
            by_activity[r.activity].append(r.hours)
    clients = {key: math.fsum(h) for key, h in sorted(by_client.items())}
    activities = {key: math.fsum(h) for key, h in sorted(by_activity.items())}
    client, leadership = math.fsum(clients.values()), math.fsum(activities.values())
    delivery, relationship, new_business = (math.fsum(by_work[work]) for work in (DELIVERY, RELATIONSHIP, NEW_BUSINESS))
    return Hours(client + leadership, client, leadership, clients, activities, delivery, relationship, new_business)


def _share(part: float, whole: float) -> float | None:
    return part / whole if whole else None


def _trend(ledger: Ledger, start: date, weeks: int) -> list[TrendWeek]:
    first = start - timedelta(days=7 * (weeks - 1))
    by_week: dict[int, list[HoursRecord]] = defaultdict(list)
    for record in ledger.records(first, start + timedelta(days=6)):  # one pass over the months, not one a week
        if isinstance(record, HoursRecord):
            by_week[(record.date - first).days // 7].append(record)
    trend = []
    workday = ledger.book.profile.workday_hours
    for index in range(weeks):
        week_start = first + timedelta(days=7 * index)
        summary = _hours(by_week[index], ledger.book)
        share = delivery_share(summary.delivery, workday, len({r.date for r in by_week[index]}))
        of_logged = _share(summary.client, summary.total)
        trend.append(
            TrendWeek(
                week_label(week_start), week_start, summary.total, summary.client, share, summary.delivery, of_logged
            )
        )
    return trend


def _owned_clients(
    ledger: Ledger, history: list[AnyRecord], week: Hours, as_of: date, logging_since: date
) -> list[OwnedClient]:
    worked = [r for r in history if isinstance(r, HoursRecord) and r.client]
    owned = []
    for key, client in sorted(ledger.book.clients.items()):
        if not client.served_by_me:  # a prospect is pursued, not served
            continue
        last = max((r.date for r in worked if r.client == key), default=None)
        since = (as_of - last).days if last else None
        # A client never worked counts as quiet two weeks after it was added or the log began, whichever is later.
        known_since = max(logging_since, client.added or logging_since)
        quiet = since >= QUIET_AFTER_DAYS if since is not None else (as_of - known_since).days >= QUIET_AFTER_DAYS
        handoff = ledger.book.handoffs.get(key)
        handoff = handoff if handoff and not handoff.done else None  # a done one belongs to a past owner
        owned.append(
            OwnedClient(
                key,
                client.name,
                client.weight,
                client.weekly_hours,
                week.by_client.get(key, 0.0),
                last,
                since,
                quiet,
                handoff.teammate if handoff else None,
                handoff.stage if handoff else None,
            )
        )
    return owned


def _attention(ledger: Ledger, week: Hours) -> Attention:
    supported = in_handoff_support(ledger.book)  # neither side of the comparison: the stage puts you there
    # Prospects on neither side either: hours on them are new business, not attention to a client.
    own = [key for key, c in ledger.book.clients.items() if c.served_by_me and key not in supported]
    team = sorted(key for key, c in ledger.book.clients.items() if c.owner != ME and not c.prospect)
    per_own = math.fsum(week.by_client.get(k, 0.0) for k in own) / len(own) if own else 0.0
    by_team = {k: week.by_client.get(k, 0.0) for k in team}
    per_team = math.fsum(by_team.values()) / len(team) if team else 0.0
    # "Clearly more": at least twice the attention and at least an hour a client
    # more, as shown; both kinds of client must exist for the comparison to mean anything.
    shown_own, shown_team = shown_hours(per_own), shown_hours(per_team)
    favoured = bool(own and team) and shown_own >= 2 * shown_team and shown_hours(shown_own - shown_team) >= 1
    return Attention(len(own), len(team), per_own, per_team, by_team, favoured)


def _one_on_ones(ledger: Ledger, week: list[AnyRecord], start: date, as_of: date) -> OneOnOnes:
    meetings = [r for r in week if isinstance(r, OneOnOneRecord)]
    escalations = [r for r in week if isinstance(r, EscalationRecord)]
    due = {d.teammate: d for d in schedule(ledger, as_of)}
    book = ledger.book
    coaching = _coaching_by_teammate(week)
    late, waiting = late_actions(book, as_of), waiting_obstacles(book, as_of)
    by_teammate = {}
    # The people on the team at any time in the week: someone who left stays in the weeks before, and in the
    # week they left (so the rows add up to the week's totals), then is gone.
    for key, mate in sorted(book.team_during(start, as_of).items()):
        mine = [r for r in meetings if r.teammate == key]
        theirs = [r for r in escalations if r.teammate == key]
        gone = key not in due  # left during the week: no 1:1 falls due any more
        due_on = None if gone else due[key].due_on or as_of
        overdue = due_on is not None and due_on < as_of
        taking_over = sorted(c for c, h in book.handoffs.items() if h.teammate == key and not h.done)
        owned = [c for c, client in book.clients.items() if client.owner == key]
        by_teammate[key] = TeammateWeek(
            key=key,
            name=mate.name,
            held=sum(r.status == "held" for r in mine),
            cancelled=sum(r.status == "cancelled" for r in mine),
            interrupted=sum(r.status == "interrupted" for r in mine),
            lost_to=sorted({r.because for r in mine if r.because}),
            lost_for_clients=sum(1 for r in mine if r.because),
            last_held=max((r.date for r in mine if r.status == "held"), default=None) if gone else due[key].last_held,
            cadence_days=mate.one_on_one_every,
            due_on=due_on,
            overdue=overdue,
            days_overdue=(as_of - due_on).days if due_on is not None and overdue else 0,
            escalations=len(theirs),
            asked_first=sum(r.asked_first for r in theirs),
            taking_over=taking_over,
            growth_accounts=sorted(c for c in {*owned, *taking_over} if book.clients[c].weight >= GROWTH_WEIGHT),
            coaching_hours=coaching.get(key, 0.0),
            held_since_lost=_held_since_lost(mine),
            actions_overdue=len(late.get(key, [])),
            obstacles_waiting=len(waiting.get(key, [])),
        )
    # Every 1:1 of the week, those with someone who has left since included: they happened.
    return OneOnOnes(
        held=sum(r.status == "held" for r in meetings),
        cancelled=sum(r.status == "cancelled" for r in meetings),
        interrupted=sum(r.status == "interrupted" for r in meetings),
        by_teammate=by_teammate,
    )


def _escalations(week: list[AnyRecord]) -> Escalations:
    escalations = [r for r in week if isinstance(r, EscalationRecord)]
    asked = sum(r.asked_first for r in escalations)
    return Escalations(len(escalations), asked, asked / len(escalations) if escalations else None)


def _coaching_by_teammate(week: list[AnyRecord]) -> dict[str, float]:
    hours: dict[str, list[float]] = defaultdict(list)
    for r in week:
        if isinstance(r, HoursRecord) and r.activity == "coaching" and r.teammate:
            hours[r.teammate].append(r.hours)
    return {key: math.fsum(h) for key, h in hours.items()}


def _held_since_lost(meetings: list[OneOnOneRecord]) -> bool:
    """Whether a held 1:1 comes after the last one lost to a client, in the order they were logged."""
    lost = [i for i, r in enumerate(meetings) if r.because]
    return bool(lost) and any(r.status == "held" for r in meetings[lost[-1] + 1 :])
