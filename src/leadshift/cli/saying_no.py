"""What a yes can displace: the rules for `--no` and `--with`, and the pick list asked on a terminal."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from rich.text import Text

from leadshift.cadence import Due, schedule
from leadshift.cli.asking import Asker, until_valid
from leadshift.edits import require_teammate
from leadshift.errors import UsageError
from leadshift.model import Book, Ledger, OneOnOneRecord
from leadshift.parsing import parse_choice
from leadshift.render.text import literal
from leadshift.terms import NO_KINDS

HORIZON_DAYS = 7  # the pick list offers the 1:1s due from the day of the yes to a week later
NOBODYS_TIME = ("personal", "nothing")  # nos that give up no teammate's time
FREE_CHOICES = {
    "interview": "an interview with a candidate",
    "team": "a team meeting",
    "strategy": "strategy time",
    "learning": "learning time",
    "personal": "personal time",
    "other": "something else inside the team",
    "nothing": "nothing: this yes displaces nothing",
}


@dataclass(frozen=True)
class Choice:
    """One line of the pick list: a kind of no, and the teammate when it is their 1:1."""

    kind: str
    teammate: str | None
    label: Text


def check_no(kind: str, teammate: str | None, cancel: bool) -> None:
    """Refuse a `--with` or `--cancel-one-on-one` that does not fit the kind of no."""
    if kind == "one-on-one" and teammate is None:
        raise UsageError("a no to a 1:1 needs --with TEAMMATE: whose 1:1 was it?")
    if kind in NOBODYS_TIME and teammate is not None:
        what = "personal time is yours" if kind == "personal" else "a yes that displaces nothing costs nobody"
        raise UsageError(f"--with names the teammate whose time was given up, but {what}; leave --with out.")
    if cancel and kind != "one-on-one":
        raise UsageError("--cancel-one-on-one goes with a no to a 1:1: --no one-on-one --with TEAMMATE.")


def choices(ledger: Ledger, day: date) -> list[Choice]:
    """The 1:1s due from `day` to a week later (overdue first), then every other kind of no."""
    try:
        horizon = day + timedelta(days=HORIZON_DAYS)
    except OverflowError:
        horizon = date.max
    # As the review and `check` count it: someone never met falls due a cadence after you took the team.
    due = sorted(
        (d for d in schedule(ledger, day) if d.due_on is not None and d.due_on <= horizon),
        key=lambda d: (d.due_on, d.teammate),
    )
    book = ledger.book
    listed = [Choice("one-on-one", d.teammate, _due_label(book, d, day)) for d in due]
    if len(due) < len(book.teammates):
        listed.append(Choice("one-on-one", None, Text("a 1:1 with someone else (you name them)")))
    return listed + [Choice(kind, None, Text(label)) for kind, label in FREE_CHOICES.items()]


def _due_label(book: Book, due: Due, day: date) -> Text:
    label = Text("1:1 with ").append_text(literal(book.teammates[due.teammate].name))
    assert due.due_on is not None  # schedule() dates every one
    when = "today" if due.due_on == day else str(due.due_on)
    label.append(f", overdue since {due.due_on}" if due.due_on < day else f", due {when}")
    return label.append(" (none held yet)" if due.last_held is None else "")


def ask_what_no(asker: Asker, ledger: Ledger, day: date, teammate: str | None, cancel: bool) -> tuple[str, str | None]:
    """Ask "What are you saying no to?" with the pick list; the kind chosen and whose time it was."""
    listed = choices(ledger, day)
    asker.say(Text("What are you saying no to?", style="bold"))
    for number, choice in enumerate(listed, 1):
        asker.say(Text(f"  {number:>2}. ").append_text(choice.label))

    def read(answer: str) -> Choice:
        word = answer.strip()
        if word.isdigit() and 1 <= int(word) <= len(listed):
            choice = listed[int(word) - 1]
        elif not word or word.isdigit():
            raise UsageError(f"type a number from 1 to {len(listed)}, or a kind such as 'team'.")
        else:
            choice = Choice(parse_choice("kind of no", word, NO_KINDS), None, Text(word))
        if teammate and choice.teammate and choice.teammate != teammate:
            raise UsageError(f"that is {choice.teammate}'s 1:1, but --with names {teammate}; pick again.")
        if choice.kind != "one-on-one":
            check_no(choice.kind, teammate, cancel)
        elif not ledger.book.teammates:
            raise UsageError("there is no teammate yet whose 1:1 it could be; pick another kind.")
        return choice

    choice = until_valid(asker, Text(f"Pick 1-{len(listed)}"), "", read)
    whose = choice.teammate or teammate
    if choice.kind == "one-on-one" and whose is None:
        whose = ask_whose(asker, ledger.book)
    return choice.kind, whose


def ask_whose(asker: Asker, book: Book) -> str:
    """Ask which teammate's 1:1 it was, until a known key is given."""
    question = Text(f"Whose 1:1? ({', '.join(sorted(book.teammates))})")
    return until_valid(asker, question, "", lambda key: require_teammate(book, key))


def logged_one_on_one(ledger: Ledger, teammate: str, day: date) -> OneOnOneRecord | None:
    """A 1:1 with `teammate` already logged on `day`, whatever became of it."""
    return next((r for r in ledger.records(day, day) if isinstance(r, OneOnOneRecord) and r.teammate == teammate), None)
