"""The walkthrough's last question, "anything else?": steps that cost one Enter when there is nothing else.

An escalation (who brought it, did you ask for their solution first), a yes to
a client (the request and what it cost, from the pick list `leadshift yes`
offers), a note on a line of the day, another client's hours, or a 1:1 that
was not due. Each comes back to the question until Enter.
"""

from __future__ import annotations

from rich.text import Text

from leadshift.cli.day_answers import DayAnswers, Yes, keyed_records
from leadshift.cli.parsing import parse_word
from leadshift.cli.prompts import Asker, until_valid
from leadshift.cli.walk_questions import ask_client_hours, ask_one_on_one, teammate_on
from leadshift.domain.changes import require_client
from leadshift.domain.ledger import Ledger
from leadshift.domain.schema import MAX_NOTE
from leadshift.domain.wording import hours_text
from leadshift.errors import InvalidValue, UsageError

CHOICES = ("escalation", "yes", "note", "client", "1:1")
_QUESTION = "Anything else? (e)scalation, (y)es to a client, (n)ote, (c)lient, (1):1, Enter = done"


def anything_else(asker: Asker, ledger: Ledger, answers: DayAnswers) -> None:
    """Ask until Enter; each choice is its own few steps."""
    read = lambda s: parse_word(s, CHOICES, "e, y, n, c, 1, or Enter when done") if s.strip() else ""  # noqa: E731
    while choice := until_valid(asker, Text(_QUESTION), "", read):
        {
            "escalation": _escalation,
            "yes": _yes,
            "note": _note,
            "client": _client,
            "1:1": _one_on_one,
        }[choice](asker, ledger, answers)


def _escalation(asker: Asker, ledger: Ledger, answers: DayAnswers) -> None:
    """`log escalation`: who brought a problem; did you ask for their solution first? (docs/coaching.md, 10)"""
    who = until_valid(asker, Text("    Who brought it? (teammate)"), "", lambda s: teammate_on(ledger, answers.day, s))
    question = Text("    Did you ask for their solution first? (a)sked first, (t)old them")
    how = until_valid(asker, question, "", lambda s: parse_word(s, ("asked", "told"), "a if you asked first, t if not"))
    answers.escalations.append((who, how == "asked"))


def _yes(asker: Asker, ledger: Ledger, answers: DayAnswers) -> None:
    """`leadshift yes`: the client, the request, urgent or not, and what it displaced (docs/coaching.md, 15)."""
    from leadshift.cli.yes import ask_what_no, chosen, parse_request

    book = ledger.book
    client = until_valid(asker, Text("    Which client? (key)"), "", lambda s: require_client(book, s))
    request = until_valid(
        asker, Text("    What did they ask for? (a few words)"), "", lambda s: parse_request(s, "the request", "")
    )
    urgent = until_valid(asker, Text("    Urgent? (y/n)"), "no", lambda s: parse_word(s, ("yes", "no"), "y or n"))
    kind, teammate = ask_what_no(asker, ledger, answers.day, None, False)
    asker.say(Text("    ").append_text(chosen(book, kind, teammate)))
    answers.yeses.append(Yes(client, request, urgent == "yes", kind, teammate))


def _note(asker: Asker, ledger: Ledger, answers: DayAnswers) -> None:
    """A note on one line of the day: listed by number, then its text (Enter: no note)."""
    from leadshift.render.tables import describe

    lines = keyed_records(answers, iter(f"{n:08x}" for n in range(1, 1 << 16)).__next__)
    if not lines:
        asker.say("Nothing to put a note on yet.")
        return
    for number, (_, record) in enumerate(lines, 1):
        hours = getattr(record, "hours", None)
        asker.say(
            Text(f"    {number}. ").append_text(describe(record)).append(f", {hours_text(hours)} h" if hours else "")
        )
    which = until_valid(asker, Text(f"    Note on which? (1-{len(lines)})"), "", lambda s: _number(s, len(lines)))
    key = lines[which - 1][0]
    note = until_valid(asker, Text("    The note (Enter = none)"), answers.notes.get(key, ""), _note_text)
    if note:
        answers.notes[key] = note
    else:
        answers.notes.pop(key, None)


def _number(text: str, count: int) -> int:
    typed = text.strip()
    if typed.isdecimal() and 1 <= int(typed) <= count:
        return int(typed)
    raise UsageError(f"'{text}' is not a line number: type one from 1 to {count}.")


def _note_text(text: str) -> str:
    """The note, never quoted back (docs/coaching.md on privacy: notes stay out of messages)."""
    note = text.strip()
    if len(note) > MAX_NOTE:
        raise InvalidValue(f"the note has {len(note)} characters; keep it to {MAX_NOTE}.")
    return note


def _client(asker: Asker, ledger: Ledger, answers: DayAnswers) -> None:
    """Hours on any client (one the team serves, too); one entered already offers its figure to change."""
    book = ledger.book
    key = until_valid(asker, Text("    Which client? (key)"), "", lambda s: require_client(book, s))
    ask_client_hours(asker, answers, book, key, None)


def _one_on_one(asker: Asker, ledger: Ledger, answers: DayAnswers) -> None:
    """A 1:1 that was not due (held early, say), asked as a due one is."""
    from leadshift.domain.cadence import last_held
    from leadshift.domain.records import OneOnOneRecord

    day, book = answers.day, ledger.book
    logged = {r.teammate for r in ledger.records(day, day) if isinstance(r, OneOnOneRecord)}

    def read(text: str) -> str:
        key = teammate_on(ledger, day, text)
        if key in logged:
            raise UsageError(f"{book.teammates[key].name}'s 1:1 is already logged on {day} (`leadshift show`).")
        if key in {mate for mate, _, _ in answers.one_on_ones}:
            raise UsageError(f"{book.teammates[key].name}'s 1:1 is already in this day (type back to change it).")
        return key

    teammate = until_valid(asker, Text("    Whose 1:1? (teammate)"), "", read)
    held = last_held(ledger, teammate, day)
    ask_one_on_one(asker, answers, ledger, teammate, f"last held {held}" if held else "none held yet")
