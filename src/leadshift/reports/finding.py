"""A finding: one piece of coaching the review draws from the figures (pure)."""

from __future__ import annotations

from dataclasses import dataclass

# Most severe first; `good` (progress worth naming) comes after every problem.
SEVERITIES = ("alert", "warn", "info", "good")


@dataclass(frozen=True)
class Finding:
    code: str
    severity: str  # one of SEVERITIES
    message: str
    action: str
