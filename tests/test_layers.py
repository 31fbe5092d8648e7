"""The house stays as built: which package may import which, who may touch files, one home per name and rule.

Read from the source with `ast` (nothing is imported), so a lazy import inside
a function, or one under TYPE_CHECKING, counts like any other. The rules are
those of the map of the packages in docs/architecture.md; each check also runs on a small
made-up package, to show it catches what it is there to catch.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

SOURCE = Path(__file__).resolve().parents[1] / "src" / "leadshift"

# Which packages each package may import (besides itself, `leadshift.errors` and the package face).
MAY_IMPORT = {
    "domain": set(),
    "reports": {"domain"},
    "handoff": {"domain"},
    "export": {"domain", "reports"},
    "storage": {"domain"},
    "recovery": {"storage", "domain"},
    "calendar": {"domain"},
    "render": {"domain", "reports", "handoff", "recovery", "calendar"},
    "cli": {"domain", "reports", "handoff", "storage", "recovery", "render", "calendar"},
    "errors": set(),
    "__main__": {"cli"},
}
# The pure packages: no terminal, no command line, no files, no environment, no clock.
PURE = {"domain", "reports", "handoff", "calendar"}
NOT_IN_PURE = {"rich", "typer", "os", "pathlib", "shutil", "subprocess", "tempfile", "io", "sys", "fcntl", "time"}
NOT_IN_RENDER = {"typer", "os", "shutil", "subprocess", "tempfile", "fcntl"}
CLOCK = {("date", "today"), ("datetime", "now"), ("datetime", "today"), ("time", "time")}
# What opens, copies, links, changes permissions of, locks or lists files: storage's job alone.
FILE_FUNCTIONS = {
    ("os", name)
    for name in (
        "open",
        "chmod",
        "fchmod",
        "link",
        "symlink",
        "replace",
        "rename",
        "unlink",
        "remove",
        "mkdir",
        "listdir",
    )
} | {("shutil", "*"), ("fcntl", "*"), ("tempfile", "mkstemp")}
FILE_METHODS = {
    "read_bytes", "read_text", "write_bytes", "write_text", "chmod", "unlink", "mkdir", "iterdir", "glob", "rglob",
    "touch", "symlink_to", "hardlink_to", "rmdir",
}  # fmt: skip
# Files outside any ledger folder that the command line itself handles, and why.
OWN_FILES = {
    "cli/editor.py": "the private copy `leadshift edit` opens in the editor, in a new temporary folder",
    "cli/edit.py": "reads that private copy back after the editor closes",
    "cli/exports.py": "the SVG or HTML file the user names for `review --svg/--html` (refused inside the ledger)",
    "cli/calendar_day.py": "the calendar file (.ics) the user names for `log --calendar`, or their profile's",
}
LAYOUT_NAMES = {"ledger.toml", "backups", ".lock", ".cache", "index.json", ".tmp", "before-schema-"}
MAX_LINES = 400
# `leadshift export` (issue 17): a pure package, like the reports it draws on; the command line writes its file.
PURE.add("export")
MAY_IMPORT["cli"].add("export")


@dataclass(frozen=True)
class Module:
    rel: str  # `storage/store.py`
    package: str  # `storage`, or `errors` / `__init__` / `__main__` for the top-level modules
    tree: ast.Module
    lines: int

    @property
    def name(self) -> str:
        return "leadshift." + self.rel.removesuffix(".py").removesuffix("/__init__").replace("/", ".")


def modules(root: Path) -> list[Module]:
    found = []
    for path in sorted(root.rglob("*.py")):
        rel = str(path.relative_to(root))
        package = rel.split("/")[0].removesuffix(".py") if "/" in rel else rel.removesuffix(".py")
        text = path.read_text(encoding="utf-8")
        found.append(Module(rel, package, ast.parse(text), text.count("\n")))
    return found


def imports(module: Module, *, names: bool = False) -> Iterator[tuple[str, int]]:
    """Every module it imports (absolute names), with the line, wherever the import stands.

    `names`: also each name imported from a module (`from leadshift.storage import durable` imports
    the module leadshift.storage.durable), for the cycles.
    """
    for node in ast.walk(module.tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name, node.lineno
        elif isinstance(node, ast.ImportFrom) and node.module:
            if node.module == "leadshift" or names:
                yield from ((f"{node.module}.{alias.name}", node.lineno) for alias in node.names)
            if node.module != "leadshift":
                yield node.module, node.lineno


def forbidden_imports(found: list[Module]) -> list[str]:
    problems = []
    for module in found:
        allowed = MAY_IMPORT.get(module.package)
        for name, line in imports(module):
            top = name.split(".")[0]
            if top != "leadshift":
                if module.package in PURE and top in NOT_IN_PURE:
                    problems.append(
                        f"{module.rel}:{line} imports {name}: the pure packages touch no files, terminal or clock"
                    )
                if module.package == "render" and top in NOT_IN_RENDER:
                    problems.append(f"{module.rel}:{line} imports {name}: render only draws results")
                continue
            parts = name.split(".")
            if len(parts) < 2 or parts[1] in ("errors", "__version__", module.package) or allowed is None:
                continue
            if parts[1] not in allowed:
                problems.append(f"{module.rel}:{line} imports {name}: {module.package} may not import {parts[1]}")
    return problems


def cycles(found: list[Module]) -> list[str]:
    """Each cycle of imports between leadshift's modules, once."""
    names = {m.name for m in found}
    edges: dict[str, set[str]] = {m.name: set() for m in found}
    for module in found:
        for name, _ in imports(module, names=True):
            while name and name not in names:  # `leadshift.storage.layout.Layout` -> `leadshift.storage.layout`
                name = name.rpartition(".")[0]
            if name and name != module.name and not module.name.startswith(name + "."):  # a package's face
                edges[module.name].add(name)
    seen: set[str] = set()
    found_cycles = []

    def visit(node: str, path: list[str]) -> None:
        if node in path:
            cycle = path[path.index(node) :]
            key = " -> ".join(sorted(cycle))
            if key not in seen:
                seen.add(key)
                found_cycles.append(" -> ".join([*cycle, node]))
            return
        for nxt in sorted(edges[node]):
            visit(nxt, [*path, node])

    for start in sorted(edges):
        visit(start, [])
    return found_cycles


def file_access(found: list[Module]) -> list[str]:
    problems = []
    for module in found:
        if module.package == "storage" or module.rel in OWN_FILES:
            continue
        for node in ast.walk(module.tree):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            if isinstance(func, ast.Name) and func.id == "open":
                problems.append(f"{module.rel}:{node.lineno} opens a file")
            elif isinstance(func, ast.Attribute):
                owner = func.value.id if isinstance(func.value, ast.Name) else None
                if (owner, func.attr) in FILE_FUNCTIONS or (owner, "*") in FILE_FUNCTIONS:
                    problems.append(f"{module.rel}:{node.lineno} calls {owner}.{func.attr}")
                elif func.attr in FILE_METHODS:
                    problems.append(f"{module.rel}:{node.lineno} calls .{func.attr}()")
    return problems


def clock_reads(found: list[Module]) -> list[str]:
    problems = []
    for module in found:
        if module.package not in PURE:
            continue
        for node in ast.walk(module.tree):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
                owner = node.func.value
                if isinstance(owner, ast.Name) and (owner.id, node.func.attr) in CLOCK:
                    problems.append(f"{module.rel}:{node.lineno} reads the clock: {owner.id}.{node.func.attr}()")
    return problems


def layout_names_elsewhere(found: list[Module]) -> list[str]:
    """A file name of the ledger folder, or the month-key pattern, written anywhere but its one home."""
    problems = []
    for module in found:
        keys = {id(key) for node in ast.walk(module.tree) if isinstance(node, ast.Dict) for key in node.keys}
        for node in ast.walk(module.tree):
            if not isinstance(node, ast.Constant) or not isinstance(node.value, str) or id(node) in keys:
                continue  # a JSON key named like a folder ("backups") is not the folder
            if node.value in LAYOUT_NAMES and module.rel != "storage/layout.py":
                problems.append(f"{module.rel}:{node.lineno} names {node.value!r} (storage/layout.py has it)")
            if "0[1-9]|1[0-2]" in node.value and module.rel != "domain/dates.py":
                problems.append(f"{module.rel}:{node.lineno} writes the month-key pattern (domain/dates.py has it)")
    return problems


def rooms(found: list[Module]) -> list[str]:
    top = {m.rel for m in found if "/" not in m.rel}
    problems = [
        f"{rel} is a top-level module; put it in the package of its layer"
        for rel in sorted(top - {"__init__.py", "__main__.py", "errors.py"})
    ]
    problems += [f"{m.rel} has {m.lines} lines (at most {MAX_LINES})" for m in found if m.lines > MAX_LINES]
    return problems


CHECKS = [forbidden_imports, cycles, file_access, clock_reads, layout_names_elsewhere, rooms]


@pytest.mark.parametrize("check", CHECKS, ids=lambda check: check.__name__)
def test_the_package_keeps_its_rules(check) -> None:  # type: ignore[no-untyped-def]
    assert check(modules(SOURCE)) == []


# -- each check catches what it is for, on a made-up package -------------------------------


def made_up(tmp_path: Path, files: dict[str, str]) -> list[Module]:
    for rel, text in files.items():
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return modules(tmp_path)


def test_an_import_against_the_direction_is_caught(tmp_path: Path) -> None:
    found = made_up(
        tmp_path,
        {
            "domain/model.py": "from leadshift.errors import NotFound\n",
            "reports/review.py": "from leadshift.domain.model import Book\n",
            "storage/store.py": "def f():\n    from leadshift.reports.review import weekly_review\n",
            "render/view.py": "from leadshift.storage import layout\n",
            "handoff/plan.py": "import rich\n",
        },
    )
    assert forbidden_imports(found) == [
        "handoff/plan.py:1 imports rich: the pure packages touch no files, terminal or clock",
        "render/view.py:1 imports leadshift.storage: render may not import storage",
        "storage/store.py:2 imports leadshift.reports.review: storage may not import reports",
    ]


def test_a_cycle_is_caught_even_under_type_checking(tmp_path: Path) -> None:
    found = made_up(
        tmp_path,
        {
            "storage/store.py": "from leadshift.storage.months import MonthReader\n",
            "storage/months.py": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from leadshift.storage.store import Store\n",
        },
    )
    assert cycles(found) == ["leadshift.storage.months -> leadshift.storage.store -> leadshift.storage.months"]


def test_file_access_outside_storage_is_caught(tmp_path: Path) -> None:
    found = made_up(
        tmp_path,
        {
            "recovery/doctor.py": "import os\ndef f(path):\n    os.chmod(path, 0o600)\n    return path.read_bytes()\n",
            "storage/durable.py": "import os\ndef f(path):\n    os.chmod(path, 0o600)\n",
        },
    )
    assert file_access(found) == ["recovery/doctor.py:3 calls os.chmod", "recovery/doctor.py:4 calls .read_bytes()"]


def test_the_clock_in_a_pure_package_is_caught(tmp_path: Path) -> None:
    found = made_up(tmp_path, {"reports/review.py": "from datetime import date\nTODAY = date.today()\n"})
    assert clock_reads(found) == ["reports/review.py:2 reads the clock: date.today()"]


def test_a_layout_name_written_twice_is_caught(tmp_path: Path) -> None:
    found = made_up(
        tmp_path,
        {
            "storage/layout.py": 'LOCK = ".lock"\n',
            "recovery/doctor.py": 'LOCK = ".lock"\nMONTH = r"\\d{4}-(0[1-9]|1[0-2])"\n',
        },
    )
    assert layout_names_elsewhere(found) == [
        "recovery/doctor.py:1 names '.lock' (storage/layout.py has it)",
        "recovery/doctor.py:2 writes the month-key pattern (domain/dates.py has it)",
    ]


def test_a_stray_top_level_module_and_a_long_one_are_caught(tmp_path: Path) -> None:
    found = made_up(tmp_path, {"errors.py": "", "utils.py": "", "domain/model.py": "x = 1\n" * (MAX_LINES + 1)})
    assert rooms(found) == [
        "utils.py is a top-level module; put it in the package of its layer",
        f"domain/model.py has {MAX_LINES + 1} lines (at most {MAX_LINES})",
    ]


def test_every_rule_names_a_real_package() -> None:
    packages = {m.package for m in modules(SOURCE)}
    assert set(MAY_IMPORT) | {"__init__"} == packages
    for rel in OWN_FILES:
        assert (SOURCE / rel).is_file(), rel
    assert re.search(r"0\[1-9\]\|1\[0-2\]", (SOURCE / "domain" / "dates.py").read_text())
