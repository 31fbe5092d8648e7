"""The three-way merge of ledger files, on hand-built months and books: each rule firing, and staying quiet."""

from __future__ import annotations

from datetime import date

from leadshift.domain.book import Book, Client, Profile, Teammate
from leadshift.domain.merging import (
    ABSENT,
    ADDED_TWICE,
    BOTH_CHANGED,
    REMOVED_AND_CHANGED,
    merge_book,
    merge_month,
)
from leadshift.domain.promises import ActionItem
from leadshift.domain.records import EscalationRecord, HoursRecord, Month, OneOnOneRecord
from leadshift.domain.schema import SCHEMA_VERSION

NOV = "2026-11"
DAY = date(2026, 11, 18)


def hours(record_id: str, amount: float = 2.0, day: date = DAY, note: str = "") -> HoursRecord:
    return HoursRecord(id=record_id, date=day, client="acme", hours=amount, note=note)


def month(*records) -> Month:  # type: ignore[no-untyped-def]
    return Month().with_records(list(records))


def ids(merged: Month) -> list[str]:
    return [r.id for r in merged.records()]


BASE = month(hours("00000001"), OneOnOneRecord(id="00000002", date=DAY, teammate="alice", status="held"))


def test_records_added_on_each_side_are_all_kept() -> None:
    ours = month(*BASE.records(), hours("000000a1", day=date(2026, 11, 19)))
    theirs = month(*BASE.records(), EscalationRecord(id="000000b1", date=DAY, teammate="bob", asked_first=True))
    merged = merge_month(BASE, ours, theirs, NOV)
    assert merged.clean
    assert sorted(ids(merged.content)) == ["00000001", "00000002", "000000a1", "000000b1"]


def test_a_record_removed_on_one_side_stays_removed() -> None:
    theirs = month(BASE.records()[1])
    merged = merge_month(BASE, BASE, theirs, NOV)
    assert merged.clean and ids(merged.content) == ["00000002"]


def test_a_record_changed_on_one_side_takes_that_change() -> None:
    ours = month(hours("00000001", note="moved to Thursday"), BASE.records()[1])
    merged = merge_month(BASE, ours, BASE, NOV)
    assert merged.clean and merged.content.hours[0].note == "moved to Thursday"
    assert merge_month(BASE, BASE, ours, NOV).content.hours[0].note == "moved to Thursday"


def test_the_same_change_on_both_sides_is_no_clash() -> None:
    both = month(hours("00000001", 3.0), BASE.records()[1])
    merged = merge_month(BASE, both, both, NOV)
    assert merged.clean and merged.content == both


def test_a_record_changed_differently_on_both_sides_clashes_and_the_file_keeps_ours() -> None:
    ours = month(hours("00000001", 3.0), BASE.records()[1])
    theirs = month(hours("00000001", 4.0), BASE.records()[1], hours("000000b1", 1.0))
    merged = merge_month(BASE, ours, theirs, NOV)
    assert [(c.place, c.why) for c in merged.clashes] == [("record 00000001", BOTH_CHANGED)]
    assert merged.clashes[0].kept.hours == 3.0 and merged.clashes[0].set_aside.hours == 4.0
    assert merged.content.hours[0].hours == 3.0
    assert "000000b1" in ids(merged.content)  # what does not clash is merged all the same


def test_removed_on_one_side_and_changed_on_the_other_clashes() -> None:
    ours = month(BASE.records()[1])
    theirs = month(hours("00000001", note="kept after all"), BASE.records()[1])
    merged = merge_month(BASE, ours, theirs, NOV)
    assert [(c.place, c.why, c.kept) for c in merged.clashes] == [("record 00000001", REMOVED_AND_CHANGED, ABSENT)]


def test_without_a_base_the_same_id_added_differently_clashes() -> None:
    merged = merge_month(None, month(hours("00000001", 1.0)), month(hours("00000001", 5.0)), NOV)
    assert [c.why for c in merged.clashes] == [ADDED_TWICE]
    assert merge_month(None, month(hours("00000001")), month(hours("00000001")), NOV).clean


def test_a_merge_that_would_break_a_rule_keeps_ours_and_sets_aside_every_change_of_theirs() -> None:
    # Each side logged a long day on the 18th: together they would make 26 hours.
    ours = month(*BASE.records(), hours("000000a1", 12.0))
    theirs = month(*BASE.records(), hours("000000b1", 12.0))
    merged = merge_month(BASE, ours, theirs, NOV)
    assert merged.content == ours
    assert [(c.place, c.kept, c.set_aside.id) for c in merged.clashes] == [("record 000000b1", ABSENT, "000000b1")]
    assert "a day holds at most 24" in merged.clashes[0].why


def test_the_merged_month_takes_the_newer_schema_version() -> None:
    older = Month.model_validate({"schema_version": 3, "hours": [hours("00000001")]})
    assert (
        merge_month(older, older, month(hours("00000001"), hours("000000b1")), NOV).content.schema_version
        == SCHEMA_VERSION
    )


# -- ledger.toml -------------------------------------------------------------------


def book(**changes) -> Book:  # type: ignore[no-untyped-def]
    fields = {
        "profile": Profile(name="Sam Lee"),
        "teammates": {"alice": Teammate(name="Alice Martin"), "bob": Teammate(name="Bob Chen")},
        "clients": {"acme": Client(name="Acme Ltd")},
    }
    return Book.model_validate({**fields, **changes})


def test_teammates_added_on_each_side_are_both_kept() -> None:
    base = book()
    ours = book(teammates={**base.teammates, "carol": Teammate(name="Carol Diaz")})
    theirs = book(teammates={**base.teammates, "dev": Teammate(name="Dev Rao")})
    merged = merge_book(base, ours, theirs)
    assert merged.clean and list(merged.content.teammates) == ["alice", "bob", "carol", "dev"]


def test_profile_fields_changed_on_different_sides_both_arrive() -> None:
    base = book()
    ours = book(profile=Profile(name="Sam Lee", workday_hours=9.0))
    theirs = book(profile=Profile(name="Sam Lee", client_share_limit=0.3))
    merged = merge_book(base, ours, theirs)
    assert merged.clean
    assert (merged.content.profile.workday_hours, merged.content.profile.client_share_limit) == (9.0, 0.3)


def test_the_same_field_changed_differently_clashes_by_name() -> None:
    base = book()
    ours = book(profile=Profile(name="Sam Lee", workday_hours=9.0))
    theirs = book(profile=Profile(name="Sam Lee", workday_hours=8.0))
    merged = merge_book(base, ours, theirs)
    assert [(c.place, c.kept, c.set_aside) for c in merged.clashes] == [("profile.workday_hours", 9.0, 8.0)]


def test_a_teammate_changed_differently_on_both_sides_clashes_by_key() -> None:
    base = book()
    ours = book(teammates={**base.teammates, "bob": Teammate(name="Bob Chen", role="Analyst")})
    theirs = book(teammates={**base.teammates, "bob": Teammate(name="Bob Chen", role="Lead")})
    assert [c.place for c in merge_book(base, ours, theirs).clashes] == ["teammates.bob"]


def test_any_table_of_the_book_merges_by_key() -> None:
    # Action items came after this merge was written: it goes through the model's fields, not a list of tables.
    base = book()
    item = ActionItem(teammate="alice", text="send the pricing sheet", opened=DAY)
    ours = book(actions={"000000a1": item})
    theirs = book(actions={"000000b1": item.model_copy(update={"teammate": "bob"})})
    assert list(merge_book(base, ours, theirs).content.actions) == ["000000a1", "000000b1"]


def test_a_book_that_would_break_a_reference_keeps_ours() -> None:
    # Ours gave acme to bob; theirs removed bob: together a client owned by nobody.
    base = book()
    ours = book(clients={"acme": Client(name="Acme Ltd", owner="bob")})
    theirs = book(teammates={"alice": Teammate(name="Alice Martin")})
    merged = merge_book(base, ours, theirs)
    assert merged.content == ours
    assert [(c.place, c.set_aside) for c in merged.clashes] == [("teammates.bob", ABSENT)]
    assert "not a teammate" in merged.clashes[0].why
