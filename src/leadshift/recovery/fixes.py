"""`leadshift doctor --fix`: the safe fixes, under the lock; never a change to what a file holds."""

from __future__ import annotations

from leadshift import errors
from leadshift.recovery.doctor import PERMISSIONS, TEMP_FILE, Fixed, Problem
from leadshift.storage import repairs
from leadshift.storage.layout import Layout


def apply_safe_fixes(layout: Layout, problems: list[Problem]) -> list[Fixed]:
    """Tighten permissions and remove temp files of interrupted saves."""
    fixed: list[Fixed] = []
    with repairs.repairing(layout):
        # Under the lock no save is under way: a temp file still there is from one that died.
        for problem in problems:
            if not problem.fixable:
                continue
            try:
                done = _fix(layout, problem)
            except OSError as error:
                done = f"could not fix {problem.file}: {errors.in_words(error)}"
            except errors.LedgerWriteError as error:  # in a folder made read-only
                done = f"could not fix {problem.file}: {error.message.removesuffix('.')}"
            if done:
                fixed.append(Fixed(problem, done))
    return fixed


def _fix(layout: Layout, problem: Problem) -> str | None:
    if problem.code == PERMISSIONS:
        return repairs.make_private(layout, problem.file)
    if problem.code == TEMP_FILE:
        return repairs.remove_leftover(layout, problem.file)
    raise AssertionError(f"no safe fix for {problem.code}")
