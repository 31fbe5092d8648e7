"""A fork server for the crash tests: a fresh writer process per kill, in milliseconds instead of a Python start-up.

The server (`python -c "from tests.support.forker import serve; serve()"`) imports leadshift once, then for each
job it reads on stdin forks a child that makes the numbered saves of `tests.saves` through the real
Store, one after another, noting each step and each finished save in a trace file. The test signals the
child by pid (a real SIGKILL or SIGINT to a real process); the server reaps it and reports its exit code.
"""

from __future__ import annotations

import json
import os
import select
import signal
import subprocess
import sys
import traceback
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
STARTUP_TIMEOUT = 120.0  # seconds; generous, other test runs share the two cores


@dataclass(frozen=True)
class Job:
    home: str
    start: int  # the number of the first save to make
    trace: str
    once: bool = False  # stop after one save instead of looping until killed
    kill_at: int = 0  # send `signal` to itself just before this step (1-based; 0: never)
    signal: int = signal.SIGKILL
    undo: bool = False  # run one `undo` instead of saves


def serve() -> None:
    from tests.support import saves, syscalls  # noqa: F401  (imported once here, inherited by every child)

    # Held here and in each child until it is inside its `try`: a Ctrl-C a child gets at once must not
    # escape into this loop (where the child would go on as a second server).
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    for line in sys.stdin:
        job = Job(**json.loads(line))
        pid = os.fork()
        if pid == 0:
            code = 1
            try:
                code = _child(job)
            finally:
                os._exit(code)  # never back into this loop
        print(pid, flush=True)
        _, status = os.waitpid(pid, 0)
        print(os.waitstatus_to_exitcode(status), flush=True)


def _child(job: Job) -> int:
    from leadshift.storage import rewind
    from leadshift.storage.store import Store
    from tests.support import saves, syscalls

    write = os.write  # the real one: the trace is not part of a save
    trace = os.open(job.trace, os.O_WRONLY | os.O_APPEND)  # made empty by `Forker.start`
    steps = 0

    def hook(name: str, args: tuple[object, ...]) -> None:
        nonlocal steps
        steps += 1
        write(trace, f"{name} {syscalls.opened(args) if name in ('open', 'replace') else ''}\n".encode())
        if steps == job.kill_at:
            os.kill(os.getpid(), job.signal)

    try:
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
        syscalls.install(hook)
        store = Store(Path(job.home))
        if job.undo:
            rewind.undo(store)
            write(trace, b"done undo\n")
            return 0
        n = job.start
        while True:
            saves.save(store, n)
            write(trace, f"done {n}\n".encode())
            n += 1
            if job.once:
                return 0
    except KeyboardInterrupt:
        return 130  # the shell's code for Ctrl-C, as `leadshift` exits
    except BaseException:
        traceback.print_exc()
        return 1


class Forker:
    """The test's end: start jobs, signal their process, collect exit codes."""

    def __init__(self) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-c", "from tests.support.forker import serve; serve()"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            cwd=ROOT,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
        )
        self._pending = b""

    def start(self, job: Job) -> int:
        """Fork a writer for `job`; its pid."""
        Path(job.trace).write_bytes(b"")  # here, not in the child: a child killed at once leaves it empty
        assert self.process.stdin is not None
        self.process.stdin.write(json.dumps(job.__dict__) + "\n")
        self.process.stdin.flush()
        return int(self._line())

    def exit_code(self) -> int:
        """Wait for the writer started last; its exit code (negative: the signal that ended it)."""
        return int(self._line())

    def run(self, job: Job) -> int:
        self.start(job)
        return self.exit_code()

    def close(self) -> None:
        assert self.process.stdin is not None
        self.process.stdin.close()
        assert self.process.wait(timeout=STARTUP_TIMEOUT) == 0

    def _line(self) -> str:
        # Our own buffer over the raw pipe: select() on a buffered file misses lines already read ahead.
        assert self.process.stdout is not None
        fd = self.process.stdout.fileno()
        while b"\n" not in self._pending:
            ready, _, _ = select.select([fd], [], [], STARTUP_TIMEOUT)
            assert ready, "the fork server did not answer"
            chunk = os.read(fd, 4096)
            assert chunk, f"the fork server stopped (exit code {self.process.poll()})"
            self._pending += chunk
        line, _, self._pending = self._pending.partition(b"\n")
        return line.decode()


def steps_since_last_save(trace: Path) -> tuple[int | None, list[tuple[str, str]]]:
    """The last save the trace says finished, and the steps that ran after it (name, what was opened)."""
    done: int | None = None
    steps: list[tuple[str, str]] = []
    for line in trace.read_text().splitlines():
        name, _, detail = line.partition(" ")
        if name == "done":
            done, steps = int(detail), []
        else:
            steps.append((name, detail))
    return done, steps


PHASES = ("between saves", "lock", "read and validate", "journal", "temp write", "fsync", "backup", "replace")
PHASES += ("dir fsync",)
PHASES += ("prune", "unlock")


def phase(steps: list[tuple[str, str]]) -> str:
    """The part of a save that the last step started belongs to."""
    current, opens, closes = "between saves", 0, 0
    for name, opened in steps:
        if name == "open":
            opens += 1
            current = {"lock": "lock", "journal": "journal", "temp": "temp write", "backups": "backup"}.get(
                opened, "dir fsync"
            )
        elif current == "journal" and name in ("write", "fsync", "close", "replace"):
            closes += name == "close"  # the entry is written as every file is: temp, fsync, replace
        elif name == "close":
            closes += 1
            current = "unlock" if closes == opens else current  # the lock is opened first, closed last
        elif name == "flock":
            current = "lock"
        elif name in ("decode", "encode"):
            current = "read and validate"
        elif name == "fsync" and current == "temp write":
            current = "fsync"
        elif name in ("link", "replace", "prune"):
            current = {"link": "backup", "replace": "replace", "prune": "prune"}[name]
    return current
