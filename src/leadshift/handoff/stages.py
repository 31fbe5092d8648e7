"""The stages of a handoff: their length, what to do in each, their dates, and where a saved one stands (pure)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from leadshift.domain.book import Book, StageDates
from leadshift.domain.results import view_only
from leadshift.domain.terms import HANDOFF_STAGES
from leadshift.handoff.pacing import Pacing

# Weeks per stage. Long enough for the client to meet the teammate in each
# role (a joint meeting, then a couple of weekly cycles co-leading and leading)
# and short enough that the leader's hours are freed within six weeks.
STAGE_WEEKS = {"prepare": 1, "introduce": 1, "co-lead": 2, "lead": 2, "check-ins": 8}
# The next handoff to the same teammate begins once the previous client has met
# them (after this stage), so nobody prepares for two new accounts, or is
# introduced to two new clients, in the same week.
MET_AFTER = "introduce"

# What to do in each stage (docs/coaching.md, 7 and 9).
GUIDANCE = {
    "prepare": (
        "Brief them on the account: its history, its people, what is open and what could go wrong. "
        "Train the gaps now, so they meet the client ready and never lose face."
    ),
    "introduce": (
        "A joint meeting with the client. Present them as the person who already knows the file from "
        "the back office; let them do most of the talking, and do not correct them in front of the client."
    ),
    "co-lead": (
        "They run the calls and the work; you are there and debrief in private afterwards. "
        "Early mistakes are part of learning: talk them through, never take the work back."
    ),
    "lead": (
        "They lead alone and the client goes to them first. Send the client's requests back to them; "
        "stay reachable for them, not for the client."
    ),
    "check-ins": (
        "Stay on the map: a short check-in with the client every few weeks, with them leading. Praise their "
        "work, stand with them when something goes wrong, let them present the wins. Spend the freed hours "
        "on strategy, quality, skills and new business."
    ),
}

LAST_WORKING_STAGE = HANDOFF_STAGES[-2]  # completing it makes the teammate the owner


def dated_stages(start: date, pacing: Pacing | None = None) -> list[StageDates]:
    """The stages of a handoff starting on `start`, back to back, each its planned number of working weeks.

    With `pacing`, no stage starts in a skipped week (it starts after it: the
    week off lies between two stages) and a skipped week inside a stage makes
    that stage a week longer.
    """
    pacing = pacing or Pacing()
    stages: list[StageDates] = []
    for name in HANDOFF_STAGES:
        start = pacing.open_from(start)
        end = pacing.end_after(start, STAGE_WEEKS[name])
        stages.append(StageDates(stage=name, start=start, end=end))
        start = end + timedelta(days=1)
    return stages


@dataclass(frozen=True)
class HandoffStatus:
    """Where one saved handoff stands."""

    client: str
    teammate: str
    stage: str
    since: date = view_only()  # when the current stage started (or is planned to)
    until: date = view_only()  # when it is planned to end
    next_stage_on: date | None  # None once done: only the check-ins remain
    done: bool


@dataclass(frozen=True)
class SavedHandoffs:
    """`leadshift handoff status`: every saved handoff, by client key."""

    statuses: tuple[HandoffStatus, ...]
    book: Book = view_only()  # the names the view prints
    today: date = view_only()  # whether each stage is late, under way or yet to start


def handoff_status(book: Book, today: date) -> SavedHandoffs:
    """Every saved handoff, by client key, as it stands on `today`."""
    statuses = []
    for client, handoff in sorted(book.handoffs.items()):
        index = HANDOFF_STAGES.index(handoff.stage)
        current = handoff.stages[index]
        following = handoff.stages[index + 1].start if not handoff.done else None
        statuses.append(
            HandoffStatus(client, handoff.teammate, handoff.stage, current.start, current.end, following, handoff.done)
        )
    return SavedHandoffs(tuple(statuses), book, today)
