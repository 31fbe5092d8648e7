"""A team that changes: who joined when, who left, and the rules a former teammate keeps (pure, no files)."""

from __future__ import annotations

from datetime import date

import pytest
from pydantic import ValidationError

from leadshift.domain.book import Teammate

JOINED = date(2026, 10, 12)


def test_a_teammate_cannot_leave_before_joining() -> None:
    with pytest.raises(ValidationError, match="they left on 2026-10-11, before they joined on 2026-10-12"):
        Teammate(name="Raj", joined=JOINED, left=date(2026, 10, 11))
    assert Teammate(name="Raj", joined=JOINED, left=JOINED).left == JOINED  # a day's stay is still a stay


def test_on_the_team_from_the_day_they_join_until_the_day_they_leave() -> None:
    raj = Teammate(name="Raj", joined=JOINED, left=date(2026, 11, 20))
    assert [raj.on_team(date(2026, 10, d)) for d in (11, 12)] == [False, True]
    assert [raj.on_team(date(2026, 11, d)) for d in (19, 20)] == [True, False]
    assert Teammate(name="Ann").on_team(date(1, 1, 1))  # no dates: always on the team
