"""I/O faults: whatever system call fails during a save, the command says so in one line and changes nothing.

Through the real CLI, the Nth open, write, fsync, close, replace or link of a writing command fails
(N = 1, 2, ... until the command succeeds); then real limits: a file-size limit (RLIMIT_FSIZE), a
filesystem without hard links, and a full disk (a tiny tmpfs, where this machine lets us mount one).
Each failed run must exit 1 with one `Error: ...` line saying what went wrong, leave every ledger file
byte-for-byte as it was, and leave no temp file behind.
"""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
import sys
import textwrap
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from leadshift.cli.app import register
from leadshift.storage import durable, layout
from leadshift.storage.store import Store
from tests.conftest import TODAY, Result, snapshot
from tests.support import syscalls

Cli = Callable[..., Result]

DISK_FULL = "the disk is full (free some space, then try again)"
QUOTA_USED = "your disk quota is used up (free some space, then try again)"
TOO_LARGE = "the file would be larger than this system allows (see `ulimit -f`)"

# The call that fails, the error it fails with, and how the message puts that error.
FAULTS = [
    ("open", errno.ENOSPC, DISK_FULL),
    ("write", errno.ENOSPC, DISK_FULL),
    ("write", errno.EDQUOT, QUOTA_USED),
    ("write", errno.EFBIG, TOO_LARGE),
    ("fsync", errno.EIO, "Input/output error"),
    ("close", errno.EIO, "Input/output error"),
    ("replace", errno.EACCES, "Permission denied"),
    ("link", errno.EPERM, "Operation not permitted"),
]

RECORD = "0000abcd"
# A writing command of each kind, and the file it replaces.
COMMANDS = {
    "log client": (["log", "client", "acme", "1.5", "--note", "renewal deck"], "log/2026-11.toml"),
    "teammate add": (["teammate", "add", "carol", "--name", "Carol Diaz", "--skills", "pricing"], "ledger.toml"),
    "handoff plan --save": (["handoff", "plan", "--save"], "ledger.toml"),
    "remove": (["remove", RECORD], "log/2026-11.toml"),
}


# Sam leads Alice, still serves Acme himself (so a handoff plan has something to save), and has
# logged two records in November (so saving the month replaces a file and keeps a backup).
SETUP = [
    ["init", "--name", "Sam Lee", "--promoted-on", "2026-10-05"],
    ["teammate", "add", "alice", "--name", "Alice Martin", "--skills", "negotiation", "--capacity-hours", "30"],
    ["client", "add", "acme", "--name", "Acme Ltd", "--weight", "4", "--weekly-hours", "6", "--needs", "negotiation"],
    ["log", "client", "acme", "1", "--date", "2026-11-18", "--note", "kick-off"],
    ["log", "client", "acme", "1", "--date", "2026-11-18", "--note", "follow-up"],
]


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Made once and copied for each test: each save fsyncs, and the machine is shared."""
    home = tmp_path_factory.mktemp("template") / "ledger"
    runner, app = CliRunner(), register()
    for args in SETUP:
        result = runner.invoke(app, args, env={"LEADSHIFT_HOME": str(home), "LEADSHIFT_TODAY": TODAY})
        assert result.exit_code == 0, (args, result.output)
    month = home / "log" / "2026-11.toml"
    first = Store(home).load().records()[0].id
    month.write_text(month.read_text().replace(first, RECORD))  # an id the tests can name
    return home


@pytest.fixture
def ledger(template: Path, ledger_home: Path) -> Path:
    shutil.copytree(template, ledger_home)
    return ledger_home


def temp_files(home: Path) -> list[Path]:
    return sorted(home.rglob(f"*{layout.TEMP_SUFFIX}"))


class Fault:
    """Fails the `nth` call of `call` with `code`; notes what that call was for."""

    def __init__(self, call: str, code: int, nth: int) -> None:
        self.call, self.code, self.nth = call, code, nth
        self.seen = 0
        self.target = ""  # for an open: "lock", "temp", "backups" or "folder"

    @property
    def injected(self) -> bool:
        return self.seen >= self.nth

    def __call__(self, name: str, args: tuple[object, ...]) -> None:
        if name != self.call:
            return
        self.seen += 1
        if self.seen == self.nth:
            self.target = syscalls.opened(args) if name == "open" else ""
            if name == "close":
                os.close(args[0])  # as on Linux: the descriptor is released even when close reports an error
            raise OSError(self.code, os.strerror(self.code))


def expected_errors(fault: Fault, home: Path, written: str, reason: str) -> set[str]:
    if fault.target == "lock":
        return {f"Error: cannot open the lock file {home / '.lock'}: {reason}.\n"}
    return {
        f"Error: could not write the journal entry for this change: {reason}; nothing was saved.\n",
        f"Error: could not save {written}: {reason}; the file on disk is unchanged.\n",
    }


def without_hard_links(hook: syscalls.Hook) -> syscalls.Hook:
    """`hook` on a filesystem that refuses hard links (FAT, exFAT, some network shares): backups are copies."""

    def hooked(name: str, args: tuple[object, ...]) -> None:
        if name == "link":
            raise OSError(errno.EPERM, os.strerror(errno.EPERM))
        hook(name, args)

    return hooked


# Each fault on a filesystem with hard links and on one without, where backups are copies (so the copy's
# own open, write, fsync and close fail too); a link cannot fail where there are none.
CASES = [
    pytest.param(call, code, reason, links, id=f"{call}-{errno.errorcode[code]}-{'links' if links else 'no links'}")
    for call, code, reason in FAULTS
    for links in (True, False)
    if links or call != "link"
]


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize(("call", "code", "reason", "links"), CASES)
def test_the_nth_call_fails_until_the_command_succeeds(
    command: str,
    call: str,
    code: int,
    reason: str,
    links: bool,
    ledger: Path,
    cli: Cli,
    monkeypatch: pytest.MonkeyPatch,
    figures: Counter[str],
) -> None:
    args, written = COMMANDS[command]
    before = snapshot(ledger)
    for nth in range(1, 30):
        fault = Fault(call, code, nth)
        with monkeypatch.context() as patched:
            syscalls.install(fault if links else without_hard_links(fault), patched.setattr)
            result = cli(*args)
        figures[f"I/O faults injected through the CLI ({call})"] += fault.injected
        if result.exit_code == 0:
            break
        assert fault.injected, result.stderr  # the command fails only because of the fault
        assert result.exit_code == 1
        assert result.stderr in expected_errors(fault, ledger, written, reason)
        assert result.stdout == ""
        assert snapshot(ledger) == before
        assert temp_files(ledger) == []
    else:
        pytest.fail("the command never succeeded")
    # The first run that succeeds had no fault left to meet, or met one that cannot undo a save (a folder's
    # fsync after the replace) or has a way round (no hard link: the backup is copied).
    after = snapshot(ledger)
    assert after[written] != before[written]
    changed = {name for name in after if after.get(name) != before.get(name) and "backups" not in name}
    assert changed == {written, f"journal/{layout.journal_name(len(SETUP))}"}  # and the change, for undo
    Store(ledger).load()  # every file reads back and validates (or this raises)
    assert temp_files(ledger) == []


@pytest.mark.parametrize(("call", "code", "reason", "links"), CASES)
def test_an_undo_cut_short_by_a_fault_is_finished_later(
    call: str,
    code: int,
    reason: str,
    links: bool,
    ledger: Path,
    cli: Cli,
    monkeypatch: pytest.MonkeyPatch,
    figures: Counter[str],
) -> None:
    """The Nth call of an undo fails: one line, and the ledger is then as before it or as after it; a redo
    (which finishes an undo cut short first) and an undo end where one undo would have."""
    assert cli(*COMMANDS["log client"][0]).exit_code == 0  # the change to undo (the template's own id was set by hand)
    base = ledger.with_name("base")
    shutil.copytree(ledger, base)
    assert cli("undo").exit_code == 0
    undone = snapshot(ledger)["log/2026-11.toml"]
    for nth in range(1, 30):
        shutil.rmtree(ledger)
        shutil.copytree(base, ledger)
        fault = Fault(call, code, nth)
        with monkeypatch.context() as patched:
            syscalls.install(fault if links else without_hard_links(fault), patched.setattr)
            result = cli("undo")
        figures[f"I/O faults injected into undo ({call})"] += fault.injected
        if result.exit_code == 0:
            break
        assert fault.injected, result.stderr
        assert (result.exit_code, result.stdout) == (1, "")
        assert result.stderr.startswith("Error: ") and result.stderr.count("\n") == 1
        assert reason in result.stderr
        Store(ledger).load()  # valid whatever was left
        cli("redo")  # nothing to redo, or the undo is finished first and then redone
        assert cli("undo").exit_code == 0
        assert snapshot(ledger)["log/2026-11.toml"] == undone
        assert temp_files(ledger) == []
    else:
        pytest.fail("undo never succeeded")


def test_without_hard_links_the_backup_is_a_whole_copy(ledger: Path, cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    old = (ledger / "log" / "2026-11.toml").read_bytes()
    with monkeypatch.context() as patched:
        syscalls.install(without_hard_links(lambda name, args: None), patched.setattr)
        assert cli("log", "client", "acme", "1", "--note", "copied").exit_code == 0
    newest = durable.backups_of(ledger / "backups", "log-2026-11.toml")[-1]
    assert newest.read_bytes() == old
    assert newest.stat().st_ino != (ledger / "log" / "2026-11.toml").stat().st_ino
    assert oct(newest.stat().st_mode & 0o777) == "0o600"


# -- real limits, in real processes -------------------------------------------------------------

LIMITED = textwrap.dedent(
    """
    import errno, os, resource, runpy, sys

    limit, links = int(sys.argv[1]), sys.argv[2] == "links"
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))  # CPython ignores SIGXFSZ: writes get EFBIG
    if not links:  # a filesystem without hard links (FAT, exFAT, some network shares)
        def no_link(*args, **kwargs):
            raise OSError(errno.EPERM, os.strerror(errno.EPERM))
        os.link = no_link
    sys.argv = ["leadshift", *sys.argv[3:]]
    runpy.run_module("leadshift", run_name="__main__", alter_sys=True)
    """
)


def run_limited(limit: int, links: bool, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", LIMITED, str(limit), "links" if links else "no-links", *args],
        capture_output=True,
        text=True,
        timeout=120,
        stdin=subprocess.DEVNULL,
    )


def test_a_file_size_limit_fails_the_save_cleanly(ledger: Path, figures: Counter[str]) -> None:
    month = ledger / "log" / "2026-11.toml"
    before = snapshot(ledger)
    result = run_limited(month.stat().st_size, True, "log", "client", "acme", "1", "--note", "one more")
    figures["real I/O faults (file-size limit, disk full)"] += 1
    assert (result.returncode, result.stdout) == (1, "")
    # The journal's entry (the month before and after) is the first and largest file a save writes.
    assert (
        result.stderr == f"Error: could not write the journal entry for this change: {TOO_LARGE}; nothing was saved.\n"
    )
    assert snapshot(ledger) == before
    assert temp_files(ledger) == []


@pytest.fixture
def tiny_disk(tmp_path: Path) -> Iterator[Path]:
    """A 256 KiB tmpfs, where this machine allows mounting one (root, not in every container)."""
    mount = tmp_path / "disk"
    mount.mkdir()
    try:
        result = subprocess.run(
            ["mount", "-t", "tmpfs", "-o", "size=256k,mode=0700", "tmpfs", str(mount)], capture_output=True, text=True
        )
    except OSError as error:
        pytest.skip(f"cannot mount a tmpfs: {error}")
    if result.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs: {result.stderr.strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", str(mount)], check=True)


def fill(disk: Path) -> Path:
    """Write a file until the disk refuses another byte."""
    filler = disk / "filler"
    with filler.open("wb", buffering=0) as out:
        try:
            while True:
                out.write(b"\0" * 4096)
        except OSError as error:
            assert error.errno == errno.ENOSPC
    return filler


def test_a_full_disk_fails_the_save_and_says_so(
    tiny_disk: Path, cli: Cli, monkeypatch: pytest.MonkeyPatch, figures: Counter[str]
) -> None:
    home = tiny_disk / "ledger"
    monkeypatch.setenv("LEADSHIFT_HOME", str(home))
    assert cli("init", "--name", "Sam Lee").exit_code == 0
    assert cli("client", "add", "acme", "--name", "Acme Ltd").exit_code == 0
    assert cli("log", "client", "acme", "1", "--note", "before the disk filled up").exit_code == 0
    filler = fill(tiny_disk)
    before = snapshot(home)
    for args in (["log", "client", "acme", "2", "--note", "lost?"], ["client", "add", "globex", "--name", "Globex"]):
        result = cli(*args)
        figures["real I/O faults (file-size limit, disk full)"] += 1
        assert result.exit_code == 1
        assert (
            result.stderr
            == f"Error: could not write the journal entry for this change: {DISK_FULL}; nothing was saved.\n"
        )
        assert snapshot(home) == before
        assert temp_files(home) == []
    filler.unlink()
    assert cli("log", "client", "acme", "2", "--note", "saved once there is room").exit_code == 0
    assert [r.note for r in Store(home).load().records()] == ["before the disk filled up", "saved once there is room"]
