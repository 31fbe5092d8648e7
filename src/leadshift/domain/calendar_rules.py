"""What the ledger keeps for reading a calendar (pure): addresses, keyword rules, remembered answers.

Whose an event is comes from its attendees' addresses: a client's domains, a
teammate's emails, your own. Each address names one person or one client, so
an attendee never reads as two of them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Annotated

from pydantic import AfterValidator, Field, model_validator

from leadshift.domain.schema import Activity, Key, Strict
from leadshift.domain.terms import DOMAIN_PATTERN, EMAIL_PATTERN

Domain = Annotated[str, Field(max_length=253, pattern=DOMAIN_PATTERN)]
Email = Annotated[str, Field(max_length=254, pattern=EMAIL_PATTERN)]


def _once_each(items: list[str]) -> list[str]:
    return list(dict.fromkeys(items))


Domains = Annotated[list[Domain], AfterValidator(_once_each)]
Emails = Annotated[list[Email], AfterValidator(_once_each)]
Keyword = Annotated[str, Field(min_length=1, max_length=60)]
Keywords = Annotated[list[Keyword], AfterValidator(_once_each)]
EventKey = Annotated[str, Field(min_length=1, max_length=500)]  # an event's UID, or its title

# Words in an event's title that say which leadership activity it is, unless the profile says otherwise
# (`keywords`, by activity, replaces an activity's words). Matched whole, case-insensitively.
DEFAULT_KEYWORDS: dict[str, tuple[str, ...]] = {
    "hiring": ("interview", "interviews", "candidate", "hiring"),
    "team": ("team meeting", "standup", "stand-up", "retro", "retrospective", "all hands"),
    "strategy": ("strategy", "planning", "roadmap", "okr", "okrs"),
    "learning": ("training", "course", "workshop", "webinar"),
}


def keyword_rules(keywords: Mapping[str, list[str]]) -> dict[str, tuple[str, ...]]:
    """The words of each activity: the defaults, with the activities the profile names replaced."""
    return {**DEFAULT_KEYWORDS, **{activity: tuple(words) for activity, words in keywords.items()}}


class Answer(Strict):
    """What the leader said an event is, remembered for its series and its title: exactly one of the four."""

    client: Key | None = None  # client hours (delivery unless the client calls for another kind)
    activity: Activity | None = None  # leadership hours
    one_on_one: Key | None = None  # a 1:1 with this teammate, and its hours
    skip: bool = False  # not work to log

    @model_validator(mode="after")
    def _one_answer(self) -> Answer:
        given = [self.client is not None, self.activity is not None, self.one_on_one is not None, self.skip]
        if sum(given) != 1:
            raise ValueError("a remembered answer is one of client, activity, one_on_one or skip = true")
        return self


def first_shared(owners: Iterable[tuple[str, Iterable[str]]]) -> tuple[str, str, str] | None:
    """The first address held by two owners: (address, first owner, second owner); None when each has its own."""
    seen: dict[str, str] = {}
    for owner, addresses in owners:
        for address in addresses:
            if address in seen and seen[address] != owner:
                return address, seen[address], owner
            seen[address] = owner
    return None
