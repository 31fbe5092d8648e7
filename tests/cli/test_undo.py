"""`leadshift undo` and `redo`: each kind of change taken back exactly, and put back; the list of changes."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import Result, snapshot

Cli = Callable[..., Result]

# What a person sees of the whole ledger: every listing --json gives.
VIEWS = (
    ("show", "--json", "--week", "2026-W47"),
    ("show", "--json", "--week", "2026-W48"),
    ("teammate", "list", "--json"),
    ("client", "list", "--json"),
    ("handoff", "status", "--json"),
    ("teammate", "list", "--all", "--json"),
    ("profile", "--json"),
    ("review", "--json", "--week", "2026-W47"),
)


def views(cli: Cli) -> list[object]:
    shown = []
    for args in VIEWS:
        result = cli(*args)
        assert result.exit_code == 0, (args, result.stderr)
        shown.append(json.loads(result.stdout))
    return shown


def ledger_files(home: Path) -> dict[str, bytes]:
    """The ledger's own files (the journal and backups record history; they grow with every command)."""
    return {name: data for name, data in snapshot(home).items() if not name.startswith(("journal/", "backups/"))}


# One change of each kind, made on the `team` ledger (Sam owns Acme and Initech; Globex is Alice's).
CHANGES = {
    "log client": [["log", "client", "acme", "2", "--date", "2026-11-19", "--note", "renewal"]],
    "log one-on-one": [["log", "one-on-one", "bob", "cancelled", "--because", "acme", "--date", "2026-11-18"]],
    "log escalation": [["log", "escalation", "alice", "--asked", "--date", "2026-11-18"]],
    "yes": [["yes", "acme", "weekend deck", "--no", "one-on-one", "--with", "bob", "--date", "2026-11-18"]],
    "remove": [["log", "client", "acme", "1", "--date", "2026-11-17"], ["remove", "{last}"]],
    "teammate add": [["teammate", "add", "zed", "--name", "Zed"]],
    "teammate edit": [["teammate", "edit", "bob", "--capacity-hours", "12"]],
    "teammate remove": [["teammate", "remove", "bob", "--yes"]],
    "teammate leave": [["teammate", "leave", "bob", "--on", "2026-11-19"]],
    "profile": [["profile", "--promoted-on", "2026-10-01", "--workday", "9"]],
    "client add": [["client", "add", "orchard", "--name", "Orchard", "--weekly-hours", "10"]],
    "client edit": [["client", "edit", "acme", "--weight", "5"]],
    "client remove": [["client", "remove", "initech", "--yes"]],
    "handoff plan --save": [["handoff", "plan", "--save"]],
    "handoff advance": [["handoff", "plan", "--save"], ["handoff", "advance", "acme", "--yes"]],
    "handoff cancel": [["handoff", "plan", "--save"], ["handoff", "cancel", "acme", "--yes"]],
}


@pytest.mark.parametrize("kind", CHANGES)
def test_undo_takes_back_exactly_the_last_change_and_redo_puts_it_back(cli: Cli, team: Path, kind: str) -> None:
    *setup, change = CHANGES[kind]
    for args in setup:
        assert cli(*args).exit_code == 0, args
    last = json.loads(cli("show", "--json", "--week", "2026-W47").stdout)
    before, files = views(cli), ledger_files(team)
    args = [word.replace("{last}", last[-1]["id"] if last else "") for word in change]
    made = cli(*args)
    assert made.exit_code == 0, made.stderr
    after = views(cli)
    assert after != before, "the change changed nothing a person can see"

    undone = cli("undo")
    assert undone.exit_code == 0, undone.stderr
    assert undone.stdout.startswith(f"Undid `{kind.removesuffix(' --save')}` of ")
    assert views(cli) == before
    assert ledger_files(team) == files  # byte for byte: nothing the change did not touch was touched

    redone = cli("redo")
    assert redone.exit_code == 0, redone.stderr
    assert redone.stdout.startswith("Redid ")
    assert views(cli) == after


def test_the_handoff_advanced_is_what_undo_takes_back(cli: Cli, team: Path) -> None:
    """The reported bug: undo after `handoff advance` removed an older, unrelated record."""
    cli("log", "client", "acme", "2", "--date", "2026-11-18")
    cli("handoff", "plan", "--save")
    status = cli("handoff", "status", "--json").stdout
    assert cli("handoff", "advance", "acme", "--yes").exit_code == 0
    result = cli("undo")
    assert "handoff advance" in result.stdout and "handoff of acme: stage" in result.stdout
    assert cli("handoff", "status", "--json").stdout == status
    assert len(json.loads(cli("show", "--json", "--week", "2026-W47").stdout)) == 1  # the record stays


def test_undo_is_a_stack_and_a_new_change_ends_redo(cli: Cli, team: Path) -> None:
    cli("log", "client", "acme", "1", "--date", "2026-11-16")
    cli("teammate", "add", "zed", "--name", "Zed")
    assert "teammate zed" in cli("undo").stdout
    assert "1 h client work for acme on 2026-11-16" in cli("undo").stdout
    assert "1 h client work for acme" in cli("redo").stdout  # the one undone last comes back first
    cli("log", "lead", "strategy", "1", "--date", "2026-11-16")
    result = cli("redo")
    assert result.exit_code == 1
    assert result.stderr == (
        "Error: nothing to redo: redo puts back what `leadshift undo` took back, until the next change.\n"
    )
    assert "zed" not in cli("teammate", "list", "--json").stdout


def test_undo_list_shows_the_changes_newest_first(cli: Cli, team: Path) -> None:
    cli("log", "client", "acme", "2", "--date", "2026-11-18")
    cli("client", "edit", "acme", "--weight", "5")
    cli("undo")
    listed = json.loads(cli("undo", "--list", "--json").stdout)
    assert [list(item) for item in listed[:1]] == [["id", "at", "command", "summary", "undone"]]
    assert [(c["command"], c["undone"]) for c in listed[:2]] == [("client edit", True), ("log client", False)]
    assert listed[0]["summary"] == "client acme: weight 4 -> 5"
    assert listed[0]["id"] > listed[1]["id"]
    text = cli("undo", "--list").stdout
    assert "client acme: weight 4 -> 5" in text and "undone" in text


def test_nothing_to_undo_on_a_new_ledger(cli: Cli, ledger_home: Path) -> None:
    cli("init", "--name", "Sam Lee")
    before = snapshot(ledger_home)
    result = cli("undo")
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: nothing to undo: no change is left in the journal")
    assert snapshot(ledger_home) == before
    assert cli("undo", "--list").stdout.startswith("No changes recorded yet")


def test_a_file_changed_outside_leadshift_is_not_overwritten(cli: Cli, team: Path) -> None:
    cli("log", "client", "acme", "2", "--date", "2026-11-18")
    month = team / "log" / "2026-11.toml"
    month.write_text(month.read_text() + "\n# my own comment\n")
    before = snapshot(team)
    result = cli("undo")
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: log/2026-11.toml has changed since `log client`")
    assert "nothing was undone" in result.stderr
    assert snapshot(team) == before


def test_undo_takes_back_a_restore_and_a_hand_edit(cli: Cli, team: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cli("client", "edit", "acme", "--weight", "5")
    book = (team / "ledger.toml").read_bytes()
    newest = sorted((team / "backups").glob("ledger.toml.*"))[-1].name
    assert cli("restore", newest, "--yes").exit_code == 0
    assert (team / "ledger.toml").read_bytes() != book
    assert "restored ledger.toml" in cli("undo").stdout
    assert (team / "ledger.toml").read_bytes() == book

    monkeypatch.setenv("EDITOR", "sed -i s/weight\\ =\\ 5/weight\\ =\\ 2/")
    assert cli("edit", "ledger").exit_code == 0
    assert "weight = 2" in (team / "ledger.toml").read_text()
    result = cli("undo")
    assert "edited ledger.toml by hand: client acme: weight 5 -> 2" in result.stdout
    assert (team / "ledger.toml").read_bytes() == book


def test_undo_never_leaves_records_naming_what_is_gone(cli: Cli, team: Path) -> None:
    """A month edited outside the journal to name a client the undo would remove: refused, nothing written."""
    cli("client", "add", "orchard", "--name", "Orchard")
    month = team / "log" / "2026-11.toml"
    month.parent.mkdir(exist_ok=True)
    month.write_text(
        'schema_version = 2\n\n[[hours]]\nid = "0000beef"\ndate = 2026-11-18\nhours = 1.0\nclient = "orchard"\n'
    )
    before = snapshot(team)
    result = cli("undo")
    assert result.exit_code == 1
    assert "would not be valid with `client add` undone" in result.stderr
    assert snapshot(team) == before
