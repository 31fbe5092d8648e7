"""store: the real ledger directory on real files: creation, writes, refusals, backups, locking."""

from __future__ import annotations

import calendar
import os
import stat
import tempfile
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from leadshift.domain.book import Book, Client, Profile, Teammate
from leadshift.domain.records import EscalationRecord, HoursRecord, Month, OneOnOneRecord, TradeOffRecord
from leadshift.domain.schema import SCHEMA_VERSION
from leadshift.domain.terms import ACTIVITIES, NO_KINDS, ONE_ON_ONE_STATUSES, WEEKDAYS
from leadshift.errors import (
    LeadshiftError,
    LedgerExists,
    LedgerFileError,
    LedgerMissing,
    LedgerVersionError,
    LedgerWriteError,
)
from leadshift.storage import codec, durable, layout
from leadshift.storage.store import Store
from tests.conftest import snapshot
from tests.support.stores import hours, put_month, sample_book


def hint(store: Store, path: Path) -> str:
    which = "ledger" if path == store.book_path else path.stem
    return f"Fix it with `leadshift edit {which}`, or put back a backup (`leadshift restore` lists them)."


def mode(path: Path) -> int:
    return stat.S_IMODE(path.lstat().st_mode)


# -- create ---------------------------------------------------------------------


def test_create_writes_a_book_that_reads_back(ledger_home: Path) -> None:
    store = Store(ledger_home)
    assert not store.exists()
    store.create(sample_book())
    assert store.exists()
    assert store.read_book() == sample_book()
    assert store.load().months == {}


def test_create_refuses_an_existing_ledger(store: Store) -> None:
    before = snapshot(store.home)
    with pytest.raises(LedgerExists) as caught:
        store.create(sample_book("Someone Else"))
    assert str(store.home) in caught.value.message
    assert "never overwrites" in caught.value.message
    assert snapshot(store.home) == before


def test_reading_or_changing_without_a_ledger(ledger_home: Path) -> None:
    store = Store(ledger_home)
    with pytest.raises(LedgerMissing) as caught:
        store.read_book()
    assert caught.value.message.startswith(f"no ledger at {ledger_home}: create one with `leadshift init")
    with pytest.raises(LedgerMissing):
        with store.change():
            pass
    assert not ledger_home.exists()


def test_create_where_a_file_is_in_the_way(ledger_home: Path) -> None:
    ledger_home.write_text("my notes")
    with pytest.raises(LeadshiftError):
        Store(ledger_home).create(sample_book())
    assert ledger_home.read_text() == "my notes"


# -- permissions ------------------------------------------------------------------


@pytest.mark.parametrize("umask", [0o022, 0o002, 0o000])
def test_everything_is_private_whatever_the_umask(ledger_home: Path, umask: int) -> None:
    old = os.umask(umask)
    try:
        store = Store(ledger_home)
        store.create(sample_book())
        put_month(store, "2026-11", hours("0000000b", date(2026, 11, 18)))
        put_month(store, "2026-11", hours("0000000c", date(2026, 11, 19)))  # backs up the month
        with store.change() as draft:
            draft.set_book(sample_book("Sam Lee-Park"))  # backs up the book
    finally:
        os.umask(old)
    modes = {str(p.relative_to(ledger_home)): mode(p) for p in ledger_home.rglob("*")}
    backups = sorted(name for name in modes if name.startswith("backups/"))
    entries = sorted(name for name in modes if name.startswith("journal/"))
    assert entries == ["journal/000001.toml", "journal/000002.toml", "journal/000003.toml"]
    assert [name.rsplit(".", 1)[0] for name in backups] == ["backups/ledger.toml", "backups/log-2026-11.toml"]
    assert mode(ledger_home) == 0o700
    assert modes == {
        ".lock": 0o600,
        "ledger.toml": 0o600,
        "log": 0o700,
        "log/2026-11.toml": 0o600,
        "backups": 0o700,
        **{name: 0o600 for name in backups},
        "journal": 0o700,  # whole files before and after each change
        **{name: 0o600 for name in entries},
        ".cache": 0o700,  # holds notes too: what each month held when last validated
        ".cache/index.json": 0o600,
        ".cache/months": 0o700,
        ".cache/months/2026-11.json": 0o600,
    }


def test_an_existing_open_directory_is_closed_on_create(ledger_home: Path) -> None:
    ledger_home.mkdir(mode=0o755)
    os.chmod(ledger_home, 0o755)
    Store(ledger_home).create(sample_book())
    assert mode(ledger_home) == 0o700


def test_readable_files_are_tightened_by_the_next_write(store: Store) -> None:
    os.chmod(store.book_path, 0o644)
    os.chmod(store.month_path("2026-10"), 0o664)
    book_bytes = store.book_path.read_bytes()
    put_month(store, "2026-11", hours("0000000c", date(2026, 11, 19)))  # writes neither of them
    assert store.book_path.read_bytes() == book_bytes
    assert mode(store.book_path) == 0o600
    assert mode(store.month_path("2026-10")) == 0o600


# -- writes that must not write -----------------------------------------------------


def test_change_without_modification_writes_nothing(store: Store) -> None:
    before = snapshot(store.home)
    mtimes = {p: p.stat().st_mtime_ns for p in store.home.rglob("*.toml")}
    with store.change() as draft:
        assert draft.book == sample_book()
    assert snapshot(store.home) == before
    assert {p: p.stat().st_mtime_ns for p in store.home.rglob("*.toml")} == mtimes


def test_exception_inside_change_writes_nothing(store: Store) -> None:
    before = snapshot(store.home)
    with pytest.raises(RuntimeError, match="changed my mind"):
        with store.change() as draft:
            draft.set_book(sample_book("Renamed"))
            draft.set_month("2026-12", Month().with_records([hours("0000000c", date(2026, 12, 1))]))
            raise RuntimeError("changed my mind")
    assert snapshot(store.home) == before
    assert not store.month_path("2026-12").exists()
    # The lock was released: the next writer goes through.
    put_month(store, "2026-12", hours("0000000c", date(2026, 12, 1)))
    assert store.load().months["2026-12"].records() == [hours("0000000c", date(2026, 12, 1))]


def test_a_broken_month_blocks_every_write_and_nothing_changes(store: Store) -> None:
    broken = store.month_path("2026-10")
    broken.write_bytes(broken.read_bytes() + b'\nnote = "unterminated\n')
    lines = broken.read_bytes().count(b"\n")
    before = snapshot(store.home)
    with pytest.raises(LedgerFileError) as caught:
        put_month(store, "2026-11", hours("0000000c", date(2026, 11, 19)))
    # 'note = "unterminated' is 20 characters: the newline is column 21 of the last line.
    assert (
        caught.value.message
        == f"log/2026-10.toml, line {lines}, column 21: illegal character '\\n'. {hint(store, broken)}"
    )
    with pytest.raises(LedgerFileError):
        with store.change() as draft:
            draft.set_book(sample_book("Renamed"))
    assert snapshot(store.home) == before


def test_a_broken_book_blocks_every_write(store: Store) -> None:
    store.book_path.write_bytes(store.book_path.read_bytes().replace(b"[profile]", b"[profile"))
    before = snapshot(store.home)
    with pytest.raises(LedgerFileError) as caught:
        put_month(store, "2026-11", hours("0000000c", date(2026, 11, 19)))
    assert caught.value.message.startswith("ledger.toml, line 3, column 9: ")
    assert snapshot(store.home) == before


# -- backups and temp files -----------------------------------------------------------


def test_backups_keep_the_last_versions_of_the_book(store: Store) -> None:
    versions = [store.book_path.read_bytes()]
    for n in range(layout.BACKUPS_KEPT + 3):
        with store.change() as draft:
            draft.set_book(sample_book(f"Sam Lee {n}"))
        versions.append(store.book_path.read_bytes())
    assert codec.decode(versions[-1], Book, "ledger.toml", "") == sample_book(f"Sam Lee {layout.BACKUPS_KEPT + 2}")
    kept = durable.backups_of(store.backup_dir, "ledger.toml")
    assert len(kept) == layout.BACKUPS_KEPT
    # Oldest first: the versions before each of the last BACKUPS_KEPT writes.
    assert [p.read_bytes() for p in kept] == versions[-1 - layout.BACKUPS_KEPT : -1]
    assert kept[-1].read_bytes() == versions[-2]
    for path in kept:
        assert isinstance(codec.decode(path.read_bytes(), Book, path.name, ""), Book)
    # The month backups are separate and untouched by the book's rotation.
    assert [p.read_bytes().count(b"[[hours]]") for p in durable.backups_of(store.backup_dir, "log-2026-10.toml")] == []


def test_month_backups_are_named_after_the_month(store: Store) -> None:
    old = store.month_path("2026-11").read_bytes()
    put_month(store, "2026-11", hours("0000000c", date(2026, 11, 19)))
    kept = durable.backups_of(store.backup_dir, "log-2026-11.toml")
    assert [p.read_bytes() for p in kept] == [old]
    month = codec.decode(kept[0].read_bytes(), Month, kept[0].name, "", {"month": "2026-11", "book": sample_book()})
    assert month.records() == [hours("0000000b", date(2026, 11, 18))]


def test_no_temp_files_are_left_behind(store: Store) -> None:
    for n in range(3):
        put_month(store, "2026-11", hours(f"1000000{n}", date(2026, 11, 19)))
        with store.change() as draft:
            draft.set_book(sample_book(f"Sam {n}"))
    leftovers = [p for p in store.home.rglob("*") if p.name.endswith(layout.TEMP_SUFFIX)]
    assert leftovers == []
    assert sorted(p.name for p in store.log_dir.iterdir()) == ["2026-10.toml", "2026-11.toml"]


def test_a_failed_replace_is_a_write_error_and_changes_no_data(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    import errno

    real_replace = os.replace

    def no_space(src: str, dst: str) -> None:
        if Path(dst) == store.month_path("2026-11"):  # the journal entry is written, the month is not
            raise OSError(errno.ENOSPC, "No space left on device")
        real_replace(src, dst)

    data = {p: p.read_bytes() for p in [store.book_path, *store.log_dir.iterdir()]}
    entries = sorted(store.journal_dir.iterdir())
    monkeypatch.setattr(os, "replace", no_space)
    with pytest.raises(LedgerWriteError) as caught:
        put_month(store, "2026-11", hours("0000000c", date(2026, 11, 19)))
    assert (
        caught.value.message == "could not save log/2026-11.toml: the disk is full (free some space, then try again); "
        "the file on disk is unchanged."
    )
    monkeypatch.undo()
    assert {p: p.read_bytes() for p in [store.book_path, *store.log_dir.iterdir()]} == data
    assert sorted(store.journal_dir.iterdir()) == entries  # nothing changed: nothing to undo
    assert [p for p in store.home.rglob("*") if p.name.endswith(layout.TEMP_SUFFIX)] == []


def test_a_failed_write_keeps_the_backup_history(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    import errno

    for n in range(layout.BACKUPS_KEPT):
        with store.change() as draft:
            draft.set_book(sample_book(f"Sam Lee {n}"))
    before = snapshot(store.home)

    def no_space(src: object, dst: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "replace", no_space)
    with pytest.raises(LedgerWriteError):
        with store.change() as draft:
            draft.set_book(sample_book("Never saved"))
    monkeypatch.undo()
    assert snapshot(store.home) == before


# -- what a hand edit can break -----------------------------------------------------------


def test_record_outside_its_month_is_reported_with_the_file(store: Store) -> None:
    path = store.month_path("2026-11")
    path.write_text(
        'schema_version = 1\n\n[[hours]]\nid = "0000000b"\ndate = 2026-11-18\nhours = 1.0\nclient = "acme"\n\n'
        '[[hours]]\nid = "0000000c"\ndate = 2026-12-01\nhours = 1.0\nclient = "acme"\n'
    )
    with pytest.raises(LedgerFileError) as caught:
        store.load()
    assert caught.value.message == (
        f"log/2026-11.toml, line 10: record 0000000c is dated 2026-12-01, outside 2026-11. {hint(store, path)}"
    )


def test_record_naming_an_unknown_client_is_reported_with_the_file(store: Store) -> None:
    path = store.month_path("2026-11")
    path.write_text(
        'schema_version = 1\n\n[[trade_off]]\nid = "0000000d"\ndate = 2026-11-18\nclient = "initech"\n'
        'request = "Deck by Monday"\nsaid_no = "nothing"\n'
    )
    with pytest.raises(LedgerFileError) as caught:
        store.read_month("2026-11", store.read_book())
    assert caught.value.message == (
        f"log/2026-11.toml, line 4: record 0000000d names client 'initech', which is not in ledger.toml. {hint(store, path)}"
    )


CURRENT_VERSION = f"schema_version = {SCHEMA_VERSION}".encode()


def test_a_newer_book_is_refused_for_writing(store: Store) -> None:
    store.book_path.write_bytes(store.book_path.read_bytes().replace(CURRENT_VERSION, b"schema_version = 99"))
    assert store.read_book().schema_version == 99  # still readable
    before = snapshot(store.home)
    with pytest.raises(LedgerVersionError) as caught:
        put_month(store, "2026-11", hours("0000000c", date(2026, 11, 19)))
    assert caught.value.message == (
        f"this ledger was written by a newer leadshift (schema version 99; this one writes version {SCHEMA_VERSION}). "
        "Upgrade with `pip install --upgrade leadshift`."
    )
    assert snapshot(store.home) == before


def test_a_newer_month_is_refused_for_writing(store: Store) -> None:
    path = store.month_path("2026-10")
    path.write_bytes(path.read_bytes().replace(CURRENT_VERSION, b"schema_version = 7"))
    before = snapshot(store.home)
    with pytest.raises(LedgerVersionError, match=r"schema version 7;"):
        with store.change() as draft:
            draft.set_book(sample_book("Renamed"))
    assert snapshot(store.home) == before


def test_a_record_from_before_year_1000_round_trips(store: Store) -> None:
    record = HoursRecord(id="00000026", date=date(26, 11, 20), hours=1.0, client="acme")
    put_month(store, "0026-11", record)
    assert store.load().months["0026-11"].records() == [record]


def test_a_hand_written_timestamp_with_an_offset(store: Store) -> None:

    path = store.month_path("2026-11")
    path.write_text(
        'schema_version = 1\n\n[[hours]]\nid = "0000000b"\ndate = 2026-11-18\nhours = 1.0\nclient = "acme"\n'
        "added = 2026-11-18 18:00:00\n\n"
        '[[hours]]\nid = "0000000c"\ndate = 2026-11-18\nhours = 1.0\nclient = "acme"\n'
        "added = 2026-11-18T19:00:00+01:00\n"
    )
    try:
        ledger = store.load()
    except LedgerFileError as error:  # refusing the hand edit, with the file named, would be right too
        assert error.message.startswith("log/2026-11.toml, line ")
    else:
        assert [r.id for r in ledger.records(date(2026, 11, 18), date(2026, 11, 18))] == ["0000000b", "0000000c"]


# -- reading a range ------------------------------------------------------------------------


def test_load_reads_only_the_months_in_range(store: Store) -> None:
    put_month(store, "2026-09", hours("00000009", date(2026, 9, 1)))
    store.month_path("2026-09").write_bytes(b"this is [not toml\n")  # corrupt, outside the range
    (store.log_dir / "notes.txt").write_text("not a month")
    (store.log_dir / "2026-13.toml").write_text("not a month either")
    ledger = store.load(date(2026, 10, 26), date(2026, 11, 1))
    assert sorted(ledger.months) == ["2026-10", "2026-11"]
    assert [r.id for r in ledger.records()] == ["0000000a", "0000000b"]
    ledger = store.load(date(2026, 11, 16), date(2026, 11, 22))
    assert sorted(ledger.months) == ["2026-11"]
    assert [r.id for r in ledger.records(date(2026, 11, 16), date(2026, 11, 22))] == ["0000000b"]
    with pytest.raises(LedgerFileError, match=r"^log/2026-09\.toml, line 1, column "):
        store.load()
    assert store.month_keys() == ["2026-09", "2026-10", "2026-11"]


def test_load_across_a_year_end(store: Store) -> None:
    put_month(store, "2025-12", hours("00000012", date(2025, 12, 31)))
    put_month(store, "2026-01", hours("00000001", date(2026, 1, 1)))
    store.month_path("2026-10").write_bytes(b"\xff\xfe broken")
    ledger = store.load(date(2025, 12, 29), date(2026, 1, 4))
    assert sorted(ledger.months) == ["2025-12", "2026-01"]
    assert [r.id for r in ledger.records()] == ["00000012", "00000001"]


def test_an_open_end_reaches_only_up_to_the_other_end(store: Store) -> None:
    put_month(store, "2026-12", hours("0000000c", date(2026, 12, 1)))
    store.month_path("2026-12").write_bytes(b"this is [not toml\n")  # after the end: never read
    assert sorted(store.load(None, date(2026, 11, 22)).months) == ["2026-10", "2026-11"]
    book = store.read_book()
    assert store.load(date(2026, 11, 1), date(2026, 11, 30), book).book is book  # given, not read again


# -- the lock ---------------------------------------------------------------------------------


def test_a_bad_lock_timeout_setting_is_reported(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LEADSHIFT_LOCK_TIMEOUT", "10s")
    before = snapshot(store.home)
    with pytest.raises(LeadshiftError, match="LEADSHIFT_LOCK_TIMEOUT"):
        put_month(store, "2026-11", hours("0000000c", date(2026, 11, 19)))
    assert snapshot(store.home) == before


def test_a_symlink_planted_at_the_lock_is_not_followed(store: Store, tmp_path: Path) -> None:
    victim = tmp_path / "victim"
    victim.write_bytes(b"precious")
    os.chmod(victim, 0o644)
    store.lock_path.unlink()
    store.lock_path.symlink_to(victim)
    before = snapshot(store.home)
    with pytest.raises(LedgerWriteError) as caught:
        put_month(store, "2026-11", hours("0000000c", date(2026, 11, 19)))
    assert caught.value.message == (
        f".lock is a symbolic link, which leadshift will not follow; nothing was written. Remove it "
        f"(`rm {store.lock_path}`) and try again: the next write makes a new lock file."
    )
    assert victim.read_bytes() == b"precious"
    assert mode(victim) == 0o644
    assert snapshot(store.home) == before


def test_a_fifo_at_the_lock_is_refused_without_hanging(store: Store) -> None:
    # Doctor says every write fails with a FIFO there: the store must agree, not lock the FIFO.
    store.lock_path.unlink()
    os.mkfifo(store.lock_path)
    os.chmod(store.lock_path, 0o644)
    before = snapshot(store.home)
    with pytest.raises(LedgerWriteError) as caught:
        put_month(store, "2026-11", hours("0000000c", date(2026, 11, 19)))
    assert caught.value.message == (
        f".lock is not a regular file (a FIFO, socket or device), so it cannot serve as the lock; nothing was "
        f"written. Remove it (`rm {store.lock_path}`) and try again: the next write makes a new lock file."
    )
    assert stat.S_ISFIFO(store.lock_path.lstat().st_mode) and mode(store.lock_path) == 0o644
    assert snapshot(store.home) == before


def test_a_folder_at_the_lock_is_refused(store: Store) -> None:
    store.lock_path.unlink()
    store.lock_path.mkdir()
    before = snapshot(store.home)
    with pytest.raises(LedgerWriteError, match=r"^\.lock is a folder, not a lock file; nothing was written\. "):
        put_month(store, "2026-11", hours("0000000c", date(2026, 11, 19)))
    assert snapshot(store.home) == before


# -- round trip of anything a person could type ---------------------------------------------------

ODD = st.sampled_from(
    [
        "[",
        "]",
        "[red]",
        "[/]",
        "[b]",
        "\x1b",
        "\x00",
        "\r",
        "\n",
        "\t",
        "\u202e",
        "\x7f",
        "\x85",
        '"',
        "\\",
        "'",
        "#",
        "=",
    ]
)
TEXT_CHARS = st.one_of(st.characters(codec="utf-8"), ODD)  # lone surrogates cannot be text in a file
KEYS = st.from_regex(r"[a-z0-9][a-z0-9_-]{0,31}", fullmatch=True)
TEAMMATE_KEYS = KEYS.filter(lambda key: key != "me")
RECORD_IDS = st.from_regex(r"[0-9a-f]{8}", fullmatch=True)


def texts(min_size: int = 0, max_size: int = 40) -> st.SearchStrategy[str]:
    """Arbitrary Unicode mixed with markup and controls; pieces are at most 5 characters, so 40 fit a 200-character name."""
    return st.lists(TEXT_CHARS, min_size=min_size, max_size=max_size).map("".join)


def floats(low: float, high: float, exclude_min: bool = False) -> st.SearchStrategy[float]:
    return st.floats(low, high, exclude_min=exclude_min, allow_nan=False, allow_infinity=False)


TAGS = st.lists(texts(1, 4), max_size=3, unique=True)


@st.composite
def books(draw: st.DrawFn) -> Book:
    teammate_keys = draw(st.lists(TEAMMATE_KEYS, min_size=1, max_size=4, unique=True))
    teammates = {
        key: Teammate(
            name=draw(texts(1)),
            role=draw(texts()),
            skills=draw(TAGS),
            growing=draw(TAGS),
            capacity_hours=draw(floats(0, 168)),
            one_on_one_every=draw(st.integers(1, 365)),
        )
        for key in teammate_keys
    }
    clients = {}
    for key in draw(st.lists(KEYS, min_size=1, max_size=4, unique=True)):
        owner = draw(st.sampled_from(["me", *teammate_keys]))
        others = [k for k in teammate_keys if k != owner]  # an owner does not also back their client
        clients[key] = Client(
            name=draw(texts(1)),
            owner=owner,
            needs=draw(TAGS),
            weight=draw(st.integers(1, 5)),
            weekly_hours=draw(floats(0, 168)),
            backed_by=draw(st.lists(st.sampled_from(others), max_size=3, unique=True)) if others else [],
        )
    profile = Profile(
        name=draw(texts(1)),
        promoted_on=draw(st.none() | st.dates()),
        workday_hours=draw(floats(0, 24, exclude_min=True)),
        client_share_limit=draw(floats(0, 1, exclude_min=True)),
        week_starts=draw(st.sampled_from(WEEKDAYS)),
    )
    return Book(profile=profile, teammates=teammates, clients=clients)


@st.composite
def months(draw: st.DrawFn, book: Book) -> tuple[str, Month]:
    first = draw(st.dates())
    days = calendar.monthrange(first.year, first.month)[1]
    teammates, clients = sorted(book.teammates), sorted(book.clients)
    records = []
    for record_id in draw(st.lists(RECORD_IDS, max_size=8, unique=True)):
        common = {
            "id": record_id,
            "date": first.replace(day=draw(st.integers(1, days))),
            "note": draw(texts(max_size=60)),
            "added": draw(st.none() | st.datetimes()),
        }
        kind = draw(st.sampled_from(["client", "lead", "one-on-one", "trade-off", "escalation"]))
        if kind == "client":
            record = HoursRecord(
                **common, hours=draw(floats(0, 3, exclude_min=True)), client=draw(st.sampled_from(clients))
            )
        elif kind == "lead":
            record = HoursRecord(
                **common,
                hours=draw(floats(0, 3, exclude_min=True)),
                activity=draw(st.sampled_from(ACTIVITIES)),
                teammate=draw(st.none() | st.sampled_from(teammates)),
            )
        elif kind == "one-on-one":
            status = draw(st.sampled_from(ONE_ON_ONE_STATUSES))
            because = None if status == "held" else draw(st.none() | st.sampled_from(clients))
            record = OneOnOneRecord(**common, teammate=draw(st.sampled_from(teammates)), status=status, because=because)
        elif kind == "trade-off":
            record = TradeOffRecord(
                **common,
                client=draw(st.sampled_from(clients)),
                request=draw(texts(1)),
                urgent=draw(st.booleans()),
                said_no=draw(st.sampled_from(NO_KINDS)),
                teammate=draw(st.none() | st.sampled_from(teammates)),
            )
        else:
            record = EscalationRecord(
                **common, teammate=draw(st.sampled_from(teammates)), asked_first=draw(st.booleans())
            )
        records.append(record)
    return f"{first.year:04d}-{first.month:02d}", Month().with_records(records)


@st.composite
def ledgers(draw: st.DrawFn) -> tuple[Book, str, Month]:
    book = draw(books())
    key, month = draw(months(book))
    return book, key, month


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ledgers())
def test_anything_written_reads_back_unchanged(generated: tuple[Book, str, Month]) -> None:
    book, key, month = generated
    # A fresh directory per example; in memory where the system has one, as fsync on disk
    # would make 50 examples slow (durability is tested above, on tmp_path).
    with tempfile.TemporaryDirectory(dir="/dev/shm" if os.path.isdir("/dev/shm") else None) as tmp:
        home = Path(tmp) / "ledger"
        Store(home).create(book)
        with Store(home).change() as draft:
            draft.set_month(key, month)
        ledger = Store(home).load()
        assert ledger.book == book
        assert dict(ledger.months) == {key: month}
        assert Store(home).read_month(key, book).records() == month.records()
        # And a second save of what was read changes no byte.
        before = snapshot(home)
        with Store(home).change() as draft:
            draft.set_book(draft.book)
            draft.set_month(key, draft.month(key))
        assert {k: v for k, v in snapshot(home).items() if not k.startswith("backups/")} == {
            k: v for k, v in before.items() if not k.startswith("backups/")
        }


def test_a_book_change_that_would_orphan_records_is_refused(tmp_path: Path) -> None:
    store = Store(tmp_path / "ledger")
    store.create(sample_book())
    with store.change() as draft:
        record = HoursRecord(id="0000abcd", date=date(2026, 11, 20), client="globex", hours=1)
        draft.set_month("2026-11", Month().with_records([record]))
    before = snapshot(store.home)
    without_globex = sample_book().model_copy(update={"clients": {"acme": sample_book().clients["acme"]}})
    with pytest.raises(LedgerWriteError, match=r"would break log/2026-11.toml: record 0000abcd names client 'globex'"):
        with store.change() as draft:
            draft.set_book(without_globex)
    assert snapshot(store.home) == before


def test_a_temp_file_left_by_a_killed_writer_is_cleaned_up_by_the_next_write(tmp_path: Path) -> None:
    store = Store(tmp_path / "ledger")
    store.create(sample_book())
    (store.home / "log").mkdir()
    orphan = store.home / "log" / ".2026-11.toml.deadbeef.tmp"
    orphan.write_text("half a month of private notes")
    with store.change() as draft:
        draft.set_book(sample_book("Sam Again"))
    assert not orphan.exists()


def test_a_symlinked_ledger_file_is_refused_for_writing(tmp_path: Path) -> None:
    real = tmp_path / "dotfiles"
    store = Store(real)
    store.create(sample_book())
    linked = tmp_path / "linked"
    linked.mkdir(mode=0o700)
    (linked / "ledger.toml").symlink_to(real / "ledger.toml")
    before = (real / "ledger.toml").read_bytes()
    with pytest.raises(LedgerWriteError, match="ledger.toml is a symbolic link"):
        with Store(linked).change() as draft:
            draft.set_book(sample_book("Changed"))
    assert (linked / "ledger.toml").is_symlink()
    assert (real / "ledger.toml").read_bytes() == before
    assert Store(linked).read_book().profile.name == "Sam Lee"  # reading through the link is fine


def folder_contents(folder: Path) -> tuple[int, dict[str, tuple[int, bytes]]]:
    """A folder's mode, and every file under it with its mode and bytes."""
    files = {str(p.relative_to(folder)): (p.lstat().st_mode, p.read_bytes()) for p in folder.rglob("*") if p.is_file()}
    return folder.stat().st_mode, files


def link_out(store: Store, name: str, outside: Path) -> None:
    """Move the ledger's folder `name` to `outside` (0755, as a shared folder would be) and link it back."""
    (store.home / name).rename(outside)
    os.chmod(outside, 0o755)
    (store.home / name).symlink_to(outside)


@pytest.mark.parametrize("name", ["log", "backups"])
def test_no_write_goes_through_a_linked_folder(store: Store, tmp_path: Path, name: str) -> None:
    put_month(store, "2026-10", hours("0000000d", date(2026, 10, 31)))  # a backup, so backups/ exists
    outside = tmp_path / "shared"
    link_out(store, name, outside)
    before, outside_before = snapshot(store.home), folder_contents(outside)
    book_bytes = store.book_path.read_bytes()
    month = store.month_path("2026-11")
    expected = (
        f"{name}/ is a symbolic link, and leadshift will not write through it into another folder; nothing was "
        f"written. Replace the link with a real folder holding the same files (`rm {store.home / name} && cp -Rp "
        f"{outside} {store.home / name}`), then try again."
    )
    with pytest.raises(LedgerWriteError) as caught:
        put_month(store, "2026-11", hours("0000000c", date(2026, 11, 19)))
    assert caught.value.message == expected
    with pytest.raises(LedgerWriteError) as caught:
        store.replace_by_hand(store.book_path, book_bytes, book_bytes.replace(b"Sam Lee", b"Sam Leigh"))
    assert caught.value.message == expected
    with pytest.raises(LedgerWriteError) as caught:
        store.replace_by_hand(month, month.read_bytes(), month.read_bytes().replace(b"hours = 1.0", b"hours = 2.0"))
    assert caught.value.message == expected
    assert snapshot(store.home) == before
    assert folder_contents(outside) == outside_before
    assert stat.S_IMODE(outside.stat().st_mode) == 0o755
    assert len(store.load().months) == 2  # reading through the link still works


def test_a_new_ledger_is_not_made_beside_a_linked_folder(tmp_path: Path) -> None:
    outside = tmp_path / "shared"
    outside.mkdir(mode=0o755)
    home = tmp_path / "ledger"
    home.mkdir()
    (home / "backups").symlink_to(outside)
    with pytest.raises(LedgerExists, match="already holds other files"):
        Store(home).create(sample_book())
    assert sorted(p.name for p in home.iterdir()) == ["backups"] and list(outside.iterdir()) == []
    assert stat.S_IMODE(outside.stat().st_mode) == 0o755


def test_old_backups_and_the_log_folder_are_tightened_on_write(tmp_path: Path) -> None:
    store = Store(tmp_path / "ledger")
    store.create(sample_book())
    with store.change() as draft:
        draft.set_book(sample_book("Second"))
    backup = next((store.home / "backups").iterdir())
    backup.chmod(0o644)
    (store.home / "log").mkdir(mode=0o755)
    (store.home / "log").chmod(0o755)
    with store.change() as draft:
        draft.set_book(sample_book("Third"))
    assert (backup.stat().st_mode & 0o777) == 0o600
    assert ((store.home / "log").stat().st_mode & 0o777) == 0o700


def test_a_hand_edited_day_over_24_hours_names_its_line(tmp_path: Path) -> None:
    store = Store(tmp_path / "ledger")
    store.create(sample_book())
    (store.home / "log").mkdir(mode=0o700)
    store.month_path("2026-11").write_text(
        'schema_version = 1\n\n[[hours]]\nid = "0000000a"\ndate = 2026-11-16\nhours = 20.0\nclient = "acme"\n\n'
        '[[hours]]\nid = "0000000b"\ndate = 2026-11-16\nhours = 6.5\nclient = "acme"\n'
    )
    before = snapshot(store.home)
    with pytest.raises(LedgerFileError) as caught:
        with store.change():
            pass
    assert caught.value.message.startswith(
        "log/2026-11.toml, line 10: 2026-11-16 has 26.5 hours logged, up to record 0000000b; a day holds at most 24."
    )
    assert snapshot(store.home) == before
