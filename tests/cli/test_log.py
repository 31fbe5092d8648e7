"""Logging a day with the subcommands, and reading it back with show."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import snapshot


def _show_json(cli, *args: str) -> list[dict]:  # type: ignore[no-untyped-def]
    result = cli("show", "--json", *args)
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def test_a_logged_day_reads_back_exactly(cli, team: Path) -> None:
    assert cli("log", "client", "acme", "2h30", "--note", "renewal deck").exit_code == 0
    assert cli("log", "lead", "coaching", "1", "--with", "alice").exit_code == 0
    assert cli("log", "one-on-one", "bob", "cancelled", "--because", "acme").exit_code == 0
    assert cli("log", "escalation", "alice", "--asked", "--date", "yesterday").exit_code == 0
    assert cli("log", "lead", "strategy", "45m", "--date", "2026-11-19").exit_code == 0

    today = _show_json(cli)
    assert [{k: v for k, v in r.items() if k != "id"} for r in today] == [
        {
            "type": "hours",
            "date": "2026-11-20",
            "hours": 2.5,
            "client": "acme",
            "activity": None,
            "teammate": None,
            "note": "renewal deck",
            "work": "delivery",  # the default, left out of the file
            "interrupted_by": None,
        },
        {
            "type": "hours",
            "date": "2026-11-20",
            "hours": 1.0,
            "client": None,
            "activity": "coaching",
            "teammate": "alice",
            "note": "",
            "work": None,
            "interrupted_by": None,
        },
        {
            "type": "one-on-one",
            "date": "2026-11-20",
            "teammate": "bob",
            "status": "cancelled",
            "because": "acme",
            "note": "",
        },
    ]
    assert all(len(r["id"]) == 8 for r in today)
    week = _show_json(cli, "--week", "2026-W47")
    assert [(r["date"], r["type"]) for r in week] == [
        ("2026-11-19", "escalation"),
        ("2026-11-19", "hours"),
        ("2026-11-20", "hours"),
        ("2026-11-20", "hours"),
        ("2026-11-20", "one-on-one"),
    ]
    assert week[0]["asked_first"] is True
    assert _show_json(cli, "--date", "2026-11-18") == []


def test_log_reports_the_day_and_its_client_share(cli, team: Path) -> None:
    cli("log", "lead", "team", "3")
    result = cli("log", "client", "acme", "1")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].startswith("Logged ") and lines[0].endswith(" 2026-11-20 client work acme, 1 h")
    # Delivery over the whole workday, as the review counts it: 1 h of 10 h, not 1 h of the 4 h logged.
    assert lines[1] == "2026-11-20: 4 h logged; client delivery 1 h, 10% of your 10 h workday (your limit 40%)."


def test_the_receipt_judges_the_share_it_shows(cli, team: Path, monkeypatch) -> None:
    monkeypatch.delenv("NO_COLOR")
    monkeypatch.setenv("FORCE_COLOR", "1")
    cli("log", "lead", "team", "5.96")
    result = cli("log", "client", "acme", "4.04")  # 40.4% of the 10 h workday: shown as 40%, the limit itself
    assert "\x1b[32mclient delivery 4.04 h, 40%" in result.stdout  # within the limit: green
    result = cli("log", "client", "initech", "0.01")  # 40.5%: shown as 41%, over it
    assert "\x1b[31mclient delivery 4.05 h, 41%" in result.stdout


def test_keys_are_case_insensitive(cli, team: Path) -> None:
    assert cli("log", "client", "ACME", "1").exit_code == 0
    assert _show_json(cli)[0]["client"] == "acme"


def test_records_go_to_the_file_of_their_month(cli, team: Path) -> None:
    cli("log", "client", "acme", "1", "--date", "2026-10-31")
    cli("log", "client", "acme", "1", "--date", "2026-11-01")
    assert sorted(p.name for p in (team / "log").iterdir()) == ["2026-10.toml", "2026-11.toml"]
    assert "date = 2026-10-31" in (team / "log" / "2026-10.toml").read_text()


BAD_INPUT = [
    (
        ["log", "client", "acne", "1"],
        1,
        "Error: no client 'acne'. Did you mean 'acme'? Known clients: acme, globex, initech.",
    ),
    (["log", "lead", "coaching", "1", "--with", "alica"], 1, "Did you mean 'alice'?"),
    (["log", "one-on-one", "carol", "held"], 1, "Known teammates: alice, bob."),
    (["log", "one-on-one", "bob", "cancelled", "--because", "nobody"], 1, "no client 'nobody'"),
    (["log", "client", "acme", "abc"], 2, "'abc' is not a number of hours"),
    (["log", "client", "acme", "-3"], 1, "hours must be more than 0"),
    (["log", "client", "acme", "0"], 1, "hours must be more than 0"),
    (["log", "client", "acme", "1h90"], 2, "'1h90' is not a number of hours"),
    (["log", "client", "acme", "nan"], 2, "is not a number of hours"),
    (["log", "client", "acme", "30"], 1, "more than a day holds"),
    (["log", "client", "acme", "1", "--date", ""], 2, "'' is not a date"),
    (["--ledger", "", "log", "client", "acme", "1"], 2, "--ledger needs a directory"),
    (["log", "client", "acme", "1", "--date", "2026-02-30"], 2, "'2026-02-30' is not a date"),
    (["log", "client", "acme", "1", "--date", "20/11/2026"], 2, "use YYYY-MM-DD"),
    (["log", "lead", "golf", "1"], 2, "'golf' is not a leadership activity. Choose one of: one-on-one, coaching,"),
    (["log", "lead", "coachng", "1"], 2, "'coachng' is not a leadership activity. Did you mean 'coaching'?"),
    (
        ["log", "one-on-one", "bob", "skipped"],
        2,
        "'skipped' is not a 1:1 status. Choose one of: held, cancelled, interrupted.",
    ),
    (["log", "one-on-one", "bob", "held", "--because", "acme"], 2, "--because is for a cancelled or interrupted 1:1"),
    (["log", "escalation", "bob"], 2, "say how you answered with one of --asked"),
    (["log", "escalation", "bob", "--asked", "--told"], 2, "give --asked or --told, not both"),
    (["init", "--name", "Sam again"], 1, "a ledger already exists"),
    (["show", "--week", "2026-47"], 2, "use YYYY-Www"),
    (["show", "--week", "2026-W60"], 2, "2026 has no week 60"),
    (["show", "--date", "today", "--week", "2026-W47"], 2, "not both"),
    (["teammate", "add", "alice", "--name", "Another Alice"], 1, "a teammate with key 'alice' already exists"),
    (["teammate", "add", "Bad Key", "--name", "X"], 1, "cannot be a key"),
    (["teammate", "add", "me", "--name", "X"], 1, "'me' means you"),
    (
        ["teammate", "add", "carol", "--name", "Carol", "--capacity-hours", "-5"],
        1,
        "--capacity-hours: input should be greater than or equal to 0",
    ),
    (["teammate", "add", "carol", "--name", "Carol", "--one-on-one-every", "0"], 1, "--one-on-one-every"),
    (["teammate", "add", "carol", "--name", ""], 1, "--name"),
    (["teammate", "edit", "alice"], 2, "nothing to change"),
    (["teammate", "edit", "zed", "--role", "x"], 1, "no teammate 'zed'"),
    (["client", "add", "acme", "--name", "Acme again"], 1, "a client with key 'acme' already exists"),
    (
        ["client", "add", "hooli", "--name", "Hooli", "--weight", "7"],
        1,
        "--weight: input should be less than or equal to 5",
    ),
    (
        ["client", "add", "hooli", "--name", "Hooli", "--weight", "0"],
        1,
        "--weight: input should be greater than or equal to 1",
    ),
    (["client", "add", "hooli", "--name", "Hooli", "--owner", "zed"], 1, "no teammate 'zed'"),
    (["client", "add", "hooli", "--name", "Hooli", "--backed-by", "alice,zed"], 1, "no teammate 'zed'"),
    (["client", "add", "hooli", "--name", "Hooli", "--weekly-hours", "-1"], 1, "--weekly-hours"),
    (["client", "edit", "acme", "--weight", "9"], 1, "--weight"),
    (["client", "remove", "nope"], 1, "no client 'nope'"),
    (["remove", "zz"], 2, "too short"),
    (["remove", "abcdef12"], 1, "no record with id 'abcdef12'"),
]


@pytest.mark.parametrize(("args", "code", "message"), BAD_INPUT, ids=[" ".join(a) for a, _, _ in BAD_INPUT])
def test_bad_input_is_refused_in_one_line_and_changes_nothing(cli, team: Path, args, code, message) -> None:
    cli("log", "client", "acme", "1")
    before = snapshot(team)
    result = cli(*args)
    assert result.exit_code == code, result.stderr
    assert message in result.stderr
    assert result.stdout == ""
    if code == 1 or not message.startswith("Invalid value"):
        assert result.stderr.startswith("Error: ") and result.stderr.count("\n") == 1
    assert snapshot(team) == before


def test_a_day_over_24_hours_is_refused(cli, team: Path) -> None:
    assert cli("log", "client", "acme", "20").exit_code == 0
    before = snapshot(team)
    result = cli("log", "lead", "team", "5")
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: 2026-11-20 would have 25 hours logged, more than 24")
    assert snapshot(team) == before
    assert cli("log", "lead", "team", "4").exit_code == 0  # exactly 24 is a (long) day


def test_log_without_subcommand_off_a_terminal_prints_usage_and_exits_2(cli, team: Path) -> None:
    before = snapshot(team)
    result = cli("log")
    assert result.exit_code == 2
    assert result.stderr.startswith("Usage: leadshift log [OPTIONS] COMMAND [ARGS]...")
    assert "the walkthrough needs a terminal" in result.stderr
    assert snapshot(team) == before


def test_a_real_process_off_a_terminal_also_exits_2(run_process, team: Path) -> None:
    result = run_process("log")
    assert result.returncode == 2
    assert "Usage: leadshift log" in result.stderr


def test_a_record_in_the_future_is_refused(cli, team: Path) -> None:
    before = snapshot(team)
    result = cli("log", "one-on-one", "bob", "held", "--date", "2062-11-17")
    assert result.exit_code == 1
    assert result.stderr == "Error: 2062-11-17 is in the future; leadshift logs what happened (today is 2026-11-20).\n"
    assert snapshot(team) == before


def test_a_garbled_pinned_today_is_an_error_not_a_traceback(cli, team: Path, monkeypatch) -> None:
    monkeypatch.setenv("LEADSHIFT_TODAY", "garbage")
    result = cli("show")
    assert result.exit_code == 2
    assert result.stderr == "Error: LEADSHIFT_TODAY must be a date like 2026-11-20, got 'garbage'.\n"


# -- a day's 1:1s, checked like the walkthrough's day -----------------------------------------


def _logged_id(result) -> str:  # type: ignore[no-untyped-def]
    assert result.exit_code == 0, result.stderr
    return result.stdout.split()[1]  # "Logged ID DATE ..."


def test_a_second_held_one_on_one_the_same_day_is_refused_unless_again(cli, team: Path) -> None:
    held = _logged_id(cli("log", "one-on-one", "bob", "held", "--date", "2026-11-18"))
    before = snapshot(team)
    twice = cli("log", "one-on-one", "bob", "held", "--date", "2026-11-18")
    assert (twice.exit_code, twice.stdout) == (1, "")
    assert twice.stderr == (
        f"Error: already a held 1:1 with Bob Chen on 2026-11-18 (id {held}); use --again if you really met twice, "
        f"or `leadshift remove {held}`.\n"
    )
    assert snapshot(team) == before
    met_again = cli("log", "one-on-one", "bob", "held", "--date", "2026-11-18", "--again")
    assert (met_again.exit_code, met_again.stdout.count("\n")) == (0, 1)  # the record, and no warning
    assert cli("log", "one-on-one", "bob", "held", "--date", "2026-11-19").exit_code == 0  # another day
    assert cli("log", "one-on-one", "alice", "held", "--date", "2026-11-18").exit_code == 0  # someone else
    shown = _show_json(cli, "--week", "2026-W47")
    assert [(r["date"], r["teammate"]) for r in shown] == [
        ("2026-11-18", "bob"),
        ("2026-11-18", "bob"),
        ("2026-11-18", "alice"),
        ("2026-11-19", "bob"),
    ]


def test_held_and_cancelled_the_same_day_are_both_saved_with_a_warning(cli, team: Path) -> None:
    cancelled = _logged_id(cli("log", "one-on-one", "bob", "cancelled", "--because", "ac", "--date", "2026-11-18"))
    held = cli("log", "one-on-one", "bob", "held", "--date", "2026-11-18")
    assert held.exit_code == 0, held.stderr
    logged, warning = held.stdout.splitlines()
    assert logged == f"Logged {_logged_id(held)} 2026-11-18 1:1 with bob held"
    assert warning == (
        f"Note: a 1:1 with Bob Chen on 2026-11-18 is also logged as cancelled (id {cancelled}); "
        f"if that one is wrong, `leadshift remove {cancelled}`."
    )
    interrupted = cli("log", "one-on-one", "bob", "interrupted", "--date", "2026-11-18")
    assert "is also logged as" in interrupted.stdout
    assert [r["status"] for r in _show_json(cli, "--date", "2026-11-18")] == ["cancelled", "held", "interrupted"]
