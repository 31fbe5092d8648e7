"""Numbers, counts and lists as the reports write them (pure).

Hours and shares have one way to be shown each, and a verdict on one (over the
limit, a longer day than the workday) is taken on the figure as shown: two
figures written alike always get the same verdict.
"""

from __future__ import annotations

import math


def shown_hours(hours: float) -> float:
    """Hours as shown: to the hundredth, halves up (6.375 -> 6.38), so a quarter hour or 45 minutes stays exact."""
    return _half_up(hours * 100) / 100


def hours_text(hours: float) -> str:
    """Hours as a person writes them: 2, 2.5, 0.25, 6.38 (two decimals at most, no trailing zeros, never 0.0)."""
    return f"{shown_hours(hours):.2f}".rstrip("0").rstrip(".")


def shown_percent(share: float) -> int:
    """A share (0.548) as the whole percent shown (55), halves up."""
    return _half_up(share * 100)


def percent_text(share: float) -> str:
    """`55%`."""
    return f"{shown_percent(share)}%"


def over_limit(share: float, limit: float) -> bool:
    """Whether a share is over a limit as both are shown: 40.4% is 40%, within a 40% limit."""
    return shown_percent(share) > shown_percent(limit)


def _half_up(value: float) -> int:
    # Rounded to 6 places first: 1.005 * 100 is 100.49999999999999 as a float, but 100.5 as written.
    return math.floor(round(value, 6) + 0.5)


def plural(count: int, word: str) -> str:
    """`1 day`, `3 days`."""
    return f"{count} {word}{'' if count == 1 else 's'}"


def times(count: int) -> str:
    """`once`, `twice`, `3 times`."""
    return {1: "once", 2: "twice"}.get(count, f"{count} times")


def and_list(words: list[str]) -> str:
    """`a`, `a and b`, `a, b and c`."""
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} and {words[-1]}"


def or_list(words: list[str]) -> str:
    """`a`, `a or b`, `a, b or c`."""
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} or {words[-1]}"


def by_start(typed: str, choices: list[str]) -> list[str]:
    """The choices `typed` names (case-insensitive): itself when it is one, else every choice it starts."""
    word = typed.strip().lower()
    if word in choices:
        return [word]
    return [choice for choice in choices if word and choice.startswith(word)]
