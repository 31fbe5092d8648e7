"""`ledger.toml`: who the leader is, their team, their clients and the saved handoffs."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from pydantic import Field, field_validator, model_validator

from leadshift.domain.calendar_rules import Answer, Domains, Emails, EventKey, Keywords, first_shared
from leadshift.domain.promises import ActionItem, Obstacle
from leadshift.domain.schema import (
    SCHEMA_VERSION,
    Activity,
    Key,
    Keys,
    Name,
    RecordId,
    SchemaVersion,
    StageName,
    Strict,
    Tags,
    Weekday,
    WeeklyHours,
    WeekNames,
    broken_rule,
)
from leadshift.domain.terms import HANDOFF_STAGES, ME

DONE_STAGE: StageName = HANDOFF_STAGES[-1]  # reached when the teammate becomes the owner


class Profile(Strict):
    name: Name
    promoted_on: date | None = None
    workday_hours: Annotated[float, Field(gt=0, le=24, allow_inf_nan=False)] = 10.0
    client_share_limit: Annotated[float, Field(gt=0, le=1, allow_inf_nan=False)] = 0.4
    week_starts: Weekday = "monday"
    # Weeks off (ISO weeks, like 2026-W52): no handoff stage starts in one. Absent from files before it existed.
    holidays: WeekNames = []
    # For `log --calendar`: your own addresses (events you declined are skipped), the calendar file read
    # when none is given, and the words that make an event's title a leadership activity (by activity).
    emails: Emails = []
    calendar: Annotated[str, Field(min_length=1, max_length=4096)] | None = None
    keywords: dict[Activity, Keywords] = {}


class Teammate(Strict):
    name: Name
    role: Annotated[str, Field(max_length=200)] = ""
    skills: Tags = []
    growing: Tags = []
    capacity_hours: WeeklyHours = 30.0
    one_on_one_every: Annotated[int, Field(ge=1, le=365)] = 14
    # When they joined, if after you took the team: their first 1:1 falls due a cadence after it.
    joined: date | None = None
    # When they left: from that day on they are off the team, and kept only for the history that names them.
    left: date | None = None
    emails: Emails = []  # their addresses: an event with them alone is a 1:1 (`log --calendar`)

    def on_team(self, day: date) -> bool:
        """Whether they are on the team on `day`: joined by then (when known), and not gone yet."""
        return (self.joined is None or self.joined <= day) and (self.left is None or day < self.left)

    @model_validator(mode="after")
    def _leaves_after_joining(self) -> Teammate:
        if self.joined is not None and self.left is not None and self.left < self.joined:
            raise ValueError(f"they left on {self.left}, before they joined on {self.joined}")
        return self


class Client(Strict):
    name: Name
    owner: Key = ME
    needs: Tags = []
    weight: Annotated[int, Field(ge=1, le=5)] = 3
    weekly_hours: WeeklyHours = 5.0
    backed_by: Keys = []
    # When it joined the ledger: a client never worked counts as quiet from here, not from the
    # first day logged. Absent for clients from before version 2 that have no record yet.
    added: date | None = None
    # A deal being pursued, not yet a client: its hours are new business, the leader's own job; it is never
    # served, never handed over, and never in the figures of the clients you serve (docs/coaching.md, 6).
    prospect: bool = False
    domains: Domains = []  # its people's email domains: an event with one of them is its hours (`log --calendar`)

    @property
    def served_by_me(self) -> bool:
        """A client the leader serves in person: theirs, and not a prospect."""
        return self.owner == ME and not self.prospect


class StageDates(Strict):
    """One stage of a handoff, from `start` to `end` inclusive."""

    stage: StageName
    start: date
    end: date


class Handoff(Strict):
    """A saved handoff of one of the leader's clients (the key in `Book.handoffs`) to a teammate.

    `stage` is the stage under way. Completing `lead` makes the teammate the
    owner and moves the handoff to `check-ins`: it is then done, and stays in
    the ledger as history (`handoff status` lists it) until cancelled.
    """

    teammate: Key
    stage: StageName = HANDOFF_STAGES[0]
    stages: list[StageDates]

    @property
    def done(self) -> bool:
        return self.stage == DONE_STAGE

    def dates_of(self, stage: str) -> StageDates:
        return self.stages[HANDOFF_STAGES.index(stage)]

    @model_validator(mode="after")
    def _stages_in_order(self) -> Handoff:
        if [s.stage for s in self.stages] != list(HANDOFF_STAGES):
            raise ValueError(f"stages must be {', '.join(HANDOFF_STAGES)}: each once, in this order")
        for stage in self.stages:
            if stage.end < stage.start:
                raise ValueError(f"the {stage.stage} stage ends on {stage.end}, before it starts on {stage.start}")
        for before, after in zip(self.stages, self.stages[1:], strict=False):
            # Equal is fine: several stages can be completed on the same day.
            if after.start < before.end:
                raise ValueError(
                    f"the {after.stage} stage starts on {after.start}, before the {before.stage} stage ends on "
                    f"{before.end}"
                )
        return self


class Book(Strict):
    """`ledger.toml`: who the leader is, their team, their clients and the saved handoffs."""

    schema_version: SchemaVersion = SCHEMA_VERSION
    profile: Profile
    teammates: dict[Key, Teammate] = {}
    clients: dict[Key, Client] = {}
    handoffs: dict[Key, Handoff] = {}  # keyed by client
    actions: dict[RecordId, ActionItem] = {}  # keyed by id, like records
    obstacles: dict[RecordId, Obstacle] = {}
    # What you said a calendar event is, by the event's series (UID) and by its title: asked once.
    remembered_series: dict[EventKey, Answer] = {}
    remembered_titles: dict[EventKey, Answer] = {}

    def client_name(self, key: str) -> str:
        """A client's display name (its key if it is gone): messages speak of clients, not slugs."""
        client = self.clients.get(key)
        return client.name if client else key

    def teammate_name(self, key: str) -> str:
        """A teammate's display name (their key if they are gone)."""
        mate = self.teammates.get(key)
        return mate.name if mate else key

    def team_on(self, day: date) -> dict[str, Teammate]:
        """The teammates on the team on `day`, by key; `teammates` also holds those who left, for their history."""
        return {key: mate for key, mate in self.teammates.items() if mate.on_team(day)}

    def team_during(self, first: date, last: date) -> dict[str, Teammate]:
        """The teammates on the team on any day from `first` to `last`, by key."""
        return {
            key: mate
            for key, mate in self.teammates.items()
            if (mate.joined is None or mate.joined <= last) and (mate.left is None or first < mate.left)
        }

    def current_team(self) -> dict[str, Teammate]:
        """Everyone who has not left, by key: who `teammate list` shows and a handoff plan may propose."""
        return {key: mate for key, mate in self.teammates.items() if mate.left is None}

    @field_validator("teammates")
    @classmethod
    def _me_is_reserved(cls, teammates: dict[str, Teammate]) -> dict[str, Teammate]:
        if ME in teammates:
            raise ValueError(f"'{ME}' is reserved for you, the leader; pick another teammate key")
        return teammates

    @model_validator(mode="after")
    def _addresses_once(self) -> Book:
        # An attendee must read as one client or one person, never two.
        if shared := first_shared((key, client.domains) for key, client in self.clients.items()):
            domain, first, second = shared
            raise broken_rule(
                f"the domain {domain} is given to clients '{first}' and '{second}'; a domain belongs to one client",
                at=("clients", second, "domains"),
            )
        people = [(ME, self.profile.emails), *((key, mate.emails) for key, mate in self.teammates.items())]
        if shared := first_shared(people):
            email, first, second = shared
            whose = "yours" if first == ME else f"{first}'s"
            raise broken_rule(
                f"the email {email} is {whose} and {second}'s; an address belongs to one person",
                at=("teammates", second, "emails"),
            )
        return self

    @model_validator(mode="after")
    def _references_exist(self) -> Book:
        # Handoffs first: while one is under way, its client's owner is the issue to fix.
        for key, handoff in self.handoffs.items():
            if key not in self.clients:
                raise broken_rule(f"a handoff is saved for client '{key}', which is not a client", at=("handoffs", key))
            if handoff.teammate not in self.teammates:
                raise broken_rule(
                    f"the handoff of '{key}' is to '{handoff.teammate}', who is not a teammate",
                    at=("handoffs", key, "teammate"),
                )
            if not handoff.done and (left := self.teammates[handoff.teammate].left):
                raise broken_rule(
                    f"the handoff of '{key}' is to '{handoff.teammate}', who left the team on {left}; cancel it "
                    f"(`leadshift handoff cancel {key}`)",
                    at=("handoffs", key, "teammate"),
                )
            if not handoff.done and self.clients[key].prospect:
                raise broken_rule(
                    f"client '{key}' is a prospect, which is not handed over; cancel its handoff "
                    f"(`leadshift handoff cancel {key}`) or make it a client (`leadshift client edit {key} "
                    "--no-prospect`)",
                    at=("clients", key, "prospect"),
                )
            owner = self.clients[key].owner
            if not handoff.done and owner != ME:
                # Only completing the handoff moves the client; anything else would leave two plans for it.
                raise broken_rule(
                    f"client '{key}' is being handed over to '{handoff.teammate}' (stage {handoff.stage}), so it "
                    f"stays yours until that is done; finish it (`leadshift handoff advance {key}`) or cancel it "
                    f"(`leadshift handoff cancel {key}`) first",
                    at=("clients", key, "owner"),
                )
        for key, client in self.clients.items():
            if client.owner != ME and client.owner not in self.teammates:
                raise broken_rule(
                    f"client '{key}' is owned by '{client.owner}', who is not a teammate", at=("clients", key, "owner")
                )
            if client.owner != ME and (left := self.teammates[client.owner].left):
                raise broken_rule(
                    f"client '{key}' is owned by '{client.owner}', who left the team on {left}; give it to someone "
                    f"on the team (`leadshift client edit {key} --owner KEY`, or `--owner me`)",
                    at=("clients", key, "owner"),
                )
            for backer in client.backed_by:
                if backer not in self.teammates:
                    raise broken_rule(
                        f"client '{key}' is backed by '{backer}', who is not a teammate",
                        at=("clients", key, "backed_by"),
                    )
                if left := self.teammates[backer].left:
                    raise broken_rule(
                        f"client '{key}' is backed by '{backer}', who left the team on {left}; take them off "
                        f"(`leadshift client edit {key} --backed-by ...`)",
                        at=("clients", key, "backed_by"),
                    )
                if backer == client.owner:
                    raise broken_rule(
                        f"client '{key}' is owned by '{backer}', who cannot also back it", at=("clients", key, "owner")
                    )
        for table, label, items in (
            ("actions", "action item", self.actions),
            ("obstacles", "obstacle", self.obstacles),
        ):
            for item_id, item in items.items():
                if item.teammate not in self.teammates:
                    raise broken_rule(
                        f"{label} {item_id} is with '{item.teammate}', who is not a teammate",
                        at=(table, item_id, "teammate"),
                    )
        return self
