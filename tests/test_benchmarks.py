"""The benchmark's generator, Watson frames, and target verdicts (nothing here is timed)."""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
from collections import Counter
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from benchmarks import targets
from benchmarks.ledgers import TODAY, Spec, generate
from benchmarks.run import parse_sizes, restore, table
from benchmarks.timing import BenchmarkError, Cell, Sample, peak_mb, run_once
from benchmarks.watson_frames import frames_of
from leadshift.domain.records import HoursRecord
from leadshift.storage.store import Store
from tests.conftest import snapshot


def test_a_generated_month_is_a_valid_ledger_of_about_six_records_a_working_day(ledger_home: Path, cli) -> None:
    spec = Spec(months=1)
    written = generate(ledger_home, spec)

    ledger = Store(ledger_home).load()  # parses and validates every file, as every command does
    records = ledger.records()
    assert ledger.months.keys() == written.keys() == {"2026-10", "2026-11"}
    assert len(records) == sum(len(m.records()) for m in written.values())
    days = spec.working_days()
    assert days[0] == date(2026, 10, 21) and days[-1] == TODAY == date.fromisoformat("2026-11-20")
    per_day = Counter(r.date for r in records)
    assert set(per_day) == set(days), "every working day is logged, and no weekend"
    assert 5.5 <= len(records) / len(days) <= 7.0
    kinds = Counter(r.kind for r in records)
    assert kinds["hours"] > kinds["one-on-one"] > 0 and kinds["escalation"] > 0
    clients = {r.client for r in records if isinstance(r, HoursRecord) and r.client}
    assert {"northwind", "helix"} <= clients
    assert len({r.id for r in records}) == len(records)

    review = cli("review", "--json")  # the week holding "today" has data to review
    assert review.exit_code == 0, review.stderr
    report = json.loads(review.stdout)
    assert report["days_logged"] == 5 and report["hours"]["total"] > 5 * 7


def test_the_same_spec_writes_the_same_records(tmp_path: Path) -> None:
    first = generate(tmp_path / "a", Spec(months=1))
    again = generate(tmp_path / "b", Spec(months=1))
    assert first == again
    assert generate(tmp_path / "c", Spec(months=1, seed=1)) != first


@pytest.mark.parametrize(
    ("today", "months", "first_day"),
    [
        (date(2026, 11, 20), 1, date(2026, 10, 21)),
        (date(2026, 11, 20), 120, date(2016, 11, 21)),
        (date(2026, 3, 31), 1, date(2026, 3, 1)),  # 31 February is the 28th
        (date(2026, 1, 15), 1, date(2025, 12, 16)),
    ],
)
def test_a_history_of_n_months_ends_today(today: date, months: int, first_day: date) -> None:
    assert Spec(months, today=today).first_day == first_day


def test_every_record_becomes_one_watson_frame_of_its_length(tmp_path: Path) -> None:
    months = generate(tmp_path / "ledger", Spec(months=1))
    records = sorted((r for month in months.values() for r in month.records()), key=lambda r: (r.date, r.added))

    frames = frames_of(records)

    assert len(frames) == len(records)
    assert len({frame[3] for frame in frames}) == len(frames), "frame ids are unique"
    for record, (start, stop, project, _, tags, updated_at) in zip(records, frames, strict=True):
        if isinstance(record, HoursRecord):
            assert (stop - start, project) == (record.hours * 3600, record.client or record.activity)
        else:
            assert (stop - start, project) == (900, record.table)
        assert datetime.fromtimestamp(start).date() == record.date and updated_at == stop
        assert all(isinstance(tag, str) for tag in tags)


def test_parse_sizes_reads_months_and_years_shortest_first() -> None:
    assert parse_sizes("10y, 1mo,18mo") == [("1mo", 1), ("18mo", 18), ("10y", 120)]
    for bad in ("", "10", "0y", "1w"):
        with pytest.raises(argparse.ArgumentTypeError):
            parse_sizes(bad)


def medians(floors: tuple[float, float, float, float] = (100.0, 200.0, 250.0, 800.0), **by_size) -> targets.Figures:
    """Figures of a run: the floors (a) to (d), and each command's by history length."""
    figures: targets.Figures = {(targets.PYTHON, None): 10.0}
    figures.update({(floor, None): ms for floor, ms in zip(targets.FLOORS, floors, strict=True)})
    for command, sizes in by_size.items():
        for size, value in sizes.items():
            figures[(getattr(targets, command), size)] = value
    return figures


def test_each_command_is_judged_against_its_own_floor_at_its_worst_history_length() -> None:
    figures = medians(
        HELP={None: 124.0},  # 1.24x floor (a), limit 1.25
        COMPLETE={"1mo": 100.0, "10y": 111.0},  # 1.11x floor (a), limit 1.10
        LOG={"1mo": 200.0, "10y": 230.0},  # 1.15x floor (b)
        REVIEW_JSON={"1mo": 210.0, "10y": 218.0},  # 1.09x floor (b)
        REVIEW={"1mo": 260.0, "10y": 270.0},  # 1.08x floor (c): floor (b) would say 1.35x
        HANDOFF={"1mo": 1000.0, "10y": 1100.0},  # 1.375x floor (d)
    )
    verdicts = {v.target: v for v in targets.judge(figures, ["1mo", "10y"])}

    assert verdicts["leadshift --help <= 1.25x floor (a)"].status == "pass"
    complete = verdicts["leadshift TAB (log client n) <= 1.1x floor (a) at every history length"]
    assert (complete.status, complete.detail) == ("FAIL", "worst 1.11x (10y)")
    log = verdicts["leadshift log client <= 1.1x floor (b) at every history length"]
    assert (log.status, log.value) == ("FAIL", 1.15)
    assert verdicts["leadshift review --json <= 1.1x floor (b) at every history length"].status == "pass"
    assert verdicts["leadshift review <= 1.1x floor (c) at every history length"].status == "pass"
    assert verdicts["leadshift handoff plan --json <= 1.25x floor (d) at every history length"].status == "FAIL"
    assert verdicts["leadshift show <= 1.1x floor (b) at every history length"].detail == "not measured"


def test_a_command_without_a_target_against_its_floor_is_shown_against_it_but_not_judged_by_it() -> None:
    figures = medians(CALENDAR={"10y": 900.0}, EXPORT={"10y": 300.0})

    assert targets.floor_ratios(figures, targets.CALENDAR) == {"10y": 4.5}
    judged = [v.target for v in targets.judge(figures, ["1mo", "10y"])]
    assert not any("export" in target for target in judged)
    # The calendar's one target is issue 16's, against `review --json`, not against a floor.
    assert [target for target in judged if "calendar" in target] == [f"{targets.CALENDAR} <= 2x {targets.REVIEW_JSON}"]


def test_without_its_floor_a_command_has_no_ratio() -> None:
    figures = medians(LOG={"1mo": 200.0})
    del figures[(targets.FLOOR_B, None)]
    assert targets.floor_ratios(figures, targets.LOG) == {}
    verdict = next(v for v in targets.judge(figures, ["1mo"]) if v.target.startswith("leadshift log client <="))
    assert verdict.status == "n/a"


def test_history_must_cost_neither_time_nor_memory() -> None:
    figures = medians(
        LOG={"1mo": 200.0, "10y": 240.0},  # 1.2x
        REVIEW_JSON={"1mo": 200.0, "10y": 210.0},  # 1.05x
        REVIEW={"1mo": 250.0, "10y": 300.0},  # 1.2x
        WATSON={"10y": 1000.0},
    )
    peaks = {(targets.REVIEW_JSON, "1mo"): 40.0, (targets.REVIEW_JSON, "10y"): 43.0, (targets.LOG, "1mo"): 36.0}
    verdicts = {v.target: v for v in targets.judge(figures, ["1mo", "10y"], peaks)}

    assert verdicts["leadshift log client: 10y/1mo <= 1.15x"].status == "FAIL"
    assert verdicts["leadshift review --json: 10y/1mo <= 1.15x"].status == "pass"
    assert verdicts["leadshift review: 10y/1mo <= 1.15x"].status == "FAIL"
    memory = verdicts["peak memory of every command: 10y/1mo <= 1.1x"]
    assert (memory.status, memory.detail) == ("pass", "worst 1.07x (leadshift review --json)")
    watson = verdicts["leadshift review on 10y <= 0.25 of watson report (same frames)"]
    assert (watson.status, watson.value) == ("FAIL", 0.3)

    peaks[(targets.LOG, "10y")] = 40.0  # 1.11x
    memory = next(v for v in targets.judge(figures, ["1mo", "10y"], peaks) if v.target.startswith("peak memory"))
    assert (memory.status, memory.detail) == ("FAIL", "worst 1.11x (leadshift log client)")


def test_targets_that_a_run_cannot_judge_say_so() -> None:
    verdicts = targets.judge(medians(REVIEW={"1y": 200.0}), ["1y"], {(targets.REVIEW, "1y"): 40.0})
    unjudged = {v.target: v.detail for v in verdicts if v.status == "n/a"}
    assert unjudged["leadshift log client <= 1.1x floor (b) at every history length"] == "not measured"
    assert unjudged["leadshift review: longest/shortest <= 1.15x"] == "needs two history lengths"
    assert unjudged["peak memory of every command: longest/shortest <= 1.1x"] == "needs two history lengths"
    assert unjudged["leadshift review on 1y <= 0.25 of watson report (same frames)"] == "td-watson not measured"
    assert len(unjudged) == len(verdicts) - 1  # only review against floor (c) is judged


def cell(command: str, size: str | None, ms: float, peak: float = 30.0) -> Cell:
    return Cell(command, size, [], {}, samples=[Sample(ms, ms / 2)], peaks_mb=[peak])


def test_the_table_shows_each_command_against_its_floor_python_and_its_shortest_history() -> None:
    cells = [cell(targets.PYTHON, None, 10.0, 8.0), cell(targets.FLOOR_B, None, 200.0)]
    cells += [cell(targets.LOG, "1mo", 220.0, 36.0), cell(targets.LOG, "10y", 242.0, 39.6)]

    lines = table(cells, {"1mo": 146, "10y": 15000}, ["1mo", "10y"]).splitlines()

    rows = {tuple(re.split(r"\s{2,}", line)[:2]): re.split(r"\s{2,}", line)[2:] for line in lines[2:]}
    # records, median, min-max, x floor, cpu x floor, x python, peak MB, x 1mo, MB x 1mo
    assert rows[(targets.LOG, "10y")] == ["15000", "242", "242-242", "1.21", "1.21", "24.2", "40", "1.10", "1.10"]
    assert rows[(targets.LOG, "1mo")][-2:] == ["1.00", "1.00"]
    assert rows[(targets.FLOOR_B, "-")] == ["-", "200", "200-200", "20.0", "30"]  # no floor of its own
    assert rows[(targets.CALENDAR, "-")] == ["-", "n/a"]  # not in this leadshift yet
    assert (targets.WATSON, "-") not in rows  # not installed: not a command of leadshift


def test_restore_puts_back_the_ledger_a_log_wrote_into(tmp_path: Path, run_process) -> None:
    template, copy = tmp_path / "template", tmp_path / "copy"
    generate(template, Spec(months=1))
    before = snapshot(template)
    restore(template, copy)
    logged = run_process("log", "client", "northwind", "1.5", env={"LEADSHIFT_HOME": str(copy)})
    assert logged.returncode == 0, logged.stderr
    assert snapshot(copy) != before

    restore(template, copy)

    assert snapshot(copy) == before
    assert (
        copy.joinpath("log", "2026-11.toml").stat().st_mtime_ns
        == template.joinpath("log", "2026-11.toml").stat().st_mtime_ns
    )


def test_a_failing_command_stops_the_benchmark_with_its_message(tmp_path: Path) -> None:
    argv = [sys.executable, "-c", "import sys; sys.exit('Error: no ledger here')"]
    with pytest.raises(BenchmarkError, match=r"exited 1: Error: no ledger here"):
        run_once(argv, dict(os.environ), tmp_path, tmp_path / "out.stdout")


def test_peak_memory_is_the_commands_own_not_the_benchmarks(tmp_path: Path) -> None:
    import resource

    env = dict(os.environ)
    empty = peak_mb([sys.executable, "-c", "pass"], env, tmp_path, tmp_path / "a.stdout")
    big = peak_mb(
        [sys.executable, "-c", "b = bytearray(300 * 2**20); b[::4096] = b'1' * len(b[::4096])"],
        env,
        tmp_path,
        tmp_path / "b.stdout",
    )

    mine = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # this test process, leadshift and all loaded
    assert empty < 20 < mine, "started straight from here, a child would report at least this process's memory"
    assert 300 < big < 400


def test_peak_memory_of_a_failing_command_stops_the_benchmark(tmp_path: Path) -> None:
    argv = [sys.executable, "-c", "import sys; sys.exit('Error: no ledger here')"]
    with pytest.raises(BenchmarkError, match=r"exited 1: Error: no ledger here"):
        peak_mb(argv, dict(os.environ), tmp_path, tmp_path / "out.stdout")


FLOORS = Path(__file__).resolve().parent.parent / "benchmarks" / "floors"


def run_floor(name: str, *args: str, python: list[str] = []) -> subprocess.CompletedProcess[str]:  # noqa: B006
    env = {k: v for k, v in os.environ.items() if k != "PYDANTIC_DISABLE_PLUGINS"}
    argv = [sys.executable, *python, str(FLOORS / name), *args]
    return subprocess.run(argv, capture_output=True, text=True, env=env, check=False)


def test_floor_a_is_typer_with_leadshifts_settings() -> None:
    sys.path.insert(0, str(FLOORS))
    try:
        from a_typer_help import make_app
    finally:
        sys.path.remove(str(FLOORS))
    from leadshift.cli.app import register

    floor, leadshift = make_app(lambda *_: None), register("log")
    for setting in ("rich_markup_mode", "_add_completion", "pretty_exceptions_enable"):
        assert getattr(floor, setting) == getattr(leadshift, setting), setting
    assert floor.info.context_settings == leadshift.info.context_settings
    shown = run_floor("a_typer_help.py", "--help")
    assert shown.returncode == 0 and "Usage:" in shown.stdout and "--install-completion" in shown.stdout


def test_floor_b_validates_one_pydantic_model_with_plugins_off_as_leadshift() -> None:
    printed = run_floor("b_pydantic.py", "northwind", "1.5", "--note", "Renewal call")
    assert printed.returncode == 0, printed.stderr
    assert json.loads(printed.stdout) == {
        "id": "0badcafe",
        "date": "2026-11-20",
        "hours": 1.5,
        "client": "northwind",
        "note": "Renewal call",
        "added": "2026-11-20T18:00:00",
    }
    assert run_floor("b_pydantic.py", "northwind", "1.3").returncode != 0, "it validates: 1.3 is no quarter hour"
    source = Path(__import__("leadshift.cli", fromlist=["x"]).__file__).read_text()
    setting = 'os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")'
    assert setting in source and setting in (FLOORS / "b_pydantic.py").read_text()


def test_floor_c_prints_a_rich_table_and_d_imports_the_solver_the_plan_uses() -> None:
    for name in ("c_rich_table.py", "d_solver.py"):
        printed = run_floor(name, "northwind", "1.5", "--note", "Renewal call")
        assert printed.returncode == 0, printed.stderr
        assert printed.stdout.startswith("{") and "│ Renewal call" in printed.stdout
    assert solver_imports() <= packages_imported("d_solver.py")
    assert not solver_imports() & packages_imported("c_rich_table.py"), "floor (c) has no solver"


def packages_imported(floor: str) -> set[str]:
    """The top-level packages a floor imports, from `python -X importtime`'s lines (`... | cumulative | name`)."""
    lines = run_floor(floor, "northwind", "1.5", python=["-X", "importtime"]).stderr.splitlines()
    return {line.split("|")[-1].strip().split(".")[0] for line in lines if line.startswith("import time:")}


SOLVER_PACKAGES = ("scipy", "numpy", "highspy")


def solver_imports() -> set[str]:
    """The top-level packages handoff/solver.py imports."""
    import ast

    from leadshift.handoff import solver

    tree = ast.parse(Path(solver.__file__).read_text())
    names = {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}
    names |= {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.module}
    found = {name.split(".")[0] for name in names} & set(SOLVER_PACKAGES)
    assert found, "the solver imports one of the solver packages"
    return found


def test_the_calendar_is_a_year_of_2000_events_many_of_them_series_with_client_guests() -> None:
    from benchmarks.calendars import EVENTS, year_calendar, year_events
    from benchmarks.ledgers import CLIENTS, TEAM_DOMAIN, client_domain

    events = year_events()
    data = year_calendar()

    assert data.count(b"BEGIN:VEVENT\r\n") == len(events) == EVENTS == 2000
    assert data.startswith(b"BEGIN:VCALENDAR\r\n") and data.endswith(b"END:VCALENDAR\r\n")
    assert all(len(line) <= 75 for line in data.split(b"\r\n")), "no line needs folding"
    series = {e.uid: e for e in events if e.rule}
    assert len(series) >= 50 and b"RRULE:FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR;UNTIL=20261120T235900Z" in data
    first = TODAY - timedelta(days=364)
    for event in events:
        assert first <= event.start.date() <= TODAY and event.start.weekday() < 5, event
        if event.moves:  # a moved occurrence is one the series has: a whole number of its weeks after its start
            assert (event.moves - series[event.uid].start) % timedelta(weeks=2) == timedelta(0)
    domains = {guest.split("@")[1] for event in events for guest in event.guests}
    assert domains == {TEAM_DOMAIN} | {client_domain(key) for key in CLIENTS}
    assert year_calendar() == data, "the same calendar every run"


def test_the_ledgers_book_carries_the_addresses_the_calendar_uses_where_the_models_have_them() -> None:
    from benchmarks.ledgers import book_of
    from leadshift.domain.book import Book, Client

    book = Book.model_validate(book_of(Spec(1)).model_dump())  # still a valid book, whatever fields it has
    if "domains" in Client.model_fields:  # issue 16's field
        assert book.clients["northwind"].domains == ["northwind.example"]
    else:
        assert book == Book.model_validate(book.model_dump())


def test_without_day_leaves_a_day_to_import_from_the_calendar(tmp_path: Path) -> None:
    from benchmarks.ledgers import without_day

    months = generate(tmp_path / "ledger", Spec(months=1))
    without_day(tmp_path / "ledger", months, TODAY)

    records = Store(tmp_path / "ledger").load().records()
    assert {r.date for r in records} == set(Spec(months=1).working_days()) - {TODAY}
    assert len(records) == sum(len(m.records()) for m in months.values()) - sum(
        r.date == TODAY for m in months.values() for r in m.records()
    )


def test_a_day_from_the_calendar_is_judged_against_review_json_on_the_longest_history() -> None:
    """Issue 16's target: one day of a year-long calendar within 2x of `review --json` on the same ledger."""
    figures = medians(REVIEW_JSON={"1mo": 150.0, "10y": 200.0}, CALENDAR={"1mo": 400.0, "10y": 390.0})
    verdict = next(v for v in targets.judge(figures, ["1mo", "10y"]) if v.target.startswith(targets.CALENDAR + " <="))
    assert (verdict.status, verdict.detail) == ("pass", "1.95x on 10y")
    slow = medians(REVIEW_JSON={"10y": 200.0}, CALENDAR={"10y": 410.0})
    assert (
        next(v for v in targets.judge(slow, ["10y"]) if v.target.startswith(targets.CALENDAR + " <=")).status == "FAIL"
    )
