"""What `doctor` and `restore` print: problem lines, verdicts, the backups table, and their JSON."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from leadshift.backups import Backup
from leadshift.checkup import Checkup, Problem
from leadshift.durable import BACKUPS_KEPT
from leadshift.examine import NEWER_VERSION, Examined
from leadshift.model import Book, Month
from leadshift.parsing import plural
from leadshift.render.text import visible
from leadshift.repair import Fixed, Restored

_SAVED = "%Y-%m-%d %H:%M"


# -- doctor ------------------------------------------------------------------------


def problem_line(problem: Problem) -> str:
    """What is wrong, where, and the fix, on one line."""
    return visible(f"{problem.message} Fix: {problem.fix}")


def fixed_line(fixed: Fixed) -> str:
    return visible(f"Fixed: {fixed.done}.")


def verdict(checkup: Checkup, home: Path) -> str:
    if checkup.healthy:
        months = plural(checkup.months, "month file")
        return visible(
            f"The ledger at {home} is healthy: ledger.toml and {months} ({plural(checkup.records, 'record')}), "
            f"{plural(checkup.backups, 'backup')}."
        )
    fixable = sum(p.fixable for p in checkup.problems)
    safe = f"; `leadshift doctor --fix` can fix {fixable} of them safely" if fixable else ""
    return visible(f"{plural(len(checkup.problems), 'problem')} in the ledger at {home}{safe}.")


def doctor_data(checkup: Checkup, home: Path, fixed: list[Fixed]) -> dict[str, Any]:
    return {
        "ledger": str(home),
        "healthy": checkup.healthy,
        "months": checkup.months,
        "records": checkup.records,
        "backups": checkup.backups,
        "problems": [problem_data(p) for p in checkup.problems],
        "fixed": [{**problem_data(f.problem), "done": f.done} for f in fixed],
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


def backups_lines(backups: list[Backup]) -> list[str]:
    """The backups under the file each is a version of, newest first: when saved, size, what it holds or why broken."""
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


def backups_data(backups: list[Backup]) -> list[dict[str, Any]]:
    return [_backup_data(b) for b in backups]


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


def restored_lines(restored: Restored) -> list[str]:
    backup, saved = restored.backup, restored.saved.strftime(_SAVED)
    if restored.unchanged:
        return [f"{backup.file} already holds backups/{backup.name} (saved {saved}); nothing changed."]
    lines = [f"Restored {backup.file} from backups/{backup.name} (saved {saved}): {restored.examined.holds()}."]
    if restored.kept is None:
        lines.append(f"There was no {backup.file} before.")
    elif restored.kept_broken:
        lines.append(
            f"The version it replaced was not sound, so it is kept as backups/{restored.kept}, outside the "
            f"{BACKUPS_KEPT} rotating backups: copy anything you need from it by hand."
        )
    else:
        lines.append(
            f"The version it replaced is kept as backups/{restored.kept}; "
            f"undo with `leadshift restore {restored.kept}`."
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
