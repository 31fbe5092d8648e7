"""`leadshift prep TEAMMATE`, through the command line as a new user would run it."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import Result, snapshot
from tests.support.stores import copy_example

# What Sam promised Alice, and what got in her way: written as `action add` and `obstacle add` will write them.
PROMISES = """
[actions.0000000a]
teammate = "alice"
text = "Send the training plan"
opened = 2026-11-16
due = 2026-11-18

[actions.0000000b]
teammate = "alice"
text = "Draft the Globex renewal"
opened = 2026-11-16
owner = "them"

[obstacles.0000000c]
teammate = "alice"
text = "Discount approvals take a week"
opened = 2026-11-09
"""


@pytest.fixture
def two_weeks(cli: Callable[..., Result], team: Path) -> Path:
    """Alice's fortnight: a held 1:1, one lost to Acme, problems brought, a yes her time paid for."""
    for args in (
        ["log", "one-on-one", "alice", "cancelled", "--because", "acme", "--date", "2026-11-10"],
        ["log", "one-on-one", "alice", "held", "--date", "2026-11-11"],
        ["log", "one-on-one", "alice", "interrupted", "--because", "acme", "--date", "2026-11-17"],
        ["log", "escalation", "alice", "--told", "--date", "2026-11-16"],
        ["log", "escalation", "alice", "--asked", "--date", "2026-11-18"],
        ["yes", "acme", "A rush pricing deck", "--urgent", "--no", "team", "--with", "alice", "--date", "2026-11-19"],
        ["log", "lead", "coaching", "1.5", "--with", "alice", "--date", "2026-11-03"],
        ["log", "lead", "coaching", "1", "--with", "alice", "--date", "2026-11-19"],
    ):
        result = cli(*args)
        assert result.exit_code == 0, (args, result.stderr)
    with (team / "ledger.toml").open("a") as book:
        book.write(PROMISES)
    return team


def test_the_json_brief_holds_every_figure(cli: Callable[..., Result], two_weeks: Path) -> None:
    result = cli("prep", "alice", "--json")
    assert result.exit_code == 0, result.stderr
    brief = json.loads(result.stdout)
    assert brief["teammate"] == {"key": "alice", "name": "Alice Martin", "left": None}
    assert (brief["last_held"], brief["next_due"]) == ("2026-11-11", "2026-11-18")  # weekly 1:1s
    assert brief["lost_since"] == [
        {"date": "2026-11-17", "status": "interrupted", "because": {"key": "acme", "name": "Acme Ltd"}}
    ]
    assert brief["actions"]["mine"] == [
        {
            "id": "0000000a",
            "text": "Send the training plan",
            "due": "2026-11-18",
            "opened": "2026-11-16",
            "overdue": True,
        }
    ]
    assert [a["id"] for a in brief["actions"]["theirs"]] == ["0000000b"]
    assert brief["obstacles"] == [
        {"id": "0000000c", "text": "Discount approvals take a week", "opened": "2026-11-09", "age_days": 11}
    ]
    assert brief["escalations"] == [
        {"date": "2026-11-16", "asked_first": False},
        {"date": "2026-11-18", "asked_first": True},
    ]
    assert brief["cost_by_yes"] == [
        {"date": "2026-11-19", "client": "acme", "request": "A rush pricing deck", "said_no": "team"}
    ]
    assert brief["accounts"] == [
        {"client": "globex", "role": "owner", "handoff_stage": None, "asks_of_you": None},
        {"client": "acme", "role": "backer", "handoff_stage": None, "asks_of_you": None},
    ]
    assert brief["growth"]["growth_accounts"] == ["globex"]
    assert brief["coaching_hours_4w"] == 2.5  # Nov 3 and Nov 19: both within the 28 days up to Nov 20
    assert brief["questions"][0].startswith("I let Acme Ltd take our 1:1 on 2026-11-17")
    assert len(brief["questions"]) == 3


def test_items_carry_forward_until_done(cli: Callable[..., Result], two_weeks: Path) -> None:
    book = two_weeks / "ledger.toml"
    book.write_text(
        book.read_text().replace(
            "opened = 2026-11-16\ndue = 2026-11-18", "opened = 2026-11-16\ndue = 2026-11-18\ndone = 2026-11-19"
        )
    )
    brief = json.loads(cli("prep", "alice", "--json").stdout)
    assert brief["actions"]["mine"] == []
    assert [a["id"] for a in brief["actions"]["theirs"]] == ["0000000b"]  # still open, still listed


def test_the_screen_fits_80_columns(
    cli: Callable[..., Result], two_weeks: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    result = cli("prep", "ali")  # a key's start is enough
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "Before your 1:1 with Alice Martin (alice), Fri 20 Nov 2026"
    assert max(len(line) for line in lines) <= 80
    text = "\n".join(line.rstrip() for line in lines)
    assert "last held 2026-11-11; next due 2026-11-18 (2 days overdue)" in text
    assert "• 0000000a Send the training plan (due 2026-11-18, overdue)" in text
    assert "Discount approvals take a week (open 11 days)" in text
    assert "2026-11-16 you answered; 2026-11-18 you asked first" in text


def test_the_example_brief_is_one_screen(
    cli: Callable[..., Result], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    copy_example(tmp_path / "example")
    monkeypatch.setenv("COLUMNS", "80")
    monkeypatch.setenv("LEADSHIFT_TODAY", "2026-11-13")
    for teammate in ("priya", "marcus", "lena", "tomas", "aiko"):
        result = cli("--ledger", str(tmp_path / "example"), "prep", teammate)
        assert result.exit_code == 0, result.stderr
        lines = result.stdout.splitlines()
        assert len(lines) < 40 and max(len(line) for line in lines) <= 80, (teammate, result.stdout)


def test_an_unknown_teammate_is_one_line_naming_the_keys(cli: Callable[..., Result], two_weeks: Path) -> None:
    before = snapshot(two_weeks)
    result = cli("prep", "zoe")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == "Error: no teammate 'zoe'. Known teammates: alice, bob.\n"
    assert snapshot(two_weeks) == before


def test_prep_writes_nothing(cli: Callable[..., Result], two_weeks: Path) -> None:
    before = snapshot(two_weeks)
    assert cli("prep", "alice").exit_code == 0
    assert cli("prep", "bob", "--json").exit_code == 0
    assert snapshot(two_weeks) == before


def test_someone_who_left_still_has_a_brief_that_says_so(cli: Callable[..., Result], two_weeks: Path) -> None:
    assert cli("teammate", "leave", "bob", "--on", "2026-11-12").exit_code == 0
    result = cli("prep", "bob")
    assert result.exit_code == 0, result.stderr
    assert "Bob Chen left the team on 2026-11-12: this is their history; no 1:1 is due." in result.stdout
    assert "Ask" not in result.stdout
    brief = json.loads(cli("prep", "bob", "--json").stdout)
    assert brief["teammate"]["left"] == "2026-11-12"
    assert brief["next_due"] is None and brief["questions"] == []


def test_a_last_1_1_months_ago_is_read_from_the_day_after_it(cli: Callable[..., Result], team: Path) -> None:
    # Months before the last four weeks are read as digests at first: the brief reads them whole when it needs them.
    for args in (
        ["log", "one-on-one", "bob", "held", "--date", "2026-09-14"],
        ["log", "escalation", "bob", "--told", "--date", "2026-09-21"],
        ["log", "one-on-one", "bob", "cancelled", "--date", "2026-09-28"],
    ):
        assert cli(*args).exit_code == 0, args
    brief = json.loads(cli("prep", "bob", "--json").stdout)
    assert brief["last_held"] == "2026-09-14"
    assert brief["escalations"] == [{"date": "2026-09-21", "asked_first": False}]
    assert brief["lost_since"] == [{"date": "2026-09-28", "status": "cancelled", "because": None}]


def test_names_are_shown_literally(cli: Callable[..., Result], two_weeks: Path) -> None:
    hostile = "Acme [red]x[/] \x1b[2J"
    assert cli("client", "edit", "acme", "--name", hostile).exit_code == 0
    result = cli("prep", "alice")
    assert "\x1b" not in result.stdout
    assert "Acme [red]x[/] \\x1b[2J" in result.stdout  # in the lost 1:1, the yes and the first question
    assert result.stdout.count("Acme [red]x[/]") >= 3
