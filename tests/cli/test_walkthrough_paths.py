"""The walkthrough's faster paths (issue 16): held with its hours, back, prefixes, the optional steps, defaults.

The `team` fixture, on 2026-11-20: clients acme and initech (yours), globex (Alice's); Alice (weekly) and Bob
(fortnightly) both due, never met. The questions, in order: the day, Acme, Initech, the six activities (a 1:1's
hours come with the 1:1), each due 1:1 (then its client, or its action items), then "anything else?".
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from leadshift.cli.walkthrough import DayAnswers, interview, to_records
from leadshift.domain.records import EscalationRecord, HoursRecord, OneOnOneRecord, TradeOffRecord
from leadshift.storage.store import Store
from tests.cli.test_walkthrough import Script, leave_unsaved
from tests.support.builders import ledger_of

DAY = date(2026, 11, 20)
NO_LEADING = [""] * 6  # coaching, team, hiring, strategy, learning, admin


def _ids() -> object:
    return iter(f"{n:08x}" for n in range(1, 99)).__next__


def _walk(team: Path, answers: list[str], records: list | None = None) -> tuple[DayAnswers, Script]:
    ledger = Store(team).load()
    if records:
        ledger = ledger_of(ledger.book, records)
    script = Script(answers)
    result = interview(ledger, DAY, script)
    assert script.answers == [], f"left unasked: {script.answers}"
    return result, script


# -- a held 1:1 is one answer, with its hours ---------------------------------------------------


def test_held_with_hours_is_one_answer_and_makes_the_1_1_and_its_hours(team: Path) -> None:
    # Alice: `h 1` (held, an hour), no action item; Bob: `held 0.5`; nothing else.
    answers, script = _walk(team, ["", "", "", *NO_LEADING, "h 1", "", "held 0.5", "", ""])
    assert answers.one_on_ones == [("alice", "held", None), ("bob", "held", None)]
    assert answers.held_hours == {"alice": 1.0, "bob": 0.5}
    assert "    → held, 1 h" in script.said
    records = to_records(answers, _ids())
    assert [(type(r).__name__, r.teammate, getattr(r, "hours", None)) for r in records] == [
        ("OneOnOneRecord", "alice", None),
        ("HoursRecord", "alice", 1.0),
        ("OneOnOneRecord", "bob", None),
        ("HoursRecord", "bob", 0.5),
    ]
    assert all(r.activity == "one-on-one" for r in records if isinstance(r, HoursRecord))
    assert answers.total_hours() == 1.5  # counted in the day, so the 24-hour check sees them


def test_held_alone_takes_the_length_of_the_last_1_1_and_says_so(team: Path) -> None:
    last = HoursRecord(id="0000000a", date=date(2026, 11, 6), activity="one-on-one", teammate="bob", hours=0.75)
    held = OneOnOneRecord(id="0000000b", date=date(2026, 11, 6), teammate="bob", status="held")
    answers, script = _walk(team, ["", "", "", *NO_LEADING, "", "h", "", ""], [last, held])
    assert answers.held_hours == {"bob": 0.75}
    assert any(
        q.startswith("1:1 with Bob Chen (last held 2026-11-06)") and "h = held, 0.75 h" in q for q in script.questions
    )


def test_held_alone_with_no_length_known_logs_no_hours(team: Path) -> None:
    answers, script = _walk(team, ["", "", "", *NO_LEADING, "h", "", "", ""])
    assert (answers.one_on_ones, answers.held_hours) == ([("alice", "held", None)], {})
    assert "h 1 = held, 1 h" in script.questions[9]


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("c 1", "a cancelled 1:1 took none of your time: type c alone."),
        ("h lots", "'lots' is not a number of hours: write 1.5, 1h30 or 90m."),
        ("x", "'x' is not on the list: type held, cancelled or interrupted (h 1 = held, 1 h), or Enter to skip."),
    ],
)
def test_a_wrong_1_1_answer_is_asked_again(team: Path, typed: str, message: str) -> None:
    answers, script = _walk(team, ["", "", "", *NO_LEADING, typed, "i 0.5", "", "", ""])
    assert message in script.said
    assert answers.one_on_ones == [("alice", "interrupted", None)]
    assert answers.held_hours == {"alice": 0.5}  # an interrupted 1:1 took time too


# -- back -------------------------------------------------------------------------------------


def test_back_returns_to_the_question_before_with_its_answer_as_the_default(team: Path) -> None:
    # Acme 3, then `back` at Initech: Acme again, default 3 (Enter keeps it); Initech 1; then `<` twice from coaching.
    answers, script = _walk(team, ["", "3", "back", "", "1", "<", "<", "", "2", "1.5", *NO_LEADING[1:], "", "", ""])
    assert answers.client_hours == {"acme": 3.0, "initech": 2.0}
    assert answers.lead_hours == {"coaching": 1.5}
    assert script.questions[:8] == [
        "Which day are you logging?",
        "Acme Ltd",
        "Initech",
        "Acme Ltd",
        "Initech",
        "coaching (hours, and who with: 1 alice)",
        "Initech",
        "Acme Ltd",
    ]


def test_back_keeps_a_default_only_for_the_same_question(team: Path) -> None:
    """Held and an item, then back twice to say cancelled: the next question is the client, with no stale default."""
    script = Defaults(["", "", "", *NO_LEADING, "h", "Send notes", "back", "back", "c", "", "", ""])
    answers = interview(Store(team).load(), DAY, script)
    assert (answers.one_on_ones, answers.actions) == ([("alice", "cancelled", None)], [])
    alice = script.questions[9]
    assert script.asked[9:15] == [
        (alice, "skip"),
        ("Action items agreed with Alice Martin (text, Enter to go on)", ""),
        ("Who owes it? (me or them, Enter = me)", "me"),
        ("Action items agreed with Alice Martin (text, Enter to go on)", "Send notes"),  # its answer before
        (alice, "h"),
        ("Because of which client? (key, Enter for none)", ""),  # not "Send notes", given at this step before
    ]


class Defaults(Script):
    """A script that also keeps the default each question offered."""

    def __init__(self, answers: list[str]) -> None:
        super().__init__(answers)
        self.asked: list[tuple[str, str]] = []

    def ask(self, question, default: str) -> str:  # type: ignore[no-untyped-def]
        self.asked.append((question.plain.strip(), default))
        return super().ask(question, default)


def test_back_at_the_first_question_says_there_is_nothing_before(team: Path) -> None:
    answers, script = _walk(team, ["<", "", "", "", *NO_LEADING, "", "", ""])
    assert "This is the first question: nothing to go back to." in script.said
    assert answers.is_empty()


def test_messages_are_not_repeated_when_the_answers_are_replayed(team: Path, cli) -> None:
    cli("log", "client", "acme", "1")
    answers, script = _walk(team, ["", "2", "<", "2", "", *NO_LEADING, "", "", ""])
    assert sum("already has 1 record(s)" in s for s in script.said) == 1
    assert answers.client_hours == {"acme": 2.0}


# -- keys by prefix ---------------------------------------------------------------------------


def test_every_word_is_taken_by_its_unique_start(team: Path) -> None:
    # Bob: interrupted (`i`), because of `ini`; Alice: held; an item owed by `t`hem.
    answers, _ = _walk(team, ["", "", "", *NO_LEADING, "h", "Send notes", "t", "", "", "i", "ini", "e", "b", "t", ""])
    assert answers.one_on_ones == [("alice", "held", None), ("bob", "interrupted", "initech")]
    assert answers.actions[0].owner == "them"
    assert answers.escalations == [("bob", False)]


# -- anything else: escalation, yes, note, with, another client, another 1:1 -------------------


def test_nothing_else_costs_one_enter(team: Path) -> None:
    answers, script = _walk(team, ["", "", "", *NO_LEADING, "", "", ""])
    assert (
        script.questions[-1] == "Anything else? (e)scalation, (y)es to a client, (n)ote, (c)lient, (1):1, Enter = done"
    )
    assert answers.is_empty()


def test_an_escalation_asked_first_and_one_told(team: Path) -> None:
    answers, _ = _walk(team, ["", "", "", *NO_LEADING, "", "", "esc", "al", "asked", "e", "bob", "told", ""])
    assert answers.escalations == [("alice", True), ("bob", False)]
    records = to_records(answers, _ids())
    assert [(r.teammate, r.asked_first) for r in records if isinstance(r, EscalationRecord)] == [
        ("alice", True),
        ("bob", False),
    ]


def test_a_yes_names_the_client_the_request_and_what_it_cost_from_yes_s_own_list(team: Path) -> None:
    # The pick list of `leadshift yes`: the 1:1s due (Alice's, Bob's, both never met) then the other kinds.
    answers, script = _walk(team, ["", "", "", *NO_LEADING, "", "", "y", "glo", "Kick-off deck", "y", "1", ""])
    records = to_records(answers, _ids())
    yes = [r for r in records if isinstance(r, TradeOffRecord)]
    assert [(r.client, r.request, r.urgent, r.said_no, r.teammate) for r in yes] == [
        ("globex", "Kick-off deck", True, "one-on-one", "alice")
    ]
    assert "What are you saying no to?" in script.said
    assert "    → no to Alice Martin's 1:1" in script.said


def test_a_yes_with_an_empty_request_is_asked_again_without_quoting_it(team: Path) -> None:
    answers, script = _walk(team, ["", "", "", *NO_LEADING, "", "", "y", "acme", "   ", "Deck", "", "team", ""])
    assert [(r.request, r.said_no) for r in to_records(answers, _ids()) if isinstance(r, TradeOffRecord)] == [
        ("Deck", "team")
    ]
    assert "the request is empty: say in a few words what the client asked for." in script.said


def test_a_note_goes_on_the_record_picked_and_never_into_a_message(team: Path) -> None:
    long_note = "secret" * 700
    answers, script = _walk(
        team, ["", "3", "", "1 bob", *NO_LEADING[1:], "", "", "n", "2", long_note, "Pairing on the audit", ""]
    )
    records = to_records(answers, _ids())
    assert [(r.activity, r.teammate, r.note) for r in records if isinstance(r, HoursRecord) and r.activity] == [
        ("coaching", "bob", "Pairing on the audit")
    ]
    assert records[0].note == ""
    assert any("4200 characters; keep it to 4000" in s for s in script.said)
    assert not any("secret" in s for s in script.said)
    assert any(s.strip().startswith("2. leading: coaching with bob") for s in script.said)


def test_with_names_who_the_coaching_was_with(team: Path) -> None:
    answers, _ = _walk(team, ["", "", "", "1.5 ali", *NO_LEADING[1:], "", "", ""])
    assert (answers.lead_hours, answers.lead_with) == ({"coaching": 1.5}, {"coaching": "alice"})
    [record] = to_records(answers, _ids())
    assert (record.activity, record.teammate, record.hours) == ("coaching", "alice", 1.5)


def test_a_1_1_not_due_can_be_added_and_one_already_answered_is_refused(team: Path, cli) -> None:
    cli("log", "one-on-one", "alice", "held", "--date", "2026-11-17")  # weekly: not due on the 20th
    answers, script = _walk(team, ["", "", "", *NO_LEADING, "c", "", "1", "bob", "alice", "h 0.5", "", ""])
    assert "Bob Chen's 1:1 is already in this day (type back to change it)." in script.said
    assert answers.one_on_ones == [("bob", "cancelled", None), ("alice", "held", None)]
    assert answers.held_hours == {"alice": 0.5}


# -- defaults: a client entered again, the last day logged -------------------------------------


def test_a_client_entered_again_shows_its_figure_and_the_answer_replaces_it(team: Path) -> None:
    answers, script = _walk(team, ["", "3", "", *NO_LEADING, "", "", "c", "acme", "", "c", "ac", "4", ""])
    assert answers.client_hours == {"acme": 4.0}  # replaced, never added twice
    assert script.questions.count("Acme Ltd") == 3


def test_the_last_day_logged_is_offered_all_at_once(team: Path) -> None:
    last = [
        HoursRecord(id="0000000a", date=date(2026, 11, 18), client="acme", hours=2),
        HoursRecord(id="0000000b", date=date(2026, 11, 18), client="globex", hours=1, work="relationship"),
        HoursRecord(id="0000000c", date=date(2026, 11, 18), activity="coaching", teammate="bob", hours=1),
        HoursRecord(id="0000000d", date=date(2026, 11, 18), activity="one-on-one", teammate="bob", hours=1),
        HoursRecord(id="0000000e", date=date(2026, 11, 17), activity="strategy", hours=3),  # not the last day
    ]
    answers, script = _walk(team, ["", "all", "", "", ""], last)
    assert script.questions[1] == (
        "Start from 2026-11-18? Acme Ltd 2 h, Globex 1 h, coaching 1 h: (a)ll as they were, (e)ach as a default, "
        "Enter = start empty"
    )
    assert answers.client_hours == {"acme": 2.0}
    assert answers.other_work == {("globex", "relationship"): 1.0}
    assert (answers.lead_hours, answers.lead_with) == ({"coaching": 1.0}, {"coaching": "bob"})


def test_the_last_day_logged_as_defaults_one_enter_each(team: Path) -> None:
    last = [
        HoursRecord(id="0000000a", date=date(2026, 11, 19), client="acme", hours=2),
        HoursRecord(id="0000000c", date=date(2026, 11, 19), activity="admin", hours=0.5),
    ]
    answers, script = _walk(team, ["", "e", "", "1", "", "", "", "", "", "", "", "", ""], last)
    assert (answers.client_hours, answers.lead_hours) == ({"acme": 2.0, "initech": 1.0}, {"admin": 0.5})


def test_a_day_already_logged_is_not_offered_the_last_one(team: Path, cli) -> None:
    cli("log", "client", "acme", "1", "--date", "2026-11-19")
    cli("log", "client", "acme", "1")
    _, script = _walk(team, ["", "", "", *NO_LEADING, "", "", ""])
    assert not any(q.startswith("Start from") for q in script.questions)


# -- on a real terminal -------------------------------------------------------------------------


def test_back_and_held_with_hours_on_a_real_terminal(team: Path) -> None:
    import json

    import pexpect

    from tests.cli.test_walkthrough import _show, _spawn

    child = _spawn(team)
    child.expect("Which day are you logging")
    child.sendline("")
    child.expect("Acme Ltd")
    child.sendline("3")
    child.expect("Initech")
    child.sendline("<")  # back: Acme again, its 3 offered
    child.expect(r"Acme Ltd \S*\(3\)")
    child.sendline("")
    for question in ("Initech", "coaching", "team", "hiring", "strategy", "learning", "admin"):
        child.expect(question)
        child.sendline("")
    child.expect(r"1:1 with Alice Martin .*h 1 = held, 1 h")
    child.sendline("h 1")
    child.expect("→ held, 1 h")
    child.expect("Action items agreed with Alice Martin")
    child.sendline("")
    child.expect("1:1 with Bob Chen")
    child.sendline("c")
    child.expect("Because of which client")
    child.sendline("")
    child.expect("Anything else")
    child.sendline("")
    child.expect(r"Save these 4 records\?")
    child.sendline("y")
    child.expect("Saved 4 records.")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    shown = [
        (r["type"], r.get("client") or r.get("activity"), r.get("teammate"), r.get("status"), r.get("hours"))
        for r in json.loads(_show(team))
    ]
    assert shown == [
        ("hours", "acme", None, None, 3.0),
        ("hours", "one-on-one", "alice", None, 1.0),
        ("one-on-one", None, "alice", "held", None),
        ("one-on-one", None, "bob", "cancelled", None),
    ]
    history = json.loads(_undo_list(team))
    assert history[0]["command"] == "log"  # `undo --list` names the walkthrough's change
    assert history[0]["summary"].startswith("added 3 h client work for acme on 2026-11-20")


def _undo_list(home: Path) -> str:
    import os
    import subprocess
    import sys

    env = {**os.environ, "LEADSHIFT_HOME": str(home), "LEADSHIFT_TODAY": "2026-11-20"}
    run = subprocess.run([sys.executable, "-m", "leadshift", "undo", "--list", "--json"], env=env, capture_output=True)
    return run.stdout.decode()


@pytest.mark.parametrize("how", ["no", "ctrl-c"])
def test_back_from_save_then_no_or_ctrl_c_writes_nothing(team: Path, how: str) -> None:

    from tests.cli.test_walkthrough import _spawn
    from tests.conftest import snapshot

    before = snapshot(team)
    child = _spawn(team)
    child.expect("Which day are you logging")
    child.sendline("")
    child.expect("Acme Ltd")
    child.sendline("2")
    for _ in range(9):  # Initech, the six activities, Alice's 1:1 and Bob's: Enter
        child.sendline("")
    child.expect("Anything else")
    child.sendline("e")
    child.expect("Who brought it")
    child.sendline("bo")
    child.expect("ask for their solution first")
    child.sendline("a")
    child.expect("Anything else")
    child.sendline("")
    child.expect(r"Save these 2 records\?")
    child.sendline("<")  # back to the question before: anything else?
    child.expect("Anything else")
    if how == "no":
        child.sendline("")
        child.expect(r"Save these 2 records\?")
    leave_unsaved(child, how)  # Ctrl-C right at "anything else?"
    assert snapshot(team) == before


def test_a_typical_day_stays_within_issue_16s_keystrokes(tmp_path: Path) -> None:
    """Counted, not timed: the example's Monday in 25 keys at most, a day from the calendar in 10 (issue 16)."""
    import shutil

    from tests.support import keystrokes

    shutil.copytree(keystrokes.EXAMPLE, tmp_path / "example")
    _, typical = keystrokes.run(tmp_path / "example", ["log"], keystrokes.WITH_HOURS, {"LEADSHIFT_TODAY": "2026-11-16"})
    keystrokes.team_ledger(tmp_path / "team")
    env = {"LEADSHIFT_TODAY": "2026-11-20", "TZ": "Europe/Berlin"}
    _, calendar = keystrokes.run(
        tmp_path / "team", ["log", "--calendar", str(keystrokes.GOOGLE)], keystrokes.CALENDAR, env
    )
    assert (typical, calendar) == (25, 7)
