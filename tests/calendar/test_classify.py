"""What each event becomes, against records computed by hand from the three exports."""

from __future__ import annotations

from datetime import date, datetime

from leadshift.calendar.classify import meaning_of, propose
from leadshift.calendar.events import Attendee, Event, read_day
from leadshift.calendar.memory import remember_all
from leadshift.domain.book import Handoff, StageDates
from leadshift.domain.calendar_rules import Answer
from leadshift.domain.records import HoursRecord, OneOnOneRecord
from tests.calendar.support import BERLIN, book, calendar, ids


def proposal(name: str, day: str, the_book=None):  # type: ignore[no-untyped-def]
    on = date.fromisoformat(day)
    return propose(read_day(calendar(name), on, BERLIN), the_book or book(), on, BERLIN, ids())


def summary(found) -> list[tuple[str, object]]:  # type: ignore[no-untyped-def]
    return [(p.event.title, p.record) for p in found.records]


DAY = date(2026, 11, 20)


def test_a_google_day_becomes_the_records_worked_out_by_hand() -> None:
    found = proposal("google", "2026-11-20")
    assert summary(found) == [
        ("Alice / Sam weekly", OneOnOneRecord(id="00000001", date=DAY, teammate="alice", status="held")),
        (
            "Alice / Sam weekly",
            HoursRecord(id="00000002", date=DAY, activity="one-on-one", teammate="alice", hours=0.5),
        ),
        ("Acme pricing review", HoursRecord(id="00000003", date=DAY, client="acme", hours=1.5)),
        # 11:00-12:00, but 11:00-11:30 is Acme's already; Alice owns Globex and attends: staying close.
        (
            "Globex quarterly review",
            HoursRecord(id="00000004", date=DAY, client="globex", work="relationship", hours=0.5),
        ),
        ("Team standup", HoursRecord(id="00000005", date=DAY, activity="team", hours=0.25)),
        ("Interview: backend candidate", HoursRecord(id="00000006", date=DAY, activity="hiring", hours=1.0)),
        ("Bob / Sam", OneOnOneRecord(id="00000007", date=DAY, teammate="bob", status="cancelled")),
    ]
    assert [e.title for e in found.unclassified] == ["Lunch with Pat"]
    assert [(s.event.title, s.reason) for s in found.skipped] == [
        ("Alice's birthday", "all-day"),
        ("Vendor pitch", "declined"),
        ("Focus time", "free"),
    ]


def test_an_outlook_day_after_the_change_of_time() -> None:
    found = proposal("outlook", "2026-10-26")
    on = date(2026, 10, 26)
    assert summary(found) == [
        ("Quarterly planning", HoursRecord(id="00000001", date=on, activity="strategy", hours=1.5)),
        ("Initech steering committee", HoursRecord(id="00000002", date=on, client="initech", hours=1.0)),
        ("Bob - Sam", OneOnOneRecord(id="00000003", date=on, teammate="bob", status="held")),
        ("Bob - Sam", HoursRecord(id="00000004", date=on, activity="one-on-one", teammate="bob", hours=0.75)),
        ("Course: negotiation basics", HoursRecord(id="00000005", date=on, activity="learning", hours=1.0)),
    ]
    # Outlook marks a cancelled meeting free: it is still a cancelled one.
    assert [(s.event.title, s.reason) for s in found.skipped] == [
        ("Hold: travel to Munich", "free"),
        ("Canceled: Initech escalation", "cancelled"),
    ]
    assert found.unclassified == ()


def test_an_apple_day_counts_overlapping_time_once() -> None:
    found = proposal("apple", "2026-11-18")
    on = date(2026, 11, 18)
    assert summary(found) == [
        ("Alice and Sam", OneOnOneRecord(id="00000001", date=on, teammate="alice", status="held")),
        ("Alice and Sam", HoursRecord(id="00000002", date=on, activity="one-on-one", teammate="alice", hours=1.0)),
        ("Strategy offsite prep", HoursRecord(id="00000003", date=on, activity="strategy", hours=0.5)),
        # A client's attendee wins over the word "workshop".
        ("Acme onboarding workshop", HoursRecord(id="00000004", date=on, client="acme", hours=2.0)),
    ]
    assert [e.title for e in found.unclassified] == ["Dentist"]
    assert [(s.event.title, s.reason) for s in found.skipped] == [
        ("Conference week", "all-day"),
        ("Team meeting", "cancelled"),
    ]


def test_a_remembered_answer_applies_to_the_next_day_of_the_series() -> None:
    monday = read_day(calendar("google"), date(2026, 11, 16), BERLIN)
    lunch = next(e for e in monday if e.title == "Lunch with Pat")
    remembered = remember_all(book(), [(lunch, Answer(activity="strategy"))])
    found = proposal("google", "2026-11-20", remembered)
    assert ("Lunch with Pat", HoursRecord(id="00000005", date=DAY, activity="strategy", hours=1.0)) in summary(found)
    assert found.unclassified == ()
    skipped = proposal("google", "2026-11-20", remember_all(book(), [(lunch, Answer(skip=True))]))
    assert ("Lunch with Pat", "answered-skip") in [(s.event.title, s.reason) for s in skipped.skipped]


def event(*attendees: tuple[str, str], title: str = "Sync", status: str = "CONFIRMED") -> Event:
    start = datetime(2026, 11, 20, 9, tzinfo=BERLIN)
    people = tuple(Attendee(email, partstat) for email, partstat in attendees)
    return Event("u1", title, start, start.replace(hour=10), status=status, attendees=people)


ME_IN = ("sam@leadco.com", "ACCEPTED")


def test_a_one_on_one_is_one_teammate_and_nobody_else() -> None:
    assert meaning_of(event(ME_IN, ("bob@leadco.com", "ACCEPTED")), book(), DAY) == Answer(one_on_one="bob")
    # Someone unknown attends too, or two teammates, or the teammate declined: not a 1:1.
    assert meaning_of(event(ME_IN, ("bob@leadco.com", "ACCEPTED"), ("x@else.org", "ACCEPTED")), book(), DAY) is None
    assert meaning_of(event(("alice@leadco.com", "ACCEPTED"), ("bob@leadco.com", "ACCEPTED")), book(), DAY) is None
    assert meaning_of(event(ME_IN, ("bob@leadco.com", "DECLINED")), book(), DAY) is None
    gone = book().model_copy(deep=True)
    gone.teammates["bob"].left = date(2026, 11, 1)
    assert meaning_of(event(ME_IN, ("bob@leadco.com", "ACCEPTED")), gone, DAY) is None


def test_relationship_only_when_the_teammate_taking_it_over_attends() -> None:
    with_alice = event(ME_IN, ("jane@acme.com", "ACCEPTED"), ("alice@leadco.com", "ACCEPTED"))
    alone = event(ME_IN, ("jane@mail.acme.com", "ACCEPTED"))  # a subdomain of acme.com
    plain = propose([with_alice], book(), DAY, BERLIN, ids()).records[0].record
    assert (plain.client, plain.work) == ("acme", None)  # Alice backs Acme but is not taking it over
    stages = [StageDates(stage=s, start=DAY, end=DAY) for s in ("prepare", "introduce", "co-lead", "lead", "check-ins")]
    handing = book().model_copy(update={"handoffs": {"acme": Handoff(teammate="alice", stages=stages)}})
    assert propose([with_alice], handing, DAY, BERLIN, ids()).records[0].record.work == "relationship"
    assert propose([alone], handing, DAY, BERLIN, ids()).records[0].record.work is None


def test_keywords_from_the_profile_replace_an_activitys_defaults() -> None:
    ours = book()
    ours.profile.keywords = {"team": ["weekly sync"]}
    assert meaning_of(event(title="Weekly sync"), ours, DAY) == Answer(activity="team")
    assert meaning_of(event(title="Team standup"), ours, DAY) is None  # the defaults for team are replaced
    assert meaning_of(event(title="Standups are fun"), book(), DAY) is None  # whole words only
    assert meaning_of(event(title="Hiring plan", status="CANCELLED"), book(), DAY) == "cancelled"


def test_a_remembered_answer_naming_a_client_no_longer_there_is_asked_again() -> None:
    old = remember_all(book(), [(event(title="Old call"), Answer(client="acme"))])
    assert meaning_of(event(title="Old call"), old, DAY) == Answer(client="acme")
    del old.clients["acme"]
    assert meaning_of(event(title="Old call"), old, DAY) is None
