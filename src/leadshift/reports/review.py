"""The weekly fairness report: the week's figures and the coaching they call for (pure)."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import date

from leadshift.domain.ledger import Ledger
from leadshift.reports.figures import WeekFigures, week_figures
from leadshift.reports.findings import Finding, findings_for
from leadshift.reports.said_no import said_no


@dataclass(frozen=True)
class Review(WeekFigures):
    """`leadshift review`: every figure of the week, then its findings, most severe first."""

    findings: list[Finding] = field(default_factory=list)


def weekly_review(ledger: Ledger, start: date, end: date, today: date, weeks: int = 6) -> Review:
    """The fairness report for the week `start`..`end`, with a trend of `weeks` weeks."""
    trade_offs = said_no(ledger, start, end, today)  # the same report as `leadshift check`
    figures = week_figures(ledger, start, end, today, weeks, trade_offs)
    found = findings_for(figures, ledger.book, trade_offs.patterns)
    return Review(**{f.name: getattr(figures, f.name) for f in fields(figures)}, findings=found)
