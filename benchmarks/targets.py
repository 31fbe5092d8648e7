"""The speed targets of issue 7, judged on the medians of one run (pure: no processes, no clock)."""

from __future__ import annotations

from dataclasses import dataclass

PYTHON = "python -c pass"
HELP = "leadshift --help"
LOG = "leadshift log client"
REVIEW_JSON = "leadshift review --json"
REVIEW = "leadshift review"  # Rich, stdout not a terminal
CHECK = "leadshift check --json"
HANDOFF = "leadshift handoff plan --json"
WATSON = "watson report"
CALENDAR = "leadshift log --calendar --dry-run --json"  # one day of a year-long calendar of 2,000 events

# At most this many times `python -c pass`, at every history length.
STARTUP_LIMITS = {LOG: 10.0, REVIEW_JSON: 10.0, REVIEW: 14.0, HELP: 8.0}
# The longest history within this factor of the shortest.
GROWTH_LIMIT = 1.15
GROWTH_COMMANDS = (LOG, REVIEW_JSON, REVIEW, CHECK)
# `leadshift review` on the longest history, as a share of `watson report` on as many frames.
WATSON_SHARE = 0.25
# One day from a year-long calendar, within this factor of `review --json` on the same ledger (issue 16).
CALENDAR_LIMIT = 2.0

Medians = dict[tuple[str, str | None], float]  # (command, history length or None) -> median ms


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


def judge(medians: Medians, sizes: list[str]) -> list[Verdict]:
    """Every target that the figures allow to judge; `sizes` from the shortest history to the longest."""
    python = medians[(PYTHON, None)]
    verdicts = []
    for command, limit in STARTUP_LIMITS.items():
        ratios = {size: ms / python for (name, size), ms in medians.items() if name == command}
        scope = " at every history length" if command != HELP else ""
        target = f"{command} <= {limit:g}x python{scope}"
        if not ratios:
            verdicts.append(Verdict(target, None, limit, "not measured"))
            continue
        where, worst = max(ratios.items(), key=lambda item: item[1])
        verdicts.append(Verdict(target, worst, limit, f"worst {worst:.1f}x" + (f" ({where})" if where else "")))
    shortest, longest = (sizes[0], sizes[-1]) if len(sizes) > 1 else (None, None)
    for command in GROWTH_COMMANDS:
        first, last = medians.get((command, shortest)), medians.get((command, longest))
        growth = last / first if first and last else None
        span = f"{longest}/{shortest}" if longest else "longest/shortest"
        detail = f"{span} = {growth:.2f}x" if growth is not None else "needs two history lengths"
        verdicts.append(Verdict(f"{command}: {span} <= {GROWTH_LIMIT:g}x", growth, GROWTH_LIMIT, detail))
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
