"""`leadshift yes` and `leadshift check` as a user types them; the pick list on a real terminal."""

from __future__ import annotations

import json
import os
import re
import sys
from datetime import date
from pathlib import Path

import pexpect
import pytest
from rich.text import Text

from leadshift.cli.yes import ask_what_no, choices
from leadshift.storage.store import Store
from tests.conftest import snapshot

# The `team` fixture: Alice (weekly 1:1s) and Bob (fortnightly); Acme and Initech are Sam's, Globex is Alice's.
# Today is Friday 2026-11-20; this week, 2026-W47, runs from Monday 16 to Sunday 22.


def _ids(output: str) -> list[str]:
    return re.findall(r"^Logged ([0-9a-f]{8}) ", output, re.MULTILINE)


def _check(cli, *args: str) -> dict:  # type: ignore[no-untyped-def]
    result = cli("check", "--json", *args)
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def _on_track(cli) -> None:  # type: ignore[no-untyped-def]
    """Both 1:1s held last Friday: Alice's next is due today, Bob's on the 27th; nothing overdue."""
    for teammate in ("alice", "bob"):
        assert cli("log", "one-on-one", teammate, "held", "--date", "2026-11-13").exit_code == 0


def test_trade_offs_recorded_with_flags_appear_in_check_json_exactly(cli, team: Path) -> None:
    _on_track(cli)
    acme = cli("yes", "acme", "Renewal deck tonight", "--urgent", "--no", "team", "--note", "skipped the retro")
    initech = cli("yes", "initech", "Extra usage report", "--no", "strat", "--date", "yesterday")
    globex = cli("yes", "globex", "Join the kick-off call", "--no", "nothing")
    assert [r.exit_code for r in (acme, initech, globex)] == [0, 0, 0]
    assert (
        acme.stdout
        == f"Logged {_ids(acme.stdout)[0]} 2026-11-20 yes to acme: Renewal deck tonight (urgent); no to team\n"
    )
    (acme_id,), (initech_id,), (globex_id,) = _ids(acme.stdout), _ids(initech.stdout), _ids(globex.stdout)

    assert _check(cli) == {
        "start": "2026-11-16",
        "end": "2026-11-22",
        "said_no": [
            {
                "id": initech_id,
                "date": "2026-11-19",
                "client": "initech",
                "request": "Extra usage report",
                "urgent": False,
                "said_no": "strategy",
                "teammate": None,
                "note": "",
            },
            {
                "id": acme_id,
                "date": "2026-11-20",
                "client": "acme",
                "request": "Renewal deck tonight",
                "urgent": True,
                "said_no": "team",
                "teammate": None,
                "note": "skipped the retro",
            },
            {
                "id": globex_id,
                "date": "2026-11-20",
                "client": "globex",
                "request": "Join the kick-off call",
                "urgent": False,
                "said_no": "nothing",
                "teammate": None,
                "note": "",
            },
        ],
        "implied": [],
        "by_client": [
            {"client": "acme", "requests": 1, "urgent": 1, "urgent_share": 1.0, "internal_costs": 1},
            {"client": "initech", "requests": 1, "urgent": 0, "urgent_share": 0.0, "internal_costs": 1},
            {"client": "globex", "requests": 1, "urgent": 0, "urgent_share": 0.0, "internal_costs": 0},
        ],
        "by_teammate": [],
        "patterns": [
            {
                "code": "costliest-client",
                "severity": "info",
                "message": "Acme Ltd and Initech cost the team most, 1 internal cost each.",
                "action": "Before the next yes to Acme Ltd and Initech, name what it displaces, and ask whether a teammate could take it.",
                "subjects": ["acme", "initech"],
            }
        ],
    }


def test_the_implied_list_matches_one_on_one_records_and_cadences_by_hand(cli, team: Path) -> None:
    cli("log", "one-on-one", "alice", "held", "--date", "2026-11-05")  # weekly: due 12th, 8 days late on the 20th
    # Week 46, so not in this week's report:
    cli("log", "one-on-one", "alice", "cancelled", "--because", "acme", "--date", "2026-11-12")
    interrupted = cli("log", "one-on-one", "bob", "interrupted", "--because", "initech", "--date", "2026-11-18")
    cli("log", "one-on-one", "bob", "cancelled", "--date", "2026-11-19")  # no client named: not a yes
    cli("log", "client", "acme", "6", "--date", "2026-11-18")
    cli("log", "lead", "coaching", "2", "--date", "2026-11-18")  # 6 h of delivery; 40% of a 10 h day = 4: 2 displaced
    bob_id = re.search(r"Logged ([0-9a-f]{8})", interrupted.stdout).group(1)  # type: ignore[union-attr]
    assert _check(cli)["implied"] == [
        {
            "kind": "one-on-one-interrupted",
            "id": bob_id,
            "date": "2026-11-18",
            "teammate": "bob",
            "client": "initech",
            "trade_off": None,
        },
        {
            "kind": "one-on-one-overdue",
            "teammate": "alice",
            "last_held": "2026-11-05",
            "due_on": "2026-11-12",
            "days_overdue": 8,
            "as_of": "2026-11-20",
        },
        {  # never held: due a fortnight after Sam's promotion on 5 Oct
            "kind": "one-on-one-overdue",
            "teammate": "bob",
            "last_held": None,
            "due_on": "2026-10-19",
            "days_overdue": 32,
            "as_of": "2026-11-20",
        },
        {
            "kind": "leadership-displaced",
            "hours": 2.0,
            "client_hours": 6.0,
            "total_hours": 8.0,
            "limit": 0.4,
            "delivery_hours": 6.0,
            "workday_hours": 10.0,
            "days_logged": 1,
        },
    ]
    # Week 46, looked at afterwards: overdue as of its Sunday, the 15th (Alice due 12th: 3 days late).
    week46 = _check(cli, "--week", "2026-W46")
    assert [(i["kind"], i.get("days_overdue")) for i in week46["implied"]] == [
        ("one-on-one-cancelled", None),
        ("one-on-one-overdue", 3),
        ("one-on-one-overdue", 27),  # Bob: 19 Oct to 15 Nov
    ]
    since = _check(cli, "--since", "2026-11-10")
    assert (since["start"], since["end"]) == ("2026-11-10", "2026-11-20")
    assert [i["kind"] for i in since["implied"]][:2] == ["one-on-one-cancelled", "one-on-one-interrupted"]


def test_cancel_one_on_one_writes_both_records_in_one_save_and_counts_once(cli, team: Path) -> None:
    _on_track(cli)  # the month file exists already, so one save leaves exactly one backup of it
    backups = lambda: len(list((team / "backups").glob("log-2026-11.toml.*")))  # noqa: E731
    before = backups()
    result = cli(
        "yes", "acme", "Fire drill", "--urgent", "--no", "one-on-one", "--with", "Alice", "--cancel-one-on-one"
    )
    assert result.exit_code == 0, result.stderr
    trade_off, one_on_one = _ids(result.stdout)
    assert result.stdout == (
        f"Logged {trade_off} 2026-11-20 yes to acme: Fire drill (urgent); no to one-on-one with alice\n"
        f"Logged {one_on_one} 2026-11-20 1:1 with alice cancelled for acme\n"
    )
    assert backups() == before + 1

    shown = json.loads(cli("show", "--json").stdout)
    assert sorted((r["type"], r["id"], r.get("status"), r.get("because")) for r in shown) == [
        ("one-on-one", one_on_one, "cancelled", "acme"),
        ("trade-off", trade_off, None, None),
    ]
    report = _check(cli)
    assert report["implied"] == [
        {
            "kind": "one-on-one-cancelled",
            "id": one_on_one,
            "date": "2026-11-20",
            "teammate": "alice",
            "client": "acme",
            "trade_off": trade_off,
        }
    ]
    # One no, not two: the cancelled record is the trade-off's own 1:1.
    assert report["by_teammate"] == [
        {
            "teammate": "alice",
            "given_up": 1,
            "trade_offs": 1,
            "one_on_ones_cancelled": 1,
            "one_on_ones_interrupted": 0,
            "weeks": 1,
        }
    ]
    assert report["by_client"][0]["internal_costs"] == 1

    again = cli("yes", "acme", "Second fire", "--no", "one-on-one", "--with", "alice", "--cancel-one-on-one")
    assert again.exit_code == 0
    assert len(_ids(again.stdout)) == 1
    assert (
        f"The 1:1 with alice on 2026-11-20 was already logged ({one_on_one}, cancelled); not logged twice."
        in again.stdout
    )


def test_yes_without_no_and_without_a_terminal_changes_nothing(cli, team: Path, run_process) -> None:  # type: ignore[no-untyped-def]
    before = snapshot(team)
    result = cli("yes", "acme", "Board deck", "--urgent")
    assert result.exit_code == 2
    assert result.stderr == (
        "Error: name what this yes displaces with --no KIND (one-on-one, interview, team, strategy, learning, "
        "personal, other, nothing); leadshift can only ask on a terminal. Nothing was written.\n"
    )
    process = run_process("yes", "acme", "Board deck")  # a real process, stdin from /dev/null
    assert process.returncode == 2 and "--no KIND" in process.stderr and process.stdout == ""
    assert snapshot(team) == before


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (
            ["yes", "acme", "x", "--no", "tem"],
            2,
            "'tem' is not a kind of no. Did you mean 'team'? Choose one of: one-on-one, interview, team, strategy, learning, personal, other, nothing.",
        ),
        (
            ["yes", "acmee", "x", "--no", "team"],
            1,
            "no client 'acmee'. Did you mean 'acme'? Known clients: acme, globex, initech.",
        ),
        (
            ["yes", "acme", "x", "--no", "one-on-one", "--with", "alicia"],
            1,
            "no teammate 'alicia'. Did you mean 'alice'? Known teammates: alice, bob.",
        ),
        (["yes", "acme", "x", "--no", "one-on-one"], 2, "a no to a 1:1 needs --with TEAMMATE: whose 1:1 was it?"),
        (
            ["yes", "acme", "x", "--no", "nothing", "--with", "bob"],
            2,
            "--with names the teammate whose time was given up, but a yes that displaces nothing costs nobody; leave --with out.",
        ),
        (
            ["yes", "acme", "x", "--no", "team", "--cancel-one-on-one"],
            2,
            "--cancel-one-on-one goes with a no to a 1:1: --no one-on-one --with TEAMMATE.",
        ),
        (
            ["yes", "acme", "x", "--no", "team", "--date", "20/11/2026"],
            2,
            "'20/11/2026' is not a date: use YYYY-MM-DD (for example 2026-11-20), 'today' or 'yesterday'.",
        ),
        (
            ["yes", "acme", "x", "--no", "team", "--date", "2026-11-21"],
            1,
            "2026-11-21 is in the future; leadshift logs what happened (today is 2026-11-20).",
        ),
        (["yes", "acme", "  ", "--no", "team"], 2, "REQUEST is empty: say in a few words what the client asked for."),
        (
            ["yes", "acme", "x" * 501, "--no", "team"],
            1,
            "REQUEST has 501 characters; keep it to 500, the rest can go in --note.",
        ),
        (["check", "--week", "2026-W47", "--since", "2026-11-16"], 2, "give --week or --since, not both."),
        (["check", "--week", "2026-W54"], 2, "'2026-W54' is not a week: year 2026 has no week 54."),
        (
            ["check", "--since", "2026-11-21"],
            1,
            "--since 2026-11-21 is after today (2026-11-20); choose a day up to today.",
        ),
        (
            ["check", "--week", "2026-W49"],
            1,
            "2026-W49 has not started yet (today is 2026-11-20); choose this week or an earlier one.",
        ),
        (["yes", "acme", "x", "--no", "o"], 2, "'o' could be one-on-one or other; type a few more letters."),
    ],
)
def test_bad_input_is_one_line_and_changes_nothing(cli, team: Path, args: list[str], code: int, message: str) -> None:
    before = snapshot(team)
    result = cli(*args)
    assert (result.exit_code, result.stderr) == (code, f"Error: {message}\n")
    assert result.stdout == ""
    assert snapshot(team) == before


def test_an_empty_week_says_so_plainly(cli, team: Path) -> None:
    _on_track(cli)
    result = cli("check")
    assert result.exit_code == 0
    assert [line.rstrip() for line in result.stdout.splitlines()] == [
        "What you said no to, week 2026-W47 (2026-11-16 to 2026-11-22)",
        "Nothing was said no to from 2026-11-16 to 2026-11-22, and nothing was displaced.",
        "What it adds up to",
        "• No yes to a client was recorded, and nothing inside the team was displaced from 2026-11-16 to",
        "  2026-11-22: no 1:1 lost or overdue (no hours were logged, so the time budget is not counted).",
    ]


def test_the_default_week_follows_the_profile(cli, ledger_home: Path) -> None:
    assert cli("init", "--name", "Sam", "--week-starts", "sunday").exit_code == 0
    report = _check(cli)
    assert (report["start"], report["end"]) == ("2026-11-15", "2026-11-21")  # Sunday to Saturday around Friday 20th


def test_the_view_fits_80_columns_and_shows_ledger_text_literally(cli, team: Path, run_process) -> None:  # type: ignore[no-untyped-def]
    _on_track(cli)
    cli("yes", "acme", "[bold]Now[/bold] \x1b[31mplease", "--urgent", "--no", "one-on-one", "--with", "bob")
    cli("yes", "acme", "Again", "--urgent", "--no", "learning")
    result = run_process("check", env={"COLUMNS": "80", "NO_COLOR": "1"})
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert max(len(line) for line in out.splitlines()) <= 80
    assert "[bold]Now[/bold]" in out and "\\x1b[31mplease" in out and "\x1b" not in out
    assert "1:1 with bob" in out
    assert "! Acme Ltd called 2 of its 2 requests urgent (100%)" in out
    assert "→ Push back before the next urgent ask: ask Acme Ltd how these requests serve" in out


# -- the pick list -------------------------------------------------------------


class Script:
    """Answers questions from a list and keeps what was said."""

    def __init__(self, answers: list[str], confirm: bool = False) -> None:
        self.answers = list(answers)
        self.said: list[str] = []
        self.confirmed = confirm

    def ask(self, question: Text, default: str) -> str:
        return self.answers.pop(0)

    def confirm(self, question: Text | str, default: bool) -> bool:
        return self.confirmed

    def say(self, message: Text | str) -> None:
        self.said.append(message.plain if isinstance(message, Text) else message)


def test_the_pick_list_offers_the_one_on_ones_due_within_a_week_then_every_other_kind(cli, team: Path) -> None:
    cli("log", "one-on-one", "alice", "held", "--date", "2026-11-13")  # weekly: due today
    ledger = Store(team).load()
    assert [c.label.plain for c in choices(ledger, date(2026, 11, 20))] == [
        "1:1 with Bob Chen, overdue since 2026-10-19 (none held yet)",  # promoted Oct 5, every 14 days
        "1:1 with Alice Martin, due today",
        "an interview with a candidate",
        "a team meeting",
        "strategy time",
        "learning time",
        "personal time",
        "something else inside the team",
        "nothing: this yes displaces nothing",
    ]
    cli("log", "one-on-one", "bob", "held", "--date", "2026-11-06")  # fortnightly: due the 20th
    cli("log", "one-on-one", "alice", "held", "--date", "2026-11-18")  # due the 25th, inside the week
    assert [c.label.plain for c in choices(Store(team).load(), date(2026, 11, 17))][:3] == [
        "1:1 with Alice Martin, due 2026-11-20",  # counted from the 13th: the 18th is after the 17th
        "1:1 with Bob Chen, due 2026-11-20",
        "an interview with a candidate",
    ]
    cli("log", "one-on-one", "bob", "held", "--date", "2026-11-20")  # due Dec 4th: outside the week
    assert [c.label.plain for c in choices(Store(team).load(), date(2026, 11, 20))][:2] == [
        "1:1 with Alice Martin, due 2026-11-25",
        "a 1:1 with someone else (you name them)",
    ]


def test_picking_asks_again_until_an_answer_fits(team: Path) -> None:
    ledger = Store(team).load()
    # Neither has had a 1:1: Alice is line 1, Bob line 2, which --with alice contradicts;
    # "0" and "" are not lines; "personal" cannot go with --with; "stratgy" is close to strategy.
    script = Script(["2", "0", "", "personal", "stratgy", "strategy"])
    assert ask_what_no(script, ledger, date(2026, 11, 20), "alice", False) == ("strategy", "alice")
    assert script.said[0] == "What are you saying no to?"
    assert script.said[10:] == [
        "that is bob's 1:1, but --with names alice; pick again.",
        "'0' is not on the list: type a number from 1 to 9 or a name, like 'alice'.",
        "nothing picked: type a number from 1 to 9 or a name, like 'alice'.",
        "--with names the teammate whose time was given up, but personal time is yours; leave --with out.",
        "'stratgy' is not on the list (did you mean 'strategy'?): type a number from 1 to 9 or a name, like 'alice'.",
    ]


def test_a_one_on_one_typed_by_name_asks_whose(team: Path) -> None:
    script = Script(["one", "carol", "alice"])
    assert ask_what_no(script, Store(team).load(), date(2026, 11, 20), None, False) == ("one-on-one", "alice")
    assert script.said[-1] == "'carol' is not on the list: type a teammate's key or name, like 'alice'."


@pytest.fixture
def sofia(cli, team: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The team with Sofia Ruiz, never met (so her 1:1 is on the list), answered at a "terminal" from the input."""
    from leadshift.cli.session import Session

    assert cli("teammate", "add", "sofia", "--name", "Sofia Ruiz").exit_code == 0
    monkeypatch.setattr(Session, "interactive", lambda self: True)
    return team


def _line_of(listing: str, label: str) -> str:
    """The number the pick list shows before `label`."""
    return re.search(rf"^ *(\d+)\. {re.escape(label)}", listing, re.MULTILINE).group(1)  # type: ignore[union-attr]


def test_a_stray_letter_at_the_pick_list_is_asked_again_and_saves_nothing(cli, sofia: Path) -> None:
    before = snapshot(sofia)
    result = cli("yes", "acme", "Board deck", input="s\n")  # then the input ends: Ctrl-D
    assert result.exit_code == 130
    assert "'s' is not on the list: type a number from 1 to 10 or a name, like 'alice'.\n" in result.stdout
    assert "Logged" not in result.stdout
    assert snapshot(sofia) == before


def test_a_whole_name_or_the_number_shown_picks_and_the_choice_is_echoed_before_saving(cli, sofia: Path) -> None:
    by_key = cli("yes", "acme", "Board deck", input="sofia\nn\n")  # n: do not log the 1:1 as cancelled
    assert by_key.exit_code == 0, by_key.stderr
    echo = "→ no to Sofia Ruiz's 1:1\n"
    assert echo in by_key.stdout
    assert by_key.stdout.index(echo) < by_key.stdout.index("Also log your 1:1") < by_key.stdout.index("Logged")
    number = _line_of(by_key.stdout, "1:1 with Sofia Ruiz")
    by_number = cli("yes", "initech", "Usage report", input=f"{number}\nn\n")
    by_name = cli("yes", "globex", "Kick-off", input="SOFIA RUIZ\nn\n")
    by_start = cli("yes", "acme", "Renewal", input="strat\n")
    assert [r.exit_code for r in (by_number, by_name, by_start)] == [0, 0, 0]
    assert echo in by_number.stdout and echo in by_name.stdout
    assert "→ no to strategy time\n" in by_start.stdout
    said_no = _check(cli)["said_no"]
    assert [(t["client"], t["said_no"], t["teammate"]) for t in said_no] == [
        ("acme", "one-on-one", "sofia"),
        ("initech", "one-on-one", "sofia"),
        ("globex", "one-on-one", "sofia"),
        ("acme", "strategy", None),
    ]


def test_whose_1_1_takes_a_name_not_a_stray_letter(cli, sofia: Path) -> None:
    result = cli("yes", "acme", "Board deck", "--no", "one-on-one", input="s\nSofia Ruiz\nn\n")
    assert result.exit_code == 0, result.stderr
    assert "'s' is not on the list: type a teammate's key or name, like 'alice'.\n" in result.stdout
    assert "→ no to Sofia Ruiz's 1:1\n" in result.stdout
    assert [t["teammate"] for t in _check(cli)["said_no"]] == ["sofia"]


def test_whose_1_1_with_no_teammate_yet_says_so_instead_of_asking(
    cli, ledger_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from leadshift.cli.session import Session

    cli("init", "--name", "Sam")
    cli("client", "add", "acme", "--name", "Acme")
    monkeypatch.setattr(Session, "interactive", lambda self: True)
    before = snapshot(ledger_home)
    result = cli("yes", "acme", "Board deck", "--no", "one-on-one", input="alice\n")
    assert (result.exit_code, result.stderr) == (
        2,
        "Error: there is no teammate yet whose 1:1 it could be; add one with `leadshift teammate add`.\n",
    )
    assert snapshot(ledger_home) == before


def _spawn(home: Path, *args: str) -> pexpect.spawn:
    env = {**os.environ, "LEADSHIFT_HOME": str(home), "LEADSHIFT_TODAY": "2026-11-20", "COLUMNS": "100"}
    return pexpect.spawn(
        sys.executable, ["-m", "leadshift", *args], env=env, encoding="utf-8", timeout=20, dimensions=(40, 100)
    )


def test_the_pick_list_on_a_real_terminal_records_the_answer_and_the_cancelled_one_on_one(cli, team: Path) -> None:
    cli("log", "one-on-one", "alice", "held", "--date", "2026-11-13")
    child = _spawn(team, "yes", "acme", "Board deck by noon", "--urgent")
    child.expect("What are you saying no to?")
    child.expect(r"1\. 1:1 with Bob Chen, overdue since 2026-10-19 \(none held yet\)")
    child.expect(r"2\. 1:1 with Alice Martin, due today")
    child.expect(r"9\. nothing: this yes displaces nothing")
    child.expect(r"Pick 1-9")
    child.sendline("12")
    child.expect("type a number from 1 to 9")
    child.sendline("2")
    child.expect(r"Also log your 1:1 with Alice Martin on 2026-11-20 as cancelled because of Acme Ltd\?")
    child.expect(r"\(n\)")  # no by default
    child.sendline("y")
    # Record keys are bold on a terminal (NO_COLOR keeps bold): match around them.
    child.expect(
        r"Logged [0-9a-f]{8} 2026-11-20 yes to .*acme.*: Board deck by noon \(urgent\); no to one-on-one with alice"
    )
    child.expect(r"Logged [0-9a-f]{8} 2026-11-20 1:1 with .*alice.* cancelled.* for acme")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    report = _check(cli)
    assert [(t["said_no"], t["teammate"], t["urgent"]) for t in report["said_no"]] == [("one-on-one", "alice", True)]
    assert [(i["kind"], i.get("trade_off")) for i in report["implied"]][0] == (
        "one-on-one-cancelled",
        report["said_no"][0]["id"],
    )


def test_a_kind_typed_on_a_real_terminal_needs_no_other_question(cli, team: Path) -> None:
    child = _spawn(team, "yes", "initech", "Weekend data pull")
    child.expect(r"Pick 1-\d+")
    child.sendline("team")
    child.expect(r"Logged [0-9a-f]{8} 2026-11-20 yes to .*initech.*: Weekend data pull; no to team")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0


def test_ctrl_c_in_the_pick_list_writes_nothing(team: Path) -> None:
    before = snapshot(team)
    child = _spawn(team, "yes", "acme", "Anything")
    child.expect(r"Pick 1-\d+")
    child.sendintr()
    child.expect("cancelled; nothing was written")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    assert snapshot(team) == before


def test_a_last_one_on_one_months_back_is_still_found(cli, team: Path) -> None:
    # Only November is read for week 47 at first; Alice's last 1:1 is in August, so the older months are read too.
    cli("log", "one-on-one", "alice", "held", "--date", "2026-08-03")
    cli("log", "one-on-one", "bob", "held", "--date", "2026-11-16")
    overdue = [i for i in _check(cli)["implied"] if i["kind"] == "one-on-one-overdue"]
    assert overdue == [
        {
            "kind": "one-on-one-overdue",
            "teammate": "alice",
            "last_held": "2026-08-03",
            "due_on": "2026-08-10",
            "days_overdue": 102,  # 10 Aug to 20 Nov: 21 + 30 + 31 + 20
            "as_of": "2026-11-20",
        }
    ]


def test_the_view_of_six_weeks_of_the_example_never_crops_text(tmp_path: Path) -> None:
    from rich.console import Console

    from leadshift.render.said_no import said_no_view
    from leadshift.reports.said_no import said_no
    from tests.support.stores import copy_example

    ledger = copy_example(tmp_path / "copy").load()
    report = said_no(ledger, date(2026, 10, 5), date(2026, 11, 13), date(2026, 11, 13))
    console = Console(width=80, record=True, color_system=None)
    console.print(said_no_view(report))
    shown = console.export_text()
    assert max(len(line) for line in shown.splitlines()) <= 80
    words = set(shown.split())
    for text in [t.request for t in report.said_no] + [p.message for p in report.patterns]:
        assert set(text.split()) <= words, text  # wrapped at spaces, never cropped
    assert shown.startswith("What you said no to, 2026-10-05 to 2026-11-13\n")
