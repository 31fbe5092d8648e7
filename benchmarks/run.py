"""Time leadshift's everyday commands as whole processes, on ledgers of 1 month to 10 years.

    python benchmarks/run.py                 # 1mo and 10y; 9 runs after a warm-up
    python benchmarks/run.py --quick         # 1mo and 1y, 3 runs: a smoke run
    python benchmarks/run.py --sizes 10y --runs 11 --json after.json

Run it with the Python of the environment leadshift is installed in: it times
that environment's `leadshift` script (and `watson`, if td-watson is installed
there or on PATH) against `python -c pass` of the same interpreter, measured
in the same rounds. The targets are ratios of wall-clock medians, which carry
from one machine to another where milliseconds do not; the cpu columns (the
child's own user + system time) are steadier when other programs load the machine.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from datetime import datetime, timedelta
from importlib import metadata
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # `benchmarks` as a package, from a checkout

import leadshift  # noqa: E402
from benchmarks import targets  # noqa: E402
from benchmarks.calendars import ZONE, year_calendar  # noqa: E402
from benchmarks.ledgers import TODAY, Spec, generate, without_day  # noqa: E402
from benchmarks.timing import BenchmarkError, Cell, measure  # noqa: E402
from benchmarks.watson_frames import find_watson, frames_of, write_frames  # noqa: E402
from leadshift.domain.records import Month  # noqa: E402

Months = dict[str, Month]

SIZES = "1mo,10y"  # the two ends the targets compare; --sizes 1mo,1y,5y,10y for the steps between
QUICK_SIZES = "1mo,1y"
RUNS, QUICK_RUNS = 9, 3
# Variables that change how any Python starts (bytecode, profiling, dev mode) or how wide Rich draws.
DISTORTING = ("PYTHONDONTWRITEBYTECODE", "PYTHONPROFILEIMPORTTIME", "PYTHONDEVMODE", "PYTHONTRACEMALLOC", "COLUMNS")
LOG_ARGS = ["log", "client", "northwind", "1.5", "--note", "Renewal call"]


def parse_sizes(text: str) -> list[tuple[str, int]]:
    """`1mo,1y,10y` -> [("1mo", 1), ("1y", 12), ("10y", 120)], shortest first."""
    sizes = {}
    for part in filter(None, (p.strip() for p in text.split(","))):
        match = re.fullmatch(r"(\d+)(mo|y)", part)
        if not match or int(match.group(1)) == 0:
            raise argparse.ArgumentTypeError(f"'{part}' is not a history length like 1mo, 18mo, 1y or 10y")
        sizes[part] = int(match.group(1)) * (12 if match.group(2) == "y" else 1)
    if not sizes:
        raise argparse.ArgumentTypeError("give at least one history length, like 1mo,10y")
    return sorted(sizes.items(), key=lambda item: item[1])


def arguments(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=parse_sizes, help=f"history lengths to measure (default {SIZES})")
    parser.add_argument("--runs", type=int, help=f"timed runs of each command after the warm-up (default {RUNS})")
    parser.add_argument("--quick", action="store_true", help=f"smoke run: {QUICK_SIZES}, {QUICK_RUNS} runs")
    parser.add_argument("--json", type=Path, metavar="FILE", help="also write every figure to FILE")
    parser.add_argument("--keep", type=Path, metavar="DIR", help="generate the ledgers in DIR and keep them")
    parser.add_argument("--no-watson", action="store_true", help="do not time watson even if it is installed")
    args = parser.parse_args(argv)
    args.sizes = args.sizes or parse_sizes(QUICK_SIZES if args.quick else SIZES)
    args.runs = args.runs or (QUICK_RUNS if args.quick else RUNS)
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    return args


def leadshift_script() -> Path:
    script = Path(sys.executable).parent / "leadshift"
    if not script.is_file():
        sys.exit(f"Error: no `leadshift` script beside {sys.executable}; install it there with `pip install -e .`.")
    return script


def base_env(workspace: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in DISTORTING}
    # A cache leadshift may keep must not land in the user's, nor be shared with another run.
    return {**env, "LEADSHIFT_TODAY": TODAY.isoformat(), "XDG_CACHE_HOME": str(workspace / "xdg-cache")}


def expect_json(output: bytes) -> None:
    try:
        json.loads(output)
    except ValueError as error:
        raise BenchmarkError(f"the output is not JSON: {error}") from None


def expect_output(output: bytes) -> None:
    if not output.strip():
        raise BenchmarkError("the command printed nothing")


def expect_completion(output: bytes) -> None:
    if b"northwind" not in output.split():
        raise BenchmarkError(f"a TAB after `log client n` did not offer northwind: {output[:200]!r}")


def restore(template: Path, target: Path) -> None:
    """A fresh copy of the ledger (mtimes kept), so that every `log` writes into the same history.

    Copying the whole ledger (about 2.5 MB for ten years) just before a timed
    `log` does not slow its fsync here: measured against copying back only the
    changed files, the medians were the same.
    """
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(template, target, symlinks=True)


FLOORS = Path(__file__).resolve().parent / "floors"
FLOOR_ARGS = ["northwind", "1.5", "--note", "Renewal call"]  # floor (a)'s command: `log CLIENT HOURS --note`
# Bash's completion script runs `leadshift` so on a TAB after `leadshift log client n` (Typer's own script).
COMPLETING = {"_LEADSHIFT_COMPLETE": "complete_bash", "COMP_WORDS": "leadshift log client n", "COMP_CWORD": "3"}


def floor_cells(env: dict[str, str]) -> list[Cell]:
    """`python -c pass` and the four floors, by the same interpreter."""
    python = sys.executable
    return [
        Cell(targets.PYTHON, None, [python, "-c", "pass"], env),
        Cell(targets.FLOOR_A, None, [python, str(FLOORS / "a_typer_help.py"), "--help"], env, check=expect_output),
        Cell(targets.FLOOR_B, None, [python, str(FLOORS / "b_pydantic.py"), *FLOOR_ARGS], env, check=expect_json),
        Cell(targets.FLOOR_C, None, [python, str(FLOORS / "c_rich_table.py"), *FLOOR_ARGS], env, check=expect_output),
        Cell(targets.FLOOR_D, None, [python, str(FLOORS / "d_solver.py"), *FLOOR_ARGS], env, check=expect_output),
    ]


def reading_cells(script: str, size: str, env: dict[str, str]) -> list[Cell]:
    """The commands that only read the ledger: each run finds it as the last one left it."""

    def read(command: str, *args: str, check: Callable[[bytes], None] = expect_output) -> Cell:
        return Cell(command, size, [script, *args], env, check=check)

    return [
        Cell(targets.COMPLETE, size, [script], {**env, **COMPLETING}, check=expect_completion),
        read(targets.SHOW, "show"),
        read(targets.TODAY, "today"),
        read(targets.REVIEW_JSON, "review", "--json", check=expect_json),
        read(targets.CHECK_JSON, "check", "--json", check=expect_json),
        read(targets.PREP_JSON, "prep", "priya", "--json", check=expect_json),
        read(targets.REVIEW, "review"),
        read(targets.CHECK, "check"),
        read(targets.HANDOFF, "handoff", "plan", "--json", check=expect_json),
    ]


def writing_cell(command: str, size: str, argv: list[str], env: dict[str, str], home: Path, copy: Path) -> Cell:
    """A command that writes: each run gets a fresh copy of the ledger, so that all write into the same history."""
    at = {**env, "LEADSHIFT_HOME": str(copy)}
    return Cell(command, size, argv, at, before=lambda: restore(home, copy), check=expect_output)


def calendar_cell(
    script: str, size: str, env: dict[str, str], home: Path, history: dict[str, Month], year: Path
) -> Cell:
    """`log --calendar FILE --yes` on today, a day not logged yet (an import would rather not count a day twice).

    The calendar says it is in Berlin: read in that zone, its meetings fall in working hours.
    """
    untouched = home.parent / "ledger-without-today"
    shutil.copytree(home, untouched, symlinks=True)
    without_day(untouched, history, TODAY)
    argv = [script, "log", "--calendar", str(year), "--yes"]
    return writing_cell(targets.CALENDAR, size, argv, {**env, "TZ": ZONE}, untouched, home.parent / "calendar-ledger")


def has_option(script: str, env: dict[str, str], command: str, option: str) -> bool:
    """Whether `leadshift COMMAND -h` exists and mentions `option`: a command that has not landed is not timed."""
    shown = subprocess.run([script, *command.split(), "-h"], env=env, capture_output=True, text=True, check=False)
    return shown.returncode == 0 and option in shown.stdout


def build_cells(args: argparse.Namespace, workspace: Path, watson: Path | None) -> tuple[list[Cell], dict[str, int]]:
    """Generate the ledgers (and Watson frames, and the calendar), and list every command to time.

    A command that has not landed (`log --calendar`, `export`) gets no cell: the table shows it n/a.
    """
    script, env = str(leadshift_script()), base_env(workspace)
    cells = [*floor_cells(env), Cell(targets.HELP, None, [script, "--help"], env, check=expect_output)]
    calendar, export = has_option(script, env, "log", "--calendar"), has_option(script, env, "export", "sqlite")
    if calendar:
        year = workspace / "year.ics"
        year.write_bytes(year_calendar())
    records: dict[str, int] = {}
    monday = TODAY - timedelta(days=TODAY.weekday())
    for size, months in args.sizes:
        home = workspace / size / "ledger"
        print(f"generating {size} ({months} month{'s' * (months != 1)}) in {home} ...", file=sys.stderr)
        home.parent.mkdir(parents=True)
        history = generate(home, Spec(months))
        records[size] = sum(len(month.records()) for month in history.values())
        at = {**env, "LEADSHIFT_HOME": str(home)}
        cells += reading_cells(script, size, at)
        # After the reads: the copy for a write carries whatever they left in the ledger folder (a cache, say).
        copy = workspace / size / "write-ledger"
        cells.append(writing_cell(targets.LOG, size, [script, *LOG_ARGS], env, home, copy))
        if calendar:
            cells.append(calendar_cell(script, size, env, home, history, year))
        if export:
            out = workspace / size / "export.sqlite"
            argv = [script, "export", str(out)]
            cells.append(Cell(targets.EXPORT, size, argv, at, before=lambda out=out: out.unlink(missing_ok=True)))
        if watson is not None:
            folder = workspace / size / "watson"
            write_frames(folder, frames_of(r for month in history.values() for r in month.records()))
            # The week under review, as leadshift's; Watson loads every frame whatever the span.
            span = ["--from", monday.isoformat(), "--to", (monday + timedelta(days=6)).isoformat()]
            argv = [str(watson), "report", *span, "--no-pager"]
            cells.append(Cell(targets.WATSON, size, argv, {**env, "WATSON_DIR": str(folder)}, check=expect_output))
    return cells, records


def versions() -> dict[str, str]:
    found = {}
    for name in ("leadshift", "typer", "click", "rich", "pydantic", "pydantic-core", "td-watson"):
        try:
            found[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            pass
    return found


def ms(value: float) -> str:
    return f"{value:.0f}" if value >= 100 else f"{value:.1f}"


def table(cells: list[Cell], records: dict[str, int], sizes: list[str]) -> str:
    """One row a command and history length: its time as a ratio to its floor and to `python -c pass`,
    its peak memory, and both against the shortest history. A command not in this leadshift yet: n/a."""
    by = {(c.command, c.size): c for c in cells}
    python = by[(targets.PYTHON, None)]
    header = ["command", "history", "records", "median ms", "min-max ms", "x floor", "cpu x floor", "x python"]
    header += ["peak MB", f"x {sizes[0]}", f"MB x {sizes[0]}"]
    rows = [header]
    for command in targets.ORDER:
        measured = sorted(
            (c for c in cells if c.command == command), key=lambda c: sizes.index(c.size) if c.size else -1
        )
        if not measured and command in targets.FLOOR_OF:
            rows.append([command, "-", "-", "n/a", *[""] * (len(header) - 4)])  # not in this leadshift yet
        for cell in measured:
            floored = targets.FLOOR_OF.get(command)
            floor = by.get((floored.floor, None)) if floored else None
            first = by.get((command, sizes[0])) if cell.size else None
            rows.append(
                [
                    command,
                    cell.size or "-",
                    str(records[cell.size]) if cell.size else "-",
                    ms(cell.median_ms),
                    f"{ms(cell.min_ms)}-{ms(cell.max_ms)}",
                    f"{cell.median_ms / floor.median_ms:.2f}" if floor else "",
                    f"{cell.cpu_median_ms / floor.cpu_median_ms:.2f}" if floor else "",
                    f"{cell.median_ms / python.median_ms:.1f}",
                    f"{cell.peak_mb:.0f}",
                    f"{cell.median_ms / first.median_ms:.2f}" if first else "",
                    f"{cell.peak_mb / first.peak_mb:.2f}" if first else "",
                ]
            )
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
    lines = []
    for row in rows:
        first_column, *rest = row
        columns = [first_column.ljust(widths[0]), *(v.rjust(w) for v, w in zip(rest, widths[1:], strict=True))]
        lines.append("  ".join(columns).rstrip())
    lines.insert(1, "-" * max(len(line) for line in lines))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    args = arguments(argv)
    sizes = [size for size, _ in args.sizes]
    watson = None if args.no_watson else find_watson()
    workspace = args.keep or Path(tempfile.mkdtemp(prefix="leadshift-bench-"))
    if args.keep and args.keep.exists() and any(args.keep.iterdir()):
        sys.exit(f"Error: {args.keep} is not empty; give --keep a new or empty folder.")
    load_before = os.getloadavg()
    try:
        cells, records = build_cells(args, workspace, watson)
        scratch = workspace / "out"
        scratch.mkdir()
        measure(cells, args.runs, scratch, lambda text: print(text, file=sys.stderr))
    except BenchmarkError as error:
        sys.exit(f"Error: {error}")
    finally:
        if not args.keep:
            shutil.rmtree(workspace, ignore_errors=True)
    load_after = os.getloadavg()

    print(f"leadshift {leadshift.__version__}: {leadshift_script()} (console script beside the interpreter)")
    print(f"python {platform.python_version()}: {sys.executable}; {os.cpu_count()} CPUs; {platform.platform()}")
    print(f"packages: {', '.join(f'{k} {v}' for k, v in versions().items())}")
    watson_line = (
        f"watson: {watson} report --from MONDAY --to SUNDAY --no-pager (the week under review; it parses every frame)"
        if watson
        else "watson: not found (pip install td-watson into this environment to compare)"
    )
    print(watson_line)
    print(f"today pinned to {TODAY}; {args.runs} runs after a warm-up, rounds interleaved")
    print(f"load average (1 min) before/after: {load_before[0]:.2f}/{load_after[0]:.2f}")
    if args.keep:
        print(f"ledgers kept in {args.keep}/SIZE/ledger")
    print()
    print(table(cells, records, sizes))
    absent = [c for c in targets.FLOOR_OF if not any(cell.command == c for cell in cells)]
    if absent:
        print(f"n/a: {', '.join(absent)}: not in this leadshift yet (each is measured once it lands)")
    print()
    medians = {(c.command, c.size): c.median_ms for c in cells}
    verdicts = targets.judge(medians, sizes, {(c.command, c.size): c.peak_mb for c in cells})
    print("Targets (issue 18), on the medians of this run (x floor: wall-clock, the cpu column beside it):")
    for verdict in verdicts:
        print(f"  {verdict.status:4}  {verdict.target}: {verdict.detail}")
    if args.json:
        args.json.write_text(json.dumps(figures(args, cells, records, verdicts, watson, (load_before, load_after))))
        print(f"\nwrote {args.json}")
    return 0


def figures(args, cells, records, verdicts, watson, loads) -> dict[str, object]:  # type: ignore[no-untyped-def]
    """Everything measured, for comparing a later run with this one."""
    by = {(c.command, c.size): c for c in cells}
    python = by[(targets.PYTHON, None)]

    def floor_of(cell: Cell) -> Cell | None:
        floored = targets.FLOOR_OF.get(cell.command)
        return by.get((floored.floor, None)) if floored else None

    return {
        "when": datetime.now().isoformat(timespec="seconds"),
        "python": platform.python_version(),
        "executable": sys.executable,
        "leadshift_script": str(leadshift_script()),
        "watson": str(watson) if watson else None,
        "packages": versions(),
        "cpus": os.cpu_count(),
        "platform": platform.platform(),
        "load_average_before_after": [loads[0][0], loads[1][0]],
        "today": TODAY.isoformat(),
        "runs": args.runs,
        "sizes": [{"size": size, "months": months, "records": records[size]} for size, months in args.sizes],
        "results": [
            {
                "command": c.command,
                "size": c.size,
                "argv": [Path(c.argv[0]).name, *c.argv[1:]],
                "median_ms": round(c.median_ms, 2),
                "min_ms": round(c.min_ms, 2),
                "max_ms": round(c.max_ms, 2),
                "cpu_median_ms": round(c.cpu_median_ms, 2),
                "ratio_to_python": round(c.median_ms / python.median_ms, 3),
                "cpu_ratio_to_python": round(c.cpu_median_ms / python.cpu_median_ms, 3),
                "floor": floor.command if (floor := floor_of(c)) else None,
                "ratio_to_floor": round(c.median_ms / floor.median_ms, 3) if floor else None,
                "cpu_ratio_to_floor": round(c.cpu_median_ms / floor.cpu_median_ms, 3) if floor else None,
                "peak_mb": round(c.peak_mb, 1),
                "samples_ms": [round(s.wall_ms, 2) for s in c.samples],
            }
            for c in cells
        ],
        "targets": [
            {"target": v.target, "status": v.status, "value": v.value, "limit": v.limit, "detail": v.detail}
            for v in verdicts
        ],
    }


if __name__ == "__main__":
    sys.exit(main())
