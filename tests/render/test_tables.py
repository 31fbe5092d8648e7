"""Names and notes print literally: no markup, no terminal control sequences."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

HOSTILE_NAME = "Acme [red]x[/] [/] [link=https://evil.example]click[/link]"
CONTROL_NOTE = "before\x1b[2J\x1b]8;;https://evil.example\x07link\rafter\u202eevil"


def test_markup_in_names_prints_literally(cli, team: Path) -> None:
    assert cli("client", "add", "evil", "--name", HOSTILE_NAME).exit_code == 0
    listing = cli("client", "list").stdout
    assert "Acme [red]x[/] [/]" in listing
    assert json.loads(cli("client", "list", "--json").stdout)[1]["name"] == HOSTILE_NAME


def test_markup_survives_every_table_whole(team: Path) -> None:
    from rich.console import Console

    from leadshift.domain.records import HoursRecord
    from leadshift.render.tables import clients_table, records_table, teammates_table
    from leadshift.storage.store import Store

    book = Store(team).read_book()
    book.clients["acme"].name = HOSTILE_NAME
    book.teammates["alice"].name = HOSTILE_NAME
    record = HoursRecord(id="0000abcd", date=date(2026, 11, 20), client="acme", hours=1, note=HOSTILE_NAME)
    for table in (clients_table(book), teammates_table(book), records_table([record])):
        console = Console(width=250, record=True, color_system=None)
        console.print(table)
        assert HOSTILE_NAME in console.export_text()


def test_control_sequences_in_notes_are_spelled_out(cli, team: Path) -> None:
    assert cli("log", "client", "acme", "1", "--note", CONTROL_NOTE).exit_code == 0
    shown = cli("show").stdout
    assert "\x1b" not in shown and "\r" not in shown and "\u202e" not in shown and "\x07" not in shown
    flat = shown.replace("\n", "").replace(" ", "")
    assert "\\x1b[2J" in flat and "\\r" in flat and "\\u202e" in flat
    assert json.loads(cli("show", "--json").stdout)[0]["note"] == CONTROL_NOTE  # data is kept exactly


def test_control_characters_in_a_typed_key_do_not_reach_the_terminal(cli, team: Path) -> None:
    result = cli("log", "client", "ac\x1b[31mme", "1")
    assert result.exit_code == 1
    assert "\x1b" not in result.stderr
    assert "\\x1b" in result.stderr


def test_news_lines_wrap_at_words_on_a_terminal_and_stay_whole_in_a_pipe() -> None:
    import io

    from rich.console import Console

    from leadshift.cli.session import Session

    line = "Logged 0e5afb10 2026-11-18 yes to northwind: Rework the pricing model overnight (urgent)"
    for terminal, expected in ((True, 3), (False, 1)):
        session = Session()
        out = io.StringIO()
        session.__dict__["console"] = Console(file=out, width=40, force_terminal=terminal, color_system=None)
        session.say(line)
        printed = out.getvalue().splitlines()
        assert len(printed) == expected
        assert " ".join(part.strip() for part in printed) == line  # no word cut in two
