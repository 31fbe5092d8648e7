"""`leadshift review`: the weekly report from a ledger built with the CLI, as JSON and on screen."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from leadshift.domain.wording import hours_text
from tests.conftest import TEAM_SET_UP_ON, TEAM_SETUP, TODAY, Result, snapshot
from tests.support.stores import copy_example

REVIEW_KEYS = {
    "week",
    "start",
    "end",
    "as_of",
    "logging_since",
    "leader",
    "records",
    "days_logged",
    "workday_hours",
    "hours",
    "client_share",
    "client_share_limit",
    "trend",
    "owned_clients",
    "attention",
    "one_on_ones",
    "escalations",
    "said_no",
    "findings",
    "client_share_of_logged",
    "pulled",
    "team_time_interrupted",
    "handoff_support_hours",
}


@pytest.fixture
def two_weeks(cli: Callable[..., Result], team: Path) -> Path:
    """Sam's W46 and W47 (today is Friday 2026-11-20), logged one command at a time."""
    for args in (
        ["log", "client", "acme", "3", "--date", "2026-11-10"],
        ["log", "lead", "coaching", "1", "--with", "alice", "--date", "2026-11-10"],
        ["log", "one-on-one", "alice", "held", "--date", "2026-11-10"],
        ["log", "one-on-one", "bob", "held", "--date", "2026-11-03"],
        ["log", "client", "acme", "5", "--date", "2026-11-16"],
        ["log", "client", "globex", "1", "--date", "2026-11-16"],
        ["log", "lead", "strategy", "2", "--date", "2026-11-16"],
        ["log", "one-on-one", "alice", "cancelled", "--because", "acme", "--date", "2026-11-17"],
        ["log", "client", "acme", "4", "--date", "2026-11-17"],
        ["log", "escalation", "bob", "--told", "--date", "2026-11-18"],
        ["log", "lead", "team", "1.5", "--date", "2026-11-18"],
    ):
        result = cli(*args)
        assert result.exit_code == 0, (args, result.stderr)
    return team


def review_json(cli: Callable[..., Result], *args: str) -> dict:
    result = cli("review", *args, "--json")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def test_json_figures_worked_out_by_hand(cli: Callable[..., Result], two_weeks: Path) -> None:
    data = review_json(cli, "--week", "2026-W47", "--weeks", "2")
    assert set(data) == REVIEW_KEYS
    assert (data["week"], data["start"], data["end"], data["as_of"]) == (
        "2026-W47",
        "2026-11-16",
        "2026-11-22",
        "2026-11-20",
    )
    # Client: acme 5 + 4, globex 1 = 10; leading: strategy 2, team 1.5 = 3.5.
    assert data["hours"] == {
        "total": 13.5,
        "client": 10.0,
        "leadership": 3.5,
        "by_client": {"acme": 9.0, "globex": 1.0},
        "by_activity": {"strategy": 2.0, "team": 1.5},
        "delivery": 10.0,
        "relationship": 0.0,
        "new_business": 0.0,
    }
    # Delivery over the workdays logged: 10 h in 3 days of 10 h. Of the 13.5 h logged it was 74%.
    assert data["client_share"] == round(10 / 30, 4) and data["client_share_limit"] == 0.4
    assert data["client_share_of_logged"] == round(10 / 13.5, 4)
    # W46: acme 3 h in 1 day (3 of 4 hours logged).
    assert [(t["week"], t["client_share"], t["client_share_of_logged"]) for t in data["trend"]] == [
        ("2026-W46", 0.3, 0.75),
        ("2026-W47", 0.3333, 0.7407),
    ]
    assert (data["pulled"], data["team_time_interrupted"]) == ([], [])
    assert [(c["key"], c["hours"], c["weekly_need"], c["quiet"]) for c in data["owned_clients"]] == [
        ("acme", 9.0, 6.0, False),
        ("initech", 0.0, 3.0, True),  # never worked in the 17 days logged since Nov 3
    ]
    ones = data["one_on_ones"]
    assert (ones["held"], ones["cancelled"], ones["interrupted"]) == (0, 1, 0)
    alice, bob = ones["by_teammate"]["alice"], ones["by_teammate"]["bob"]
    # Alice: held Nov 10, every 7 days -> due Nov 17, overdue by Friday Nov 20.
    assert (alice["cancelled"], alice["last_held"], alice["due_on"], alice["overdue"]) == (
        1,
        "2026-11-10",
        "2026-11-17",
        True,
    )
    # Bob: held Nov 3, every 14 days (the default) -> due Nov 17 too.
    assert (bob["held"], bob["last_held"], bob["overdue"], bob["escalations"], bob["asked_first"]) == (
        0,
        "2026-11-03",
        True,
        1,
        0,
    )
    codes = [f["code"] for f in data["findings"]]
    assert codes == [  # most severe first, then people first (findings.STEP_ORDER); 33%: within the limit
        "one-on-ones-cancelled-for-clients",
        "one-on-one-overdue",
        "one-on-one-overdue",
        "own-client-going-quiet",
        "client-over-need",
        "owned-clients-remain",
        "own-clients-favoured",
        "days-partly-logged",  # 13.5 h in 3 days: 4.5 h a day, so the 33% reads low
    ]
    assert all(set(f) == {"code", "severity", "message", "action"} for f in data["findings"])


def test_default_week_is_the_current_one(cli: Callable[..., Result], two_weeks: Path) -> None:
    assert review_json(cli)["week"] == "2026-W47"
    assert review_json(cli, "--date", "2026-11-10")["week"] == "2026-W46"


def test_the_view_at_80_columns_reads_without_colour(
    cli: Callable[..., Result], two_weeks: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    result = cli("review", "--week", "2026-W47", "--all")  # every step, the info ones too
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert max(len(line) for line in lines) <= 80
    assert "\x1b" not in result.stdout
    for heading in (
        "1. Fair to yourself",
        "2. Fair to your clients",
        "3. Fair to the other clients",
        "4. Fair to your team",
        "5. What you said yes to",
        "What to do next",
    ):
        assert any(line.startswith(heading) for line in lines), heading
    # Meaning is in words, not only in colour.
    assert "33% (within your 40% limit)" in result.stdout
    assert "overdue 3 d" in result.stdout
    assert "INFO" in result.stdout and "WARN" in result.stdout


def test_the_view_uses_colour_on_a_terminal(cli: Callable[..., Result], two_weeks: Path, monkeypatch) -> None:
    monkeypatch.delenv("NO_COLOR")
    monkeypatch.setenv("FORCE_COLOR", "1")
    result = cli("review", "--week", "2026-W47")
    assert "\x1b[32m33%" in result.stdout  # within the limit: green
    assert cli("log", "client", "acme", "3", "--date", "2026-11-18").exit_code == 0  # 13 h of 30: 43%
    assert "\x1b[31m43%" in cli("review", "--week", "2026-W47").stdout  # over it: red


def test_svg_and_html_exports(cli: Callable[..., Result], two_weeks: Path, tmp_path: Path) -> None:
    svg, html = tmp_path / "week.svg", tmp_path / "week.html"
    result = cli("review", "--week", "2026-W47", "--svg", str(svg), "--html", str(html))
    assert result.exit_code == 0, result.stderr
    assert result.stderr == f"Saved {svg}\nSaved {html}\n"  # stdout stays the report alone
    picture = svg.read_text()
    assert picture.startswith("<svg") and "Fair&#160;to&#160;yourself" in picture
    assert "@font-face" not in picture and "cdnjs" not in picture  # no web font: the report stays offline
    assert "Fair to yourself" in html.read_text() and "<html" in html.read_text()
    assert (svg.stat().st_mode & 0o777) == (html.stat().st_mode & 0o777) == 0o600


@pytest.mark.parametrize(
    ("where", "message"),
    [
        ("no/such/dir.svg", "does not exist; create it or choose another"),
        (".", "is a folder; give a file name"),
    ],
)
def test_exports_that_cannot_be_written_fail_before_any_output(
    cli: Callable[..., Result], two_weeks: Path, tmp_path: Path, where: str, message: str
) -> None:
    result = cli("review", "--svg", str(tmp_path / where))
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr.startswith("Error: --svg ") and message in result.stderr


@pytest.mark.parametrize("target", ["ledger.toml", "log/2026-11.toml", "review.html"])
def test_an_export_never_lands_in_the_ledger_folder(cli: Callable[..., Result], two_weeks: Path, target: str) -> None:
    before = snapshot(two_weeks)
    result = cli("review", "--html", str(two_weeks / target))
    assert (result.exit_code, result.stdout) == (1, "")
    assert "is inside the ledger folder; save the report somewhere else" in result.stderr
    assert snapshot(two_weeks) == before


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--json", "--svg", "x.svg"], "leave out --json"),
        (["--svg", "same", "--html", "same"], "name the same file"),
    ],
)
def test_export_usage_errors(cli: Callable[..., Result], two_weeks: Path, tmp_path, args, message) -> None:
    result = cli("review", *[str(tmp_path / a) if a in ("x.svg", "same") else a for a in args])
    assert (result.exit_code, result.stdout) == (2, "")
    assert message in result.stderr
    assert list(tmp_path.glob("*.svg")) == [] and not (tmp_path / "same").exists()


def test_a_week_that_has_not_started(cli: Callable[..., Result], two_weeks: Path) -> None:
    result = cli("review", "--week", "2026-W49")
    assert result.exit_code == 1
    assert result.stderr == (
        "Error: 2026-W49 has not started yet (today is 2026-11-20); choose this week or an earlier one.\n"
    )


def test_teammates_but_no_clients(cli: Callable[..., Result]) -> None:
    for args in (["init", "--name", "Sam"], ["teammate", "add", "al", "--name", "Al"], ["log", "lead", "admin", "2"]):
        assert cli(*args).exit_code == 0
    result = cli("review")
    assert "No clients yet: add them with `leadshift client add" in result.stdout
    assert "your team owns them all" not in result.stdout


def test_an_empty_week_says_so(cli: Callable[..., Result], two_weeks: Path) -> None:
    result = cli("review", "--week", "2026-W40")
    assert result.exit_code == 0
    assert "Nothing logged for 2026-W40" in result.stdout and "leadshift log" in result.stdout
    assert "1. Fair to yourself" not in result.stdout


def test_a_ledger_without_team_or_clients_says_what_to_add(cli: Callable[..., Result]) -> None:
    assert cli("init", "--name", "Sam").exit_code == 0
    result = cli("review")
    assert result.exit_code == 0
    assert "no teammates or clients yet" in result.stdout and "leadshift teammate add" in result.stdout


def test_review_never_writes(cli: Callable[..., Result], two_weeks: Path) -> None:
    before = snapshot(two_weeks)
    assert cli("review").exit_code == 0 and cli("review", "--json").exit_code == 0
    assert snapshot(two_weeks) == before


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["--week", "2026-47"], 2, "'2026-47' is not a week"),
        (["--week", "2026-W60"], 2, "year 2026 has no week 60"),
        (["--date", "next week"], 2, "'next week' is not a date"),
        (["--week", "2026-W47", "--date", "today"], 2, "give --week or --date, not both"),
        (["--weeks", "0"], 2, "--weeks"),
        (["--weeks", "many"], 2, "--weeks"),
    ],
)
def test_bad_input(cli: Callable[..., Result], two_weeks: Path, args: list[str], code: int, message: str) -> None:
    before = snapshot(two_weeks)
    result = cli("review", *args)
    assert result.exit_code == code
    assert message in result.stderr
    assert snapshot(two_weeks) == before


def test_no_ledger(cli: Callable[..., Result]) -> None:
    result = cli("review")
    assert result.exit_code == 1 and "no ledger at" in result.stderr


def test_hostile_names_print_literally(cli: Callable[..., Result], two_weeks: Path) -> None:
    assert cli("client", "edit", "acme", "--name", "[red]Acme[/red] \x1b[2J\u202e").exit_code == 0
    result = cli("review", "--week", "2026-W47")
    assert result.exit_code == 0
    assert "[red]Acme[/red] \\x1b[2J\\u202e" in result.stdout
    assert "\x1b" not in result.stdout and "\u202e" not in result.stdout


# -- one way to show a figure -------------------------------------------------------------


@pytest.fixture
def six_hour_days(cli: Callable[..., Result], ledger_home: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The `team` ledger with a 6 h workday; in W47, 12.75 h over two days on Acme and Initech, Sam's own clients."""
    monkeypatch.setenv("LEADSHIFT_TODAY", TEAM_SET_UP_ON)
    for args in ([*TEAM_SETUP[0], "--workday-hours", "6"], *TEAM_SETUP[1:]):
        assert cli(*args).exit_code == 0, args
    monkeypatch.setenv("LEADSHIFT_TODAY", TODAY)
    for args in (["acme", "10.25", "--date", "2026-11-16"], ["initech", "2.5", "--date", "2026-11-17"]):
        assert cli("log", "client", *args).exit_code == 0, args
    return ledger_home


def test_a_figure_is_written_alike_in_its_section_and_in_its_finding(
    cli: Callable[..., Result], six_hour_days: Path
) -> None:
    result = cli("review", "--week", "2026-W47", "--all")
    assert result.exit_code == 0, result.stderr
    text = " ".join(result.stdout.split())  # findings wrap
    # 12.75 h over 2 days is 6.375 h a day; over 2 own clients, 6.375 h each.
    assert "12.75 h over 2 days: 6.38 h a day (workday 6 h)" in text
    assert "You logged 6.38 h a day over 2 days; your workday is 6 h." in text
    assert "Your hours per own client: 6.38 h. Per client your team owns: 0 h." in text
    assert "Your own clients got 6.38 h each from you this week; the clients your team owns got 0 h each." in text
    assert "0.0 h" not in result.stdout


def test_every_hours_figure_of_the_example_reviews_is_written_one_way(
    cli: Callable[..., Result], tmp_path: Path
) -> None:
    copy_example(tmp_path / "example")
    for week in range(41, 47):
        result = cli("--ledger", str(tmp_path / "example"), "review", "--week", f"2026-W{week}")
        assert result.exit_code == 0, result.stderr
        figures = re.findall(r"(\d+(?:\.\d+)?) h\b", result.stdout)
        assert figures, week
        for figure in figures:  # at most two decimals, no trailing zero: never 0.0 h, never 9.20 h
            assert figure == hours_text(float(figure)), (week, figure)


def test_json_keeps_full_precision_and_the_severity_of_the_figure_shown(cli: Callable[..., Result], team: Path) -> None:
    assert cli("log", "client", "acme", "5.48", "--date", "2026-11-16").exit_code == 0
    assert cli("log", "lead", "strategy", "4.52", "--date", "2026-11-16").exit_code == 0
    data = review_json(cli, "--week", "2026-W47")
    assert data["client_share"] == 0.548  # 54.8%, shown as 55%: 15 points over the 40% limit
    finding = next(f for f in data["findings"] if f["code"] == "client-share-over-limit")
    assert finding["severity"] == "alert"
    assert finding["message"] == (
        "Client delivery took 55% of your workdays this week: 5.48 h in 1 day of 10 h; your limit is 40%."
    )
    assert "ALERT Client delivery took 55%" in cli("review", "--week", "2026-W47").stdout


def test_a_share_shown_as_the_limit_reads_within_it(cli: Callable[..., Result], team: Path) -> None:
    assert cli("log", "client", "acme", "4.04", "--date", "2026-11-16").exit_code == 0
    assert cli("log", "lead", "strategy", "5.96", "--date", "2026-11-16").exit_code == 0
    result = cli("review", "--week", "2026-W47")
    assert "of 1 workday of 10 h: 40% (within your 40% limit)" in result.stdout  # 40.4%
    assert "over limit" not in result.stdout and "Client delivery took" not in result.stdout
    assert "leading displaced" not in cli("check", "--week", "2026-W47").stdout


def test_a_client_shown_at_its_need_is_served(cli: Callable[..., Result], team: Path) -> None:
    assert cli("log", "client", "acme", "5.999", "--date", "2026-11-16").exit_code == 0
    result = cli("review", "--week", "2026-W47")
    acme = next(line for line in result.stdout.splitlines() if line.startswith("Acme Ltd"))
    assert "6 / 6 h" in acme and "served" in acme
