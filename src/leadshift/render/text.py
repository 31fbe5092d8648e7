"""The one way ledger text reaches the terminal: literally, and harmlessly.

Names and notes are free text typed by a person or pasted from anywhere. Rich
markup in them (`[red]`, `[link=...]`) must print as brackets, and control
characters (ESC sequences, carriage returns, bidirectional overrides, NUL)
must not move the cursor, recolour the terminal or reorder what is shown.
"""

from __future__ import annotations

import re
import unicodedata
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.text import Text

_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
_JOINERS = {"\u200c", "\u200d"}  # needed by emoji sequences and some scripts; harmless
_FLAG_TAGS = range(0xE0020, 0xE0080)  # the invisible letters of subdivision flags (🏴 Scotland)
QUOTED_LIMIT = 80  # characters of a quoted value an error message shows
# A quote opens after no letter and closes before none: the apostrophes of "user's" and "can't" are not quotes.
_QUOTED = re.compile(rf"(?<!\w)'([^'\n]{{{QUOTED_LIMIT + 1},}})'(?!\w)")


def visible(value: object) -> str:
    """`value` as a string in which every control or format character is spelled out."""
    return "".join(_spell(ch) for ch in str(value))


def _spell(ch: str) -> str:
    # Cc: C0/C1 controls and DEL (ESC, CR, NUL...). Cf: invisible format
    # characters, among them the bidi overrides (U+202E) that reorder a line.
    harmless = unicodedata.category(ch) not in ("Cc", "Cf") and ch not in ("\u2028", "\u2029")
    if harmless or ch in _JOINERS or ord(ch) in _FLAG_TAGS:
        return ch
    if ch in _NAMED:
        return _NAMED[ch]
    code = ord(ch)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def literal(value: object, style: str = "") -> Text:
    """A Rich Text of ledger text: markup is not parsed, controls are spelled out."""
    from rich.text import Text  # error messages use `visible` without paying for Rich

    return Text(visible(value), style=style)


def brief(message: str) -> str:
    """`message` with each quoted value over QUOTED_LIMIT characters cut short.

    Error messages quote what was typed; a 10,000-character value would bury
    the rest of the line, which says how to fix it.
    """
    return _QUOTED.sub(lambda m: f"'{m.group(1)[: QUOTED_LIMIT - 20]}…' ({len(m.group(1))} characters)", message)
