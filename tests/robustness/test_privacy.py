"""Privacy: a broken file never makes leadshift print the private text in it.

Error output ends up in terminals, shell logs, screenshots and bug reports; the
ledger holds notes about people. Each case breaks a file right at a note that
holds a secret, then runs every reading and writing command.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import Result, snapshot

SECRET = "Priya-is-interviewing-elsewhere"

GOOD_NOTE = f'note = "{SECRET}"'
BREAKS = {
    "unterminated string": f'note = "{SECRET}',
    "bad escape": f'note = "{SECRET} \\q"',
    "control character": f'note = "{SECRET}\x01"',
    "duplicate key": f'note = "{SECRET}"\nnote = "again"',
    "bare words": f"note = {SECRET}",
    "too long": f'note = "{SECRET * 200}"',
    "wrong type": f'note = ["{SECRET}"]',
    "unknown key": f'nope = "{SECRET}"',
}

COMMANDS = [
    ["show", "--date", "2026-11-18"],
    ["show", "--week", "2026-W47", "--json"],
    ["review"],
    ["review", "--json"],
    ["check"],
    ["prep", "alice"],
    ["prep", "alice", "--json"],
    # (teammate list and handoff plan read only ledger.toml: a broken month does not stop them)
    ["log", "client", "acme", "1"],
    ["log", "lead", "strategy", "1", "--note", "fine"],
    ["teammate", "edit", "bob", "--role", "Lead"],
    ["undo"],
]


@pytest.fixture
def noted(cli: Callable[..., Result], team: Path) -> Path:
    result = cli("log", "one-on-one", "alice", "held", "--date", "2026-11-18", "--note", SECRET)
    assert result.exit_code == 0, result.stderr
    return team


@pytest.mark.parametrize("damage", BREAKS.values(), ids=BREAKS.keys())
def test_a_broken_note_is_never_printed(cli: Callable[..., Result], noted: Path, damage: str) -> None:
    month = noted / "log" / "2026-11.toml"
    text = month.read_bytes().decode()
    assert GOOD_NOTE in text
    month.write_bytes(text.replace(GOOD_NOTE, damage).encode())
    before = snapshot(noted)
    for args in COMMANDS:
        result = cli(*args)
        assert result.exit_code == 1, (args, result.stdout, result.stderr)
        assert SECRET not in result.stdout + result.stderr, args
        assert result.stderr.startswith("Error: log/2026-11.toml, line "), (args, result.stderr)
        assert result.stderr.count("\n") == 1, args
    assert snapshot(noted) == before


def test_text_that_is_not_utf8_is_not_printed(cli: Callable[..., Result], noted: Path) -> None:
    month = noted / "log" / "2026-11.toml"
    data = month.read_bytes()
    month.write_bytes(data.replace(SECRET.encode(), SECRET.encode() + b"\xff\xfe"))
    result = cli("show", "--date", "2026-11-18")
    assert result.exit_code == 1
    assert SECRET not in result.stdout + result.stderr
    assert "is not UTF-8 text" in result.stderr


def test_a_broken_name_in_ledger_toml_is_not_printed(cli: Callable[..., Result], noted: Path) -> None:
    book = noted / "ledger.toml"
    book.write_text(book.read_text().replace('name = "Alice Martin"', f'name = "{SECRET}\\x"'))
    for args in (["teammate", "list"], ["review"], ["log", "client", "acme", "1"]):
        result = cli(*args)
        assert result.exit_code == 1
        assert SECRET not in result.stdout + result.stderr
        assert result.stderr.startswith("Error: ledger.toml, line ")


@pytest.mark.parametrize("where", ["ledger.toml", "log/2026-11.toml"])
def test_a_value_nested_a_thousand_deep_is_a_broken_file_not_a_crash(
    cli: Callable[..., Result], noted: Path, where: str
) -> None:
    path = noted / where
    path.write_bytes(path.read_bytes() + b"\nx = " + b"[" * 1000 + b"]" * 1000 + b"\n")
    before = snapshot(noted)
    for args in (["show", "--week", "2026-W47"], ["log", "client", "acme", "1"], ["doctor"]):
        result = cli(*args)
        assert result.exit_code == 1, args
        assert f"{where}: a value is nested too deeply to be a ledger value." in result.stdout + result.stderr
    assert snapshot(noted) == before


@pytest.mark.parametrize("damage", BREAKS.values(), ids=BREAKS.keys())
@pytest.mark.parametrize("key", ["text", "note"])
def test_a_broken_item_in_ledger_toml_is_never_printed(
    cli: Callable[..., Result], team: Path, key: str, damage: str
) -> None:
    """An obstacle's text and note say what hurts someone at work: a broken one is named by line, never shown."""
    added = cli("obstacle", "add", "bob", "A slow form" if key == "note" else SECRET, "--date", "2026-11-18")
    assert added.exit_code == 0, added.stderr
    item = added.stdout.split()[2]
    if key == "note":
        assert cli("obstacle", "done", item, "--note", SECRET).exit_code == 0
    book = team / "ledger.toml"
    good = f'{key} = "{SECRET}"'
    text = book.read_text()
    assert good in text
    book.write_text(text.replace(good, damage.replace("note = ", f"{key} = ").replace("note = ", f"{key} = ")))
    before = snapshot(team)
    for args in (["actions"], ["obstacles", "--all", "--json"], ["review"], ["action", "add", "bob", "x"]):
        result = cli(*args)
        assert result.exit_code == 1, (args, result.stdout, result.stderr)
        assert SECRET not in result.stdout + result.stderr, args
        assert result.stderr.startswith("Error: ledger.toml, line ") and result.stderr.count("\n") == 1, args
    assert snapshot(team) == before
