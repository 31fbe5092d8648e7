"""A year of the benchmark leader's calendar as one .ics file, for timing `log --calendar` (issue 16).

2,000 events (VEVENT components) over the year ending on the benchmark's TODAY, as a calendar
export holds them: repeating series (weekly 1:1s with each teammate, a daily stand-up, client
calls every week or two) with a few occurrences moved or cancelled, and single meetings. Attendees
come from the clients' email domains and the team's addresses, which ledgers.py writes into the
book when the book has room for them, so the import has something to recognise.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta

from benchmarks.ledgers import CLIENTS, LEADER_EMAIL, SEED, TEAMMATES, TODAY, client_domain, teammate_email

EVENTS = 2_000
ZONE = "Europe/Berlin"  # what the calendar says it is in (X-WR-TIMEZONE); times are written in UTC
CLIENT_CALLS = ("Weekly sync", "Status call", "Steering committee", "Account review", "Working session")
SINGLES = ("Client call", "Quarterly business review", "Interview: analyst", "Strategy offsite", "Training", "Lunch")
PEOPLE = ("alex", "sam", "jordan", "robin", "kim", "lee")


@dataclass(frozen=True)
class Event:
    uid: str
    title: str
    start: datetime
    minutes: int
    guests: tuple[str, ...] = ()
    rule: str | None = None  # RRULE: a series, until the end of the calendar
    moves: datetime | None = None  # RECURRENCE-ID: this one occurrence of series `uid`, moved

    def lines(self, until: datetime) -> list[str]:
        """The VEVENT: the leader organises, and every guest has accepted."""
        end = self.start + timedelta(minutes=self.minutes)
        lines = ["BEGIN:VEVENT", f"UID:{self.uid}", f"DTSTART:{_stamp(self.start)}", f"DTEND:{_stamp(end)}"]
        lines += [f"SUMMARY:{self.title}", f"ORGANIZER:mailto:{LEADER_EMAIL}"]
        lines += [f"ATTENDEE;PARTSTAT=ACCEPTED:mailto:{guest}" for guest in (LEADER_EMAIL, *self.guests)]
        if self.rule:
            lines.append(f"RRULE:{self.rule};UNTIL={_stamp(until)}")
        if self.moves:
            lines.append(f"RECURRENCE-ID:{_stamp(self.moves)}")
        return [*lines, "END:VEVENT"]


def year_calendar(today: date = TODAY, seed: int = SEED) -> bytes:
    """The calendar's bytes: CRLF lines, EVENTS components over the year ending on `today`."""
    events = year_events(today, seed)
    until = _at(today, 23, 59)
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//leadshift//benchmark//EN", f"X-WR-TIMEZONE:{ZONE}"]
    lines += [line for event in events for line in event.lines(until)]
    lines.append("END:VCALENDAR")
    return "".join(line + "\r\n" for line in lines).encode()


def year_events(today: date = TODAY, seed: int = SEED) -> list[Event]:
    """Series first (with one occurrence of each moved), then single meetings up to EVENTS."""
    rng = random.Random(seed)
    first = today - timedelta(days=364)
    monday = first + timedelta(days=-first.weekday() % 7)  # the first Monday: series start on working days
    team = tuple(teammate_email(key) for key in TEAMMATES)
    series = [  # a weekly 1:1 with each teammate: the leader and them alone
        Event(f"one-on-one-{key}", f"1:1 {key}", _at(monday + timedelta(days=rng.randrange(5)), rng.randrange(9, 16)),
              30, (teammate_email(key),), "FREQ=WEEKLY")
        for key in TEAMMATES
    ]  # fmt: skip
    # The team's daily stand-up: an event on every working day, today included.
    series.append(Event("standup", "Team stand-up", _at(monday, 8), 15, team, "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"))
    for number, key in enumerate(sorted(CLIENTS) * 6):  # six running calls with each client
        day = monday + timedelta(days=rng.randrange(5) + 7 * rng.randrange(2))
        start = _at(day, rng.randrange(9, 17), rng.choice((0, 30)))
        guests = _client_guests(key, rng) + tuple(rng.sample(team, rng.randrange(2)))
        rule = f"FREQ=WEEKLY;INTERVAL={rng.choice((1, 2))}"
        series.append(Event(f"call-{number}", f"{rng.choice(CLIENT_CALLS)}: {key}", start, 60, guests, rule))
    moved = [
        replace(event, start=when + timedelta(hours=1), rule=None, moves=when)
        for event in series
        for when in [event.start + timedelta(weeks=2 * rng.randrange(1, 25))]  # an occurrence whatever the interval
    ]
    singles: list[Event] = []
    while len(series) + len(moved) + len(singles) < EVENTS:
        day = first + timedelta(days=rng.randrange(365))
        if day.weekday() < 5:
            start = _at(day, rng.randrange(8, 18), rng.choice((0, 30)))
            guests = _client_guests(rng.choice(sorted(CLIENTS)), rng) if rng.random() < 0.6 else ()
            title = rng.choice(SINGLES)
            singles.append(Event(f"single-{len(singles)}", title, start, rng.choice((30, 60, 90)), guests))
    return series + moved + singles


def _client_guests(key: str, rng: random.Random) -> tuple[str, ...]:
    return tuple(f"{name}@{client_domain(key)}" for name in rng.sample(PEOPLE, rng.randrange(1, 3)))


def _at(day: date, hour: int, minute: int = 0) -> datetime:
    """A time of `day` in UTC (Berlin is one or two hours ahead: every meeting falls in the working day)."""
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=UTC)


def _stamp(moment: datetime) -> str:
    return f"{moment:%Y%m%dT%H%M%SZ}"
