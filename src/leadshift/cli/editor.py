"""The user's text editor: which one ($VISUAL, $EDITOR, vi), a private copy to open in it, and running it."""

from __future__ import annotations

import os
import shlex
import shutil
import signal
import subprocess
import tempfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from leadshift.errors import EditorFailed, EditorMissing

FALLBACK = "vi"


@dataclass(frozen=True)
class Editor:
    argv: list[str]
    source: str  # where it came from, for messages: "$VISUAL", "$EDITOR" or "the default, vi"

    @property
    def name(self) -> str:
        return Path(self.argv[0]).name


def choose_editor(environ: Mapping[str, str] = os.environ, which: Callable[[str], str | None] = shutil.which) -> Editor:
    """$VISUAL, else $EDITOR, else vi if installed; parsed like a shell would (`code --wait` works)."""
    for variable in ("VISUAL", "EDITOR"):
        command = environ.get(variable, "").strip()
        if command:
            try:
                argv = shlex.split(command)
            except ValueError as error:
                raise EditorMissing(f"${variable} cannot be read as a command ({error}); fix its quotes.") from None
            if which(argv[0]) is None:
                raise EditorMissing(
                    f"${variable} names '{argv[0]}', which is not an installed program; "
                    f"set ${variable} to your editor, for example `export {variable}=nano`."
                )
            return Editor(argv, f"${variable}")
    if which(FALLBACK) is None:
        raise EditorMissing("no text editor found: set $EDITOR to yours, for example `export EDITOR=nano`.")
    return Editor([FALLBACK], f"the default, {FALLBACK}")


def private_copy(name: str, data: bytes) -> Path:
    """`data` in a new 0700 folder, as a 0600 file called `name` (editors pick TOML highlighting by name)."""
    folder = Path(tempfile.mkdtemp(prefix="leadshift-edit-"))  # mkdtemp makes it 0700
    copy = folder / name
    fd = os.open(copy, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o600)
    with os.fdopen(fd, "wb") as out:
        out.write(data)
    return copy


def discard(copy: Path) -> None:
    """Remove a private copy and its folder (editors may leave swap or backup files beside it)."""
    shutil.rmtree(copy.parent, ignore_errors=True)


def run_editor(editor: Editor, path: Path) -> None:
    """Open `path` in the editor and wait; raise EditorFailed unless it exits with status 0."""
    try:
        process = subprocess.Popen([*editor.argv, str(path)])
    except OSError as error:
        raise EditorMissing(
            f"cannot run {editor.name} (from {editor.source}): {error.strerror}; "
            "set $EDITOR to your editor, for example `export EDITOR=nano`."
        ) from None
    # Ctrl-C in the editor reaches us too (same terminal); it is the editor's key, so do not die under it.
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        status = process.wait()
    finally:
        signal.signal(signal.SIGINT, previous)
    if status != 0:
        how = f"was stopped by signal {-status}" if status < 0 else f"exited with status {status}"
        raise EditorFailed(f"the editor ({editor.name}) {how}; nothing was saved.")
