"""`leadshift demo`: the main job, on a temporary copy of the bundled example."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from rich.rule import Rule
from rich.text import Text

from leadshift import durable
from leadshift.cli.session import Session
from leadshift.dates import week_label, week_of
from leadshift.render.tables import clients_table, records_table, teammates_table
from leadshift.store import Store

EXAMPLE = Path(__file__).resolve().parent.parent / "example"


def copy_example(target: Path) -> Store:
    """A private copy of the example ledger in `target` (which must not exist yet)."""
    shutil.copytree(EXAMPLE, target, ignore=shutil.ignore_patterns("__pycache__", "*.py", "backups", ".lock", "*.tmp"))
    durable.ensure_private_dir(target)
    for path in target.rglob("*"):
        if path.is_dir():
            durable.ensure_private_dir(path)
        else:
            durable.tighten(path)
    return Store(target)


def show_demo(session: Session) -> None:
    console = session.console
    with tempfile.TemporaryDirectory(prefix="leadshift-demo-") as scratch:
        store = copy_example(Path(scratch) / "ledger")
        ledger = store.load()
        records = ledger.records()
        last_day = max(r.date for r in records)
        start, end = week_of(last_day, ledger.book.profile.week_starts)
        profile = ledger.book.profile
        console.print(Rule(Text("leadshift demo: the bundled example ledger")))
        console.print(
            Text(
                f"{profile.name}, promoted on {profile.promoted_on}, logs every evening. This is a "
                "temporary copy; your own ledger is not touched.\n"
            )
        )
        console.print(teammates_table(ledger.book))
        console.print(clients_table(ledger.book))
        week = [r for r in records if start <= r.date <= end]
        console.print(records_table(week, title=f"The last logged week, {week_label(start)} ({start} to {end})"))
        console.print(
            Text('Start your own: leadshift init --name "Your Name"; then leadshift log every evening.', style="dim")
        )
