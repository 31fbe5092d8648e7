"""`handoff plan | status | advance | cancel` as a user types them."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest
from rich.console import Console

from leadshift.handoff.plan import plan_handoff
from leadshift.render.handoff import plan_view
from tests.conftest import snapshot
from tests.support.stores import copy_example

PLAN_KEYS = {
    *("start", "assignments", "unassigned", "candidates", "load", "frees_hours_per_week", "done_by"),
    *("per_week", "skipped_weeks"),
}
ASSIGNMENT_KEYS = {"client", "teammate", "score", "reasons", "stages", "frees_hours_per_week", "starts_week"}
STAGES = ["prepare", "introduce", "co-lead", "lead", "check-ins"]


@pytest.fixture
def umbrella(cli, team: Path) -> Path:
    """The `team` ledger plus a client nobody on the team can serve."""
    assert cli("client", "add", "umbrella", "--name", "Umbrella", "--needs", "mandarin").exit_code == 0
    return team


def plan_json(cli, *args: str) -> dict:  # type: ignore[no-untyped-def]
    result = cli("handoff", "plan", "--json", *args)
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def test_plan_json_has_exactly_the_documented_keys(cli, umbrella: Path) -> None:
    data = plan_json(cli)
    assert set(data) == PLAN_KEYS
    assert data["start"] == "2026-11-23"  # today is Friday 2026-11-20: the plan starts next Monday
    assert all(set(a) == ASSIGNMENT_KEYS for a in data["assignments"])
    assert all(set(s) == {"stage", "start", "end"} for a in data["assignments"] for s in a["stages"])
    assert data["unassigned"] == [
        {
            "client": "umbrella",
            "reason": "nobody fits: no teammate has mandarin as a skill or growth goal, or backs it",
        }
    ]
    assert data["candidates"] == {
        "acme": {"alice": 10, "bob": None},
        "initech": {"alice": 1, "bob": 2},
        "umbrella": {"alice": None, "bob": None},
    }
    assert data["load"] == {
        "alice": {"capacity": 30.0, "before": 8.0, "after": 14.0},
        "bob": {"capacity": 20.0, "before": 0.0, "after": 3.0},
    }
    assert (data["frees_hours_per_week"], data["done_by"]) == (9.0, "2027-01-03")


def test_plan_json_assignments_in_full(cli, team: Path) -> None:
    acme = plan_json(cli, "--start", "2026-12-01")["assignments"][0]
    assert acme == {
        "client": "acme",
        "teammate": "alice",
        "score": 10,
        "reasons": ["already backs Acme Ltd", "matches negotiation", "has 22 of 30 h a week spare"],
        "stages": [
            {"stage": "prepare", "start": "2026-12-01", "end": "2026-12-07"},
            {"stage": "introduce", "start": "2026-12-08", "end": "2026-12-14"},
            {"stage": "co-lead", "start": "2026-12-15", "end": "2026-12-28"},
            {"stage": "lead", "start": "2026-12-29", "end": "2027-01-11"},
            {"stage": "check-ins", "start": "2027-01-12", "end": "2027-03-08"},
        ],
        "frees_hours_per_week": 6.0,
        "starts_week": "2026-W49",
    }


def test_the_plan_on_screen_fits_80_columns(cli, umbrella: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    before = snapshot(umbrella)
    result = cli("handoff", "plan")
    assert result.exit_code == 0
    out = result.stdout
    assert out.startswith(
        "Handoff plan from Monday 2026-11-23: 2 clients to 2 teammates, freeing 9 h a\n"
        "week of your time by 2027-01-03. 1 client not handed over (see below).\n"
    )
    for heading in (
        "Who takes over what",
        "Not handed over",
        "Week by week",
        "The stages",
        "Load (client hours a week)",
    ):
        assert f"\n{heading}" in out
    assert re.search(r"acme → alice +P  I  C  C  L  L  ✓", out)
    assert re.search(r"Alice Martin +30 +8 +14 +█+▒+·+", out)
    assert max(len(line) for line in out.splitlines()) <= 80
    assert "\x1b" not in out  # NO_COLOR: meaning is in letters and bars, not colour
    assert "leadshift handoff plan --save" in out
    assert snapshot(umbrella) == before  # without --save, nothing is written


def test_the_example_plan_hands_every_client_to_its_obvious_fit(tmp_path: Path) -> None:
    ledger = copy_example(tmp_path / "copy").load()
    plan = plan_handoff(ledger, date(2026, 11, 23))
    assert {a.client: a.teammate for a in plan.assignments} == {
        "northwind": "priya",
        "helix": "lena",
        "kestrel": "tomas",
        "brightpath": "marcus",
        "harbor-vine": "aiko",
    }
    console = Console(width=80, record=True, color_system=None)
    console.print(plan_view(plan))
    shown = console.export_text()
    assert max(len(line) for line in shown.splitlines()) <= 80
    words = set(shown.split())
    for assignment in plan.assignments:  # reasons wrap at words but are never cropped
        assert set("; ".join(assignment.reasons).split()) <= words, assignment.reasons


def test_hostile_names_print_literally(cli, team: Path) -> None:
    hostile = "Acme [red]x[/] \x1b[2J"
    assert cli("client", "edit", "acme", "--name", hostile).exit_code == 0
    assert cli("teammate", "edit", "alice", "--name", "[bold]Alice[/bold]").exit_code == 0
    out = cli("handoff", "plan").stdout
    assert "Acme [red]x[/] \\x1b[2J" in out and "[bold]Alice[/bold]" in out
    assert "\x1b" not in out
    cli("handoff", "plan", "--save")
    status = cli("handoff", "status").stdout
    assert "[bold]Alice[/bold]" in status and "\x1b" not in status
    assert json.loads(cli("handoff", "plan", "--json").stdout)["assignments"][0]["reasons"][1] == (
        f"already backs {hostile}"
    )


# -- save, status, advance, cancel ------------------------------------------------------------


def test_save_then_status_then_advance_until_the_teammate_owns_the_client(cli, team: Path) -> None:
    saved = cli("handoff", "plan", "--save")
    assert saved.exit_code == 0
    assert "Saved 2 handoffs." in saved.stdout
    status = json.loads(cli("handoff", "status", "--json").stdout)
    assert status == [
        {"client": "acme", "teammate": "alice", "stage": "prepare", "next_stage_on": "2026-11-30", "done": False},
        {"client": "initech", "teammate": "bob", "stage": "prepare", "next_stage_on": "2026-11-30", "done": False},
    ]
    for finished, now in zip(STAGES, STAGES[1:4], strict=False):
        result = cli("handoff", "advance", "acme", "--date", "2026-11-20", "--yes")
        assert result.exit_code == 0, result.stderr
        assert result.stdout.startswith(f"acme: {finished} done on 2026-11-20. Now {now}, planned until ")
    last = cli("handoff", "advance", "acme", "--yes")
    assert last.exit_code == 0
    assert last.stdout.startswith(
        "acme: lead done on 2026-11-20. Alice Martin now owns Acme Ltd; 6 h a week of yours are free.\n"
        "Check-ins until 2027-01-15:\n"
    )
    acme = json.loads(cli("client", "list", "--json").stdout)[0]
    assert (acme["owner"], acme["backed_by"]) == ("alice", [])
    status = json.loads(cli("handoff", "status", "--json").stdout)
    assert status[0] == {
        "client": "acme",
        "teammate": "alice",
        "stage": "check-ins",
        "next_stage_on": None,
        "done": True,
    }
    assert "done" in cli("handoff", "status").stdout


def test_status_tells_waiting_from_late(cli, team: Path, monkeypatch) -> None:
    assert cli("handoff", "plan", "--save", "--start", "2026-11-30").exit_code == 0
    waiting = cli("handoff", "status").stdout
    assert "starts 2026-11-30" in waiting
    assert "None has started yet: the first starts on 2026-11-30." in waiting and "What to do now" not in waiting
    monkeypatch.setenv("LEADSHIFT_TODAY", "2026-12-09")  # prepare ran to Dec 6: three days late
    late = cli("handoff", "status").stdout
    assert "late 3 days" in late and "What to do now" in late and "prepare (acme, initech)" in late


def test_replanning_keeps_what_is_saved(cli, team: Path) -> None:
    cli("handoff", "plan", "--save")
    cli("handoff", "advance", "acme", "--yes")
    before = snapshot(team)
    again = cli("handoff", "plan", "--save")
    assert again.exit_code == 0
    assert "Nothing new to save: the handoffs above were saved already." in again.stdout
    assert snapshot(team) == before
    data = plan_json(cli)
    assert data["assignments"][0]["reasons"][0] == "saved handoff, at the introduce stage"
    assert data["load"]["alice"]["after"] == 14.0


def test_a_new_client_after_saving_is_planned_around_the_saved_ones(cli, team: Path) -> None:
    cli("handoff", "plan", "--save")
    cli("client", "add", "hooli", "--name", "Hooli", "--needs", "analytics", "--weekly-hours", "2")
    data = plan_json(cli, "--save")
    hooli = next(a for a in data["assignments"] if a["client"] == "hooli")
    assert hooli["teammate"] == "alice"
    assert hooli["stages"][0]["start"] == "2026-12-07"  # two weeks after alice's acme handoff started
    assert [s["client"] for s in json.loads(cli("handoff", "status", "--json").stdout)] == ["acme", "hooli", "initech"]


def test_cancel_stops_following_and_the_client_stays_yours(cli, team: Path) -> None:
    cli("handoff", "plan", "--save")
    result = cli("handoff", "cancel", "initech", "--yes")
    assert result.exit_code == 0
    assert result.stdout == (
        "Stopped following the handoff of initech to bob (it was at the prepare stage); initech stays yours.\n"
    )
    assert [s["client"] for s in json.loads(cli("handoff", "status", "--json").stdout)] == ["acme"]
    assert json.loads(cli("client", "list", "--json").stdout)[2]["owner"] == "me"


def test_status_with_nothing_saved(cli, team: Path) -> None:
    assert cli("handoff", "status").stdout == (
        "No saved handoffs. See the plan with `leadshift handoff plan`, then save it with --save.\n"
    )
    assert cli("handoff", "status", "--json").stdout == "[]\n"


# -- nothing to do, and errors that change nothing --------------------------------------------


def test_nothing_to_hand_over_is_good_news(cli, team: Path) -> None:
    cli("client", "edit", "acme", "--owner", "alice", "--backed-by", "")
    cli("client", "edit", "initech", "--owner", "bob")
    result = cli("handoff", "plan")
    assert (result.exit_code, result.stdout) == (
        0,
        "Nothing to hand over: your team serves every client. Congratulations!\n",
    )
    data = plan_json(cli)
    assert (data["assignments"], data["unassigned"], data["candidates"], data["done_by"]) == ([], [], {}, None)


def test_no_clients_yet_says_how_to_add_them(cli, ledger_home: Path) -> None:
    cli("init", "--name", "Sam")
    result = cli("handoff", "plan")
    assert result.exit_code == 0
    assert result.stdout.startswith("No clients yet, so nothing to hand over. Add the ones you serve: ")


def _refused(cli, home: Path, args: list[str], code: int, message: str) -> None:  # type: ignore[no-untyped-def]
    before = snapshot(home)
    result = cli(*args)
    assert (result.exit_code, result.stderr) == (code, f"Error: {message}\n")
    assert result.stdout == ""
    assert snapshot(home) == before


def test_clients_but_no_teammates(cli, ledger_home: Path) -> None:
    cli("init", "--name", "Sam")
    cli("client", "add", "acme", "--name", "Acme")
    for args in (["handoff", "plan"], ["handoff", "plan", "--save"], ["handoff", "plan", "--json"]):
        _refused(
            cli,
            ledger_home,
            args,
            1,
            "no teammates to hand your 1 client(s) to: add the people you lead first "
            "(`leadshift teammate add KEY --name NAME --skills a,b --growing c`).",
        )


def test_a_start_that_is_not_a_date(cli, team: Path) -> None:
    _refused(
        cli,
        team,
        ["handoff", "plan", "--save", "--start", "next monday"],
        2,
        "'next monday' is not a date: use YYYY-MM-DD (for example 2026-11-20), 'today' or 'yesterday'.",
    )


def test_advancing_what_cannot_be_advanced(cli, team: Path) -> None:
    _refused(
        cli,
        team,
        ["handoff", "advance", "acme"],
        1,
        "no saved handoff for acme: plan one with `leadshift handoff plan --save` "
        "(`leadshift handoff status` lists the saved ones).",
    )
    cli("handoff", "plan", "--save")
    _refused(
        cli,
        team,
        ["handoff", "advance", "acmee"],
        1,
        "no client 'acmee'. Did you mean 'acme'? Known clients: acme, globex, initech.",
    )
    _refused(
        cli,
        team,
        ["handoff", "advance", "acme", "--date", "2026-11-21"],
        1,
        "2026-11-21 is in the future; leadshift logs what happened (today is 2026-11-20).",
    )
    _refused(
        cli,
        team,
        ["handoff", "advance", "acme", "--date", "2026-13-01"],
        2,
        "'2026-13-01' is not a date: use YYYY-MM-DD (for example 2026-11-20), 'today' or 'yesterday'.",
    )
    for _ in range(4):
        cli("handoff", "advance", "acme", "--yes")
    _refused(
        cli,
        team,
        ["handoff", "advance", "acme"],
        1,
        "the handoff of acme to alice is done: alice owns it. Stay on the map with check-ins until 2027-01-15; "
        "`leadshift handoff cancel acme` stops following it.",
    )


def test_a_saved_handoff_protects_its_teammate_and_client(cli, team: Path) -> None:
    cli("handoff", "plan", "--save")
    _refused(
        cli,
        team,
        ["teammate", "remove", "bob"],
        1,
        "bob is named in the saved handoff of initech; stop following it first "
        "(`leadshift handoff cancel initech`), then remove bob.",
    )
    _refused(
        cli,
        team,
        ["client", "remove", "initech"],
        1,
        "initech has a saved handoff to bob; stop following it first (`leadshift handoff cancel initech`), "
        "then remove initech.",
    )
    _refused(
        cli,
        team,
        ["client", "edit", "initech", "--owner", "alice"],
        1,
        "client 'initech' is being handed over to 'bob' (stage prepare), so it stays yours until that is done; "
        "finish it (`leadshift handoff advance initech`) or cancel it (`leadshift handoff cancel initech`) first.",
    )
    _refused(
        cli,
        team,
        ["handoff", "cancel", "globex"],
        1,
        "no saved handoff for globex: alice serves it, not you; only your own clients are handed over.",
    )


def test_every_handoff_command_has_help(cli) -> None:
    listing = cli("handoff", "--help").stdout
    for command in ("plan", "status", "advance", "cancel"):
        assert command in listing
        assert cli("handoff", command, "--help").exit_code == 0
