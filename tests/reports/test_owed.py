"""What the review says about what you owe your people: late action items and obstacles left waiting.

On Sam's book of test_review.py: W47 is 2026-11-16 to 22, reviewed on Friday the 20th (so "as of" the 20th);
a past week is judged as of its Sunday.
"""

from __future__ import annotations

from datetime import date

from leadshift.domain.book import Book
from leadshift.domain.promises import ActionItem, Obstacle
from leadshift.reports.review import Review, weekly_review
from tests.reports.test_review import TODAY, W47, Log, make_ledger, sams_book

W46 = (date(2026, 11, 9), date(2026, 11, 15))


def owing(actions: dict[str, ActionItem] | None = None, obstacles: dict[str, Obstacle] | None = None) -> Book:
    return sams_book().model_copy(update={"actions": actions or {}, "obstacles": obstacles or {}})


def review(book: Book, week: tuple[date, date] = W47) -> Review:
    return weekly_review(make_ledger(Log(), book), *week, TODAY)


def found(review: Review, code: str) -> list[tuple[str, str, str]]:
    return [(f.severity, f.message, f.action) for f in review.findings if f.code == code]


def action(teammate: str, due: date | None, owner: str = "me", done: date | None = None) -> ActionItem:
    return ActionItem(teammate=teammate, text="t", opened=date(2026, 11, 2), owner=owner, due=due, done=done)


def obstacle(teammate: str, opened: date, done: date | None = None) -> Obstacle:
    return Obstacle(teammate=teammate, text="t", opened=opened, done=done, note="n" if done else "")


def test_your_late_items_are_named_by_teammate_with_counts() -> None:
    book = owing(
        {
            "00000001": action("alice", date(2026, 11, 12)),
            "00000002": action("alice", date(2026, 11, 19)),
            "00000003": action("bob", date(2026, 11, 18)),
        }
    )
    reviewed = review(book)
    assert found(reviewed, "actions-overdue") == [
        (
            "warn",
            "3 action items you owe your team are past their due days as of 2026-11-20: Alice Martin 2 (the oldest "
            "due 2026-11-12), Bob Chen 1 (due 2026-11-18).",
            "Do each before your next 1:1 with that person, or tell them when it will be done: a promise left late "
            "tells people their problems can wait. `leadshift actions` lists them; close each with "
            "`leadshift action done ID`.",
        )
    ]
    team = reviewed.one_on_ones.by_teammate
    assert (team["alice"].actions_overdue, team["bob"].actions_overdue) == (2, 1)


def test_nothing_late_stays_quiet() -> None:
    book = owing(
        {
            "00000001": action("alice", date(2026, 11, 20)),  # due today: not late yet
            "00000002": action("alice", date(2026, 11, 12), owner="them"),  # theirs: not yours to nag about
            "00000003": action("bob", date(2026, 11, 12), done=date(2026, 11, 19)),  # done
            "00000004": action("bob", None),  # no due day
        }
    )
    reviewed = review(book)
    assert found(reviewed, "actions-overdue") == []
    assert [m.actions_overdue for m in reviewed.one_on_ones.by_teammate.values()] == [0, 0]


def test_a_past_week_is_judged_as_of_its_end() -> None:
    # Due on W46's Friday: late by its Sunday; done on the 18th, after that week.
    book = owing({"00000001": action("bob", date(2026, 11, 13), done=date(2026, 11, 18))})
    assert [m[0] for m in found(review(book, W46), "actions-overdue")] == ["warn"]
    assert "as of 2026-11-15" in found(review(book, W46), "actions-overdue")[0][1]
    assert found(review(book), "actions-overdue") == []


def test_obstacles_open_more_than_two_weeks_are_waiting_on_you() -> None:
    book = owing(
        obstacles={
            "00000001": obstacle("bob", date(2026, 11, 2)),  # 18 days
            "00000002": obstacle("bob", date(2026, 11, 5)),  # 15 days
            "00000003": obstacle("alice", date(2026, 11, 6)),  # 14 days: not yet
            "00000004": obstacle("alice", date(2026, 10, 1), done=date(2026, 11, 19)),  # done
        }
    )
    reviewed = review(book)
    assert found(reviewed, "obstacles-waiting") == [
        (
            "warn",
            "2 obstacles your people raised have waited more than 14 days as of 2026-11-20: Bob Chen 2 (the oldest "
            "18 days).",
            "Tell whoever raised each one what you will do about it, then do it, and close it with what you did: "
            '`leadshift obstacle done ID --note "what you did"` (`leadshift obstacles` lists them).',
        )
    ]
    team = reviewed.one_on_ones.by_teammate
    assert (team["alice"].obstacles_waiting, team["bob"].obstacles_waiting) == (0, 2)


def test_no_old_obstacle_stays_quiet() -> None:
    book = owing(obstacles={"00000001": obstacle("alice", date(2026, 11, 6))})
    assert found(review(book), "obstacles-waiting") == []
    # In the week before, it was not raised yet.
    assert found(review(book, W46), "obstacles-waiting") == []
