"""What `doctor` and `restore` print: problem lines, verdicts, the backups table, and their JSON."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from leadshift.domain.book import Book
from leadshift.domain.records import Month
from leadshift.domain.wording import plural
from leadshift.recovery.backups import Backup, BackupList
from leadshift.recovery.doctor import Checkup, Fixed, Note, Problem
from leadshift.recovery.examine import NEWER_VERSION, Examined
from leadshift.recovery.restore import Restored
from leadshift.render.lines import Lines
from leadshift.render.text import visible

_SAVED = "%Y-%m-%d %H:%M"


# -- doctor ------------------------------------------------------------------------


def doctor_view(checkup: Checkup) -> Lines:
    """What --fix did, each problem left with its fix, the notes, then the verdict."""
    problems = map(problem_line, checkup.problems)
    return Lines(*map(fixed_line, checkup.fixed), *problems, *map(note_line, checkup.notes), verdict(checkup))


def problem_line(problem: Problem) -> str:
    """What is wrong, where, and the fix, on one line."""
    return visible(f"{problem.message} Fix: {problem.fix}")


def note_line(note: Note) -> str:
    """Something worth knowing that is not a problem (a read-only file): no fix, and the ledger is healthy."""
    return visible(f"Note: {note.message}")


def fixed_line(fixed: Fixed) -> str:
    return visible(f"Fixed: {fixed.done}.")


def verdict(checkup: Checkup) -> str:
    home = checkup.home
    if checkup.healthy:
        months = plural(checkup.months, "month file")
        return visible(
            f"The ledger at {home} is healthy: ledger.toml and {months} ({plural(checkup.records, 'record')}), "
            f"{plural(checkup.backups, 'backup')}."
        )
    fixable = sum(p.fixable for p in checkup.problems)
    safe = f"; `leadshift doctor --fix` can fix {fixable} of them safely" if fixable else ""
    return visible(f"{plural(len(checkup.problems), 'problem')} in the ledger at {home}{safe}.")


def doctor_data(checkup: Checkup) -> dict[str, Any]:
    return {
        "ledger": str(checkup.home),
        "healthy": checkup.healthy,
        "months": checkup.months,
        "records": checkup.records,
        "backups": checkup.backups,
        "problems": [problem_data(p) for p in checkup.problems],
        "fixed": [{**problem_data(f.problem), "done": f.done} for f in checkup.fixed],
        "notes": [{"code": n.code, "file": n.file, "message": n.message} for n in checkup.notes],
    }


def problem_data(problem: Problem) -> dict[str, Any]:
    return {
        "code": problem.code,
        "file": problem.file,
        "line": problem.line,
        "message": problem.message,
        "fix": problem.fix,
        "fixable": problem.fixable,
    }


# -- restore -------------------------------------------------------------------------


def backups_view(listed: BackupList) -> Lines:
    """The backups under the file each is a version of, newest first: when saved, size, what it holds or why broken."""
    if not listed.backups:
        return Lines(visible(f"No backups in {listed.folder} yet: leadshift keeps one each time it replaces a file."))
    header = visible(f"Backups in {listed.folder}, newest first; put one back with `leadshift restore BACKUP`.")
    return Lines(header, *_backup_lines(listed.backups))


def _backup_lines(backups: list[Backup]) -> list[str]:
    lines: list[str] = []
    width = max((len(b.name.name) for b in backups), default=0)
    file = None
    for backup in backups:
        if backup.name.file != file:
            file = backup.name.file
            lines.append(file)
        saved = backup.saved.strftime(_SAVED)
        lines.append(visible(f"  {backup.name.name:<{width}}  {saved}  {_size(backup.size):>8}  {_state(backup)}"))
    return lines


def _state(backup: Backup) -> str:
    examined = backup.examined
    if backup.name.broken:
        return "a broken version set aside"
    if examined.valid:
        return examined.holds()
    if examined.code == NEWER_VERSION:
        return "from a newer leadshift"
    # The message starts with the backup's name; the line already shows it.
    return "broken: " + examined.message.removeprefix(f"backups/{backup.name.name}").lstrip(", ").removesuffix(".")


def backups_data(listed: BackupList) -> list[dict[str, Any]]:
    return [_backup_data(b) for b in listed.backups]


def _backup_data(backup: Backup) -> dict[str, Any]:
    return {
        "backup": backup.name.name,
        "file": backup.name.file,
        "saved": backup.saved.isoformat(timespec="seconds"),
        "size": backup.size,
        **_counts(backup.examined),
        "valid": backup.examined.valid,
        "set_aside": backup.name.broken,
        "problem": backup.examined.message or None,
    }


def _counts(examined: Examined) -> dict[str, int | None]:
    content = examined.content
    return {
        "teammates": len(content.teammates) if isinstance(content, Book) else None,
        "clients": len(content.clients) if isinstance(content, Book) else None,
        "records": len(content.records()) if isinstance(content, Month) else None,
    }


def restored_view(restored: Restored) -> Lines:
    return Lines(*_restored_lines(restored))


def _restored_lines(restored: Restored) -> list[str]:
    backup, saved = restored.backup, restored.saved.strftime(_SAVED)
    if restored.unchanged:
        return [f"{backup.file} already holds backups/{backup.name} (saved {saved}); nothing changed."]
    lines = [f"Restored {backup.file} from backups/{backup.name} (saved {saved}): {restored.examined.holds()}."]
    if restored.kept is None:
        lines.append(f"There was no {backup.file} before.")
    elif restored.kept_broken:
        lines.append(
            f"The version it replaced was not sound, so it is kept as backups/{restored.kept}, outside the "
            f"{restored.backups_kept} rotating backups: copy anything you need from it by hand."
        )
    else:
        lines.append(
            f"The version it replaced is kept as backups/{restored.kept}; "
            f"`leadshift undo` takes the restore back (or `leadshift restore {restored.kept}`)."
        )
    for month in restored.unchecked:
        lines.append(
            f"{month} is broken, so it was not checked against this ledger.toml; fix it with "
            f"`leadshift edit {Path(month).stem}`."
        )
    return [visible(line) for line in lines]


def restored_data(restored: Restored) -> dict[str, Any]:
    undo = restored.kept if restored.kept and not restored.kept_broken else None
    return {
        "file": restored.backup.file,
        "backup": restored.backup.name,
        "saved": restored.saved.isoformat(timespec="seconds"),
        **_counts(restored.examined),
        "changed": not restored.unchanged,
        "kept": restored.kept,
        "kept_broken": restored.kept_broken,
        "undo": f"leadshift restore {undo}" if undo else None,
        "unchecked": list(restored.unchecked),
    }


def _size(size: int) -> str:
    return f"{size} B" if size < 1000 else f"{size / 1000:.1f} kB"
