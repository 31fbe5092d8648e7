"""`doctor` names what a git merge set aside beside a ledger file, with the way to settle it; nothing else."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import Result


@pytest.mark.parametrize(
    ("rel", "edit"), [("log/2026-11.toml.conflict", "2026-11"), ("ledger.toml.conflict", "ledger")]
)
def test_a_conflict_file_beside_a_ledger_file_is_named_with_its_fix(
    cli: Callable[..., Result], team: Path, rel: str, edit: str
) -> None:
    (team / "log").mkdir(mode=0o700, exist_ok=True)
    (team / rel).write_text('file = "x"\n')
    (team / rel).chmod(0o600)
    result = cli("doctor", "--json")
    assert result.exit_code == 1
    [problem] = json.loads(result.stdout)["problems"]
    merged = rel.removesuffix(".conflict")
    assert problem == {
        "code": "merge-conflict",
        "file": rel,
        "line": None,
        "message": f"{rel} holds what a git merge of {merged} could not settle: the same entry changed differently "
        "on two machines (the file keeps one version; this one lists both).",
        "fix": f"make {merged} what it should be with `leadshift edit {edit}`, then delete {rel} (`rm {team / rel}`).",
        "fixable": False,
    }


@pytest.mark.parametrize("rel", ["notes.conflict", "log/notes.toml.conflict"])
def test_other_conflict_files_are_just_unknown(cli: Callable[..., Result], team: Path, rel: str) -> None:
    (team / "log").mkdir(mode=0o700, exist_ok=True)
    (team / rel).write_text("")
    (team / rel).chmod(0o600)
    [problem] = json.loads(cli("doctor", "--json").stdout)["problems"]
    assert (problem["code"], problem["file"]) == ("unknown-file", rel)
