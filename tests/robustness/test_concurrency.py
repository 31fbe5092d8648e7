"""Concurrency, with real processes: writers started at once lose nothing; a held lock makes a writer give up
cleanly; a lock left by a killed process blocks nobody.

`pytest --thorough` starts 50 `leadshift log` processes at once; the default run 20.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest

from leadshift.domain.book import Book
from leadshift.domain.records import Month
from leadshift.errors import LedgerWriteError
from leadshift.storage import codec, lock
from leadshift.storage.store import Store
from tests.conftest import Result, snapshot
from tests.support.holder import start_holder

Cli = Callable[..., Result]


def log(n: int) -> list[str]:
    """Writer n's command: its own day, hours and note, so each record can be told apart."""
    return [
        "log",
        "client",
        "acme",
        f"{0.25 * (1 + n % 4):g}",
        "--date",
        f"2026-11-{1 + n % 20:02d}",
        "--note",
        f"writer {n}",
    ]


def expected(n: int) -> tuple[str, float, str]:
    return f"2026-11-{1 + n % 20:02d}", 0.25 * (1 + n % 4), f"writer {n}"


def leadshift(*args: str) -> list[str]:
    return [sys.executable, "-m", "leadshift", *args]


@pytest.fixture
def ledger(cli: Cli, ledger_home: Path) -> Store:
    assert cli("init", "--name", "Sam Lee").exit_code == 0
    assert cli("client", "add", "acme", "--name", "Acme Ltd").exit_code == 0
    assert cli("log", "client", "acme", "1", "--date", "2026-11-02", "--note", "already there").exit_code == 0
    return Store(ledger_home)


def every_backup_is_valid(store: Store) -> int:
    book = store.read_book()
    for path in store.backup_dir.iterdir():
        name = path.name.rpartition(".")[0]
        if name == "ledger.toml":
            codec.decode(path.read_bytes(), Book, path.name, "")
        else:
            key = name.removeprefix("log-").removesuffix(".toml")
            codec.decode(path.read_bytes(), Month, path.name, "", {"month": key, "book": book})
    return len(list(store.backup_dir.iterdir()))


def test_writers_started_at_once_lose_no_record(ledger: Store, thorough: bool, figures: Counter[str]) -> None:
    count = 50 if thorough else 20
    # What is checked is what gets lost, not how fast: on two cores shared with other test runs, 50 writers
    # have waited up to 6 s for the lock (each holds it ~10 ms alone, ~120 ms in such a crowd), close
    # enough to the default 10 s that a busier machine could make one give up. Giving up loses nothing
    # either (see the next test), but here every writer must get through.
    patient = {**os.environ, lock.ENV_TIMEOUT: "600"}
    writers = [
        subprocess.Popen(leadshift(*log(n)), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=patient)
        for n in range(count)
    ]
    for writer in writers:
        _, err = writer.communicate(timeout=600)
        assert (writer.returncode, err) == (0, "")
    records = ledger.load().records()  # every file reads back and validates
    logged = sorted((r.date.isoformat(), r.hours, r.note) for r in records if r.note != "already there")
    assert logged == sorted(expected(n) for n in range(count))
    assert len(records) == count + 1
    assert len({r.id for r in records}) == count + 1
    assert every_backup_is_valid(ledger) > 0
    figures["`leadshift log` writers started at once"] += count
    figures["records they lost"] += count - len(logged)


def test_a_writer_that_cannot_get_the_lock_gives_up_and_writes_nothing(ledger: Store) -> None:
    holder = start_holder(ledger.home)
    try:
        before = snapshot(ledger.home)
        waited = subprocess.run(
            leadshift(*log(1)), capture_output=True, text=True, timeout=120, env={**os.environ, lock.ENV_TIMEOUT: "0.5"}
        )
        assert (waited.returncode, waited.stdout) == (1, "")
        assert waited.stderr == (
            "Error: another leadshift command has held the ledger for over 0.5s; nothing was written. "
            "Try again when it has finished.\n"
        )
        assert snapshot(ledger.home) == before
    finally:
        assert holder.stdin is not None and holder.stdout is not None
        holder.stdin.write("\n")
        holder.stdin.flush()
        assert holder.stdout.readline() == "released\n"
        assert holder.wait(timeout=120) == 0
    again = subprocess.run(leadshift(*log(1)), capture_output=True, text=True, timeout=120)
    assert again.returncode == 0, again.stderr
    assert sorted(r.note for r in ledger.load().records()) == ["already there", "writer 1"]


def test_explicit_timeout_argument(ledger: Store) -> None:
    holder = start_holder(ledger.home)
    try:
        with pytest.raises(LedgerWriteError, match=r"for over 0\.1s"):
            with lock.exclusive(ledger.lock_path, timeout=0.1):
                pass
    finally:
        holder.kill()
        holder.wait(timeout=120)


def test_a_lock_left_by_a_killed_process_does_not_block_the_next_command(ledger: Store) -> None:
    holder = start_holder(ledger.home)
    before = snapshot(ledger.home)
    holder.send_signal(signal.SIGKILL)
    assert holder.wait(timeout=120) == -signal.SIGKILL
    assert ledger.lock_path.exists()  # the file stays; the kernel dropped the lock with the process
    assert snapshot(ledger.home) == before
    after = subprocess.run(leadshift(*log(3)), capture_output=True, text=True, timeout=120)  # default timeout
    assert (after.returncode, after.stderr) == (0, "")
    assert sorted(r.note for r in ledger.load().records()) == ["already there", "writer 3"]
