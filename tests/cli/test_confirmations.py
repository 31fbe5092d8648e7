"""What destroys asks first: on a terminal (default no), with --yes for scripts, and never silently off a terminal."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from leadshift.cli.session import Session
from tests.conftest import Result, snapshot

Cli = Callable[..., Result]

# Each destructive command on the `team` ledger (Sam owns Acme and Initech; Globex is Alice's), after `setup`,
# and what its question says goes.
DESTRUCTIVE = {
    "client remove": ([], ["client", "remove", "initech"], "This removes client Initech (initech), served by you, 3 h"),
    "teammate remove": ([], ["teammate", "remove", "bob"], "This removes Bob Chen (bob) from the team"),
    "handoff cancel": (
        [["handoff", "plan", "--save"]],
        ["handoff", "cancel", "acme"],
        "This cancels the handoff of Acme Ltd to",
    ),
    "handoff advance early": (
        [["handoff", "plan", "--save"]],
        ["handoff", "advance", "acme"],
        "stage of the handoff of Acme Ltd to",
    ),
    "restore": ([["client", "edit", "acme", "--weight", "5"]], ["restore", "{newest}"], "replaces the current"),
}


def prepare(cli: Cli, team: Path, setup: list[list[str]], args: list[str]) -> list[str]:
    for step in setup:
        assert cli(*step).exit_code == 0, step
    backups = sorted((team / "backups").glob("ledger.toml.*"))
    return [a.replace("{newest}", backups[-1].name if backups else "") for a in args]


@pytest.mark.parametrize("kind", DESTRUCTIVE)
def test_off_a_terminal_without_yes_nothing_changes(cli: Cli, team: Path, kind: str) -> None:
    setup, args, says = DESTRUCTIVE[kind]
    args = prepare(cli, team, setup, args)
    before = snapshot(team)
    result = cli(*args)
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: ") and result.stderr.count("\n") == 1
    assert says in result.stderr
    assert "Nothing was changed: confirm with --yes" in result.stderr
    assert snapshot(team) == before


@pytest.mark.parametrize("kind", DESTRUCTIVE)
def test_yes_goes_ahead(cli: Cli, team: Path, kind: str) -> None:
    setup, args, _ = DESTRUCTIVE[kind]
    args = prepare(cli, team, setup, args)
    before = snapshot(team)
    result = cli(*args, "--yes")
    assert result.exit_code == 0, result.stderr
    assert snapshot(team) != before


@pytest.mark.parametrize(("answer", "changed"), [("\n", False), ("n\n", False), ("y\n", True)])
def test_on_a_terminal_it_asks_and_no_is_the_default(
    cli: Cli, team: Path, monkeypatch: pytest.MonkeyPatch, answer: str, changed: bool
) -> None:
    monkeypatch.setattr(Session, "interactive", lambda self: True)
    before = snapshot(team)
    result = cli("client", "remove", "initech", input=answer)
    assert "This removes client Initech (initech), served by you, 3 h a week. Go ahead? [y/n] (n)" in result.stdout
    assert (snapshot(team) != before) is changed
    if not changed:
        assert result.exit_code == 1
        assert result.stderr == "Error: nothing was changed.\n"


def test_advancing_on_or_after_the_planned_end_does_not_ask(
    cli: Cli, team: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cli("handoff", "plan", "--save")
    handoff = json.loads(cli("handoff", "status", "--json").stdout)[0]
    monkeypatch.setenv("LEADSHIFT_TODAY", handoff["next_stage_on"])  # the day after the stage's planned end
    result = cli("handoff", "advance", handoff["client"])  # no --yes, no terminal: nothing to ask
    assert result.exit_code == 0, result.stderr
    assert json.loads(cli("handoff", "status", "--json").stdout)[0]["stage"] != handoff["stage"]


def test_four_advances_in_a_row_do_not_finish_a_handoff_unasked(cli: Cli, team: Path) -> None:
    """The reported bug: `handoff advance` four times finished a six-week handoff on the spot."""
    cli("handoff", "plan", "--save")
    before = snapshot(team)
    for _ in range(4):
        assert cli("handoff", "advance", "acme").exit_code == 2
    assert snapshot(team) == before


def test_a_missing_key_is_refused_as_before_without_asking(cli: Cli, team: Path) -> None:
    result = cli("client", "remove", "nosuch")
    assert result.exit_code == 1
    assert "Go ahead" not in result.stdout + result.stderr
