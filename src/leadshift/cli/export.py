"""`leadshift export FILE`: the ledger as a CSV, JSON Lines or SQLite file, to take elsewhere."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from leadshift.cli import completion
from leadshift.cli.options import TODAY, choice, past_day
from leadshift.cli.output import NotBoth, Outcome, command, news
from leadshift.cli.session import Session
from leadshift.errors import Conflict, InvalidValue, LedgerWriteError, UsageError
from leadshift.export.formats import EXTENSIONS, FORMATS, format_of

if TYPE_CHECKING:
    from leadshift.export.tables import Table


def register(tree: typer.Typer) -> None:
    notes_out = NotBoth("include_notes", "anonymize", "--anonymize leaves notes out; leave out --include-notes.")
    command(tree, not_both=(notes_out,))(export)


def export(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(metavar="FILE", help="The file to write: .csv, .jsonl, .sqlite or .db.")],
    file_format: Annotated[
        Optional[str],
        typer.Option(
            "--format",
            metavar="FORMAT",
            autocompletion=completion.one_of(*FORMATS),
            parser=choice("format", FORMATS),
            help="csv, jsonl or sqlite [default: from FILE's extension].",
        ),
    ] = None,
    start: Annotated[
        Optional[date],
        typer.Option("--from", metavar="DATE", parser=past_day, help="Records from this day [default: the first]."),
    ] = None,
    end: Annotated[
        date,
        typer.Option(
            "--to", metavar="DATE", parser=past_day, show_default=False, help="Up to this day [default: today]."
        ),
    ] = TODAY,  # type: ignore[assignment]  # parsed like a typed date
    include_notes: Annotated[
        bool, typer.Option("--include-notes", help="Also notes and free texts (requests, action items' texts).")
    ] = False,
    anonymize: Annotated[
        bool, typer.Option("--anonymize", help="Clients and teammates as stable pseudonyms, no names, no notes.")
    ] = False,
    force: Annotated[bool, typer.Option("--force", help="Replace FILE if it exists.")] = False,
) -> Outcome:
    """Export the ledger for a spreadsheet, a script or a roll-up of several leaders (sqlite-utils, Datasette)."""
    session = Session.of(ctx)
    if not file.name.strip():
        raise UsageError("FILE needs a file name, like me.sqlite.")
    kind = file_format or _format_from_name(file)
    if start is not None and start > end:
        raise UsageError(f"--from {start} is after --to {end}; swap them.")
    target = _checked_target(session.home, file, kind, force)

    from leadshift.export.columns import Privacy
    from leadshift.export.formats import encode
    from leadshift.export.pseudonyms import Pseudonyms, ledger_id
    from leadshift.export.tables import Selection, export_tables
    from leadshift.storage.export_key import export_key

    book = session.reader.read_book()
    ledger = session.reader.load(book=book)  # every month: the weeks' figures reach back for the last 1:1 held
    secret = export_key(session.reader)
    privacy = Privacy(notes=include_notes, pseudonyms=Pseudonyms(secret) if anonymize else None)
    tables = export_tables(ledger, Selection(start, end, session.today, privacy), ledger_id(secret))
    _write(target, encode(kind, tables))
    return news(*_summary(file, kind, tables, include_notes, ledger_id(secret) if anonymize else None))


def _format_from_name(file: Path) -> str:
    kind = format_of(file.name)
    if kind is None:
        raise UsageError(
            f"cannot tell the format of '{file}' from its name; name it {', '.join(list(EXTENSIONS)[:-1])} "
            f"or {list(EXTENSIONS)[-1]}, or give --format {', '.join(FORMATS[:-1])} or {FORMATS[-1]}."
        )
    return kind


def _checked_target(home: Path, file: Path, kind: str, force: bool) -> Path:
    """Where to write, refused before the ledger is read if it cannot or must not be written."""
    try:
        where = file.absolute()
        resolved = where.resolve()
        resolved.is_dir()  # a name too long for the system fails here, not after the export is built
    except OSError as error:
        raise InvalidValue(f"FILE '{file}' cannot be used: {error.strerror}; choose another file.") from None
    ledger = home.resolve()
    if resolved == ledger or ledger in resolved.parents:
        raise InvalidValue(f"{where} is inside the ledger folder; export somewhere else.")
    if resolved.is_dir():
        raise InvalidValue(f"{where} is a folder; give a file name, like me.{kind}.")
    if not resolved.parent.is_dir():
        raise InvalidValue(f"the folder {where.parent} does not exist; create it or choose another.")
    if (where.is_symlink() or where.exists()) and not force:
        raise Conflict(f"{where} exists; add --force to replace it, or choose another name.")
    return where


def _write(target: Path, data: bytes) -> None:
    """Whole or not at all, 0600 (it names your people), as every file of the ledger is written."""
    from leadshift.storage.durable import write_atomic

    try:
        write_atomic(target, data)
    except OSError as error:
        raise LedgerWriteError(f"cannot save {target}: {error.strerror or error}; choose another file.") from None


def _summary(file: Path, kind: str, tables: list[Table], notes: bool, anonymous_id: str | None) -> list[str]:
    from leadshift.domain.wording import plural
    from leadshift.render.text import visible

    by_name = {t.name: len(t.rows) for t in tables}
    records = [t for t in tables if t.records]
    kinds = ", ".join(f"{t.row_type} {len(t.rows)}" for t in records if t.rows)
    counted = [
        plural(sum(len(t.rows) for t in records), "record") + (f" ({kinds})" if kinds else ""),
        plural(by_name["teammates"], "teammate"),
        plural(by_name["clients"], "client"),
        plural(by_name["weeks"], "week"),
    ]
    lines = [f"Exported to {visible(file)} ({kind}): {', '.join(counted)}."]
    if anonymous_id:
        lines[0] += f" Clients and teammates are pseudonyms; this ledger's id is {anonymous_id}."
    elif not notes:
        lines[0] += " Notes and free texts are left out (--include-notes adds them)."
    return lines
