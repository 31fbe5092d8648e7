"""The cache of validated months: trusted only for the exact bytes it was made from, never a reason to fail."""

from __future__ import annotations

import json
import os
import shutil
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest

from benchmarks.ledgers import Spec, generate
from leadshift.storage import codec, durable
from leadshift.storage.cache import _pack
from leadshift.storage.layout import CACHE_DIR, INDEX_FILE, MONTHS_DIR
from tests.conftest import Result, snapshot

MONTH = "log/2026-11.toml"


@pytest.fixture
def logged(cli: Callable[..., Result], team: Path) -> Path:
    """The small team ledger with a few records in November, and a warm cache."""
    for args in (
        ["log", "client", "acme", "2.5", "--date", "2026-11-16"],
        ["log", "one-on-one", "alice", "held", "--date", "2026-11-17"],
        ["log", "lead", "coaching", "1", "--with", "bob", "--date", "2026-11-18"],
    ):
        assert cli(*args).exit_code == 0
    assert cli("review", "--json").exit_code == 0
    assert (team / CACHE_DIR / INDEX_FILE).is_file() and (team / CACHE_DIR / MONTHS_DIR / "2026-11.json").is_file()
    return team


def edit_keeping_size_and_mtime(path: Path, old: bytes, new: bytes) -> None:
    """A hand edit the cache cannot see by size or mtime: only the content hash tells."""
    assert len(old) == len(new)
    info = path.stat()
    data = path.read_bytes()
    assert data.count(old) == 1
    path.write_bytes(data.replace(old, new))
    os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns))
    assert (path.stat().st_size, path.stat().st_mtime_ns) == (info.st_size, info.st_mtime_ns)


def test_a_hand_edit_that_keeps_size_and_mtime_is_validated_again(cli, logged: Path) -> None:
    edit_keeping_size_and_mtime(logged / MONTH, b'status = "held"', b'status = "hold"')
    for args in (["review", "--json"], ["check", "--json"], ["show", "--date", "2026-11-17"]):
        result = cli(*args)
        assert (result.exit_code, result.stdout) == (1, ""), args
        assert result.stderr.startswith("Error: log/2026-11.toml, line "), args
        assert "(one_on_one[1].status): input should be 'held', 'cancelled' or 'interrupted'" in result.stderr
    before = snapshot(logged)
    result = cli("log", "client", "acme", "1")
    assert result.exit_code == 1 and "log/2026-11.toml, line " in result.stderr
    assert snapshot(logged) == before


def test_a_valid_hand_edit_that_keeps_size_and_mtime_is_read(cli, logged: Path) -> None:
    edit_keeping_size_and_mtime(logged / MONTH, b"hours = 2.5", b"hours = 3.5")
    [record] = json.loads(cli("show", "--date", "2026-11-16", "--json").stdout)
    assert record["hours"] == 3.5
    assert json.loads(cli("review", "--json").stdout)["hours"]["by_client"] == {"acme": 3.5}


def test_a_file_written_by_another_path_is_read_as_it_is_now(cli, logged: Path) -> None:
    # As a restore, an editor or a sync would: a whole new file, through any code but the store's.
    data = (logged / MONTH).read_bytes().replace(b"hours = 2.5", b"hours = 4.0")
    durable.write_atomic(logged / MONTH, data, logged / "backups")
    assert json.loads(cli("review", "--json").stdout)["hours"]["by_client"] == {"acme": 4.0}
    shutil.copy2(sorted((logged / "backups").glob("log-2026-11.toml.*"))[-1], logged / MONTH)  # the version before
    assert json.loads(cli("review", "--json").stdout)["hours"]["by_client"] == {"acme": 2.5}


def test_a_key_removed_from_ledger_toml_by_hand_breaks_the_month_that_names_it(cli, logged: Path) -> None:
    # The month file is unchanged, so its cache entry matches: the keys it names are checked against the book.
    book = logged / "ledger.toml"
    book.write_text(book.read_text().replace("[teammates.bob]", "[teammates.robert]"))
    result = cli("review", "--json")
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: log/2026-11.toml, line ")
    assert "names teammate 'bob', which is not in ledger.toml" in result.stderr


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda data: data[: len(data) // 2], id="truncated"),
        pytest.param(lambda data: data[:-5] + bytes([data[-5] ^ 0x01]) + data[-4:], id="one-bit-flipped"),
        pytest.param(lambda data: b"", id="empty"),
        pytest.param(lambda data: b'{"2026-11": {"size": 1}}', id="foreign"),
        pytest.param(lambda data: b"\x80\x04\x95 pickle?", id="binary"),
    ],
)
@pytest.mark.parametrize("target", [INDEX_FILE, f"{MONTHS_DIR}/2026-11.json"])
def test_a_damaged_cache_is_ignored_and_rebuilt(cli, logged: Path, target: str, damage) -> None:
    expected = cli("review", "--json").stdout
    path = logged / CACHE_DIR / target
    good = path.read_bytes()
    path.write_bytes(damage(good))
    assert cli("review", "--json").stdout == expected
    assert cli("show", "--week", "2026-W47", "--json").exit_code == 0
    assert path.read_bytes() == good  # rebuilt from the month file, byte for byte


def test_a_well_checksummed_cache_entry_of_the_wrong_shape_is_ignored(cli, logged: Path) -> None:
    index = logged / CACHE_DIR / INDEX_FILE
    entries = json.loads(index.read_bytes().partition(b"\n")[2])
    entries["2026-11"]["ids"] = 12345678  # as a foreign or older leadshift might have written it
    index.write_bytes(_pack(json.dumps(entries).encode(), "index"))
    result = cli("log", "client", "acme", "1")
    assert result.exit_code == 0, result.stderr
    assert json.loads(cli("review", "--json").stdout)["hours"]["by_client"] == {"acme": 3.5}


def test_a_cache_that_cannot_be_written_never_fails_a_command(cli, logged: Path) -> None:
    shutil.rmtree(logged / CACHE_DIR)
    (logged / CACHE_DIR).write_text("not a folder")
    assert cli("review", "--json").exit_code == 0
    assert cli("log", "client", "acme", "1").exit_code == 0
    assert (logged / CACHE_DIR).read_text() == "not a folder"


def test_a_cache_folder_that_is_a_link_is_never_written_through(cli, logged: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    shutil.rmtree(logged / CACHE_DIR)
    (logged / CACHE_DIR).symlink_to(elsewhere)
    assert cli("log", "client", "acme", "1").exit_code == 0
    assert cli("review", "--json").exit_code == 0
    assert list(elsewhere.iterdir()) == []


def forge_hours(month_file: Path) -> None:
    """Make a cached month say 9.5 hours for Acme instead of 2.5, checksum and all: only reading it would tell."""
    header, _, body = month_file.read_bytes().partition(b"\n")
    assert body.count(b'"hours":2.5') == 1
    month_file.write_bytes(_pack(body.replace(b'"hours":2.5', b'"hours":9.5'), header.split(b" ")[2].decode()))


@pytest.mark.parametrize("linked", [CACHE_DIR, f"{CACHE_DIR}/{MONTHS_DIR}"])
def test_a_linked_cache_folder_is_neither_read_nor_written(cli, logged: Path, tmp_path: Path, linked: str) -> None:
    outside = tmp_path / "shared"
    shutil.copytree(logged / linked, outside)
    forge_hours(outside / (f"{MONTHS_DIR}/2026-11.json" if linked == CACHE_DIR else "2026-11.json"))
    os.chmod(outside, 0o755)
    shutil.rmtree(logged / linked)
    (logged / linked).symlink_to(outside)
    contents = {str(p.relative_to(outside)): p.read_bytes() for p in outside.rglob("*") if p.is_file()}

    review = cli("review", "--json")
    assert review.exit_code == 0, review.stderr
    assert json.loads(review.stdout)["hours"]["by_client"] == {"acme": 2.5}  # from the TOML, not the forged copy
    assert cli("log", "client", "acme", "1", "--note", "private words").exit_code == 0
    assert json.loads(cli("review", "--json").stdout)["hours"]["by_client"] == {"acme": 3.5}

    assert {str(p.relative_to(outside)): p.read_bytes() for p in outside.rglob("*") if p.is_file()} == contents
    assert os.stat(outside).st_mode & 0o777 == 0o755
    assert (logged / linked).is_symlink()


def test_the_cache_is_private_whatever_the_umask(cli, logged: Path) -> None:
    shutil.rmtree(logged / CACHE_DIR)
    old = os.umask(0o002)
    try:
        assert cli("review", "--json").exit_code == 0
    finally:
        os.umask(old)
    cache = logged / CACHE_DIR
    modes = {str(p.relative_to(cache)): p.stat().st_mode & 0o777 for p in [cache, *cache.rglob("*")]}
    assert modes == {".": 0o700, INDEX_FILE: 0o600, MONTHS_DIR: 0o700, f"{MONTHS_DIR}/2026-11.json": 0o600}


def test_deleting_the_cache_changes_no_output(cli, logged: Path) -> None:
    commands = [["review", "--json"], ["check", "--json"], ["show", "--week", "2026-W47", "--json"], ["review"]]
    warm = [cli(*args).stdout for args in commands]
    shutil.rmtree(logged / CACHE_DIR)
    assert [cli(*args).stdout for args in commands] == warm


@pytest.fixture(scope="module")
def two_years(tmp_path_factory: pytest.TempPathFactory) -> Path:
    home = tmp_path_factory.mktemp("two-years") / "ledger"
    generate(home, Spec(months=24))
    return home


def count_decodes(monkeypatch: pytest.MonkeyPatch) -> Counter[str]:
    """Every ledger file parsed from TOML from now on, by label (the store's writes read their own output too)."""
    decoded: Counter[str] = Counter()
    real = codec.decode

    def counting(data, model, label, *args, **kwargs):  # type: ignore[no-untyped-def]
        decoded[label] += 1
        return real(data, model, label, *args, **kwargs)

    monkeypatch.setattr(codec, "decode", counting)
    return decoded


def test_log_on_a_long_ledger_parses_only_the_book_and_the_month_it_writes(
    cli, two_years: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path / "ledger"
    shutil.copytree(two_years, home)
    monkeypatch.setenv("LEADSHIFT_HOME", str(home))
    shutil.rmtree(home / CACHE_DIR)  # the generator wrote through the store, which cached what it wrote
    first = count_decodes(monkeypatch)
    assert cli("log", "client", "northwind", "1.5").exit_code == 0  # the first command fills the cache again
    assert len(first) == 26  # the book and 25 months
    decoded = count_decodes(monkeypatch)
    result = cli("log", "client", "northwind", "0.5", "--date", "2026-11-19")
    assert result.exit_code == 0, result.stderr
    # The book once; the month once, reading back what was written before it replaces the file.
    assert decoded == {"ledger.toml": 1, "log/2026-11.toml": 1}


def test_review_and_check_on_a_long_ledger_parse_only_the_book(
    cli, two_years: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path / "ledger"
    shutil.copytree(two_years, home)
    monkeypatch.setenv("LEADSHIFT_HOME", str(home))
    assert cli("review", "--json").exit_code == 0
    decoded = count_decodes(monkeypatch)
    for args in (["review", "--json"], ["review"], ["check", "--json"], ["show", "--json"]):
        assert cli(*args).exit_code == 0, args
    assert decoded == {"ledger.toml": 4}
