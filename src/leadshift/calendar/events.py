"""The events of one day in an iCalendar file, as plain values (pure: bytes and a zone in, events out).

Recurring series are expanded with recurring-ical-events (RRULE, EXDATE, moved
occurrences, daylight saving), and Google's files, which give times in UTC and
their zone only in X-WR-TIMEZONE, are first repaired with x-wr-timezone. Times
come out in the zone the caller gives: the leader's own (the command line takes
the machine's), so "the day" is the leader's day, whatever zone each event was
written in. A time without a zone (floating) is read in that zone too.

The three libraries are imported inside `read_day`, so only the calendar path loads them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo
from typing import Any

from leadshift.errors import CalendarError

LONGEST_EVENT = timedelta(days=1)  # a timed event longer than this is a broken file, not a day's work
_EXPORT_AGAIN = "export the calendar again, or fix that event in your calendar app"


@dataclass(frozen=True)
class Attendee:
    email: str  # lowercase, without `mailto:`
    status: str  # PARTSTAT: ACCEPTED, DECLINED, TENTATIVE, NEEDS-ACTION...


@dataclass(frozen=True)
class Event:
    """One occurrence of an event on the day read."""

    uid: str  # the series' UID: every occurrence of a series shares it
    title: str
    start: datetime  # aware, in the leader's zone; an all-day event starts at midnight
    end: datetime
    all_day: bool = False
    status: str = "CONFIRMED"  # STATUS: TENTATIVE, CONFIRMED or CANCELLED
    transparent: bool = False  # shown as free (TRANSP:TRANSPARENT): it takes no time
    attendees: tuple[Attendee, ...] = ()

    @property
    def cancelled(self) -> bool:
        return self.status == "CANCELLED"

    def present(self) -> list[str]:
        """The addresses of those who did not decline."""
        return [a.email for a in self.attendees if a.status != "DECLINED"]


def read_day(data: bytes, day: date, zone: tzinfo) -> list[Event]:
    """The events of `day` (in `zone`) in iCalendar `data`, by start; CalendarError for a file that is not one."""
    import recurring_ical_events
    import x_wr_timezone

    calendar = _parse(near(data, day))
    _refuse_unknown_zones(calendar)
    try:
        calendar = x_wr_timezone.to_standard(calendar)
    except Exception:  # an X-WR-TIMEZONE that names no zone: the library raises what it meets
        raise CalendarError(
            f"the calendar's time zone (X-WR-TIMEZONE) is not one leadshift knows; {_EXPORT_AGAIN}."
        ) from None
    start = datetime.combine(day, time(), zone)
    try:
        found = recurring_ical_events.of(calendar).between(start, start + timedelta(days=1))
    except Exception:  # a broken RRULE or date deep in a series: any failure here means the file is not readable
        raise CalendarError(
            f"the events of {day} cannot be read (a broken repeating event?); {_EXPORT_AGAIN}."
        ) from None
    events = [_event(component, zone) for component in found]
    return sorted(events, key=lambda e: (e.start, e.end, e.title, e.uid))


_BLOCK = re.compile(rb"BEGIN:VEVENT\r?\n.*?END:VEVENT\r?\n?", re.DOTALL)
_FOLD = re.compile(rb"\r?\n[ \t]")
_REPEATS = re.compile(rb"^(RRULE|RDATE|RECURRENCE-ID|DURATION)[;:]", re.MULTILINE)


def _date_of(name: bytes, event: bytes) -> date | None:
    found = re.search(rb"^" + name + rb"[;:][^\r\n]*?(\d{4})(\d\d)(\d\d)", event, re.MULTILINE)
    try:  # not strptime: on a year of events it took a tenth of the import
        return date(*map(int, found.groups())) if found else None
    except ValueError:  # not a real day: left in, for the parser to refuse
        return None


def near(data: bytes, day: date) -> bytes:
    """The file without the one-off events that cannot touch `day`, so a year of meetings parses in a blink.

    Kept: every repeating event (and its moved occurrences), every event whose dates cannot be read
    here, and those from the day before to the day after (a day's slack for time zones).
    """

    def keep(block: re.Match[bytes]) -> bytes:
        event = _FOLD.sub(b"", block.group(0))
        start, end = _date_of(b"DTSTART", event), _date_of(b"DTEND", event)
        if _REPEATS.search(event) or start is None:
            return block.group(0)
        last = max(end or start, start)
        return block.group(0) if start <= day + timedelta(days=1) and last >= day - timedelta(days=1) else b""

    return _BLOCK.sub(keep, data)


def _parse(data: bytes) -> Any:
    import icalendar

    try:
        calendar = icalendar.Calendar.from_ical(data)
    except Exception:  # icalendar raises ValueError, but also KeyError or IndexError on some broken lines
        calendar = None
    if not isinstance(calendar, icalendar.Calendar) or calendar.name != "VCALENDAR":
        raise CalendarError(
            "the file is not an iCalendar (.ics) file; export your calendar as .ics and give that file."
        )
    return calendar


def _refuse_unknown_zones(calendar: Any) -> None:
    """Each zone the events name must be defined in the file or known by name (IANA or Windows).

    icalendar reads a time in an unknown zone as floating, and the expansion then drops the zone's
    name: checked here on the file as written, once per zone named.
    """
    checked: set[str] = set()
    for component in calendar.walk("VEVENT"):
        for name in ("DTSTART", "DTEND"):
            prop = component.get(name)
            tzid = prop.params.get("TZID") if prop is not None and hasattr(prop, "params") else None
            if not tzid or tzid in checked:
                continue
            value = component.decoded(name)
            if not isinstance(value, datetime) or value.tzinfo is None:
                raise CalendarError(
                    f"the time zone '{tzid}' of an event on {_day_of(value)} is not defined in the file nor known "
                    f"to leadshift; {_EXPORT_AGAIN}."
                )
            checked.add(tzid)


def _day_of(value: object) -> str:
    return str(value.date()) if isinstance(value, datetime) else "an unreadable day"


def _event(component: Any, zone: tzinfo) -> Event:
    start = _when(component, "DTSTART", zone)
    if start is None:
        raise CalendarError(f"an event has no start time (DTSTART); {_EXPORT_AGAIN}.") from None
    all_day = not isinstance(component.decoded("DTSTART"), datetime)
    end = _when(component, "DTEND", zone) or start + (timedelta(days=1) if all_day else timedelta())
    if "DURATION" in component and "DTEND" not in component:
        end = start + component.decoded("DURATION")
    day = start.date()
    if not all_day and end - start > LONGEST_EVENT:
        raise CalendarError(
            f"an event on {day} lasts {_length(end - start)}; leadshift reads events of at most a day: {_EXPORT_AGAIN}."
        )
    busy = str(component.get("X-MICROSOFT-CDO-BUSYSTATUS", "")).upper()  # Outlook's "show as"
    return Event(
        uid=str(component.get("UID", "")),
        title=str(component.get("SUMMARY", "")).strip(),
        start=start,
        end=end,
        all_day=all_day,
        status=str(component.get("STATUS", "CONFIRMED")).upper(),
        transparent=str(component.get("TRANSP", "")).upper() == "TRANSPARENT" or busy == "FREE",
        attendees=_attendees(component),
    )


def _when(component: Any, name: str, zone: tzinfo) -> datetime | None:
    """A start or end in `zone`; a date is its midnight, a floating time is read in `zone`."""
    if name not in component:
        return None
    value = component.decoded(name)
    if isinstance(value, datetime):
        return value.replace(tzinfo=zone) if value.tzinfo is None else value.astimezone(zone)
    if isinstance(value, date):
        return datetime.combine(value, time(), zone)
    raise CalendarError(f"an event's {name} is not a date or a time; {_EXPORT_AGAIN}.") from None


def _attendees(component: Any) -> tuple[Attendee, ...]:
    listed = component.get("ATTENDEE", [])
    listed = listed if isinstance(listed, list) else [listed]
    found = {_address(a): str(a.params.get("PARTSTAT", "NEEDS-ACTION")).upper() for a in listed}
    if (organizer := component.get("ORGANIZER")) is not None:
        found.setdefault(_address(organizer), "ACCEPTED")  # the organizer attends unless the list says otherwise
    return tuple(Attendee(email, status) for email, status in found.items() if email)


def _address(value: Any) -> str:
    """An attendee's email. iCloud may write it in an EMAIL parameter, the value being a `urn:uuid:`."""
    given = getattr(value, "params", {}).get("EMAIL")
    text = str(given or value).strip().lower()
    return text.removeprefix("mailto:")


def _length(span: timedelta) -> str:
    days = span.days
    return f"{days} days" if days > 1 else "more than a day"
