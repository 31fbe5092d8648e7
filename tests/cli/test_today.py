"""`leadshift today`: the day so far, with figures worked out by hand."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import snapshot

DAY = "2026-11-20"  # the tests' today


def _log_a_day(cli) -> None:  # type: ignore[no-untyped-def]
    for args in (
        ["log", "client", "acme", "2.5"],
        ["log", "client", "acme", "1"],
        ["log", "client", "globex", "0.5", "--kind", "relationship"],
        ["log", "lead", "team", "1"],
        ["log", "lead", "one-on-one", "0.5"],
        ["log", "one-on-one", "alice", "held"],
        ["log", "one-on-one", "bob", "cancelled", "--because", "acme"],
        ["log", "escalation", "bob", "--asked"],
    ):
        assert cli(*args).exit_code == 0, args


def test_today_adds_up_the_day_by_client_and_activity(cli, team: Path) -> None:
    _log_a_day(cli)
    data = json.loads(cli("today", "--json").stdout)
    # Delivery is acme's 3.5 h (globex's half hour is relationship work): 35% of a 10 h day, 0.5 h under 4 h.
    assert data == {
        "date": DAY,
        "hours": 5.5,
        "workday_hours": 10.0,
        "delivery_hours": 3.5,
        "client_share": 0.35,
        "limit": 0.4,
        "limit_hours": 4.0,
        "left_before_limit": 0.5,
        "clients": [
            {"client": "acme", "name": "Acme Ltd", "work": "delivery", "hours": 3.5},
            {"client": "globex", "name": "Globex", "work": "relationship", "hours": 0.5},
        ],
        "activities": [{"activity": "team", "hours": 1.0}, {"activity": "one-on-one", "hours": 0.5}],
        "one_on_ones": [
            {"teammate": "alice", "name": "Alice Martin", "status": "held", "because": None, "because_name": None},
            {
                "teammate": "bob",
                "name": "Bob Chen",
                "status": "cancelled",
                "because": "acme",
                "because_name": "Acme Ltd",
            },
        ],
        "escalations": 1,
        "yeses": 0,
    }


def test_today_in_a_few_lines(cli, team: Path) -> None:
    _log_a_day(cli)
    assert cli("today").stdout == (
        f"{DAY}: 5.5 h logged of your 10 h workday.\n"
        "Client delivery: 3.5 h, 35% of your workday (your limit 40%: 4 h); 0.5 h left within it.\n"
        "Clients: Acme Ltd 3.5 h (delivery) and Globex 0.5 h (relationship).\n"
        "Leading: team 1 h and one-on-one 0.5 h.\n"
        "1:1s: Alice Martin held and Bob Chen cancelled for Acme Ltd.\n"
        "Also: 1 escalation.\n"
    )


def test_over_the_limit_today_says_to_hand_the_rest_over(cli, team: Path) -> None:
    cli("log", "client", "acme", "4.5")
    assert (
        "Client delivery: 4.5 h, 45% of your workday (your limit 40%: 4 h); over your limit: hand the rest to your team."
        in cli("today").stdout
    )


def test_a_day_with_nothing_logged_says_how_to_start(cli, team: Path) -> None:
    result = cli("today", "--date", "2026-11-19")
    assert (result.exit_code, result.stdout) == (
        0,
        "Nothing logged for 2026-11-19 yet: `leadshift log` walks you through the day.\n",
    )


def test_today_refuses_a_future_date_and_writes_nothing(cli, team: Path) -> None:
    before = snapshot(team)
    result = cli("today", "--date", "2026-11-21")
    assert (result.exit_code, result.stderr) == (
        1,
        "Error: 2026-11-21 is in the future; leadshift logs what happened (today is 2026-11-20).\n",
    )
    assert snapshot(team) == before
