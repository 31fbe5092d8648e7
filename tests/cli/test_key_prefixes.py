"""Client and teammate keys by a unique start, in every command that takes one, as activities are."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import snapshot

# The `team` fixture: teammates alice and bob; clients acme, initech (Sam's) and globex (Alice's).


def _records(cli) -> list[dict]:  # type: ignore[no-untyped-def]
    result = cli("show", "--json")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def test_records_logged_by_a_unique_start_hold_the_full_keys(cli, team: Path) -> None:
    logged = [
        cli("log", "client", "ac", "1"),
        cli("log", "lead", "coaching", "1", "--with", "Al"),
        cli("log", "one-on-one", "b", "cancelled", "--because", "ini"),
        cli("log", "escalation", "ali", "--asked"),
        cli("yes", "glo", "Kick-off call", "--no", "one-on-one", "--with", "bo"),
    ]
    assert [r.exit_code for r in logged] == [0] * 5, [r.stderr for r in logged]
    assert logged[0].stdout.splitlines()[0].endswith(" 2026-11-20 client work acme, 1 h")
    assert [(r["type"], r.get("client"), r.get("teammate"), r.get("because")) for r in _records(cli)] == [
        ("hours", "acme", None, None),
        ("hours", None, "alice", None),
        ("one-on-one", None, "bob", "initech"),
        ("escalation", None, "alice", None),
        ("trade-off", "globex", "bob", None),
    ]


def test_the_roster_commands_take_a_start_and_name_the_full_key(cli, team: Path) -> None:
    edited = cli("client", "edit", "ini", "--owner", "bo", "--backed-by", "al")
    assert (edited.exit_code, edited.stdout) == (0, "Updated client initech: backed_by, owner.\n")
    assert cli("teammate", "edit", "AL", "--role", "Lead").stdout == "Updated teammate alice: role.\n"
    initech = next(c for c in json.loads(cli("client", "list", "--json").stdout) if c["key"] == "initech")
    assert (initech["owner"], initech["backed_by"]) == ("bob", ["alice"])
    cli("client", "add", "hooli", "--name", "Hooli")
    cli("teammate", "add", "carol", "--name", "Carol")
    assert cli("client", "remove", "hoo", "--yes").stdout == "Removed client hooli.\n"
    assert cli("teammate", "remove", "car", "--yes").stdout == "Removed teammate carol.\n"


def test_the_handoff_commands_take_a_start_and_name_the_full_key(cli, team: Path) -> None:
    assert cli("handoff", "plan", "--save").exit_code == 0
    advanced = cli("handoff", "advance", "ac", "--date", "2026-11-20", "--yes")
    assert advanced.exit_code == 0, advanced.stderr
    assert advanced.stdout.startswith("acme: prepare done on 2026-11-20. Now introduce")
    cancelled = cli("handoff", "cancel", "in", "--yes")
    assert cancelled.stdout == (
        "Stopped following the handoff of initech to bob (it was at the prepare stage); initech stays yours.\n"
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["log", "client", "ac", "1"], "'ac' matches acme and acorn; type more of the key."),
        (["log", "one-on-one", "bo", "held"], "'bo' matches bob and bobby; type more of the key."),
        (["yes", "acme", "Deck", "--no", "team", "--with", "bo"], "'bo' matches bob and bobby; type more of the key."),
        (["client", "edit", "a", "--weight", "2"], "'a' matches acme and acorn; type more of the key."),
        (["teammate", "remove", "b"], "'b' matches bob and bobby; type more of the key."),
    ],
)
def test_an_ambiguous_start_lists_the_candidates_and_changes_nothing(cli, team: Path, args, message) -> None:
    cli("client", "add", "acorn", "--name", "Acorn")
    cli("teammate", "add", "bobby", "--name", "Bobby Tables")
    before = snapshot(team)
    result = cli(*args)
    assert (result.exit_code, result.stderr, result.stdout) == (1, f"Error: {message}\n", "")
    assert snapshot(team) == before


def test_an_exact_key_wins_over_being_the_start_of_another(cli, team: Path) -> None:
    cli("client", "add", "acme-eu", "--name", "Acme Europe")
    cli("teammate", "add", "bobby", "--name", "Bobby Tables")
    assert cli("log", "client", "acme", "1").exit_code == 0
    assert cli("log", "client", "acme-", "1").exit_code == 0
    assert cli("log", "one-on-one", "bob", "held").exit_code == 0
    assert [(r.get("client"), r.get("teammate")) for r in _records(cli)] == [
        ("acme", None),
        ("acme-eu", None),
        (None, "bob"),
    ]


def test_an_unknown_key_keeps_its_message(cli, team: Path) -> None:
    before = snapshot(team)
    result = cli("log", "client", "zeta", "1")
    assert (result.exit_code, result.stderr) == (1, "Error: no client 'zeta'. Known clients: acme, globex, initech.\n")
    assert snapshot(team) == before
