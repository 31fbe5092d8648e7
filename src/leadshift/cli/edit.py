"""`leadshift edit [ledger|MONTH]`: change a ledger file by hand, checked before it is saved.

The editor gets a private copy; the real file is replaced only when the copy
validates and nobody else wrote the file meanwhile. Until then the copy is
the user's work: it is kept, and they are told where, unless they discard it.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from leadshift.cli.output import Outcome, command, news
from leadshift.cli.session import Session
from leadshift.domain.dates import MONTH_KEY
from leadshift.errors import EditDiscarded, LeadshiftError
from leadshift.storage.layout import edit_name

if TYPE_CHECKING:
    from leadshift.cli.editor import Editor
    from leadshift.cli.prompts import Asker
    from leadshift.storage.hand_edits import HandSaved
    from leadshift.storage.store import Store

_MONTH = re.compile(rf"^{MONTH_KEY}$")
LEDGER = "ledger"


def register(tree: typer.Typer) -> None:
    command(tree)(edit)


def edit(
    ctx: typer.Context,
    what: Annotated[
        str, typer.Argument(metavar="ledger|MONTH", help="`ledger` (the default) or a month like 2026-11.")
    ] = LEDGER,
) -> Outcome:
    """Edit ledger.toml or a month by hand; saved only if valid.

    `ledger` is ledger.toml; a month like 2026-11 is log/2026-11.toml. The editor is $VISUAL, else
    $EDITOR, else vi. It gets a private copy: if the copy does not validate you can edit it again,
    and if another command changed the file meanwhile nothing is overwritten.
    """
    from leadshift.cli.editor import choose_editor
    from leadshift.cli.prompts import TerminalAsker
    from leadshift.storage.writable import refuse_read_only

    session = Session.of(ctx)
    path = file_to_edit(session.store, what)
    refuse_read_only(session.store, [path])  # before the editor opens: an edit that cannot be saved is work lost
    original = session.store.read_bytes(path)
    editor = choose_editor()
    asker = TerminalAsker(session) if session.interactive() else None
    saved = edit_copy(session.store, path, original, editor, asker)
    label = session.store.label(path)
    if saved is None:
        return news(f"No changes to {label}; nothing was written.")
    kept = session.store.label(saved.kept)
    if saved.kept_broken:
        lines = [f"Saved {label}. The previous version did not validate; it is kept as {kept}."]
    else:
        lines = [f"Saved {label}. The previous version is kept as {kept}."]
    for other in saved.unchecked:
        fix = f"`leadshift edit {edit_name(other)}`"
        lines.append(f"{other} is broken, so it was not checked against this file; fix it with {fix}.")
    return news(*lines)


def file_to_edit(store: Store, what: str) -> Path:
    """ledger.toml for `ledger`, log/YYYY-MM.toml for a month that has a file."""
    from leadshift.errors import NotFound, UsageError

    word = what.strip().lower()
    if word == LEDGER:
        if not store.exists():
            store.read_book()  # raises the "no ledger" message
        return store.book_path
    if not _MONTH.match(word):
        raise UsageError(f"'{what}' is not something to edit: give `ledger` or a month like 2026-11.")
    if word not in store.month_keys():
        if not store.exists():
            store.read_book()
        raise NotFound(
            f"{store.label(store.month_path(word))} does not exist, so there is nothing to edit: "
            f"add records to {word} with `leadshift log` first (see `leadshift log --help`)."
        )
    return store.month_path(word)


def edit_copy(store: Store, path: Path, original: bytes, editor: Editor, asker: Asker | None) -> HandSaved | None:
    """Edit a private copy until it saves, is unchanged, or is given up; None when unchanged.

    `asker` None (no terminal): an invalid copy is reported, not re-opened.
    """
    from leadshift.cli.editor import discard, private_copy
    from leadshift.errors import Cancelled, EditorFailed, EditorMissing, InvalidEdit

    copy = private_copy(path.name, original)
    try:
        saved = _edit_until_valid(store, path, original, copy, editor, asker)
    except (EditorFailed, EditorMissing, EditDiscarded, Cancelled):
        discard(copy)  # the user gave up, or the editor never ran
        raise
    except InvalidEdit as error:
        raise InvalidEdit(f"{error.message} Nothing was saved. {_kept_note(store, path, copy)}") from None
    except LeadshiftError as error:  # the file changed meanwhile, the disk is full...: the edit itself was fine
        raise type(error)(f"{error.message} {_kept_note(store, path, copy)}") from None
    except BaseException:
        typer.echo(_kept_note(store, path, copy), err=True)  # a bug or Ctrl-C: their edit survives anyway
        raise
    discard(copy)
    return saved


def _edit_until_valid(
    store: Store, path: Path, original: bytes, copy: Path, editor: Editor, asker: Asker | None
) -> HandSaved | None:
    from rich.text import Text

    from leadshift.cli.editor import run_editor
    from leadshift.errors import Cancelled, EditorFailed, InvalidEdit

    while True:
        run_editor(editor, copy)
        try:
            edited = copy.read_bytes()
        except OSError as error:
            raise EditorFailed(f"cannot read the edited copy {copy}: {error.strerror}; nothing was saved.") from None
        if edited == original:
            return None
        try:
            return store.replace_by_hand(path, original, edited)
        except InvalidEdit as error:
            if asker is None:
                raise
            asker.say(Text(error.message, style="red"))
            try:
                again = asker.confirm("Edit again?", True)
            except (KeyboardInterrupt, EOFError):
                asker.say("")
                raise Cancelled(f"cancelled; your edit was discarded and {store.label(path)} is unchanged.") from None
            if not again:
                raise EditDiscarded(f"your edit was discarded; {store.label(path)} is unchanged.") from None


def _kept_note(store: Store, path: Path, copy: Path) -> str:
    what = store.edit_name(path)
    return (
        f"Your edited copy is kept at {copy}: run `leadshift edit {what}` again and redo your changes "
        f"(`diff {copy} {path}` shows them)."
    )
