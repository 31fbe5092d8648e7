"""History read as digests gives the same reports as history read whole.

`Store.load(start, end, book, history=True)` replaces every month before
`start` by its digest (digest.py). These tests compare the review, the say-no
report and the 1:1s due, week by week, on the full ledger and on the digested
one: on the shipped example and on a generated three-year ledger with a
teammate and a client last seen long ago.
"""

from __future__ import annotations

import shutil
from datetime import date, timedelta
from pathlib import Path

import pytest

from benchmarks.ledgers import Spec, generate
from leadshift.domain.cadence import due_one_on_ones
from leadshift.domain.changes import add_client, add_teammate, months_with
from leadshift.domain.dates import month_key, week_of
from leadshift.domain.ledger import Ledger
from leadshift.domain.records import HoursRecord, Month, OneOnOneRecord
from leadshift.reports.review import weekly_review, weeks_read_whole
from leadshift.reports.said_no import said_no
from leadshift.storage.digest import digest, extremes, holding_extremes
from leadshift.storage.months import facts_of
from leadshift.storage.store import Store

EXAMPLE = Path(__file__).resolve().parents[2] / "src" / "leadshift" / "example"


def digested(full: Ledger, first: date, end: date) -> Ledger:
    """What `load(first, end, history=True)` should give: whole months from `first`, before them the
    digests of the months holding history's extremes."""
    cut, last = month_key(first), month_key(end)
    older = {k: m for k, m in full.months.items() if k < cut}
    history = {k: digest(older[k]) for k in holding_extremes({k: extremes(m) for k, m in older.items()})}
    return Ledger(full.book, {**history, **{k: m for k, m in full.months.items() if cut <= k <= last}})


def whole(full: Ledger, end: date) -> Ledger:
    """What the reports read before digests: every month up to the week's end."""
    return Ledger(full.book, {k: m for k, m in full.months.items() if k <= month_key(end)})


def assert_same_reports(full: Ledger, weeks_to_check: list[date], today: date) -> int:
    compared = 0
    for start in weeks_to_check:
        end = start + timedelta(days=6)
        for trend in (1, 6, 26):
            first = start - timedelta(weeks=weeks_read_whole(trend) - 1)  # as `leadshift review` reads it
            assert weekly_review(digested(full, first, end), start, end, today, trend) == weekly_review(
                whole(full, end), start, end, today, trend
            ), (start, trend)
            compared += 1
        assert said_no(digested(full, start, end), start, end, today) == said_no(whole(full, end), start, end, today)
        for day in (start, start + timedelta(days=3)):
            assert due_one_on_ones(digested(full, day, day), day) == due_one_on_ones(whole(full, day), day)
        compared += 3
    return compared


def test_the_example_reports_the_same_every_week_from_digests(tmp_path: Path) -> None:
    shutil.copytree(EXAMPLE, tmp_path / "example")
    full = Store(tmp_path / "example").load()
    today = date(2026, 11, 20)
    first_day = min(r.date for r in full.records())
    weeks = [week_of(first_day, "monday")[0] + timedelta(weeks=n) for n in range(6)]
    assert weeks[-1] <= today
    assert assert_same_reports(full, weeks, today) == 36


@pytest.fixture(scope="module")
def three_years(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A generated three-year ledger, plus a teammate and a client last seen in its first year."""
    home = tmp_path_factory.mktemp("three-years") / "ledger"
    generate(home, Spec(months=36))
    store = Store(home)
    long_ago = date(2024, 3, 5)
    with store.change() as draft:
        book = add_teammate(draft.book, "ola", {"name": "Ola Quiet", "one_on_one_every": 14})
        draft.set_book(add_client(book, "oldco", {"name": "Old Co", "weight": 4}))
    with store.change() as draft:
        records = [
            OneOnOneRecord(id="0000aa01", date=long_ago, teammate="ola", status="held"),
            HoursRecord(id="0000aa02", date=long_ago, hours=1.5, client="oldco"),
        ]
        for key, month in months_with(draft.ledger, records, draft.ledger.records()[-1].added).items():
            draft.set_month(key, month)
    return home


def test_a_three_year_ledger_reports_the_same_every_week_from_digests(three_years: Path) -> None:
    full = Store(three_years).load()
    today = date(2026, 11, 20)
    last_week = week_of(today, "monday")[0]
    every_fifth = [last_week - timedelta(weeks=n) for n in range(0, 150, 5)]
    recent = [last_week - timedelta(weeks=n) for n in range(1, 5)]
    assert assert_same_reports(full, every_fifth + recent, today) == 34 * 6
    # History mattered: the quiet teammate's last 1:1 and the old client's hours lie in digested months.
    review = weekly_review(digested(full, last_week, today), last_week, today, today, 1)
    assert review.one_on_ones.by_teammate["ola"].last_held == date(2024, 3, 5)
    assert next(c for c in review.owned_clients if c.key == "oldco").last_worked == date(2024, 3, 5)


def test_the_store_loads_history_as_the_digests_whether_cached_or_not(three_years: Path, tmp_path: Path) -> None:
    home = tmp_path / "copy"
    shutil.copytree(three_years, home)
    shutil.rmtree(home / ".cache", ignore_errors=True)
    store = Store(home)
    full = store.load()
    start, end = date(2026, 11, 9), date(2026, 11, 15)
    expected = digested(full, start, end)
    cold = store.load(start, end, full.book, history=True)  # parses the files and fills the cache
    warm = store.load(start, end, full.book, history=True)  # from the cache
    assert dict(cold.months) == dict(warm.months) == dict(expected.months)
    history = [k for k in warm.months if k < "2026-11"]
    assert "2023-11" in history and "2024-03" in history  # the first day; the last 1:1 with ola, Old Co's hours
    assert len(history) <= 5 < len(full.months) - 1


def test_a_digest_keeps_the_first_record_each_last_held_one_on_one_and_each_last_client_day() -> None:
    month = Month().with_records(
        [
            HoursRecord(id="00000001", date=date(2026, 3, 9), hours=2, client="acme"),
            HoursRecord(id="00000002", date=date(2026, 3, 2), hours=1, activity="admin"),
            HoursRecord(id="00000003", date=date(2026, 3, 20), hours=2, client="acme"),
            OneOnOneRecord(id="00000004", date=date(2026, 3, 10), teammate="ana", status="held"),
            OneOnOneRecord(id="00000005", date=date(2026, 3, 24), teammate="ana", status="cancelled"),
            OneOnOneRecord(id="00000006", date=date(2026, 3, 12), teammate="bo", status="held"),
        ]
    )
    assert [r.id for r in digest(month).records()] == ["00000002", "00000003", "00000004", "00000006"]
    assert extremes(month) == {
        "first": "2026-03-02",
        "worked:acme": "2026-03-20",
        "held:ana": "2026-03-10",
        "held:bo": "2026-03-12",
    }
    assert digest(Month()) == Month() and extremes(Month()) == {}


def test_only_months_holding_an_extreme_are_needed() -> None:
    slots = {
        "2025-01": {"first": "2025-01-06", "held:ana": "2025-01-20", "worked:acme": "2025-01-21"},
        "2025-02": {"first": "2025-02-03", "held:ana": "2025-02-17", "worked:acme": "2025-02-03"},
        "2025-03": {"first": "2025-03-03", "worked:acme": "2025-03-10"},
    }
    assert holding_extremes(slots) == {"2025-01", "2025-02", "2025-03"}
    assert holding_extremes({k: v for k, v in slots.items() if k != "2025-01"}) == {"2025-02", "2025-03"}
    assert holding_extremes({"2025-01": slots["2025-01"], "2025-02": {"first": "2025-02-03"}}) == {"2025-01"}


def test_facts_know_every_id_and_key_named() -> None:
    month = Month().with_records(
        [
            HoursRecord(id="0000000a", date=date(2026, 3, 9), hours=2, client="acme"),
            HoursRecord(id="0000000b", date=date(2026, 3, 12), hours=1, activity="coaching", teammate="ana"),
            OneOnOneRecord(id="0000000c", date=date(2026, 3, 2), teammate="ana", status="cancelled", because="acme"),
        ]
    )
    facts = facts_of(month)
    assert facts["ids"] == "0000000a0000000b0000000c"
    assert facts["refs"] == {
        "client": {"acme": [2, "2026-03-02", "2026-03-09"]},
        "teammate": {"ana": [2, "2026-03-02", "2026-03-12"]},
    }
