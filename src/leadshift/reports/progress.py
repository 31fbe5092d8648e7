"""Findings of severity `good`: progress the figures show, named with its numbers (pure).

A coach who only ever finds fault is not believed when it matters. Each rule
here fires on a specific change the ledger records (a share that fell, every
1:1 kept, asking first more often, a handoff stage done), never on a quiet week.
"""

from __future__ import annotations

from collections.abc import Iterator

from leadshift.domain.book import Book
from leadshift.domain.terms import HANDOFF_STAGES
from leadshift.domain.wording import plural, shown_percent
from leadshift.reports.figures import WeekFigures
from leadshift.reports.finding import Finding
from leadshift.reports.recent import Asking, share_fall
from leadshift.reports.trouble import ASK_FIRST_GOOD_RATE, ASK_FIRST_MIN_ESCALATIONS

ASK_FIRST_RISE = 20  # percentage points (as shown) of escalations asked first, against the four weeks before


def share_falling(week: WeekFigures, book: Book) -> Iterator[Finding]:  # principle 6
    fall = share_fall(week.recent.shares)
    if fall is None:
        return
    span = f" in {plural(fall.weeks, 'week')}" if fall.weeks > 1 else ""
    yield Finding(
        "share-falling",
        "good",
        f"Client work fell from {fall.before}% in {fall.week} to {fall.now}% this week: "
        f"{plural(fall.points, 'point')}{span}.",
        "Keep handing work over at this pace; put the hours it frees into 1:1s, coaching and strategy.",
    )


def all_held(week: WeekFigures, book: Book) -> Iterator[Finding]:  # principle 14
    ones = week.one_on_ones
    team = [m for m in ones.by_teammate.values() if not m.left_the_team]
    if not team or not ones.held or ones.cancelled or ones.interrupted or any(m.overdue for m in team):
        return
    yield Finding(
        "all-one-on-ones-held",
        "good",
        f"Every 1:1 went ahead: {ones.held} held this week, none cancelled or cut short, nobody overdue.",
        "Keep next week's 1:1s where they are in the calendar: kept meetings tell your people they come first.",
    )


def asking_rising(week: WeekFigures, book: Book) -> Iterator[Finding]:  # principle 10
    now, before = week.recent.asking, week.recent.asking_before
    if min(now.escalations, before.escalations) < ASK_FIRST_MIN_ESCALATIONS:
        return
    if now.asked_first < ASK_FIRST_GOOD_RATE * now.escalations or _rate(now) - _rate(before) < ASK_FIRST_RISE:
        return
    yield Finding(
        "ask-first-rising",
        "good",
        f"You asked for their solution first in {now.asked_first} of {now.escalations} escalations in the four "
        f"weeks to {week.week} ({_rate(now)}%), up from {before.asked_first} of {before.escalations} "
        f"({_rate(before)}%) in the four weeks before.",
        "When their solution is good enough, let them carry it out, and say so in front of the team.",
    )


def stages_done(week: WeekFigures, book: Book) -> Iterator[Finding]:  # principle 7
    for key, handoff in sorted(book.handoffs.items()):
        current = HANDOFF_STAGES.index(handoff.stage)
        client, mate = book.client_name(key), book.teammate_name(handoff.teammate)
        for index, stage in enumerate(handoff.stages[:current]):
            if not week.start <= stage.end <= week.as_of:
                continue
            following = HANDOFF_STAGES[index + 1]
            if handoff.done and index == current - 1:
                message = f"{client} is {mate}'s now: you completed its handoff on {stage.end}."
                action = f"Stay on the map with short check-ins, {mate} leading, and let them present the wins."
            else:
                message = (
                    f"{client}'s handoff to {mate} finished its {stage.stage} stage on {stage.end}; now {following}."
                )
                action = f"`leadshift handoff status` says what the {following} stage asks of you both."
            yield Finding("handoff-stage-done", "good", message, action)


def _rate(asking: Asking) -> int:
    return shown_percent(asking.asked_first / asking.escalations) if asking.escalations else 0
