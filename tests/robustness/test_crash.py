"""Crash safety: writers killed (SIGKILL) or interrupted (SIGINT, SIGTERM) mid-save never leave a broken ledger.

Real processes make real saves and receive real signals: a writer forked afresh for each kill loops the
numbered saves of `tests.saves` through the real Store and is signalled after a seeded random delay, so
kills fall anywhere in a save (the phase each one hit is counted); other writers are killed at each exact
step of one save; others are real `python -m leadshift log client` commands. After every kill the ledger
must load and validate, hold exactly the state before or after the interrupted save (never a mix), keep
only valid earlier versions in backups/, and take the next write, which clears any temp file left.

`pytest --thorough` runs 200 + 40 SIGKILLs and 100 + 20 SIGINTs at random moments; the default a tenth.
"""

from __future__ import annotations

import contextlib
import json
import os
import random
import select
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from leadshift.errors import NotFound
from leadshift.storage import durable, interrupts, layout, rewind
from leadshift.storage.store import Store
from tests.conftest import Result
from tests.support import saves
from tests.support.forker import PHASES, Forker, Job, phase, steps_since_last_save
from tests.support.snapshot_outputs import EXAMPLE

SEED = 20261120
LONGEST_DELAY = 0.05  # seconds: a writer makes a dozen saves or so before its signal

Cli = Callable[..., Result]


@pytest.fixture
def forker() -> Iterator[Forker]:
    server = Forker()
    yield server
    server.close()


@pytest.fixture
def store(ledger_home: Path) -> Store:
    return saves.create(ledger_home)


def kills(thorough: bool, full: int) -> int:
    return full if thorough else full // 10


def check_survivor(store: Store, cli: Cli, before: int) -> int:
    """The ledger after a writer died making save `before + 1`; returns the save it holds."""
    state = saves.observed(store)  # every file parses and validates, as every command reads it
    last = state.last_save()
    assert last in (before, before + 1), f"the ledger holds save {last}; expected {before} or {before + 1}"
    assert state == saves.expected(last), f"the ledger mixes saves around save {last}"
    saves.backups_are_earlier_versions(store, last)
    shown = cli("show", "--json", "--week", "2026-W47")
    assert shown.exit_code == 0, shown.stderr
    in_week = [r.id for r in state.months.get("2026-11", []) if r.date.day >= 16]
    assert sorted(r["id"] for r in json.loads(shown.stdout)) == sorted(in_week)
    journal_survived(store, last)
    return last


def journal_survived(store: Store, last: int) -> None:
    """The journal held too: undo takes back exactly save `last` (a save killed before it replaced its file is
    passed over), redo puts it back."""
    if last < 0:
        return
    rewind.undo(store)
    assert saves.observed(store) == saves.expected(last - 1), "undo after a crash"
    rewind.redo(store)
    assert saves.observed(store) == saves.expected(last), "redo after a crash"


def next_write_succeeds(store: Store, n: int) -> None:
    """Save n goes through and leaves no temp file, whatever the crash before it left behind."""
    saves.save(store, n)
    assert saves.temp_files(store, cache=True) == []
    assert saves.observed(store) == saves.expected(n)
    assert len(saves.backups(store, saves.written_by(store, n))) <= layout.BACKUPS_KEPT


def signal_at_random(
    sig: signal.Signals, count: int, store: Store, cli: Cli, forker: Forker, tmp_path: Path, figures: Counter[str]
) -> Counter[str]:
    """Signal `count` looping writers at random moments, check each survivor; where the signals landed."""
    chance = random.Random(SEED + sig)
    landed: Counter[str] = Counter()
    trace = tmp_path / "trace"
    n = 0
    for _ in range(count):
        pid = forker.start(Job(str(store.home), n, str(trace)))
        time.sleep(chance.uniform(0, LONGEST_DELAY))
        os.kill(pid, sig)
        code = forker.exit_code()
        done, steps = steps_since_last_save(trace)
        before = n - 1 if done is None else done
        assert code == (130 if sig == signal.SIGINT else -sig), f"the writer ended with {code}"
        if sig == signal.SIGINT:
            # A Ctrl-C is held while a save runs: it never leaves a temp file or a half-made backup.
            assert saves.temp_files(store) == []
            assert saves.stray_backups(store) == []
        last = check_survivor(store, cli, before)
        left_a_temp_file = bool(saves.temp_files(store))
        next_write_succeeds(store, last + 1)
        n = last + 2
        figures[f"{sig.name}s at random moments survived"] += 1
        if sig == signal.SIGKILL:
            landed[phase(steps)] += 1
            figures["SIGKILLs at random moments that left a temp file (the next write removed it)"] += left_a_temp_file
        else:  # where a held Ctrl-C arrived is not visible; what it left is
            landed["the save under way finished" if last > before else "no save under way"] += 1
    for where in sorted(landed, key=lambda where: PHASES.index(where) if where in PHASES else 0):
        figures[f"{sig.name}s at random moments: {where}"] += landed[where]
    return landed


def test_sigkill_at_random_moments(
    store: Store, cli: Cli, forker: Forker, tmp_path: Path, thorough: bool, figures: Counter[str]
) -> None:
    landed = signal_at_random(signal.SIGKILL, kills(thorough, 200), store, cli, forker, tmp_path, figures)
    # The kills fell inside saves, in several of their parts, not only between saves.
    inside = {where: times for where, times in landed.items() if where != "between saves"}
    assert sum(inside.values()) >= sum(landed.values()) // 2
    assert len(inside) >= 3, landed


def test_sigint_at_random_moments(
    store: Store, cli: Cli, forker: Forker, tmp_path: Path, thorough: bool, figures: Counter[str]
) -> None:
    landed = signal_at_random(signal.SIGINT, kills(thorough, 100), store, cli, forker, tmp_path, figures)
    if thorough:  # a hundred interrupts: some during a save, some outside one
        assert len(landed) == 2, landed


# -- at each exact step of one save ------------------------------------------------------------


def ledger_with_full_backups(store: Store) -> int:
    """Saves until the next one writes a month that already has its 10 backups (so it links, replaces, prunes)."""
    n = 0
    while saves.changes_book(n) or len(saves.backups(store, saves.written_by(store, n))) < layout.BACKUPS_KEPT:
        saves.save(store, n)
        n += 1
    return n


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGINT, signal.SIGTERM], ids=lambda s: s.name)
def test_a_signal_at_each_step_of_a_save(
    sig: signal.Signals, store: Store, cli: Cli, forker: Forker, tmp_path: Path, figures: Counter[str]
) -> None:
    n = ledger_with_full_backups(store)
    base = tmp_path / "base"
    shutil.copytree(store.home, base)
    trace = tmp_path / "trace"
    assert forker.run(Job(str(store.home), n, str(trace), once=True)) == 0
    steps = trace.read_text().splitlines()[:-1]  # the last line is "done n"
    assert {"flock ", "encode ", "open journal", "write ", "fsync ", "link ", "replace temp", "prune "} <= set(steps)
    # Step numbers count from 1, like kill_at: a kill "at step s" lands after steps 1 .. s-1 have run.
    entry_opened, entry_replaced = steps.index("open journal") + 1, steps.index("replace journal") + 1
    temp_opened = steps.index("open temp") + 1
    linked = steps.index("link ") + 1
    replaced = steps.index("replace temp") + 1
    save_begins = steps.index("encode ") + 1  # from here the save holds Ctrl-C and SIGTERM until it is done
    for step in range(1, len(steps) + 1):
        shutil.rmtree(store.home)
        shutil.copytree(base, store.home)
        code = forker.run(Job(str(store.home), n, str(trace), once=True, kill_at=step, signal=sig))
        if sig == signal.SIGKILL:
            assert code == -sig
            finished = step > replaced
            temp_left = entry_opened < step <= entry_replaced or temp_opened < step <= replaced
            assert bool(saves.temp_files(store)) == temp_left, steps[step - 1]
            # A backup linked for a replace that never came is a copy of the current file: harmless.
            assert bool(saves.stray_backups(store)) == (linked < step <= replaced), steps[step - 1]
        else:
            assert code == (130 if sig == signal.SIGINT else -sig), steps[step - 1]
            finished = step >= save_begins
            assert saves.temp_files(store) == [], steps[step - 1]
            assert saves.stray_backups(store) == [], steps[step - 1]
        last = check_survivor(store, cli, n - 1)
        assert last == (n if finished else n - 1), f"{sig.name} before step {step} ({steps[step - 1]})"
        next_write_succeeds(store, last + 1)
        figures[f"{sig.name}s at each exact step of a save survived"] += 1


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGINT], ids=lambda s: s.name)
def test_a_signal_at_each_step_of_an_undo(
    sig: signal.Signals, store: Store, forker: Forker, tmp_path: Path, figures: Counter[str]
) -> None:
    n = ledger_with_full_backups(store) + 1
    saves.save(store, n - 1)  # a month save with full backups: undoing it links, replaces and prunes
    base = tmp_path / "base"
    shutil.copytree(store.home, base)
    trace = tmp_path / "trace"
    assert forker.run(Job(str(store.home), 0, str(trace), once=True, undo=True)) == 0
    steps = trace.read_text().splitlines()[:-1]
    assert {"replace journal", "replace temp", "link "} <= set(steps), steps
    for step in range(1, len(steps) + 1):
        shutil.rmtree(store.home)
        shutil.copytree(base, store.home)
        code = forker.run(Job(str(store.home), 0, str(trace), once=True, undo=True, kill_at=step, signal=sig))
        assert code == (-sig if sig == signal.SIGKILL else 130), steps[step - 1]
        assert saves.observed(store) in (saves.expected(n - 1), saves.expected(n - 2)), steps[step - 1]
        # Whether the undo got under way or not, redo then undo work from here.
        with contextlib.suppress(NotFound):
            rewind.redo(store)  # finishes an undo cut short first
        assert saves.observed(store) == saves.expected(n - 1), steps[step - 1]
        rewind.undo(store)
        assert saves.observed(store) == saves.expected(n - 2), steps[step - 1]
        next_write_succeeds(store, n - 1)  # made again, on the ledger as it was before it
        figures[f"{sig.name}s at each exact step of an undo survived"] += 1


# -- real `leadshift log` commands --------------------------------------------------------------


def log_command(n: int) -> list[str]:
    day = f"2026-11-{1 + n % 20:02d}"
    return [sys.executable, "-m", "leadshift", "log", "client", "acme", "0.25", "--date", day, "--note", f"save {n}"]


def logged(store: Store) -> list[str]:
    return sorted(r.note for r in store.load().records())


def signal_log_commands(sig: signal.Signals, count: int, store: Store, cli: Cli, figures: Counter[str]) -> Counter[str]:
    """Signal real `leadshift log client` processes at random moments of their run; how each one ended."""
    chance = random.Random(SEED + 100 + sig)
    started = time.monotonic()
    first = subprocess.run(log_command(0), capture_output=True, text=True, timeout=120)
    assert first.returncode == 0, first.stderr
    usual = time.monotonic() - started  # spread the signals over a whole run, start-up included
    outcomes: Counter[str] = Counter()
    n = 1
    for _ in range(count):
        process = subprocess.Popen(log_command(n), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        time.sleep(chance.uniform(0, 1.25 * usual))
        process.send_signal(sig)
        _, err = process.communicate(timeout=120)
        notes = logged(store)
        assert notes in (sorted(f"save {i}" for i in range(n)), sorted(f"save {i}" for i in range(n + 1))), notes
        finished = len(notes) == n + 1
        if sig == signal.SIGINT:
            # 130: leadshift was interrupted: silently before a save, saying so after one (a save
            # that had begun is finished first); 0: it had finished. Earlier, Python itself stops: -SIGINT with a traceback during the
            # imports, or exit code 1 and "Fatal Python error" (or "Could not import runpy module") while it
            # sets itself up.
            python_start = process.returncode == 1 and err.startswith(("Fatal Python error", "Could not import runpy"))
            assert process.returncode in (0, 130, -signal.SIGINT) or python_start, err
            assert process.returncode != 130 or err == (f"Error: {interrupts.SAVED_MESSAGE}\n" if finished else ""), err
            assert saves.temp_files(store) == []
        else:
            assert process.returncode in (0, -signal.SIGKILL), err
        assert process.returncode != 0 or finished
        outcomes[f"exit code {process.returncode}, {'saved' if finished else 'not saved'}"] += 1
        n += 1 if finished else 0
        repaired = cli("log", "client", "acme", "0.25", "--date", "2026-11-20", "--note", f"save {n}")
        assert repaired.exit_code == 0, repaired.stderr
        assert saves.temp_files(store) == []
        assert logged(store) == sorted(f"save {i}" for i in range(n + 1))
        n += 1
        figures[f"{sig.name}s of real `leadshift log` commands survived"] += 1
    for outcome, times in sorted(outcomes.items()):
        figures[f"{sig.name}s of real `leadshift log` commands: {outcome}"] += times
    return outcomes


@pytest.fixture
def log_ledger(cli: Cli, ledger_home: Path) -> Store:
    assert cli("init", "--name", "Sam Lee").exit_code == 0
    assert cli("client", "add", "acme", "--name", "Acme Ltd").exit_code == 0
    return Store(ledger_home)


def test_sigkill_during_real_log_commands(log_ledger: Store, cli: Cli, thorough: bool, figures: Counter[str]) -> None:
    outcomes = signal_log_commands(signal.SIGKILL, kills(thorough, 40), log_ledger, cli, figures)
    if thorough:  # forty kills: some before the record was saved, some after
        assert {outcome.endswith(", saved") for outcome in outcomes} == {True, False}, outcomes


def test_sigint_during_real_log_commands(log_ledger: Store, cli: Cli, thorough: bool, figures: Counter[str]) -> None:
    outcomes = signal_log_commands(signal.SIGINT, kills(thorough, 20), log_ledger, cli, figures)
    if thorough:  # twenty interrupts: some before the record was saved, some after
        assert {outcome.endswith(", saved") for outcome in outcomes} == {True, False}, outcomes


class _SignalsWhenRead(str):
    """A pattern whose reading by pydantic-core, as it builds a validator, is where a Ctrl-C lands."""

    def __str__(self) -> str:
        os.kill(os.getpid(), signal.SIGINT)
        return str.__str__(self)


def test_a_ctrl_c_while_a_model_builds_acts_after_it_and_leaves_the_model_whole(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """pydantic-core swallows a KeyboardInterrupt raised inside its build and builds a validator that rejects
    every value ("should match pattern '<unprintable str object>'"): a Ctrl-C at start-up read as a broken ledger."""
    from typing import Annotated

    from pydantic import Field

    from leadshift.domain import schema

    monkeypatch.setattr(schema, "build_guard", interrupts.held)  # as the command line sets it
    with pytest.raises(KeyboardInterrupt):

        class Guarded(schema.Strict):
            id: Annotated[str, Field(pattern=_SignalsWhenRead(r"^[0-9a-f]{8}$"))]

    built = next(c for c in schema.Strict.__subclasses__() if c.__name__ == "Guarded")
    assert built(id="a9ea86ae").id == "a9ea86ae"


def test_a_ctrl_c_while_the_ledger_models_build_exits_130_without_blaming_the_ledger(tmp_path: Path) -> None:
    """A real `leadshift show` on the example, its record ids' pattern read as a Ctrl-C lands (as in CI's
    SIGINT test): exit 130 and nothing more, not "Error: log/2026-11.toml, line 4 ... string should match"."""
    ledger = shutil.copytree(EXAMPLE, tmp_path / "ledger", ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    interrupted_build = (
        "import os, signal, sys\n"
        "from typing import Annotated\n"
        "from pydantic import Field\n"
        "from leadshift.domain import schema\n"
        "class SignalsWhenRead(str):\n"
        "    def __str__(self):\n"
        "        os.kill(os.getpid(), signal.SIGINT)\n"
        "        return str.__str__(self)\n"
        "schema.RecordId = Annotated[str, Field(pattern=SignalsWhenRead(r'^[0-9a-f]{8}$'))]\n"
        "sys.argv = ['leadshift', '--ledger', sys.argv[1], 'show']\n"
        "from leadshift.cli import main\n"
        "main()\n"
    )
    ended = subprocess.run([sys.executable, "-c", interrupted_build, str(ledger)], capture_output=True, text=True)
    assert (ended.returncode, ended.stderr) == (130, "")


def test_a_ctrl_c_during_a_save_says_the_change_was_saved(
    cli: Cli, team: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without a word, someone who pressed Ctrl-C would think nothing was logged, and log it again."""
    real_write_atomic = durable.write_atomic

    def interrupted_meanwhile(*args: object, **kwargs: object) -> None:
        os.kill(os.getpid(), signal.SIGINT)  # held until the save is done
        real_write_atomic(*args, **kwargs)  # type: ignore[arg-type]

    with monkeypatch.context() as patch:
        patch.setattr(durable, "write_atomic", interrupted_meanwhile)
        result = cli("log", "client", "acme", "1.5", "--date", "2026-11-19")
    assert result.exit_code == 130
    assert result.stderr == (
        "Error: interrupted (Ctrl-C) just after saving: the change is in the ledger; `leadshift show` lists it.\n"
    )
    assert [r.hours for r in Store(team).load().records()] == [1.5]


def test_a_ctrl_c_during_a_save_waits_for_it_when_another_thread_could_take_the_signal(
    cli: Cli, team: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A blocked signal goes to any thread that does not block it: SciPy's BLAS threads, once `handoff plan` ran."""
    real_write_atomic = durable.write_atomic
    # Python's C-level handler writes each signal it takes, in whichever thread, to the wakeup fd. Waiting
    # for that byte keeps the signal inside the save: on a loaded machine `other` may otherwise be scheduled
    # to take it only after the save, and a KeyboardInterrupt then stops the test run itself.
    taken, told = os.pipe()
    os.set_blocking(told, False)
    sent: list[int] = []

    def interrupted_meanwhile(*args: object, **kwargs: object) -> None:
        if not sent:
            sent.append(signal.SIGINT)
            os.kill(os.getpid(), signal.SIGINT)  # with the main thread blocking it, the kernel hands it to `other`
            assert select.select([taken], [], [], 30)[0], "no thread took the Ctrl-C"
        real_write_atomic(*args, **kwargs)  # type: ignore[arg-type]

    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    before = signal.set_wakeup_fd(told, warn_on_full_buffer=False)
    try:
        with monkeypatch.context() as patch:
            patch.setattr(durable, "write_atomic", interrupted_meanwhile)
            result = cli("log", "client", "acme", "1.5", "--date", "2026-11-19")
    finally:
        signal.set_wakeup_fd(before)
        os.close(taken)
        os.close(told)
        stop.set()
        other.join()
    assert result.exit_code == 130
    assert [r.hours for r in Store(team).load().records()] == [1.5]
    assert not list(team.rglob(f"*{layout.TEMP_SUFFIX}"))
