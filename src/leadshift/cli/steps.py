"""The walkthrough's questions as steps: `back` (or `<`) returns to the one before, the answers so far kept.

Each accepted answer is kept in order. On `back` the last one is taken off and
the walk runs again from the start, answered silently from what was kept (the
same ledger and the same answers ask the same questions), up to the question
before; it is asked again with its earlier answer as the default. A question
whose wording changed (held became cancelled) is a different step: no default
carries over to it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from rich.text import Text

from leadshift.cli.prompts import Asker
from leadshift.errors import LeadshiftError
from leadshift.render.text import literal

T = TypeVar("T")
BACK = ("back", "<")


class Back(Exception):
    """The leader asked to go back a question."""


class Steps:
    """An Asker that keeps each accepted answer, so that the walk can be replayed up to any question."""

    def __init__(self, asker: Asker) -> None:
        self.asker = asker
        self.kept: list[tuple[str, str]] = []  # (question, answer), each accepted, in order
        self.earlier: dict[tuple[int, str], str] = {}  # answers taken back, by position and question
        self.at = 0
        self.quiet = False

    def step(self, question: Text, default: str, read: Callable[[str], T]) -> T:
        """The answer to the question at this point of the walk: replayed when kept, else asked until valid."""
        at, asked = self.at, question.plain.strip()
        self.at += 1
        if at < len(self.kept):
            return read(self.kept[at][1])
        self.quiet = False  # from here on the leader is answering
        default = self.earlier.get((at, asked), default)
        while True:
            answer = self.asker.ask(question, default)
            if answer.strip().lower() in BACK:
                if self.kept:
                    raise Back
                self.asker.say("This is the first question: nothing to go back to.")
                continue
            try:
                value = read(answer)
            except LeadshiftError as error:
                self.asker.say(literal(error.message, "red"))  # it quotes what was typed, never a note
                continue
            self.kept.append((asked, answer))
            return value

    def back(self) -> None:
        """Take the last answer off; the walk, run again, asks its question with that answer as the default."""
        asked, answer = self.kept.pop()
        self.earlier[(len(self.kept), asked)] = answer

    def restart(self) -> None:
        self.at = 0
        self.quiet = bool(self.kept)  # what was said up to the question asked again was said before

    def ask(self, question: Text, default: str) -> str:
        return self.step(question, default, str)

    def confirm(self, question: Text | str, default: bool) -> bool:
        from leadshift.cli.parsing import parse_word

        text = question if isinstance(question, Text) else Text(question)
        accepted = "yes or no"
        return self.step(text, "yes" if default else "no", lambda s: parse_word(s, ("yes", "no"), accepted)) == "yes"

    def say(self, message: Text | str) -> None:
        if not self.quiet:
            self.asker.say(message)


def walk(asker: Asker, body: Callable[[Steps], T]) -> T:
    """Run `body` with its questions as steps, again from the start each time the leader goes back."""
    steps = Steps(asker)
    while True:
        steps.restart()
        try:
            return body(steps)
        except Back:
            steps.back()
