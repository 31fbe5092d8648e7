"""The benchmark's generator, Watson frames, and target verdicts (nothing here is timed)."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import Counter
from datetime import date, datetime
from pathlib import Path

import pytest

from benchmarks import targets
from benchmarks.ledgers import TODAY, Spec, generate
from benchmarks.run import parse_sizes, restore
from benchmarks.timing import BenchmarkError, run_once
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


def medians(python: float = 20.0, **by_size: dict[str, float]) -> targets.Medians:
    figures: targets.Medians = {(targets.PYTHON, None): python, (targets.HELP, None): 150.0}
    for command, sizes in by_size.items():
        for size, value in sizes.items():
            figures[(getattr(targets, command), size)] = value
    return figures


def test_targets_are_ratios_to_python_and_growth_over_history() -> None:
    figures = medians(
        LOG={"1mo": 180.0, "10y": 220.0},
        REVIEW_JSON={"1mo": 150.0, "10y": 160.0},
        REVIEW={"1mo": 250.0, "10y": 300.0},
        CHECK={"1mo": 100.0, "10y": 100.0},
        WATSON={"10y": 1000.0},
    )
    verdicts = {v.target: v for v in targets.judge(figures, ["1mo", "10y"])}

    log = verdicts["leadshift log client <= 10x python at every history length"]
    assert (log.status, log.value, log.detail) == ("FAIL", 11.0, "worst 11.0x (10y)")
    assert verdicts["leadshift review --json <= 10x python at every history length"].status == "pass"
    assert verdicts["leadshift --help <= 8x python"].value == 7.5
    assert verdicts["leadshift log client: 10y/1mo <= 1.15x"].status == "FAIL"  # 1.22x
    assert verdicts["leadshift review --json: 10y/1mo <= 1.15x"].status == "pass"  # 1.07x
    assert verdicts["leadshift review: 10y/1mo <= 1.15x"].status == "FAIL"  # 1.2x
    watson = verdicts["leadshift review on 10y <= 0.25 of watson report (same frames)"]
    assert (watson.status, watson.value) == ("FAIL", 0.3)


def test_targets_that_a_run_cannot_judge_say_so() -> None:
    verdicts = targets.judge(medians(REVIEW={"1y": 200.0}), ["1y"])
    unjudged = {v.target: v.detail for v in verdicts if v.status == "n/a"}
    assert unjudged["leadshift log client <= 10x python at every history length"] == "not measured"
    assert unjudged["leadshift review: longest/shortest <= 1.15x"] == "needs two history lengths"
    assert unjudged["leadshift review on 1y <= 0.25 of watson report (same frames)"] == "td-watson not measured"
    assert len(unjudged) == len(verdicts) - 2  # review at 10x python on 1y, and --help, are judged


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


def test_a_day_from_the_calendar_is_judged_against_review_json_on_the_longest_history() -> None:
    from benchmarks.calendar_year import EVENTS, year_calendar

    assert year_calendar().count(b"BEGIN:VEVENT") == EVENTS == 2_000
    figures = medians(REVIEW_JSON={"1mo": 150.0, "10y": 200.0}, CALENDAR={"1mo": 400.0, "10y": 390.0})
    verdict = next(v for v in targets.judge(figures, ["1mo", "10y"]) if v.target.startswith(targets.CALENDAR))
    assert (verdict.status, verdict.detail) == ("pass", "1.95x on 10y")
    slow = medians(REVIEW_JSON={"10y": 200.0}, CALENDAR={"10y": 410.0})
    assert next(v for v in targets.judge(slow, ["10y"]) if v.target.startswith(targets.CALENDAR)).status == "FAIL"
