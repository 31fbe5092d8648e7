"""The journal of changes on disk: what an entry keeps, how many are kept, and undo and redo through it."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from leadshift.errors import Conflict, LedgerFileError, NotFound
from leadshift.storage import journal, rewind
from leadshift.storage.layout import JOURNAL_KEPT
from leadshift.storage.store import Store
from tests.support.stores import hours, put_month, sample_book

AT = datetime(2026, 11, 20, 9, 30)


def entries(store: Store) -> list[str]:
    return sorted(p.name for p in store.journal_dir.iterdir())


@pytest.mark.parametrize(
    "before",
    [
        b'schema_version = 3\r\n\r\n[[hours]]\r\nid = "0000000a"\r\n',
        b"\xff\xfe not text",
        b'quote """ and \\ slash\n',
        bytes(c for c in range(128) if c != 13) * 2,
        "é, ü, \u2028, \ufeff\n".encode(),
    ],
    ids=["carriage returns", "not UTF-8", "quotes and backslashes", "every other ASCII character", "unicode"],
)
def test_an_entry_keeps_each_file_byte_for_byte(store: Store, before: bytes) -> None:
    path = journal.record(store, "edit", "edited by hand", [journal.Version("log/2026-11.toml", before, b"new\n")], AT)
    entry = journal.read(store, path)
    assert entry.files[0].content("before") == before
    assert entry.files[0].content("after") == b"new\n"
    assert (entry.at, entry.command, entry.summary) == (AT, "edit", "edited by hand")


def test_a_file_a_change_created_is_removed_by_undo_and_made_again_by_redo(store: Store) -> None:
    put_month(store, "2026-12", hours("0000000d", date(2026, 12, 1)))
    december = store.month_path("2026-12").read_bytes()
    rewind.undo(store)
    assert not store.month_path("2026-12").exists()
    rewind.redo(store)
    assert store.month_path("2026-12").read_bytes() == december


def test_only_the_newest_changes_are_kept(store: Store) -> None:
    for n in range(JOURNAL_KEPT + 3):
        with store.change() as draft:
            draft.set_book(sample_book(f"Sam Lee {n}"))
    kept = entries(store)
    assert len(kept) == JOURNAL_KEPT
    assert (
        journal.changes(store)[0].summary == f"profile: name Sam Lee {JOURNAL_KEPT + 1} -> Sam Lee {JOURNAL_KEPT + 2}"
    )


def test_a_new_change_drops_what_could_have_been_redone(store: Store) -> None:
    with store.change() as draft:
        draft.set_book(sample_book("Sam Lee-Park"))
    rewind.undo(store)
    assert any(name.endswith("-undone.toml") for name in entries(store))
    put_month(store, "2026-11", hours("0000000e", date(2026, 11, 21)))
    assert not any(name.endswith("-undone.toml") for name in entries(store))
    with pytest.raises(NotFound):
        rewind.redo(store)


def test_a_broken_entry_is_named_and_nothing_is_undone(store: Store) -> None:
    put_month(store, "2026-11", hours("0000000f", date(2026, 11, 22)))
    newest = max(store.journal_dir.iterdir())
    newest.write_text("not = [toml\n")
    before = store.month_path("2026-11").read_bytes()
    with pytest.raises(LedgerFileError) as caught:
        rewind.undo(store)
    assert caught.value.message.startswith(f"journal/{newest.name} cannot be read")
    assert store.month_path("2026-11").read_bytes() == before


def test_an_undo_cut_short_is_finished_by_the_next_change(store: Store) -> None:
    put_month(store, "2026-11", hours("000000aa", date(2026, 11, 23)))
    with_record = store.month_path("2026-11").read_bytes()
    newest = max(store.journal_dir.iterdir())
    # As an undo killed after marking its entry, before writing the file:
    newest.rename(newest.with_name(newest.name.replace(".toml", "-undoing.toml")))
    assert store.month_path("2026-11").read_bytes() == with_record
    with store.change() as draft:
        draft.set_book(sample_book("Sam Lee-Park"))
    assert "000000aa" not in store.month_path("2026-11").read_text()  # the undo was finished first
    assert [c.summary for c in journal.changes(store)][0] == "profile: name Sam Lee -> Sam Lee-Park"


def test_a_file_changed_outside_the_journal_is_not_overwritten(store: Store, ledger_home: Path) -> None:
    put_month(store, "2026-11", hours("000000bb", date(2026, 11, 24)))
    month = store.month_path("2026-11")
    month.write_bytes(month.read_bytes() + b"# mine\n")
    with pytest.raises(Conflict):
        rewind.undo(store)
    assert month.read_bytes().endswith(b"# mine\n")
