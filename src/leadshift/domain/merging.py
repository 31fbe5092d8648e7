"""Three versions of one ledger file made one, as git's merge driver for leadshift (pure).

Git merges text line by line, and two machines that each logged a day would
meet at the same closing lines of a month file. Here the unit is what the file
holds: a month's records by id; in ledger.toml each table (teammates, clients,
handoffs, any other) by key, the profile field by field, the rest as values.
Each unit is merged on its own, by the three-way rule git uses for lines:

- the same on both sides, or changed on one side only: that side's version
  (so a record added on either side is kept, and one removed stays removed);
- changed differently on both sides (removed on one and changed on the other
  too): a clash. The file keeps ours; the other version is set aside.

A merged file that would break a rule (a day over 24 hours once both sides'
hours are in) keeps ours whole, and every change of theirs it leaves out is a
clash: nothing is lost, and what is written always validates.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ValidationError

from leadshift.domain.book import Book
from leadshift.domain.records import AnyRecord, Month

M = TypeVar("M", Book, Month)


class _Absent:
    """A side that has no such record, key or field."""

    def __repr__(self) -> str:
        return "ABSENT"


ABSENT: Any = _Absent()

BOTH_CHANGED = "changed differently on both sides"
REMOVED_AND_CHANGED = "removed on one side, changed on the other"
ADDED_TWICE = "added on both sides, differently"
VERSION = "schema_version"


@dataclass(frozen=True)
class Clash:
    """One record, key or field the merge could not settle: what the file keeps, and the version set aside."""

    place: str  # `record 1a2b3c4d`, `teammates.carol`, `profile.workday_hours`
    why: str
    kept: Any  # ABSENT when the file does not have it (removed on that side)
    set_aside: Any


@dataclass(frozen=True)
class Merged(Generic[M]):
    """The merged content (always valid), and the clashes it leaves for a person to settle."""

    content: M
    clashes: tuple[Clash, ...] = ()

    @property
    def clean(self) -> bool:
        return not self.clashes


@dataclass(frozen=True)
class _Place:
    """One unit of the file on the three sides."""

    name: str
    base: Any
    ours: Any
    theirs: Any

    def merged(self) -> tuple[Any, bool]:
        """The merged value, and whether it clashed (then it is ours)."""
        if self.ours == self.theirs or self.theirs == self.base:
            return self.ours, False
        if self.ours == self.base:
            return self.theirs, False
        return self.ours, True

    def why(self) -> str:
        if self.base is ABSENT:
            return ADDED_TWICE
        return REMOVED_AND_CHANGED if ABSENT in (self.ours, self.theirs) else BOTH_CHANGED

    def clash(self, why: str | None = None) -> Clash:
        return Clash(self.name, why or self.why(), self.ours, self.theirs)


def merge_month(base: Month | None, ours: Month, theirs: Month, key: str) -> Merged[Month]:
    """Month `key` merged record by record (by id, across all its tables); `base` None when there was none."""
    places = _keyed("record ", _by_id(base or Month()), _by_id(ours), _by_id(theirs))
    records = [value for place in places if (value := place.merged()[0]) is not ABSENT]
    return _settled(places, lambda: _month_of(records, _newer(ours, theirs), key), ours)


def merge_book(base: Book | None, ours: Book, theirs: Book) -> Merged[Book]:
    """ledger.toml merged: each table by key, each model (the profile) field by field, the rest as values."""
    places: list[_Place] = []
    fields: dict[str, Any] = {VERSION: _newer(ours, theirs)}
    for name in [name for name in Book.model_fields if name != VERSION]:  # new tables and fields need no change here
        was = getattr(base, name) if base is not None else ABSENT
        mine, other = getattr(ours, name), getattr(theirs, name)
        if isinstance(mine, dict):
            found = _keyed(f"{name}.", {} if was is ABSENT else was, mine, other)
            fields[name] = {p.name.removeprefix(f"{name}."): v for p in found if (v := p.merged()[0]) is not ABSENT}
        elif isinstance(mine, BaseModel):
            found = _keyed(f"{name}.", {} if was is ABSENT else dict(was), dict(mine), dict(other))
            fields[name] = {p.name.removeprefix(f"{name}."): p.merged()[0] for p in found}
        else:
            found = [_Place(name, was, mine, other)]
            fields[name] = found[0].merged()[0]
        places += found
    return _settled(places, lambda: Book.model_validate(fields), ours)


def _settled(places: list[_Place], build: Any, ours: M) -> Merged[M]:
    """The merged model and its clashes; ours whole, and every change of theirs left out, if it breaks a rule."""
    try:
        content = build()
    except ValidationError as error:
        why = f"the merged file would break a rule ({rule_broken(error)})"
        left_out = [p for p in places if p.theirs != p.base and p.theirs != p.ours]
        return Merged(ours, tuple(p.clash(why) for p in left_out))
    return Merged(content, tuple(p.clash() for p in places if p.merged()[1]))


def rule_broken(error: ValidationError) -> str:
    """The first rule a model broke, in its own words (a ledger rule's message names no private text)."""
    first = error.errors(include_input=False, include_url=False)[0]
    where = ".".join(str(part) for part in first["loc"])
    message = first["msg"].removeprefix("Value error, ")
    return f"{where}: {message}" if where else message


def _keyed(prefix: str, base: Mapping[str, Any], ours: Mapping[str, Any], theirs: Mapping[str, Any]) -> list[_Place]:
    """One place per key of any side: ours in their order, then those only theirs or the base had."""
    keys = dict.fromkeys([*ours, *theirs, *base])
    return [_Place(f"{prefix}{k}", base.get(k, ABSENT), ours.get(k, ABSENT), theirs.get(k, ABSENT)) for k in keys]


def _by_id(month: Month) -> dict[str, AnyRecord]:
    return {record.id: record for record in month.records()}


def _newer(ours: M, theirs: M) -> int:
    """The merged file's schema version: the newer side's, since it may hold what that version allows."""
    return max(ours.schema_version, theirs.schema_version)


def _month_of(records: Iterable[AnyRecord], version: int, key: str) -> Month:
    """A month holding `records`, each in its own table (whatever tables Month has), checked as month `key`."""
    tables: dict[str, list[AnyRecord]] = {name: [] for name in Month.model_fields if name != "schema_version"}
    for record in records:
        tables[record.table].append(record)
    return Month.model_validate({"schema_version": version, **tables}, context={"month": key})
