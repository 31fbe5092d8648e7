"""Correcting the ledger: remove ID and undo."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import snapshot


def _ids(cli) -> list[str]:  # type: ignore[no-untyped-def]
    return [r["id"] for r in json.loads(cli("show", "--json", "--week", "2026-W47").stdout)]


def test_remove_by_id_prefix_says_what_it_removed(cli, team: Path) -> None:
    cli("log", "client", "acme", "2")
    cli("log", "lead", "hiring", "1")
    first, second = _ids(cli)
    result = cli("remove", first[:5])
    assert result.exit_code == 0
    assert result.stdout == f"Removed {first} 2026-11-20 client work acme, 2 h\n"
    assert _ids(cli) == [second]


def test_teammate_with_records_cannot_be_removed(cli, team: Path) -> None:
    cli("log", "one-on-one", "bob", "held")
    before = snapshot(team)
    result = cli("teammate", "remove", "bob", "--yes")
    assert result.exit_code == 1
    assert result.stderr == (
        "Error: bob appears in 1 record(s) from 2026-11-20 to 2026-11-20; removing it would leave them "
        "pointing nowhere. Keep it, or remove those records first (`leadshift show --week ...`).\n"
    )
    assert snapshot(team) == before


def test_teammate_who_owns_or_backs_clients_cannot_be_removed(cli, team: Path) -> None:
    result = cli("teammate", "remove", "alice", "--yes")
    assert result.exit_code == 1
    assert "alice owns globex; give each to someone else first" in result.stderr
    cli("client", "edit", "globex", "--owner", "me")
    result = cli("teammate", "remove", "alice", "--yes")
    assert "alice backs acme; take them off first" in result.stderr
    cli("client", "edit", "acme", "--backed-by", "")
    assert cli("teammate", "remove", "alice", "--yes").exit_code == 0
    assert "alice" not in cli("teammate", "list", "--json").stdout


def test_client_with_records_cannot_be_removed_but_an_unused_one_can(cli, team: Path) -> None:
    cli("log", "client", "acme", "1")
    assert cli("client", "remove", "acme", "--yes").exit_code == 1
    assert cli("client", "remove", "initech", "--yes").stdout == "Removed client initech.\n"


def test_an_id_repeated_across_months_by_hand_says_how_to_fix_it(cli, team: Path) -> None:
    cli("log", "client", "acme", "1", "--date", "2026-10-30")
    cli("log", "client", "acme", "1", "--date", "2026-11-02")
    october, november = (team / "log" / "2026-10.toml"), (team / "log" / "2026-11.toml")
    old_id = november.read_text().split('id = "')[1][:8]
    new_id = october.read_text().split('id = "')[1][:8]
    november.write_text(november.read_text().replace(old_id, new_id))
    result = cli("remove", new_id)
    assert result.exit_code == 1
    assert result.stderr == (
        f"Error: id {new_id} is used in log/2026-10.toml and log/2026-11.toml (a hand edit?); "
        "give one of them another id by hand.\n"
    )
