"""Through the CLI: kinds of client work, prospects, teammates pulled onto your clients, team time interrupted.

On the `team` ledger: Sam owns Acme (backed by Alice) and Initech; Globex is Alice's.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import Result, snapshot


def show(cli: Callable[..., Result], *args: str) -> list[dict]:
    result = cli("show", "--json", *args)
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def review(cli: Callable[..., Result]) -> dict:
    result = cli("review", "--week", "2026-W47", "--json")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def refused(cli: Callable[..., Result], home: Path, *args: str) -> str:
    """Run a command that must be refused: one error line, exit 1 or 2, the ledger byte for byte unchanged."""
    before = snapshot(home)
    result = cli(*args)
    assert result.exit_code in (1, 2), (args, result.stdout)
    assert result.stderr.startswith("Error: ") and result.stderr.count("\n") == 1, result.stderr
    assert snapshot(home) == before
    return result.stderr


def test_client_hours_have_a_kind_and_only_delivery_counts(cli: Callable[..., Result], team: Path) -> None:
    assert cli("log", "client", "acme", "2").exit_code == 0
    assert cli("log", "client", "globex", "3", "--kind", "relationship").exit_code == 0
    logged = cli("log", "client", "acme", "1", "--kind", "new")  # a prefix names the kind
    assert logged.stdout.splitlines()[-1] == (
        "2026-11-20: 6 h logged; client delivery 2 h, 20% of your 10 h workday (your limit 40%)."
    )
    assert [r["work"] for r in show(cli)] == ["delivery", "relationship", "new-business"]
    data = review(cli)
    assert (data["hours"]["delivery"], data["hours"]["relationship"], data["hours"]["new_business"]) == (2, 3, 1)
    assert data["client_share"] == 0.2 and data["client_share_of_logged"] == 1.0
    # The default is not written: a file holds only what differs from it.
    month = (team / "log" / "2026-11.toml").read_text()
    assert month.count("work = ") == 2


def test_relationship_hours_are_for_a_client_the_team_serves(cli: Callable[..., Result], team: Path) -> None:
    """Relabelling delivery on a client you serve alone would pass the 40% rule: refused, nothing written."""
    assert refused(cli, team, "log", "client", "acme", "2", "--kind", "relationship") == (
        "Error: Acme Ltd is served by you alone, so its hours are delivery: relationship hours are for a client a "
        "teammate owns or is taking over (`leadshift handoff plan` starts that); leave --kind out.\n"
    )
    assert cli("handoff", "plan", "--save").exit_code == 0  # Acme goes to Alice: contact is now the job
    assert cli("log", "client", "acme", "1", "--kind", "relationship").exit_code == 0


def test_a_kind_that_is_not_one_is_refused(cli: Callable[..., Result], team: Path) -> None:
    message = refused(cli, team, "log", "client", "acme", "1", "--kind", "sales")
    assert "delivery" in message and "relationship" in message and "new-business" in message


def test_a_prospect_is_new_business_and_never_handed_over(cli: Callable[..., Result], team: Path) -> None:
    added = cli("client", "add", "zenith", "--name", "Zenith", "--weekly-hours", "4", "--prospect")
    assert added.stdout == "Added prospect zenith: its hours are new business, your own job.\n"
    assert cli("log", "client", "zenith", "4").exit_code == 0
    assert show(cli)[0]["work"] == "new-business"
    assert "is a prospect, so its hours are new business" in refused(
        cli, team, "log", "client", "zenith", "1", "--kind", "delivery"
    )
    data = review(cli)
    assert data["client_share"] == 0 and data["hours"]["new_business"] == 4
    assert "zenith" not in [c["key"] for c in data["owned_clients"]]
    plan = json.loads(cli("handoff", "plan", "--json").stdout)
    assert "zenith" not in json.dumps(plan)
    assert "prospect" in cli("client", "list").stdout


def test_a_prospect_won_becomes_a_client_and_a_client_in_a_handoff_cannot_become_one(
    cli: Callable[..., Result], team: Path
) -> None:
    assert cli("client", "add", "zenith", "--name", "Zenith", "--prospect").exit_code == 0
    assert cli("client", "edit", "zenith", "--no-prospect").stdout == "Updated client zenith: prospect.\n"
    assert cli("log", "client", "zenith", "2").exit_code == 0
    assert show(cli)[0]["work"] == "delivery"
    assert cli("handoff", "plan", "--save").exit_code == 0
    saved = json.loads(cli("handoff", "status", "--json").stdout)
    key = next(iter(h["client"] for h in saved)) if isinstance(saved, list) else next(iter(saved))
    assert "is a prospect, which is not handed over" in refused(cli, team, "client", "edit", key, "--prospect")


def test_a_teammate_pulled_onto_your_client_is_logged_shown_reviewed_and_removable(
    cli: Callable[..., Result], team: Path
) -> None:
    logged = cli("log", "pulled", "alice", "acme", "3", "--from", "globex", "--note", "rush deck")
    assert logged.exit_code == 0, logged.stderr
    assert logged.stdout.endswith(" 2026-11-20 alice pulled onto acme from globex, 3 h\n")
    assert logged.stdout.count("\n") == 1  # their hours: no day line of yours
    (record,) = show(cli)
    assert {k: v for k, v in record.items() if k != "id"} == {
        "type": "pulled",
        "date": "2026-11-20",
        "teammate": "alice",
        "client": "acme",
        "hours": 3.0,
        "from_client": "globex",
        "note": "rush deck",
    }
    assert "alice pulled onto acme from globex" in cli("show").stdout
    data = review(cli)
    assert data["pulled"] == [{"teammate": "alice", "client": "acme", "hours": 3.0, "from_clients": ["globex"]}]
    assert data["hours"]["total"] == 0
    finding = next(f for f in data["findings"] if f["code"] == "team-pulled-to-own-clients")
    assert finding["message"] == (
        "Your team was pulled onto your own clients for 3 h this week: Alice Martin 3 h on Acme Ltd, from Globex."
    )
    assert cli("remove", record["id"]).exit_code == 0
    assert show(cli) == []
    assert "team-pulled-to-own-clients" not in {f["code"] for f in review(cli)["findings"]}


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["alice", "globex", "2"], "Globex is Alice Martin's client, not yours"),
        (["bob", "acme", "2", "--from", "initech"], "--from names the client of theirs"),
        (["bob", "acme", "2", "--from", "acme"], "Acme Ltd is yours"),
        (["nobody", "acme", "2"], "no teammate 'nobody'"),
        (["bob", "acme", "0"], "hours must be more than 0"),
    ],
)
def test_a_pull_that_is_not_one_is_refused(cli: Callable[..., Result], team: Path, args: list[str], says: str) -> None:
    assert says in refused(cli, team, "log", "pulled", *args)


def test_team_time_cut_short_by_clients_twice_is_a_warning(cli: Callable[..., Result], team: Path) -> None:
    assert cli("log", "lead", "team", "1", "--interrupted-by", "acme", "--date", "2026-11-17").exit_code == 0
    assert "team-time-interrupted" not in {f["code"] for f in review(cli)["findings"]}  # once is not a habit
    logged = cli("log", "lead", "coaching", "1", "--with", "bob", "--interrupted-by", "initech")
    assert "leading: coaching with bob, interrupted by initech, 1 h" in logged.stdout
    data = review(cli)
    assert [(i["activity"], i["client"]) for i in data["team_time_interrupted"]] == [
        ("team", "acme"),
        ("coaching", "initech"),
    ]
    finding = next(f for f in data["findings"] if f["code"] == "team-time-interrupted")
    assert finding["severity"] == "warn" and "twice this week" in finding["message"]
    assert show(cli)[0]["interrupted_by"] == "initech"


def test_only_time_with_your_people_takes_interrupted_by(cli: Callable[..., Result], team: Path) -> None:
    message = refused(cli, team, "log", "lead", "strategy", "1", "--interrupted-by", "acme")
    assert "--interrupted-by is for time with your people" in message and "not strategy" in message
    assert "no client 'nope'" in refused(cli, team, "log", "lead", "team", "1", "--interrupted-by", "nope")
