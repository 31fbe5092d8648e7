"""The documentation promises a JSON contract and a list of findings; keep it true, and the site building."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from dataclasses import fields, is_dataclass
from pathlib import Path
from typing import get_args, get_type_hints

from leadshift.domain.results import VIEW_ONLY
from leadshift.reports import findings, progress, trouble
from leadshift.reports.review import Review

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
DOCS = "".join(page.read_text(encoding="utf-8") for page in sorted((ROOT / "docs").glob("*.md")))


def _keys(hint: object) -> set[str]:
    """Every field name of a report dataclass and of the dataclasses it holds, however nested (not view-only ones)."""
    if is_dataclass(hint) and isinstance(hint, type):
        hints = get_type_hints(hint)
        shown = [f.name for f in fields(hint) if not f.metadata.get(VIEW_ONLY)]
        return {name for field in shown for name in {field} | _keys(hints[field])}
    return {name for arg in get_args(hint) for name in _keys(arg)}


def test_every_review_json_key_is_documented() -> None:
    undocumented = {key for key in _keys(Review) if f"`{key}`" not in DOCS}
    assert not undocumented


def test_every_finding_code_is_documented() -> None:
    source = "".join(Path(m.__file__).read_text(encoding="utf-8") for m in (findings, trouble, progress))
    codes = set(re.findall(r'Finding\(\s*"([a-z-]+)"', source))
    assert len(codes) >= 8
    assert {code for code in codes if f"| `{code}` |" not in DOCS} == set()


def test_every_prep_json_key_is_documented() -> None:
    from leadshift.reports.prep import Prep

    undocumented = {key for key in _keys(Prep) if f"`{key}`" not in DOCS}
    assert not undocumented


def test_the_readme_is_a_front_page() -> None:
    """What leadshift is for, the two commands, a short tour, and links: the rest is in docs/."""
    assert len(README.splitlines()) <= 250
    for page in re.findall(r"\]\((docs/[^)#]+)", README):
        assert (ROOT / page).exists(), page


def test_the_documentation_site_builds_strict(tmp_path: Path) -> None:
    """Every page in the navigation, every link and anchor found: a warning fails the build."""
    site = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(tmp_path / "site")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert site.returncode == 0, site.stderr
    assert (tmp_path / "site" / "commands" / "index.html").is_file()
