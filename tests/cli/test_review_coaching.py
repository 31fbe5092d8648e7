"""`leadshift review` coaching through the CLI: what went well first, three steps (or --all),
coaching hours per teammate, handoff support, a new teammate not overdue, and the demo's length."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.cli import test_review
from tests.cli.test_review import review_json
from tests.conftest import TODAY, Result, snapshot

two_weeks = test_review.two_weeks  # Sam's W46 and W47, the fixture of test_review.py


def steps_shown(out: str) -> int:
    return out.split("What to do next", 1)[1].count("→")


def test_what_to_do_next_shows_the_three_most_important_steps(cli: Callable[..., Result], two_weeks: Path) -> None:
    findings = review_json(cli, "--week", "2026-W47")["findings"]
    problems = [f for f in findings if f["severity"] != "good"]
    assert len(problems) > 3
    out = cli("review", "--week", "2026-W47").stdout
    assert steps_shown(out) == 3
    # The three: most severe first, then in the order the findings are listed.
    first_three = out.split("What to do next", 1)[1]
    for finding in problems[:3]:
        assert finding["message"][:40] in " ".join(first_three.split())
    assert f"{len(problems) - 3} more steps: `leadshift review --all` shows every one." in " ".join(out.split())
    every = cli("review", "--week", "2026-W47", "--all").stdout
    assert steps_shown(every) == len(problems) and "review --all" not in every


def test_all_changes_nothing_in_json(cli: Callable[..., Result], two_weeks: Path) -> None:
    assert review_json(cli, "--week", "2026-W47", "--all") == review_json(cli, "--week", "2026-W47")


@pytest.fixture
def doing_well(cli: Callable[..., Result], team: Path) -> Path:
    """Sam after handing the clients over: a quarter of each 10 h day on client work, 1:1s held, asking first."""
    for args in (
        ["client", "edit", "acme", "--owner", "bob"],
        ["client", "edit", "initech", "--owner", "alice"],
    ):
        assert cli(*args).exit_code == 0, (args, cli(*args).stderr)
    for day in ("2026-11-16", "2026-11-17", "2026-11-18", "2026-11-19"):
        for args in (
            ["client", "globex", "2.5"],
            ["lead", "strategy", "3.5"],
            ["lead", "coaching", "2", "--with", "alice"],
            ["lead", "coaching", "2", "--with", "bob"],
            ["escalation", "alice", "--asked"],
        ):
            result = cli("log", *args, "--date", day)
            assert result.exit_code == 0, (args, result.stderr)
    for who in ("alice", "bob"):
        assert cli("log", "one-on-one", who, "held", "--date", "2026-11-16").exit_code == 0
    return team


def test_a_leader_doing_well_sees_what_went_well_first_and_nothing_to_fix(
    cli: Callable[..., Result], doing_well: Path
) -> None:
    data = review_json(cli, "--week", "2026-W47")
    assert {f["severity"] for f in data["findings"]} == {"good"}
    assert "all-one-on-ones-held" in [f["code"] for f in data["findings"]]
    out = cli("review", "--week", "2026-W47").stdout
    assert out.index("What went well") < out.index("What to do next")
    assert "GOOD Every 1:1 went ahead: 2 held this week" in " ".join(out.split())
    assert "Nothing to fix this week" in out


def test_coaching_hours_per_teammate_in_json_and_in_the_team_section(
    cli: Callable[..., Result], doing_well: Path
) -> None:
    data = review_json(cli, "--week", "2026-W47")
    by_teammate = data["one_on_ones"]["by_teammate"]
    assert (by_teammate["alice"]["coaching_hours"], by_teammate["bob"]["coaching_hours"]) == (8.0, 8.0)
    assert list(by_teammate["alice"])[-4:-2] == ["coaching_hours", "held_since_lost"]  # appended, old keys first
    assert list(by_teammate["alice"])[-2:] == ["actions_overdue", "obstacles_waiting"]  # issue 15, after those
    out = cli("review", "--week", "2026-W47").stdout
    team = out.split("4. Fair to your team", 1)[1].split("5. What you said yes to", 1)[0]
    assert "8 h coaching" in team


def test_hours_beside_a_teammate_in_co_lead_are_handoff_support(
    cli: Callable[..., Result], team: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LEADSHIFT_TODAY", "2026-11-01")  # the plan starts the next Monday
    assert cli("handoff", "plan", "--save").exit_code == 0
    monkeypatch.setenv("LEADSHIFT_TODAY", TODAY)
    for args in (
        ["handoff", "advance", "acme", "--date", "2026-11-08", "--yes"],
        ["handoff", "advance", "acme", "--date", "2026-11-15", "--yes"],
        ["log", "client", "acme", "6", "--date", "2026-11-16"],
    ):
        result = cli(*args)
        assert result.exit_code == 0, (args, result.stdout, result.stderr)
    data = review_json(cli, "--week", "2026-W47")
    assert next(c for c in data["owned_clients"] if c["key"] == "acme")["handoff_stage"] == "co-lead"
    assert data["handoff_support_hours"] == 6.0
    assert list(data)[-2:] == ["findings", "handoff_support_hours"]
    assert not data["attention"]["favoured"]
    assert "own-clients-favoured" not in [f["code"] for f in data["findings"]]
    out = " ".join(cli("review", "--week", "2026-W47").stdout.split())
    assert "Handoff support (co-lead and lead stages, not counted above): 6 h." in out


def test_a_teammate_who_just_joined_is_not_overdue(cli: Callable[..., Result], team: Path) -> None:
    assert cli("teammate", "add", "carol", "--name", "Carol Diaz", "--joined", "2026-11-16").exit_code == 0
    carol = review_json(cli, "--week", "2026-W47")["one_on_ones"]["by_teammate"]["carol"]
    assert (carol["due_on"], carol["overdue"]) == ("2026-11-30", False)  # a fortnight after joining


def test_review_all_never_writes(cli: Callable[..., Result], two_weeks: Path) -> None:
    before = snapshot(two_weeks)
    assert cli("review", "--all").exit_code == 0
    assert snapshot(two_weeks) == before


def test_the_demo_fits_in_120_lines_at_80_columns(run_process) -> None:
    result = run_process("demo", env={"COLUMNS": "80"})
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) <= 120, len(lines)
    assert max(len(line) for line in lines) <= 80
    assert "What went well" in result.stdout and "What to do next" in result.stdout
    assert "leadshift review --all" in " ".join(result.stdout.split())


def test_json_is_still_one_object(cli: Callable[..., Result], two_weeks: Path) -> None:
    assert isinstance(json.loads(cli("review", "--json").stdout), dict)
