"""The handoff plan: who takes over each client the leader still owns, why, and when (pure).

Every (client, teammate) pair gets a score in whole points, or None when the
teammate cannot take the client. The plan is the set of assignments with the
highest total score that fits every teammate's spare hours, found exactly by
an integer program, then dated in stages from a start day, paced: a few a
week, none in a week off, one at a time per teammate (pacing.py). Saved
handoffs under way are kept as they are; only the rest is planned.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta

from leadshift.domain.book import Book, Client, Handoff, StageDates
from leadshift.domain.dates import IsoWeek
from leadshift.domain.ledger import Ledger
from leadshift.domain.results import view_only
from leadshift.domain.terms import GROWTH_WEIGHT, HANDOFF_STAGES, ME
from leadshift.domain.wording import hours_text, or_list
from leadshift.errors import NotFound
from leadshift.handoff.pacing import DEFAULT_PER_WEEK, WEEK, Pacing
from leadshift.handoff.scoring import HOURS_SLACK, Match, eligible, match, reasons
from leadshift.handoff.solver import best_assignment
from leadshift.handoff.stages import MET_AFTER, dated_stages


@dataclass(frozen=True)
class Assignment:
    client: str
    teammate: str
    score: int
    reasons: tuple[str, ...]
    stages: tuple[StageDates, ...]
    frees_hours_per_week: float
    saved: bool = False  # a saved handoff under way, kept as it is

    @property
    def starts(self) -> date:
        return self.stages[0].start

    @property
    def done_on(self) -> date:
        """When the teammate is planned to become the owner: the end of the lead stage."""
        return self.stages[-2].end


@dataclass(frozen=True)
class Unassigned:
    """A client the plan hands to nobody, and why (nobody fits, or nobody has the hours)."""

    client: str
    reason: str


@dataclass(frozen=True)
class Load:
    """Client hours a week: what they can carry, own today, and would carry after the plan."""

    capacity: float
    before: float
    after: float


@dataclass(frozen=True)
class HandoffPlan:
    start: date
    assignments: tuple[Assignment, ...] = ()
    unassigned: tuple[Unassigned, ...] = ()
    candidates: Mapping[str, Mapping[str, int | None]] = field(default_factory=dict)
    load: Mapping[str, Load] = field(default_factory=dict)
    pacing: Pacing = Pacing()  # how many start in a week, and the weeks skipped
    book: Book | None = view_only(default=None)  # the ledger it was planned for: the names the view prints

    @property
    def nothing_to_hand_over(self) -> bool:
        return not self.assignments and not self.unassigned

    @property
    def frees_hours_per_week(self) -> float:
        return math.fsum(a.frees_hours_per_week for a in self.assignments)

    @property
    def done_by(self) -> date | None:
        return max((a.done_on for a in self.assignments), default=None)

    @property
    def per_week(self) -> int:
        return self.pacing.per_week

    @property
    def skipped(self) -> tuple[IsoWeek, ...]:
        """The weeks no stage starts in (--skip and the profile's holidays), in order."""
        return tuple(sorted(self.pacing.skipped))

    def starts_week(self, assignment: Assignment) -> IsoWeek:
        """The week (of the profile) in which a handoff starts."""
        return self.pacing.week(assignment.starts)

    @property
    def new(self) -> tuple[Assignment, ...]:
        """The assignments this plan adds (not the saved ones it keeps)."""
        return tuple(a for a in self.assignments if not a.saved)


# -- the plan -------------------------------------------------------------------


def plan_handoff(
    ledger: Ledger, start: date, per_week: int = DEFAULT_PER_WEEK, skip: Iterable[IsoWeek] = ()
) -> HandoffPlan:
    """Who should take over each client the leader owns, and the dated stages, starting on `start`.

    At most `per_week` handoffs start in a week, and no stage starts in a week
    of `skip` or of the profile's holidays (pacing.py).
    """
    book = ledger.book
    holidays = {IsoWeek.named(name) for name in book.profile.holidays}
    pacing = Pacing(per_week, frozenset(skip) | holidays, book.profile.week_starts)
    owned = {k: c for k, c in sorted(book.clients.items()) if c.served_by_me}  # a prospect is never handed over
    if not owned:
        return HandoffPlan(start, pacing=pacing, book=book)
    team = book.current_team()  # someone who left is never proposed
    if not team:
        raise NotFound(
            f"no teammates to hand your {len(owned)} client(s) to: add the people you lead first "
            "(`leadshift teammate add KEY --name NAME --skills a,b --growing c`)."
        )
    under_way = {k: h for k, h in book.handoffs.items() if k in owned and not h.done}
    before = {t: math.fsum(c.weekly_hours for c in book.clients.values() if c.owner == t) for t in team}
    taking = {t: math.fsum(owned[k].weekly_hours for k, h in under_way.items() if h.teammate == t) for t in before}
    spare = {t: mate.capacity_hours - before[t] - taking[t] for t, mate in team.items()}
    holds_growth = _growth_holders(book, under_way)

    candidates: dict[str, dict[str, int | None]] = {}
    fits: dict[tuple[str, str], Match] = {}
    for c, client in owned.items():
        candidates[c] = {}
        for t, mate in sorted(team.items()):
            if c in under_way:  # kept: only its own teammate, whose spare hours already leave it out
                ours = t == under_way[c].teammate
                found = match(client, t, mate, spare[t] + client.weekly_hours * ours)
                candidates[c][t] = found.points(client.weight) if ours else None
            else:
                found = match(client, t, mate, spare[t])
                candidates[c][t] = found.points(client.weight) if eligible(client, found) else None
            fits[c, t] = found

    open_clients = [c for c in owned if c not in under_way]
    pairs = {(c, t): s for c in open_clients for t, s in candidates[c].items() if s is not None}
    chosen = best_assignment(
        pairs,
        hours={c: owned[c].weekly_hours for c in open_clients},
        spare=spare,
        growth_clients={c for c in open_clients if owned[c].weight >= GROWTH_WEIGHT},
        without_growth=set(team) - holds_growth,
    )

    teammate_of = {**{c: h.teammate for c, h in under_way.items()}, **chosen}
    order = sorted(chosen, key=lambda c: _priority(c, owned[c], fits[c, chosen[c]]))
    dated = {c: tuple(h.stages) for c, h in under_way.items()}
    paced = _paced_starts(order, chosen, under_way, start, pacing)
    dated |= {c: tuple(dated_stages(day, pacing)) for c, day in paced.items()}
    assignments: list[Assignment] = []
    taken: dict[str, list[str]] = {t: [] for t in team}  # per teammate, the plan's clients that start before
    for c in sorted(teammate_of, key=lambda c: (dated[c][0].start, c)):
        t, client = teammate_of[c], owned[c]
        room = team[t].capacity_hours - before[t] - math.fsum(owned[k].weekly_hours for k in taken[t])
        first = c not in under_way and client.weight >= GROWTH_WEIGHT and t not in holds_growth
        said = reasons(client, fits[c, t], first, room, [owned[k].name for k in taken[t]])
        if c in under_way:
            said = (f"saved handoff, at the {under_way[c].stage} stage", *said)
        score = candidates[c][t] or 0
        assignments.append(Assignment(c, t, score, said, dated[c], client.weekly_hours, saved=c in under_way))
        taken[t].append(c)

    unassigned = [
        Unassigned(c, _why_unassigned(c, owned[c], book, spare, fits)) for c in open_clients if c not in chosen
    ]
    load = {
        t: Load(
            mate.capacity_hours,
            before[t],
            before[t] + math.fsum(owned[a.client].weekly_hours for a in assignments if a.teammate == t),
        )
        for t, mate in sorted(team.items())
    }
    return HandoffPlan(start, tuple(assignments), tuple(unassigned), candidates, load, pacing, book)


def _growth_holders(book: Book, under_way: Mapping[str, Handoff]) -> set[str]:
    """Teammates who own a growth account or are taking one over."""
    holders = {c.owner for c in book.clients.values() if c.weight >= GROWTH_WEIGHT and c.owner != ME}
    holders |= {h.teammate for k, h in under_way.items() if book.clients[k].weight >= GROWTH_WEIGHT}
    return holders


def _priority(key: str, client: Client, found: Match) -> tuple[bool, float, int, str]:
    """Which handoff starts first: ready teammates first, then the most of the leader's hours freed."""
    ready, points = found.readiness(client)
    return (not ready, -client.weekly_hours, -points, key)


def _paced_starts(
    order: list[str], chosen: Mapping[str, str], under_way: Mapping[str, Handoff], start: date, pacing: Pacing
) -> dict[str, date]:
    """Each chosen client's first day, in `order`: the first week from `start` that is not skipped, where
    fewer than `per_week` handoffs (saved ones included) start, and after its teammate has met the previous
    client handed to them."""
    started = Counter(pacing.week(h.stages[0].start) for h in under_way.values())
    met = [(h.teammate, h.dates_of(MET_AFTER).end + timedelta(days=1)) for h in under_way.values()]
    free_from: dict[str, date] = {}
    for teammate, day in sorted(met):
        free_from[teammate] = day  # sorted: the latest day is kept
    starts: dict[str, date] = {}
    for client in order:
        teammate = chosen[client]
        day = max(start, free_from.get(teammate, start))
        while pacing.skips(day) or started[pacing.week(day)] >= pacing.per_week:
            day += WEEK
        started[pacing.week(day)] += 1
        starts[client] = day
        free_from[teammate] = dated_stages(day, pacing)[HANDOFF_STAGES.index(MET_AFTER)].end + timedelta(days=1)
    return starts


def _why_unassigned(
    key: str, client: Client, book: Book, spare: Mapping[str, float], fits: Mapping[tuple[str, str], Match]
) -> str:
    fitting = sorted(t for t in book.current_team() if fits[key, t].fits(client))
    if not fitting:
        return f"nobody fits: no teammate has {or_list(client.needs)} as a skill or growth goal, or backs it"
    roomy = [t for t in fitting if fits[key, t].free_after >= -HOURS_SLACK]
    if not roomy:
        most = max(fitting, key=lambda t: (spare[t], t))
        return (
            f"nobody who fits has {hours_text(client.weekly_hours)} h a week spare "
            f"(most: {most}, {hours_text(max(spare[most], 0))} h); free some hours or grow someone into it"
        )
    return f"the spare hours of those who fit ({', '.join(roomy)}) go to other handoffs in this plan"
