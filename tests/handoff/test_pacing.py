"""A plan a leader can live through: a few handoffs start each week, readiest and biggest first, never in a week off (pure)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from datetime import date, timedelta

import pytest

from leadshift.domain.book import Book, Client, Handoff, Profile, Teammate
from leadshift.domain.dates import IsoWeek
from leadshift.domain.ledger import Ledger
from leadshift.handoff.pacing import Pacing
from leadshift.handoff.plan import HandoffPlan, plan_handoff
from leadshift.handoff.stages import dated_stages

START = date(2026, 11, 23)  # Monday of 2026-W48
WEEK = timedelta(weeks=1)


def mate(name: str, skills: Iterable[str] = (), growing: Iterable[str] = (), capacity: float = 30) -> Teammate:
    return Teammate(name=name, skills=list(skills), growing=list(growing), capacity_hours=capacity)


def account(name: str, needs: Iterable[str] = ("x",), hours: float = 5, backed_by: Iterable[str] = ()) -> Client:
    return Client(name=name, needs=list(needs), weekly_hours=hours, backed_by=list(backed_by))


def plan(
    teammates: dict[str, Teammate],
    clients: dict[str, Client],
    holidays: Iterable[str] = (),
    handoffs: dict[str, Handoff] | None = None,
    **pacing: object,
) -> HandoffPlan:
    profile = Profile(name="Sam", holidays=list(holidays))
    book = Book(profile=profile, teammates=teammates, clients=clients, handoffs=handoffs or {})
    return plan_handoff(Ledger(book), START, **pacing)  # type: ignore[arg-type]


def starts(result: HandoffPlan) -> dict[str, date]:
    return {a.client: a.starts for a in result.assignments}


def five_of_a_kind() -> tuple[dict[str, Teammate], dict[str, Client]]:
    """Five teammates who each have the skill; five clients of 9, 8, 7, 6 and 5 hours a week."""
    teammates = {k: mate(k.title(), ["x"]) for k in ("ana", "ben", "cy", "di", "ed")}
    clients = {f"c{h}": account(f"C{h}", hours=h) for h in (9, 8, 7, 6, 5)}
    return teammates, clients


# -- how many start in a week ----------------------------------------------------------


def test_at_most_two_handoffs_start_in_a_week_the_biggest_first() -> None:
    result = plan(*five_of_a_kind())
    assert starts(result) == {
        "c9": START,
        "c8": START,
        "c7": START + WEEK,
        "c6": START + WEEK,
        "c5": START + 2 * WEEK,
    }
    assert result.per_week == 2


@pytest.mark.parametrize(("per_week", "weeks"), [(1, [0, 1, 2, 3, 4]), (3, [0, 0, 0, 1, 1]), (5, [0] * 5)])
def test_per_week_sets_how_many_start_in_a_week(per_week: int, weeks: list[int]) -> None:
    result = plan(*five_of_a_kind(), per_week=per_week)
    assert [starts(result)[c] for c in ("c9", "c8", "c7", "c6", "c5")] == [START + w * WEEK for w in weeks]


def test_ready_teammates_start_before_those_who_must_learn_first() -> None:
    # Big's teammate only wants to grow in its need: they need training first. Small's has the skill.
    teammates = {"lea": mate("Lea", growing=["y"]), "max": mate("Max", ["x"])}
    clients = {"big": account("Big", ["y"], hours=9), "small": account("Small", ["x"], hours=2)}
    result = plan(teammates, clients, per_week=1)
    assert starts(result) == {"small": START, "big": START + WEEK}


def test_equal_hours_the_readier_teammate_starts_first() -> None:
    # Same hours, both can serve it from day one; Max also backs his: more of his score needs no training.
    teammates = {"lea": mate("Lea", ["x"]), "max": mate("Max", ["x"])}
    clients = {"a": account("A", hours=5), "b": account("B", hours=5, backed_by=["max"])}
    result = plan(teammates, clients, per_week=1)
    assert {a.client: a.teammate for a in result.assignments} == {"a": "lea", "b": "max"}
    assert starts(result) == {"b": START, "a": START + WEEK}


def test_a_saved_handoff_takes_its_place_in_its_week() -> None:
    teammates = {"lea": mate("Lea", ["x"]), "max": mate("Max", ["x"])}
    saved = {"a": Handoff(teammate="lea", stages=dated_stages(START + timedelta(days=2)))}
    result = plan(teammates, {"a": account("A"), "b": account("B")}, handoffs=saved, per_week=1)
    assert starts(result) == {"a": START + timedelta(days=2), "b": START + WEEK}


# -- weeks off ---------------------------------------------------------------------------


def test_no_handoff_starts_in_a_skipped_week() -> None:
    result = plan(*five_of_a_kind(), skip=[IsoWeek(2026, 48), IsoWeek(2026, 50)])
    assert sorted(Counter(starts(result).values()).items()) == [
        (START + WEEK, 2),  # W49
        (START + 3 * WEEK, 2),  # W51
        (START + 4 * WEEK, 1),  # W52
    ]
    assert result.skipped == (IsoWeek(2026, 48), IsoWeek(2026, 50))


def test_a_stage_never_starts_in_a_skipped_week_and_one_spanning_it_is_longer() -> None:
    # W50 skipped: co-lead would start in it, so it starts in W51. W52 falls inside co-lead: it lasts a week more.
    result = plan({"lea": mate("Lea", ["x"])}, {"a": account("A")}, skip=[IsoWeek(2026, 50), IsoWeek(2026, 52)])
    stages = [(s.stage, s.start.isoformat(), s.end.isoformat()) for s in result.assignments[0].stages]
    assert stages == [
        ("prepare", "2026-11-23", "2026-11-29"),  # W48
        ("introduce", "2026-11-30", "2026-12-06"),  # W49
        ("co-lead", "2026-12-14", "2027-01-03"),  # W51, W52 off, W53
        ("lead", "2027-01-04", "2027-01-17"),  # 2027-W01 and W02
        ("check-ins", "2027-01-18", "2027-03-14"),
    ]


def test_holidays_in_the_profile_are_skipped_like_skip() -> None:
    result = plan({"lea": mate("Lea", ["x"])}, {"a": account("A")}, holidays=["2026-W48", "2026-W49"])
    assert starts(result) == {"a": START + 2 * WEEK}
    assert result.skipped == (IsoWeek(2026, 48), IsoWeek(2026, 49))
    both = plan({"lea": mate("Lea", ["x"])}, {"a": account("A")}, holidays=["2026-W48"], skip=[IsoWeek(2026, 49)])
    assert starts(both) == {"a": START + 2 * WEEK}


def test_the_next_handoff_to_a_teammate_waits_until_they_have_met_the_last_client() -> None:
    # Introduce of A is pushed past the skipped W49: B starts after A's introduce week, not two weeks after A.
    result = plan(
        {"lea": mate("Lea", ["x"])}, {"a": account("A", hours=6), "b": account("B")}, skip=[IsoWeek(2026, 49)]
    )
    assert starts(result) == {"a": START, "b": START + 3 * WEEK}
    assert result.assignments[0].stages[1].start == START + 2 * WEEK


def test_pacing_weeks_follow_the_profile_week() -> None:
    pacing = Pacing(skipped=frozenset({IsoWeek(2026, 48)}), week_starts="sunday")
    # With Sunday weeks, 2026-W48 runs from Sunday 22 to Saturday 28 November.
    assert [pacing.skips(date(2026, 11, d)) for d in (21, 22, 28, 29)] == [False, True, True, False]


def test_a_pace_that_starts_nothing_is_refused() -> None:
    with pytest.raises(ValueError, match="at least one handoff must start in a week, got 0"):
        Pacing(per_week=0)


# -- the reasons ------------------------------------------------------------------------


def test_spare_hours_in_the_reasons_are_net_of_the_handoffs_before_it() -> None:
    teammates = {"lea": mate("Lea", ["x"], capacity=30)}
    result = plan(teammates, {"big": account("Big", hours=6), "mid": account("Mid", hours=5)})
    reasons = {a.client: a.reasons for a in result.assignments}
    assert reasons["big"] == ("matches x", "has 30 of 30 h a week spare")
    assert reasons["mid"] == ("matches x", "has 24 of 30 h a week spare after taking over Big")


def test_a_saved_handoff_counts_in_the_spare_hours_of_the_next() -> None:
    teammates = {"lea": mate("Lea", ["x"], capacity=30)}
    saved = {"a": Handoff(teammate="lea", stages=dated_stages(START - WEEK))}
    result = plan(teammates, {"a": account("Alpha", hours=10), "b": account("B", hours=5)}, handoffs=saved)
    reasons = {a.client: a.reasons for a in result.assignments}
    assert reasons["a"][-1] == "has 30 of 30 h a week spare"
    assert reasons["b"][-1] == "has 20 of 30 h a week spare after taking over Alpha"
