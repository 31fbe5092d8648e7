"""The speed targets of issue 18, judged on the figures of one run (pure: no processes, no clock).

Each command is measured against its floor: the same stack (Typer, Pydantic, Rich, the solver) doing
the least a command of its kind must do (benchmarks/floors/). The ratio to `python -c pass` is shown
beside it, but no longer judged: Typer and Pydantic alone cost many times an empty interpreter.
"""

from __future__ import annotations

from dataclasses import dataclass

PYTHON = "python -c pass"
FLOOR_A = "floor (a) Typer --help"
FLOOR_B = "floor (b) (a) + Pydantic model"
FLOOR_C = "floor (c) (b) + Rich table"
FLOOR_D = "floor (d) (c) + solver import"
FLOORS = (FLOOR_A, FLOOR_B, FLOOR_C, FLOOR_D)

HELP = "leadshift --help"
COMPLETE = "leadshift TAB (log client n)"  # bash asking what `leadshift log client n<TAB>` completes to
LOG = "leadshift log client"
SHOW = "leadshift show"
TODAY = "leadshift today"
REVIEW_JSON = "leadshift review --json"
CHECK_JSON = "leadshift check --json"
PREP_JSON = "leadshift prep priya --json"
REVIEW = "leadshift review"  # Rich, stdout not a terminal
CHECK = "leadshift check"
HANDOFF = "leadshift handoff plan --json"
CALENDAR = "leadshift log --calendar (2,000 events)"  # issue 16: measured once the option exists
EXPORT = "leadshift export FILE.sqlite"  # issue 17: measured once the command exists
WATSON = "watson report"

# The order of the table: the baselines, then each floor followed by the commands measured against it.
ORDER = (PYTHON, FLOOR_A, HELP, COMPLETE, FLOOR_B, LOG, SHOW, TODAY, REVIEW_JSON, CHECK_JSON, PREP_JSON)
ORDER += (CALENDAR, EXPORT, FLOOR_C, REVIEW, CHECK, FLOOR_D, HANDOFF, WATSON)


@dataclass(frozen=True)
class Floored:
    floor: str
    limit: float | None  # None: the ratio is shown, with no target yet


FLOOR_OF = {
    HELP: Floored(FLOOR_A, 1.25),  # the whole command tree
    COMPLETE: Floored(FLOOR_A, 1.10),  # it runs on every TAB
    LOG: Floored(FLOOR_B, 1.10),
    SHOW: Floored(FLOOR_B, 1.10),
    TODAY: Floored(FLOOR_B, 1.10),
    REVIEW_JSON: Floored(FLOOR_B, 1.10),
    CHECK_JSON: Floored(FLOOR_B, 1.10),
    PREP_JSON: Floored(FLOOR_B, 1.10),
    CALENDAR: Floored(FLOOR_B, None),
    EXPORT: Floored(FLOOR_B, None),
    REVIEW: Floored(FLOOR_C, 1.10),
    CHECK: Floored(FLOOR_C, 1.10),
    HANDOFF: Floored(FLOOR_D, 1.25),
}

# The longest history within this factor of the shortest: history must not cost time...
GROWTH_LIMIT = 1.15
GROWTH_COMMANDS = (LOG, SHOW, TODAY, REVIEW_JSON, CHECK_JSON, PREP_JSON, REVIEW, CHECK, HANDOFF)
# ... nor memory (peak resident set of the process).
MEMORY_LIMIT = 1.10
# `leadshift review` on the longest history, as a share of `watson report` on as many frames.
WATSON_SHARE = 0.25
# One day from a year-long calendar, within this factor of `review --json` on the same ledger (issue 16).
CALENDAR_LIMIT = 2.0

Figures = dict[tuple[str, str | None], float]  # (command, history length or None) -> a median (ms, or MB)


@dataclass(frozen=True)
class Verdict:
    target: str
    value: float | None  # None: not measured in this run
    limit: float
    detail: str

    @property
    def status(self) -> str:
        if self.value is None:
            return "n/a"
        return "pass" if self.value <= self.limit else "FAIL"


def short(floor: str) -> str:
    """`floor (b)`, without what it does."""
    return " ".join(floor.split()[:2])


def floor_ratios(medians: Figures, command: str) -> dict[str | None, float]:
    """The command's median over its floor's, by history length (empty: either was not measured)."""
    floor = medians.get((FLOOR_OF[command].floor, None))
    if not floor:
        return {}
    return {size: ms / floor for (name, size), ms in medians.items() if name == command}


def judge(medians: Figures, sizes: list[str], peaks: Figures | None = None) -> list[Verdict]:
    """Every target the figures allow to judge; `sizes` from the shortest history to the longest.

    `medians` are wall-clock milliseconds, `peaks` the peak memory of a process (any unit).
    """
    verdicts = [_against_floor(medians, command) for command, floored in FLOOR_OF.items() if floored.limit]
    shortest, longest = (sizes[0], sizes[-1]) if len(sizes) > 1 else (None, None)
    span = f"{longest}/{shortest}" if longest else "longest/shortest"
    for command in GROWTH_COMMANDS:
        first, last = medians.get((command, shortest)), medians.get((command, longest))
        growth = last / first if first and last else None
        detail = f"{span} = {growth:.2f}x" if growth is not None else "needs two history lengths"
        verdicts.append(Verdict(f"{command}: {span} <= {GROWTH_LIMIT:g}x", growth, GROWTH_LIMIT, detail))
    verdicts.append(_memory(peaks or {}, shortest, longest, span))
    watson, review = medians.get((WATSON, sizes[-1])), medians.get((REVIEW, sizes[-1]))
    share = review / watson if watson and review else None
    detail = f"{share:.2f} of watson's time" if share is not None else "td-watson not measured"
    verdicts.append(
        Verdict(f"{REVIEW} on {sizes[-1]} <= {WATSON_SHARE:g} of {WATSON} (same frames)", share, WATSON_SHARE, detail)
    )
    calendar, review_json = medians.get((CALENDAR, sizes[-1])), medians.get((REVIEW_JSON, sizes[-1]))
    ratio = calendar / review_json if calendar and review_json else None
    detail = f"{ratio:.2f}x on {sizes[-1]}" if ratio is not None else "not measured"
    verdicts.append(Verdict(f"{CALENDAR} <= {CALENDAR_LIMIT:g}x {REVIEW_JSON}", ratio, CALENDAR_LIMIT, detail))
    return verdicts


def _against_floor(medians: Figures, command: str) -> Verdict:
    floored = FLOOR_OF[command]
    assert floored.limit is not None
    ratios = floor_ratios(medians, command)
    scope = "" if command == HELP else " at every history length"  # --help alone reads no ledger
    target = f"{command} <= {floored.limit:g}x {short(floored.floor)}{scope}"
    if not ratios:
        return Verdict(target, None, floored.limit, "not measured")
    where, worst = max(ratios.items(), key=lambda item: item[1])
    return Verdict(target, worst, floored.limit, f"worst {worst:.2f}x" + (f" ({where})" if where else ""))


def _memory(peaks: Figures, shortest: str | None, longest: str | None, span: str) -> Verdict:
    """One verdict for every command: the worst growth of peak memory from the shortest history to the longest."""
    target = f"peak memory of every command: {span} <= {MEMORY_LIMIT:g}x"
    if longest is None:
        return Verdict(target, None, MEMORY_LIMIT, "needs two history lengths")
    growths = {
        command: peaks[(command, longest)] / peaks[(command, shortest)]
        for command, size in peaks
        if size == longest and peaks.get((command, shortest))
    }
    if not growths:
        return Verdict(target, None, MEMORY_LIMIT, "needs two history lengths")
    command, worst = max(growths.items(), key=lambda item: item[1])
    return Verdict(target, worst, MEMORY_LIMIT, f"worst {worst:.2f}x ({command})")
