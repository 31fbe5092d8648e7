"""Timing whole processes: wall-clock and CPU time of one child, and the figures of several runs."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

# ru_maxrss is in kilobytes on Linux, in bytes on macOS.
RU_MAXRSS_PER_MB = 1024 * 1024 if sys.platform == "darwin" else 1024
PEAK_RSS = Path(__file__).with_name("peak_rss.py")


class BenchmarkError(Exception):
    """A measured command failed: its figures would mean nothing."""


@dataclass(frozen=True)
class Sample:
    wall_ms: float
    cpu_ms: float  # user + system time of the child: less disturbed by other load than wall time


def run_once(argv: list[str], env: dict[str, str], cwd: Path, stdout: Path) -> Sample:
    """Run `argv` to completion with stdout to a file (not a terminal: as in a pipe) and time it."""
    with open(stdout, "wb") as out, open(stdout.with_suffix(".stderr"), "wb") as err:
        start = time.perf_counter()
        child = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=out, stderr=err, env=env, cwd=cwd)
        # wait4, not Popen.wait: it also returns the child's own CPU time.
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        problem = stdout.with_suffix(".stderr").read_text(errors="replace").strip().splitlines()[-3:]
        raise BenchmarkError(f"`{' '.join(argv)}` exited {child.returncode}: {' / '.join(problem) or 'no message'}")
    return Sample(wall * 1000, (usage.ru_utime + usage.ru_stime) * 1000)


def peak_mb(argv: list[str], env: dict[str, str], cwd: Path, stdout: Path) -> float:
    """Run `argv` as run_once does, and return its peak resident memory in MB (see peak_rss.py)."""
    report = stdout.with_suffix(".peak")
    run_once([sys.executable, "-S", "-I", str(PEAK_RSS), str(report), *argv], env, cwd, stdout)
    return int(report.read_text()) / RU_MAXRSS_PER_MB


@dataclass
class Cell:
    """One command at one history length, and its samples."""

    command: str
    size: str | None  # None: the command does not read the ledger
    argv: list[str]
    env: dict[str, str]
    before: Callable[[], None] | None = None  # untimed preparation before each run (a fresh ledger copy)
    check: Callable[[bytes], None] | None = None  # verifies the output of the warm-up run
    samples: list[Sample] = field(default_factory=list)
    peaks_mb: list[float] = field(default_factory=list)

    @property
    def median_ms(self) -> float:
        return statistics.median(s.wall_ms for s in self.samples)

    @property
    def min_ms(self) -> float:
        return min(s.wall_ms for s in self.samples)

    @property
    def max_ms(self) -> float:
        return max(s.wall_ms for s in self.samples)

    @property
    def cpu_median_ms(self) -> float:
        return statistics.median(s.cpu_ms for s in self.samples)

    @property
    def peak_mb(self) -> float:
        return statistics.median(self.peaks_mb)


def measure(cells: list[Cell], runs: int, scratch: Path, progress: Callable[[str], None]) -> None:
    """A warm-up round (checked, not kept), then `runs` rounds of every cell, then one round for memory.

    Rounds interleave the cells, so that a burst of load from elsewhere on the
    machine falls on every command alike and the ratios stay meaningful. Memory
    is measured apart, through peak_rss.py, which would add its own start-up to a time.
    """
    for round_number in range(runs + 2):
        memory = round_number == runs + 1
        progress("warm-up" if round_number == 0 else "peak memory" if memory else f"run {round_number}/{runs}")
        for index, cell in enumerate(cells):
            if cell.before is not None:
                cell.before()
            stdout = scratch / f"{index}.stdout"
            if memory:
                cell.peaks_mb.append(peak_mb(cell.argv, cell.env, scratch, stdout))
                continue
            sample = run_once(cell.argv, cell.env, scratch, stdout)
            if round_number == 0:
                if cell.check is not None:
                    cell.check(stdout.read_bytes())
            else:
                cell.samples.append(sample)
