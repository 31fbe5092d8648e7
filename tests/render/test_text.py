"""render.text: ledger text reaches the terminal literally and harmlessly."""

from __future__ import annotations

import io

import pytest
from rich.console import Console

from leadshift.render.text import literal, visible

ESC = "\x1b"


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("\x1b[31mred\x1b[0m", "\\x1b[31mred\\x1b[0m"),
        ("done\rnot done", "done\\rnot done"),
        ("a\x00b", "a\\x00b"),
        ("\u202eevil.exe", "\\u202eevil.exe"),
        ("two\nlines", "two\\nlines"),
        ("tab\there", "tab\\there"),
        ("\x07bell", "\\x07bell"),
        ("del\x7f", "del\\x7f"),
        ("\x9b31m", "\\x9b31m"),  # C1 CSI
        ("line\u2028separator\u2029", "line\\u2028separator\\u2029"),
        ("zero\u200bwidth", "zero\\u200bwidth"),
        ("\ufeffbom", "\\ufeffbom"),
        ("\u2066isolate\u2069", "\\u2066isolate\\u2069"),
    ],
)
def test_visible_spells_out_controls(text: str, shown: str) -> None:
    assert visible(text) == shown


@pytest.mark.parametrize(
    "text",
    [
        "é",
        "Élodie Müller-Ødegård",
        "日本",
        "مرحبا",
        "می\u200cخواهم",  # ZWNJ, needed by Persian
        "e\u0301",  # combining accent
        "👩\u200d💻",  # ZWJ sequence
        "👨\u200d👩\u200d👧",
        "👍🏽",
        "❤️",  # with variation selector
        "[red]x[/]",  # markup is literal() 's business, not visible()'s
        "plain ASCII, with 'quotes' and \\backslashes\\",
        "",
    ],
)
def test_visible_keeps_ordinary_text(text: str) -> None:
    assert visible(text) == text


def test_visible_takes_any_value() -> None:
    assert visible(42) == "42"
    assert visible(None) == "None"
    assert visible(1.5) == "1.5"


def render(*renderables: object, terminal: bool = False) -> tuple[str, str]:
    """What a Console writes, and what it exports as text."""
    out = io.StringIO()
    console = Console(
        file=out, record=True, width=80, force_terminal=terminal, color_system="truecolor" if terminal else None
    )
    console.print(*renderables)
    return out.getvalue(), console.export_text()


def test_plain_strings_would_be_read_as_markup() -> None:
    # Why literal() exists: Rich eats the brackets of a plain string.
    _, text = render("[red]x[/]")
    assert text == "x\n"


def test_literal_prints_markup_as_brackets() -> None:
    written, text = render(literal("[red]x[/]"))
    assert text == "[red]x[/]\n"
    assert written == "[red]x[/]\n"
    assert ESC not in written


def test_literal_prints_links_and_escapes_literally() -> None:
    _, text = render(literal("[link=https://evil.example]click[/link] \\[b]"))
    assert text == "[link=https://evil.example]click[/link] \\[b]\n"


def test_literal_neutralises_terminal_escapes_on_a_terminal() -> None:
    written, text = render(literal("\x1b]0;pwned\x07\x1b[2J[bold]Alice", style="bold"), terminal=True)
    assert text == "\\x1b]0;pwned\\x07\\x1b[2J[bold]Alice\n"
    assert ESC not in text
    # The only escape sequences written are Rich's own styling, around the spelled-out text.
    assert written == f"{ESC}[1m\\x1b]0;pwned\\x07\\x1b[2J[bold]Alice{ESC}[0m\n"


def test_literal_keeps_its_style() -> None:
    assert literal("x", style="bold").style == "bold"
    assert literal("x").plain == "x"
    assert literal("a\rb").plain == "a\\rb"


def test_subdivision_flags_stay_whole() -> None:
    scotland = "\U0001f3f4\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f"
    assert visible(f"Glasgow {scotland}") == f"Glasgow {scotland}"


def test_brief_cuts_a_long_quoted_value_and_keeps_the_rest_of_the_message() -> None:
    from leadshift.render.text import brief

    message = f"'{'x' * 10_000}' is not a week: use YYYY-Www, for example 2026-W47."
    assert brief(message) == f"'{'x' * 60}…' (10000 characters) is not a week: use YYYY-Www, for example 2026-W47."
    assert brief(f"no client '{'a' * 80}'.") == f"no client '{'a' * 80}'."  # up to 80 characters: whole
    assert brief("'' is not a date") == "'' is not a date"
    apostrophes = f"the teammate's 1:1 {'z' * 90} can't be moved"  # no quote in it: left whole
    assert brief(apostrophes) == apostrophes
