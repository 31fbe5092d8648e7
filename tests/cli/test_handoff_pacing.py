"""`handoff plan --per-week N --skip WEEKS` and `profile --holidays WEEKS`, as a user types them."""

from __future__ import annotations

import json
import tomllib
from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from leadshift.handoff.plan import plan_handoff
from tests.conftest import snapshot
from tests.support.stores import copy_example


def plan_json(cli, *args: str) -> dict:  # type: ignore[no-untyped-def]
    result = cli("handoff", "plan", "--json", *args)
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def started(data: dict) -> dict[str, str]:
    return {a["client"]: a["starts_week"] for a in data["assignments"]}


def test_two_a_week_by_default_one_with_per_week_1(cli, team: Path) -> None:
    data = plan_json(cli)
    assert (started(data), data["per_week"], data["skipped_weeks"]) == (
        {"acme": "2026-W48", "initech": "2026-W48"},
        2,
        [],
    )
    one = plan_json(cli, "--per-week", "1")
    # Acme frees 6 h of yours, Initech 3: Acme first.
    assert (started(one), one["per_week"]) == ({"acme": "2026-W48", "initech": "2026-W49"}, 1)
    initech = next(a for a in one["assignments"] if a["client"] == "initech")
    assert initech["stages"][0] == {"stage": "prepare", "start": "2026-11-30", "end": "2026-12-06"}


def test_skipped_weeks_hold_no_start_and_are_listed(cli, team: Path) -> None:
    data = plan_json(cli, "--skip", "2026-W49, 2026-w48")
    assert started(data) == {"acme": "2026-W50", "initech": "2026-W50"}
    assert data["skipped_weeks"] == ["2026-W48", "2026-W49"]
    out = cli("handoff", "plan", "--skip", "2026-W49").stdout
    assert "No stage starts in 2026-W49 (--skip, holidays)" in " ".join(out.split())


def test_holidays_in_the_profile_are_skipped_by_every_plan(cli, team: Path) -> None:
    result = cli("profile", "--holidays", "2026-W49,2026-W48")
    assert result.stdout == "Profile: holidays 2026-W48, 2026-W49 (was none)\n"
    assert json.loads(cli("profile", "--json").stdout)["holidays"] == ["2026-W48", "2026-W49"]
    data = plan_json(cli, "--skip", "2026-W50")
    assert started(data) == {"acme": "2026-W51", "initech": "2026-W51"}
    assert data["skipped_weeks"] == ["2026-W48", "2026-W49", "2026-W50"]
    assert cli("profile", "--holidays", "").stdout == "Profile: holidays none (was 2026-W48, 2026-W49)\n"
    assert started(plan_json(cli)) == {"acme": "2026-W48", "initech": "2026-W48"}


def test_save_keeps_the_staggered_dates(cli, team: Path) -> None:
    assert cli("handoff", "plan", "--save", "--per-week", "1", "--skip", "2026-W49").exit_code == 0
    saved = tomllib.loads((team / "ledger.toml").read_text())["handoffs"]
    assert {c: h["stages"][0]["start"] for c, h in saved.items()} == {
        "acme": date(2026, 11, 23),
        "initech": date(2026, 12, 7),  # W48 is Acme's, W49 skipped
    }
    # Acme's introduce waits out the skipped week.
    assert saved["acme"]["stages"][1]["start"] == date(2026, 12, 7)
    statuses = json.loads(cli("handoff", "status", "--json").stdout)
    assert [s["next_stage_on"] for s in statuses] == ["2026-12-07", "2026-12-14"]


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["handoff", "plan", "--save", "--per-week", "0"], 1, "at least one handoff must start in a week, got '0'"),
        (["handoff", "plan", "--save", "--per-week", "two"], 2, "'two' is not a number of handoffs a week"),
        (["handoff", "plan", "--save", "--skip", "2026-W54"], 2, "'2026-W54' is not a week: year 2026 has no week 54."),
        (["handoff", "plan", "--save", "--skip", "W52"], 2, "'W52' is not a week: use YYYY-Www, for example 2026-W47."),
        (["profile", "--holidays", "2025-W53"], 2, "'2025-W53' is not a week: year 2025 has no week 53."),
        (["profile", "--holidays", "2026-W52,christmas"], 2, "'christmas' is not a week: use YYYY-Www"),
    ],
)
def test_bad_pacing_is_one_line_and_changes_nothing(cli, team: Path, args: list[str], code: int, message: str) -> None:
    before = snapshot(team)
    result = cli(*args)
    assert result.exit_code == code
    assert result.stderr.startswith(f"Error: {message}") and result.stderr.count("\n") == 1
    assert result.stdout == ""
    assert snapshot(team) == before


def test_a_holiday_hand_edited_into_the_ledger_is_checked(cli, team: Path) -> None:
    ledger = team / "ledger.toml"
    ledger.write_text(
        ledger.read_text().replace('week_starts = "monday"', 'week_starts = "monday"\nholidays = ["2026-W60"]')
    )
    result = cli("handoff", "plan")
    assert result.exit_code != 0
    assert "2026-W60 is not a week: year 2026 has no week 60" in result.stderr


def test_the_demo_plan_starts_at_most_two_handoffs_a_week(cli, tmp_path: Path) -> None:
    plan = plan_handoff(copy_example(tmp_path / "copy").load(), date(2026, 11, 16))
    weeks = Counter(a.starts for a in plan.assignments)
    assert len(plan.assignments) == 5 and max(weeks.values()) == 2
    demo = cli("demo").stdout
    assert "At most 2 handoffs start in a week (--per-week)." in " ".join(demo.split())
