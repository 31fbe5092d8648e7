"""Numbers, counts and lists as the reports write them (pure)."""

from __future__ import annotations


def hours_text(hours: float) -> str:
    """Hours as a person writes them: 2, 2.5, 0.25 (two decimals at most, no trailing zeros)."""
    return f"{round(hours, 2):g}"


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
