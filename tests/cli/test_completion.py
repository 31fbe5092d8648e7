"""Shell completion: Typer's own scripts, keys from the ledger, and a TAB that pays for neither Pydantic nor Rich."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

BIN = Path(sys.executable).parent  # where pip put the `leadshift` script


def _complete(home: Path, *typed: str, env: dict[str, str] | None = None) -> list[str]:
    """What bash's TAB offers after `leadshift TYPED...` (the last word is the one being completed)."""
    words = ["leadshift", *typed]
    result = subprocess.run(
        [sys.executable, "-m", "leadshift"],
        capture_output=True,
        text=True,
        env={
            **os.environ,
            "LEADSHIFT_HOME": str(home),
            "_LEADSHIFT_COMPLETE": "complete_bash",
            "COMP_WORDS": " ".join(words),
            "COMP_CWORD": str(len(words) - 1),
            **(env or {}),
        },
        stdin=subprocess.DEVNULL,
    )
    assert (result.returncode, result.stderr) == (0, "")
    return result.stdout.split()


def test_a_real_bash_completes_a_client_key_through_the_script_leadshift_shows(team: Path) -> None:
    script = (
        'eval "$(leadshift --show-completion)"\n'  # the script Typer writes for the shell it runs in
        "COMP_WORDS=(leadshift log client a); COMP_CWORD=3\n"
        "_leadshift_completion leadshift\n"
        "printf '%s\\n' \"${COMPREPLY[@]}\"\n"
    )
    shell = subprocess.run(
        ["bash", "-c", script],
        capture_output=True,
        text=True,
        env={**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}", "LEADSHIFT_HOME": str(team)},
        stdin=subprocess.DEVNULL,
    )
    assert (shell.stdout, shell.stderr) == ("acme\n", "")


@pytest.mark.parametrize(
    ("typed", "offered"),
    [
        (["log", "client", ""], ["acme", "globex", "initech"]),
        (["log", "client", "--date", "2026-11-20", "g"], ["globex"]),
        (["log", "one-on-one", ""], ["alice", "bob"]),
        (["log", "lead", "coaching", "1", "--with", "b"], ["bob"]),
        (["log", "lead", "h"], ["hiring"]),
        (["log", "one-on-one", "alice", "cancelled", "--because", "i"], ["initech"]),
        (["yes", "a"], ["acme"]),
        (["client", "edit", "acme", "--owner", ""], ["me", "alice", "bob"]),
        (["teammate", "leave", "a"], ["alice"]),
        (["handoff", "advance", ""], ["acme", "globex", "initech"]),
        (["rev"], ["review"]),
        (["prep", "a"], ["alice"]),
        (["action", "add", ""], ["alice", "bob"]),
        (["obstacles", "b"], ["bob"]),
        (["log", "one-on-one", "alice", ""], ["held", "cancelled", "interrupted"]),
        (["log", "one-on-one", "alice", "held", "--owner", ""], ["me", "them"]),
        (["log", "client", "acme", "1", "--kind", "r"], ["relationship"]),
        (["yes", "acme", "deck", "--no", "s"], ["strategy"]),
        (["export", "out.csv", "--format", ""], ["csv", "jsonl", "sqlite"]),
    ],
)
def test_tab_offers_the_keys_and_words_that_fit(team: Path, typed: list[str], offered: list[str]) -> None:
    assert _complete(team, *typed) == offered


def test_tab_offers_the_ids_of_the_items_still_open(cli, team: Path) -> None:
    cli("action", "add", "alice", "Send the pricing notes")
    cli("action", "add", "bob", "Book the training")
    cli("obstacle", "add", "bob", "The approval form takes three days")
    actions = {item["text"]: item["id"] for item in json.loads(cli("actions", "--json").stdout)}
    cli("action", "done", actions["Book the training"])
    assert _complete(team, "action", "done", "") == [actions["Send the pricing notes"]]
    assert _complete(team, "obstacle", "done", "") == [json.loads(cli("obstacles", "--json").stdout)[0]["id"]]


def test_tab_reads_the_ledger_given_with_ledger(team: Path, tmp_path: Path) -> None:
    assert _complete(tmp_path / "nowhere", "--ledger", str(team), "log", "client", "") == ["acme", "globex", "initech"]


def test_tab_offers_no_keys_where_there_is_no_ledger_and_says_nothing(tmp_path: Path) -> None:
    assert _complete(tmp_path / "nowhere", "log", "client", "") == []
    (tmp_path / "broken").mkdir()
    (tmp_path / "broken" / "ledger.toml").write_text("[clients\n")
    assert _complete(tmp_path / "broken", "log", "client", "") == []


def test_a_tab_loads_neither_pydantic_nor_rich(team: Path) -> None:
    """A TAB runs a whole process: the ledger's keys come from ledger.toml alone."""
    watch = (
        "import sys\n"
        "from leadshift.cli import main\n"
        "try:\n"
        "    main()\n"
        "finally:\n"
        "    print(sorted(m for m in sys.modules if m.split('.')[0] in ('pydantic', 'rich')), file=sys.stderr)\n"
    )
    words = "leadshift log client a"
    tab = subprocess.run(
        [sys.executable, "-c", watch],
        capture_output=True,
        text=True,
        env={
            **os.environ,
            "LEADSHIFT_HOME": str(team),
            "_LEADSHIFT_COMPLETE": "complete_bash",
            "COMP_WORDS": words,
            "COMP_CWORD": "3",
        },
    )
    assert (tab.stdout, tab.stderr) == ("acme\n", "[]\n")
