"""Reading one day of a real export: Google (UTC times, X-WR-TIMEZONE), Outlook (a Windows zone), Apple."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from leadshift.calendar.events import Attendee, read_day
from leadshift.errors import CalendarError
from tests.calendar.support import BERLIN, calendar


def times(name: str, day: str) -> list[tuple[str, str, str]]:
    return [
        (e.start.strftime("%H:%M"), e.end.strftime("%H:%M"), e.title)
        for e in read_day(calendar(name), date.fromisoformat(day), BERLIN)
    ]


def test_a_google_day_is_read_in_the_leaders_zone_with_its_series_repaired() -> None:
    # The 1:1 series is written in UTC (07:00Z, 09:00 summer time): repaired by X-WR-TIMEZONE it stays at
    # 09:00 in winter, where read in UTC it would move to 08:00. The standup was moved to 13:00 that day.
    assert times("google", "2026-11-20") == [
        ("00:00", "00:00", "Alice's birthday"),
        ("09:00", "09:30", "Alice / Sam weekly"),
        ("10:00", "11:30", "Acme pricing review"),
        ("11:00", "12:00", "Globex quarterly review"),
        ("12:00", "13:00", "Lunch with Pat"),
        ("13:00", "13:15", "Team standup"),
        ("14:00", "15:00", "Interview: backend candidate"),
        ("15:00", "16:00", "Vendor pitch"),
        ("16:00", "17:00", "Focus time"),
        ("17:00", "17:30", "Bob / Sam"),
    ]


def test_an_excluded_occurrence_and_the_week_after_daylight_saving_ends() -> None:
    assert times("google", "2026-11-13") == [("08:30", "08:45", "Team standup")]  # the 1:1's EXDATE
    assert times("google", "2026-10-30") == [("09:00", "09:30", "Alice / Sam weekly")]


def test_an_outlook_series_in_a_windows_zone_keeps_its_hour_across_the_change_of_time() -> None:
    assert times("outlook", "2026-10-12") == [("09:00", "10:30", "Quarterly planning")]
    assert times("outlook", "2026-10-19") == []  # EXDATE
    day = read_day(calendar("outlook"), date(2026, 10, 26), BERLIN)
    assert [(e.start.strftime("%H:%M"), e.title, e.status, e.transparent) for e in day] == [
        ("07:00", "Hold: travel to Munich", "CONFIRMED", True),
        ("10:00", "Quarterly planning", "CONFIRMED", False),  # moved from 09:00 (RECURRENCE-ID)
        ("13:00", "Initech steering committee", "CONFIRMED", False),
        ("14:00", "Canceled: Initech escalation", "CANCELLED", True),
        ("15:00", "Bob - Sam", "CONFIRMED", False),
        ("16:00", "Course: negotiation basics", "CONFIRMED", False),
    ]
    assert day[2].attendees == (Attendee("sam@leadco.com", "ACCEPTED"), Attendee("jane.doe@initech.io", "ACCEPTED"))
    assert day[1].start == datetime(2026, 10, 26, 10, 0, tzinfo=BERLIN)


def test_an_apple_day_with_a_moved_fortnightly_occurrence() -> None:
    assert times("apple", "2026-11-18") == [
        ("00:00", "00:00", "Conference week"),
        ("08:00", "09:00", "Dentist"),
        ("11:00", "12:00", "Alice and Sam"),
        ("11:30", "12:30", "Strategy offsite prep"),
        ("14:00", "16:00", "Acme onboarding workshop"),
        ("16:00", "17:00", "Team meeting"),
    ]
    assert times("apple", "2026-11-25") == []  # every other week


EVENT = "BEGIN:VEVENT\r\nUID:x\r\nSUMMARY:Review\r\n{}END:VEVENT\r\n"


def ics(*lines: str) -> bytes:
    body = EVENT.format("".join(line + "\r\n" for line in lines))
    return f"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\n{body}END:VCALENDAR\r\n".encode()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"this is a letter, not a calendar", "the file is not an iCalendar (.ics) file"),
        (b"", "the file is not an iCalendar (.ics) file"),
        (ics("DTSTART;TZID=Mars/Olympus:20261120T090000"), "the time zone 'Mars/Olympus' of an event on 2026-11-20"),
        (ics("DTSTART:20260101T090000Z", "DTEND:20270101T090000Z"), "an event on 2026-01-01 lasts 365 days"),
    ],
)
def test_a_file_that_is_not_a_readable_calendar_is_one_clear_error(data: bytes, message: str) -> None:
    with pytest.raises(CalendarError) as refused:
        read_day(data, date(2026, 11, 20), BERLIN)
    assert refused.value.message.startswith(message)


def test_an_icloud_attendee_is_known_by_the_email_parameter_not_its_uuid() -> None:
    (event,) = read_day(
        ics(
            "DTSTART:20261120T090000Z",
            "DTEND:20261120T094500Z",
            "ATTENDEE;CN=Carol Lee;EMAIL=Carol@LeadCo.com;PARTSTAT=ACCEPTED:urn:uuid:5a4e0c1e-8d1f-4c53-9b1e-1f2a3b4c5d6e",
            "ATTENDEE;CN=Sam;EMAIL=sam@leadco.com;PARTSTAT=DECLINED:urn:uuid:0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0",
        ),
        date(2026, 11, 20),
        BERLIN,
    )
    assert event.attendees == (Attendee("carol@leadco.com", "ACCEPTED"), Attendee("sam@leadco.com", "DECLINED"))


def test_a_floating_time_is_read_in_the_leaders_zone() -> None:
    (event,) = read_day(ics("DTSTART:20261120T090000", "DTEND:20261120T100000"), date(2026, 11, 20), BERLIN)
    assert (event.start, event.end) == (
        datetime(2026, 11, 20, 9, tzinfo=BERLIN),
        datetime(2026, 11, 20, 10, tzinfo=BERLIN),
    )


def test_leaving_out_the_far_events_of_a_year_changes_nothing_on_the_day(monkeypatch: pytest.MonkeyPatch) -> None:
    from benchmarks.calendars import year_calendar
    from leadshift.calendar import events

    year = year_calendar()
    days = [date(2026, 11, 20), date(2026, 6, 1), date(2025, 12, 24)]
    quick = [read_day(year, day, BERLIN) for day in days]
    assert len(events.near(year, days[0])) < len(year) / 5  # the repeating series stay, the far one-offs go
    monkeypatch.setattr(events, "near", lambda data, day: data)
    assert quick == [read_day(year, day, BERLIN) for day in days]
    assert all(quick)
