"""The walkthrough's questions that are asked from more than one place: hours, a client's hours, a 1:1.

Each is a step (cli/steps.py): `back` returns to it with its answer as the
default. Words are taken by their unique start (`parse_word`), since every
answer is echoed or shown in the summary before anything is saved.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from rich.text import Text

from leadshift.cli.day_answers import DayAnswers
from leadshift.cli.parsing import parse_date, parse_hours, parse_word
from leadshift.cli.prompts import Asker, until_valid
from leadshift.domain.book import Book
from leadshift.domain.changes import require_client, require_key
from leadshift.domain.client_work import DELIVERY, RELATIONSHIP, kind_worth_asking, work_to_log
from leadshift.domain.ledger import Ledger
from leadshift.domain.promise_changes import NewAction
from leadshift.domain.records import MAX_HOURS_A_DAY, HoursRecord, over_a_day
from leadshift.domain.terms import ACTION_OWNERS, ONE_ON_ONE_STATUSES
from leadshift.domain.wording import hours_text, or_list
from leadshift.errors import InvalidValue, LeadshiftError, UsageError
from leadshift.render.text import literal

_ANSWERS = (*ONE_ON_ONE_STATUSES, "skip")  # what became of a due 1:1
_WORK_ASKED = (DELIVERY, RELATIONSHIP)  # what hours on a client the team serves may have been for


@dataclass
class Defaults:
    """The figures offered as each question's default: the last day logged, when the leader starts from it."""

    clients: dict[str, float] = field(default_factory=dict)
    kinds: dict[str, str] = field(default_factory=dict)  # what a client's hours were for, when all the same
    activities: dict[str, float] = field(default_factory=dict)
    with_whom: dict[str, str] = field(default_factory=dict)  # by activity, when one teammate


def ask_hours(asker: Asker, answers: DayAnswers, label: Text, default: str = "0", replacing: float = 0.0) -> float:
    """Hours, refused on the spot when the day would pass 24 (`replacing`: the figure the answer takes the place of)."""
    return until_valid(asker, label, default, lambda text: read_hours(answers, text, replacing))


def read_hours(answers: DayAnswers, text: str, replacing: float = 0.0) -> float:
    hours = 0.0 if text.strip() in ("", "0") else parse_hours(text)
    before = answers.total_hours() - replacing
    if over_a_day(before + hours):
        raise LeadshiftError(
            f"that makes {hours_text(before + hours)} hours on {answers.day}; a day holds 24, "
            f"{hours_text(MAX_HOURS_A_DAY - before)} h left."
        )
    return hours


def ask_client_hours(asker: Asker, answers: DayAnswers, book: Book, key: str, defaults: Defaults | None) -> None:
    """Hours on a client, offered as the default its figure so far; what they were for when it can be either."""
    current = answers.client_total(key)
    offered = current or (defaults.clients.get(key, 0.0) if defaults else 0.0)
    label = Text("  ").append_text(literal(book.clients[key].name))
    hours = ask_hours(asker, answers, label, hours_text(offered) if offered else "0", replacing=current)
    answers.forget_client(key)  # the answer replaces the figure: a client entered twice is not counted twice
    if not hours:
        return
    given = None
    if kind_worth_asking(book, key):
        kind = defaults.kinds.get(key, DELIVERY) if defaults else DELIVERY
        kind = kind if kind in _WORK_ASKED else DELIVERY
        question = Text(f"    Delivery or relationship? ({or_list(list(_WORK_ASKED))}, Enter = {kind})")
        given = until_valid(asker, question, kind, lambda s: parse_word(s, _WORK_ASKED, or_list(list(_WORK_ASKED))))
    work = work_to_log(book, key, given)  # a prospect's hours are new business without asking
    if work is None:
        answers.client_hours[key] = hours
    else:
        answers.other_work[(key, work)] = hours


def ask_one_on_one(asker: Asker, answers: DayAnswers, ledger: Ledger, teammate: str, when: str) -> None:
    """What became of a 1:1, in one answer with its hours (`h 1`); then its client, or its action items."""
    from leadshift.domain.cadence import last_length

    book, day = ledger.book, answers.day
    name = book.teammates[teammate].name
    usual = last_length(ledger, teammate, day)
    hint = f"h = held, {hours_text(usual)} h as last time, or h and its hours" if usual else "h 1 = held, 1 h"
    question = Text("  1:1 with ").append_text(literal(name))
    question.append(f" ({when}): held, cancelled or interrupted? ({hint}; Enter = skip)")
    status, hours = until_valid(asker, question, "skip", lambda text: _status_and_hours(answers, text, usual))
    echo = "skipped" if status == "skip" else status
    asker.say(Text(f"    → {echo}" + (f", {hours_text(hours)} h" if hours else "")))
    if status == "skip":
        return
    because = None
    if status in ("cancelled", "interrupted"):
        question = Text("    Because of which client? (key, Enter for none)")
        because = until_valid(asker, question, "", lambda s: require_client(book, s) if s.strip() else None)
    answers.one_on_ones.append((teammate, status, because))
    if hours:
        answers.held_hours[teammate] = hours
    if status == "held":
        answers.actions += _ask_actions(asker, teammate, name, day)


def _status_and_hours(answers: DayAnswers, text: str, usual: float | None) -> tuple[str, float | None]:
    """`held`, `h 1`, `i 0.5`, `c`, Enter: the status by its start, then the hours it took (held: as last time)."""
    word, _, rest = text.strip().partition(" ")
    accepted = "held, cancelled or interrupted (h 1 = held, 1 h), or Enter to skip"
    status = parse_word(word, _ANSWERS, accepted)
    if rest.strip() and status in ("cancelled", "skip"):
        taken = "a cancelled 1:1" if status == "cancelled" else "a 1:1 skipped"
        raise UsageError(f"{taken} took none of your time: type {status[0]} alone.")
    if rest.strip():
        return status, read_hours(answers, rest)
    return status, (read_hours(answers, str(usual)) if usual and status == "held" else None)


def _ask_actions(asker: Asker, teammate: str, name: str, day: date) -> list[NewAction]:
    """The action items agreed in a held 1:1: text, who owes it, when it is due; an empty text ends."""
    agreed = []
    owners = or_list(list(ACTION_OWNERS))
    question = Text("    Action items agreed with ").append_text(literal(name)).append(" (text, Enter to go on)")
    while text := until_valid(asker, question, "", str).strip():
        owner = until_valid(
            asker,
            Text(f"      Who owes it? ({owners}, Enter = me)"),
            "me",
            lambda s: parse_word(s, ACTION_OWNERS, owners),
        )
        due = until_valid(asker, Text("      Due when? (YYYY-MM-DD, Enter for no day)"), "", lambda s: _due(s, day))
        agreed.append(NewAction(teammate, text, owner, due))
    return agreed


def _due(text: str, day: date) -> date | None:
    if not text.strip():
        return None
    due = parse_date(text, day)
    if due < day:
        raise InvalidValue(f"{due} is before the 1:1 on {day}; give a later day, or Enter for none.")
    return due


def teammate_on(ledger: Ledger, day: date, text: str) -> str:
    """A teammate on the team that day, by a unique start of their key."""
    return require_key("teammate", text, ledger.book.team_on(day))


def last_day(ledger: Ledger, day: date) -> tuple[date, list[HoursRecord]] | None:
    """The last day logged before `day` with hours of its own (a 1:1's hours come with the 1:1), and those hours."""
    hours = [
        r for r in ledger.records(end=day) if isinstance(r, HoursRecord) and r.date < day and r.activity != "one-on-one"
    ]
    if not hours:
        return None
    last = hours[-1].date  # records come oldest first
    return last, [r for r in hours if r.date == last]


def defaults_of(records: list[HoursRecord]) -> Defaults:
    """A day's hours by client and by activity, with what a client's were for and who an activity was with."""
    defaults = Defaults()
    kinds: dict[str, set[str]] = {}
    whom: dict[str, set[str | None]] = {}
    for r in records:
        if r.client:
            defaults.clients[r.client] = defaults.clients.get(r.client, 0.0) + r.hours
            kinds.setdefault(r.client, set()).add(r.client_work or DELIVERY)
        elif r.activity:
            defaults.activities[r.activity] = defaults.activities.get(r.activity, 0.0) + r.hours
            whom.setdefault(r.activity, set()).add(r.teammate)
    defaults.kinds = {client: kind.pop() for client, kind in kinds.items() if len(kind) == 1}
    defaults.with_whom = {a: next(iter(w)) for a, w in whom.items() if len(w) == 1 and None not in w}  # type: ignore[misc]
    return defaults


def copy_day(answers: DayAnswers, records: list[HoursRecord]) -> None:
    """Take a day's hours as they were: each client's by what it was for, each activity's with whom."""
    defaults = defaults_of(records)
    for r in records:
        if r.client and r.client_work == DELIVERY:
            answers.client_hours[r.client] = answers.client_hours.get(r.client, 0.0) + r.hours
        elif r.client:
            line = (r.client, r.client_work or DELIVERY)
            answers.other_work[line] = answers.other_work.get(line, 0.0) + r.hours
    answers.lead_hours.update(defaults.activities)
    answers.lead_with.update(defaults.with_whom)
