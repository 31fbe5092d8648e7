"""`log --calendar` on a terminal: the proposed day, the events to ask about, then yes, no or a line to change.

The questions go through an `Asker` (cli/prompts.py), so tests answer them from
a script. An answer is remembered for the event's series and title, and saved
with the day in the same change; until the leader says yes nothing is written.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, tzinfo

from rich.text import Text

from leadshift.calendar.classify import Proposal, propose
from leadshift.calendar.events import Event
from leadshift.calendar.memory import remember_all
from leadshift.cli.prompts import Asker, TerminalAsker, until_valid
from leadshift.cli.session import Session
from leadshift.domain.book import Book
from leadshift.domain.calendar_rules import Answer
from leadshift.domain.changes import id_source, require_client
from leadshift.domain.ledger import Ledger
from leadshift.domain.records import OneOnOneRecord
from leadshift.domain.terms import ACTIVITIES
from leadshift.domain.wording import and_list, by_start
from leadshift.errors import Cancelled, UsageError
from leadshift.render.calendar_day import proposal_table, rows, summary_line, time_text
from leadshift.render.text import literal

_HOW = "a client key, an activity ({}), '1:1 TEAMMATE', or skip"

Settled = tuple[Proposal, list[tuple[Event, Answer]]]


def confirm_day(
    session: Session, ledger: Ledger, events: list[Event], zone: tzinfo, proposal: Proposal
) -> Settled | None:
    """Ask on the terminal; the day to save and the answers to remember, or None when the leader says no."""
    try:
        return settle(TerminalAsker(session), ledger, events, zone, proposal)
    except (KeyboardInterrupt, EOFError):
        session.console.print()
        raise Cancelled("cancelled; nothing was written.") from None


def settle(asker: Asker, ledger: Ledger, events: list[Event], zone: tzinfo, proposal: Proposal) -> Settled | None:
    """Ask about each unclassified event, then show the day until it is confirmed (yes), refused (no) or changed."""
    day = proposal.day
    answers: dict[int, tuple[Event, Answer]] = {}  # by the event's position in `events`
    causes: dict[int, str] = {}  # a cancelled 1:1's client, by event position
    if ledger.records(day, day):
        asker.say(
            Text(f"{day} already has records (no hours); what the calendar gives is added to them.", style="yellow")
        )
    for event in proposal.unclassified:
        answers[events.index(event)] = (event, ask_what(asker, ledger.book, event))
    while True:
        book = remember_all(ledger.book, answers.values())
        proposal = propose(events, book, day, zone, id_source(ledger))
        proposal = _with_causes(asker, book, events, proposal, causes)
        asker.say(proposal_table(proposal, title=f"From your calendar: {day}"))
        asker.say(summary_line(proposal, saved=False))
        listed = [event for event, _ in rows(proposal)]
        reply = until_valid(
            asker, Text(f"Save? yes, no, or the number of a line to change (1-{len(listed)})"), "yes", _reply(listed)
        )
        if reply == "no":
            return None
        if reply == "yes":
            return proposal, list(answers.values())
        event = listed[int(reply) - 1]
        answers[events.index(event)] = (event, ask_what(asker, book, event))


def ask_what(asker: Asker, book: Book, event: Event) -> Answer:
    """Which is it? A client, an activity, a 1:1 with whom, or skip."""
    label = Text(f"  {time_text(event)} ").append_text(literal(event.title or "(no title)"))
    question = label.append(f": which is it? ({_HOW.format(', '.join(ACTIVITIES))})")
    return until_valid(asker, question, "skip", lambda text: read_answer(book, event.start.date(), text))


def read_answer(book: Book, day: date, text: str) -> Answer:
    """`skip`, `1:1 alice`, an activity or a client key, each by a unique start."""
    typed = text.strip().lower()
    if typed in ("", "skip"):
        return Answer(skip=True)
    for prefix in ("1:1 ", "one-on-one "):
        if typed.startswith(prefix):
            from leadshift.domain.changes import require_key

            return Answer(one_on_one=require_key("teammate", typed.removeprefix(prefix), book.team_on(day)))
    activities = [a for a in ACTIVITIES if a != "one-on-one"]  # a 1:1 names its teammate: `1:1 alice`
    named = by_start(typed, [*activities, *book.clients])
    if len(named) > 1:
        raise UsageError(f"'{text}' could be {and_list(named)}; type more of it.")
    if named and named[0] in activities:
        return Answer(activity=named[0])
    return Answer(client=require_client(book, typed))


def _reply(listed: list[Event]) -> Callable[[str], str]:
    def read(text: str) -> str:
        typed = text.strip().lower()
        if typed in ("y", "yes", "n", "no"):
            return "yes" if typed[0] == "y" else "no"
        if typed.isdigit() and 1 <= int(typed) <= len(listed):
            return typed
        raise UsageError(f"'{text}' is not yes, no or a line number from 1 to {len(listed)}.")

    return read


def _with_causes(asker: Asker, book: Book, events: list[Event], proposal: Proposal, causes: dict[int, str]) -> Proposal:
    """Each cancelled 1:1 with the client that caused it, asked once (Enter: none)."""
    from dataclasses import replace

    from leadshift.calendar.classify import Proposed

    changed = []
    for proposed in proposal.records:
        record, at = proposed.record, events.index(proposed.event)
        if isinstance(record, OneOnOneRecord) and record.status == "cancelled":
            if at not in causes:
                question = Text("  The 1:1 with ").append_text(literal(book.teammate_name(record.teammate)))
                question.append(" was cancelled: because of which client? (key, Enter for none)")
                causes[at] = until_valid(asker, question, "", lambda s: require_client(book, s) if s.strip() else "")
            if causes[at]:
                record = record.model_copy(update={"because": causes[at]})
        changed.append(Proposed(record, proposed.event))
    return replace(proposal, records=tuple(changed))
