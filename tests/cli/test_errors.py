"""The one error handler: Typer's own parse errors are one line too, exit 2, nothing written."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import snapshot


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--bogus"], "Error: No such option: --bogus; see `leadshift -h`."),
        (["nosuch"], "Error: No such command 'nosuch'; see `leadshift -h`."),
        (["review", "--bogus"], "Error: No such option: --bogus; see `leadshift review -h`."),
        (["log", "client"], "Error: Missing argument 'CLIENT'; see `leadshift log client -h`."),
        (["client", "add", "x", "--name", "X", "--weight", "2.5"], "Invalid value for '--weight'"),
    ],
)
def test_parse_errors_are_one_line(cli, team, args: list[str], expected: str) -> None:
    before = snapshot(team)
    result = cli(*args)
    assert result.exit_code == 2
    assert len(result.stderr.splitlines()) == 1 and result.stderr.startswith("Error: ")
    assert expected in result.stderr
    assert result.stdout == ""
    assert snapshot(team) == before


def test_a_bare_group_still_shows_its_help(cli) -> None:
    result = cli("client")
    assert "Usage: leadshift client" in result.stdout + result.stderr
    assert "add" in result.stdout + result.stderr


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
@pytest.mark.parametrize("args", [["show", "--week", "2026-W47"], ["show", "--json"], ["teammate", "list"]])
def test_output_to_a_full_disk_is_one_error_line(team: Path, args: list[str]) -> None:
    with open("/dev/full", "w") as full:
        done = subprocess.run(
            [sys.executable, "-m", "leadshift", *args],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            env=os.environ.copy(),
            timeout=60,
        )
    assert done.returncode == 1
    assert done.stderr == "Error: could not write the output: the disk is full (free some space, then try again).\n"
