"""A ledger made read-only stays read-only: every write is refused before anything is written, reads still work.

leadshift goes by the owner's write bit (what `chmod u-w` clears), not by what the system would allow: root may
write anywhere, so the in-process tests below (which CI may run as root) prove the same refusal a person gets,
and one test runs the real command as an unprivileged user, without root's override.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from leadshift.errors import LedgerWriteError
from leadshift.storage.store import Store
from tests.conftest import TODAY
from tests.support.handmade import make_ledger, tree

NOBODY = 65534  # the unprivileged user the setpriv test runs as
NEWEST_BOOK_BACKUP = "ledger.toml.000004"  # make_ledger's: the version before Bob joined, which fits the months


@pytest.fixture
def ledger(cli, ledger_home: Path) -> Path:
    """make_ledger's ledger without its lock and cache: a refused write must not make them either."""
    make_ledger(cli, ledger_home)
    (ledger_home / ".lock").unlink()
    shutil.rmtree(ledger_home / ".cache")
    return ledger_home


def with_lock(home: Path) -> None:
    """Put back the lock any earlier write leaves: only a read-only ledger folder must not get one."""
    (home / ".lock").touch(mode=0o600)


def read_only(*paths: Path) -> None:
    """Take the owner's write bit off, as a person does with `chmod u-w` (0700 -> 0500, 0600 -> 0400)."""
    for path in paths:
        os.chmod(path, path.stat().st_mode & 0o7577)


def refusal(cli, args: list[str]) -> str:
    """Run a write that must be refused: its one error line (exit 1)."""
    result = cli(*args)
    assert result.exit_code == 1, (args, result.stdout, result.stderr)
    assert result.stdout == "", args
    assert len(result.stderr.splitlines()) == 1, result.stderr
    return result.stderr.strip()


def says_read_only(what: str, path: Path, mode: int) -> str:
    return (
        f"Error: {what} {path} is read-only (mode {mode:04o}); nothing was saved. Allow writing with "
        f"`chmod u+w {path}`, or leave it read-only: commands that only read (review, show, check, doctor) still work."
    )


WRITES = {
    "log": ["log", "client", "acme", "1"],
    "client add": ["client", "add", "globex", "--name", "Globex"],
    "teammate edit": ["teammate", "edit", "bob", "--role", "Lead"],
    "restore": ["restore", NEWEST_BOOK_BACKUP],
}


@pytest.mark.parametrize("args", WRITES.values(), ids=WRITES.keys())
def test_a_read_only_ledger_folder_refuses_every_write_and_nothing_changes(cli, ledger: Path, args) -> None:
    read_only(ledger)
    before = tree(ledger)
    assert refusal(cli, args) == says_read_only("the ledger folder", ledger, 0o500)
    assert tree(ledger) == before  # bytes and modes; no lock, cache or temp file made


def test_a_read_only_log_folder_and_month_refuse_a_log_there_and_nothing_changes(cli, ledger: Path) -> None:
    month = ledger / "log" / "2026-11.toml"
    with_lock(ledger)
    read_only(ledger / "log", month)
    before = tree(ledger)
    assert refusal(cli, WRITES["log"]) == says_read_only("the folder", ledger / "log", 0o500)
    assert tree(ledger) == before
    os.chmod(ledger / "log", 0o700)  # the folder writable again, the month still read-only: that is named next
    before = tree(ledger)
    assert refusal(cli, WRITES["log"]) == says_read_only("the file", month, 0o400)
    assert tree(ledger) == before


def test_a_write_that_does_not_touch_the_read_only_part_goes_through(cli, ledger: Path) -> None:
    read_only(ledger / "log", ledger / "log" / "2026-11.toml")
    log_before = {rel: entry for rel, entry in tree(ledger).items() if rel.startswith("log")}
    result = cli(*WRITES["client add"])  # writes ledger.toml only
    assert result.exit_code == 0, result.stderr
    assert {rel: entry for rel, entry in tree(ledger).items() if rel.startswith("log")} == log_before


@pytest.mark.parametrize("args", [WRITES["client add"], WRITES["restore"]], ids=["client add", "restore"])
def test_a_read_only_ledger_toml_refuses_a_write_to_it_and_nothing_changes(cli, ledger: Path, args) -> None:
    with_lock(ledger)
    read_only(ledger / "ledger.toml")
    before = tree(ledger)
    assert refusal(cli, args) == says_read_only("the file", ledger / "ledger.toml", 0o400)
    assert tree(ledger) == before


def test_a_read_only_lock_file_is_refused_as_every_user_would_be(cli, ledger: Path) -> None:
    with_lock(ledger)
    read_only(ledger / ".lock")  # only root could open it to lock: leadshift refuses everyone alike
    before = tree(ledger)
    assert refusal(cli, WRITES["log"]) == says_read_only("the file", ledger / ".lock", 0o400)
    assert tree(ledger) == before


def test_edit_refuses_a_read_only_file_before_opening_the_editor(cli, ledger: Path, monkeypatch) -> None:
    monkeypatch.setenv("EDITOR", "false")  # an editor that fails: it must not even be started
    monkeypatch.delenv("VISUAL", raising=False)
    read_only(ledger / "ledger.toml")
    before = tree(ledger)
    assert refusal(cli, ["edit", "ledger"]) == says_read_only("the file", ledger / "ledger.toml", 0o400)
    assert tree(ledger) == before


def test_a_hand_edit_is_refused_by_the_store_too(ledger: Path) -> None:
    store = Store(ledger)
    read_only(ledger / "log", ledger / "log" / "2026-11.toml")
    before = tree(ledger)
    data = store.month_path("2026-11").read_bytes()
    with pytest.raises(LedgerWriteError) as refused:
        store.replace_by_hand(store.month_path("2026-11"), data, data + b"\n")
    assert refused.value.message.startswith(f"the folder {ledger / 'log'} is read-only (mode 0500)")
    assert tree(ledger) == before


def test_init_in_an_empty_read_only_folder_is_refused(cli, ledger_home: Path) -> None:
    ledger_home.mkdir(mode=0o500)
    before = tree(ledger_home)
    assert refusal(cli, ["init", "--name", "Sam Lee"]) == says_read_only("the ledger folder", ledger_home, 0o500)
    assert tree(ledger_home) == before


# -- reads ----------------------------------------------------------------------------------------------------


def archive(home: Path) -> None:
    """Make the whole ledger read-only, as `chmod -R u-w` does: an archive."""
    read_only(*home.rglob("*"), home)


READS = [
    ["review"],
    ["review", "--week", "2026-W44", "--json"],
    ["show", "--week", "2026-W47"],
    ["check"],
    ["prep", "alice"],
    ["restore"],
    ["client", "list"],
]


def test_reads_work_on_a_read_only_ledger_and_write_nothing_not_even_the_cache(cli, ledger: Path) -> None:
    archive(ledger)
    before = tree(ledger)
    for args in READS:
        result = cli(*args)
        assert result.exit_code == 0, (args, result.stderr)
    assert tree(ledger) == before


def test_doctor_notes_what_is_read_only_without_calling_it_a_problem(cli, ledger: Path) -> None:
    read_only(ledger, ledger / "ledger.toml")
    before = tree(ledger)
    result = cli("doctor")
    assert result.exit_code == 0, result.stdout
    assert result.stdout.splitlines() == [
        f"Note: the ledger folder is read-only (0500): leadshift reads it but refuses every write to it. "
        f"To allow writing: `chmod u+w {ledger}`.",
        f"Note: ledger.toml is read-only (0400): leadshift reads it but refuses every write to it. "
        f"To allow writing: `chmod u+w {ledger / 'ledger.toml'}`.",
        f"The ledger at {ledger} is healthy: ledger.toml and 2 month files (3 records), 5 backups.",
    ]
    report = json.loads(cli("doctor", "--json").stdout)
    assert report["healthy"] is True and report["problems"] == []
    assert [(n["code"], n["file"]) for n in report["notes"]] == [("read-only", "."), ("read-only", "ledger.toml")]
    assert cli("doctor", "--fix").exit_code == 0  # nothing to fix: a read-only file is not a problem
    assert tree(ledger) == before


def test_doctor_fix_takes_only_the_other_users_bits_off_a_read_only_file(cli, ledger: Path) -> None:
    month = ledger / "log" / "2026-11.toml"
    os.chmod(month, 0o444)
    result = cli("doctor")
    assert result.exit_code == 1
    assert "log/2026-11.toml has permissions 0444, not 0400: other users can read it. Fix: run " in result.stdout
    assert f"or `chmod 400 {month}`." in result.stdout
    assert cli("doctor", "--fix").exit_code == 0
    assert month.stat().st_mode & 0o777 == 0o400  # never 0600: the owner's write bit is not leadshift's to add


# -- as an ordinary user --------------------------------------------------------------------------------------


@pytest.fixture
def reachable_home(monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A ledger folder the unprivileged user can reach (pytest's own temp folder is root's alone)."""
    base = Path(tempfile.mkdtemp(prefix="leadshift-read-only-"))
    os.chmod(base, 0o755)
    monkeypatch.setenv("LEADSHIFT_HOME", str(base / "ledger"))
    yield base / "ledger"
    shutil.rmtree(base)


def as_ordinary_user() -> list[str]:
    """How to start leadshift as an ordinary user: directly, or (as root) through setpriv as `nobody`.

    The interpreter running the tests may sit where `nobody` cannot read (a pyenv under /root); then the
    system's python of the same version runs, with this run's import path.
    """
    if os.geteuid() != 0:
        return [sys.executable, "-m", "leadshift"]
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("the tests run as root and setpriv (util-linux) is missing, so no unprivileged run is possible")
    drop = [setpriv, f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups"]
    version = f"python{sys.version_info.major}.{sys.version_info.minor}"
    path = os.pathsep.join(p for p in sys.path if p and not p.startswith(sys.base_prefix))
    on_path = [os.path.join(folder, version) for folder in os.get_exec_path()]
    for python in dict.fromkeys([sys.executable, *filter(os.path.isfile, on_path)]):
        probe = [*drop, "env", f"PYTHONPATH={path}", python, "-c", "import leadshift.cli, pydantic, rich, typer"]
        if subprocess.run(probe, capture_output=True, timeout=60).returncode == 0:
            return [*drop, "env", f"PYTHONPATH={path}", "PYTHONNOUSERSITE=1", python, "-m", "leadshift"]
    pytest.skip(
        f"no python that user {NOBODY} may run can import leadshift (tried {sys.executable} and each {version} on PATH)"
    )


def test_an_ordinary_user_gets_the_same_refusal(cli, reachable_home: Path) -> None:
    make_ledger(cli, reachable_home)
    if os.geteuid() == 0:
        for path in [reachable_home, *reachable_home.rglob("*")]:
            os.chown(path, NOBODY, NOBODY, follow_symlinks=False)  # their own ledger, as in the report
    read_only(reachable_home)
    env = {**os.environ, "LEADSHIFT_HOME": str(reachable_home), "LEADSHIFT_TODAY": TODAY, "NO_COLOR": "1"}
    leadshift = as_ordinary_user()

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [*leadshift, *args], capture_output=True, text=True, env=env, timeout=60, stdin=subprocess.DEVNULL
        )

    before = tree(reachable_home)
    refused = run(*WRITES["log"])
    assert (refused.returncode, refused.stdout) == (1, ""), refused.stderr
    assert refused.stderr.strip() == says_read_only("the ledger folder", reachable_home, 0o500)
    assert tree(reachable_home) == before
    review = run("review")
    assert review.returncode == 0, review.stderr
    assert tree(reachable_home) == before
