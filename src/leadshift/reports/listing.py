"""What `show` and the `list` commands list (pure)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from leadshift.domain.book import Client, Teammate
from leadshift.domain.records import AnyRecord
from leadshift.domain.results import view_only


@dataclass(frozen=True)
class RecordList:
    """`leadshift show`: the records of a day or a week, oldest first."""

    records: list[AnyRecord]
    period: str = view_only()  # "2026-11-20", or "week 2026-W47 (2026-11-16 to 2026-11-22)"


@dataclass(frozen=True)
class Team:
    """`leadshift teammate list`."""

    teammates: Mapping[str, Teammate]


@dataclass(frozen=True)
class ClientList:
    """`leadshift client list`."""

    clients: Mapping[str, Client]
