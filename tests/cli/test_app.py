"""init, where, --version and the help of every command."""

from __future__ import annotations

from pathlib import Path

import pytest

from leadshift import __version__
from leadshift.cli.app import register
from tests.conftest import snapshot


def test_init_creates_a_private_ledger(cli, ledger_home: Path) -> None:
    result = cli("init", "--name", "Sam Lee", "--promoted-on", "2026-10-05", "--client-share-limit", "35%")
    assert result.exit_code == 0
    assert result.stdout.startswith(f"Created your ledger in {ledger_home}\n")
    text = (ledger_home / "ledger.toml").read_text()
    assert 'name = "Sam Lee"' in text
    assert "promoted_on = 2026-10-05" in text
    assert "client_share_limit = 0.35" in text
    assert (ledger_home.stat().st_mode & 0o777) == 0o700
    assert ((ledger_home / "ledger.toml").stat().st_mode & 0o777) == 0o600


def test_init_refuses_to_overwrite(cli, ledger_home: Path) -> None:
    assert cli("init", "--name", "Sam").exit_code == 0
    before = snapshot(ledger_home)
    result = cli("init", "--name", "Someone Else")
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: a ledger already exists at")
    assert result.stderr.count("\n") == 1
    assert snapshot(ledger_home) == before


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--promoted-on", "05/10/2026"], "'05/10/2026' is not a date"),
        (["--client-share-limit", "140%"], "not a share between 0 and 1"),
        (["--workday-hours", "30"], "--workday-hours: input should be less than or equal to 24"),
        (["--week-starts", "someday"], "'someday' is not a weekday. Did you mean 'sunday'?"),
    ],
)
def test_init_rejects_bad_profiles_and_writes_nothing(cli, ledger_home: Path, args, message) -> None:
    result = cli("init", "--name", "Sam", *args)
    assert result.exit_code in (1, 2)
    assert message in result.stderr
    assert not (ledger_home / "ledger.toml").exists()


def test_where_prefers_the_option_then_the_environment(cli, ledger_home: Path, tmp_path: Path) -> None:
    assert cli("where").stdout == f"{ledger_home}\n"
    assert cli("--ledger", str(tmp_path / "other"), "where").stdout == f"{tmp_path / 'other'}\n"


def test_where_falls_back_to_the_user_data_dir(cli, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("LEADSHIFT_HOME")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert cli("where").stdout == f"{tmp_path / 'xdg' / 'leadshift'}\n"


def test_version(cli) -> None:
    assert cli("--version").stdout == f"leadshift {__version__}\n"


def test_commands_without_a_ledger_say_how_to_create_one(cli, ledger_home: Path) -> None:
    for args in (["teammate", "list"], ["log", "client", "acme", "1"], ["show"], ["undo"]):
        result = cli(*args)
        assert result.exit_code == 1, args
        assert "leadshift init --name" in result.stderr
    assert not ledger_home.exists()


def _all_commands(group, path=()):  # type: ignore[no-untyped-def]
    import typer.main

    command = typer.main.get_command(group) if not hasattr(group, "commands") else group
    for name, sub in command.commands.items():
        yield (*path, name)
        if hasattr(sub, "commands"):
            yield from _all_commands(sub, (*path, name))


def test_every_command_has_help(cli) -> None:
    commands = list(_all_commands(register()))
    assert ("log", "one-on-one") in commands and ("teammate", "edit") in commands
    for command in commands:
        result = cli(*command, "--help")
        assert result.exit_code == 0, command
        assert "Usage: leadshift " + " ".join(command) in result.stdout
        lines = result.stdout.strip().splitlines()
        assert len(lines) > 3, command  # a description, not just a usage line


def test_init_refuses_a_folder_that_holds_other_files(cli, tmp_path: Path) -> None:
    folder = tmp_path / "documents"
    folder.mkdir(mode=0o755)
    (folder / "taxes.pdf").write_bytes(b"%PDF")
    result = cli("--ledger", str(folder), "init", "--name", "Sam")
    assert result.exit_code == 1
    assert "already holds other files (taxes.pdf)" in result.stderr
    assert sorted(p.name for p in folder.iterdir()) == ["taxes.pdf"]
    assert (folder.stat().st_mode & 0o777) == 0o755


def test_a_copied_ledger_folder_is_made_private_on_the_next_write(cli, team: Path) -> None:
    team.chmod(0o755)
    (team / "log").mkdir(mode=0o755, exist_ok=True)
    (team / "log").chmod(0o755)
    assert cli("log", "client", "acme", "1").exit_code == 0
    assert (team.stat().st_mode & 0o777) == 0o700
    assert ((team / "log").stat().st_mode & 0o777) == 0o700


def test_a_run_builds_only_its_command_and_it_is_the_same_command() -> None:
    from typer.testing import CliRunner

    from leadshift.cli.app import COMMANDS, command_in

    full = list(_all_commands(register()))
    assert [c[0] for c in full if len(c) == 1] == list(COMMANDS)  # every command, in help's order
    runner = CliRunner()
    for command in full:
        alone = register(command[0])
        # The command and those defined beside it (init, where and demo are one module).
        assert {c[0] for c in _all_commands(alone)} == {n for n, m in COMMANDS.items() if m == COMMANDS[command[0]]}
        helps = [
            runner.invoke(tree, [*command, "--help"], prog_name="leadshift").stdout for tree in (register(), alone)
        ]
        assert helps[0] == helps[1], command
    assert command_in(["--ledger", "log", "review", "--json"]) == "review"
    assert command_in(["--debug", "--ledger=/x", "log", "client"]) == "log"
    assert command_in(["--version"]) is None and command_in(["lgo"]) == "lgo"


def test_a_misspelt_command_still_gets_suggestions(run_process) -> None:
    result = run_process("reveiw")
    assert result.returncode == 2
    assert "No such command 'reveiw'" in result.stderr and "review" in result.stderr
