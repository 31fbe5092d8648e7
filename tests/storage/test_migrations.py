"""Schema migrations: a ledger written by leadshift 0.1 (schema version 1) upgraded on the first write.

tests/data/ledger-v1/ is the example ledger exactly as leadshift 0.1.0 wrote it (git e64e603).
"""

from __future__ import annotations

import errno
import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from leadshift.domain.records import Month
from leadshift.domain.schema import SCHEMA_VERSION
from leadshift.errors import LedgerFileError, LedgerWriteError
from leadshift.storage import migrations
from leadshift.storage.store import Store
from tests.conftest import Result, snapshot

V1 = Path(__file__).parents[1] / "data" / "ledger-v1"


@pytest.fixture
def v1(ledger_home: Path) -> Path:
    shutil.copytree(V1, ledger_home)
    return ledger_home


def versions(home: Path) -> dict[str, int]:
    store = Store(home)
    ledger = store.load()
    return {"ledger.toml": ledger.book.schema_version, **{k: m.schema_version for k, m in ledger.months.items()}}


def counts(home: Path) -> dict[str, int]:
    ledger = Store(home).load()
    return {key: len(month.records()) for key, month in ledger.months.items()}


def test_an_old_ledger_reads_as_it_is_and_reading_writes_nothing(cli: Callable[..., Result], v1: Path) -> None:
    before = snapshot(v1)
    for args in (["show", "--week", "2026-W46"], ["review", "--week", "2026-W46", "--json"], ["check", "--json"]):
        result = cli(*args)
        assert result.exit_code == 0, (args, result.stderr)
    assert versions(v1) == {"ledger.toml": 1, "2026-10": 1, "2026-11": 1}
    assert snapshot(v1) == before


def test_the_first_write_migrates_every_file_after_keeping_a_copy(cli: Callable[..., Result], v1: Path) -> None:
    original = snapshot(v1)
    records_before = counts(v1)
    result = cli("log", "client", "northwind", "1.5", "--date", "2026-11-20")
    assert result.exit_code == 0, result.stderr
    assert versions(v1) == {"ledger.toml": SCHEMA_VERSION, "2026-10": SCHEMA_VERSION, "2026-11": SCHEMA_VERSION}
    assert counts(v1) == {"2026-10": records_before["2026-10"], "2026-11": records_before["2026-11"] + 1}
    # The files as 0.1 wrote them, byte for byte, in one folder that later writes never rotate out.
    kept = v1 / "backups" / f"before-schema-{SCHEMA_VERSION}"
    assert {str(p.relative_to(kept)): p.read_bytes() for p in kept.rglob("*") if p.is_file()} == original
    assert {oct(p.stat().st_mode & 0o777) for p in kept.rglob("*")} == {"0o600", "0o700"}
    # Every record and every other value survived: only the version and the new client dates differ.
    book = Store(v1).read_book()
    # Each client's date is its first record (read off tests/data/ledger-v1/log/2026-10.toml with grep).
    assert {key: c.added for key, c in book.clients.items() if c.owner == "me"} == {
        "northwind": date(2026, 10, 5),
        "helix": date(2026, 10, 7),
        "kestrel": date(2026, 10, 6),
        "brightpath": date(2026, 10, 8),
        "harbor-vine": date(2026, 10, 9),
    }
    old_ledger = Store(kept).load()
    assert book.model_dump(exclude={"schema_version", "clients"}) == old_ledger.book.model_dump(
        exclude={"schema_version", "clients"}
    )
    migrated = Store(v1).load()
    for key, month in old_ledger.months.items():
        assert all(record in migrated.months[key].records() for record in month.records())


def test_a_client_with_no_record_keeps_no_date(cli: Callable[..., Result], v1: Path) -> None:
    text = (v1 / "ledger.toml").read_text()
    (v1 / "ledger.toml").write_text(text + '\n[clients.newco]\nname = "NewCo"\n')
    assert cli("teammate", "edit", "priya", "--role", "Senior").exit_code == 0
    book = Store(v1).read_book()
    assert book.schema_version == SCHEMA_VERSION
    assert book.clients["newco"].added is None


def test_migrating_twice_changes_nothing(cli: Callable[..., Result], v1: Path) -> None:
    ledger = Store(v1).load()
    once = migrations.upgrade(ledger)
    assert migrations.upgrade(once) == once
    assert migrations.outdated(once) == []
    assert migrations.outdated(ledger) == ["2026-10", "2026-11", "ledger.toml"]

    assert cli("log", "lead", "strategy", "1", "--date", "2026-11-20").exit_code == 0
    migrated = snapshot(v1)
    assert cli("log", "lead", "strategy", "1", "--date", "2026-11-20").exit_code == 0
    after = snapshot(v1)
    changed = sorted(
        name for name in after if after[name] != migrated.get(name) and not name.startswith(("backups/", "journal/"))
    )
    assert changed == ["log/2026-11.toml"]  # the second write touches only the month it logs into
    kept = [name for name in after if name.startswith(f"backups/before-schema-{SCHEMA_VERSION}/")]
    assert {name: after[name] for name in kept} == {name: migrated[name] for name in kept}


def test_a_migration_cut_short_is_finished_by_the_next_write(
    cli: Callable[..., Result], v1: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_replace = os.replace

    def book_fails(src: str | Path, dst: str | Path) -> None:
        if Path(dst) == v1 / "ledger.toml":
            raise OSError(errno.EIO, "Input/output error")
        real_replace(src, dst)

    with monkeypatch.context() as patch:
        patch.setattr(os, "replace", book_fails)
        result = cli("log", "client", "helix", "1", "--date", "2026-11-20")
    assert result.exit_code == 1
    assert "could not save ledger.toml" in result.stderr
    # Months went first; every file still reads, and nothing of the old ledger is lost.
    assert versions(v1) == {"ledger.toml": 1, "2026-10": SCHEMA_VERSION, "2026-11": SCHEMA_VERSION}
    assert cli("log", "client", "helix", "1", "--date", "2026-11-20").exit_code == 0
    assert set(versions(v1).values()) == {SCHEMA_VERSION}
    assert Store(v1).read_book().clients["helix"].added == date(2026, 10, 7)


def test_a_copy_before_migration_cut_short_is_removed_and_made_again(v1: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real_rename = os.rename

    def killed(src: str | Path, dst: str | Path) -> None:
        raise KeyboardInterrupt  # as if Ctrl-C landed between the copy and its rename

    monkeypatch.setattr(os, "rename", killed)
    with pytest.raises(KeyboardInterrupt):
        with Store(v1).change():
            pass
    monkeypatch.setattr(os, "rename", real_rename)
    assert sorted(p.name for p in (v1 / "backups").iterdir()) == []  # the partial copy was cleaned up
    assert versions(v1)["ledger.toml"] == 1
    with Store(v1).change():
        pass
    assert (v1 / "backups" / f"before-schema-{SCHEMA_VERSION}" / "ledger.toml").read_bytes() == (
        V1 / "ledger.toml"
    ).read_bytes()


def test_a_copy_folder_left_by_a_killed_process_is_cleaned_up(v1: Path) -> None:
    partial = v1 / "backups" / ".before-schema-2.deadbeef.tmp"
    (partial / "log").mkdir(parents=True)
    (partial / "ledger.toml").write_bytes(b"half")
    with Store(v1).change():
        pass
    assert not partial.exists()
    assert (v1 / "backups" / f"before-schema-{SCHEMA_VERSION}" / "ledger.toml").is_file()


def test_an_absurd_schema_version_is_a_broken_file_not_a_newer_leadshift(v1: Path) -> None:
    path = v1 / "log" / "2026-10.toml"
    path.write_bytes(path.read_bytes().replace(b"schema_version = 1", b"schema_version = 1180591620717411303424"))
    with pytest.raises(LedgerFileError) as caught:
        Store(v1).load()
    assert caught.value.message.startswith("log/2026-10.toml, line 1 (schema_version): input should be less than")


def test_the_migration_runs_in_a_real_process_too(v1: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "leadshift", "log", "lead", "learning", "1", "--date", "2026-11-20"],
        capture_output=True,
        text=True,
        env={**os.environ, "LEADSHIFT_HOME": str(v1)},
        stdin=subprocess.DEVNULL,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert set(versions(v1).values()) == {SCHEMA_VERSION}


def test_a_write_error_while_copying_changes_nothing(v1: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = snapshot(v1)
    real_open = os.open

    def no_space(path: str | Path, flags: int, mode: int = 0o777, **kwargs: object) -> int:
        if "before-schema" in str(path):
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_open(path, flags, mode, **kwargs)

    monkeypatch.setattr(os, "open", no_space)
    with pytest.raises(LedgerWriteError) as caught:
        with Store(v1).change() as draft:
            draft.set_month("2026-12", Month())
    monkeypatch.undo()
    assert caught.value.message == (
        f"could not keep a copy of the ledger before upgrading it to schema version {SCHEMA_VERSION}: the disk is "
        "full (free some space, then try again); nothing was changed."
    )
    assert snapshot(v1) == before


# -- later versions: each an older example ledger, exactly as leadshift wrote it ------------------------------------

# Version 2 at git 9e318fc, version 3 at git 2b4d993, version 4 at git d87a326.
OLDER = {version: Path(__file__).parents[1] / "data" / f"ledger-v{version}" for version in (2, 3, 4)}


def older(home: Path, version: int) -> Path:
    shutil.copytree(OLDER[version], home)
    return home


@pytest.fixture
def v2(ledger_home: Path) -> Path:
    return older(ledger_home, 2)


@pytest.fixture
def v3(ledger_home: Path) -> Path:
    return older(ledger_home, 3)


def test_a_version_2_ledger_reads_as_it_is(cli: Callable[..., Result], v2: Path) -> None:
    before = snapshot(v2)
    for args in (["teammate", "list", "--json"], ["review", "--week", "2026-W46", "--json"], ["profile"]):
        assert cli(*args).exit_code == 0, args
    assert versions(v2) == {"ledger.toml": 2, "2026-10": 2, "2026-11": 2}
    assert snapshot(v2) == before


def test_a_version_2_ledger_is_upgraded_with_nothing_else_changed(cli: Callable[..., Result], v2: Path) -> None:
    old = Store(v2).load()
    assert cli("profile", "--workday", "9").exit_code == 0
    current = SCHEMA_VERSION
    assert versions(v2) == {"ledger.toml": current, "2026-10": current, "2026-11": current}
    new = Store(v2).load()
    assert new.book.model_dump(exclude={"schema_version", "profile"}) == old.book.model_dump(
        exclude={"schema_version", "profile"}
    )
    assert all(mate.joined is None and mate.left is None for mate in new.book.teammates.values())
    assert {k: m.records() for k, m in new.months.items()} == {k: m.records() for k, m in old.months.items()}
    # No teammate has a date yet, so ledger.toml's teammate tables are byte for byte what they were.
    teammates = re.compile(rb"(?ms)^\[teammates\..*?(?=^\[clients)")
    kept = v2 / "backups" / f"before-schema-{SCHEMA_VERSION}" / "ledger.toml"
    assert teammates.search((v2 / "ledger.toml").read_bytes())[0] == teammates.search(kept.read_bytes())[0]


# A write that stores something the version before could not hold: a leadshift writing that version must refuse it.
NEWER_THAN = {
    2: ["teammate", "edit", "priya", "--role", "Lead consultant"],  # any write upgrades to joined/left
    3: ["client", "edit", "northwind", "--prospect"],
    4: ["action", "add", "priya", "Send the pricing notes", "--due", "2026-11-27"],
}


@pytest.mark.parametrize("version", sorted(NEWER_THAN))
def test_a_leadshift_that_writes_an_older_version_refuses_an_upgraded_ledger(
    cli: Callable[..., Result], ledger_home: Path, monkeypatch: pytest.MonkeyPatch, version: int
) -> None:
    from leadshift.storage import guards

    home = older(ledger_home, version)
    written = cli(*NEWER_THAN[version])
    assert written.exit_code == 0, written.stderr
    before = snapshot(home)
    monkeypatch.setattr(guards, "SCHEMA_VERSION", version)  # as the leadshift of that version checks it
    result = cli("log", "lead", "admin", "1")
    assert result.exit_code == 1
    assert result.stderr == (
        f"Error: this ledger was written by a newer leadshift (schema version {SCHEMA_VERSION}; this one writes "
        f"version {version}). Upgrade with `pip install --upgrade leadshift`.\n"
    )
    assert snapshot(home) == before


# -- version 3 -> 4: client hours have a kind of work, clients may be prospects, teammates pulled ---------------


def test_a_version_3_ledger_reads_as_it_is_its_client_hours_as_delivery(cli: Callable[..., Result], v3: Path) -> None:
    before = snapshot(v3)
    shown = cli("show", "--week", "2026-W46", "--json")
    assert shown.exit_code == 0, shown.stderr
    client_hours = [r for r in json.loads(shown.stdout) if r["type"] == "hours" and r["client"]]
    assert client_hours and {r["work"] for r in client_hours} == {"delivery"}
    review = cli("review", "--week", "2026-W46", "--json")
    assert review.exit_code == 0, review.stderr
    hours = json.loads(review.stdout)["hours"]
    assert (hours["delivery"], hours["relationship"], hours["new_business"]) == (hours["client"], 0, 0)
    assert versions(v3) == {"ledger.toml": 3, "2026-10": 3, "2026-11": 3}
    assert snapshot(v3) == before


# -- version 4 -> 5: action items and obstacles in ledger.toml ----------------------------------------------------


def test_a_version_4_ledger_reads_as_it_is_with_nothing_owed(cli: Callable[..., Result], ledger_home: Path) -> None:
    home = older(ledger_home, 4)
    before = snapshot(home)
    for args in (["actions", "--all", "--json"], ["obstacles", "--all", "--json"]):
        listed = cli(*args)
        assert (listed.exit_code, listed.stdout) == (0, "[]\n"), (args, listed.stderr)
    assert cli("review", "--week", "2026-W46", "--json").exit_code == 0
    assert versions(home) == {"ledger.toml": 4, "2026-10": 4, "2026-11": 4}
    assert snapshot(home) == before


# Versions 3 -> 4 and 4 -> 5 added only what an older ledger cannot hold yet: each file's version line changes, no other byte.
@pytest.mark.parametrize("version", [3, 4])
def test_an_older_ledger_is_upgraded_with_only_its_version_lines_changed(
    cli: Callable[..., Result], ledger_home: Path, version: int
) -> None:
    home = older(ledger_home, version)
    old = snapshot(home)
    assert cli("profile", "--workday", "10").exit_code == 0  # the same workday: only the upgrade changes a file
    assert SCHEMA_VERSION == 5
    assert versions(home) == {"ledger.toml": 5, "2026-10": 5, "2026-11": 5}
    new = snapshot(home)
    for name in ("ledger.toml", "log/2026-10.toml", "log/2026-11.toml"):
        assert new[name] == old[name].replace(f"schema_version = {version}\n".encode(), b"schema_version = 5\n", 1)
    assert {p: new[f"backups/before-schema-5/{p}"] for p in old} == old
