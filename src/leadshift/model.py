"""The ledger's shape: Pydantic models for every file, and the Ledger aggregate.

`ledger.toml` is a `Book` (profile, teammates, clients, saved handoffs); `log/YYYY-MM.toml` is a
`Month` (the day-to-day records). Validation here is the single definition of
what may be written: the store validates every file with these models before
it touches the disk, and again when it reads a file that was edited by hand.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Annotated, ClassVar, Literal, Union

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator, model_validator
from pydantic_core import PydanticCustomError

from leadshift.dates import month_key
from leadshift.terms import ACTIVITIES, HANDOFF_STAGES, ME, NO_KINDS, ONE_ON_ONE_STATUSES, WEEKDAY_NAMES

SCHEMA_VERSION = 2  # 2: clients gained `added` (migrations.py upgrades version 1 files)
MAX_HOURS_A_DAY = 24.0

Key = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9_-]{0,31}$")]
Name = Annotated[str, Field(min_length=1, max_length=200)]
Note = Annotated[str, Field(max_length=4000)]
Tag = Annotated[str, Field(min_length=1, max_length=60)]
Hours = Annotated[float, Field(gt=0, le=MAX_HOURS_A_DAY, allow_inf_nan=False)]
WeeklyHours = Annotated[float, Field(ge=0, le=168, allow_inf_nan=False)]
# Literal[tuple] expands to the tuple's members: one list of words, in terms.py.
Activity = Literal[ACTIVITIES]  # type: ignore[valid-type]
NoKind = Literal[NO_KINDS]  # type: ignore[valid-type]
OneOnOneStatus = Literal[ONE_ON_ONE_STATUSES]  # type: ignore[valid-type]
Weekday = Literal[WEEKDAY_NAMES]  # type: ignore[valid-type]
StageName = Literal[HANDOFF_STAGES]  # type: ignore[valid-type]
DONE_STAGE: StageName = HANDOFF_STAGES[-1]  # reached when the teammate becomes the owner
RecordId = Annotated[str, Field(pattern=r"^[0-9a-f]{8}$")]
# Bounded so that a corrupted number reads as a broken file, not as "written by leadshift 10**21".
SchemaVersion = Annotated[int, Field(ge=1, le=999)]


def broken_rule(message: str, *, at: tuple[str, ...] = (), record: str = "", last: bool = False) -> PydanticCustomError:
    """A rule spanning several fields, carrying where it breaks so errors can name a line.

    `at` is the table path of the offending key; `record` the id of the offending
    record (`last`: its last occurrence). Pydantic gives such errors no location.
    """
    return PydanticCustomError("ledger_rule", "{detail}", {"detail": message, "at": at, "record": record, "last": last})


def hours_on(records: Iterable[AnyRecord], day: date) -> float:
    """All hours logged on `day`, client work and leading alike."""
    return math.fsum(r.hours for r in records if isinstance(r, HoursRecord) and r.date == day)


def over_a_day(hours: float) -> bool:
    return hours > MAX_HOURS_A_DAY + 1e-9  # float sums of quarter hours must not trip the limit


class Strict(BaseModel):
    """Unknown keys are errors: a typo in a hand edit must not vanish silently."""

    # strict: `weight = true` or `hours = "2"` in a hand edit is an error, not
    # silently converted and written back.
    model_config = ConfigDict(extra="forbid", validate_assignment=True, strict=True)


class Profile(Strict):
    name: Name
    promoted_on: date | None = None
    workday_hours: Annotated[float, Field(gt=0, le=24, allow_inf_nan=False)] = 10.0
    client_share_limit: Annotated[float, Field(gt=0, le=1, allow_inf_nan=False)] = 0.4
    week_starts: Weekday = "monday"


class Teammate(Strict):
    name: Name
    role: Annotated[str, Field(max_length=200)] = ""
    skills: list[Tag] = []
    growing: list[Tag] = []
    capacity_hours: WeeklyHours = 30.0
    one_on_one_every: Annotated[int, Field(ge=1, le=365)] = 14

    @field_validator("skills", "growing")
    @classmethod
    def _no_repeats(cls, tags: list[str]) -> list[str]:
        return list(dict.fromkeys(tags))


class Client(Strict):
    name: Name
    owner: Key = ME
    needs: list[Tag] = []
    weight: Annotated[int, Field(ge=1, le=5)] = 3
    weekly_hours: WeeklyHours = 5.0
    backed_by: list[Key] = []
    # When it joined the ledger: a client never worked counts as quiet from here, not from the
    # first day logged. Absent for clients from before version 2 that have no record yet.
    added: date | None = None

    @field_validator("needs", "backed_by")
    @classmethod
    def _no_repeats(cls, tags: list[str]) -> list[str]:
        return list(dict.fromkeys(tags))


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

    def client_name(self, key: str) -> str:
        """A client's display name (its key if it is gone): messages speak of clients, not slugs."""
        client = self.clients.get(key)
        return client.name if client else key

    def teammate_name(self, key: str) -> str:
        """A teammate's display name (their key if they are gone)."""
        mate = self.teammates.get(key)
        return mate.name if mate else key

    @field_validator("teammates")
    @classmethod
    def _me_is_reserved(cls, teammates: dict[str, Teammate]) -> dict[str, Teammate]:
        if ME in teammates:
            raise ValueError(f"'{ME}' is reserved for you, the leader; pick another teammate key")
        return teammates

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
            for backer in client.backed_by:
                if backer not in self.teammates:
                    raise broken_rule(
                        f"client '{key}' is backed by '{backer}', who is not a teammate",
                        at=("clients", key, "backed_by"),
                    )
                if backer == client.owner:
                    raise broken_rule(
                        f"client '{key}' is owned by '{backer}', who cannot also back it", at=("clients", key, "owner")
                    )
        return self


class Record(Strict):
    """What every day-to-day record has: a short stable id, a date and a note."""

    kind: ClassVar[str]  # the `type` shown in `show --json`
    table: ClassVar[str]  # the array of tables it lives in, in a month file

    id: RecordId
    date: date
    note: Note = ""
    added: datetime | None = None  # when it was written; `undo` removes the newest

    @field_validator("added")
    @classmethod
    def _local_time(cls, added: datetime | None) -> datetime | None:
        # Hand edits may carry an offset; keep every timestamp naive local time
        # so that records stay comparable.
        if added is not None and added.tzinfo is not None:
            return added.astimezone().replace(tzinfo=None)
        return added

    def references(self) -> Iterator[tuple[str, str]]:
        """Yield (`client` or `teammate`, key) for every key this record names."""
        return iter(())


class HoursRecord(Record):
    """Hours of client work (`client`) or of leadership (`activity`)."""

    kind: ClassVar[str] = "hours"
    table: ClassVar[str] = "hours"

    hours: Hours
    client: Key | None = None
    activity: Activity | None = None
    teammate: Key | None = None

    @model_validator(mode="after")
    def _client_or_activity(self) -> HoursRecord:
        if (self.client is None) == (self.activity is None):
            raise ValueError("an hours record names either a client or a leadership activity")
        if self.client is not None and self.teammate is not None:
            raise ValueError("client hours do not take a teammate; log leadership hours with one")
        return self

    def references(self) -> Iterator[tuple[str, str]]:
        if self.client:
            yield "client", self.client
        if self.teammate:
            yield "teammate", self.teammate


class OneOnOneRecord(Record):
    """A 1:1 with a teammate: held, cancelled or interrupted (because of a client)."""

    kind: ClassVar[str] = "one-on-one"
    table: ClassVar[str] = "one_on_one"

    teammate: Key
    status: OneOnOneStatus
    because: Key | None = None

    @model_validator(mode="after")
    def _because_needs_a_disruption(self) -> OneOnOneRecord:
        if self.status == "held" and self.because is not None:
            raise ValueError("a held 1:1 has no 'because'; use cancelled or interrupted")
        return self

    def references(self) -> Iterator[tuple[str, str]]:
        yield "teammate", self.teammate
        if self.because:
            yield "client", self.because


class TradeOffRecord(Record):
    """A yes to a client request and what it displaced inside the team."""

    kind: ClassVar[str] = "trade-off"
    table: ClassVar[str] = "trade_off"

    client: Key
    request: Annotated[str, Field(min_length=1, max_length=500)]
    urgent: bool = False
    said_no: NoKind
    teammate: Key | None = None

    def references(self) -> Iterator[tuple[str, str]]:
        yield "client", self.client
        if self.teammate:
            yield "teammate", self.teammate


class EscalationRecord(Record):
    """A teammate brought a problem; did the leader ask for their solution first?"""

    kind: ClassVar[str] = "escalation"
    table: ClassVar[str] = "escalation"

    teammate: Key
    asked_first: bool

    def references(self) -> Iterator[tuple[str, str]]:
        yield "teammate", self.teammate


AnyRecord = Union[HoursRecord, OneOnOneRecord, TradeOffRecord, EscalationRecord]
RECORD_TYPES: tuple[type[Record], ...] = (HoursRecord, OneOnOneRecord, TradeOffRecord, EscalationRecord)


class Month(Strict):
    """`log/YYYY-MM.toml`: the records of one month, one array per record type.

    Validated with context `{"month": "YYYY-MM", "book": Book}` so that dates
    stay in their file's month and keys point at real clients and teammates.
    """

    schema_version: SchemaVersion = SCHEMA_VERSION
    hours: list[HoursRecord] = []
    one_on_one: list[OneOnOneRecord] = []
    trade_off: list[TradeOffRecord] = []
    escalation: list[EscalationRecord] = []

    def records(self) -> list[AnyRecord]:
        return [*self.hours, *self.one_on_one, *self.trade_off, *self.escalation]

    def with_records(self, records: list[AnyRecord]) -> Month:
        """A copy holding exactly `records`, each in its own table."""
        tables: dict[str, list[AnyRecord]] = {cls.table: [] for cls in RECORD_TYPES}
        for record in records:
            tables[record.table].append(record)
        return Month.model_validate({"schema_version": self.schema_version, **tables})

    @model_validator(mode="after")
    def _consistent(self, info: ValidationInfo) -> Month:
        context = info.context or {}
        records = self.records()
        seen: set[str] = set()
        for record in records:
            if record.id in seen:
                raise broken_rule(
                    f"record {record.id} appears twice; give one of them another id (8 hex digits)",
                    record=record.id,
                    last=True,
                )
            seen.add(record.id)
        for day in {r.date for r in self.hours}:
            if over_a_day(total := hours_on(self.hours, day)):
                last = [r for r in self.hours if r.date == day][-1]
                message = f"{day} has {total:g} hours logged, up to record {last.id}"
                raise broken_rule(f"{message}; a day holds at most {MAX_HOURS_A_DAY:g}", record=last.id)
        if month := context.get("month"):
            for record in records:
                if month_key(record.date) != month:
                    raise broken_rule(f"record {record.id} is dated {record.date}, outside {month}", record=record.id)
        if (book := context.get("book")) is not None:
            known = {"client": book.clients, "teammate": book.teammates}
            for record in records:
                for what, key in record.references():
                    if key not in known[what]:
                        raise broken_rule(
                            f"record {record.id} names {what} '{key}', which is not in ledger.toml", record=record.id
                        )
        return self


@dataclass(frozen=True)
class Ledger:
    """The whole ledger in memory: the book and whichever months were loaded."""

    book: Book
    months: Mapping[str, Month] = field(default_factory=dict)

    def record_ids(self) -> set[str]:
        """Every id in the loaded months (unsorted: cheaper than `records()`)."""
        known = getattr(self.months, "record_ids", None)  # months read lazily (catalog.Months) know without reading
        if known is not None:
            return set(known())
        return {r.id for month in self.months.values() for r in month.records()}

    def records(self, start: date | None = None, end: date | None = None) -> list[AnyRecord]:
        """Records between `start` and `end` inclusive, oldest first (stable within a day)."""
        first, last = (month_key(start) if start else ""), (month_key(end) if end else "9999-99")
        chosen = [
            record
            for key in sorted(self.months)
            if first <= key <= last  # a month file holds only its month's records: skip the others unread
            for record in self.months[key].records()
            if (start is None or record.date >= start) and (end is None or record.date <= end)
        ]
        return sorted(chosen, key=lambda r: (r.date, r.added or datetime.min))
