"""Time leadshift's everyday commands as whole processes, on ledgers of 1 month to 10 years.

    python benchmarks/run.py                 # 1mo, 1y, 5y, 10y; 7 runs after a warm-up
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
import sys
import tempfile
from datetime import datetime, timedelta
from importlib import metadata
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # `benchmarks` as a package, from a checkout

import leadshift  # noqa: E402
from benchmarks import targets  # noqa: E402
from benchmarks.calendar_year import year_calendar  # noqa: E402
from benchmarks.ledgers import TODAY, Spec, generate  # noqa: E402
from benchmarks.timing import BenchmarkError, Cell, measure  # noqa: E402
from benchmarks.watson_frames import find_watson, frames_of, write_frames  # noqa: E402

SIZES = "1mo,1y,5y,10y"
QUICK_SIZES = "1mo,1y"
RUNS, QUICK_RUNS = 7, 3
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


def restore(template: Path, target: Path) -> None:
    """A fresh copy of the ledger (mtimes kept), so that every `log` writes into the same history.

    Copying the whole ledger (about 2.5 MB for ten years) just before a timed
    `log` does not slow its fsync here: measured against copying back only the
    changed files, the medians were the same.
    """
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(template, target, symlinks=True)


def build_cells(args: argparse.Namespace, workspace: Path, watson: Path | None) -> tuple[list[Cell], dict[str, int]]:
    """Generate the ledgers (and Watson frames), and list every command to time."""
    script, env = str(leadshift_script()), base_env(workspace)
    cells = [
        Cell(targets.PYTHON, None, [sys.executable, "-c", "pass"], env),
        Cell(targets.HELP, None, [script, "--help"], env, check=expect_output),
    ]
    records: dict[str, int] = {}
    monday = TODAY - timedelta(days=TODAY.weekday())
    for size, months in args.sizes:
        home = workspace / size / "ledger"
        print(f"generating {size} ({months} month{'s' * (months != 1)}) in {home} ...", file=sys.stderr)
        home.parent.mkdir(parents=True)
        history = generate(home, Spec(months))
        records[size] = sum(len(month.records()) for month in history.values())
        at = {**env, "LEADSHIFT_HOME": str(home)}
        cells += [
            Cell(targets.REVIEW_JSON, size, [script, "review", "--json"], at, check=expect_json),
            Cell(targets.REVIEW, size, [script, "review"], at, check=expect_output),
            Cell(targets.CHECK, size, [script, "check", "--json"], at, check=expect_json),
            Cell(targets.HANDOFF, size, [script, "handoff", "plan", "--json"], at, check=expect_json),
        ]
        calendar = workspace / size / "year.ics"
        calendar.write_bytes(year_calendar())
        dry_run = [script, "log", "--calendar", str(calendar), "--dry-run", "--json"]
        cells.append(Cell(targets.CALENDAR, size, dry_run, {**at, "TZ": "Europe/Berlin"}, check=expect_json))
        # After the reads: the copy for `log` carries whatever they left in the ledger folder (a cache, say).
        copy = workspace / size / "log-ledger"
        cells.append(
            Cell(
                targets.LOG,
                size,
                [script, *LOG_ARGS],
                {**env, "LEADSHIFT_HOME": str(copy)},
                before=lambda home=home, copy=copy: restore(home, copy),
                check=expect_output,
            )
        )
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
    python = next(c for c in cells if c.command == targets.PYTHON)
    shortest = {c.command: c.median_ms for c in cells if c.size == sizes[0]}
    header = ["command", "history", "records", "median ms", "min-max ms", "x python", "cpu ms", "cpu x py"]
    header.append(f"x {sizes[0]}")
    rows = [header]
    order = [targets.PYTHON, targets.HELP, targets.LOG, targets.REVIEW_JSON, targets.REVIEW, targets.CHECK]
    order += [targets.HANDOFF, targets.CALENDAR, targets.WATSON]
    for cell in sorted(cells, key=lambda c: (order.index(c.command), sizes.index(c.size) if c.size else -1)):
        growth = f"{cell.median_ms / shortest[cell.command]:.2f}" if cell.size and cell.command in shortest else ""
        rows.append(
            [
                cell.command,
                cell.size or "-",
                str(records[cell.size]) if cell.size else "-",
                ms(cell.median_ms),
                f"{ms(cell.min_ms)}-{ms(cell.max_ms)}",
                f"{cell.median_ms / python.median_ms:.1f}",
                ms(cell.cpu_median_ms),
                f"{cell.cpu_median_ms / python.cpu_median_ms:.1f}",
                growth,
            ]
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
    lines = []
    for row in rows:
        first, *rest = row
        lines.append("  ".join([first.ljust(widths[0]), *(v.rjust(w) for v, w in zip(rest, widths[1:], strict=True))]))
    lines.insert(1, "-" * len(lines[0]))
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
    print()
    verdicts = targets.judge({(c.command, c.size): c.median_ms for c in cells}, sizes)
    print("Targets (issue 7), on the medians of this run:")
    for verdict in verdicts:
        print(f"  {verdict.status:4}  {verdict.target}: {verdict.detail}")
    if args.json:
        args.json.write_text(json.dumps(figures(args, cells, records, verdicts, watson, (load_before, load_after))))
        print(f"\nwrote {args.json}")
    return 0


def figures(args, cells, records, verdicts, watson, loads) -> dict[str, object]:  # type: ignore[no-untyped-def]
    """Everything measured, for comparing a later run with this one."""
    python = next(c for c in cells if c.command == targets.PYTHON)
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
