"""The answers the leader gave about events, kept in the book so each is asked once (pure).

An answer is remembered for the event's series (its UID: every later occurrence)
and for its title (the same meeting sent again as a new invitation).
"""

from __future__ import annotations

from collections.abc import Iterable

from leadshift.calendar.events import Event
from leadshift.domain.book import Book
from leadshift.domain.calendar_rules import Answer


def remember_all(book: Book, answers: Iterable[tuple[Event, Answer]]) -> Book:
    """`book` with each answer remembered for its event's series and title."""
    series, titles = dict(book.remembered_series), dict(book.remembered_titles)
    for event, answer in answers:
        if event.uid:
            series[event.uid] = answer
        if event.title:
            titles[event.title] = answer
    return book.model_copy(update={"remembered_series": series, "remembered_titles": titles})
