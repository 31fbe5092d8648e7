"""`leadshift log` on a terminal: the two-minute end-of-day walkthrough.

The questions are asked through an `Asker`, so tests can answer them from a
script; `run_walkthrough` wires the real terminal. Nothing is written until
the leader confirms the summary, and then everything is written in one save.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from rich.text import Text

from leadshift.cli.parsing import parse_date, parse_day_logged, parse_hours, parse_pick
from leadshift.cli.prompts import Asker, TerminalAsker, until_valid
from leadshift.cli.session import Session
from leadshift.domain.book import Book
from leadshift.domain.cadence import due_one_on_ones
from leadshift.domain.changes import require_client
from leadshift.domain.client_work import DELIVERY, RELATIONSHIP, kind_worth_asking, work_to_log
from leadshift.domain.ledger import Ledger
from leadshift.domain.promise_changes import NewAction
from leadshift.domain.records import MAX_HOURS_A_DAY, AnyRecord, HoursRecord, OneOnOneRecord, hours_on, over_a_day
from leadshift.domain.terms import ACTION_OWNERS, ACTIVITIES, ME, ONE_ON_ONE_STATUSES
from leadshift.domain.wording import hours_text, or_list, plural
from leadshift.errors import Cancelled, InvalidValue, LeadshiftError
from leadshift.render.text import literal

if TYPE_CHECKING:
    from leadshift.reports.receipts import DaySaved

_ANSWERS = (*ONE_ON_ONE_STATUSES, "skip")  # what became of a due 1:1
_WORK_ASKED = (DELIVERY, RELATIONSHIP)  # what hours on a client the team serves may have been for
_ACCEPTED = f"{or_list(list(ONE_ON_ONE_STATUSES))}, or Enter to skip"


@dataclass
class DayAnswers:
    """What the leader said about one day, before any id or timestamp is given."""

    day: date
    client_hours: dict[str, float] = field(default_factory=dict)
    lead_hours: dict[str, float] = field(default_factory=dict)
    one_on_ones: list[tuple[str, str, str | None]] = field(default_factory=list)  # teammate, status, because

    already: float = 0.0  # hours logged for the day before this walkthrough
    # Client hours that were not delivery (`client_hours` holds those), by client and kind of work.
    other_work: dict[tuple[str, str], float] = field(default_factory=dict)
    actions: list[NewAction] = field(default_factory=list)  # agreed in the day's held 1:1s

    def is_empty(self) -> bool:
        return not (self.client_hours or self.lead_hours or self.one_on_ones or self.other_work)

    def total_hours(self) -> float:
        logged = [*self.client_hours.values(), *self.lead_hours.values(), *self.other_work.values()]
        return self.already + sum(logged)


def interview(ledger: Ledger, today: date, asker: Asker) -> DayAnswers:
    """Ask about the day: date, client hours, leadership hours, the 1:1s due."""
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

    asker.say(Text("Client work you did yourself (Enter = none)", style="bold"))
    for key, client in sorted(book.clients.items()):
        if client.owner == ME:
            _ask_client_hours(asker, answers, book, key)
    while other := asker.ask(Text("  Another client? (key, Enter to go on)"), "").strip():
        try:
            key = require_client(book, other)
        except LeadshiftError as error:
            asker.say(literal(error.message, "red"))  # it quotes what was typed
            continue
        _ask_client_hours(asker, answers, book, key)

    asker.say(Text("Leading (Enter = none)", style="bold"))
    for activity in ACTIVITIES:
        if hours := _ask_hours(asker, answers, Text(f"  {activity}")):
            answers.lead_hours[activity] = answers.lead_hours.get(activity, 0.0) + hours

    due = due_one_on_ones(ledger, day)
    if due:
        asker.say(Text("1:1s due", style="bold"))
    for item in due:
        name = book.teammates[item.teammate].name
        when = f"last held {item.last_held}" if item.last_held else "none held yet"
        question = Text("  1:1 with ").append_text(literal(name)).append(f" ({when}): held, cancelled or interrupted?")
        status = until_valid(asker, question, "skip", _status)
        asker.say(Text(f"    → {'skipped' if status == 'skip' else status}"))
        if status in ("cancelled", "interrupted"):
            because = until_valid(
                asker,
                Text("    Because of which client? (key, Enter for none)"),
                "",
                lambda s: _optional_client(book, s),
            )
            answers.one_on_ones.append((item.teammate, status, because))
        elif status == "held":
            answers.one_on_ones.append((item.teammate, status, None))
            answers.actions += _ask_actions(asker, item.teammate, name, day)
    return answers


def _ask_actions(asker: Asker, teammate: str, name: str, day: date) -> list[NewAction]:
    """The action items agreed in a held 1:1: text, who owes it, when it is due; an empty text ends."""
    agreed = []
    question = Text("    Action items agreed with ").append_text(literal(name)).append(" (text, Enter to go on)")
    while text := asker.ask(question, "").strip():
        owner = until_valid(
            asker, Text(f"      Who owes it? ({or_list(list(ACTION_OWNERS))}, Enter = me)"), "me", _owner
        )
        due = until_valid(asker, Text("      Due when? (YYYY-MM-DD, Enter for no day)"), "", lambda s: _due(s, day))
        agreed.append(NewAction(teammate, text, owner, due))
    return agreed


def to_records(answers: DayAnswers, new_id: Callable[[], str]) -> list[AnyRecord]:
    """The records the answers stand for, in the order they will be written."""
    records: list[AnyRecord] = []
    for client, hours in answers.client_hours.items():
        records.append(HoursRecord(id=new_id(), date=answers.day, client=client, hours=hours))
    for (client, work), hours in answers.other_work.items():
        records.append(HoursRecord(id=new_id(), date=answers.day, client=client, hours=hours, work=work))  # type: ignore[arg-type]
    for activity, hours in answers.lead_hours.items():
        records.append(HoursRecord(id=new_id(), date=answers.day, activity=activity, hours=hours))  # type: ignore[arg-type]
    for teammate, status, because in answers.one_on_ones:
        records.append(
            OneOnOneRecord(id=new_id(), date=answers.day, teammate=teammate, status=status, because=because)  # type: ignore[arg-type]
        )
    return records


def run_walkthrough(session: Session) -> DaySaved | None:
    """Interview the leader on the terminal, show the summary, save on yes; what was saved, if anything."""
    from leadshift.cli.writes import save_records
    from leadshift.domain.changes import id_source
    from leadshift.render.tables import records_table
    from leadshift.reports.day import day_totals
    from leadshift.reports.receipts import DaySaved

    asker = TerminalAsker(session)
    ledger = session.reader.load()
    try:
        answers = interview(ledger, session.today, asker)
        if answers.is_empty():
            asker.say("Nothing to log for that day; nothing was written.")
            return None
        preview = to_records(answers, id_source(ledger))
        session.console.print(records_table(preview, title=f"To be written for {answers.day}"))
        items = f" and {plural(len(answers.actions), 'action item')}" if answers.actions else ""
        if not asker.confirm(f"Save {_records(len(preview))}{items}?", True):
            asker.say("Nothing was written.")
            return None
    except (KeyboardInterrupt, EOFError):
        session.console.print()
        raise Cancelled("cancelled; nothing was written.") from None

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


def _records(count: int) -> str:
    return "this record" if count == 1 else f"these {count} records"


def _ask_client_hours(asker: Asker, answers: DayAnswers, book: Book, key: str) -> None:
    """Hours on a client; what they were for only when it can be either (a client the team serves)."""
    hours = _ask_hours(asker, answers, Text("  ").append_text(literal(book.clients[key].name)))
    if not hours:
        return
    given = None
    if kind_worth_asking(book, key):
        question = Text(f"    Delivery or relationship? ({or_list(list(_WORK_ASKED))}, Enter = {DELIVERY})")
        given = until_valid(asker, question, DELIVERY, _work)
    work = work_to_log(book, key, given)  # a prospect's hours are new business without asking
    if work is None:
        answers.client_hours[key] = answers.client_hours.get(key, 0.0) + hours
    else:
        answers.other_work[(key, work)] = answers.other_work.get((key, work), 0.0) + hours


def _work(text: str) -> str:
    accepted = f"{or_list(list(_WORK_ASKED))}, or Enter for {DELIVERY}"
    return _WORK_ASKED[parse_pick(text, [(word,) for word in _WORK_ASKED], 0, accepted)]


def _ask_hours(asker: Asker, answers: DayAnswers, label: Text) -> float:
    def read(text: str) -> float:
        hours = 0.0 if text.strip() in ("", "0") else parse_hours(text)
        total = answers.total_hours() + hours
        if over_a_day(total):
            left = MAX_HOURS_A_DAY - answers.total_hours()
            raise LeadshiftError(
                f"that makes {hours_text(total)} hours on {answers.day}; a day holds 24, {hours_text(left)} h left."
            )
        return hours

    return until_valid(asker, label, "0", read)


def _status(text: str) -> str:
    """What became of a due 1:1, picked like any pick list: a whole word or its first 3 letters or more."""
    return _ANSWERS[parse_pick(text, [(answer,) for answer in _ANSWERS], 0, _ACCEPTED)]


def _owner(text: str) -> str:
    return ACTION_OWNERS[parse_pick(text, [(word,) for word in ACTION_OWNERS], 0, or_list(list(ACTION_OWNERS)))]


def _due(text: str, day: date) -> date | None:
    if not text.strip():
        return None
    due = parse_date(text, day)
    if due < day:
        raise InvalidValue(f"{due} is before the 1:1 on {day}; give a later day, or Enter for none.")
    return due


def _optional_client(book: Book, text: str) -> str | None:
    return require_client(book, text) if text.strip() else None
