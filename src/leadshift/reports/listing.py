"""What `show` and the `list` commands list (pure); named tuples, as their `--json` is the list itself."""

from __future__ import annotations

from collections.abc import Mapping
from typing import NamedTuple

from leadshift.domain.book import Client, Teammate
from leadshift.domain.records import AnyRecord


class RecordList(NamedTuple):
    """`leadshift show`: the records of a day or a week, oldest first."""

    records: list[AnyRecord]
    period: str  # "2026-11-20", or "week 2026-W47 (2026-11-16 to 2026-11-22)"


class Team(NamedTuple):
    """`leadshift teammate list`."""

    teammates: Mapping[str, Teammate]


class ClientList(NamedTuple):
    """`leadshift client list`."""

    clients: Mapping[str, Client]
