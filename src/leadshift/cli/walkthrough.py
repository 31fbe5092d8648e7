"""`leadshift log` on a terminal: the end-of-day walkthrough, in as few keystrokes as the day allows.

The questions are asked through an `Asker`, so tests can answer them from a
script; `run_walkthrough` wires the real terminal. Each question is a step
(cli/steps.py): `back` or `<` returns to the one before. Nothing is written
until the leader confirms the summary, and then everything is written in one save.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from rich.text import Text

from leadshift.cli.day_answers import DayAnswers, Yes, keyed_records, to_records
from leadshift.cli.parsing import parse_day_logged, parse_word
from leadshift.cli.prompts import Asker, TerminalAsker, until_valid
from leadshift.cli.session import Session
from leadshift.cli.steps import Steps, walk
from leadshift.cli.walk_questions import (
    Defaults,
    ask_client_hours,
    ask_hours,
    ask_one_on_one,
    copy_day,
    defaults_of,
    last_day,
    read_hours,
    teammate_on,
)
from leadshift.domain.book import Book
from leadshift.domain.cadence import due_one_on_ones
from leadshift.domain.ledger import Ledger
from leadshift.domain.records import AnyRecord, HoursRecord, hours_on
from leadshift.domain.terms import ACTIVITIES, ME
from leadshift.domain.wording import hours_text, plural
from leadshift.errors import Cancelled
from leadshift.render.text import literal

if TYPE_CHECKING:
    from leadshift.reports.receipts import DaySaved

__all__ = ["DayAnswers", "Yes", "interview", "keyed_records", "run_walkthrough", "to_records"]

# A 1:1's hours come with the 1:1 (`h 1`), so the activities asked are the others.
LEADING = tuple(activity for activity in ACTIVITIES if activity != "one-on-one")
WITH_WHOM = "coaching"  # the activity asked with whom it was (`1 alice`), as `log lead coaching --with` takes it
_STARTS = ("all", "each")


def interview(ledger: Ledger, today: date, asker: Asker) -> DayAnswers:
    """Ask about the day, with `back` to any question before: what the leader said."""
    return walk(asker, lambda steps: questions(ledger, today, steps))


def questions(ledger: Ledger, today: date, asker: Steps) -> DayAnswers:
    """The day, where to start from, client hours, leadership hours, the 1:1s due, then anything else."""
    from leadshift.cli.walk_more import anything_else

    book = ledger.book
    day = until_valid(asker, Text("Which day are you logging?"), "today", lambda s: parse_day_logged(s, today))
    logged = ledger.records(day, day)
    answers = DayAnswers(day, already=hours_on(logged, day))
    if logged:
        asker.say(
            Text(
                f"{day} already has {len(logged)} record(s), {hours_text(answers.already)} h; what you enter now "
                f"is added to them (`leadshift show --date {day}` lists them).",
                style="yellow",
            )
        )
    last = None if logged else last_day(ledger, day)  # a day already begun starts from what it has
    start = _ask_start(asker, book, *last) if last else ""
    if start == "all":
        copy_day(answers, last[1])  # type: ignore[index]
    else:
        defaults = defaults_of(last[1]) if start == "each" else None  # type: ignore[index]
        _ask_clients(asker, answers, book, defaults)
        _ask_leading(asker, ledger, answers, defaults)

    due = due_one_on_ones(ledger, day)
    if due:
        asker.say(Text("1:1s due", style="bold"))
    for item in due:
        when = f"last held {item.last_held}" if item.last_held else "none held yet"
        ask_one_on_one(asker, answers, ledger, item.teammate, when)
    anything_else(asker, ledger, answers)
    return answers


def _ask_start(asker: Asker, book: Book, last: date, records: list[HoursRecord]) -> str:
    """Start from the last day logged: all its hours as they were, each as a default, or (Enter) an empty day."""
    defaults = defaults_of(records)
    figures = [f"{book.clients[key].name} {hours_text(h)} h" for key, h in sorted(defaults.clients.items())]
    figures += [f"{a} {hours_text(defaults.activities[a])} h" for a in ACTIVITIES if a in defaults.activities]
    question = Text(f"Start from {last}? ").append_text(literal(", ".join(figures)))
    question.append(": (a)ll as they were, (e)ach as a default, Enter = start empty")
    start = until_valid(asker, question, "", lambda s: parse_word(s, _STARTS, "a, e, or Enter") if s.strip() else "")
    if start == "all":
        asker.say(Text(f"    → the hours of {last}, as they were"))
    return start


def _ask_clients(asker: Asker, answers: DayAnswers, book: Book, defaults: Defaults | None) -> None:
    asker.say(Text("Client work you did yourself (Enter = none)", style="bold"))
    for key, client in sorted(book.clients.items()):
        if client.owner == ME:
            ask_client_hours(asker, answers, book, key, defaults)


def _ask_leading(asker: Asker, ledger: Ledger, answers: DayAnswers, defaults: Defaults | None) -> None:
    """Hours on each activity; coaching also takes whom it was with: `1 alice`."""
    asker.say(Text("Leading (Enter = none)", style="bold"))
    team = sorted(ledger.book.team_on(answers.day))
    for activity in LEADING:
        offered = hours_text(defaults.activities[activity]) if defaults and activity in defaults.activities else "0"
        label = Text(f"  {activity}")
        if activity == WITH_WHOM and team:
            whom = defaults.with_whom.get(activity) if defaults else None
            offered += f" {whom}" if whom and offered != "0" else ""
            label.append(f" (hours, and who with: 1 {team[0]})")
            hours, teammate = until_valid(asker, label, offered, lambda s: _with_whom(ledger, answers, s))
            if teammate:
                answers.lead_with[activity] = teammate
        else:
            hours = ask_hours(asker, answers, label, offered)
        if hours:
            answers.lead_hours[activity] = hours


def _with_whom(ledger: Ledger, answers: DayAnswers, text: str) -> tuple[float, str | None]:
    hours, _, whom = text.strip().partition(" ")
    teammate = teammate_on(ledger, answers.day, whom) if whom.strip() else None
    return read_hours(answers, hours), (teammate if hours.strip() not in ("", "0") else None)


def run_walkthrough(session: Session) -> DaySaved | None:
    """Interview the leader on the terminal, show the summary, save on yes; what was saved, if anything."""
    from leadshift.cli.writes import save_records
    from leadshift.domain.changes import id_source
    from leadshift.reports.day import day_totals
    from leadshift.reports.receipts import DaySaved

    asker = TerminalAsker(session)
    ledger = session.reader.load()
    try:
        confirmed = walk(asker, lambda steps: _confirmed_day(session, ledger, steps))
    except (KeyboardInterrupt, EOFError):
        session.console.print()
        raise Cancelled("cancelled; nothing was written.") from None
    if confirmed is None:
        return None
    answers, preview = confirmed

    def under_lock(current: Ledger) -> list[AnyRecord]:
        # Another command may have written while the leader was answering:
        # keep the ids shown in the preview unless one of them is now taken.
        if current.record_ids().isdisjoint(r.id for r in preview):
            return preview
        return to_records(answers, id_source(current))

    def with_actions(current: Ledger) -> Book:
        from leadshift.domain.promise_changes import add_actions

        return add_actions(current, answers.actions, answers.day)[0]

    records, saved = save_records(session, under_lock, with_actions if answers.actions else None)
    return DaySaved(len(records), day_totals(saved, answers.day), len(answers.actions))


def _confirmed_day(session: Session, ledger: Ledger, steps: Steps) -> tuple[DayAnswers, list[AnyRecord]] | None:
    """The questions, the summary, then save? (Enter = yes; `back` returns to the last question)."""
    from leadshift.domain.changes import id_source
    from leadshift.render.tables import records_table

    answers = questions(ledger, session.today, steps)
    if answers.is_empty():
        steps.say("Nothing to log for that day; nothing was written.")
        return None
    preview = to_records(answers, id_source(ledger))
    session.console.print(records_table(preview, title=f"To be written for {answers.day}"))
    items = f" and {plural(len(answers.actions), 'action item')}" if answers.actions else ""
    question = Text(f"Save {_records(len(preview))}{items}? (n = no, < = back)")
    if until_valid(steps, question, "yes", lambda s: parse_word(s, ("yes", "no"), "yes, no or back")) == "no":
        steps.say("Nothing was written.")
        return None
    return answers, preview


def _records(count: int) -> str:
    return "this record" if count == 1 else f"these {count} records"
