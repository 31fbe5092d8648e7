"""Count the keys typed to log a day, on a real pseudo-terminal (issue 16's targets; measured, not timed).

    python -m tests.support.keystrokes

Runs `leadshift log` on a copy of the example ledger (Monday 2026-11-16: Aiko
and Marcus due) and `leadshift log --calendar` on the tests' Google calendar,
answering from a script; prints each session as it appears (colours taken out)
and the keys typed, Enter included.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pexpect

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "src" / "leadshift" / "example"
GOOGLE = ROOT / "tests" / "data" / "calendars" / "google.ics"
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")

# (what the prompt shows, what is typed): a typical day, two clients, two activities, Marcus's 1:1 held.
TYPICAL = [
    ("Which day", ""),
    ("Start from", ""),
    ("Brightpath", ""),
    ("Harbor", ""),
    ("Helix", "2"),
    ("Kestrel", ""),
    ("Northwind", "3"),
    ("coaching", "1"),
    ("team", ""),
    ("hiring", ""),
    ("strategy", "1"),
    ("learning", ""),
    ("admin", ""),
    ("Aiko", ""),
    ("Marcus", "h"),
    ("Action items", ""),
    ("Anything else", ""),
    ("Save", ""),
]
WITH_HOURS = [(shown, "h 1" if shown == "Marcus" else typed) for shown, typed in TYPICAL]  # hours typed
SAME_AS_LAST = [("Which day", ""), ("Start from", "a"), ("Aiko", ""), ("Marcus", "h"), ("Action items", "")]
SAME_AS_LAST += [("Anything else", ""), ("Save", "")]
CALENDAR = [("Lunch with Pat", ""), ("because of which client", "acme"), ("Save", "")]


def run(home: Path, args: list[str], script: list[tuple[str, str]], env: dict[str, str]) -> tuple[str, int]:
    """The session as shown, and the keys typed (each answer and its Enter)."""
    child = pexpect.spawn(
        sys.executable,
        ["-m", "leadshift", *args],
        env={**os.environ, **env, "LEADSHIFT_HOME": str(home), "COLUMNS": "120"},
        encoding="utf-8",
        timeout=20,
        dimensions=(60, 120),
    )
    shown: list[str] = []
    child.logfile_read = _Collect(shown)
    for prompt, typed in script:
        child.expect(re.escape(prompt))
        child.sendline(typed)
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0, "".join(shown)
    return ANSI.sub("", "".join(shown)).replace("\r\n", "\n"), sum(len(typed) + 1 for _, typed in script)


class _Collect:
    def __init__(self, into: list[str]) -> None:
        self.into = into

    def write(self, text: str) -> None:
        self.into.append(text)

    def flush(self) -> None:
        pass


def team_ledger(home: Path) -> None:
    """The tests' team (conftest's TEAM_SETUP) with the addresses the test calendars use."""
    from tests.calendar.support import ADDRESSES
    from tests.conftest import TEAM_SETUP

    env = {**os.environ, "LEADSHIFT_HOME": str(home), "LEADSHIFT_TODAY": "2026-11-20"}
    for args in (*TEAM_SETUP, *ADDRESSES):
        subprocess.run([sys.executable, "-m", "leadshift", *args], env=env, check=True, capture_output=True)


def main() -> None:
    with tempfile.TemporaryDirectory() as scratch:
        for name, script in (("typical day", TYPICAL), ("hours typed", WITH_HOURS), ("same as last", SAME_AS_LAST)):
            home = Path(scratch) / name.replace(" ", "-")
            shutil.copytree(EXAMPLE, home)
            shown, keys = run(home, ["log"], script, {"LEADSHIFT_TODAY": "2026-11-16"})
            print(f"--- {name}: {keys} keystrokes\n{shown}")
        home = Path(scratch) / "calendar"
        team_ledger(home)
        env = {"LEADSHIFT_TODAY": "2026-11-20", "TZ": "Europe/Berlin"}
        shown, keys = run(home, ["log", "--calendar", str(GOOGLE)], CALENDAR, env)
        print(f"--- calendar: {keys} keystrokes\n{shown}")


if __name__ == "__main__":
    main()
