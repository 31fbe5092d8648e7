"""`leadshift demo`: the main job, on a temporary copy of the bundled example."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from rich.rule import Rule
from rich.text import Text

from leadshift import durable
from leadshift.cli.session import Session
from leadshift.dates import week_of
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
    """The example's last logged week: its review, what was said no to, and the handoff plan."""
    from datetime import timedelta

    from leadshift.handoff import plan_handoff
    from leadshift.render.handoff import show_handoff_plan
    from leadshift.render.review import review_view
    from leadshift.render.sayno import said_no_view
    from leadshift.review import weekly_review
    from leadshift.saidno import said_no

    console = session.console
    with tempfile.TemporaryDirectory(prefix="leadshift-demo-") as scratch:
        ledger = copy_example(Path(scratch) / "ledger").load()
        start, end = week_of(max(r.date for r in ledger.records()), ledger.book.profile.week_starts)
        profile = ledger.book.profile
        console.print(
            Text(
                f"leadshift demo: {profile.name} was promoted on {profile.promoted_on} to lead "
                f"{len(ledger.book.teammates)} people and still serves clients. Six weeks logged; here is the "
                "last one: the weekly review, what the yeses cost, and the plan to hand the clients over. "
                "(A temporary copy: your own ledger is not touched.)\n"
            )
        )
        # The example's own week end stands in for "today", so the demo reads the same any day.
        console.print(review_view(weekly_review(ledger, start, end, today=end)))
        console.print(Rule(Text("leadshift check: what did I say no to?")))
        console.print(said_no_view(said_no(ledger, start, end, today=end), ledger.book))
        console.print(Rule(Text("leadshift handoff plan: who takes over each client")))
        show_handoff_plan(console, plan_handoff(ledger, end + timedelta(days=1)), ledger.book)
        console.print(
            Text(
                '\nStart your own: leadshift init --name "Your Name"; then leadshift log every evening '
                "and leadshift review every Friday.",
                style="dim",
            )
        )
