"""durable: atomic replace, private permissions, rotating backups, on real files."""

from __future__ import annotations

import errno
import os
import re
import secrets
import stat
from datetime import date
from pathlib import Path

import pytest

from leadshift.domain.book import Book, Profile
from leadshift.errors import LedgerWriteError
from leadshift.storage import durable, layout
from leadshift.storage.store import Store


def mode(path: Path) -> int:
    return stat.S_IMODE(path.lstat().st_mode)


def names(directory: Path) -> list[str]:
    return sorted(p.name for p in directory.iterdir())


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    folder = tmp_path / "ledger"
    durable.ensure_private_dir(folder)
    return folder


def fixed_token(monkeypatch: pytest.MonkeyPatch, token: str = "deadbeef") -> None:
    monkeypatch.setattr(secrets, "token_hex", lambda nbytes=None: token)


# -- write_atomic ------------------------------------------------------------------


def test_write_atomic_creates_a_private_file(folder: Path) -> None:
    old = os.umask(0o000)
    try:
        durable.write_atomic(folder / "ledger.toml", b"a = 1\n", folder / "backups")
    finally:
        os.umask(old)
    assert (folder / "ledger.toml").read_bytes() == b"a = 1\n"
    assert mode(folder / "ledger.toml") == 0o600
    assert names(folder) == ["ledger.toml"]  # nothing to back up yet, no temp file


def test_write_atomic_replaces_and_backs_up_the_old_version(folder: Path) -> None:
    path = folder / "ledger.toml"
    durable.write_atomic(path, b"a = 1\n", folder / "backups")
    durable.write_atomic(path, b"a = 2\n", folder / "backups")
    assert path.read_bytes() == b"a = 2\n"
    assert names(folder) == ["backups", "ledger.toml"]
    [backup] = (folder / "backups").iterdir()
    assert re.fullmatch(r"ledger\.toml\.\d{6}", backup.name)
    assert backup.read_bytes() == b"a = 1\n"
    assert mode(backup) == 0o600
    assert mode(folder / "backups") == 0o700


def test_write_atomic_without_a_backup_dir_keeps_no_copy(folder: Path) -> None:
    path = folder / "x.toml"
    durable.write_atomic(path, b"1")
    durable.write_atomic(path, b"2")
    assert path.read_bytes() == b"2"
    assert names(folder) == ["x.toml"]


def test_large_content_is_written_whole(folder: Path) -> None:
    data = bytes(range(256)) * 8_192  # 2 MiB, every byte value
    durable.write_atomic(folder / "big", data)
    assert (folder / "big").read_bytes() == data


def test_failed_replace_leaves_the_old_content_and_no_temp_file(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = folder / "ledger.toml"
    durable.write_atomic(path, b"old = true\n")

    def no_space(src: object, dst: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "replace", no_space)
    with pytest.raises(OSError) as caught:
        durable.write_atomic(path, b"new = true\n")
    assert caught.value.errno == errno.ENOSPC
    assert path.read_bytes() == b"old = true\n"
    assert names(folder) == ["ledger.toml"]


def test_failed_fsync_leaves_the_old_content_and_no_temp_file(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = folder / "ledger.toml"
    durable.write_atomic(path, b"old = true\n")

    def broken_disk(fd: int) -> None:
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(os, "fsync", broken_disk)
    with pytest.raises(OSError) as caught:
        durable.write_atomic(path, b"new = true\n")
    assert caught.value.errno == errno.EIO
    monkeypatch.undo()
    assert path.read_bytes() == b"old = true\n"
    assert names(folder) == ["ledger.toml"]


def test_interrupt_while_writing_removes_the_temp_file(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = folder / "ledger.toml"
    durable.write_atomic(path, b"old = true\n")
    real_write = os.write

    def interrupted(fd: int, data: bytes) -> int:
        real_write(fd, bytes(data[:3]))
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "write", interrupted)
    with pytest.raises(KeyboardInterrupt):
        durable.write_atomic(path, b"new = true\n")
    monkeypatch.undo()
    assert path.read_bytes() == b"old = true\n"
    assert names(folder) == ["ledger.toml"]


def test_a_planted_symlink_at_the_temp_path_is_not_followed(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = folder / "ledger.toml"
    durable.write_atomic(path, b"mine = 1\n")
    victim = tmp_path / "victim.txt"
    victim.write_bytes(b"do not touch")
    os.chmod(victim, 0o644)
    fixed_token(monkeypatch)
    planted = folder / f".ledger.toml.deadbeef{layout.TEMP_SUFFIX}"
    planted.symlink_to(victim)
    with pytest.raises(FileExistsError):
        durable.write_atomic(path, b"secret notes\n")
    assert victim.read_bytes() == b"do not touch"
    assert mode(victim) == 0o644
    assert path.read_bytes() == b"mine = 1\n"


def test_a_dangling_symlink_at_the_temp_path_creates_nothing(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = folder / "ledger.toml"
    victim = tmp_path / "would-be-created.txt"
    fixed_token(monkeypatch, "0badf00d")
    (folder / f".ledger.toml.0badf00d{layout.TEMP_SUFFIX}").symlink_to(victim)
    with pytest.raises(FileExistsError):
        durable.write_atomic(path, b"secret notes\n")
    assert not victim.exists()
    assert not path.exists()


def test_a_planted_file_at_the_temp_path_is_not_written_through(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    planted = folder / f".x.toml.deadbeef{layout.TEMP_SUFFIX}"
    planted.write_bytes(b"theirs")
    fixed_token(monkeypatch)
    with pytest.raises(FileExistsError):
        durable.write_atomic(folder / "x.toml", b"mine")
    assert planted.read_bytes() == b"theirs"


def test_the_store_turns_a_planted_symlink_into_a_write_error(
    ledger_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = Store(ledger_home)
    store.create(Book(profile=Profile(name="Sam", promoted_on=date(2026, 10, 5))))
    before = store.book_path.read_bytes()
    victim = tmp_path / "victim.txt"
    victim.write_bytes(b"do not touch")
    fixed_token(monkeypatch)
    (ledger_home / f".ledger.toml.deadbeef{layout.TEMP_SUFFIX}").symlink_to(victim)
    with pytest.raises(LedgerWriteError) as caught:
        with store.change() as draft:
            draft.set_book(Book(profile=Profile(name="Someone else")))
    assert caught.value.message == "could not save ledger.toml: File exists; the file on disk is unchanged."
    assert victim.read_bytes() == b"do not touch"
    assert store.book_path.read_bytes() == before


# -- permissions ---------------------------------------------------------------------------


def test_ensure_private_dir_creates_and_closes(tmp_path: Path) -> None:
    old = os.umask(0o002)
    try:
        durable.ensure_private_dir(tmp_path / "a" / "b")
        (tmp_path / "open").mkdir()
        os.chmod(tmp_path / "open", 0o775)
        durable.ensure_private_dir(tmp_path / "open")
    finally:
        os.umask(old)
    assert mode(tmp_path / "a" / "b") == 0o700
    assert mode(tmp_path / "open") == 0o700


def test_tighten(tmp_path: Path) -> None:
    readable = tmp_path / "readable"
    readable.write_text("x")
    os.chmod(readable, 0o644)
    durable.tighten(readable)
    assert mode(readable) == 0o600
    durable.tighten(tmp_path / "missing")  # no error
    assert not (tmp_path / "missing").exists()


def test_tighten_does_not_follow_symlinks_or_touch_directories(tmp_path: Path) -> None:
    target = tmp_path / "target"
    target.write_text("x")
    os.chmod(target, 0o644)
    (tmp_path / "link").symlink_to(target)
    durable.tighten(tmp_path / "link")
    assert mode(target) == 0o644
    (tmp_path / "dir").mkdir()
    os.chmod(tmp_path / "dir", 0o755)
    durable.tighten(tmp_path / "dir")
    assert mode(tmp_path / "dir") == 0o755


def octal(modes: list[tuple[int, int]]) -> list[str]:
    return [f"{before:04o}-{after:04o}" for before, after in modes]


FOLDERS = [(0o755, 0o700), (0o555, 0o500), (0o500, 0o500), (0o300, 0o300), (0o711, 0o700)]
FILES = [(0o644, 0o600), (0o444, 0o400), (0o400, 0o400), (0o640, 0o600)]


@pytest.mark.parametrize(("before", "after"), FOLDERS, ids=octal(FOLDERS))
def test_an_existing_folder_only_ever_loses_group_and_other_bits(tmp_path: Path, before: int, after: int) -> None:
    folder = tmp_path / "folder"
    folder.mkdir()
    os.chmod(folder, before)
    durable.ensure_private_dir(folder)
    assert mode(folder) == after  # the owner's bits as they were: a read-only folder stays read-only


@pytest.mark.parametrize(("before", "after"), FILES, ids=octal(FILES))
def test_tighten_only_ever_takes_group_and_other_bits_off(tmp_path: Path, before: int, after: int) -> None:
    file = tmp_path / "file"
    file.write_text("x")
    os.chmod(file, before)
    durable.tighten(file)
    assert mode(file) == after


def test_the_lock_file_only_ever_loses_group_and_other_bits(tmp_path: Path) -> None:
    from leadshift.storage import lock

    path = tmp_path / ".lock"
    path.touch()
    os.chmod(path, 0o644)
    with lock.exclusive(path):
        pass
    assert mode(path) == 0o600


@pytest.mark.skipif(os.geteuid() != 0, reason="only root can open a read-only lock file for writing")
def test_a_read_only_lock_file_stays_read_only_even_for_root(tmp_path: Path) -> None:
    from leadshift.storage import lock

    path = tmp_path / ".lock"
    path.touch()
    os.chmod(path, 0o444)
    with lock.exclusive(path):  # the store refuses before this (test_read_only.py); the lock alone adds no bit
        pass
    assert mode(path) == 0o400


# -- backups ---------------------------------------------------------------------------


def test_backup_name() -> None:
    home = Path("/home/sam/ledger")
    assert layout.backup_name(home / "ledger.toml", home) == "ledger.toml"
    assert layout.backup_name(home / "log" / "2026-11.toml", home) == "log-2026-11.toml"


def test_backups_rotate_per_file(folder: Path) -> None:
    backups = folder / "backups"
    book, month = folder / "ledger.toml", folder / "log" / "2026-11.toml"
    durable.ensure_private_dir(month.parent)
    for n in range(layout.BACKUPS_KEPT + 5):
        durable.write_atomic(book, f"version = {n}\n".encode(), backups)
    for n in range(3):
        durable.write_atomic(month, f"month = {n}\n".encode(), backups)
    kept = durable.backups_of(backups, "ledger.toml")
    # Every write but the last left a backup; the last BACKUPS_KEPT of them are kept, oldest first.
    assert [p.read_text() for p in kept] == [f"version = {n}\n" for n in range(4, layout.BACKUPS_KEPT + 4)]
    assert [p.read_text() for p in durable.backups_of(backups, "log-2026-11.toml")] == ["month = 0\n", "month = 1\n"]
    assert len(list(backups.iterdir())) == layout.BACKUPS_KEPT + 2
    assert book.read_text() == f"version = {layout.BACKUPS_KEPT + 4}\n"


def test_backups_are_numbered_in_write_order_not_by_the_clock(folder: Path) -> None:
    # Numbered names keep their order when local time goes back (time zones,
    # daylight saving), so pruning always drops the oldest version.
    kept_count = layout.BACKUPS_KEPT
    path, backups = folder / "ledger.toml", folder / "backups"
    for n in range(kept_count + 2):
        durable.write_atomic(path, f"version = {n}\n".encode(), backups)
    kept = durable.backups_of(backups, "ledger.toml")
    assert [p.read_text() for p in kept] == [f"version = {n}\n" for n in range(1, kept_count + 1)]
    assert [p.name for p in kept][-1] == f"ledger.toml.{kept_count + 1:06d}"


def test_backups_of_a_missing_folder_is_empty(tmp_path: Path) -> None:
    assert durable.backups_of(tmp_path / "nope", "ledger.toml") == []


def test_fsync_dir_on_a_missing_folder_is_a_no_op(tmp_path: Path) -> None:
    durable.fsync_dir(tmp_path / "missing")
    assert not (tmp_path / "missing").exists()
