"""What a git merge set aside (`log/2026-11.toml.conflict`), as `doctor` reports it until a person settles it."""

from __future__ import annotations

import shlex

from leadshift.storage.layout import CONFLICT_SUFFIX, edit_name, merged_file
from leadshift.storage.survey import Entry

MERGE_CONFLICT = "merge-conflict"  # a code of `doctor --json`


def merge_conflict(found: Entry) -> tuple[str, str, str] | None:
    """(code, message, fix) when `found` is what a merge set aside beside a ledger file; None otherwise."""
    merged = found.rel.removesuffix(CONFLICT_SUFFIX)
    if found.kind != "file" or merged == found.rel or merged_file(merged) is None:
        return None
    message = (
        f"{found.rel} holds what a git merge of {merged} could not settle: the same entry changed differently "
        f"on two machines (the file keeps one version; this one lists both)"
    )
    fix = (
        f"make {merged} what it should be with `leadshift edit {edit_name(merged)}`, then delete "
        f"{found.rel} (`rm {shlex.quote(str(found.path))}`)"
    )
    return MERGE_CONFLICT, message, fix
