"""Reading what is typed on the command line and at the walkthrough's prompts: dates, weeks, hours, lists (pure).

Each raises UsageError (exit 2) for text that is not the kind of value asked
for, and InvalidValue (exit 1) for a value of the right kind that leadshift
cannot take (a day in the future, 30 hours).
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from datetime import date, timedelta

from leadshift.domain.dates import FIRST_YEAR, LAST_YEAR, IsoWeek, in_calendar
from leadshift.domain.wording import by_start, hours_text, or_list
from leadshift.errors import InvalidValue, UsageError

_WEEK = re.compile(r"^(\d{4})-W(\d{2})$", re.IGNORECASE)
_DURATION = re.compile(r"^(?:(\d+(?:\.\d+)?)h)?\s*(?:(\d+)(?:m|min)?)?$")
_CLOCK = re.compile(r"^(\d+):([0-5]\d)$")


# -- dates and weeks ------------------------------------------------------------


def parse_date(text: str, today: date) -> date:
    """Read `YYYY-MM-DD`, `today` or `yesterday`."""
    word = text.strip().lower()
    if word == "today":
        return today
    if word == "yesterday":
        return today - timedelta(days=1) if today > date.min else _bad_date(text)
    try:
        day = date.fromisoformat(word) if re.fullmatch(r"\d{4}-\d{2}-\d{2}", word) else _bad_date(text)
    except ValueError:
        return _bad_date(text)
    if not in_calendar(day):
        raise InvalidValue(f"'{text}' is outside the years leadshift handles ({FIRST_YEAR} to {LAST_YEAR}).")
    return day


def parse_day_logged(text: str | None, today: date) -> date:
    """The date of something that happened: default today, never in the future."""
    day = parse_date(text, today) if text is not None else today
    if day > today:
        raise InvalidValue(f"{day} is in the future; leadshift logs what happened (today is {today}).")
    return day


def _bad_date(text: str) -> date:
    raise UsageError(f"'{text}' is not a date: use YYYY-MM-DD (for example 2026-11-20), 'today' or 'yesterday'.")


def parse_week(text: str) -> IsoWeek:
    """Read `YYYY-Www`: a week that exists in that year."""
    match = _WEEK.match(text.strip())
    if not match:
        raise UsageError(f"'{text}' is not a week: use YYYY-Www, for example 2026-W47.")
    year, number = int(match.group(1)), int(match.group(2))
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise InvalidValue(f"'{text}' is outside the years leadshift handles ({FIRST_YEAR} to {LAST_YEAR}).")
    try:
        date.fromisocalendar(year, number, 4)
    except ValueError:
        raise UsageError(f"'{text}' is not a week: year {year} has no week {number}.") from None
    return IsoWeek(year, number)


def parse_weeks(text: str) -> list[IsoWeek]:
    """`2026-W52, 2026-W53` -> those weeks, each once, in order; an empty text is no week."""
    return sorted({parse_week(part) for part in text.split(",") if part.strip()})


# -- numbers and lists ----------------------------------------------------------


def parse_hours(text: str) -> float:
    """Hours as `1.5`, `1,5`, `1h30`, `1h30m`, `90m` or `1:30`; positive, at most 24."""
    raw = text.strip().lower().replace(",", ".")
    hours = _read_hours(raw)
    if hours is None or not math.isfinite(hours):
        raise UsageError(f"'{text}' is not a number of hours: write 1.5, 1h30 or 90m.")
    hours = round(hours, 4)  # before the checks, so what is checked is what is stored
    if hours <= 0:
        raise InvalidValue(f"hours must be more than 0, got '{text}'; to correct a record, `leadshift remove` it.")
    if hours > 24:
        raise InvalidValue(f"{hours_text(hours)} hours is more than a day holds; log at most 24 hours at a time.")
    return hours


def _read_hours(raw: str) -> float | None:
    if re.fullmatch(r"[-+]?\d+(\.\d*)?|[-+]?\.\d+", raw):
        return float(raw)
    if match := _CLOCK.match(raw):
        return int(match.group(1)) + int(match.group(2)) / 60
    if raw.endswith("h") and re.fullmatch(r"\d+(\.\d+)?h", raw):
        return float(raw[:-1])
    match = _DURATION.match(raw)
    if match and match.group(1) and match.group(2) and int(match.group(2)) >= 60:
        return None  # 1h90 is a typo, not 2h30
    if match and (match.group(1) or match.group(2)):
        return float(match.group(1) or 0) + int(match.group(2) or 0) / 60
    return None


def parse_per_week(text: str) -> int:
    """How many handoffs may start in a week: a whole number, at least 1."""
    raw = text.strip()
    if not re.fullmatch(r"[-+]?\d+", raw):
        raise UsageError(f"'{text}' is not a number of handoffs a week: give a whole number, like --per-week 2.")
    if int(raw) < 1:
        raise InvalidValue(
            f"at least one handoff must start in a week, got '{text}': give 1 or more, like --per-week 2."
        )
    return int(raw)


def parse_tags(text: str) -> list[str]:
    """`negotiation, Analytics,,pricing` -> ['negotiation', 'analytics', 'pricing']."""
    tags = [part.strip().lower() for part in text.split(",")]
    return list(dict.fromkeys(tag for tag in tags if tag))


def parse_keyword_rule(text: str, activities: tuple[str, ...]) -> tuple[str, list[str]]:
    """`hiring=interview, screen` -> ('hiring', ['interview', 'screen']); `hiring=` -> ('hiring', []): the defaults."""
    activity, equals, words = text.partition("=")
    if not equals:
        raise UsageError(
            f"--keywords '{text}' is not a keyword rule: write ACTIVITY=WORD,WORD, like hiring=interview,screen."
        )
    try:
        return parse_choice("leadership activity", activity.strip(), activities), parse_tags(words)
    except UsageError as error:
        raise UsageError(f"--keywords '{text}': {error.message}") from None


def parse_share(text: str) -> float:
    """A share as `0.4` or `40%`."""
    raw = text.strip()
    try:
        share = float(raw[:-1]) / 100 if raw.endswith("%") else float(raw)
    except ValueError:
        raise UsageError(f"'{text}' is not a share: write 0.4 or 40%.") from None
    if 2 <= share <= 100 and not raw.endswith("%"):
        raise InvalidValue(
            f"'{text}' is not a share between 0 and 1: for {share:g}% write {share:g}% or {share / 100:g}."
        )
    if not (0 < share <= 1):
        raise InvalidValue(f"'{text}' is not a share between 0 and 1 (or 0% and 100%).")
    return share


def parse_choice(what: str, text: str, choices: tuple[str, ...]) -> str:
    """One of `choices` (case-insensitive, any unambiguous prefix), or a message suggesting the closest."""
    import difflib

    starting = by_start(text, list(choices))
    if len(starting) == 1:
        return starting[0]
    if starting:
        raise UsageError(f"'{text}' could be {' or '.join(starting)}; type a few more letters.")
    close = difflib.get_close_matches(text.strip().lower(), choices, n=1, cutoff=0.6)
    hint = f" Did you mean '{close[0]}'?" if close else ""
    raise UsageError(f"'{text}' is not a {what}.{hint} Choose one of: {', '.join(choices)}.")


def parse_word(text: str, words: Sequence[str], accepted: str) -> str:
    """One of `words` by its unique start (by_start, from one letter): the walkthrough's answers, each echoed."""
    named = by_start(text, list(words))
    if len(named) == 1:
        return named[0]
    if named:
        raise UsageError(f"'{text}' could be {or_list(named)}; type a few more letters.")
    raise UsageError(f"'{text}' is not on the list: type {accepted}.")


MIN_START = 3  # at a pick list, the start of a name picks from 3 letters: one stray letter never picks


def parse_pick(text: str, names: Sequence[Sequence[str]], numbered: int, accepted: str) -> int:
    """Which item of a pick list `text` picks: its index in `names`, where `names[i]` are the names item i answers to.

    The first `numbered` items are shown as 1, 2...: an item is picked by its
    number, a whole name (any case), or the start of names of that item only,
    from MIN_START letters. `accepted` says what to type, for the message when
    nothing is picked.
    """
    import difflib

    word = " ".join(text.split()).lower()
    if word.isdecimal() and 1 <= int(word) <= numbered:
        return int(word) - 1
    named = [(" ".join(name.split()).lower(), index) for index, item in enumerate(names) for name in item]
    exact = [index for name, index in named if name == word]
    if exact:
        return exact[0]
    starting: dict[int, str] = {}  # each item `word` starts a name of, and that name
    for name, index in named:
        if len(word) >= MIN_START and name.startswith(word):
            starting.setdefault(index, name)
    if len(starting) == 1:
        return next(iter(starting))
    if starting:
        raise UsageError(f"'{text}' could be {or_list(sorted(starting.values()))}; type a few more letters.")
    if not word:
        raise UsageError(f"nothing picked: type {accepted}.")
    close = difflib.get_close_matches(word, [name for name, _ in named], n=1, cutoff=0.6)
    hint = f" (did you mean '{close[0]}'?)" if close else ""
    raise UsageError(f"'{text}' is not on the list{hint}: type {accepted}.")
