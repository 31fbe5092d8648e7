"""A team that changes: who joined when, who left, and the rules a former teammate keeps (pure, no files)."""

from __future__ import annotations

from datetime import date

import pytest
from pydantic import ValidationError

from leadshift.domain.book import Book, Client, Handoff, Profile, Teammate
from leadshift.domain.records import Month
from leadshift.handoff.stages import dated_stages

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


# -- what a former teammate can still be: named in the history, never given a client ------------------------------

LEFT = date(2026, 11, 18)


def book(clients: dict[str, Client], handoffs: dict[str, Handoff] | None = None) -> Book:
    teammates = {"ann": Teammate(name="Ann Lee"), "raj": Teammate(name="Raj Patel", left=LEFT)}
    return Book(profile=Profile(name="Sam"), teammates=teammates, clients=clients, handoffs=handoffs or {})


@pytest.mark.parametrize(
    ("client", "message"),
    [
        (
            Client(name="Acme", owner="raj"),
            "client 'acme' is owned by 'raj', who left the team on 2026-11-18; give it to someone on the team "
            "(`leadshift client edit acme --owner KEY`, or `--owner me`)",
        ),
        (
            Client(name="Acme", backed_by=["ann", "raj"]),
            "client 'acme' is backed by 'raj', who left the team on 2026-11-18; take them off "
            "(`leadshift client edit acme --backed-by ...`)",
        ),
    ],
)
def test_a_former_teammate_owns_and_backs_no_client(client: Client, message: str) -> None:
    with pytest.raises(ValidationError) as caught:
        book({"acme": client})
    assert caught.value.errors()[0]["msg"] == message


def test_a_former_teammate_takes_over_no_client_but_a_done_handoff_stays_as_history() -> None:
    under_way = Handoff(teammate="raj", stages=dated_stages(date(2026, 11, 2)))
    with pytest.raises(ValidationError) as caught:
        book({"acme": Client(name="Acme")}, {"acme": under_way})
    assert caught.value.errors()[0]["msg"] == (
        "the handoff of 'acme' is to 'raj', who left the team on 2026-11-18; cancel it (`leadshift handoff cancel acme`)"
    )
    done = under_way.model_copy(update={"stage": "check-ins"})  # Raj took Acme over, then gave it to Ann, then left
    assert book({"acme": Client(name="Acme", owner="ann")}, {"acme": done}).handoffs["acme"].done


def test_records_naming_a_former_teammate_stay_valid_whenever_they_are() -> None:
    month = {
        "one_on_one": [
            {"id": "0000000a", "date": date(2026, 11, 17), "teammate": "raj", "status": "held"},
            {"id": "0000000b", "date": date(2026, 11, 19), "teammate": "raj", "status": "held"},  # after: kept too
        ]
    }
    valid = Month.model_validate(month, context={"month": "2026-11", "book": book({})})
    assert [r.teammate for r in valid.records()] == ["raj", "raj"]


def test_the_team_on_a_day_leaves_out_who_had_left() -> None:
    team = book({})
    assert list(team.team_on(date(2026, 11, 17))) == ["ann", "raj"]
    assert list(team.team_on(LEFT)) == ["ann"]
    assert list(team.current_team()) == ["ann"]
