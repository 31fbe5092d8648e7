"""Hostile text in every view: names and notes print literally and harmlessly, and JSON keeps them exact.

A ledger whose every free-text field (the leader's name, teammates' names,
roles and skills, clients' names and needs, notes, requests) holds Rich markup,
terminal escape sequences, carriage returns, bidirectional overrides, NUL or
a string at the model's length limit is put through every view: `review` (and
its SVG and HTML exports), `handoff plan`, `handoff status`, `handoff advance`,
`check`, `teammate list`, `client list`, `show` and the `yes` pick list.
tests/render/test_tables.py and tests/render/test_text.py hold the first cases; this module covers every view.
"""

from __future__ import annotations

import json
import re
import tempfile
from collections.abc import Callable, Iterator
from datetime import date, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from leadshift.domain.book import Book, Client, Profile, Teammate
from leadshift.domain.records import EscalationRecord, HoursRecord, Month, OneOnOneRecord, TradeOffRecord
from leadshift.render.text import visible
from leadshift.storage.store import Store
from tests.conftest import Result

pytestmark = pytest.mark.usefixtures("one_command_tree")
# Every C0/C1 control but newline, and the invisible characters that reorder or hide text.
UNSAFE = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f\u200b\u200e\u200f\u202a-\u202e\u2028\u2029\u2066-\u2069\ufeff]")
RICH_STYLE = re.compile(r"\x1b\[[0-9;]*m")  # the only escape sequences Rich writes for a style

HOSTILE = {
    "markup": "[red]x[/] [/] [bold",
    "link": "[link=https://evil.example]click[/link]",
    "escaped-markup": "\\[b] \\\\[i]",
    "csi-clear": "a\x1b[2Jb",
    "osc-hyperlink": "\x1b]8;;http://x\x07here\x1b]8;;\x07",
    "osc-title": "\x1b]0;title\x07",
    "c1-csi": "\x9b31mred",
    "carriage-return": "done\rnot done",
    "backspace": "abc\x08\x08\x08xyz",
    "bidi": "\u202eevil.exe \u2066isolate\u2069",
    "zero-width": "zero\u200bwidth\ufeff",
    "nul": "a\x00b",
    "newline": "two\nlines",
    "long-name": "N" * 199 + "\x1b",
    "long-note": ("[red]\x1b[2J\u202e note " * 250)[:4000],
}
NAME_LIMIT, REQUEST_LIMIT, TAG_LIMIT = 200, 500, 60
WEEK = "2026-W47"  # Monday 16 to Sunday 22 November 2026; TODAY is Friday the 20th


# -- a ledger full of one text -----------------------------------------------------------------


def fit(text: str, limit: int) -> str:
    """`text` cut to a field's limit, never empty (names need a character)."""
    return text[:limit] or "x"


def hostile_book(name: str, role: str, tag: str) -> Book:
    """The `team` fixture's people and clients, every free-text field `name`, `role` or `tag`."""
    tags = [fit(tag, TAG_LIMIT)]
    teammates = {
        "alice": Teammate(
            name=fit(name, NAME_LIMIT),
            role=role[:NAME_LIMIT],
            skills=tags,
            growing=tags,
            capacity_hours=30,
            one_on_one_every=7,
        ),
        "bob": Teammate(name=fit(name[::-1], NAME_LIMIT), role=role[:NAME_LIMIT], skills=tags, capacity_hours=20),
    }
    clients = {
        "acme": Client(name=fit(name, NAME_LIMIT), needs=tags, weight=4, weekly_hours=6, backed_by=["alice"]),
        "initech": Client(name=fit(name[::-1], NAME_LIMIT), weight=2, weekly_hours=3),
        "globex": Client(name=fit(name, NAME_LIMIT), owner="alice", weight=5, weekly_hours=8),
    }
    profile = Profile(name=fit(name, NAME_LIMIT), promoted_on=date(2026, 10, 5))
    return Book(profile=profile, teammates=teammates, clients=clients)


def hostile_records(note: str, request: str) -> list:
    """A week of every kind of record, each note `note`, and one from the week before (for the trend)."""
    day = date(2026, 11, 18)
    added = datetime(2026, 11, 18, 18, 0)
    common = {"date": day, "note": note, "added": added}
    return [
        HoursRecord(id="0000000a", hours=3, client="acme", **common),
        HoursRecord(id="0000000b", hours=1, activity="coaching", teammate="alice", **common),
        OneOnOneRecord(id="0000000c", teammate="alice", status="cancelled", because="acme", **common),
        TradeOffRecord(
            id="0000000d",
            client="acme",
            request=fit(request, REQUEST_LIMIT),
            urgent=True,
            said_no="one-on-one",
            teammate="bob",
            **common,
        ),
        EscalationRecord(id="0000000e", teammate="bob", asked_first=False, **common),
        HoursRecord(id="0000000f", date=date(2026, 11, 10), hours=2, client="initech", note=note, added=added),
    ]


def write_ledger(home: Path, book: Book, records: list) -> None:
    """Save through the store, and prove it reads back exactly as written."""
    store = Store(home)
    store.create(book)
    months: dict[str, list] = {}
    for record in records:
        months.setdefault(f"{record.date:%Y-%m}", []).append(record)
    with store.change() as draft:
        for key, month_records in months.items():
            draft.set_month(key, Month().with_records(month_records))
    ledger = Store(home).load()
    assert ledger.book == book
    assert sorted(ledger.records(), key=lambda r: r.id) == sorted(records, key=lambda r: r.id)


# -- every view --------------------------------------------------------------------------------

VIEWS = (
    ["review"],
    ["review", "--week", "2026-W46"],
    ["check"],
    ["check", "--since", "2026-11-01"],
    ["teammate", "list"],
    ["client", "list"],
    ["show", "--week", WEEK],
    ["show", "--date", "2026-11-18"],
    ["handoff", "plan"],
    ["handoff", "plan", "--save"],
    ["handoff", "status"],
    ["handoff", "advance", "acme", "--yes"],
    ["handoff", "status"],
    ["remove", "0000000d"],  # says what it removed: the trade-off, with its request
    ["undo"],
)
JSON_VIEWS = (
    ["review", "--json"],
    ["check", "--json"],
    ["teammate", "list", "--json"],
    ["client", "list", "--json"],
    ["show", "--week", WEEK, "--json"],
    ["handoff", "plan", "--json"],
    ["handoff", "status", "--json"],
)


def shown_safely(output: str) -> str:
    """`output` without Rich's own styling; fails if anything else could steer the terminal."""
    plain = RICH_STYLE.sub("", output)
    assert not UNSAFE.search(plain), repr(UNSAFE.search(plain))
    return plain


def run_every_view(cli: Callable[..., Result], tmp_path: Path) -> dict[str, str]:
    """Each view's output, keyed by its command line, after checking it is safe to print."""
    outputs = {}
    for args in VIEWS:
        result = cli(*args)
        assert result.exit_code == 0, (args, result.stderr)
        outputs[" ".join(args)] = shown_safely(result.stdout) + shown_safely(result.stderr)
    svg, html = tmp_path / "review.svg", tmp_path / "review.html"
    result = cli("review", "--svg", str(svg), "--html", str(html))
    assert result.exit_code == 0, result.stderr
    for export in (svg, html):
        outputs[export.name] = shown_safely(export.read_text())
    return outputs


def flat(text: str) -> str:
    """Text with its line breaks and padding gone, so a cell folded over lines reads whole."""
    return re.sub(r"\s+", "", text)


@pytest.fixture
def terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """Views written as to a colour terminal (styles as escape sequences), wide enough to fold nothing."""
    monkeypatch.setenv("FORCE_COLOR", "1")
    monkeypatch.delenv("NO_COLOR")
    monkeypatch.setenv("COLUMNS", "30000")


@pytest.mark.parametrize("text", list(HOSTILE.values()), ids=list(HOSTILE))
def test_hostile_text_prints_literally_in_every_view(
    cli: Callable[..., Result], ledger_home: Path, tmp_path: Path, terminal: None, text: str
) -> None:
    write_ledger(ledger_home, hostile_book(text, text, text), hostile_records(text, text))
    outputs = run_every_view(cli, tmp_path)
    # Where a name or note is shown, it is shown whole, spelled out: nothing eaten as markup.
    name, note = flat(visible(fit(text, NAME_LIMIT))), flat(visible(text))
    for view in ("review", "teammate list", "client list", "handoff status"):
        assert name in flat(outputs[view]), view
    for view in ("show --week 2026-W47", "show --date 2026-11-18"):
        assert note in flat(outputs[view]), view
    for view in ("check", "remove 0000000d"):
        assert flat(visible(fit(text, REQUEST_LIMIT))) in flat(outputs[view]), view
    if len(text) < 30 and "\n" not in text:  # the HTML page escapes <, > and &, none of which these hold
        assert visible(text) in outputs["review.html"]


@pytest.mark.parametrize("text", list(HOSTILE.values()), ids=list(HOSTILE))
def test_json_keeps_hostile_text_exact(cli: Callable[..., Result], ledger_home: Path, text: str) -> None:
    write_ledger(ledger_home, hostile_book(text, text, text), hostile_records(text, text))
    data = {" ".join(args): json.loads(cli(*args).stdout) for args in JSON_VIEWS}
    assert {t["name"] for t in data["teammate list --json"]} == {fit(text, NAME_LIMIT), fit(text[::-1], NAME_LIMIT)}
    assert data["teammate list --json"][0]["skills"] == [fit(text, TAG_LIMIT)]
    assert data["client list --json"][0]["name"] == fit(text, NAME_LIMIT)
    assert {r["note"] for r in data[f"show --week {WEEK} --json"]} == {text}
    assert data["review --json"]["leader"] == fit(text, NAME_LIMIT)
    requests = [t["request"] for t in data["check --json"]["said_no"]]
    assert requests == [fit(text, REQUEST_LIMIT)]


def test_the_yes_pick_list_shows_names_literally(
    cli: Callable[..., Result], ledger_home: Path, monkeypatch: pytest.MonkeyPatch, terminal: None
) -> None:
    from leadshift.cli.prompts import TerminalAsker
    from leadshift.cli.session import Session

    text = HOSTILE["markup"] + HOSTILE["osc-title"] + HOSTILE["bidi"]
    write_ledger(ledger_home, hostile_book(text, text, text), hostile_records("", "x"))
    answers = iter(["1"])  # the first line of the list: the 1:1 due soonest
    questions: list[str] = []
    monkeypatch.setattr(Session, "interactive", lambda self: True)
    monkeypatch.setattr(TerminalAsker, "ask", lambda self, question, default: next(answers))

    def confirm(self: TerminalAsker, question: object, default: bool) -> bool:
        self.console.print(question)  # as Rich's Confirm would, before the answer
        questions.append(str(question))
        return False

    monkeypatch.setattr(TerminalAsker, "confirm", confirm)
    result = cli("yes", "acme", HOSTILE["link"], "--date", "2026-11-20")
    assert result.exit_code == 0, result.stderr
    shown = shown_safely(result.stdout)
    assert "What are you saying no to?" in shown
    assert f"1:1 with {visible(text)}" in shown  # alice, the first due, by her hostile name
    assert f"Also log your 1:1 with {visible(text)} on 2026-11-20 as cancelled" in shown
    assert visible(HOSTILE["link"]) in shown  # the request, in the "Logged" line


# -- generated text, through save, load and every view -------------------------------------------

PIECES = st.sampled_from([*HOSTILE.values()][:-2] + ["[", "]", "[/", "\\", '"', "'", "#", "=", "\u2028", "\x85"])
GENERATED = st.lists(st.one_of(PIECES, st.characters(codec="utf-8")), min_size=1, max_size=30).map("".join)
LONG = st.builds(lambda piece, size: (piece * size)[:size], GENERATED, st.sampled_from([NAME_LIMIT, 4000]))


@pytest.fixture
def in_memory(monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[], Path]]:
    """Fresh ledger folders, in memory where the system has one: each example saves with fsync."""
    shm = Path("/dev/shm")
    folders: list[tempfile.TemporaryDirectory[str]] = []

    def fresh() -> Path:
        folders.append(tempfile.TemporaryDirectory(dir=shm if shm.is_dir() else None))
        home = Path(folders[-1].name) / "ledger"
        monkeypatch.setenv("LEADSHIFT_HOME", str(home))
        return home

    yield fresh
    for folder in folders:
        folder.cleanup()


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=GENERATED | LONG, role=GENERATED, tag=GENERATED, note=GENERATED | LONG, request=GENERATED)
def test_generated_text_round_trips_and_every_view_survives_it(
    cli: Callable[..., Result],
    in_memory: Callable[[], Path],
    tmp_path: Path,
    terminal: None,
    name: str,
    role: str,
    tag: str,
    note: str,
    request: str,
) -> None:
    home = in_memory()
    book, records = hostile_book(name, role, tag), hostile_records(note, request)
    write_ledger(home, book, records)  # saved and read back unchanged
    run_every_view(cli, tmp_path)
    shown = json.loads(cli("show", "--week", WEEK, "--json").stdout)
    assert {r["note"] for r in shown} == {note}
    assert json.loads(cli("client", "list", "--json").stdout)[0]["name"] == fit(name, NAME_LIMIT)
