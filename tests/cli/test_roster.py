"""teammate and client add / list / edit, and their JSON."""

from __future__ import annotations

import json
from pathlib import Path


def test_teammate_list_json_has_every_field(cli, team: Path) -> None:
    data = json.loads(cli("teammate", "list", "--json").stdout)
    # The keys in this order: new ones go last, so readers of the older JSON see what they saw.
    keys = [
        "key",
        "name",
        "role",
        "skills",
        "growing",
        "capacity_hours",
        "one_on_one_every",
        "joined",
        "left",
        "emails",
    ]
    assert [list(t) for t in data] == [keys, keys]
    assert data == [
        {
            "key": "alice",
            "name": "Alice Martin",
            "role": "",
            "skills": ["negotiation", "analytics"],
            "growing": ["pricing"],
            "capacity_hours": 30.0,
            "one_on_one_every": 7,
            "joined": None,
            "left": None,
            "emails": [],
        },
        {
            "key": "bob",
            "name": "Bob Chen",
            "role": "",
            "skills": ["support"],
            "growing": [],
            "capacity_hours": 20.0,
            "one_on_one_every": 14,
            "joined": None,
            "left": None,
            "emails": [],
        },
    ]


def test_client_list_json_has_every_field(cli, team: Path) -> None:
    data = json.loads(cli("client", "list", "--json").stdout)
    assert data[0] == {
        "key": "acme",
        "name": "Acme Ltd",
        "owner": "me",
        "needs": ["negotiation"],
        "weight": 4,
        "weekly_hours": 6.0,
        "backed_by": ["alice"],
        "added": "2026-11-02",  # the day the `team` fixture set up the ledger
        "prospect": False,
        "domains": [],
    }
    assert [c["key"] for c in data] == ["acme", "globex", "initech"]
    assert data[1]["owner"] == "alice"


def test_edit_changes_only_the_given_fields(cli, team: Path) -> None:
    result = cli("teammate", "edit", "bob", "--growing", "Negotiation, pricing", "--role", "Account manager")
    assert result.stdout == "Updated teammate bob: growing, role.\n"
    bob = json.loads(cli("teammate", "list", "--json").stdout)[1]
    assert bob["growing"] == ["negotiation", "pricing"]
    assert bob["role"] == "Account manager"
    assert bob["skills"] == ["support"] and bob["capacity_hours"] == 20.0
    cli("client", "edit", "initech", "--owner", "bob", "--weight", "3")
    initech = json.loads(cli("client", "list", "--json").stdout)[2]
    assert (initech["owner"], initech["weight"], initech["weekly_hours"]) == ("bob", 3, 3.0)


def test_lists_render_as_tables(cli, team: Path) -> None:
    clients = cli("client", "list").stdout
    assert clients.splitlines()[0].strip() == "Clients"
    rows = [line.split() for line in clients.splitlines() if line.strip().startswith(("acme", "initech", "globex"))]
    assert [row[0] for row in rows] == ["acme", "initech", "globex"]  # yours first
    assert rows[0][3] == "me" and rows[2][2] == "alice"
    assert "Alice Martin" in cli("teammate", "list").stdout


def test_empty_lists_say_what_to_add(cli, ledger_home: Path) -> None:
    cli("init", "--name", "Sam")
    assert cli("teammate", "list").stdout.startswith("No teammates yet. Add one: leadshift teammate add")
    assert cli("client", "list").stdout.startswith("No clients yet. Add one: leadshift client add")
    assert cli("client", "list", "--json").stdout == "[]\n"
