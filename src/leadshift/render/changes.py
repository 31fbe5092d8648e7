"""What `undo` and `redo` print, and the list of recent changes (`undo --list`)."""

from __future__ import annotations

from typing import Any

from rich.console import RenderableType
from rich.text import Text

from leadshift.domain.changelog import Change, History, Reverted
from leadshift.render.lines import Lines
from leadshift.render.tables import plain_table
from leadshift.render.text import literal


def change_data(change: Change) -> dict[str, Any]:
    return {
        "id": change.id,
        "at": change.at.isoformat(timespec="seconds"),
        "command": change.command,
        "summary": change.summary,
        "undone": change.undone,
    }


def reverted_data(reverted: Reverted) -> dict[str, Any]:
    return change_data(reverted.change)


def history_data(history: History) -> list[dict[str, Any]]:
    return [change_data(change) for change in history.changes]


def reverted_view(reverted: Reverted) -> Lines:
    change = reverted.change
    verb, again = (
        ("Redid", "`leadshift undo` takes it back again")
        if reverted.redone
        else (
            "Undid",
            "`leadshift redo` puts it back",
        )
    )
    return Lines(
        Text(f"{verb} `{change.command}` of {change.at:%Y-%m-%d %H:%M}: ").append_text(literal(change.summary)),
        f"{again}.",
    )


def history_view(history: History) -> RenderableType:
    if not history.changes:
        return Lines("No changes recorded yet: each change leadshift makes from now on can be undone.")
    table = plain_table(
        "id", "at", "command", "what changed", "", title="Recent changes", fixed=("id", "at", "command")
    )
    for change in history.changes:
        table.add_row(
            str(change.id),
            f"{change.at:%Y-%m-%d %H:%M}",
            change.command,
            literal(change.summary),
            Text("undone", style="yellow") if change.undone else "",
        )
    return table
