"""The documentation's roll-up recipe (docs/export.md), run as written: three leaders' anonymized exports merged with sqlite-utils."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import sqlite_utils

from leadshift.cli.demo import EXAMPLE
from leadshift.storage.store import Store

EXPORT_PAGE = Path(__file__).resolve().parents[2] / "docs" / "export.md"
MARK = "<!-- roll-up recipe: tests/cli/test_export_rollup.py runs these lines -->"


def recipe() -> str:
    after = EXPORT_PAGE.read_text(encoding="utf-8").split(MARK, 1)[1]
    block = re.match(r"\s*```sh\n(.*?)```", after, re.S)
    assert block, "the recipe's sh block follows its mark"
    return block.group(1)


def test_three_exports_merge_into_one_file_whose_counts_add_up(cli, tmp_path: Path) -> None:
    for leader in ("ana", "ben", "cleo"):
        Store(tmp_path / leader).copy_from(EXAMPLE)
        result = cli("--ledger", str(tmp_path / leader), "export", str(tmp_path / f"{leader}.sqlite"), "--anonymize")
        assert result.exit_code == 0, result.stderr
    bin_dir = Path(sys.executable).parent  # sqlite-utils, installed with the test extra, next to this Python
    env = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}"}
    done = subprocess.run(
        ["bash", "-euo", "pipefail", "-c", recipe()], cwd=tmp_path, env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    merged = sqlite_utils.Database(tmp_path / "programme.sqlite")
    parts = [sqlite_utils.Database(tmp_path / f"{leader}.sqlite") for leader in ("ana", "ben", "cleo")]
    assert merged.table_names() == parts[0].table_names()
    for name in merged.table_names():
        assert merged[name].count == sum(part[name].count for part in parts), name
        assert merged[name].pks == parts[0][name].pks
    assert merged["hours"].count == 3 * 142
    assert {fk.other_table for fk in merged["one_on_one"].foreign_keys} == {"clients", "teammates"}
    assert list(merged.query("pragma foreign_key_check")) == []
    assert [row["n"] for row in merged.query("select count(distinct ledger) as n from weeks")] == [3]
