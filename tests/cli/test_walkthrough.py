"""The end-of-day walkthrough: scripted answers, and a real terminal (pty)."""

from __future__ import annotations

import json
import os
import sys
from datetime import date
from pathlib import Path

import pexpect
import pytest
from rich.text import Text

from leadshift.cli.walkthrough import DayAnswers, interview, to_records
from leadshift.storage.store import Store
from tests.conftest import TEAM_SETUP, snapshot


class Script:
    """Answers questions from a list, in order, and keeps what was said."""

    def __init__(self, answers: list[str], confirm: bool = True) -> None:
        self.answers = list(answers)
        self.questions: list[str] = []
        self.said: list[str] = []
        self.confirmed = confirm

    def ask(self, question: Text, default: str) -> str:
        self.questions.append(question.plain.strip())
        answer = self.answers.pop(0)
        return default if answer == "" else answer

    def confirm(self, question: str, default: bool) -> bool:
        return self.confirmed

    def say(self, message: Text | str) -> None:
        self.said.append(message.plain if isinstance(message, Text) else message)


# Owned clients (acme, initech), the 6 activities (a 1:1's hours come with it), the 1:1s due, then "anything else?".
def test_interview_collects_the_day(team: Path) -> None:
    ledger = Store(team).load()
    script = Script(
        [
            "yesterday",
            "2h",
            "",
            "1.5",
            "",
            "",
            "",
            "",
            "0.5",
            "cancelled",
            "acme",
            "hel",
            "",
            "c",
            "glo",
            "1",
            "rel",
            "",
        ]
    )
    answers = interview(ledger, date(2026, 11, 20), script)
    assert answers == DayAnswers(
        day=date(2026, 11, 19),
        client_hours={"acme": 2.0},
        lead_hours={"coaching": 1.5, "admin": 0.5},
        one_on_ones=[("alice", "cancelled", "acme"), ("bob", "held", None)],
        other_work={("globex", "relationship"): 1.0},  # Alice's client: asked, and it was staying close
    )
    # Asked only for Globex, which the team serves; Acme is yours alone, so its hours are delivery.
    assert [q for q in script.questions if q.startswith("Delivery or relationship")] == [
        "Delivery or relationship? (delivery or relationship, Enter = delivery)"
    ]
    assert script.questions[0] == "Which day are you logging?"
    assert script.questions[9].startswith("1:1 with Alice Martin (none held yet)")
    assert script.answers == []


def test_the_kind_of_client_work_is_asked_only_when_it_can_be_either(cli, team: Path) -> None:
    """A prospect is new business unasked; a client being handed over is asked; your own alone is delivery."""
    assert cli("client", "add", "zenith", "--name", "Zenith", "--prospect").exit_code == 0
    assert cli("handoff", "plan", "--save").exit_code == 0  # Acme and Initech go to teammates
    ledger = Store(team).load()
    assert {k for k, h in ledger.book.handoffs.items() if not h.done} == {"acme", "initech"}
    # acme 2 (asked: relationship), initech 1 (asked: Enter = delivery), zenith 1.5 (not asked), no more clients.
    script = Script(["today", "2", "relation", "1", "", "1.5", *[""] * 6, *[""] * 2, ""])
    answers = interview(ledger, date(2026, 11, 20), script)
    assert answers.client_hours == {"initech": 1.0}
    assert answers.other_work == {("acme", "relationship"): 2.0, ("zenith", "new-business"): 1.5}
    assert sum(q.startswith("Delivery or relationship") for q in script.questions) == 2
    records = to_records(answers, iter(f"{n:08x}" for n in range(1, 9)).__next__)
    assert [(r.client, r.work) for r in records if r.client] == [
        ("initech", None),
        ("acme", "relationship"),
        ("zenith", "new-business"),
    ]


def test_interview_asks_again_after_a_bad_answer(team: Path) -> None:
    ledger = Store(team).load()
    # Acme 1, then entered again from "anything else?": its 1 h is offered, and 3 replaces it.
    script = Script(["31/12", "today", "lots", "1", "", *[""] * 6, "skip", "skip", "c", "acmee", "acme", "3", ""])
    answers = interview(ledger, date(2026, 11, 20), script)
    assert answers.client_hours == {"acme": 3.0}
    assert any("'31/12' is not a date" in s for s in script.said)
    assert any("'lots' is not a number of hours" in s for s in script.said)
    assert any("Did you mean 'acme'?" in s for s in script.said)


def test_only_due_one_on_ones_are_asked(cli, team: Path) -> None:
    cli("log", "one-on-one", "alice", "held", "--date", "2026-11-17")  # weekly: next due 11-24
    cli("log", "one-on-one", "bob", "held", "--date", "2026-11-06")  # fortnightly: due 11-20
    ledger = Store(team).load()
    script = Script(["", "", "", *[""] * 6, "held", "", ""])
    answers = interview(ledger, date(2026, 11, 20), script)
    assert answers.one_on_ones == [("bob", "held", None)]
    assert "1:1 with Bob Chen (last held 2026-11-06)" in script.questions[-3]


def test_to_records_builds_one_record_per_answer() -> None:
    answers = DayAnswers(date(2026, 11, 20), {"acme": 2.0}, {"team": 1.0}, [("bob", "interrupted", "acme")])
    ids = iter(["00000001", "00000002", "00000003"])
    records = to_records(answers, lambda: next(ids))
    assert [(r.id, r.kind) for r in records] == [
        ("00000001", "hours"),
        ("00000002", "hours"),
        ("00000003", "one-on-one"),
    ]
    assert records[2].because == "acme"


def test_after_a_held_one_on_one_it_offers_to_add_action_items(team: Path) -> None:
    from leadshift.domain.promise_changes import NewAction

    ledger = Store(team).load()
    # No hours; Alice interrupted (no items asked), Bob held: two items, then Enter on an empty text.
    script = Script(
        ["", "", "", *[""] * 6, "interrupted", "", "held"]
        + ["Send the pricing notes", "", "2026-11-10", "2026-11-27", "Draft the checklist", "them", "", "", ""]
    )
    answers = interview(ledger, date(2026, 11, 20), script)
    assert answers.actions == [
        NewAction("bob", "Send the pricing notes", "me", date(2026, 11, 27)),
        NewAction("bob", "Draft the checklist", "them", None),
    ]
    assert sum(q.startswith("Action items agreed with") for q in script.questions) == 3  # Bob's only
    assert script.questions[-9:-6] == [
        "Action items agreed with Bob Chen (text, Enter to go on)",
        "Who owes it? (me or them, Enter = me)",
        "Due when? (YYYY-MM-DD, Enter for no day)",
    ]
    assert any("2026-11-10 is before the 1:1 on 2026-11-20" in said for said in script.said)


def test_the_walkthrough_saves_the_items_with_the_day_in_one_save(cli, team: Path) -> None:
    child = _spawn(team)
    _answer_day(child, ["Send the pricing notes", "", "2026-11-27", ""])
    child.expect(r"Save these 4 records and 1 action item\?")
    child.sendline("y")
    child.expect("Saved 4 records and 1 action item.")
    child.expect(pexpect.EOF)
    items = json.loads(cli("actions", "--json").stdout)
    assert [(i["teammate"], i["text"], i["due"], i["opened"]) for i in items] == [
        ("bob", "Send the pricing notes", "2026-11-27", "2026-11-20")
    ]
    history = json.loads(cli("undo", "--list", "--json").stdout)
    assert history[0]["summary"].endswith("; and 2 more")  # 4 records and the item
    assert len(history) == len(TEAM_SETUP)  # the set-up after init, then the day and its item as one change


def _spawn(home: Path) -> pexpect.spawn:
    env = {**os.environ, "LEADSHIFT_HOME": str(home), "LEADSHIFT_TODAY": "2026-11-20", "COLUMNS": "100"}
    return pexpect.spawn(
        sys.executable, ["-m", "leadshift", "log"], env=env, encoding="utf-8", timeout=20, dimensions=(40, 100)
    )


def _answer_day(child: pexpect.spawn, items: tuple[str, ...] | list[str] = ("",)) -> None:
    child.expect("Which day are you logging")
    child.sendline("")
    child.expect("Acme Ltd")
    child.sendline("3")
    child.expect("Initech")
    child.sendline("")
    for activity in ("coaching", "team", "hiring", "strategy", "learning", "admin"):
        child.expect(activity)
        child.sendline("1" if activity == "coaching" else "")
    child.expect("1:1 with Alice Martin")
    child.sendline("interrupted")
    child.expect("Because of which client")
    child.sendline("acme")
    child.expect("1:1 with Bob Chen")
    child.sendline("held")
    child.expect("Action items agreed with Bob Chen")
    for answer in items:  # text, owner, due for each item; an empty text ends
        child.sendline(answer)
    child.expect("Anything else")
    child.sendline("")


def test_walkthrough_on_a_real_terminal_writes_everything_in_one_save(team: Path) -> None:
    child = _spawn(team)
    _answer_day(child)
    child.expect(r"Save these 4 records\?")
    child.sendline("y")
    child.expect("Saved 4 records.")
    child.expect("2026-11-20: 4 h logged; client delivery 3 h, 30% of your 10 h workday")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    shown = json.loads(_show(team))
    assert [(r["type"], r.get("client") or r.get("activity") or r.get("teammate"), r.get("status")) for r in shown] == [
        ("hours", "acme", None),
        ("hours", "coaching", None),
        ("one-on-one", "alice", "interrupted"),
        ("one-on-one", "bob", "held"),
    ]
    assert len(list((team / "backups").glob("log-2026-11.toml.*"))) == 0  # one save: nothing replaced


def _show(home: Path) -> str:
    import subprocess

    return subprocess.run(
        [sys.executable, "-m", "leadshift", "show", "--json"],
        env={**os.environ, "LEADSHIFT_HOME": str(home), "LEADSHIFT_TODAY": "2026-11-20"},
        capture_output=True,
        text=True,
        check=True,
    ).stdout


@pytest.mark.parametrize("how", ["no", "ctrl-c"])
def test_walkthrough_writes_nothing_when_refused_or_interrupted(team: Path, how: str) -> None:
    before = snapshot(team)
    child = _spawn(team)
    _answer_day(child)
    child.expect(r"Save these 4 records\?")
    leave_unsaved(child, how)
    assert snapshot(team) == before


def leave_unsaved(child: pexpect.spawn, how: str) -> None:
    """Answer no to the question on screen, or press Ctrl-C at it: the walkthrough ends writing nothing."""
    if how == "no":
        child.sendline("n")
        child.expect("Nothing was written")
    else:
        child.sendintr()
        child.expect("cancelled; nothing was written")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == (0 if how == "no" else 130)


def test_ctrl_c_at_the_first_question_writes_nothing(team: Path) -> None:
    before = snapshot(team)
    child = _spawn(team)
    child.expect("Which day are you logging")
    child.sendintr()
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    assert snapshot(team) == before


def test_a_day_already_logged_is_announced_and_24_hours_checked_as_you_type(cli, team: Path) -> None:
    cli("log", "client", "acme", "20")
    ledger = Store(team).load()
    # acme 20 already; asking 5 more is refused on the spot, 3 is accepted, then 2 more on initech is refused.
    script = Script(["", "5", "3", "2", "1", *[""] * 6, "skip", "skip", ""])
    answers = interview(ledger, date(2026, 11, 20), script)
    assert answers.client_hours == {"acme": 3.0, "initech": 1.0}
    assert (
        script.said[0]
        == "2026-11-20 already has 1 record(s), 20 h; what you enter now is added to them (`leadshift show --date 2026-11-20` lists them)."
    )
    refusals = [s for s in script.said if "a day holds 24" in s]
    assert refusals == [
        "that makes 25 hours on 2026-11-20; a day holds 24, 4 h left.",
        "that makes 25 hours on 2026-11-20; a day holds 24, 1 h left.",
    ]


@pytest.fixture
def at_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """Answer the walkthrough from the CliRunner's input, as a person at a terminal would."""
    from leadshift.cli.session import Session

    monkeypatch.setattr(Session, "interactive", lambda self: True)


# Today, no hours: the day, Acme, Initech, the 6 activities; then Alice's 1:1, then Bob's.
NO_HOURS = "\n" * 9


def test_a_stray_letter_for_a_1_1_is_asked_again_and_saves_nothing(cli, team: Path, at_a_terminal: None) -> None:
    before = snapshot(team)
    result = cli("log", input=NO_HOURS + "x\n")  # then the input ends: Ctrl-D
    assert result.exit_code == 130
    assert (
        "'x' is not on the list: type held, cancelled or interrupted (h 1 = held, 1 h), or Enter to skip"
        in result.stdout
    )
    assert snapshot(team) == before


def test_a_1_1_answered_in_full_or_by_3_letters_is_echoed_and_saved(cli, team: Path, at_a_terminal: None) -> None:
    result = cli("log", input=NO_HOURS + "held\n\ncan\n\n\ny\n")  # Alice held (no items); Bob cancelled, no client
    assert result.exit_code == 0, result.stderr
    assert result.stdout.count("    → held\n") == 1 and result.stdout.count("    → cancelled\n") == 1
    assert result.stdout.index("→ held") < result.stdout.index("Save these 2 records?")
    shown = json.loads(cli("show", "--json").stdout)
    assert [(r["teammate"], r["status"]) for r in shown] == [("alice", "held"), ("bob", "cancelled")]
