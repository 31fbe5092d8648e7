"""How well a teammate fits a client they could take over: a score in whole points, and the reasons in words (pure)."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from leadshift.domain.book import Client, Teammate
from leadshift.domain.wording import and_list, hours_text

# score = SKILL_POINTS x (needs they have as a skill)
#       + GROWTH_POINTS x weight x (needs they want to grow in, and lack as a skill)
#       + BACKER_POINTS if they already back the account
#       + round(CAPACITY_POINTS x share of their capacity still free after taking it)
SKILL_POINTS = 4  # they can serve that need from day one (docs/coaching.md, 8)
GROWTH_POINTS = 1  # per need and per weight point: prestigious accounts are the best growth ground (4)
BACKER_POINTS = 5  # the client already knows them and they know the file: the smoothest handoff (8)
CAPACITY_POINTS = 2  # among equal fits, prefer whoever is left with more room

HOURS_SLACK = 1e-6  # float sums of hours must not turn an exact fit into "no room"


@dataclass(frozen=True)
class Match:
    """The terms of one (client, teammate) score: what they bring to the account, and their room for it."""

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

    def readiness(self, client: Client) -> tuple[bool, int]:
        """How ready they are to take the client now: whether they can serve it from day one (a skill it
        needs, or they back it; anyone, when it lists no needs), then the points of their score that need
        no training (skills, backing, room)."""
        ready = bool(self.skills or self.backs or not client.needs)
        return ready, SKILL_POINTS * len(self.skills) + BACKER_POINTS * self.backs + self.capacity_points()

    def capacity_points(self) -> int:
        share = max(self.free_after, 0.0) / self.capacity if self.capacity > 0 else 0.0
        return math.floor(CAPACITY_POINTS * share + 0.5)  # half up, unlike round()

    def fits(self, client: Client) -> bool:
        """Worth handing to: a need they have or want to grow in, or they back it (anyone, if it lists no needs)."""
        return bool(self.skills or self.growth or self.backs or not client.needs)


def match(client: Client, teammate_key: str, teammate: Teammate, spare: float) -> Match:
    """How `teammate` fits `client` when they have `spare` hours a week before taking it."""
    skills = {s.casefold() for s in teammate.skills}
    growing = {g.casefold() for g in teammate.growing}
    return Match(
        skills=tuple(n for n in client.needs if n.casefold() in skills),
        growth=tuple(n for n in client.needs if n.casefold() in growing and n.casefold() not in skills),
        backs=teammate_key in client.backed_by,
        free_after=spare - client.weekly_hours,
        capacity=teammate.capacity_hours,
    )


def eligible(client: Client, found: Match) -> bool:
    return found.free_after >= -HOURS_SLACK and found.fits(client)


def reasons(
    client: Client, found: Match, first_growth_account: bool, spare: float, taken_before: Sequence[str] = ()
) -> tuple[str, ...]:
    """The terms that drove a score, in words.

    `spare` is what they have left when this handoff starts, after the plan's
    handoffs to them that start before it (`taken_before`, by name): two clients
    to one teammate must not each claim the same free hours.
    """
    said = []
    if found.backs:
        said.append(f"already backs {client.name}")
    if found.skills:
        said.append(f"matches {', '.join(found.skills)}")
    if found.growth:
        said.append(f"wants to grow in {', '.join(found.growth)}")
    if found.capacity_points() > 0 or not said:
        after = f" after taking over {and_list(list(taken_before))}" if taken_before else ""
        said.append(f"has {hours_text(max(spare, 0))} of {hours_text(found.capacity)} h a week spare{after}")
    if first_growth_account:
        said.append("their first growth account")
    return tuple(said)
