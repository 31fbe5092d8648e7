"""What the leader said about one day in the walkthrough, and the records it stands for."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from datetime import date
from typing import NamedTuple

from leadshift.domain.promise_changes import NewAction
from leadshift.domain.records import AnyRecord, EscalationRecord, HoursRecord, OneOnOneRecord, TradeOffRecord


class Yes(NamedTuple):
    """A yes to a client's request, and what it cost inside the team (as `leadshift yes` takes it)."""

    client: str
    request: str
    urgent: bool
    said_no: str
    teammate: str | None


@dataclass
class DayAnswers:
    """What the leader said about one day, before any id or timestamp is given."""

    day: date
    client_hours: dict[str, float] = field(default_factory=dict)
    lead_hours: dict[str, float] = field(default_factory=dict)
    one_on_ones: list[tuple[str, str, str | None]] = field(default_factory=list)  # teammate, status, because

    already: float = 0.0  # hours logged for the day before this walkthrough
    # Client hours that were not delivery (`client_hours` holds those), by client and kind of work.
    other_work: dict[tuple[str, str], float] = field(default_factory=dict)
    actions: list[NewAction] = field(default_factory=list)  # agreed in the day's held 1:1s
    held_hours: dict[str, float] = field(default_factory=dict)  # a 1:1's length, by teammate
    lead_with: dict[str, str] = field(default_factory=dict)  # who an activity was with (coaching), by activity
    escalations: list[tuple[str, bool]] = field(default_factory=list)  # who brought it, asked for their solution
    yeses: list[Yes] = field(default_factory=list)
    notes: dict[Hashable, str] = field(default_factory=dict)  # by the line of `keyed_records`

    def is_empty(self) -> bool:
        return not (
            self.client_hours
            or self.lead_hours
            or self.one_on_ones
            or self.other_work
            or self.escalations
            or self.yeses
        )

    def total_hours(self) -> float:
        logged = [*self.client_hours.values(), *self.lead_hours.values(), *self.other_work.values()]
        return self.already + sum(logged) + sum(self.held_hours.values())

    def client_total(self, client: str) -> float:
        """The hours entered so far on `client`, whatever they were for."""
        other = sum(hours for (key, _), hours in self.other_work.items() if key == client)
        return self.client_hours.get(client, 0.0) + other

    def forget_client(self, client: str) -> None:
        """Take `client`'s hours out, before its new figure replaces them."""
        self.client_hours.pop(client, None)
        self.other_work = {line: hours for line, hours in self.other_work.items() if line[0] != client}


def keyed_records(answers: DayAnswers, new_id: Callable[[], str]) -> list[tuple[Hashable, AnyRecord]]:
    """The records the answers stand for, in the order they will be written, each by a line key that stays
    the same while more is entered (a note is kept by it)."""
    day, notes = answers.day, answers.notes
    drafts: list[tuple[Hashable, type[AnyRecord], dict[str, object]]] = []
    for client, hours in answers.client_hours.items():
        drafts.append((("client", client, None), HoursRecord, {"client": client, "hours": hours}))
    for (client, work), hours in answers.other_work.items():
        drafts.append((("client", client, work), HoursRecord, {"client": client, "hours": hours, "work": work}))
    for activity, hours in answers.lead_hours.items():
        whom = answers.lead_with.get(activity)
        drafts.append((("activity", activity), HoursRecord, {"activity": activity, "hours": hours, "teammate": whom}))
    for teammate, status, because in answers.one_on_ones:
        fields = {"teammate": teammate, "status": status, "because": because}
        drafts.append((("one-on-one", teammate), OneOnOneRecord, fields))
        if hours := answers.held_hours.get(teammate):
            fields = {"activity": "one-on-one", "teammate": teammate, "hours": hours}
            drafts.append((("one-on-one hours", teammate), HoursRecord, fields))
    for at, (teammate, asked) in enumerate(answers.escalations):
        drafts.append((("escalation", at), EscalationRecord, {"teammate": teammate, "asked_first": asked}))
    for at, yes in enumerate(answers.yeses):
        drafts.append((("yes", at), TradeOffRecord, yes._asdict()))
    return [
        (key, model(id=new_id(), date=day, note=notes.get(key, ""), **fields))  # type: ignore[arg-type]
        for key, model, fields in drafts
    ]


def to_records(answers: DayAnswers, new_id: Callable[[], str]) -> list[AnyRecord]:
    """The records the answers stand for, in the order they will be written."""
    return [record for _, record in keyed_records(answers, new_id)]
