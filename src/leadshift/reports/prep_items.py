"""What the brief for a 1:1 lists (`leadshift prep`): the result types, shared by the brief and its questions."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from leadshift.domain.book import Book
from leadshift.domain.results import view_only


@dataclass(frozen=True)
class Person:
    key: str
    name: str
    left: date | None  # they left the team that day: the brief is history, no 1:1 is due


@dataclass(frozen=True)
class ClientRef:
    key: str
    name: str


@dataclass(frozen=True)
class LostOneOnOne:
    """A 1:1 with them cancelled or interrupted; `because` is the client that caused it, if one did."""

    date: date
    status: str
    because: ClientRef | None


@dataclass(frozen=True)
class OpenAction:
    id: str
    text: str
    due: date | None
    opened: date
    overdue: bool  # due before today


@dataclass(frozen=True)
class Actions:
    mine: tuple[OpenAction, ...]  # what you owe them: shown first
    theirs: tuple[OpenAction, ...]


@dataclass(frozen=True)
class OpenObstacle:
    id: str
    text: str
    opened: date
    age_days: int


@dataclass(frozen=True)
class Escalation:
    date: date
    asked_first: bool  # you asked for their solution before giving yours


@dataclass(frozen=True)
class YesCost:
    """A yes to a client that gave up their time (as `check` lists it, without the note)."""

    date: date
    client: str
    request: str
    said_no: str


@dataclass(frozen=True)
class Account:
    """A client they own, back or are taking over; the stage is that of a saved handoff to them."""

    client: str
    role: str  # owner, taking-over or backer
    handoff_stage: str | None
    asks_of_you: str | None  # what that stage asks of you
    name: str = view_only()


@dataclass(frozen=True)
class Growth:
    growing: tuple[str, ...]
    skills: tuple[str, ...]
    capacity_hours: float
    owned_weekly_hours: float  # the weekly hours of the clients they own
    backed_weekly_hours: float  # ... and of those they back
    growth_accounts: tuple[str, ...]  # weight 4-5 clients they own or are taking over, as the review counts them


@dataclass(frozen=True)
class Facts:
    """What the ledger says about one teammate before your next 1:1; `Prep` adds the questions."""

    teammate: Person
    last_held: date | None
    next_due: date | None  # None when they are not on the team today
    lost_since: tuple[LostOneOnOne, ...]
    actions: Actions
    obstacles: tuple[OpenObstacle, ...]  # open, oldest first
    escalations: tuple[Escalation, ...]
    cost_by_yes: tuple[YesCost, ...]
    accounts: tuple[Account, ...]
    growth: Growth
    coaching_hours_4w: float
    today: date = view_only()
    book: Book = view_only()  # the names the view and the questions print
    on_team: bool = view_only(default=True)  # on the team today: someone who left has no next 1:1
