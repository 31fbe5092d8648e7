"""restore: listing backups, and putting one back on real files, checked in context, keeping what it replaces."""

from __future__ import annotations

import json
import os
import re
import stat
from datetime import datetime
from pathlib import Path

import pytest

from leadshift.domain.schema import SCHEMA_VERSION
from leadshift.recovery.backups import parse_backup_name
from leadshift.storage.store import Store
from tests.conftest import snapshot
from tests.support.handmade import make_ledger, replace_line, tree
from tests.support.holder import start_holder


@pytest.fixture
def ledger(cli, ledger_home: Path) -> Path:
    home = make_ledger(cli, ledger_home)
    # Fixed modification times, so the listing can be read exactly.
    for minute, name in enumerate(sorted(p.name for p in (home / "backups").iterdir())):
        stamp = datetime(2026, 11, 20, 9, minute).timestamp()
        os.utime(home / "backups" / name, (stamp, stamp))
    return home


def backup(home: Path, name: str) -> bytes:
    return (home / "backups" / name).read_bytes()


def numbered(home: Path) -> dict[str, bytes]:
    """The backups in the rotation (not the broken files set aside), by name."""
    return {p.name: p.read_bytes() for p in (home / "backups").iterdir() if p.name.rpartition(".")[2].isdigit()}


def break_book(home: Path) -> bytes:
    replace_line(home / "ledger.toml", 'name = "Initech"', 'name = "Initech')
    return (home / "ledger.toml").read_bytes()


# -- the listing ------------------------------------------------------------------------------


def test_the_listing_groups_by_file_newest_first(cli, ledger: Path) -> None:
    before = tree(ledger)
    result = cli("restore")
    assert result.exit_code == 0, result.stderr

    def size(name: str) -> str:
        return f"{(ledger / 'backups' / name).stat().st_size} B"

    assert result.stdout.splitlines() == [
        f"Backups in {ledger}/backups, newest first; put one back with `leadshift restore BACKUP`.",
        "ledger.toml",
        f"  ledger.toml.000004       2026-11-20 09:03  {size('ledger.toml.000004'):>8}  1 teammate, 2 clients",
        f"  ledger.toml.000003       2026-11-20 09:02  {size('ledger.toml.000003'):>8}  1 teammate, 1 client",
        f"  ledger.toml.000002       2026-11-20 09:01  {size('ledger.toml.000002'):>8}  1 teammate, 0 clients",
        f"  ledger.toml.000001       2026-11-20 09:00  {size('ledger.toml.000001'):>8}  0 teammates, 0 clients",
        "log/2026-11.toml",
        f"  log-2026-11.toml.000001  2026-11-20 09:04  {size('log-2026-11.toml.000001'):>8}  1 record",
    ]
    assert tree(ledger) == before


def test_the_listing_says_which_backups_are_broken(cli, ledger: Path) -> None:
    (ledger / "backups" / "ledger.toml.000003").write_bytes(b"schema_version = 1\n[profile\n")
    (ledger / "backups" / "log-2026-11.toml.000001").write_bytes(b"schema_version = 9\n")
    (ledger / "backups" / "ledger.toml.broken-000001").write_bytes(b"x = [")
    lines = cli("restore").stdout.splitlines()
    assert lines[3].endswith("broken: line 2, column 9: expected ']' at the end of a table declaration")
    assert lines[6].startswith("  ledger.toml.broken-000001 ") and lines[6].endswith("a broken version set aside")
    assert lines[-1].endswith("from a newer leadshift")


def test_the_listing_as_json(cli, ledger: Path) -> None:
    (ledger / "backups" / "ledger.toml.000001").write_bytes(b"[profile\n")
    listed = json.loads(cli("restore", "--json").stdout)
    assert [b["backup"] for b in listed] == [
        "ledger.toml.000004",
        "ledger.toml.000003",
        "ledger.toml.000002",
        "ledger.toml.000001",
        "log-2026-11.toml.000001",
    ]
    assert listed[0] == {
        "backup": "ledger.toml.000004",
        "file": "ledger.toml",
        "saved": "2026-11-20T09:03:00",
        "size": (ledger / "backups" / "ledger.toml.000004").stat().st_size,
        "teammates": 1,
        "clients": 2,
        "records": None,
        "valid": True,
        "set_aside": False,
        "problem": None,
    }
    assert listed[3]["valid"] is False and listed[3]["problem"].startswith("backups/ledger.toml.000001, line 1")
    assert listed[4]["file"] == "log/2026-11.toml" and listed[4]["records"] == 1 and listed[4]["teammates"] is None


def test_no_backups_yet(cli, ledger_home: Path) -> None:
    assert cli("init", "--name", "Sam").exit_code == 0
    result = cli("restore")
    assert result.exit_code == 0
    assert result.stdout == (
        f"No backups in {ledger_home}/backups yet: leadshift keeps one each time it replaces a file.\n"
    )


def test_no_ledger_folder(cli, ledger_home: Path) -> None:
    for args in (["restore"], ["restore", "ledger.toml.000001"]):
        result = cli(*args)
        assert result.exit_code == 1 and result.stderr.startswith(f"Error: no ledger at {ledger_home}")
    assert not ledger_home.exists()


# -- putting one back -----------------------------------------------------------------------------


def test_restoring_over_a_sound_file_keeps_it_as_the_newest_backup_and_can_be_undone(cli, ledger: Path) -> None:
    current, chosen = (ledger / "ledger.toml").read_bytes(), backup(ledger, "ledger.toml.000004")
    result = cli("restore", "ledger.toml.000004", "--yes")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines() == [
        "Restored ledger.toml from backups/ledger.toml.000004 (saved 2026-11-20 09:03): 1 teammate, 2 clients.",
        "The version it replaced is kept as backups/ledger.toml.000005; `leadshift undo` takes the restore back (or "
        "`leadshift restore ledger.toml.000005`).",
    ]
    assert (ledger / "ledger.toml").read_bytes() == chosen  # byte for byte: comments and layout survive
    assert backup(ledger, "ledger.toml.000005") == current
    assert "bob" not in Store(ledger).read_book().teammates

    assert cli("restore", "ledger.toml.000005", "--yes").exit_code == 0
    assert (ledger / "ledger.toml").read_bytes() == current
    assert cli("doctor").exit_code == 0


def test_restoring_over_a_hand_broken_file_sets_it_aside_outside_the_rotation(cli, ledger: Path) -> None:
    for number in range(7):  # fill the rotation: ten backups of ledger.toml
        assert cli("client", "add", f"c{number}", "--name", f"Client {number}").exit_code == 0
    rotation = numbered(ledger)
    assert sorted(n for n in rotation if n.startswith("ledger")) == [f"ledger.toml.{n:06d}" for n in range(2, 12)]
    broken = break_book(ledger)

    result = cli("restore", "ledger.toml.000011", "--yes")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines()[1] == (
        "The version it replaced was not sound, so it is kept as backups/ledger.toml.broken-000001, outside the 10 "
        "rotating backups: copy anything you need from it by hand."
    )
    assert (ledger / "ledger.toml").read_bytes() == rotation["ledger.toml.000011"]
    assert backup(ledger, "ledger.toml.broken-000001") == broken
    assert numbered(ledger) == rotation  # no sound version was pushed out
    assert cli("doctor").exit_code == 0

    second = break_book(ledger)
    assert cli("restore", "ledger.toml.000011", "--yes").exit_code == 0
    assert backup(ledger, "ledger.toml.broken-000002") == second
    assert backup(ledger, "ledger.toml.broken-000001") == broken
    assert numbered(ledger) == rotation


def test_a_restored_ledger_is_used_by_every_command(cli, ledger: Path) -> None:
    break_book(ledger)
    assert cli("show").exit_code == 1
    assert cli("restore", "ledger.toml.000004", "--yes").exit_code == 0
    assert cli("log", "client", "acme", "1").exit_code == 0
    assert len(json.loads(cli("show", "--json").stdout)) == 3


@pytest.mark.parametrize("umask", [0o022, 0o002], ids=["umask-022", "umask-002"])
def test_what_restore_writes_is_private(cli, ledger: Path, umask: int) -> None:
    break_book(ledger)
    old = os.umask(umask)
    try:
        assert cli("restore", "ledger.toml.000004", "--yes").exit_code == 0
    finally:
        os.umask(old)
    for name in ("ledger.toml", "backups/ledger.toml.broken-000001"):
        assert stat.S_IMODE((ledger / name).stat().st_mode) == 0o600


def test_restoring_a_month(cli, ledger: Path) -> None:
    current = (ledger / "log" / "2026-11.toml").read_bytes()
    result = cli("restore", "log-2026-11.toml.000001", "--yes")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines() == [
        "Restored log/2026-11.toml from backups/log-2026-11.toml.000001 (saved 2026-11-20 09:04): 1 record.",
        "The version it replaced is kept as backups/log-2026-11.toml.000002; `leadshift undo` takes the restore "
        "back (or `leadshift restore log-2026-11.toml.000002`).",
    ]
    assert backup(ledger, "log-2026-11.toml.000002") == current
    assert [r["type"] for r in json.loads(cli("show", "--json").stdout)] == ["hours"]


def test_restoring_a_hand_broken_month(cli, ledger: Path) -> None:
    month = ledger / "log" / "2026-11.toml"
    replace_line(month, "hours = 1.5", "hours = 99")
    broken = month.read_bytes()
    assert cli("restore", "log-2026-11.toml.000001", "--yes").exit_code == 0
    assert backup(ledger, "log-2026-11.toml.broken-000001") == broken
    assert sorted(numbered(ledger)) == [*(f"ledger.toml.00000{n}" for n in range(1, 5)), "log-2026-11.toml.000001"]


def test_restoring_a_month_whose_file_is_gone(cli, ledger: Path) -> None:
    (ledger / "log" / "2026-11.toml").unlink()
    result = cli("restore", "log-2026-11.toml.000001", "--yes", "--json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout) == {
        "file": "log/2026-11.toml",
        "backup": "log-2026-11.toml.000001",
        "saved": "2026-11-20T09:04:00",
        "teammates": None,
        "clients": None,
        "records": 1,
        "changed": True,
        "kept": None,
        "kept_broken": False,
        "undo": None,
        "unchecked": [],
    }
    assert cli("restore", "log-2026-11.toml.000001", "--yes").stdout.startswith("log/2026-11.toml already holds")


def test_restoring_a_deleted_ledger_toml(cli, ledger: Path) -> None:
    (ledger / "ledger.toml").unlink()
    result = cli("restore", "ledger.toml.000004", "--yes")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines()[1] == "There was no ledger.toml before."
    assert cli("doctor").exit_code == 0


def test_restoring_what_is_already_there_changes_nothing(cli, ledger: Path) -> None:
    assert cli("restore", "ledger.toml.000004", "--yes").exit_code == 0
    before = tree(ledger)
    result = cli("restore", "ledger.toml.000004", "--yes")
    assert result.exit_code == 0
    assert result.stdout == (
        "ledger.toml already holds backups/ledger.toml.000004 (saved 2026-11-20 09:03); nothing changed.\n"
    )
    assert json.loads(cli("restore", "ledger.toml.000004", "--yes", "--json").stdout)["changed"] is False
    assert tree(ledger) == before


# -- refusals: one line, nothing changed ---------------------------------------------------------


def refused(cli, home: Path, *args: str) -> tuple[int, str]:
    before = tree(home)
    result = cli("restore", *args, "--yes")  # refused even when confirmed
    assert result.stdout == ""
    assert len(result.stderr.splitlines()) == 1 and result.stderr.startswith("Error: ")
    assert tree(home) == before
    return result.exit_code, result.stderr.removeprefix("Error: ").rstrip("\n")


def test_a_ledger_toml_that_would_orphan_records_is_refused(cli, ledger: Path) -> None:
    record = json.loads(cli("show", "--json", "--date", "2026-10-30").stdout)[0]["id"]
    assert refused(cli, ledger, "ledger.toml.000002") == (
        1,
        f"restoring ledger.toml.000002 would break log/2026-10.toml, line 4: record {record} names client 'acme', "
        "which is not in ledger.toml. Pick a newer backup of ledger.toml (`leadshift restore` lists them).",
    )


def test_a_month_naming_a_client_ledger_toml_lacks_is_refused(cli, ledger: Path) -> None:
    assert cli("log", "client", "acme", "1").exit_code == 0  # the current month names only acme and alice
    text = (ledger / "ledger.toml").read_text()
    (ledger / "ledger.toml").write_text(text[: text.index("[clients.initech]")])
    code, message = refused(cli, ledger, "log-2026-11.toml.000001")
    assert code == 1
    assert message.startswith("backups/log-2026-11.toml.000001, line 4: record ")
    assert message.endswith(
        "names client 'initech', which is not in ledger.toml. Restore a backup of ledger.toml that has it first, "
        "or pick another backup of log/2026-11.toml (`leadshift restore` lists them)."
    )


def test_a_month_cannot_be_checked_while_ledger_toml_is_broken(cli, ledger: Path) -> None:
    break_book(ledger)
    assert refused(cli, ledger, "log-2026-11.toml.000001") == (
        1,
        "ledger.toml is missing or broken, so log-2026-11.toml.000001 cannot be checked against it: restore or fix "
        "ledger.toml first (`leadshift doctor` says what is wrong).",
    )


def test_a_broken_backup_is_refused(cli, ledger: Path) -> None:
    (ledger / "backups" / "ledger.toml.000003").write_bytes(b'schema_version = 1\n[profile]\nname = ""\n')
    assert refused(cli, ledger, "ledger.toml.000003") == (
        1,
        "backups/ledger.toml.000003, line 3 (profile.name): string should have at least 1 character. This backup "
        "cannot be restored; pick another of ledger.toml (`leadshift restore` lists them).",
    )


def test_a_set_aside_broken_file_is_refused_like_any_broken_backup(cli, ledger: Path) -> None:
    break_book(ledger)
    assert cli("restore", "ledger.toml.000004", "--yes").exit_code == 0
    code, message = refused(cli, ledger, "ledger.toml.broken-000001")
    assert code == 1 and message.startswith("backups/ledger.toml.broken-000001, line ")


def test_a_backup_from_a_newer_leadshift_is_refused(cli, ledger: Path) -> None:
    path = ledger / "backups" / "ledger.toml.000003"
    path.write_bytes(re.sub(rb"(?m)^schema_version = \d+$", b"schema_version = 40", path.read_bytes()))
    assert refused(cli, ledger, "ledger.toml.000003") == (
        1,
        f"backups/ledger.toml.000003 was written by a newer leadshift (schema version 40; this one knows up to "
        f"{SCHEMA_VERSION}). Upgrade leadshift (`pip install --upgrade leadshift`) to restore it.",
    )


@pytest.mark.parametrize(
    ("name", "code", "start"),
    [
        ("ledger.toml.000099", 1, "no backup named 'ledger.toml.000099' in "),
        ("ledger.toml", 1, "no backup named 'ledger.toml' in "),
        ("notes.txt", 1, "no backup named 'notes.txt' in "),
        ("log-2026-13.toml.000001", 1, "no backup named"),
        ("backups/ledger.toml.000001", 2, "give a backup's name as `leadshift restore` lists it"),
        ("../ledger.toml.000001", 2, "give a backup's name"),
        ("/etc/passwd", 2, "give a backup's name"),
        ("", 2, "give a backup's name"),
        ("  ", 2, "give a backup's name"),
    ],
)
def test_a_name_that_is_no_backup(cli, ledger: Path, name: str, code: int, start: str) -> None:
    (ledger / "backups" / "notes.txt").write_text("")
    assert refused(cli, ledger, name)[0] == code
    assert refused(cli, ledger, name)[1].startswith(start)


def test_a_link_planted_among_the_backups_is_not_read_through(cli, ledger: Path, tmp_path: Path) -> None:
    victim = tmp_path / "victim.toml"
    victim.write_bytes(backup(ledger, "ledger.toml.000004"))  # sound, so only the link itself can be refused
    (ledger / "backups" / "ledger.toml.000099").symlink_to(victim)
    assert refused(cli, ledger, "ledger.toml.000099") == (
        1,
        "backups/ledger.toml.000099 is not a regular file; it cannot be restored.",
    )
    assert "ledger.toml.000099" not in cli("restore").stdout


def test_a_symlinked_ledger_file_is_not_replaced(cli, ledger: Path, tmp_path: Path) -> None:
    real = tmp_path / "synced-ledger.toml"
    (ledger / "ledger.toml").rename(real)
    (ledger / "ledger.toml").symlink_to(real)
    code, message = refused(cli, ledger, "ledger.toml.000004")
    assert code == 1 and message.startswith("ledger.toml is a symbolic link; leadshift replaces files whole")


def test_restore_waits_for_the_lock_and_gives_up_without_writing(cli, ledger: Path, monkeypatch) -> None:
    holder = start_holder(ledger)
    try:
        monkeypatch.setenv("LEADSHIFT_LOCK_TIMEOUT", "0.2")
        before = snapshot(ledger)
        result = cli("restore", "ledger.toml.000004", "--yes")
        assert result.exit_code == 1
        assert "another leadshift command has held the ledger for over 0.2s" in result.stderr
        assert snapshot(ledger) == before
    finally:
        holder.kill()
        holder.wait(timeout=60)


@pytest.mark.parametrize("broken", [False, True], ids=["over-a-sound-file", "over-a-broken-file"])
def test_a_failed_replace_changes_nothing(cli, ledger: Path, monkeypatch, broken: bool) -> None:
    if broken:
        break_book(ledger)

    real_replace = os.replace

    def full_disk(source: str, target: str) -> None:
        if Path(target) == ledger / "ledger.toml":  # the journal's entry is written; the file is not
            raise OSError(28, "No space left on device")
        real_replace(source, target)

    monkeypatch.setattr(os, "replace", full_disk)
    # `refused` also proves no temp file, backup, broken copy or journal entry was left behind.
    assert refused(cli, ledger, "ledger.toml.000004") == (
        1,
        "could not restore ledger.toml: the disk is full (free some space, then try again); the file on "
        "disk is unchanged.",
    )


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("ledger.toml.000042", ("ledger.toml", None, 42, False)),
        ("log-2026-11.toml.000007", ("log/2026-11.toml", "2026-11", 7, False)),
        ("ledger.toml.broken-000003", ("ledger.toml", None, 3, True)),
        ("log-2026-01.toml.broken-000001", ("log/2026-01.toml", "2026-01", 1, True)),
        ("log-2026-13.toml.000001", None),
        ("log-2026-1.toml.000001", None),
        ("ledger.toml", None),
        ("ledger.toml.broken-", None),
        ("ledger.toml.-1", None),
        ("notes.toml.000001", None),
        ("ledger.toml.000001.tmp", None),
    ],
)
def test_what_a_backup_name_says(name: str, expected: tuple | None) -> None:
    parsed = parse_backup_name(name)
    assert (parsed and (parsed.file, parsed.month, parsed.number, parsed.broken)) == expected


# -- what every write checks ---------------------------------------------------------------------


@pytest.mark.parametrize("name", ["ledger.toml.000003", "log-2026-11.toml.000001"])
def test_nothing_is_restored_while_a_file_is_from_a_newer_leadshift(cli, ledger: Path, name: str) -> None:
    # The newer month may name what the older ledger.toml lacks: restore cannot tell, so it refuses, as every write.
    replace_line(ledger / "log" / "2026-10.toml", f"schema_version = {SCHEMA_VERSION}", "schema_version = 40")
    assert refused(cli, ledger, name) == (
        1,
        f"this ledger was written by a newer leadshift (schema version 40; this one writes version "
        f"{SCHEMA_VERSION}). Upgrade with `pip install --upgrade leadshift`.",
    )


def test_a_month_broken_on_its_own_is_named_as_not_checked(cli, ledger: Path) -> None:
    replace_line(ledger / "log" / "2026-11.toml", "hours = 1.5", "hours = 99.0")  # names initech, .000003 lacks it
    result = cli("restore", "ledger.toml.000003", "--yes")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines() == [
        "Restored ledger.toml from backups/ledger.toml.000003 (saved 2026-11-20 09:02): 1 teammate, 1 client.",
        "The version it replaced is kept as backups/ledger.toml.000005; `leadshift undo` takes the restore back (or "
        "`leadshift restore ledger.toml.000005`).",
        "log/2026-11.toml is broken, so it was not checked against this ledger.toml; fix it with "
        "`leadshift edit 2026-11`.",
    ]
    assert json.loads(cli("restore", "ledger.toml.000005", "--yes", "--json").stdout)["unchecked"] == [
        "log/2026-11.toml"
    ]


@pytest.mark.parametrize("name", ["log", "backups"])
def test_nothing_is_restored_through_a_linked_folder(cli, ledger: Path, tmp_path: Path, name: str) -> None:
    outside = tmp_path / "shared"
    (ledger / name).rename(outside)
    os.chmod(outside, 0o755)
    (ledger / name).symlink_to(outside)
    contents = {p.name: p.read_bytes() for p in outside.iterdir()}
    code, message = refused(cli, ledger, "ledger.toml.000004" if name == "log" else "log-2026-11.toml.000001")
    assert code == 1 and message.startswith(f"{name}/ is a symbolic link, and leadshift will not write through it")
    assert "--ledger" not in message
    assert {p.name: p.read_bytes() for p in outside.iterdir()} == contents
    assert stat.S_IMODE(outside.stat().st_mode) == 0o755
