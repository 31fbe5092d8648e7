"""A team that changes, through the command line: who joined when, who left, and what they leave behind."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import snapshot


def review_of(cli, *args: str) -> dict:
    result = cli("review", "--json", *args)
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


# -- joining ------------------------------------------------------------------------


def test_a_teammate_added_with_the_day_they_joined_is_not_late_for_their_first_one_on_one(cli, team: Path) -> None:
    assert cli("teammate", "add", "raj", "--name", "Raj Patel", "--joined", "2026-11-16").exit_code == 0
    assert cli("teammate", "add", "kim", "--name", "Kim Ito").exit_code == 0
    listed = {t["key"]: t for t in json.loads(cli("teammate", "list", "--json").stdout)}
    assert (listed["raj"]["joined"], listed["raj"]["left"]) == ("2026-11-16", None)
    assert (listed["kim"]["joined"], listed["kim"]["left"]) == (None, None)
    team_week = review_of(cli)["one_on_ones"]["by_teammate"]
    # Sam was promoted on 2026-10-05; both have the default 14-day cadence and no 1:1 yet.
    assert (team_week["raj"]["due_on"], team_week["raj"]["overdue"]) == ("2026-11-30", False)
    assert (team_week["kim"]["due_on"], team_week["kim"]["overdue"]) == ("2026-10-19", True)


def test_the_day_someone_joined_cannot_be_in_the_future(cli, team: Path) -> None:
    before = snapshot(team)
    result = cli("teammate", "add", "raj", "--name", "Raj Patel", "--joined", "2026-11-21")
    assert result.exit_code == 1
    assert result.stderr == (
        "Error: 2026-11-21 is in the future; leadshift logs what happened (today is 2026-11-20).\n"
    )
    result = cli("teammate", "add", "raj", "--name", "Raj Patel", "--joined", "last week")
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: 'last week' is not a date: use YYYY-MM-DD")
    assert snapshot(team) == before


# -- leaving --------------------------------------------------------------------------


def test_a_teammate_who_leaves_keeps_their_history(cli, team: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert cli("log", "one-on-one", "bob", "held", "--date", "2026-11-16").exit_code == 0
    result = cli("teammate", "leave", "bob", "--on", "2026-11-18")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == (
        "Bob Chen left the team on 2026-11-18; their records stay in the ledger. 1 teammate on the team now.\n"
    )
    assert [r["teammate"] for r in json.loads(cli("show", "--week", "2026-W47", "--json").stdout)] == ["bob"]
    assert cli("doctor").exit_code == 0
    assert list(review_of(cli, "--week", "2026-W46")["one_on_ones"]["by_teammate"]) == ["alice", "bob"]
    week_left = review_of(cli)["one_on_ones"]["by_teammate"]  # W47: his 1:1 on Monday is his row's
    assert (list(week_left), week_left["bob"]["held"], week_left["bob"]["due_on"]) == (["alice", "bob"], 1, None)
    monkeypatch.setenv("LEADSHIFT_TODAY", "2026-11-27")
    assert list(review_of(cli)["one_on_ones"]["by_teammate"]) == ["alice"]  # W48: gone


def test_leave_json_is_the_teammate_as_listed(cli, team: Path) -> None:
    data = json.loads(cli("teammate", "leave", "BOB", "--json").stdout)  # --on defaults to today
    assert data == {
        "key": "bob",
        "name": "Bob Chen",
        "role": "",
        "skills": ["support"],
        "growing": [],
        "capacity_hours": 20.0,
        "one_on_one_every": 14,
        "joined": None,
        "left": "2026-11-20",
        "emails": [],
    }


def test_teammate_list_shows_the_team_and_list_all_those_who_left_too(cli, team: Path) -> None:
    cli("teammate", "leave", "bob", "--on", "2026-11-18")
    assert [t["key"] for t in json.loads(cli("teammate", "list", "--json").stdout)] == ["alice"]
    listed = json.loads(cli("teammate", "list", "--all", "--json").stdout)
    assert [(t["key"], t["left"]) for t in listed] == [("alice", None), ("bob", "2026-11-18")]
    current = cli("teammate", "list").stdout
    assert "Bob Chen" not in current
    assert current.splitlines()[0].rstrip() == "Team (1 who left not listed: --all lists them)"
    everyone = cli("teammate", "list", "--all").stdout.splitlines()
    assert everyone[0].rstrip() == "Team"
    rows = [line.split() for line in everyone if line.lstrip().startswith(("alice", "bob"))]
    assert [row[1:3] for row in rows] == [["Alice", "Martin"], ["Bob", "Chen"]]
    assert " ".join(rows[1][3:6]) == "(left 2026-11-18) support"


def test_when_everyone_left_the_list_says_how_to_see_them(cli, team: Path) -> None:
    cli("client", "edit", "globex", "--owner", "me")
    cli("client", "edit", "acme", "--backed-by", "")
    for key in ("alice", "bob"):
        assert cli("teammate", "leave", key).exit_code == 0, key
    assert (
        cli("teammate", "list").stdout
        == "No one on the team now; `leadshift teammate list --all` lists the 2 who left.\n"
    )


def test_leaving_before_records_that_name_them_is_refused(cli, team: Path) -> None:
    cli("log", "one-on-one", "bob", "held", "--date", "2026-11-19")
    assert refused(cli, team, "teammate", "leave", "bob", "--on", "2026-11-17") == (
        "Error: Bob Chen appears in 1 record after 2026-11-17, the last on 2026-11-19; give the day they left "
        "with --on 2026-11-19 or later, or remove those records first.\n"
    )
    assert cli("teammate", "leave", "bob", "--on", "2026-11-19").exit_code == 0  # their last day


# -- what a leave refuses, changing nothing ---------------------------------------------------


def refused(cli, home: Path, *args: str) -> str:
    before = snapshot(home)
    result = cli(*args)
    assert result.exit_code == 1, result
    assert result.stderr.count("\n") == 1
    assert snapshot(home) == before
    return result.stderr


def test_leave_is_refused_while_they_own_back_or_take_over_a_client(cli, team: Path) -> None:
    assert cli("handoff", "plan", "--save").exit_code == 0  # Acme to Alice, Initech to Bob
    assert refused(cli, team, "teammate", "leave", "alice") == (
        "Error: Alice Martin still owns globex, backs acme and has a handoff of acme under way; first give it to "
        "someone else (`leadshift client edit globex --owner KEY`, or `--owner me`), drop alice from the backers of "
        "acme (`leadshift client edit acme --backed-by ...`) and cancel the handoff (`leadshift handoff cancel "
        "acme`), then `leadshift teammate leave alice`.\n"
    )
    assert refused(cli, team, "teammate", "leave", "bob") == (
        "Error: Bob Chen still has a handoff of initech under way; first cancel the handoff (`leadshift handoff "
        "cancel initech`), then `leadshift teammate leave bob`.\n"
    )


def test_leave_is_refused_twice_in_the_future_before_joining_and_for_nobody(cli, team: Path) -> None:
    cli("teammate", "add", "raj", "--name", "Raj Patel", "--joined", "2026-11-09")
    cli("teammate", "leave", "bob", "--on", "2026-11-18")
    assert refused(cli, team, "teammate", "leave", "bob") == (
        "Error: Bob Chen already left the team on 2026-11-18; nothing to change.\n"
    )
    assert refused(cli, team, "teammate", "leave", "raj", "--on", "2026-11-21") == (
        "Error: 2026-11-21 is in the future; leadshift logs what happened (today is 2026-11-20).\n"
    )
    assert refused(cli, team, "teammate", "leave", "raj", "--on", "2026-11-08") == (
        "Error: Raj Patel joined on 2026-11-09, after 2026-11-08; give the day they left with --on.\n"
    )
    assert refused(cli, team, "teammate", "leave", "rja").startswith("Error: no teammate 'rja'. Did you mean 'raj'?")


def test_nothing_dated_after_someone_left_can_name_them(cli, team: Path) -> None:
    cli("teammate", "leave", "bob", "--on", "2026-11-18")
    message = (
        "Error: Bob Chen left the team on 2026-11-18; nothing after that day can name them: name someone on the "
        "team, or the day it happened (--date).\n"
    )
    for args in (
        ["log", "one-on-one", "bob", "held"],
        ["log", "escalation", "bob", "--told", "--date", "2026-11-19"],
        ["log", "lead", "coaching", "1", "--with", "bob"],
        ["yes", "acme", "Deck tonight", "--no", "one-on-one", "--with", "bob", "--cancel-one-on-one"],
    ):
        assert refused(cli, team, *args) == message, args
    # Their last day is still theirs.
    assert cli("log", "one-on-one", "bob", "held", "--date", "2026-11-18").exit_code == 0


def test_no_client_can_be_given_to_someone_who_left(cli, team: Path) -> None:
    cli("teammate", "leave", "bob", "--on", "2026-11-18")
    assert refused(cli, team, "client", "edit", "initech", "--owner", "bob") == (
        "Error: client 'initech' is owned by 'bob', who left the team on 2026-11-18; give it to someone on the team "
        "(`leadshift client edit initech --owner KEY`, or `--owner me`).\n"
    )
    plan = json.loads(cli("handoff", "plan", "--json").stdout)
    assert {key for scores in plan["candidates"].values() for key in scores} == {"alice"}


def test_nothing_before_someone_joined_can_name_them(cli, team: Path) -> None:
    assert cli("teammate", "add", "nia", "--name", "Nia Park", "--joined", "2026-11-18").exit_code == 0
    assert refused(cli, team, "log", "one-on-one", "nia", "held", "--date", "2026-11-17") == (
        "Error: Nia Park joined the team on 2026-11-18; nothing before that day can name them: check the day it "
        "happened (--date), or their joining day (`leadshift edit ledger`).\n"
    )
    assert cli("log", "one-on-one", "nia", "held", "--date", "2026-11-18").exit_code == 0  # their first day
