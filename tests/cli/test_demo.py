"""`leadshift demo`: the example ledger, on a temporary copy."""

from __future__ import annotations

import re
from pathlib import Path

from rich.console import Console

from leadshift.cli.demo import EXAMPLE
from leadshift.domain.terms import ME
from leadshift.render.tables import clients_table, records_table, teammates_table
from leadshift.storage.store import Store
from tests.support.stores import copy_example


def test_demo_shows_the_review_without_touching_the_users_ledger(run_process, ledger_home: Path) -> None:
    result = run_process("demo", env={"COLUMNS": "80"})
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "Sam Rivera was promoted on 2026-10-05" in out
    assert "Weekly review 2026-W46" in out
    for heading in ("1. Fair to yourself", "4. Fair to your team", "What to do next"):
        assert heading in out
    # The example's story: delivery falling from 70% to 44% of the workday, Aiko's 1:1 overdue, Harbor & Vine quiet.
    assert "2026-W41 " in out and "70% over limit" in out and "44% (over your 40% limit)" in out
    assert "Aiko Tanaka is 10 days overdue" in out
    assert "quiet: 16 days" in out  # Harbor & Vine: its step is one of the rest (`review --all`)
    # What the yeses cost: Northwind's urgent dashboard took Aiko's 1:1 (the review's fifth section).
    assert "5. What you said yes to, and what it cost" in out and "eddb951f" in out
    # The handoff plan starts the Monday after the week, one client each to its obvious fit.
    assert "Handoff plan from Monday 2026-11-16: 5 clients to 5 teammates" in out
    assert "northwind → priya" in out and "harbor-vine → aiko" in out
    assert max(len(line) for line in out.splitlines()) <= 80
    assert not ledger_home.exists()


def test_demo_reads_the_same_whatever_the_date(run_process) -> None:
    first = run_process("demo", env={"LEADSHIFT_TODAY": "2026-11-23"})
    later = run_process("demo", env={"LEADSHIFT_TODAY": "2031-01-01"})
    assert first.returncode == later.returncode == 0
    assert first.stdout == later.stdout


def test_the_example_tells_the_story_the_docs_promise(tmp_path: Path) -> None:
    ledger = copy_example(tmp_path / "copy").load()
    book = ledger.book
    assert 4 <= len(book.teammates) <= 6
    assert 8 <= len(book.clients) <= 10
    owned = [k for k, c in book.clients.items() if c.owner == ME]
    assert 0.4 <= len(owned) / len(book.clients) <= 0.6
    records = ledger.records()
    assert (min(r.date for r in records).isoformat(), max(r.date for r in records).isoformat()) == (
        "2026-10-05",
        "2026-11-13",
    )
    kinds = {r.kind for r in records}
    assert kinds == {"hours", "one-on-one", "trade-off", "escalation"}
    disrupted = [r for r in records if r.kind == "one-on-one" and r.status != "held"]
    assert disrupted and all(r.because for r in disrupted)


def test_the_copy_is_private_and_the_package_copy_is_left_alone(tmp_path: Path) -> None:
    before = {p: p.read_bytes() for p in EXAMPLE.rglob("*.toml")}
    store = copy_example(tmp_path / "copy")
    assert (store.home.stat().st_mode & 0o777) == 0o700
    assert all((p.stat().st_mode & 0o777) == 0o600 for p in store.home.rglob("*.toml"))
    with store.change() as draft:
        draft.set_book(
            draft.book.model_copy(update={"profile": draft.book.profile.model_copy(update={"name": "Changed"})})
        )
    assert Store(tmp_path / "copy").read_book().profile.name == "Changed"
    assert {p: p.read_bytes() for p in EXAMPLE.rglob("*.toml")} == before


def _words(table) -> set[str]:  # type: ignore[no-untyped-def]
    words: set[str] = set()
    for column in table.columns:
        for cell in column._cells:
            words.update(re.findall(r"\S+", getattr(cell, "plain", str(cell))))
    return words


def test_tables_at_80_columns_wrap_but_never_drop_text(tmp_path: Path) -> None:
    # Rich crops cells it cannot fit; every word of every cell must still be on screen.
    ledger = copy_example(tmp_path / "copy").load()
    for table in (teammates_table(ledger.book), clients_table(ledger.book), records_table(ledger.records()[:40])):
        console = Console(width=80, record=True, color_system=None)
        console.print(table)
        shown = console.export_text()
        assert max(len(line) for line in shown.splitlines()) <= 80
        flat = re.sub(r"\s+", "", shown)
        for word in _words(table):
            assert word.replace(" ", "") in flat or all(part in flat for part in re.findall(r".{1,5}", word)), word
