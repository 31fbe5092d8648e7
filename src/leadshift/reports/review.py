"""The weekly fairness report: the week's figures and the coaching they call for (pure)."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import date

from leadshift.domain.ledger import Ledger
from leadshift.domain.results import view_only
from leadshift.reports.figures import WeekFigures, handoff_support_hours, week_figures
from leadshift.reports.findings import Finding, findings_for
from leadshift.reports.recent import WEEKS_READ
from leadshift.reports.said_no import said_no

# "What to do next" shows this many steps, the most important first (findings.py says which);
# `review --all` shows every one.
TOP_STEPS = 3


@dataclass(frozen=True)
class Review(WeekFigures):
    """`leadshift review`: every figure of the week, then its findings, most severe first."""

    findings: list[Finding] = field(default_factory=list)
    handoff_support_hours: float = 0.0  # client hours beside a teammate in a handoff's co-lead or lead stage
    every_step: bool = view_only(default=False)  # `review --all`: every step, not only the first TOP_STEPS

    @property
    def went_well(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "good"]

    @property
    def to_fix(self) -> list[Finding]:
        """The findings that call for a step, most important first."""
        return [f for f in self.findings if f.severity != "good"]

    @property
    def next_steps(self) -> list[Finding]:
        return self.to_fix if self.every_step else self.to_fix[:TOP_STEPS]


def weeks_read_whole(trend_weeks: int) -> int:
    """How many weeks, ending with the reviewed one, the review reads whole: the trend's, or the coaching's."""
    return max(trend_weeks, WEEKS_READ)


def weekly_review(ledger: Ledger, start: date, end: date, today: date, weeks: int = 6) -> Review:
    """The fairness report for the week `start`..`end`, with a trend of `weeks` weeks."""
    trade_offs = said_no(ledger, start, end, today)  # the same report as `leadshift check`
    figures = week_figures(ledger, start, end, today, weeks, trade_offs)
    found = findings_for(figures, ledger.book, trade_offs.patterns)
    return Review(
        **{f.name: getattr(figures, f.name) for f in fields(figures)},
        findings=found,
        handoff_support_hours=handoff_support_hours(ledger, start, end),
    )
