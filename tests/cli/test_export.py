"""`leadshift export`, through the command line: each format read back, the files it refuses, what it leaves out."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
import stat
from collections import Counter
from pathlib import Path

import pytest

from tests.conftest import snapshot

SECRET = "Alice-is-interviewing-elsewhere"


@pytest.fixture
def logged(cli, team: Path) -> Path:
    """The team ledger with a week and a half of records of every type, one with a private note."""
    for args in (
        ["log", "client", "acme", "4", "--date", "2026-11-10", "--note", SECRET],
        ["log", "lead", "coaching", "1.5", "--with", "bob", "--date", "2026-11-10"],
        ["log", "client", "globex", "2", "--date", "2026-11-17"],
        ["log", "one-on-one", "alice", "cancelled", "--because", "acme", "--date", "2026-11-17"],
        ["log", "one-on-one", "bob", "held", "--date", "2026-11-18"],
        ["yes", "acme", "A rush deck", "--no", "one-on-one", "--with", "bob", "--date", "2026-11-18"],
        ["log", "escalation", "alice", "--asked", "--date", "2026-11-19"],
        ["log", "pulled", "alice", "acme", "2", "--from", "globex", "--date", "2026-11-19"],
    ):
        result = cli(*args)
        assert result.exit_code == 0, (args, result.stderr)
    return team


def shown(cli, week: str) -> Counter:
    result = cli("show", "--week", week, "--json")
    return Counter(r["type"] for r in json.loads(result.stdout))


def counts_of_show(cli) -> Counter:
    return shown(cli, "2026-W46") + shown(cli, "2026-W47")


def test_sqlite_holds_what_show_lists_and_its_keys_hold(cli, logged: Path, tmp_path: Path) -> None:
    target = tmp_path / "me.sqlite"
    result = cli("export", str(target))
    assert result.exit_code == 0, result.stderr
    assert result.stdout == (
        f"Exported to {target} (sqlite): 8 records (hours 3, one-on-one 2, trade-off 1, escalation 1, pulled 1), "
        "2 teammates, 3 clients, 2 weeks. Notes and free texts are left out (--include-notes adds them).\n"
    )
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    db = sqlite3.connect(target)
    assert db.execute("pragma foreign_key_check").fetchall() == []
    tables = {
        "hours": "hours",
        "one_on_one": "one-on-one",
        "trade_off": "trade-off",
        "escalation": "escalation",
        "pulled": "pulled",
    }
    exported = Counter(
        {kind: db.execute(f"select count(*) from {table}").fetchone()[0] for table, kind in tables.items()}
    )
    assert exported == counts_of_show(cli)
    assert SECRET not in target.read_bytes().decode(errors="replace")


def test_the_weeks_equal_the_review(cli, logged: Path, tmp_path: Path) -> None:
    target = tmp_path / "me.db"
    assert cli("export", str(target)).exit_code == 0
    db = sqlite3.connect(target)
    db.row_factory = sqlite3.Row
    weeks = {row["week"]: row for row in db.execute("select * from weeks")}
    assert list(weeks) == ["2026-W46", "2026-W47"]
    for week, row in weeks.items():
        review = json.loads(cli("review", "--week", week, "--json").stdout)
        assert (row["hours"], row["client_hours"], row["delivery_hours"], row["leadership_hours"]) == (
            review["hours"]["total"],
            review["hours"]["client"],
            review["hours"]["delivery"],
            review["hours"]["leadership"],
        )
        assert row["client_share"] == review["client_share"]
        held, cancelled = review["one_on_ones"]["held"], review["one_on_ones"]["cancelled"]
        assert (row["one_on_ones_held"], row["one_on_ones_cancelled"]) == (held, cancelled)
        assert (row["escalations"], row["ask_first_rate"]) == (
            review["escalations"]["total"],
            review["escalations"]["ask_first_rate"],
        )
    assert weeks["2026-W47"]["one_on_ones_cancelled"] == 1 and weeks["2026-W47"]["ask_first_rate"] == 1.0


def test_csv_is_the_diary_and_jsonl_every_table(cli, logged: Path, tmp_path: Path) -> None:
    assert cli("export", str(tmp_path / "me.csv"), "--include-notes").exit_code == 0
    rows = list(csv.DictReader(io.StringIO((tmp_path / "me.csv").read_text())))
    assert Counter(r["type"] for r in rows) == counts_of_show(cli)
    assert rows[0]["note"] == SECRET
    assert cli("export", str(tmp_path / "me.jsonl"), "--from", "2026-11-16").exit_code == 0
    lines = [json.loads(line) for line in (tmp_path / "me.jsonl").read_text().splitlines()]
    types = Counter(line["type"] for line in lines)
    assert types == shown(cli, "2026-W47") + Counter({"teammate": 2, "client": 3, "handoff": 0, "week": 1})


def test_the_format_can_be_given_whatever_the_name(cli, logged: Path, tmp_path: Path) -> None:
    assert cli("export", str(tmp_path / "me.txt"), "--format", "json").exit_code == 0
    assert json.loads((tmp_path / "me.txt").read_text().splitlines()[0])["type"] == "teammate"


def test_anonymized_exports_name_nobody_and_give_the_same_pseudonyms_each_time(
    cli, logged: Path, tmp_path: Path
) -> None:
    first, second = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    result = cli("export", str(first), "--anonymize")
    assert result.exit_code == 0
    assert "Clients and teammates are pseudonyms; this ledger's id is " in result.stdout
    assert cli("export", str(second), "--anonymize").exit_code == 0
    assert first.read_bytes() == second.read_bytes()
    text = first.read_text()
    for private in ("acme", "Acme", "globex", "alice", "Alice", "bob", "Bob", "Sam", SECRET, "rush"):
        assert private not in text, private
    assert stat.S_IMODE((logged / "export.key").stat().st_mode) == 0o600
    assert cli("doctor").exit_code == 0  # the key is a file the ledger keeps


def test_anonymize_leaves_notes_out_so_it_refuses_include_notes(cli, logged: Path, tmp_path: Path) -> None:
    result = cli("export", str(tmp_path / "a.csv"), "--anonymize", "--include-notes")
    assert (result.exit_code, result.stderr) == (2, "Error: --anonymize leaves notes out; leave out --include-notes.\n")
    assert not (tmp_path / "a.csv").exists()


@pytest.mark.parametrize(
    ("name", "code", "message"),
    [
        (
            "me.xlsx",
            2,
            "cannot tell the format of 'me.xlsx' from its name; name it .csv, .jsonl, .sqlite or .db, or give --format csv, jsonl or sqlite.",
        ),
        ("  ", 2, "FILE needs a file name, like me.sqlite."),
        ("nowhere/me.csv", 1, "the folder {tmp}/nowhere does not exist; create it or choose another."),
        ("there.csv", 1, "{tmp}/there.csv exists; add --force to replace it, or choose another name."),
        ("folder.csv", 1, "{tmp}/folder.csv is a folder; give a file name, like me.csv."),
    ],
)
def test_a_file_that_cannot_or_must_not_be_written_is_refused(
    cli, logged: Path, tmp_path: Path, monkeypatch, name: str, code: int, message: str
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "there.csv").write_text("mine")
    (tmp_path / "folder.csv").mkdir()
    before = snapshot(logged)
    result = cli("export", name)
    assert (result.exit_code, result.stdout) == (code, "")
    assert result.stderr == f"Error: {message.format(tmp=tmp_path)}\n"
    assert (tmp_path / "there.csv").read_text() == "mine"
    assert snapshot(logged) == before  # not even the key is made


def test_force_replaces_an_existing_file(cli, logged: Path, tmp_path: Path) -> None:
    target = tmp_path / "there.csv"
    target.write_text("mine")
    target.chmod(0o644)
    assert cli("export", str(target), "--force").exit_code == 0
    assert target.read_text().startswith("type,ledger,id,date")
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_a_file_inside_the_ledger_folder_is_refused(cli, logged: Path) -> None:
    before = snapshot(logged)
    result = cli("export", str(logged / "log" / "me.csv"))
    assert result.exit_code == 1
    assert result.stderr == f"Error: {logged}/log/me.csv is inside the ledger folder; export somewhere else.\n"
    assert snapshot(logged) == before


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--from", "2026-11-19", "--to", "2026-11-10"], "--from 2026-11-19 is after --to 2026-11-10; swap them."),
        (["--to", "2026-11-21"], "2026-11-21 is in the future; leadshift logs what happened (today is 2026-11-20)."),
        (
            ["--from", "2026-11-31"],
            "'2026-11-31' is not a date: use YYYY-MM-DD (for example 2026-11-20), 'today' or 'yesterday'.",
        ),
        (["--format", "xls"], "'xls' is not a format. Choose one of: csv, jsonl, sqlite."),
    ],
)
def test_bad_dates_and_formats_are_one_line(cli, logged: Path, tmp_path: Path, args, message) -> None:
    before = snapshot(logged)
    result = cli("export", str(tmp_path / "me.csv"), *args)
    assert result.exit_code in (1, 2)
    assert result.stderr == f"Error: {message}\n"
    assert not (tmp_path / "me.csv").exists()
    assert snapshot(logged) == before


def test_a_read_only_ledger_without_a_key_says_what_to_do(cli, logged: Path, tmp_path: Path) -> None:
    logged.chmod(0o500)
    try:
        result = cli("export", str(tmp_path / "me.csv"))
    finally:
        logged.chmod(0o700)
    assert result.exit_code == 1
    assert result.stderr.startswith(
        f"Error: the ledger folder {logged} is read-only (mode 0500), and an export needs a key"
    )
    assert not (logged / "export.key").exists() and not (tmp_path / "me.csv").exists()


def test_a_broken_note_stops_the_export_without_printing_it(cli, logged: Path, tmp_path: Path) -> None:
    month = logged / "log" / "2026-11.toml"
    month.write_text(month.read_text().replace(f'note = "{SECRET}"', f'note = "{SECRET}'))
    before = snapshot(logged)
    result = cli("export", str(tmp_path / "me.jsonl"), "--include-notes")
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: log/2026-11.toml, line ") and result.stderr.count("\n") == 1
    assert SECRET not in result.stdout + result.stderr
    assert not (tmp_path / "me.jsonl").exists()
    assert snapshot(logged) == before


def test_an_export_is_no_change_to_undo(cli, logged: Path, tmp_path: Path) -> None:
    before = cli("undo", "--list").stdout
    assert cli("export", str(tmp_path / "me.sqlite"), "--anonymize").exit_code == 0
    assert cli("undo", "--list").stdout == before


def test_doctor_asks_to_close_an_export_key_others_can_read(cli, logged: Path, tmp_path: Path) -> None:
    assert cli("export", str(tmp_path / "me.csv")).exit_code == 0
    (logged / "export.key").chmod(0o644)
    result = cli("doctor", "--json")
    problems = json.loads(result.stdout)["problems"]
    assert [(p["code"], p["file"]) for p in problems] == [("permissions", "export.key")]
    assert cli("doctor", "--fix").exit_code == 0
    assert stat.S_IMODE((logged / "export.key").stat().st_mode) == 0o600


def test_a_damaged_key_is_named_not_printed(cli, logged: Path, tmp_path: Path) -> None:
    (logged / "export.key").write_text("not-hex-" + SECRET)
    result = cli("export", str(tmp_path / "me.csv"), "--anonymize")
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: export.key is damaged; ")
    assert SECRET not in result.stderr and not (tmp_path / "me.csv").exists()
