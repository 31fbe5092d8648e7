"""`Lines`: news a command prints, kept whole in a pipe (one record, one line) and wrapped at words on a terminal.

Every other view (a table, a report) is laid out at the terminal's width, or
at 80 columns in a pipe.
"""

from __future__ import annotations

from rich.text import Text


class Lines:
    """One or more lines of news; ledger text in them must come through `literal` (render/text.py)."""

    def __init__(self, *lines: str | Text) -> None:
        self.text = Text("\n").join(Text(line) if isinstance(line, str) else line for line in lines)

    def __rich__(self) -> Text:
        return self.text
