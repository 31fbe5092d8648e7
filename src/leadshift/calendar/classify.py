"""What each event of a day becomes: the proposed records, the events it cannot place, those it skips (pure).

The rules, first that applies wins (docs/coaching.md, "From your calendar"):

1. all-day, free (transparent, unless cancelled) and declined events (your PARTSTAT DECLINED) are skipped;
2. what you said the event is, remembered for its series (UID), else for its title;
3. an attendee from a client's domains: that client's hours, delivery unless the teammate
   who owns it or is taking it over also attends (then a relationship check-in);
4. exactly one teammate and nobody else but you: a 1:1 held, with its hours;
5. a keyword of an activity in the title: those leadership hours;
6. else it is unclassified, to be asked.

A cancelled event is skipped unless it is a 1:1: a cancelled 1:1 is what the
review's people-first findings count (docs/coaching.md, 14). Those who declined
are not counted as attending.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, tzinfo

from leadshift.calendar.events import Event
from leadshift.calendar.hours import Counter, day_span
from leadshift.domain.book import Book
from leadshift.domain.calendar_rules import Answer, keyword_rules
from leadshift.domain.client_work import RELATIONSHIP, work_to_log
from leadshift.domain.records import AnyRecord, HoursRecord, OneOnOneRecord
from leadshift.domain.terms import ME

# Why an event is left out, as `--json` gives it.
ALL_DAY, FREE, DECLINED, CANCELLED, SKIP_ANSWER, OVERLAPPED = (
    "all-day",
    "free",
    "declined",
    "cancelled",
    "answered-skip",
    "overlapped",
)


@dataclass(frozen=True)
class Proposed:
    """A record the day would hold, and the event it comes from."""

    record: AnyRecord
    event: Event


@dataclass(frozen=True)
class Skipped:
    event: Event
    reason: str  # one of the reasons above


@dataclass(frozen=True)
class Proposal:
    """A day read from the calendar: what it would write, what to ask about, what it leaves out."""

    day: date
    records: tuple[Proposed, ...]
    unclassified: tuple[Event, ...]
    skipped: tuple[Skipped, ...]


@dataclass(frozen=True)
class CalendarDay:
    """What `log --calendar` shows: the proposal, and whether it was saved."""

    proposal: Proposal
    saved: bool


def propose(events: list[Event], book: Book, day: date, zone: tzinfo, new_id: Callable[[], str]) -> Proposal:
    """The records `events` make on `day`, each event's hours counted once (calendar/hours.py)."""
    counter = Counter(day_span(day, zone))
    records: list[Proposed] = []
    unclassified: list[Event] = []
    skipped: list[Skipped] = []
    for event in events:
        meaning = meaning_of(event, book, day)
        if meaning is None:
            unclassified.append(event)
        elif isinstance(meaning, str):
            skipped.append(Skipped(event, meaning))
        elif made := _records(meaning, event, book, day, counter, new_id):
            records.extend(Proposed(record, event) for record in made)
        else:
            skipped.append(Skipped(event, OVERLAPPED))
    return Proposal(day, tuple(records), tuple(unclassified), tuple(skipped))


def meaning_of(event: Event, book: Book, day: date) -> Answer | str | None:
    """What `event` is (an Answer), why it is skipped (a reason), or None when only the leader can say."""
    if event.all_day:
        return ALL_DAY
    if event.transparent and not event.cancelled:  # Outlook shows a cancelled meeting as free: it is still cancelled
        return FREE
    mine = set(book.profile.emails)
    if any(a.email in mine and a.status == "DECLINED" for a in event.attendees):
        return DECLINED
    meaning = remembered(event, book, day) or _by_client(event, book) or _by_teammate(event, book, day)
    meaning = meaning or _by_keyword(event, book)
    if meaning is not None and meaning.skip:
        return SKIP_ANSWER
    if event.cancelled and (meaning is None or meaning.one_on_one is None):
        return CANCELLED
    return meaning


def remembered(event: Event, book: Book, day: date) -> Answer | None:
    """The answer given before for this series, else for this title, if what it names is still there."""
    for answers, key in ((book.remembered_series, event.uid), (book.remembered_titles, event.title)):
        answer = answers.get(key) if key else None
        if answer is not None and _still_valid(answer, book, day):
            return answer
    return None


def _still_valid(answer: Answer, book: Book, day: date) -> bool:
    # A client removed or a teammate gone since: the answer no longer applies, and the event is asked again.
    if answer.client is not None:
        return answer.client in book.clients
    if answer.one_on_one is not None:
        return answer.one_on_one in book.team_on(day)
    return True


def _by_client(event: Event, book: Book) -> Answer | None:
    """The client of the first attendee from one of its domains (or a subdomain of one)."""
    for email in event.present():
        domain = email.rpartition("@")[2]
        for key, client in book.clients.items():
            if any(domain == d or domain.endswith("." + d) for d in client.domains):
                return Answer(client=key)
    return None


def _by_teammate(event: Event, book: Book, day: date) -> Answer | None:
    """A 1:1: exactly one teammate attends, and nobody else but you."""
    mine = set(book.profile.emails)
    others = [email for email in event.present() if email not in mine]
    team = _team_by_email(book, day)
    if len(others) == 1 and others[0] in team:
        return Answer(one_on_one=team[others[0]])
    return None


def _by_keyword(event: Event, book: Book) -> Answer | None:
    title = event.title.lower()
    for activity, words in keyword_rules(book.profile.keywords).items():
        if any(re.search(rf"(?<!\w){re.escape(word.lower())}(?!\w)", title) for word in words):
            return Answer(activity=activity)
    return None


def _team_by_email(book: Book, day: date) -> dict[str, str]:
    return {email: key for key, mate in book.team_on(day).items() for email in mate.emails}


def _records(
    meaning: Answer, event: Event, book: Book, day: date, counter: Counter, new_id: Callable[[], str]
) -> list[AnyRecord]:
    """The records one event makes; none when its time was all counted already."""
    if meaning.one_on_one is not None and event.cancelled:
        return [OneOnOneRecord(id=new_id(), date=day, teammate=meaning.one_on_one, status="cancelled")]
    hours = counter.count(event.start, event.end)
    if not hours:
        return []
    if meaning.client is not None:
        work = work_to_log(book, meaning.client, _work(meaning.client, event, book, day))
        return [HoursRecord(id=new_id(), date=day, client=meaning.client, work=work, hours=hours)]  # type: ignore[arg-type]
    if meaning.one_on_one is not None:
        mate = meaning.one_on_one
        return [
            OneOnOneRecord(id=new_id(), date=day, teammate=mate, status="held"),
            HoursRecord(id=new_id(), date=day, activity="one-on-one", teammate=mate, hours=hours),
        ]
    return [HoursRecord(id=new_id(), date=day, activity=meaning.activity, hours=hours)]


def _work(client: str, event: Event, book: Book, day: date) -> str | None:
    """Relationship when the teammate who owns the client, or is taking it over, attends too; else the default."""
    serving = {book.clients[client].owner}
    if (handoff := book.handoffs.get(client)) is not None and not handoff.done:
        serving.add(handoff.teammate)
    team = _team_by_email(book, day)
    attending = {team[email] for email in event.present() if email in team}
    return RELATIONSHIP if (serving - {ME}) & attending else None
