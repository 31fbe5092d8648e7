"""`leadshift git init|sync` with real git: a bare repository, two clones (two machines), pulls in both orders."""

from __future__ import annotations

import json
import re
import stat
import subprocess
import tomllib
from collections.abc import Callable
from pathlib import Path

import pytest

from leadshift.storage.store import Store
from tests.conftest import Result

WEEK = "2026-W47"  # the week of TODAY, 2026-11-16 to 2026-11-22


@pytest.fixture(autouse=True)
def git_identity(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Commits need a name; no global or system git setting of this machine may change what git does."""
    for who in ("AUTHOR", "COMMITTER"):
        monkeypatch.setenv(f"GIT_{who}_NAME", "Sam Lee")
        monkeypatch.setenv(f"GIT_{who}_EMAIL", "sam@example.com")
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(tmp_path / "no-global-gitconfig"))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")


def git(*args: str | Path) -> str:
    done = subprocess.run(["git", *map(str, args)], capture_output=True, text=True, check=True)
    return done.stdout


@pytest.fixture
def machines(cli: Callable[..., Result], team: Path, tmp_path: Path) -> tuple[Path, Path]:
    """The team ledger on machine A, pushed to a bare repository and cloned on machine B."""
    remote = tmp_path / "remote.git"
    git("init", "--quiet", "--bare", remote)
    assert cli("git", "init").exit_code == 0
    git("-C", team, "remote", "add", "origin", remote)
    assert cli("git", "sync").exit_code == 0
    laptop = tmp_path / "laptop"
    git("clone", "--quiet", remote, laptop)
    result = cli("--ledger", str(laptop), "git", "init")
    assert result.exit_code == 0, result.stderr
    return team, laptop


def on(cli: Callable[..., Result], home: Path, *args: str) -> Result:
    result = cli("--ledger", str(home), *args)
    return result


def logged(result: Result) -> str:
    assert result.exit_code == 0, result.stderr
    return re.search(r"Logged ([0-9a-f]{8})", result.stdout).group(1)  # type: ignore[union-attr]


def ids_shown(cli: Callable[..., Result], home: Path) -> set[str]:
    result = on(cli, home, "show", "--week", WEEK, "--json")
    assert result.exit_code == 0, result.stderr
    return {record["id"] for record in json.loads(result.stdout)}


def private_and_clean(home: Path) -> None:
    """No conflict markers anywhere; every folder 0700 and file 0600 outside .git/ (and .git/ itself 0700)."""
    for path in [home, *home.rglob("*")]:
        if ".git" in path.relative_to(home).parts[1:] or path.relative_to(home).parts[:1] == (".git",):
            continue
        mode = stat.S_IMODE(path.stat().st_mode)
        assert mode == (0o700 if path.is_dir() else 0o600), (path, oct(mode))
        if path.is_file():
            assert b"<<<<<<<" not in path.read_bytes(), path
    assert stat.S_IMODE((home / ".git").stat().st_mode) == 0o700


@pytest.mark.parametrize("first", ["desk", "laptop"])
def test_two_machines_sync_in_either_order_and_lose_nothing(
    cli: Callable[..., Result], machines: tuple[Path, Path], first: str
) -> None:
    desk, laptop = machines
    ids = {
        logged(on(cli, desk, "log", "client", "acme", "3", "--date", "2026-11-16")),
        logged(on(cli, desk, "log", "client", "acme", "2", "--date", "2026-11-18", "--note", "from the desk")),
        logged(on(cli, desk, "log", "one-on-one", "alice", "held", "--date", "2026-11-18")),
        logged(on(cli, laptop, "log", "lead", "coaching", "2", "--date", "2026-11-17", "--with", "bob")),
        logged(on(cli, laptop, "log", "client", "initech", "4", "--date", "2026-11-18")),
    }
    assert on(cli, laptop, "teammate", "add", "carol", "--name", "Carol Diaz").exit_code == 0
    ids.add(logged(on(cli, laptop, "log", "one-on-one", "carol", "held", "--date", "2026-11-19")))
    order = [desk, laptop] if first == "desk" else [laptop, desk]
    for home in [*order, order[0]]:  # the first again, to take in what the second pushed
        result = on(cli, home, "git", "sync")
        assert result.exit_code == 0, (result.stdout, result.stderr)
        assert result.stderr == ""
    for home in (desk, laptop):
        assert ids_shown(cli, home) == ids
        assert "carol" in Store(home).read_book().teammates
        assert on(cli, home, "doctor").exit_code == 0
        private_and_clean(home)
    assert git("-C", desk, "rev-parse", "HEAD") == git("-C", laptop, "rev-parse", "HEAD")


def test_sync_says_what_it_committed_and_what_came_in(cli: Callable[..., Result], machines: tuple[Path, Path]) -> None:
    desk, laptop = machines
    record = logged(on(cli, laptop, "log", "client", "acme", "2", "--date", "2026-11-18"))
    assert on(cli, laptop, "git", "sync").exit_code == 0
    result = on(cli, desk, "git", "sync")
    assert result.stdout.splitlines()[:3] == [
        "Nothing new to commit here.",
        f"Pulled from origin/{branch(desk)}: added 2 h client work for acme on 2026-11-18 ({record}).",
        f"Nothing to push: origin/{branch(desk)} is up to date.",
    ]
    message = git("-C", desk, "log", "-1", "--format=%s")
    assert message.startswith("leadshift on ") and message.rstrip().endswith(f"on 2026-11-18 ({record})")


def branch(home: Path) -> str:
    return git("-C", home, "symbolic-ref", "--short", "HEAD").strip()


def test_a_record_changed_differently_on_both_machines_is_set_aside_for_a_person(
    cli: Callable[..., Result], machines: tuple[Path, Path]
) -> None:
    desk, laptop = machines
    record = logged(on(cli, desk, "log", "client", "acme", "4", "--date", "2026-11-18"))
    assert on(cli, desk, "git", "sync").exit_code == 0
    assert on(cli, laptop, "git", "sync").exit_code == 0
    for home, hours in ((desk, "5.0"), (laptop, "6.0")):  # each machine corrects the same record by hand
        path = home / "log" / "2026-11.toml"
        old = path.read_bytes()
        Store(home).replace_by_hand(path, old, old.replace(b"hours = 4.0", f"hours = {hours}".encode()))
    assert on(cli, desk, "git", "sync").exit_code == 0
    result = on(cli, laptop, "git", "sync")
    assert result.exit_code == 1
    where = f"origin/{branch(laptop)}"
    assert (
        f"log/2026-11.toml: the same entry changed differently on both machines; the file keeps the version from "
        f"{where}, and log/2026-11.toml.conflict lists both. Settle it with `leadshift edit 2026-11`, then delete "
        "log/2026-11.toml.conflict." in result.stdout.splitlines()
    )
    # The ledger still reads, holds the record once, and git is not left half-way through a rebase.
    assert ids_shown(cli, laptop) == {record}
    assert git("-C", laptop, "status", "--porcelain") == ""
    conflict = tomllib.loads((laptop / "log" / "2026-11.toml.conflict").read_text())
    assert conflict["file"] == "log/2026-11.toml"
    assert [(c["place"], c["kept"]["hours"], c["set_aside"]["hours"]) for c in conflict["conflicts"]] == [
        (f"record {record}", 5.0, 6.0)
    ]
    doctor = on(cli, laptop, "doctor", "--json")
    assert doctor.exit_code == 1
    [problem] = json.loads(doctor.stdout)["problems"]
    assert (problem["code"], problem["file"]) == ("merge-conflict", "log/2026-11.toml.conflict")
    assert "`leadshift edit 2026-11`" in problem["fix"]
    private_and_clean(laptop)
    (laptop / "log" / "2026-11.toml.conflict").unlink()  # settled: the file keeps 5 h
    assert on(cli, laptop, "doctor").exit_code == 0


def test_two_long_days_that_would_make_more_than_24_hours_are_set_aside_not_merged(
    cli: Callable[..., Result], machines: tuple[Path, Path]
) -> None:
    desk, laptop = machines
    kept = logged(on(cli, desk, "log", "client", "acme", "14", "--date", "2026-11-18"))
    aside = logged(on(cli, laptop, "log", "client", "initech", "12", "--date", "2026-11-18"))
    assert on(cli, desk, "git", "sync").exit_code == 0
    assert on(cli, laptop, "git", "sync").exit_code == 1
    assert ids_shown(cli, laptop) == {kept}
    conflict = tomllib.loads((laptop / "log" / "2026-11.toml.conflict").read_text())
    [clash] = conflict["conflicts"]
    assert clash["place"] == f"record {aside}" and "kept" not in clash and clash["set_aside"]["hours"] == 12.0
    assert "a day holds at most 24" in clash["why"]


# -- git init ---------------------------------------------------------------------------


def test_git_init_sets_up_the_folder_and_a_second_run_changes_nothing(cli: Callable[..., Result], team: Path) -> None:
    (team / ".gitignore").write_text("my-own-notes.txt\n")
    first = cli("git", "init")
    assert first.exit_code == 0, first.stderr
    assert first.stdout.splitlines()[:3] == [
        f"Made {team} a git repository.",
        "Set up: .gitignore, .gitattributes, the merge driver (.git/config).",
        "Committed the ledger as it stands.",
    ]
    assert (team / ".gitignore").read_text().splitlines() == [
        "my-own-notes.txt",
        ".cache/",
        ".lock",
        "backups/",
        "journal/",
        ".*.tmp",
        "*.conflict",
    ]
    assert (team / ".gitattributes").read_text() == "log/*.toml merge=leadshift\nledger.toml merge=leadshift\n"
    driver = git("-C", team, "config", "merge.leadshift.driver").strip()
    assert driver.endswith(" -m leadshift merge-file %O %A %B %P")
    assert git("-C", team, "ls-files").split() == [".gitattributes", ".gitignore", "ledger.toml"]
    before = {p: p.read_bytes() for p in team.rglob("*") if p.is_file() and p.name != "index"}
    again = cli("git", "init")
    assert again.stdout.splitlines()[:2] == [
        f"{team} is a git repository already.",
        "Set up already: .gitignore, .gitattributes, the merge driver.",
    ]
    assert {p: p.read_bytes() for p in team.rglob("*") if p.is_file() and p.name != "index"} == before
    assert len(git("-C", team, "log", "--format=%H").split()) == 1
    assert cli("doctor").exit_code == 0


def test_git_init_without_a_ledger_says_how_to_make_one(cli: Callable[..., Result], ledger_home: Path) -> None:
    result = cli("git", "init")
    assert (result.exit_code, result.stderr.startswith("Error: no ledger at ")) == (1, True)
    assert not ledger_home.exists()


def test_without_git_each_command_says_so_in_one_line(
    cli: Callable[..., Result], team: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    before = {p: p.read_bytes() for p in team.rglob("*") if p.is_file()}
    for command in ("init", "sync"):
        result = cli("git", command)
        assert result.exit_code == 1
        assert (
            result.stderr
            == "Error: git is not installed (or not on your PATH); install it (https://git-scm.com) first.\n"
        )
    assert {p: p.read_bytes() for p in team.rglob("*") if p.is_file()} == before


def test_sync_before_init_and_without_a_remote_says_what_to_do(cli: Callable[..., Result], team: Path) -> None:
    result = cli("git", "sync")
    assert (result.exit_code, result.stderr) == (
        1,
        f"Error: {team} is not a git repository yet: run `leadshift git init` first (after cloning, too).\n",
    )
    assert cli("git", "init").exit_code == 0
    result = cli("git", "sync")
    assert (result.exit_code, result.stderr) == (
        1,
        f"Error: the ledger has no remote to sync with: add a private one (`git -C {team} remote add origin URL`), "
        "then run `leadshift git sync` again.\n",
    )


def test_a_clone_comes_out_private_once_initialised(cli: Callable[..., Result], machines: tuple[Path, Path]) -> None:
    _, laptop = machines
    private_and_clean(laptop)
    assert on(cli, laptop, "doctor").exit_code == 0


def test_sync_waits_for_the_lock_before_git_changes_a_file(
    cli: Callable[..., Result], machines: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.support.holder import start_holder

    desk, laptop = machines
    logged(on(cli, laptop, "log", "client", "acme", "2", "--date", "2026-11-18"))
    assert on(cli, laptop, "git", "sync").exit_code == 0
    before = git("-C", desk, "rev-parse", "HEAD")
    monkeypatch.setenv("LEADSHIFT_LOCK_TIMEOUT", "0.2")
    holder = start_holder(desk)  # a real leadshift write under way on the desk
    try:
        result = on(cli, desk, "git", "sync")
    finally:
        holder.kill()
        holder.wait(timeout=60)
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: another leadshift command has held the ledger for over 0.2s")
    assert git("-C", desk, "rev-parse", "HEAD") == before  # nothing pulled meanwhile
    assert ids_shown(cli, desk) == set()


def test_a_clash_git_cannot_hand_to_leadshift_is_undone_and_named(
    cli: Callable[..., Result], machines: tuple[Path, Path]
) -> None:
    desk, laptop = machines
    for home, line in ((desk, "desk-notes.txt"), (laptop, "laptop-notes.txt")):  # the same line of .gitignore
        path = home / ".gitignore"
        path.write_text(path.read_text().replace(".cache/", line))
    assert on(cli, desk, "git", "sync").exit_code == 0
    before = git("-C", laptop, "rev-parse", "HEAD")
    result = on(cli, laptop, "git", "sync")
    assert result.exit_code == 1
    assert result.stderr == (
        "Error: git could not merge .gitignore with what came in, so nothing was pulled; settle it by hand "
        f"(`cd {laptop} && git pull --rebase`), then run `leadshift git sync` again.\n"
    )
    assert git("-C", laptop, "status", "--porcelain") == ""  # not left half-way through a rebase
    assert git("-C", laptop, "rev-parse", "HEAD^") == before  # its own commit, on nothing pulled


def test_a_pull_is_in_the_journal_and_undo_takes_it_back(
    cli: Callable[..., Result], machines: tuple[Path, Path]
) -> None:
    desk, laptop = machines
    assert on(cli, laptop, "teammate", "add", "carol", "--name", "Carol Diaz").exit_code == 0
    assert on(cli, laptop, "git", "sync").exit_code == 0
    assert on(cli, desk, "git", "sync").exit_code == 0
    history = json.loads(on(cli, desk, "undo", "--list", "--json").stdout)
    assert (history[0]["command"], history[0]["summary"]) == (
        "git sync",
        f"pulled from origin/{branch(desk)}: added teammate carol",
    )
    assert on(cli, desk, "undo").exit_code == 0
    assert "carol" not in Store(desk).read_book().teammates
    assert on(cli, desk, "doctor").exit_code == 0
