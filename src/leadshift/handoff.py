"""The handoff plan: who takes over each client the leader still owns, why, and when (pure).

Every (client, teammate) pair gets a score in whole points, or None when the
teammate cannot take the client. The plan is the set of assignments with the
highest total score that fits every teammate's spare hours, found exactly by
an integer program, then dated in stages from a start day, staggered per
teammate. Saved handoffs under way are kept as they are; only the rest is planned.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta

from leadshift.errors import NotFound
from leadshift.model import ME, Book, Client, Handoff, Ledger, StageDates, Teammate
from leadshift.stages import STAGGER_WEEKS, dated_stages

# -- the score ------------------------------------------------------------------
# score = SKILL_POINTS x (needs they have as a skill)
#       + GROWTH_POINTS x weight x (needs they want to grow in, and lack as a skill)
#       + BACKER_POINTS if they already back the account
#       + round(CAPACITY_POINTS x share of their capacity still free after taking it)
SKILL_POINTS = 4  # they can serve that need from day one (COACHING.md 8)
GROWTH_POINTS = 1  # per need and per weight point: prestigious accounts are the best growth ground (4)
BACKER_POINTS = 5  # the client already knows them and they know the file: the smoothest handoff (8)
CAPACITY_POINTS = 2  # among equal fits, prefer whoever is left with more room
# Accounts of this weight and up are "growth accounts". Where two plans score
# the same, the plan gives more of them to teammates who hold none yet (4).
GROWTH_ACCOUNT_WEIGHT = 4

HOURS_SLACK = 1e-6  # float sums of hours must not turn an exact fit into "no room"


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
    def new(self) -> tuple[Assignment, ...]:
        """The assignments this plan adds (not the saved ones it keeps)."""
        return tuple(a for a in self.assignments if not a.saved)


@dataclass(frozen=True)
class Fit:
    """The terms of one (client, teammate) score."""

    skills: tuple[str, ...]
    growth: tuple[str, ...]
    backs: bool
    free_after: float  # hours a week still free after taking the client
    capacity: float

    def points(self, weight: int) -> int:
        return (
            SKILL_POINTS * len(self.skills)
            + GROWTH_POINTS * weight * len(self.growth)
            + BACKER_POINTS * self.backs
            + self.capacity_points()
        )

    def capacity_points(self) -> int:
        share = max(self.free_after, 0.0) / self.capacity if self.capacity > 0 else 0.0
        return math.floor(CAPACITY_POINTS * share + 0.5)  # half up, unlike round()

    def fits(self, client: Client) -> bool:
        """Worth handing to: a need they have or want to grow in, or they back it (anyone, if it lists no needs)."""
        return bool(self.skills or self.growth or self.backs or not client.needs)


def fit(client: Client, teammate_key: str, teammate: Teammate, spare: float) -> Fit:
    """How `teammate` fits `client` when they have `spare` hours a week before taking it."""
    skills = {s.casefold() for s in teammate.skills}
    growing = {g.casefold() for g in teammate.growing}
    return Fit(
        skills=tuple(n for n in client.needs if n.casefold() in skills),
        growth=tuple(n for n in client.needs if n.casefold() in growing and n.casefold() not in skills),
        backs=teammate_key in client.backed_by,
        free_after=spare - client.weekly_hours,
        capacity=teammate.capacity_hours,
    )


def eligible(client: Client, found: Fit) -> bool:
    return found.free_after >= -HOURS_SLACK and found.fits(client)


def reasons(client: Client, found: Fit, first_growth_account: bool) -> tuple[str, ...]:
    """The terms that drove a score, in words."""
    said = []
    if found.backs:
        said.append(f"already backs {client.name}")
    if found.skills:
        said.append(f"matches {', '.join(found.skills)}")
    if found.growth:
        said.append(f"wants to grow in {', '.join(found.growth)}")
    if found.capacity_points() > 0 or not said:
        # Spare hours before the plan: two clients to one teammate must not each claim the same free hours.
        spare = max(found.free_after + client.weekly_hours, 0)
        said.append(f"has {spare:g} of {found.capacity:g} h a week spare")
    if first_growth_account:
        said.append("their first growth account")
    return tuple(said)


# -- the plan -------------------------------------------------------------------


def plan_handoff(ledger: Ledger, start: date) -> HandoffPlan:
    """Who should take over each client the leader owns, and the dated stages, starting on `start`."""
    book = ledger.book
    owned = {k: c for k, c in sorted(book.clients.items()) if c.owner == ME}
    if not owned:
        return HandoffPlan(start)
    if not book.teammates:
        raise NotFound(
            f"no teammates to hand your {len(owned)} client(s) to: add the people you lead first "
            "(`leadshift teammate add KEY --name NAME --skills a,b --growing c`)."
        )
    under_way = {k: h for k, h in book.handoffs.items() if k in owned and not h.done}
    before = {t: math.fsum(c.weekly_hours for c in book.clients.values() if c.owner == t) for t in book.teammates}
    taking = {t: math.fsum(owned[k].weekly_hours for k, h in under_way.items() if h.teammate == t) for t in before}
    spare = {t: mate.capacity_hours - before[t] - taking[t] for t, mate in book.teammates.items()}
    holds_growth = _growth_holders(book, under_way)

    candidates: dict[str, dict[str, int | None]] = {}
    fits: dict[tuple[str, str], Fit] = {}
    for c, client in owned.items():
        candidates[c] = {}
        for t, mate in sorted(book.teammates.items()):
            if c in under_way:  # kept: only its own teammate, whose spare hours already leave it out
                ours = t == under_way[c].teammate
                found = fit(client, t, mate, spare[t] + client.weekly_hours * ours)
                candidates[c][t] = found.points(client.weight) if ours else None
            else:
                found = fit(client, t, mate, spare[t])
                candidates[c][t] = found.points(client.weight) if eligible(client, found) else None
            fits[c, t] = found

    open_clients = [c for c in owned if c not in under_way]
    pairs = {(c, t): s for c in open_clients for t, s in candidates[c].items() if s is not None}
    chosen = best_assignment(
        pairs,
        hours={c: owned[c].weekly_hours for c in open_clients},
        spare=spare,
        growth_clients={c for c in open_clients if owned[c].weight >= GROWTH_ACCOUNT_WEIGHT},
        without_growth=set(book.teammates) - holds_growth,
    )

    starts = _staggered_starts(chosen, owned, under_way, start)
    assignments = [
        Assignment(
            c,
            h.teammate,
            candidates[c][h.teammate] or 0,
            (f"saved handoff, at the {h.stage} stage", *reasons(owned[c], fits[c, h.teammate], False)),
            tuple(h.stages),
            owned[c].weekly_hours,
            saved=True,
        )
        for c, h in under_way.items()
    ]
    for c, t in chosen.items():
        first = owned[c].weight >= GROWTH_ACCOUNT_WEIGHT and t not in holds_growth
        assignments.append(
            Assignment(
                c,
                t,
                pairs[c, t],
                reasons(owned[c], fits[c, t], first),
                tuple(dated_stages(starts[c])),
                owned[c].weekly_hours,
            )
        )
    assignments.sort(key=lambda a: (a.starts, a.client))

    unassigned = [
        Unassigned(c, _why_unassigned(c, owned[c], book, spare, fits)) for c in open_clients if c not in chosen
    ]
    load = {
        t: Load(
            mate.capacity_hours,
            before[t],
            before[t] + math.fsum(owned[a.client].weekly_hours for a in assignments if a.teammate == t),
        )
        for t, mate in sorted(book.teammates.items())
    }
    return HandoffPlan(start, tuple(assignments), tuple(unassigned), candidates, load)


def _growth_holders(book: Book, under_way: Mapping[str, Handoff]) -> set[str]:
    """Teammates who own a growth account or are taking one over."""
    holders = {c.owner for c in book.clients.values() if c.weight >= GROWTH_ACCOUNT_WEIGHT and c.owner != ME}
    holders |= {h.teammate for k, h in under_way.items() if book.clients[k].weight >= GROWTH_ACCOUNT_WEIGHT}
    return holders


def _staggered_starts(
    chosen: Mapping[str, str], owned: Mapping[str, Client], under_way: Mapping[str, Handoff], start: date
) -> dict[str, date]:
    """Per teammate, the biggest client first (it frees the most of the leader's hours), STAGGER_WEEKS apart."""
    gap = timedelta(weeks=STAGGER_WEEKS)
    starts: dict[str, date] = {}
    for teammate in sorted(set(chosen.values())):
        mine = sorted((c for c, t in chosen.items() if t == teammate), key=lambda c: (-owned[c].weekly_hours, c))
        earlier = [h.stages[0].start for h in under_way.values() if h.teammate == teammate]
        day = max(start, max(earlier) + gap) if earlier else start
        for client in mine:
            starts[client] = day
            day += gap
    return starts


def _why_unassigned(
    key: str, client: Client, book: Book, spare: Mapping[str, float], fits: Mapping[tuple[str, str], Fit]
) -> str:
    fitting = sorted(t for t in book.teammates if fits[key, t].fits(client))
    if not fitting:
        return f"nobody fits: no teammate has {_or(client.needs)} as a skill or growth goal, or backs it"
    roomy = [t for t in fitting if fits[key, t].free_after >= -HOURS_SLACK]
    if not roomy:
        most = max(fitting, key=lambda t: (spare[t], t))
        return (
            f"nobody who fits has {client.weekly_hours:g} h a week spare "
            f"(most: {most}, {max(spare[most], 0):g} h); free some hours or grow someone into it"
        )
    return f"the spare hours of those who fit ({', '.join(roomy)}) go to other handoffs in this plan"


def _or(words: list[str]) -> str:
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} or {words[-1]}"


# -- the solver -----------------------------------------------------------------


def best_assignment(
    scores: Mapping[tuple[str, str], int],
    hours: Mapping[str, float],
    spare: Mapping[str, float],
    growth_clients: set[str],
    without_growth: set[str],
) -> dict[str, str]:
    """client -> teammate with the highest total score such that each teammate's hours fit their spare hours.

    A generalized assignment problem (NP-hard: a teammate may take several
    clients while their hours last), so no greedy loop: an integer program
    solved to proven optimality by HiGHS. Ties on the total are broken, in
    this order, by how many teammates without a growth account get one, then
    by how many teammates get any handoff. Scores are whole points, so each
    tie-break is weighted below one point of score and never costs any.
    """
    if not scores:
        return {}
    import numpy as np  # SciPy is slow to import; only the planner pays for it
    from scipy.optimize import Bounds, LinearConstraint, milp

    pairs = sorted(scores)
    clients = sorted({c for c, _ in pairs})
    teammates = sorted({t for _, t in pairs})
    n_pairs, n_mates = len(pairs), len(teammates)
    # Variables: x per pair (hand c to t), then g per teammate (gets a first
    # growth account), then a per teammate (gets at least one handoff).
    size = n_pairs + 2 * n_mates
    tie = n_mates + 1  # a tie-break count is at most n_mates, below one unit of the next level
    objective = np.zeros(size)
    for i, pair in enumerate(pairs):
        objective[i] = -scores[pair] * tie * tie  # milp minimises
    objective[n_pairs : n_pairs + n_mates] = -tie
    objective[n_pairs + n_mates :] = -1

    rows, upper = [], []
    for client in clients:
        rows.append([1.0 if c == client else 0.0 for c, _ in pairs] + [0.0] * (2 * n_mates))
        upper.append(1.0)
    for j, mate in enumerate(teammates):
        rows.append([hours[c] if t == mate else 0.0 for c, t in pairs] + [0.0] * (2 * n_mates))
        upper.append(max(spare[mate], 0.0) + HOURS_SLACK)
        for offset, counted in ((n_pairs, growth_clients), (n_pairs + n_mates, set(clients))):
            row = [-1.0 if t == mate and c in counted else 0.0 for c, t in pairs] + [0.0] * (2 * n_mates)
            row[offset + j] = 1.0  # g or a <= the number of such clients they get
            rows.append(row)
            upper.append(0.0)
    high = np.ones(size)
    high[n_pairs : n_pairs + n_mates] = [1.0 if t in without_growth else 0.0 for t in teammates]
    result = milp(
        objective,
        integrality=np.ones(size),
        bounds=Bounds(np.zeros(size), high),
        constraints=LinearConstraint(np.array(rows), -np.inf, np.array(upper)),
        options={"mip_rel_gap": 0.0},
    )
    if result.status != 0 or result.x is None:
        raise RuntimeError(f"the handoff solver failed: {result.message}")
    taken = np.round(result.x[:n_pairs]).astype(int)
    chosen = {c: t for (c, t), x in zip(pairs, taken, strict=True) if x == 1}
    for mate in teammates:  # the solver works to a tolerance; the plan promises the exact limit
        load = math.fsum(hours[c] for c, t in chosen.items() if t == mate)
        if load > max(spare[mate], 0.0) + HOURS_SLACK:
            raise RuntimeError(f"the handoff solver overfilled {mate}: {load} > {spare[mate]}")
    return chosen
