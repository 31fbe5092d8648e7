"""The command tree: --version, the help of every command, one module built per run, and no ledger."""

from __future__ import annotations

import re
from pathlib import Path

from leadshift import __version__
from leadshift.cli.app import register


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
        usage = lines[0]
        assert not re.search(r"[{}]", usage), usage  # `remove ID`, not Typer's `remove {ID}`
        assert not re.search(r"<(str|int|float)>", result.stdout), command  # `ID`, `--name NAME`: not `<str>`


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
    assert (result.returncode, result.stderr) == (
        2,
        "Error: No such command 'reveiw'; did you mean 'review' or 'remove' (see `leadshift -h`)?\n",
    )


def test_a_misspelt_option_gets_its_suggestions_in_one_sentence(cli) -> None:
    result = cli("review", "--wek", "2026-W47")
    assert (result.exit_code, result.stderr) == (
        2,
        "Error: No such option: --wek; did you mean --week or --weeks (see `leadshift review -h`)?\n",
    )
    unknown = cli("xyzzy")
    assert (unknown.exit_code, unknown.stderr) == (2, "Error: No such command 'xyzzy'; see `leadshift -h`.\n")


def test_piped_tables_have_no_trailing_spaces(cli, team: Path) -> None:
    cli("log", "client", "acme", "2")
    cli("log", "one-on-one", "bob", "cancelled", "--because", "acme")
    for command in (["review"], ["check"], ["show"], ["teammate", "list"], ["client", "list"], ["handoff", "plan"]):
        out = cli(*command).stdout
        assert "\n" in out and not re.search(r" +$", out, re.MULTILINE), command


def test_help_loads_no_pydantic() -> None:
    """`--help` builds the whole command tree: an option module that imports a model would double its time."""
    import subprocess
    import sys

    watch = (
        "import sys\n"
        "from leadshift.cli import main\n"
        "sys.argv = ['leadshift', '--help']\n"
        "try:\n"
        "    main()\n"
        "except SystemExit:\n"
        "    pass\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'pydantic'), file=sys.stderr)\n"
    )
    shown = subprocess.run([sys.executable, "-c", watch], capture_output=True, text=True)
    assert "Commands:" in shown.stdout and shown.stderr == "[]\n"
