"""`--svg` / `--html`: the on-screen report saved as a picture or a page, privately."""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import TYPE_CHECKING

from leadshift.errors import InvalidValue, LeadshiftError, UsageError

if TYPE_CHECKING:
    from rich.console import RenderableType

EXPORT_WIDTH = 80
# Rich's SVG loads its font from a CDN; a report about your people stays offline
# and falls back to the reader's own monospace font.
_WEB_FONT = re.compile(r"@font-face\s*\{[^}]*\}\s*")


def check_targets(home: Path, svg: Path | None, html: Path | None) -> list[tuple[Path, str]]:
    """The files to write, refused up front (before any output) if they cannot or must not be written."""
    targets = [(path, kind) for path, kind in ((svg, "svg"), (html, "html")) if path is not None]
    if svg is not None and html is not None and svg.resolve() == html.resolve():
        raise UsageError("--svg and --html name the same file; give each its own.")
    ledger = home.resolve()
    for path, kind in targets:
        if not path.name.strip():
            raise UsageError(f"--{kind} needs a file name, like review.{kind}.")
        try:
            where = path.resolve()
            where.is_dir()  # a name too long for the system fails here, not halfway through the export
        except OSError as error:
            raise InvalidValue(f"--{kind} '{path}' cannot be used: {error.strerror}; choose another file.") from None
        if where == ledger or ledger in where.parents:
            raise InvalidValue(f"--{kind} {path} is inside the ledger folder; save the report somewhere else.")
        if where.is_dir():
            raise InvalidValue(f"--{kind} {path} is a folder; give a file name, like review.{kind}.")
        if not where.parent.is_dir():
            raise InvalidValue(
                f"--{kind} {path}: the folder {where.parent} does not exist; create it or choose another."
            )
    return targets


def save(view: RenderableType, targets: list[tuple[Path, str]]) -> None:
    """Render `view` in colour at 80 columns, whatever the terminal, and write each file 0600."""
    if not targets:
        return  # rendering the report a second time, for no file, was half the time of a plain `review`
    import io

    from rich.console import Console

    console = Console(
        record=True, file=io.StringIO(), width=EXPORT_WIDTH, color_system="truecolor", force_terminal=True
    )
    console.print(view)
    for path, kind in targets:
        if kind == "svg":
            content = _WEB_FONT.sub("", console.export_svg(title="leadshift review", clear=False))
        else:
            content = console.export_html(clear=False)
        _write_private(path, content)


def _write_private(path: Path, content: str) -> None:
    flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as file:
            os.fchmod(file.fileno(), 0o600)  # the report names your people: not for other users
            file.write(content)
    except OSError as error:
        raise LeadshiftError(f"cannot save {path}: {error.strerror or error}; choose another file.") from None
