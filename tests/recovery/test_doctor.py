"""doctor: every kind of problem made by hand on real files, reported with its fix; --fix only does what is safe."""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Callable
from pathlib import Path

import pytest

from leadshift.domain.schema import SCHEMA_VERSION
from tests.conftest import snapshot
from tests.support.handmade import SECRET, make_ledger, replace_line, tree
from tests.support.holder import start_holder


@pytest.fixture
def ledger(cli, ledger_home: Path) -> Path:
    return make_ledger(cli, ledger_home)


def problems(cli) -> list[dict]:
    result = cli("doctor", "--json")
    assert result.exit_code == 1, result.stdout
    return json.loads(result.stdout)["problems"]


# -- a healthy ledger ---------------------------------------------------------------------


def test_a_healthy_ledger_says_so_and_nothing_is_touched(cli, ledger: Path) -> None:
    before = tree(ledger)
    result = cli("doctor")
    assert result.exit_code == 0, result.stdout
    assert result.stdout == (
        f"The ledger at {ledger} is healthy: ledger.toml and 2 month files (3 records), 5 backups.\n"
    )
    assert tree(ledger) == before


def test_the_json_of_a_healthy_ledger(cli, ledger: Path) -> None:
    result = cli("doctor", "--json")
    assert result.exit_code == 0
    assert json.loads(result.stdout) == {
        "ledger": str(ledger),
        "healthy": True,
        "months": 2,
        "records": 3,
        "backups": 5,
        "problems": [],
        "fixed": [],
        "notes": [],
    }


def test_no_ledger_at_all(cli, ledger_home: Path) -> None:
    result = cli("doctor")
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: no ledger at {ledger_home}: create one with `leadshift init")
    assert not ledger_home.exists()


def test_a_folder_of_other_files_is_no_ledger(cli, ledger_home: Path) -> None:
    ledger_home.mkdir()
    (ledger_home / "holiday.jpg").write_bytes(b"...")
    result = cli("doctor", "--fix")
    assert result.exit_code == 1 and "no ledger at" in result.stderr
    assert sorted(p.name for p in ledger_home.iterdir()) == ["holiday.jpg"]  # no lock left in someone's folder


# -- each kind of problem, made by hand ------------------------------------------------------


def broken_toml(home: Path) -> None:
    replace_line(home / "ledger.toml", 'name = "Initech"', 'name = "Initech')


def weight_nine(home: Path) -> None:
    replace_line(home / "ledger.toml", "weight = 3", "weight = 9")


def not_utf8(home: Path) -> None:
    path = home / "log" / "2026-10.toml"
    path.write_bytes(path.read_bytes() + b"\n# caf\xe9\n")


def client_removed(home: Path) -> None:
    text = (home / "ledger.toml").read_text()
    start = text.index("[clients.initech]")
    (home / "ledger.toml").write_text(text[:start])


def newer_month(home: Path) -> None:
    replace_line(home / "log" / "2026-11.toml", f"schema_version = {SCHEMA_VERSION}", "schema_version = 7")


def open_file(home: Path) -> None:
    os.chmod(home / "log" / "2026-11.toml", 0o644)


def open_folder(home: Path) -> None:
    os.chmod(home / "log", 0o755)


def open_home(home: Path) -> None:
    os.chmod(home, 0o750)


def open_backup(home: Path) -> None:
    os.chmod(home / "backups" / "ledger.toml.000001", 0o640)


def linked_book(home: Path) -> None:
    real = home.parent / "elsewhere.toml"
    (home / "ledger.toml").rename(real)
    (home / "ledger.toml").symlink_to(real)


def dangling_month(home: Path) -> None:
    (home / "log" / "2026-12.toml").symlink_to(home.parent / "nowhere.toml")


def folder_for_a_month(home: Path) -> None:
    (home / "log" / "2026-11.toml").rename(home.parent / "moved.toml")
    (home / "log" / "2026-11.toml").mkdir()


def temp_in_log(home: Path) -> None:
    (home / "log" / ".2026-11.toml.1a2b3c4d.tmp").write_bytes(b"half a save")


def copy_cut_short(home: Path) -> None:
    """What a process killed while copying the ledger before a schema upgrade leaves."""
    partial = home / "backups" / ".before-schema-2.abcdabcd.tmp" / "log"
    partial.mkdir(parents=True)
    (partial / "2026-10.toml").write_bytes(b"schema_version = 1\n")


def linked_backup(home: Path) -> None:
    (home / "backups" / "ledger.toml.000009").symlink_to(home / "ledger.toml")


def temp_in_home(home: Path) -> None:
    (home / ".ledger.toml.00ff00ff.tmp").write_bytes(b"")


def linked_lock(home: Path) -> None:
    (home / ".lock").unlink()
    (home / ".lock").symlink_to(home.parent / "victim")


def folder_lock(home: Path) -> None:
    (home / ".lock").unlink()
    (home / ".lock").mkdir()


def notes_in_log(home: Path) -> None:
    (home / "log" / "notes.txt").write_text("todo")


def month_thirteen(home: Path) -> None:
    (home / "log" / "2026-13.toml").write_text("schema_version = 1\n")


def stranger_in_backups(home: Path) -> None:
    (home / "backups" / "old-ledger.toml").write_text("")


def truncated_backup(home: Path) -> None:
    path = home / "backups" / "ledger.toml.000003"
    path.write_bytes(path.read_bytes()[:40] + b"\n")


def book_deleted(home: Path) -> None:
    (home / "ledger.toml").unlink()


CASES: list[tuple[Callable[[Path], None], dict]] = [
    (
        broken_toml,
        {
            "code": "syntax",
            "file": "ledger.toml",
            "line": 37,
            "message": "ledger.toml, line 37, column 16: illegal character '\\n'.",
            "fix": "correct line 37 with `leadshift edit ledger`, or "
            "`leadshift restore ledger.toml.000004` (its newest backup that fits).",
        },
    ),
    (
        weight_nine,
        {
            "code": "schema",
            "file": "ledger.toml",
            "line": 29,
            "message": "ledger.toml, line 29 (clients.acme.weight): input should be less than or equal to 5.",
        },
    ),
    (not_utf8, {"code": "syntax", "file": "log/2026-10.toml", "line": 10}),
    (
        client_removed,
        {
            "code": "reference",
            "file": "log/2026-11.toml",
            "line": 4,
            "message": "log/2026-11.toml, line 4: record {id} names client 'initech', which is not in ledger.toml.",
            "fix": "add the missing name back with `leadshift edit ledger`, or correct line 4 with "
            "`leadshift edit 2026-11`, or `leadshift restore ledger.toml.000004` (the newest ledger.toml that has every name the months use).",
        },
    ),
    (
        newer_month,
        {
            "code": "newer-version",
            "file": "log/2026-11.toml",
            "line": None,
            "message": "log/2026-11.toml was written by a newer leadshift (schema version 7; this one knows up to "
            f"{SCHEMA_VERSION}).",
            "fix": "upgrade leadshift (`pip install --upgrade leadshift`) to read and write it.",
        },
    ),
    (
        open_file,
        {
            "code": "permissions",
            "file": "log/2026-11.toml",
            "message": "log/2026-11.toml has permissions 0644, not 0600: other users can read it.",
            "fix": "run `leadshift doctor --fix`, or `chmod 600 {home}/log/2026-11.toml`.",
            "fixable": True,
        },
    ),
    (
        open_folder,
        {
            "code": "permissions",
            "file": "log",
            "message": "log/ has permissions 0755, not 0700: other users can read it.",
            "fixable": True,
        },
    ),
    (
        open_home,
        {
            "code": "permissions",
            "file": ".",
            "message": "the ledger folder has permissions 0750, not 0700: other users can read it.",
            "fixable": True,
        },
    ),
    (open_backup, {"code": "permissions", "file": "backups/ledger.toml.000001", "fixable": True}),
    (
        linked_book,
        {
            "code": "symlink",
            "file": "ledger.toml",
            "message": "ledger.toml is a symbolic link; leadshift reads through it but refuses to write.",
            "fix": "replace the link with the file it points to, or use --ledger with the folder that holds the real "
            "files ({home.parent}).",
            "fixable": False,
        },
    ),
    (
        dangling_month,
        {
            "code": "unreadable",
            "file": "log/2026-12.toml",
            "message": "log/2026-12.toml cannot be read: No such file or directory.",
        },
    ),
    (
        folder_for_a_month,
        {
            "code": "not-a-file",
            "file": "log/2026-11.toml",
            "message": "log/2026-11.toml is not a regular file.",
            "fix": "move it away, then `leadshift restore log-2026-11.toml.000001` (its newest backup that fits).",
        },
    ),
    (
        copy_cut_short,
        {
            "code": "temp-file",
            "file": "backups/.before-schema-2.abcdabcd.tmp",
            "fix": "`leadshift doctor --fix` removes it, as does the next command that saves.",
            "fixable": True,
        },
    ),
    (
        linked_backup,
        {
            "code": "symlink",
            "file": "backups/ledger.toml.000009",
            "message": "backups/ledger.toml.000009 is a symbolic link, not a backup (restore never reads through one).",
            "fix": "remove it with `rm {home}/backups/ledger.toml.000009`.",
        },
    ),
    (
        temp_in_log,
        {
            "code": "temp-file",
            "file": "log/.2026-11.toml.1a2b3c4d.tmp",
            "message": "log/.2026-11.toml.1a2b3c4d.tmp is left from a save that was cut short (the files it was to "
            "replace are intact).",
            "fix": "`leadshift doctor --fix` removes it, as does the next command that saves.",
            "fixable": True,
        },
    ),
    (temp_in_home, {"code": "temp-file", "file": ".ledger.toml.00ff00ff.tmp", "fixable": True}),
    (
        linked_lock,
        {
            "code": "odd-lock",
            "file": ".lock",
            "message": ".lock is a symbolic link, so every write will fail (leadshift never locks through one).",
            "fix": "remove it with `rm {home}/.lock`; the next write makes a new one.",
            "fixable": False,
        },
    ),
    (
        folder_lock,
        {
            "code": "odd-lock",
            "file": ".lock",
            "fix": "remove it with `rmdir {home}/.lock`; the next write makes a new one.",
        },
    ),
    (
        notes_in_log,
        {
            "code": "unknown-file",
            "file": "log/notes.txt",
            "message": "log/notes.txt is not a file leadshift uses.",
            "fix": "move it out of the ledger folder.",
        },
    ),
    (
        month_thirteen,
        {
            "code": "unknown-file",
            "file": "log/2026-13.toml",
            "message": "log/2026-13.toml is not named after a month (YYYY-MM.toml), so leadshift ignores its records.",
            "fix": "rename it after the month it holds, or move it out of the ledger folder.",
        },
    ),
    (stranger_in_backups, {"code": "unknown-file", "file": "backups/old-ledger.toml"}),
    (
        truncated_backup,
        {
            "code": "bad-backup",
            "file": "backups/ledger.toml.000003",
            "message": "backups/ledger.toml.000003, line 4, column 11: illegal character '\\n'; this backup cannot be "
            "restored.",
            "fix": "do not restore it; delete it if you need nothing in it (newer saves rotate it out).",
            "line": 4,
        },
    ),
    (
        book_deleted,
        {
            "code": "missing",
            "file": "ledger.toml",
            "message": "ledger.toml is missing.",
            "fix": "recreate it by hand, or `leadshift restore ledger.toml.000004` (its newest backup that fits).",
        },
    ),
]


@pytest.mark.parametrize(("make", "expected"), CASES, ids=[make.__name__ for make, _ in CASES])
def test_each_problem_is_reported_with_its_fix_and_nothing_changes(cli, ledger: Path, make, expected: dict) -> None:
    record_id = json.loads(cli("show", "--json").stdout)[0]["id"]  # the record logged today, for Initech
    make(ledger)
    before = tree(ledger)
    found = problems(cli)
    assert tree(ledger) == before
    matching = [p for p in found if p["code"] == expected["code"] and p["file"] == expected["file"]]
    assert len(matching) == 1, found
    problem = matching[0]
    for key, value in expected.items():
        if isinstance(value, str):
            value = value.format(home=ledger, id=record_id)
        assert problem[key] == value, key
    assert set(problem) == {"code", "file", "line", "message", "fix", "fixable"}


def test_the_text_report_is_one_line_a_problem_then_the_verdict(cli, ledger: Path) -> None:
    weight_nine(ledger)
    open_file(ledger)
    notes_in_log(ledger)
    result = cli("doctor")
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        "ledger.toml, line 29 (clients.acme.weight): input should be less than or equal to 5. Fix: correct line 29 "
        "with `leadshift edit ledger`, or `leadshift restore ledger.toml.000004` (its newest backup that fits).",
        f"log/2026-11.toml has permissions 0644, not 0600: other users can read it. Fix: run `leadshift doctor --fix`, "
        f"or `chmod 600 {ledger}/log/2026-11.toml`.",
        "log/notes.txt is not a file leadshift uses. Fix: move it out of the ledger folder.",
        f"3 problems in the ledger at {ledger}; `leadshift doctor --fix` can fix 1 of them safely.",
    ]
    assert result.stderr == ""


def test_a_month_is_still_checked_on_its_own_when_ledger_toml_is_broken(cli, ledger: Path) -> None:
    broken_toml(ledger)
    replace_line(ledger / "log" / "2026-10.toml", "hours = 2.0", "hours = -2.0")
    found = {(p["code"], p["file"]) for p in problems(cli)}
    assert found == {("syntax", "ledger.toml"), ("schema", "log/2026-10.toml")}


def test_a_broken_line_is_named_never_quoted(cli, ledger: Path) -> None:
    month = ledger / "log" / "2026-11.toml"
    replace_line(month, f'note = "{SECRET}"', f'note = "{SECRET}')
    replace_line(month, "hours = 1.5", f'hours = "{SECRET}"')
    result = cli("doctor", "--json")
    assert result.exit_code == 1
    assert "log/2026-11.toml, line " in result.stdout
    assert "Priya" not in result.stdout and "Priya" not in cli("doctor").stdout


def test_hostile_file_names_are_printed_harmlessly(cli, ledger: Path) -> None:
    (ledger / "log" / "\x1b[2Jnotes\u202e.txt").write_text("")
    result = cli("doctor")
    assert result.exit_code == 1
    assert "\x1b" not in result.stdout and "\u202e" not in result.stdout
    assert "log/\\x1b[2Jnotes\\u202e.txt is not a file leadshift uses." in result.stdout


def test_a_fifo_where_a_month_should_be_does_not_hang_doctor(run_process, ledger: Path) -> None:
    os.mkfifo(ledger / "log" / "2026-12.toml")
    os.mkfifo(ledger / "log" / "pipe")
    result = run_process("doctor", "--json", timeout=120)
    assert result.returncode == 1
    found = {(p["code"], p["file"]) for p in json.loads(result.stdout)["problems"]}
    assert found == {("not-a-file", "log/2026-12.toml"), ("unknown-file", "log/pipe")}


def test_a_set_aside_broken_file_is_not_a_problem(cli, ledger: Path) -> None:
    (ledger / "backups" / "ledger.toml.broken-000001").write_bytes(b"weight = [")
    os.chmod(ledger / "backups" / "ledger.toml.broken-000001", 0o600)
    assert cli("doctor").exit_code == 0


# -- --fix -------------------------------------------------------------------------------------


def test_fix_tightens_permissions_and_removes_temp_files_and_nothing_else(cli, ledger: Path) -> None:
    open_home(ledger)
    open_folder(ledger)
    open_file(ledger)
    open_backup(ledger)
    os.chmod(ledger / ".lock", 0o644)
    temp_in_log(ledger)
    temp_in_home(ledger)
    data = snapshot(ledger)
    result = cli("doctor", "--fix")
    assert result.exit_code == 0, result.stdout
    assert result.stdout.splitlines() == [
        "Fixed: the ledger folder is now 0700.",
        "Fixed: .lock is now 0600.",
        "Fixed: removed .ledger.toml.00ff00ff.tmp.",
        "Fixed: log/ is now 0700.",
        "Fixed: log/2026-11.toml is now 0600.",
        "Fixed: removed log/.2026-11.toml.1a2b3c4d.tmp.",
        "Fixed: backups/ledger.toml.000001 is now 0600.",
        f"The ledger at {ledger} is healthy: ledger.toml and 2 month files (3 records), 5 backups.",
    ]
    temps = {".ledger.toml.00ff00ff.tmp", "log/.2026-11.toml.1a2b3c4d.tmp"}
    assert snapshot(ledger) == {name: content for name, content in data.items() if name not in temps}
    for path in [ledger, *ledger.rglob("*")]:
        assert stat.S_IMODE(path.stat().st_mode) == (0o700 if path.is_dir() else 0o600), path


def test_fix_leaves_what_is_not_safe_to_fix_and_still_fails(cli, ledger: Path, tmp_path: Path) -> None:
    weight_nine(ledger)
    notes_in_log(ledger)
    open_file(ledger)
    victim = tmp_path / "victim"
    victim.write_bytes(b"not yours")
    (ledger / "log" / ".2026-10.toml.0badf00d.tmp").symlink_to(victim)
    result = cli("doctor", "--fix", "--json")
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert [(f["code"], f["file"], f["done"]) for f in report["fixed"]] == [
        ("permissions", "log/2026-11.toml", "log/2026-11.toml is now 0600")
    ]
    assert [(p["code"], p["file"]) for p in report["problems"]] == [
        ("schema", "ledger.toml"),
        ("temp-file", "log/.2026-10.toml.0badf00d.tmp"),
        ("unknown-file", "log/notes.txt"),
    ]
    assert (ledger / "log" / ".2026-10.toml.0badf00d.tmp").is_symlink() and victim.read_bytes() == b"not yours"
    assert "weight = 9" in (ledger / "ledger.toml").read_text()


def test_fix_with_nothing_to_fix_takes_no_lock(cli, ledger: Path) -> None:
    (ledger / ".lock").unlink()
    notes_in_log(ledger)
    before = tree(ledger)
    assert cli("doctor", "--fix").exit_code == 1
    assert tree(ledger) == before


def test_the_temp_file_of_a_save_under_way_is_not_a_leftover(cli, ledger: Path) -> None:
    holder = start_holder(ledger)  # a real process inside Store.change(), holding the lock
    try:
        temp_in_log(ledger)
        result = cli("doctor")
        assert result.exit_code == 0, result.stdout
    finally:
        holder.kill()
        holder.wait(timeout=60)
    assert [p["code"] for p in problems(cli)] == ["temp-file"]


def test_the_copy_kept_before_a_schema_upgrade_is_known_and_kept_private(cli, ledger: Path) -> None:
    copy = ledger / "backups" / "before-schema-2"
    (copy / "log").mkdir(parents=True, mode=0o700)
    for name in ("ledger.toml", "log/2026-10.toml"):
        (copy / name).write_bytes(b"schema_version = 1\n")
        os.chmod(copy / name, 0o600)
    os.chmod(copy, 0o700)
    assert cli("doctor").exit_code == 0
    os.chmod(copy / "log" / "2026-10.toml", 0o644)
    assert [(p["code"], p["file"]) for p in problems(cli)] == [
        ("permissions", "backups/before-schema-2/log/2026-10.toml")
    ]
    assert cli("doctor", "--fix").exit_code == 0
    assert stat.S_IMODE((copy / "log" / "2026-10.toml").stat().st_mode) == 0o600


def test_fix_removes_a_copy_cut_short_and_keeps_the_rest(cli, ledger: Path) -> None:
    copy_cut_short(ledger)
    data = snapshot(ledger)
    result = cli("doctor", "--fix")
    assert result.exit_code == 0, result.stdout
    assert result.stdout.splitlines()[0] == "Fixed: removed backups/.before-schema-2.abcdabcd.tmp."
    assert snapshot(ledger) == {k: v for k, v in data.items() if not k.startswith("backups/.before-schema-2")}


def test_doctor_suggests_only_a_backup_that_restore_would_take(cli, ledger: Path) -> None:
    assert cli("log", "one-on-one", "bob", "held").exit_code == 0  # Bob is in no backup of ledger.toml
    broken_toml(ledger)
    [problem] = problems(cli)
    assert (
        problem["fix"]
        == "correct line 37 with `leadshift edit ledger` (no backup of ledger.toml fits the ledger as it is)."
    )
    assert "would break log/2026-11.toml" in cli("restore", "ledger.toml.000004", "--yes").stderr


def test_the_cache_is_part_of_a_healthy_ledger_but_must_stay_private(cli, ledger: Path) -> None:
    assert cli("review", "--json").exit_code == 0
    assert (ledger / ".cache" / "index.json").is_file()
    assert cli("doctor").exit_code == 0
    (ledger / ".cache").chmod(0o755)  # it holds what each month held, notes included
    [problem] = problems(cli)
    assert problem["file"] == ".cache" and "0755" in problem["message"]


# -- folders that are symbolic links -------------------------------------------------------------


def outside_state(folder: Path) -> tuple[int, dict[str, tuple[int, bytes]]]:
    files = {str(p.relative_to(folder)): (p.lstat().st_mode, p.read_bytes()) for p in folder.rglob("*") if p.is_file()}
    return folder.stat().st_mode, files


def link_out(home: Path, name: str, outside: Path) -> None:
    """Move the ledger's folder `name` out to a shared 0755 folder, and link it back."""
    (home / name).rename(outside)
    os.chmod(outside, 0o755)
    (home / name).symlink_to(outside)


FOLDER_LINKS = {
    "log": (
        "log/ is a symbolic link (to {outside}); leadshift reads through it but refuses every write while it is one.",
        "replace the link with a real folder holding the same files (`rm {link} && cp -Rp {outside} {link}`).",
    ),
    "backups": (
        "backups/ is a symbolic link (to {outside}); leadshift reads through it but refuses every write while it "
        "is one.",
        "replace the link with a real folder holding the same files (`rm {link} && cp -Rp {outside} {link}`).",
    ),
    ".cache": (
        ".cache/ is a symbolic link, so leadshift does not use its cache (it never reads or writes through one).",
        "remove it with `rm {link}`; leadshift makes a private cache again.",
    ),
    ".cache/months": (
        ".cache/months/ is a symbolic link, so leadshift does not use its cache (it never reads or writes through "
        "one).",
        "remove it with `rm {link}`; leadshift makes a private cache again.",
    ),
}


@pytest.mark.parametrize("name", list(FOLDER_LINKS))
def test_a_linked_folder_is_reported_and_never_chmodded(cli, ledger: Path, tmp_path: Path, name: str) -> None:
    assert cli("review", "--json").exit_code == 0  # a cache, with its months/
    outside = tmp_path / "shared"
    link_out(ledger, name, outside)
    message, fix = FOLDER_LINKS[name]
    values = {"outside": outside.resolve(), "link": ledger / name}
    assert problems(cli) == [
        {
            "code": "symlink",
            "file": name,
            "line": None,
            "message": message.format(**values),
            "fix": fix.format(**values),
            "fixable": False,
        }
    ]
    open_home(ledger)  # something --fix may fix, so that it runs
    before, outside_before = tree(ledger), outside_state(outside)
    result = cli("doctor", "--fix")
    assert result.exit_code == 1
    if name in ("log", "backups"):  # a write: refused like every other, nothing touched
        assert result.stdout == ""
        assert result.stderr.startswith(f"Error: {name}/ is a symbolic link, and leadshift will not write through it")
        assert len(result.stderr.splitlines()) == 1
        assert tree(ledger) == before
    else:  # the rest is fixed; the link is left alone
        assert result.stdout.splitlines()[0] == "Fixed: the ledger folder is now 0700."
        assert f"{name}/ is a symbolic link" in result.stdout
    assert outside_state(outside) == outside_before
    assert stat.S_IMODE(outside.stat().st_mode) == 0o755
