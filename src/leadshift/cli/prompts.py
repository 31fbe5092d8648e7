"""Asking the leader questions through a seam: an `Asker` answered from a script in tests, `TerminalAsker` for real."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol, TypeVar

from rich.text import Text

from leadshift.errors import LeadshiftError
from leadshift.render.text import literal

if TYPE_CHECKING:
    from leadshift.cli.session import Session

T = TypeVar("T")


class Asker(Protocol):
    def ask(self, question: Text, default: str) -> str: ...
    def confirm(self, question: Text | str, default: bool) -> bool: ...
    def say(self, message: Text | str) -> None: ...


def until_valid(asker: Asker, question: Text, default: str, read: Callable[[str], T]) -> T:
    """Ask until `read` accepts the answer; each refusal's message is shown before asking again."""
    step = getattr(asker, "step", None)
    if step is not None:  # the walkthrough's steps (cli/steps.py): they keep the answer, for `back`
        return step(question, default, read)  # type: ignore[no-any-return]
    while True:
        answer = asker.ask(question, default)
        try:
            return read(answer)
        except LeadshiftError as error:
            asker.say(literal(error.message, "red"))  # it quotes what was typed


def confirm_loss(session: Session, what_goes: str, yes: bool) -> None:
    """Before a change that destroys something: say `what_goes` and ask (default no); `--yes` answers for scripts."""
    from leadshift.errors import Declined, NotConfirmed

    if yes:
        return
    if not session.interactive():
        raise NotConfirmed(f"{what_goes}. Nothing was changed: confirm with --yes (there is no terminal to ask on).")
    if not TerminalAsker(session).confirm(literal(f"{what_goes}. Go ahead?"), default=False):
        raise Declined("nothing was changed.")


class TerminalAsker:
    """Asks on the real terminal with Rich prompts: defaults shown, Enter accepts."""

    def __init__(self, session: Session) -> None:
        self.console = session.console

    def ask(self, question: Text, default: str) -> str:
        from rich.prompt import Prompt

        return Prompt.ask(question, default=default, console=self.console, show_default=bool(default))

    def confirm(self, question: Text | str, default: bool) -> bool:
        from rich.prompt import Confirm

        return Confirm.ask(question, default=default, console=self.console)

    def say(self, message: Text | str) -> None:
        self.console.print(message)
