"""cadence: when each teammate last had a 1:1 and whose is due (dates worked out by hand)."""

from __future__ import annotations

from datetime import date

from leadshift.domain.book import Book, Profile, Teammate
from leadshift.domain.cadence import (
    Due,
    due_by,
    due_one_on_ones,
    last_held,
    last_held_by_teammate,
    overdue_one_on_ones,
    schedule,
)
from leadshift.domain.ledger import Ledger
from leadshift.domain.records import OneOnOneRecord
from tests.support.builders import ledger_of

TODAY = date(2026, 11, 20)  # a Friday


def one_on_one(record_id: int, day: date, teammate: str, status: str = "held") -> OneOnOneRecord:
    return OneOnOneRecord(id=f"{record_id:08x}", date=day, teammate=teammate, status=status)


def ledger(*records: OneOnOneRecord, every: dict[str, int]) -> Ledger:
    book = Book(
        profile=Profile(name="Sam"),
        teammates={k: Teammate(name=k.title(), one_on_one_every=n) for k, n in every.items()},
    )
    return ledger_of(book, records)


def test_never_held_is_due_now() -> None:
    assert due_one_on_ones(ledger(every={"dana": 7}), TODAY) == [Due("dana", None, None)]


def test_a_cancelled_one_on_one_is_not_held() -> None:
    result = due_one_on_ones(ledger(one_on_one(1, date(2026, 11, 16), "dana", "cancelled"), every={"dana": 7}), TODAY)
    assert result == [Due("dana", None, None)]


def test_held_exactly_one_cadence_ago_is_due_today() -> None:
    # Held Friday 13th with a 7-day cadence: next one due Friday 20th, today.
    result = due_one_on_ones(ledger(one_on_one(1, date(2026, 11, 13), "alice"), every={"alice": 7}), TODAY)
    assert result == [Due("alice", date(2026, 11, 13), date(2026, 11, 20))]


def test_held_three_days_ago_is_not_due() -> None:
    # Held Tuesday 17th: next due Tuesday 24th.
    assert due_one_on_ones(ledger(one_on_one(1, date(2026, 11, 17), "carol"), every={"carol": 7}), TODAY) == []


def test_overdue_keeps_its_due_date_even_after_an_interruption() -> None:
    records = (one_on_one(1, date(2026, 11, 9), "frank"), one_on_one(2, date(2026, 11, 19), "frank", "interrupted"))
    result = due_one_on_ones(ledger(*records, every={"frank": 7}), TODAY)
    assert result == [Due("frank", date(2026, 11, 9), date(2026, 11, 16))]


def test_already_logged_today_is_not_listed() -> None:
    records = (
        one_on_one(1, date(2026, 10, 1), "erin"),
        one_on_one(2, TODAY, "erin", "cancelled"),  # logged today, even if not held
        one_on_one(3, TODAY, "gina"),
    )
    assert due_one_on_ones(ledger(*records, every={"erin": 7, "gina": 7}), TODAY) == []


def test_a_whole_team_sorted_by_key() -> None:
    records = (
        one_on_one(1, date(2026, 10, 30), "alice"),
        one_on_one(2, date(2026, 11, 13), "alice"),
        one_on_one(3, date(2026, 11, 6), "bob"),  # 14-day cadence: due 20th
        one_on_one(4, date(2026, 11, 7), "carol"),  # 14-day cadence: due 21st, tomorrow
        one_on_one(5, date(2026, 11, 25), "dana"),  # in the future: does not count
    )
    result = due_one_on_ones(ledger(*records, every={"dana": 7, "carol": 14, "bob": 14, "alice": 7}), TODAY)
    assert result == [
        Due("alice", date(2026, 11, 13), date(2026, 11, 20)),
        Due("bob", date(2026, 11, 6), date(2026, 11, 20)),
        Due("dana", None, None),
    ]


def test_last_held() -> None:
    records = (
        one_on_one(1, date(2026, 10, 30), "alice"),
        one_on_one(2, date(2026, 11, 13), "alice"),
        one_on_one(3, date(2026, 11, 16), "alice", "cancelled"),
        one_on_one(4, date(2026, 11, 25), "alice"),
        one_on_one(5, date(2026, 11, 18), "bob"),
    )
    team = ledger(*records, every={"alice": 7, "bob": 7})
    assert last_held(team, "alice", TODAY) == date(2026, 11, 13)
    assert last_held(team, "alice", date(2026, 11, 12)) == date(2026, 10, 30)  # from the month before
    assert last_held(team, "alice", date(2026, 10, 29)) is None
    assert last_held(team, "alice", date(2026, 11, 13)) == date(2026, 11, 13)  # inclusive
    assert last_held(team, "alice", date(2026, 12, 31)) == date(2026, 11, 25)
    assert last_held(team, "bob", TODAY) == date(2026, 11, 18)
    assert last_held(team, "nobody", TODAY) is None


def test_overdue_means_past_the_due_day() -> None:
    records = (
        one_on_one(1, date(2026, 11, 13), "alice"),  # due 20th: today, not late
        one_on_one(2, date(2026, 11, 12), "bob"),  # due 19th: one day late
        one_on_one(3, date(2026, 11, 20), "carol"),  # held today
    )
    team = ledger(*records, every={"alice": 7, "bob": 7, "carol": 7, "dana": 7})
    assert overdue_one_on_ones(team, TODAY) == [
        Due("bob", date(2026, 11, 12), date(2026, 11, 19)),
        # Never held: due a cadence after the first day in the ledger (12th, no promotion date).
        Due("dana", None, date(2026, 11, 19)),
    ]


def test_due_by_a_horizon_counts_from_the_held_ones_up_to_the_day() -> None:
    records = (
        one_on_one(1, date(2026, 11, 13), "alice"),  # weekly: due 20th
        one_on_one(2, date(2026, 11, 16), "bob"),  # fortnightly: due 30th, after the horizon
        one_on_one(3, date(2026, 11, 14), "carol"),  # fortnightly: due 28th
        one_on_one(4, date(2026, 11, 2), "dana"),  # weekly: due 9th, overdue, still owed
    )
    team = ledger(*records, every={"alice": 7, "bob": 14, "carol": 14, "dana": 7})
    assert [d.teammate for d in due_by(team, TODAY, date(2026, 11, 27))] == ["alice", "dana"]
    assert [d.teammate for d in due_by(team, TODAY, date(2026, 11, 28))] == ["alice", "carol", "dana"]


def test_last_held_by_teammate_in_one_pass() -> None:
    records = (
        one_on_one(1, date(2026, 10, 30), "alice"),
        one_on_one(2, date(2026, 11, 13), "alice"),
        one_on_one(3, date(2026, 11, 16), "bob", "interrupted"),
    )
    assert last_held_by_teammate(ledger(*records, every={"alice": 7, "bob": 7}), TODAY) == {"alice": date(2026, 11, 13)}


# -- a team that changes ------------------------------------------------------------

PROMOTED = date(2026, 10, 5)


def team_of(*records: OneOnOneRecord, **teammates: Teammate) -> Ledger:
    return ledger_of(Book(profile=Profile(name="Sam", promoted_on=PROMOTED), teammates=teammates), records)


def test_someone_who_joined_after_the_promotion_is_due_a_cadence_after_joining() -> None:
    team = team_of(
        old=Teammate(name="Old", one_on_one_every=14),  # due 14 days after the promotion: the 19th of October
        early=Teammate(name="Early", one_on_one_every=14, joined=date(2026, 9, 1)),  # joined before: the same
        new=Teammate(name="New", one_on_one_every=14, joined=date(2026, 11, 16)),  # due the 30th, not late
    )
    assert schedule(team, TODAY) == [
        Due("early", None, date(2026, 10, 19)),
        Due("new", None, date(2026, 11, 30)),
        Due("old", None, date(2026, 10, 19)),
    ]
    assert [d.teammate for d in overdue_one_on_ones(team, TODAY)] == ["early", "old"]


def test_a_held_one_on_one_counts_from_itself_whenever_they_joined() -> None:
    team = team_of(one_on_one(1, date(2026, 11, 17), "new"), new=Teammate(name="New", joined=date(2026, 11, 16)))
    assert schedule(team, TODAY) == [Due("new", date(2026, 11, 17), date(2026, 12, 1))]


def test_someone_not_yet_on_the_team_on_a_day_is_not_due_that_day() -> None:
    team = team_of(new=Teammate(name="New", one_on_one_every=7, joined=date(2026, 11, 16)))
    assert schedule(team, date(2026, 11, 15)) == []
    assert overdue_one_on_ones(team, date(2026, 11, 15)) == []
    assert due_one_on_ones(team, date(2026, 11, 15)) == []


def test_someone_who_left_is_never_due_again_but_was_before_they_left() -> None:
    left = date(2026, 11, 18)
    team = team_of(
        one_on_one(1, date(2026, 11, 2), "raj"),
        raj=Teammate(name="Raj", one_on_one_every=7, left=left),
        ann=Teammate(name="Ann", one_on_one_every=7),
    )
    assert [d.teammate for d in overdue_one_on_ones(team, TODAY)] == ["ann"]
    assert [d.teammate for d in due_one_on_ones(team, TODAY)] == ["ann"]
    assert [d.teammate for d in due_one_on_ones(team, left)] == ["ann"]  # gone on the day they left
    # A week before, Raj was still on the team, and late.
    assert overdue_one_on_ones(team, date(2026, 11, 13)) == [
        Due("ann", None, date(2026, 10, 12)),
        Due("raj", date(2026, 11, 2), date(2026, 11, 9)),
    ]
