"""`leadshift merge-file BASE OURS THEIRS PATH`, called as git calls its merge driver: from the top of the work tree."""

from __future__ import annotations

import tomllib
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from leadshift.domain.book import Book, Profile, Teammate
from leadshift.domain.records import HoursRecord, Month
from leadshift.storage import codec
from tests.conftest import Result

DAY = date(2026, 11, 18)
MONTH = "log/2026-11.toml"


def hours(record_id: str, amount: float = 2.0) -> HoursRecord:
    return HoursRecord(id=record_id, date=DAY, client="acme", hours=amount)


def month_file(*records: HoursRecord) -> bytes:
    return codec.encode(Month().with_records(list(records)))


@pytest.fixture
def work_tree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    top = tmp_path / "work"
    top.mkdir()
    monkeypatch.chdir(top)
    return top


def sides(top: Path, base: bytes, ours: bytes, theirs: bytes) -> list[str]:
    names = [".merge_file_base", ".merge_file_ours", ".merge_file_theirs"]
    for name, data in zip(names, (base, ours, theirs), strict=True):
        (top / name).write_bytes(data)
    return names


def read_month(path: Path) -> Month:
    return codec.decode(path.read_bytes(), Month, "merged", "", {"month": "2026-11"})


def test_records_of_both_sides_end_up_in_ours(cli: Callable[..., Result], work_tree: Path) -> None:
    base = month_file(hours("00000001"))
    names = sides(work_tree, base, month_file(hours("00000001"), hours("000000a1")), month_file(hours("000000b1")))
    result = cli("merge-file", *names, MONTH)
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "")
    assert [r.id for r in read_month(work_tree / names[1]).records()] == ["000000a1", "000000b1"]
    assert not (work_tree / "log").exists()  # nothing set aside


def test_a_clash_keeps_ours_lists_both_and_exits_1(cli: Callable[..., Result], work_tree: Path) -> None:
    names = sides(
        work_tree, month_file(hours("00000001")), month_file(hours("00000001", 3)), month_file(hours("00000001", 4))
    )
    result = cli("merge-file", *names, MONTH)
    assert result.exit_code == 1
    assert result.stdout == (
        f"leadshift: {MONTH}: 1 place changed differently on both sides; the file keeps one version, "
        f"{MONTH}.conflict lists both.\n"
    )
    assert read_month(work_tree / names[1]).hours[0].hours == 3.0
    conflict = work_tree / f"{MONTH}.conflict"
    text = conflict.read_text()
    assert text.startswith("# What `leadshift merge-file` could not settle when git merged log/2026-11.toml")
    assert "`leadshift edit 2026-11`" in text
    assert oct(conflict.stat().st_mode & 0o777) == "0o600"
    # A second merge that clashes adds to what is set aside, and loses none of it.
    sides(work_tree, month_file(hours("00000002")), month_file(hours("00000002", 5)), month_file(hours("00000002", 6)))
    assert cli("merge-file", *names, MONTH).exit_code == 1
    places = [c["place"] for c in tomllib.loads(conflict.read_text())["conflicts"]]
    assert places == ["record 00000001", "record 00000002"]


def test_ledger_toml_is_merged_by_key(cli: Callable[..., Result], work_tree: Path) -> None:
    base = Book(profile=Profile(name="Sam Lee"))
    ours = base.model_copy(update={"teammates": {"alice": Teammate(name="Alice Martin")}})
    theirs = base.model_copy(update={"teammates": {"bob": Teammate(name="Bob Chen")}})
    names = sides(work_tree, *map(codec.encode, (base, ours, theirs)))
    assert cli("merge-file", *names, "ledger.toml").exit_code == 0
    merged = codec.decode((work_tree / names[1]).read_bytes(), Book, "merged", "")
    assert list(merged.teammates) == ["alice", "bob"]


def test_a_side_that_is_not_a_ledger_file_leaves_ours_and_sets_the_other_aside_whole(
    cli: Callable[..., Result], work_tree: Path
) -> None:
    ours = month_file(hours("00000001"))
    names = sides(work_tree, ours, ours, b"<<<<<<< not toml\n")
    result = cli("merge-file", *names, MONTH)
    assert result.exit_code == 1
    assert (work_tree / names[1]).read_bytes() == ours
    [clash] = tomllib.loads((work_tree / f"{MONTH}.conflict").read_text())["conflicts"]
    assert clash["place"] == "the whole file" and clash["set_aside"] == "<<<<<<< not toml\n"


def test_a_path_that_is_no_ledger_file_is_refused(cli: Callable[..., Result], work_tree: Path) -> None:
    names = sides(work_tree, b"", b"a = 1\n", b"a = 2\n")
    result = cli("merge-file", *names, "notes.md")
    assert result.exit_code == 2
    assert result.stderr == (
        "Error: PATH 'notes.md' is not a file leadshift merges: only ledger.toml and log/YYYY-MM.toml "
        "(.gitattributes names them).\n"
    )
    assert (work_tree / names[1]).read_bytes() == b"a = 1\n"


def test_files_that_cannot_be_read_are_all_named(cli: Callable[..., Result], work_tree: Path) -> None:
    (work_tree / "ours.toml").write_bytes(month_file())
    result = cli("merge-file", "gone.toml", "ours.toml", "log", MONTH)
    assert result.exit_code == 2
    assert result.stderr == (
        "Error: cannot read BASE 'gone.toml' (no such file), THEIRS 'log' (no such file); "
        "git gives the merge driver three files it can read.\n"
    )
