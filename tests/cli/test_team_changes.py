"""A team that changes, through the command line: who joined when, who left, and what they leave behind."""

from __future__ import annotations

import json
from pathlib import Path

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
