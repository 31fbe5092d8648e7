"""What the store checks before and after a write: nothing invalid or shortened ever reaches the disk.

Models validate on construction, so a bad value can only come from a bug that
builds one without validation (`model_construct`) or from a hand edit; both are
simulated here, on a real ledger directory.
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest

from leadshift.domain.book import Book, Client, Teammate
from leadshift.domain.records import HoursRecord, Month
from leadshift.errors import LedgerFileError, LedgerWriteError
from leadshift.storage import durable
from leadshift.storage.store import Store
from tests.conftest import snapshot
from tests.support.stores import hours, put_month


def bad_record(**fields: object) -> HoursRecord:
    values = {"id": "0000beef", "date": date(2026, 11, 19), "hours": 1.0, "client": "acme", **fields}
    return HoursRecord.model_construct(**values)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "fields",
    [
        {"hours": float("nan")},
        {"hours": float("inf")},
        {"hours": None},
        {"hours": 1e9},  # absurd: more than a day
        {"hours": 2**70},
        {"date": None},
        {"client": "no such client"},
        {"id": "../../etc"},
    ],
    ids=["nan", "inf", "none", "absurd", "2**70", "no-date", "bad-key", "bad-id"],
)
def test_a_record_the_models_reject_never_reaches_the_disk(store: Store, fields: dict[str, object]) -> None:  # noqa: F811
    before = snapshot(store.home)
    with pytest.raises(LedgerWriteError) as caught:
        with store.change() as draft:
            month = draft.month("2026-11")
            draft.set_month("2026-11", Month.model_construct(hours=[*month.hours, bad_record(**fields)]))
    assert caught.value.message.startswith("refused to save log/2026-11.toml")
    assert caught.value.message.endswith("Nothing was saved; this is a bug in leadshift.")
    assert snapshot(store.home) == before


@pytest.mark.parametrize(
    "teammate",
    [
        {"capacity_hours": 2**70},
        {"capacity_hours": float("nan")},
        {"one_on_one_every": 2**70},
        {"skills": ["ok", None]},  # the TOML writer itself refuses None in a list
    ],
    ids=["capacity-2**70", "capacity-nan", "cadence-2**70", "none-in-list"],
)
def test_a_book_value_the_writer_or_models_reject_never_reaches_the_disk(
    store: Store,  # noqa: F811
    teammate: dict[str, object],
) -> None:
    before = snapshot(store.home)
    broken = Teammate.model_construct(**{**Teammate(name="Carol").model_dump(), **teammate})
    with pytest.raises(LedgerWriteError) as caught:
        with store.change() as draft:
            draft.set_book(draft.book.model_copy(update={"teammates": {**draft.book.teammates, "carol": broken}}))
    assert caught.value.message.startswith("refused to save ledger.toml") or caught.value.message.startswith(
        "ledger.toml cannot be written as TOML"
    )
    assert "othing was saved" in caught.value.message
    assert snapshot(store.home) == before


def test_a_hand_edited_2_to_the_70_is_reported_with_its_line(store: Store) -> None:  # noqa: F811
    text = store.book_path.read_text().replace("one_on_one_every = 14", f"one_on_one_every = {2**70}", 1)
    store.book_path.write_text(text)
    before = snapshot(store.home)
    with pytest.raises(LedgerFileError) as caught:
        put_month(store, "2026-11", hours("0000000c", date(2026, 11, 19)))
    line = text.splitlines().index(f"one_on_one_every = {2**70}") + 1
    assert caught.value.message.startswith(
        f"ledger.toml, line {line} (teammates.alice.one_on_one_every): input should be less than or equal to 365."
    )
    assert snapshot(store.home) == before


def test_a_save_that_would_drop_records_is_refused(store: Store) -> None:  # noqa: F811
    put_month(store, "2026-11", hours("0000000c", date(2026, 11, 19)))
    before = snapshot(store.home)
    with pytest.raises(LedgerWriteError) as caught:
        with store.change() as draft:  # a buggy command that rebuilt the month from part of it
            draft.set_month("2026-11", Month().with_records([hours("0000000d", date(2026, 11, 20))]))
    assert caught.value.message == (
        "this change would drop 2 record(s) from log/2026-11.toml (0000000b, 0000000c); nothing was saved. "
        "This is a bug in leadshift: please report it."
    )
    assert snapshot(store.home) == before


def test_a_removal_the_command_declares_is_saved(store: Store) -> None:  # noqa: F811
    with store.change() as draft:
        draft.set_month("2026-11", Month(), removed=["0000000b"])
    assert store.load().months["2026-11"].records() == []


def test_a_removal_declares_only_its_own_records(store: Store) -> None:  # noqa: F811
    put_month(store, "2026-11", hours("0000000c", date(2026, 11, 19)))
    with pytest.raises(LedgerWriteError, match=r"drop 1 record\(s\) from log/2026-11.toml \(0000000c\)"):
        with store.change() as draft:
            draft.set_month("2026-11", Month(), removed=["0000000b"])


def test_a_file_that_does_not_read_back_as_written_is_put_back(
    store: Store,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A file system that reports a full write but keeps fewer bytes (jrnl #72's failure, made explicit)."""
    before = snapshot(store.home)
    real_write = os.write

    def loses_the_tail(fd: int, data: bytes) -> int:
        real_write(fd, bytes(data)[: max(1, len(data) // 2)])
        return len(data)  # claims it all

    with monkeypatch.context() as patch:
        patch.setattr(os, "write", loses_the_tail)
        with pytest.raises(LedgerWriteError) as caught:
            put_month(store, "2026-11", hours("0000000c", date(2026, 11, 19)))
    assert caught.value.message == (
        "log/2026-11.toml did not read back as written; the previous version was put back. Check the disk, then "
        "try again."
    )
    after = snapshot(store.home)
    assert {k: v for k, v in after.items() if not k.startswith("backups/")} == {
        k: v for k, v in before.items() if not k.startswith("backups/")
    }
    assert [r.id for r in store.load().months["2026-11"].records()] == ["0000000b"]
    # The failed version never became a backup that could push a good one out.
    for backup in durable.backups_of(store.backup_dir, "log-2026-11.toml"):
        assert b'id = "0000000c"' not in backup.read_bytes()


def test_a_new_month_that_does_not_read_back_is_removed(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: F811
    before = snapshot(store.home)
    real_write = os.write
    with monkeypatch.context() as patch:
        patch.setattr(os, "write", lambda fd, data: real_write(fd, bytes(data)[:10]) and len(data))
        with pytest.raises(LedgerWriteError, match="log/2026-12.toml did not read back as written"):
            put_month(store, "2026-12", hours("0000000c", date(2026, 12, 1)))
    assert snapshot(store.home) == before
    assert store.month_keys() == ["2026-10", "2026-11"]


def test_a_valid_book_written_by_hand_still_refuses_orphans(store: Store) -> None:  # noqa: F811
    before = snapshot(store.home)
    clients = {"globex": Client(name="Globex", owner="bob")}
    with pytest.raises(LedgerWriteError, match="this change would break log/2026-10.toml"):
        with store.change() as draft:
            draft.set_book(Book(profile=draft.book.profile, teammates=draft.book.teammates, clients=clients))
    assert snapshot(store.home) == before


def test_paths_stay_inside_the_ledger(store: Store) -> None:  # noqa: F811
    # Month keys come from file names matched by a strict pattern, never from user text.
    (store.log_dir / "..2026-11.toml").write_bytes(b"x")
    (store.log_dir / "2026-11.toml.bak").write_bytes(b"x")
    assert store.month_keys() == ["2026-10", "2026-11"]


@pytest.mark.parametrize("content", [b"", b"\n\n  \n", b"# only a comment\n"], ids=["zeroed", "blank", "comment"])
def test_a_month_cut_to_nothing_is_broken_not_empty(cli, team: Path, content: bytes) -> None:
    """Timewarrior lost data to files zeroed by a full disk: an empty month must not pass for 'no records'."""
    for day in ("2026-11-16", "2026-11-17"):
        assert cli("log", "client", "acme", "1", "--date", day).exit_code == 0
    month = team / "log" / "2026-11.toml"
    month.write_bytes(content)
    before = snapshot(team)
    for args in (["show", "--week", "2026-W47"], ["review", "--json"], ["log", "client", "acme", "1"]):
        result = cli(*args)
        assert result.exit_code == 1, args
        assert result.stderr == (
            "Error: log/2026-11.toml is empty; it may have been cut short by a crash or a full disk. Fix it with "
            "`leadshift edit 2026-11`, or put back a backup (`leadshift restore` lists them).\n"
        )
    assert snapshot(team) == before  # in particular, no empty backup pushed out a good one
    doctor = cli("doctor")
    assert doctor.exit_code == 1
    assert "log/2026-11.toml is empty" in doctor.stdout
    assert cli("restore", "log-2026-11.toml.000001", "--yes").exit_code == 0
    assert len(Store(team).load().months["2026-11"].records()) == 1  # the version before the last save


def test_an_edit_that_changes_nothing_writes_nothing(cli, team: Path) -> None:
    assert cli("log", "client", "acme", "1", "--date", "2026-11-16").exit_code == 0
    book = team / "ledger.toml"
    book.write_bytes(book.read_bytes() + b"# my own comment\n")
    before = snapshot(team)
    for args in (
        ["client", "edit", "acme", "--weight", "4"],  # already 4
        ["teammate", "edit", "bob", "--name", "Bob Chen"],
    ):
        for _ in range(12):  # more than the backups kept
            assert cli(*args).exit_code == 0
    assert snapshot(team) == before  # no backup rotated, the comment kept


def test_a_failed_init_does_not_block_the_next(cli, ledger_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import errno

    def disk_full(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    with monkeypatch.context() as patch:
        patch.setattr(os, "replace", disk_full)
        failed = cli("init", "--name", "Sam Lee")
    assert failed.exit_code == 1
    assert sorted(p.name for p in ledger_home.iterdir()) == [".lock"]
    assert cli("init", "--name", "Sam Lee").exit_code == 0


def test_init_in_a_folder_kept_in_git(cli, ledger_home: Path) -> None:
    (ledger_home / ".git").mkdir(parents=True)
    (ledger_home / ".gitignore").write_text(".cache/\n")
    assert cli("init", "--name", "Sam Lee").exit_code == 0
    doctor = cli("doctor")
    assert doctor.exit_code == 0, doctor.stdout
