"""What every ledger file shares: strict validation, the field types, the schema version.

Validation with these models is the single definition of what may be written:
the store validates every file before it touches the disk, and again when it
reads a file that was edited by hand.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from datetime import date
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field
from pydantic_core import PydanticCustomError

from leadshift.domain.dates import FIRST_YEAR, LAST_YEAR
from leadshift.domain.terms import ACTIVITIES, CLIENT_WORK, HANDOFF_STAGES, NO_KINDS, ONE_ON_ONE_STATUSES, WEEKDAYS

# 2: clients gained `added`; 3: teammates gained `joined` and `left`; 4: clients may be prospects, client
# hours have a kind of work, leading hours may be interrupted by a client, and teammates pulled onto your
# clients are recorded; 5: ledger.toml may hold action items and obstacles, and the addresses and remembered
# answers that calendar import reads (storage/migrations.py upgrades older files).
SCHEMA_VERSION = 5

KEY_PATTERN = r"^[a-z0-9][a-z0-9_-]{0,31}$"
Key = Annotated[str, Field(pattern=KEY_PATTERN)]
Name = Annotated[str, Field(min_length=1, max_length=200)]
MAX_NOTE = 4000  # characters of a note on a record
Note = Annotated[str, Field(max_length=MAX_NOTE)]
Tag = Annotated[str, Field(min_length=1, max_length=60)]


def _once_each(items: list[str]) -> list[str]:
    return list(dict.fromkeys(items))


Tags = Annotated[list[Tag], AfterValidator(_once_each)]  # skills, needs...: each once, in the order given
Keys = Annotated[list[Key], AfterValidator(_once_each)]


def _real_week(name: str) -> str:
    year, number = int(name[:4]), int(name[6:])
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise ValueError(f"{name} is outside the years leadshift handles ({FIRST_YEAR} to {LAST_YEAR})")
    try:
        date.fromisocalendar(year, number, 4)
    except ValueError:
        raise ValueError(f"{name} is not a week: year {year} has no week {number}") from None
    return name


WeekName = Annotated[str, Field(pattern=r"^\d{4}-W\d{2}$"), AfterValidator(_real_week)]  # an ISO week: 2026-W52
WeekNames = Annotated[list[WeekName], AfterValidator(lambda weeks: sorted(set(weeks)))]  # each once, in order
WeeklyHours = Annotated[float, Field(ge=0, le=168, allow_inf_nan=False)]
RecordId = Annotated[str, Field(pattern=r"^[0-9a-f]{8}$")]
# Literal[tuple] expands to the tuple's members: one list of words, in terms.py.
Activity = Literal[ACTIVITIES]  # type: ignore[valid-type]
ClientWork = Literal[CLIENT_WORK]  # type: ignore[valid-type]
NoKind = Literal[NO_KINDS]  # type: ignore[valid-type]
OneOnOneStatus = Literal[ONE_ON_ONE_STATUSES]  # type: ignore[valid-type]
Weekday = Literal[WEEKDAYS]  # type: ignore[valid-type]
StageName = Literal[HANDOFF_STAGES]  # type: ignore[valid-type]
# Bounded so that a corrupted number reads as a broken file, not as "written by leadshift 10**21".
SchemaVersion = Annotated[int, Field(ge=1, le=999)]


# What each model is built inside. The command line sets it to hold Ctrl-C (storage/interrupts.py):
# pydantic-core swallows a KeyboardInterrupt that lands while it builds a validator, and the
# validator it builds then rejects every record. Pure code and tests build models as they are.
build_guard: Callable[[], AbstractContextManager[object]] = nullcontext


class Strict(BaseModel):
    """Unknown keys are errors: a typo in a hand edit must not vanish silently."""

    # strict: `weight = true` or `hours = "2"` in a hand edit is an error, not
    # silently converted and written back. defer_build: each model is built below, inside build_guard.
    model_config = ConfigDict(extra="forbid", validate_assignment=True, strict=True, defer_build=True)

    @classmethod
    def __pydantic_init_subclass__(cls, **kwargs: Any) -> None:
        super().__pydantic_init_subclass__(**kwargs)
        with build_guard():
            cls.model_rebuild(force=True)


def broken_rule(message: str, *, at: tuple[str, ...] = (), record: str = "", last: bool = False) -> PydanticCustomError:
    """A rule spanning several fields, carrying where it breaks so errors can name a line.

    `at` is the table path of the offending key; `record` the id of the offending
    record (`last`: its last occurrence). Pydantic gives such errors no location.
    """
    return PydanticCustomError("ledger_rule", "{detail}", {"detail": message, "at": at, "record": record, "last": last})
