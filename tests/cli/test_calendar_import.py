"""`leadshift log --calendar`: the proposal as JSON, saving it, confirming it on a terminal, and bad files."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pexpect
import pytest

from tests.calendar.support import ADDRESSES, CALENDARS
from tests.conftest import snapshot

GOOGLE = str(CALENDARS / "google.ics")


@pytest.fixture
def addressed(cli, team: Path, monkeypatch: pytest.MonkeyPatch) -> Path:  # type: ignore[no-untyped-def]
    """The team ledger, with the addresses the test calendars use, read in Berlin time."""
    monkeypatch.setenv("TZ", "Europe/Berlin")
    for args in ADDRESSES:
        assert cli(*args).exit_code == 0, args
    return team


def without_ids(records: list[dict]) -> list[dict]:  # type: ignore[type-arg]
    return [{k: v for k, v in r.items() if k not in ("id", "event")} for r in records]


def test_a_dry_run_prints_the_proposed_day_and_writes_nothing(cli, addressed: Path) -> None:  # type: ignore[no-untyped-def]
    before = snapshot(addressed)
    result = cli("log", "--calendar", GOOGLE, "--dry-run", "--json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert list(data) == ["date", "records", "unclassified", "skipped", "saved"]
    assert data["date"] == "2026-11-20" and data["saved"] is False
    first = data["records"][0]
    assert first["event"] == {
        "uid": "1on1-alice@google.com",
        "title": "Alice / Sam weekly",
        "start": "2026-11-20T09:00:00+01:00",
        "end": "2026-11-20T09:30:00+01:00",
    }
    assert [
        (r["type"], r.get("client") or r.get("activity") or r.get("status"), r.get("hours")) for r in data["records"]
    ] == [
        ("one-on-one", "held", None),
        ("hours", "one-on-one", 0.5),
        ("hours", "acme", 1.5),
        ("hours", "globex", 0.5),
        ("hours", "team", 0.25),
        ("hours", "hiring", 1.0),
        ("one-on-one", "cancelled", None),
    ]
    assert [e["title"] for e in data["unclassified"]] == ["Lunch with Pat"]
    assert [(s["title"], s["reason"]) for s in data["skipped"]] == [
        ("Alice's birthday", "all-day"),
        ("Vendor pitch", "declined"),
        ("Focus time", "free"),
    ]
    assert snapshot(addressed) == before


def test_a_day_saved_with_yes_is_what_show_then_returns(cli, addressed: Path) -> None:  # type: ignore[no-untyped-def]
    saved = cli("log", "--calendar", GOOGLE, "--yes", "--json")
    assert saved.exit_code == 0, saved.stderr
    proposed = json.loads(saved.stdout)
    assert proposed["saved"] is True
    shown = json.loads(cli("show", "--date", "2026-11-20", "--json").stdout)
    by_id = sorted(shown, key=lambda r: r["id"])
    assert by_id == sorted(
        ({k: v for k, v in r.items() if k != "event"} for r in proposed["records"]), key=lambda r: r["id"]
    )
    assert len(by_id) == 7
    (last, *_) = json.loads(cli("undo", "--list", "--json").stdout)
    assert last["command"] == "log --calendar"
    assert last["summary"].startswith("added 0.5 h one-on-one with alice on 2026-11-20")


def test_yes_lists_what_it_left_out_and_refuses_a_day_already_logged(cli, addressed: Path) -> None:  # type: ignore[no-untyped-def]
    saved = cli("log", "--calendar", GOOGLE, "--yes")
    assert saved.exit_code == 0, saved.stderr
    assert "Lunch with Pat" in saved.stdout and "left out: not classified" in saved.stdout
    assert "2026-11-20: 3.75 h logged" in saved.stdout
    before = snapshot(addressed)
    again = cli("log", "--calendar", GOOGLE, "--yes")
    assert again.exit_code == 1
    assert again.stderr == (
        "Error: 2026-11-20 already has 7 hours or 1:1 record(s): the calendar would count them twice. Remove them "
        "first (`leadshift show --date 2026-11-20` lists them; `leadshift undo` takes back the last import), then "
        "import the day.\n"
    )
    assert snapshot(addressed) == before


def test_on_a_terminal_a_day_already_imported_is_refused_too(cli, addressed: Path) -> None:  # type: ignore[no-untyped-def]
    """An acceptance run imported with --yes, then on a terminal: every event was counted twice."""
    assert cli("log", "--calendar", GOOGLE, "--yes").exit_code == 0
    before = snapshot(addressed)
    child = _spawn(addressed, "--calendar", GOOGLE)
    child.expect("already has 7 hours or 1:1 record")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 1
    assert snapshot(addressed) == before


def test_the_profiles_calendar_is_read_when_no_file_is_given(cli, addressed: Path) -> None:  # type: ignore[no-untyped-def]
    missing = cli("log", "--calendar", "--dry-run")
    assert (missing.exit_code, missing.stderr) == (
        2,
        "Error: --calendar needs a file: give one (`leadshift log --calendar FILE.ics`) or set yours once "
        "(`leadshift profile --calendar PATH`).\n",
    )
    assert cli("profile", "--calendar", GOOGLE).exit_code == 0
    result = cli("log", "--calendar", "--dry-run", "--json", "--date", "2026-11-16")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["date"] == "2026-11-16"


def test_the_profiles_calendar_given_relative_is_found_from_any_folder(
    cli, addressed: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    calendar = Path(GOOGLE)
    monkeypatch.chdir(calendar.parent)
    assert cli("profile", "--calendar", calendar.name).exit_code == 0
    monkeypatch.chdir(tmp_path)
    result = cli("log", "--calendar", "--dry-run", "--json", "--date", "2026-11-16")
    assert result.exit_code == 0, result.stderr
    assert json.loads(cli("profile", "--json").stdout)["calendar"] == str(calendar)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--calendar", GOOGLE], "Error: without a terminal to confirm on, give --dry-run"),
        (
            ["--calendar", GOOGLE, "--dry-run", "--yes"],
            "Error: give --dry-run (show the day) or --yes (save it), not both.",
        ),
        (["--dry-run"], "Error: --dry-run goes with --calendar FILE"),
        (
            ["--calendar", GOOGLE, "client", "acme", "1"],
            "Error: --calendar is for the day from your calendar; give it without",
        ),
        (["--calendar", GOOGLE, "--dry-run", "--date", "2026-12-01"], "Error: 2026-12-01 is in the future"),
    ],
)
def test_options_that_do_not_fit_are_one_usage_line(cli, addressed: Path, args, message) -> None:  # type: ignore[no-untyped-def]
    before = snapshot(addressed)
    result = cli("log", *args)
    assert result.exit_code in (1, 2), result
    assert result.stderr.startswith(message) and result.stderr.count("\n") == 1, result.stderr
    assert snapshot(addressed) == before


def ics(body: str) -> bytes:
    return f"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\n{body}END:VCALENDAR\r\n".encode()


YEAR_LONG = ics(
    "BEGIN:VEVENT\r\nUID:y\r\nSUMMARY:Secondment\r\nDTSTART:20260101T090000Z\r\nDTEND:20270101T090000Z\r\nEND:VEVENT\r\n"
)
BROKEN_ZONE = ics(
    "BEGIN:VEVENT\r\nUID:z\r\nSUMMARY:Call\r\nDTSTART;TZID=Mars/Olympus:20261120T090000\r\nEND:VEVENT\r\n"
)


@pytest.mark.parametrize(
    ("content", "code", "message"),
    [
        (b"%PDF-1.7 not a calendar", 1, "the file is not an iCalendar (.ics) file"),
        (YEAR_LONG, 1, "an event on 2026-01-01 lasts 365 days"),
        (BROKEN_ZONE, 1, "the time zone 'Mars/Olympus' of an event on 2026-11-20 is not defined"),
        (None, 1, "--calendar '{path}' is over 20 MB"),
        ("missing", 1, "--calendar '{path}': no such file"),
        ("folder", 2, "--calendar '{path}' is a folder"),
    ],
)
def test_a_bad_file_is_one_line_and_the_ledger_is_unchanged(
    cli, addressed: Path, tmp_path: Path, content, code, message
) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "calendar.ics"
    if content is None:
        with path.open("wb") as big:
            big.truncate(20 * 1024 * 1024 + 1)
    elif content == "folder":
        path.mkdir()
    elif content != "missing":
        path.write_bytes(content)
    before = snapshot(addressed)
    for mode in ("--dry-run", "--yes"):
        result = cli("log", "--calendar", str(path), mode)
        assert result.exit_code == code, result
        assert result.stderr.startswith("Error: " + message.format(path=path)), result.stderr
        assert result.stderr.count("\n") == 1 and result.stdout == ""
    assert snapshot(addressed) == before


def test_addresses_are_checked_where_they_enter(cli, addressed: Path) -> None:  # type: ignore[no-untyped-def]
    before = snapshot(addressed)
    taken = cli("client", "edit", "initech", "--domain", "ACME.com")
    assert (taken.exit_code, taken.stderr) == (
        1,
        "Error: the domain acme.com is given to clients 'acme' and 'initech'; a domain belongs to one client.\n",
    )
    shared = cli("teammate", "edit", "bob", "--email", "alice@leadco.com")
    assert (
        shared.stderr == "Error: the email alice@leadco.com is alice's and bob's; an address belongs to one person.\n"
    )
    bad = cli("teammate", "add", "carol", "--name", "Carol", "--email", "carol")
    assert (bad.exit_code, bad.stderr) == (
        2,
        "Error: 'carol' is not an email address; give one like alice@example.com.\n",
    )
    assert snapshot(addressed) == before
    assert cli("client", "edit", "initech", "--domain", "").exit_code == 0  # '' empties the list
    assert "domains" not in (addressed / "ledger.toml").read_text().split("[clients.initech]")[1].split("[")[0]


def test_a_run_of_log_client_or_review_does_not_load_the_calendar_libraries(addressed: Path) -> None:
    probe = (
        "import sys; from leadshift.cli import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print('LOADED', sorted(m for m in ('icalendar', 'recurring_ical_events', 'x_wr_timezone') if m in sys.modules))"
    )
    env = {**os.environ, "LEADSHIFT_HOME": str(addressed)}
    for args in (["log", "client", "acme", "1"], ["review", "--json"], ["log", "--calendar", GOOGLE, "--dry-run"]):
        ran = subprocess.run([sys.executable, "-c", probe, *args], capture_output=True, text=True, env=env, check=False)
        loaded = ran.stdout.strip().splitlines()[-1]
        expected = "['icalendar', 'recurring_ical_events', 'x_wr_timezone']" if "--calendar" in args else "[]"
        assert loaded == f"LOADED {expected}", (args, ran.stderr)


def _spawn(home: Path, *args: str) -> pexpect.spawn:
    env = {
        **os.environ,
        "LEADSHIFT_HOME": str(home),
        "LEADSHIFT_TODAY": "2026-11-20",
        "COLUMNS": "100",
        "TZ": "Europe/Berlin",
    }
    return pexpect.spawn(
        sys.executable, ["-m", "leadshift", "log", *args], env=env, encoding="utf-8", timeout=20, dimensions=(60, 100)
    )


def test_on_a_terminal_an_answer_is_saved_with_the_day_and_remembered_for_the_series(cli, addressed: Path) -> None:  # type: ignore[no-untyped-def]
    child = _spawn(addressed, "--calendar", GOOGLE, "--date", "2026-11-16")
    child.expect("Lunch with Pat: which is it")
    child.sendline("strat")
    child.expect(r"Save\? yes, no, or the number of a line to change")
    child.sendline("")
    child.expect("Saved: 2026-11-16")
    child.expect(pexpect.EOF)
    monday = json.loads(cli("show", "--date", "2026-11-16", "--json").stdout)
    assert ("strategy", 1.0) in [(r["activity"], r["hours"]) for r in monday]
    friday = json.loads(cli("log", "--calendar", GOOGLE, "--dry-run", "--json").stdout)
    assert friday["unclassified"] == []
    lunch = [r for r in friday["records"] if r["event"]["title"] == "Lunch with Pat"]
    assert [(r["activity"], r["hours"]) for r in lunch] == [("strategy", 1.0)]


def test_on_a_terminal_a_line_is_corrected_and_no_writes_nothing(cli, addressed: Path) -> None:  # type: ignore[no-untyped-def]
    before = snapshot(addressed)
    child = _spawn(addressed, "--calendar", GOOGLE)
    child.expect("Lunch with Pat: which is it")
    child.sendline("skip")
    child.expect("was cancelled: because of which client")
    child.sendline("acme")
    child.expect(r"1:1 with bob cancelled \(acme\)")
    child.expect(r"Save\?")
    child.sendline("2")  # the Acme call was in fact Initech's
    child.expect("Acme pricing review: which is it")
    child.sendline("initech")
    child.expect(r"initech, delivery")
    child.expect(r"Save\?")
    child.sendline("no")
    child.expect("Nothing was written.")
    child.expect(pexpect.EOF)
    assert snapshot(addressed) == before
