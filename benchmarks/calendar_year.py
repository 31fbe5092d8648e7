"""A year of a busy leader's calendar as one .ics file, for timing `log --calendar` (nothing here is timed).

2,000 events: 40 weekly or daily series (1:1s, standups, client calls, with
exceptions and moved occurrences) and single meetings spread over the year, in
Google's form (UTC times, X-WR-TIMEZONE), ending on the benchmark's TODAY.
"""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

from benchmarks.ledgers import TODAY

EVENTS = 2_000
SERIES = 40
ZONE = "Europe/Berlin"


def year_calendar(seed: int = 0) -> bytes:
    """The calendar's bytes: SERIES repeating events, and single ones up to EVENTS in all."""
    rng = random.Random(seed)
    first = datetime(TODAY.year - 1, TODAY.month, TODAY.day, tzinfo=UTC)
    lines = ["BEGIN:VCALENDAR", "PRODID:-//leadshift benchmark//EN", "VERSION:2.0", f"X-WR-TIMEZONE:{ZONE}"]
    for number in range(SERIES):
        start = first + timedelta(days=number % 7, hours=7 + number % 9)
        rule = "FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR" if number % 5 == 0 else "FREQ=WEEKLY"
        lines += _event(f"series-{number}", f"Series {number}", start, 30, [f"RRULE:{rule}"], rng)
        skipped = start + timedelta(weeks=rng.randrange(4, 40))
        lines.insert(-1, f"EXDATE:{skipped:%Y%m%dT%H%M%SZ}")
        moved = start + timedelta(weeks=rng.randrange(4, 40))
        lines += _event(
            f"series-{number}",
            f"Series {number}",
            moved + timedelta(hours=1),
            30,
            [f"RECURRENCE-ID:{moved:%Y%m%dT%H%M%SZ}"],
            rng,
        )
    for number in range(EVENTS - 2 * SERIES):
        start = first + timedelta(days=rng.randrange(365), hours=rng.randrange(7, 17), minutes=rng.choice((0, 30)))
        lines += _event(f"single-{number}", rng.choice(TITLES), start, rng.choice((30, 60, 90)), [], rng)
    lines.append("END:VCALENDAR")
    return ("\r\n".join(lines) + "\r\n").encode()


TITLES = ("Client call", "Interview: analyst", "Team meeting", "Strategy review", "Training", "Catch-up", "Lunch")


def _event(uid: str, title: str, start: datetime, minutes: int, extra: list[str], rng: random.Random) -> list[str]:
    end = start + timedelta(minutes=minutes)
    people = [
        f"ATTENDEE;PARTSTAT=ACCEPTED:mailto:person{rng.randrange(30)}@example.com" for _ in range(rng.randrange(1, 4))
    ]
    return [
        "BEGIN:VEVENT",
        f"UID:{uid}@bench",
        f"SUMMARY:{title}",
        f"DTSTART:{start:%Y%m%dT%H%M%SZ}",
        f"DTEND:{end:%Y%m%dT%H%M%SZ}",
        *extra,
        *people,
        "END:VEVENT",
    ]
