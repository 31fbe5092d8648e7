"""Capture everything leadshift prints on the bundled example, to prove a change of code changed no output.

    python tests/support/snapshot_outputs.py before.json                   # with the code before the change
    python tests/support/snapshot_outputs.py after.json --compare before.json

Runs the `leadshift` of this Python (`python -m leadshift`) as real processes,
output piped, on private copies of the example ledger with "today" pinned:
every read command as `--json` and as text for every week (and every day) of
the example, every command's help, a scripted series of writes (with the
ledger files after each), and a set of bad inputs. What differs from run to
run is replaced by placeholders: the temporary folder, new record ids, save
times and backup times. `--compare` prints each case that differs and exits 1.
"""

from __future__ import annotations

import argparse
import difflib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from datetime import date, timedelta
from pathlib import Path

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "ledger"
TODAY = "2026-11-20"  # the Friday after the example's last week
FIRST_DAY, LAST_DAY = date(2026, 10, 5), date(2026, 11, 15)
WEEKS = [f"2026-W{n}" for n in range(40, 48)]  # one before the example to the week of TODAY
COMMANDS = [
    [],
    ["init"],
    ["where"],
    ["demo"],
    ["review"],
    ["yes"],
    ["check"],
    ["show"],
    ["remove"],
    ["undo"],
    ["edit"],
    ["doctor"],
    ["restore"],
    ["log"],
    ["log", "client"],
    ["log", "lead"],
    ["log", "one-on-one"],
    ["log", "escalation"],
    ["handoff"],
    ["handoff", "plan"],
    ["handoff", "status"],
    ["handoff", "advance"],
    ["handoff", "cancel"],
    ["teammate"],
    ["teammate", "add"],
    ["teammate", "list"],
    ["teammate", "edit"],
    ["teammate", "remove"],
    ["client"],
    ["client", "add"],
    ["client", "list"],
    ["client", "edit"],
    ["client", "remove"],
]

# A week of writes on the example, each command's output and the ledger files after it.
WRITES = [
    ["log", "client", "northwind", "2.5", "--note", "Quarterly review prep"],
    ["log", "lead", "coaching", "1h30", "--with", "aiko"],
    ["log", "one-on-one", "aiko", "held"],
    ["log", "one-on-one", "priya", "cancelled", "--because", "northwind", "--date", "yesterday"],
    ["log", "escalation", "marcus", "--asked", "--note", "Refund for Alder"],
    ["yes", "northwind", "Board deck by Monday", "--urgent", "--no", "one-on-one", "--with", "lena"],
    ["yes", "helix", "Extra workshop", "--no", "strategy"],
    ["yes", "kestrel", "Call back", "--no", "nothing"],
    ["yes", "northwind", "Weekend data pull", "--no", "one-on-one", "--with", "tomas", "--cancel-one-on-one"],
    ["show", "--json"],
    ["show"],
    ["undo"],
    ["teammate", "add", "zoe", "--name", "Zoé Martin", "--skills", "Analytics, support", "--growing", "pricing"],
    ["teammate", "edit", "zoe", "--capacity-hours", "12", "--role", "Analyst"],
    ["client", "add", "orchard", "--name", "Orchard & Co", "--needs", "support", "--weekly-hours", "2"],
    ["client", "edit", "orchard", "--owner", "zoe", "--weight", "2"],
    ["client", "edit", "orchard", "--owner", "me"],
    ["client", "remove", "orchard", "--yes"],
    ["teammate", "remove", "zoe", "--yes"],
    ["handoff", "plan", "--save"],
    ["handoff", "plan", "--save"],
    ["handoff", "status", "--json"],
    ["handoff", "status"],
    ["handoff", "advance", "northwind", "--yes"],
    ["handoff", "advance", "northwind", "--date", "2026-11-20", "--yes"],
    ["handoff", "status"],
    ["handoff", "cancel", "kestrel", "--yes"],
    ["review", "--json"],
    ["review"],
    ["check"],
    ["restore", "--json"],
    ["restore"],
    ["restore", "ledger.toml.000002", "--json", "--yes"],
    ["restore", "ledger.toml.000002", "--yes"],
    ["doctor", "--json"],
    ["doctor"],
]

# Bad input: each must fail the same way, with the same message.
BAD = [
    ["log", "client", "nowhere", "2"],
    ["log", "client", "northwnd", "2"],
    ["log", "client", "northwind", "-3"],
    ["log", "client", "northwind", "25"],
    ["log", "client", "northwind", "1h90"],
    ["log", "client", "northwind", "2", "--date", "tomorrow"],
    ["log", "client", "northwind", "2", "--date", "2026-13-01"],
    ["log", "client", "northwind", "2", "--date", "2099-01-01"],
    ["log", "lead", "sleeping", "2"],
    ["log", "lead", "", "2"],
    ["log", "one-on-one", "aiko", "held", "--because", "northwind"],
    ["log", "one-on-one", "aiko", "skipped"],
    ["log", "escalation", "marcus"],
    ["log", "escalation", "marcus", "--asked", "--told"],
    ["log"],
    ["yes", "northwind", "x"],
    ["yes", "northwind", "", "--no", "team"],
    ["yes", "northwind", "x" * 501, "--no", "team"],
    ["yes", "northwind", "x", "--no", "one-on-one"],
    ["yes", "northwind", "x", "--no", "personal", "--with", "aiko"],
    ["yes", "northwind", "x", "--no", "team", "--cancel-one-on-one"],
    ["yes", "northwind", "x", "--no", "vacation"],
    ["show", "--date", "today", "--week", "2026-W46"],
    ["show", "--week", "2026-W99"],
    ["show", "--week", "46"],
    ["review", "--week", "2026-W46", "--date", "today"],
    ["review", "--week", "2026-W52"],
    ["review", "--weeks", "0"],
    ["review", "--json", "--svg", "x.svg"],
    ["check", "--week", "2026-W46", "--since", "2026-11-01"],
    ["check", "--since", "2027-01-01"],
    ["teammate", "add", "me", "--name", "Me"],
    ["teammate", "add", "priya", "--name", "Priya"],
    ["teammate", "add", "Bad Key", "--name", "X"],
    ["teammate", "edit", "priya"],
    ["teammate", "edit", "priya", "--capacity-hours", "-1"],
    ["teammate", "remove", "priya"],
    ["client", "add", "x", "--name", "X", "--weight", "9"],
    ["client", "add", "x", "--name", "X", "--owner", "nobody"],
    ["client", "remove", "northwind"],
    ["client", "edit", "nowhere", "--weight", "2"],
    ["handoff", "advance", "meridian"],
    ["handoff", "advance", "northwind", "--yes"],
    ["handoff", "plan", "--start", "someday"],
    ["remove", "abc"],
    ["remove", "ffffffff"],
    ["restore", "nothing.000001"],
    ["restore", "../ledger.toml.000001"],
    ["edit", "2020-01"],
    ["edit", "sometime"],
    ["init", "--name", "Again"],
    ["--ledger", "", "show"],
    ["frobnicate"],
    ["show", "--frobnicate"],
]

_ID = re.compile(r"\b[0-9a-f]{8}\b")
_SAVED = re.compile(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?")


class Normaliser:
    """Replaces what differs between runs: the ledger folder, ids of new records, save times."""

    def __init__(self, known_ids: set[str]) -> None:
        self.known = known_ids
        self.new: dict[str, str] = {}

    def __call__(self, text: str, home: Path) -> str:
        text = text.replace(str(home), "<LEDGER>").replace(str(home.parent), "<TMP>")
        text = _ID.sub(self._id, text)
        return _SAVED.sub("<TIME>", text)

    def _id(self, match: re.Match[str]) -> str:
        found = match.group(0)
        if found in self.known:
            return found
        return self.new.setdefault(found, f"<id{len(self.new) + 1}>")


def example_ids() -> set[str]:
    return {m for path in EXAMPLE.rglob("*.toml") for m in re.findall(r'id = "([0-9a-f]{8})"', path.read_text())}


def fresh_copy(scratch: Path, name: str) -> Path:
    home = scratch / name
    shutil.copytree(EXAMPLE, home, ignore=shutil.ignore_patterns("backups", ".lock", ".cache", "*.py", "__pycache__"))
    return home


def run(args: list[str], home: Path, today: str = TODAY) -> dict[str, object]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("LEADSHIFT_")}
    env.update(LEADSHIFT_HOME=str(home), LEADSHIFT_TODAY=today, COLUMNS="80", TERM="dumb")
    env.pop("NO_COLOR", None)
    done = subprocess.run(
        [sys.executable, "-m", "leadshift", *args],
        capture_output=True,
        text=True,
        env=env,
        stdin=subprocess.DEVNULL,
        cwd=home.parent,
        timeout=120,
    )
    return {"exit": done.returncode, "stdout": done.stdout, "stderr": done.stderr}


def read_cases() -> list[list[str]]:
    cases: list[list[str]] = [["--version"], ["--help"]] + [[*c, "--help"] for c in COMMANDS]
    for week in WEEKS:
        for command in (["review", "--week", week], ["check", "--week", week], ["show", "--week", week]):
            cases += [[*command, "--json"], command]
    day = FIRST_DAY - timedelta(days=1)
    while day <= LAST_DAY + timedelta(days=1):
        cases += [["show", "--date", day.isoformat(), "--json"], ["show", "--date", day.isoformat()]]
        day += timedelta(days=1)
    cases += [
        ["review"],
        ["review", "--json"],
        ["review", "--date", "2026-11-11", "--weeks", "3"],
        ["review", "--week", "2026-W44", "--weeks", "1", "--json"],
        ["check"],
        ["check", "--since", "2026-10-20"],
        ["check", "--since", "2026-10-20", "--json"],
        ["show"],
        ["teammate", "list"],
        ["teammate", "list", "--json"],
        ["client", "list"],
        ["client", "list", "--json"],
        ["handoff", "plan"],
        ["handoff", "plan", "--json"],
        ["handoff", "plan", "--start", "2027-01-04"],
        ["handoff", "status"],
        ["handoff", "status", "--json"],
        ["doctor"],
        ["doctor", "--json"],
        ["restore"],
        ["restore", "--json"],
        ["where"],
        ["demo"],
        ["log", "client", "--help"],
    ]
    return cases


def ledger_files(home: Path, normalise: Normaliser) -> dict[str, str]:
    files = {}
    for path in sorted(home.rglob("*")):
        rel = path.relative_to(home)
        if path.is_file() and rel.parts[0] not in (".cache",) and path.name != ".lock":
            files[str(rel)] = normalise(path.read_text(errors="replace"), home)
    return files


def capture() -> dict[str, object]:
    found: dict[str, object] = {}
    normalise = Normaliser(example_ids())
    with tempfile.TemporaryDirectory(prefix="leadshift-outputs-") as scratch:
        base = Path(scratch)
        cases = read_cases()
        homes = [fresh_copy(base, f"read-{i}") for i in range(4)]
        with ThreadPoolExecutor(4) as pool:
            results = list(pool.map(lambda item: run(item[1], homes[item[0] % 4]), enumerate(cases)))
        for index, (args, result) in enumerate(zip(cases, results, strict=True)):
            home = homes[index % 4]
            found["read " + " ".join(args)] = {
                k: normalise(v, home) if isinstance(v, str) else v for k, v in result.items()
            }
        home = fresh_copy(base, "writes")
        for step, args in enumerate(WRITES):
            result = run(args, home)
            found[f"write {step:02d} " + " ".join(args)] = {
                **{k: normalise(v, home) if isinstance(v, str) else v for k, v in result.items()},
                "files": ledger_files(home, normalise),
            }
        home = fresh_copy(base, "bad")
        before = ledger_files(home, normalise)
        for args in BAD:
            result = run(args, home)
            found["bad " + " ".join(args)] = {
                k: normalise(v, home) if isinstance(v, str) else v for k, v in result.items()
            }
            assert ledger_files(home, normalise) == before, f"{args} changed the ledger"
        missing = base / "missing"
        for args in (["show"], ["review"], ["log", "client", "x", "1"], ["doctor"], ["restore"], ["edit"]):
            found["no ledger " + " ".join(args)] = {
                k: normalise(v, missing) if isinstance(v, str) else v for k, v in run(args, missing).items()
            }
    return found


def compare(after: dict[str, object], before: dict[str, object]) -> int:
    differing = 0
    for case in sorted(set(before) | set(after)):
        if before.get(case) == after.get(case):
            continue
        differing += 1
        print(f"== {case}")
        old = json.dumps(before.get(case), indent=1, ensure_ascii=False, sort_keys=True).splitlines()
        new = json.dumps(after.get(case), indent=1, ensure_ascii=False, sort_keys=True).splitlines()
        for line in list(difflib.unified_diff(old, new, "before", "after", lineterm="", n=1))[2:40]:
            print(line)
    print(f"{len(after)} cases, {differing} differ")
    return 1 if differing else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("output", type=Path, help="where to write the captured outputs (JSON)")
    parser.add_argument("--compare", type=Path, metavar="BEFORE", help="a capture to compare against")
    args = parser.parse_args()
    found = capture()
    args.output.write_text(json.dumps(found, indent=1, ensure_ascii=False, sort_keys=True) + "\n")
    if args.compare:
        return compare(found, json.loads(args.compare.read_text()))
    print(f"{len(found)} cases written to {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
