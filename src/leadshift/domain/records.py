"""The day-to-day records, and `log/YYYY-MM.toml`, the Month that holds them."""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from typing import Annotated, ClassVar, Union

from pydantic import Field, ValidationInfo, field_validator, model_validator

from leadshift.domain.dates import month_key
from leadshift.domain.schema import (
    SCHEMA_VERSION,
    Activity,
    ClientWork,
    Key,
    NoKind,
    Note,
    OneOnOneStatus,
    RecordId,
    SchemaVersion,
    Strict,
    broken_rule,
)
from leadshift.domain.terms import TEAM_TIME
from leadshift.domain.wording import hours_text, or_list

MAX_HOURS_A_DAY = 24.0
MAX_REQUEST = 500  # characters of a request; the rest belongs in the note
Hours = Annotated[float, Field(gt=0, le=MAX_HOURS_A_DAY, allow_inf_nan=False)]


def hours_on(records: Iterable[AnyRecord], day: date) -> float:
    """All hours logged on `day`, client work and leading alike."""
    return math.fsum(r.hours for r in records if isinstance(r, HoursRecord) and r.date == day)


def over_a_day(hours: float) -> bool:
    return hours > MAX_HOURS_A_DAY + 1e-9  # float sums of quarter hours must not trip the limit


def can_have_cause(status: str) -> bool:
    """Whether a 1:1 with this status can name the client that caused it: only one that did not go as planned."""
    return status != "held"


class Record(Strict):
    """What every day-to-day record has: a short stable id, a date and a note."""

    kind: ClassVar[str]  # the `type` shown in `show --json`
    table: ClassVar[str]  # the array of tables it lives in, in a month file

    id: RecordId
    date: date
    note: Note = ""
    added: datetime | None = None  # when it was written: records of one day are listed in this order

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
    """Hours of client work (`client`, of a kind of `work`) or of leadership (`activity`).

    Client hours without `work` are delivery, the default: files written before
    version 4 hold only those, and stay as they are.
    """

    kind: ClassVar[str] = "hours"
    table: ClassVar[str] = "hours"

    hours: Hours
    client: Key | None = None
    activity: Activity | None = None
    teammate: Key | None = None
    work: ClientWork | None = None
    interrupted_by: Key | None = None  # the client whose call cut into this time with the team

    @model_validator(mode="after")
    def _client_or_activity(self) -> HoursRecord:
        if (self.client is None) == (self.activity is None):
            raise ValueError("an hours record names either a client or a leadership activity")
        if self.client is not None and self.teammate is not None:
            raise ValueError("client hours do not take a teammate; log leadership hours with one")
        if self.work is not None and self.client is None:
            raise ValueError("only client hours have a kind of work; leadership hours have an activity")
        if self.interrupted_by is not None and self.activity not in TEAM_TIME:
            raise ValueError(f"only time with your people ({or_list(list(TEAM_TIME))}) can be interrupted by a client")
        return self

    @property
    def client_work(self) -> str | None:
        """What client hours were for (delivery unless said otherwise); None for leadership hours."""
        return None if self.client is None else self.work or "delivery"

    def references(self) -> Iterator[tuple[str, str]]:
        if self.client:
            yield "client", self.client
        if self.teammate:
            yield "teammate", self.teammate
        if self.interrupted_by:
            yield "client", self.interrupted_by


class OneOnOneRecord(Record):
    """A 1:1 with a teammate: held, cancelled or interrupted (because of a client)."""

    kind: ClassVar[str] = "one-on-one"
    table: ClassVar[str] = "one_on_one"

    teammate: Key
    status: OneOnOneStatus
    because: Key | None = None

    @model_validator(mode="after")
    def _because_needs_a_disruption(self) -> OneOnOneRecord:
        if self.because is not None and not can_have_cause(self.status):
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
    request: Annotated[str, Field(min_length=1, max_length=MAX_REQUEST)]
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


class PulledRecord(Record):
    """A teammate pulled onto a client the leader still owns, and the client of theirs that paid for it.

    Their hours, not the leader's: they count in no day's total. (docs/coaching.md, 3)
    """

    kind: ClassVar[str] = "pulled"
    table: ClassVar[str] = "pulled"

    teammate: Key
    client: Key
    hours: Hours
    from_client: Key | None = None

    @model_validator(mode="after")
    def _from_another_client(self) -> PulledRecord:
        if self.from_client is not None and self.from_client == self.client:
            raise ValueError("--from names the client whose time was given up: another client than the one helped")
        return self

    def references(self) -> Iterator[tuple[str, str]]:
        yield "teammate", self.teammate
        yield "client", self.client
        if self.from_client:
            yield "client", self.from_client


AnyRecord = Union[HoursRecord, OneOnOneRecord, TradeOffRecord, EscalationRecord, PulledRecord]
RECORD_TYPES: tuple[type[Record], ...] = (HoursRecord, OneOnOneRecord, TradeOffRecord, EscalationRecord, PulledRecord)


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
    pulled: list[PulledRecord] = []

    def records(self) -> list[AnyRecord]:
        return [*self.hours, *self.one_on_one, *self.trade_off, *self.escalation, *self.pulled]

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
                message = f"{day} has {hours_text(total)} hours logged, up to record {last.id}"
                raise broken_rule(f"{message}; a day holds at most {hours_text(MAX_HOURS_A_DAY)}", record=last.id)
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
