"""What a leader owes their people, kept in `ledger.toml`: action items from 1:1s and obstacles they raised.

Both stay open until closed, so they carry from one 1:1 to the next: essay 002 asks the leader to hear
what gets in the way of serving clients, say what they will do, and follow through.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from pydantic import Field, model_validator

from leadshift.domain.schema import Key, Note, Strict, broken_rule
from leadshift.domain.terms import ACTION_OWNERS

MAX_TEXT = 500  # characters of an item's text; the rest belongs in its note
Text = Annotated[str, Field(min_length=1, max_length=MAX_TEXT)]
ActionOwner = Literal[ACTION_OWNERS]  # type: ignore[valid-type]


class Promise(Strict):
    """An item kept open until it is done: with whom, what, since when, and how it ended."""

    teammate: Key
    text: Text
    opened: date
    done: date | None = None
    note: Note = ""  # how it was closed: what you did

    @model_validator(mode="after")
    def _done_after_opened(self) -> Promise:
        if self.done is not None and self.done < self.opened:
            raise broken_rule(f"it is done on {self.done}, before it was opened on {self.opened}", at=("done",))
        return self

    def open_on(self, day: date) -> bool:
        """Opened by `day` and not done by then."""
        return self.opened <= day and (self.done is None or self.done > day)


class ActionItem(Promise):
    """Something agreed in a 1:1: `owner` me is what you promised them, `them` what they took on."""

    owner: ActionOwner = "me"
    due: date | None = None


class Obstacle(Promise):
    """What a teammate said gets in the way of serving clients; the note says what you did about it."""
