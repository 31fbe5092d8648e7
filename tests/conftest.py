"""Every test gets its own ledger directory and a fixed 'today'; none touches the user's data."""

from __future__ import annotations

import os
import subprocess
import sys
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner

from leadshift.cli.app import register

TODAY = "2026-11-20"  # a Friday

# What the crash, fault and concurrency tests went through, printed at the end of the run.
FIGURES: Counter[str] = Counter()


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--thorough",
        action="store_true",
        help="Full counts for the crash, fault and concurrency tests (what CI runs); the default is a quick run.",
    )


@pytest.fixture
def thorough(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--thorough"))


@pytest.fixture
def figures() -> Counter[str]:
    """Add to the figures printed at the end of the run (kills survived, faults injected...)."""
    return FIGURES


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if FIGURES:
        terminalreporter.write_sep("-", "robustness figures")
        for what, count in FIGURES.items():
            terminalreporter.write_line(f"{count:6d}  {what}")


@pytest.fixture(autouse=True)
def ledger_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "ledger"
    monkeypatch.setenv("LEADSHIFT_HOME", str(home))
    monkeypatch.setenv("LEADSHIFT_TODAY", TODAY)
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "100")
    monkeypatch.delenv("LEADSHIFT_LOCK_TIMEOUT", raising=False)
    return home


@dataclass
class Result:
    exit_code: int
    stdout: str
    stderr: str


@pytest.fixture
def cli() -> Callable[..., Result]:
    """Run leadshift in-process, as a user would type it (stdout and stderr kept apart)."""
    app = register()
    runner = CliRunner()

    def run(*args: str, input: str | None = None) -> Result:
        result = runner.invoke(app, list(args), input=input, prog_name="leadshift")
        if result.exception and not isinstance(result.exception, SystemExit):
            raise result.exception
        return Result(result.exit_code, result.stdout, result.stderr)

    return run


@pytest.fixture
def one_command_tree(monkeypatch: pytest.MonkeyPatch) -> None:
    """For modules that run hundreds of commands: Click's tree built once, not on every `cli` call."""
    import typer.main
    import typer.testing

    tree = typer.main.get_command(register())
    monkeypatch.setattr(typer.testing, "_get_command", lambda app: tree)


@pytest.fixture
def run_process() -> Callable[..., subprocess.CompletedProcess[str]]:
    """Run leadshift as a real process (for crashes, concurrency and terminals)."""

    def run(*args: str, env: dict[str, str] | None = None, timeout: float = 60) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "leadshift", *args],
            capture_output=True,
            text=True,
            env={**os.environ, **(env or {})},
            timeout=timeout,
            stdin=subprocess.DEVNULL,
        )

    return run


def snapshot(home: Path) -> dict[str, bytes]:
    """Every file of the ledger directory and its bytes, to prove nothing changed.

    Leaves out the lock and `.cache/`: derived data that any read may refresh (tests/storage/test_cache.py covers it).
    """
    if not home.exists():
        return {}
    return {
        str(p.relative_to(home)): p.read_bytes()
        for p in sorted(home.rglob("*"))
        if p.is_file() and p.name != ".lock" and p.relative_to(home).parts[0] != ".cache"
    }


# The commands that make the `team` ledger, for tests that build it their own way (on TEAM_SET_UP_ON).
TEAM_SET_UP_ON = "2026-11-02"
TEAM_SETUP: tuple[list[str], ...] = (
    ["init", "--name", "Sam Lee", "--promoted-on", "2026-10-05"],
    [
        "teammate",
        "add",
        "alice",
        "--name",
        "Alice Martin",
        "--skills",
        "negotiation,analytics",
        "--growing",
        "pricing",
        "--capacity-hours",
        "30",
        "--one-on-one-every",
        "7",
    ],
    ["teammate", "add", "bob", "--name", "Bob Chen", "--skills", "support", "--capacity-hours", "20"],
    [
        "client",
        "add",
        "acme",
        "--name",
        "Acme Ltd",
        "--weight",
        "4",
        "--weekly-hours",
        "6",
        "--needs",
        "negotiation",
        "--backed-by",
        "alice",
    ],
    ["client", "add", "initech", "--name", "Initech", "--weight", "2", "--weekly-hours", "3"],
    ["client", "add", "globex", "--name", "Globex", "--owner", "alice", "--weight", "5", "--weekly-hours", "8"],
)


@pytest.fixture
def team(cli: Callable[..., Result], ledger_home: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A small ledger: Sam leads Alice and Bob; owns Acme and Initech; Globex is Alice's.

    Set up on Monday 2026-11-02, before the days the tests log (so clients were known then).
    """
    monkeypatch.setenv("LEADSHIFT_TODAY", TEAM_SET_UP_ON)
    for args in TEAM_SETUP:
        result = cli(*args)
        assert result.exit_code == 0, (args, result.stdout, result.stderr)
    monkeypatch.setenv("LEADSHIFT_TODAY", TODAY)
    return ledger_home
