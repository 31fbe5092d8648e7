"""The README promises a JSON contract and a list of findings; keep it true."""

from __future__ import annotations

import re
from dataclasses import fields, is_dataclass
from pathlib import Path
from typing import get_args, get_type_hints

from leadshift.domain.results import VIEW_ONLY
from leadshift.reports import findings, progress, trouble
from leadshift.reports.review import Review

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


def _keys(hint: object) -> set[str]:
    """Every field name of a report dataclass and of the dataclasses it holds, however nested (not view-only ones)."""
    if is_dataclass(hint) and isinstance(hint, type):
        hints = get_type_hints(hint)
        shown = [f.name for f in fields(hint) if not f.metadata.get(VIEW_ONLY)]
        return {name for field in shown for name in {field} | _keys(hints[field])}
    return {name for arg in get_args(hint) for name in _keys(arg)}


def test_every_review_json_key_is_documented() -> None:
    undocumented = {key for key in _keys(Review) if f"`{key}`" not in README}
    assert not undocumented


def test_every_finding_code_is_documented() -> None:
    source = "".join(Path(m.__file__).read_text(encoding="utf-8") for m in (findings, trouble, progress))
    codes = set(re.findall(r'Finding\(\s*"([a-z-]+)"', source))
    assert len(codes) >= 8
    assert {code for code in codes if f"| `{code}` |" not in README} == set()


def test_every_prep_json_key_is_documented() -> None:
    from leadshift.reports.prep import Prep

    undocumented = {key for key in _keys(Prep) if f"`{key}`" not in README}
    assert not undocumented
