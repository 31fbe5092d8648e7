"""What `show`, the `list` commands and `profile` list (pure); named tuples, cheap to define on every run."""

from __future__ import annotations

from collections.abc import Mapping
from typing import NamedTuple

from leadshift.domain.book import Client, Profile, Teammate
from leadshift.domain.records import AnyRecord


class RecordList(NamedTuple):
    """`leadshift show`: the records of a day or a week, oldest first."""

    records: list[AnyRecord]
    period: str  # "2026-11-20", or "week 2026-W47 (2026-11-16 to 2026-11-22)"


class Team(NamedTuple):
    """`leadshift teammate list`: the team, or with `--all` also those who left."""

    teammates: Mapping[str, Teammate]
    left_not_listed: int = 0  # former teammates left out of the list


class Departure(NamedTuple):
    """`leadshift teammate leave`: who left, and how many are on the team now."""

    key: str
    teammate: Teammate
    team_size: int


class ClientList(NamedTuple):
    """`leadshift client list`."""

    clients: Mapping[str, Client]


class ProfileCard(NamedTuple):
    """`leadshift profile`: the profile, and what it was before a change (None: only shown)."""

    profile: Profile
    before: Profile | None = None

    def changed(self) -> list[str]:
        """The fields the change gave a new value, in the profile's order."""
        if self.before is None:
            return []
        return [name for name in Profile.model_fields if getattr(self.before, name) != getattr(self.profile, name)]
