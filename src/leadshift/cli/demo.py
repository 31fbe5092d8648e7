"""`leadshift demo`: the main job, on a temporary copy of the bundled example."""

from __future__ import annotations

from pathlib import Path

import typer

from leadshift.cli.output import Outcome, command

EXAMPLE = Path(__file__).resolve().parent.parent / "example"  # shipped in the package


def register(tree: typer.Typer) -> None:
    command(tree)(demo)


def demo(ctx: typer.Context) -> Outcome:
    """Try leadshift on the bundled example ledger (a temporary copy; yours is untouched)."""
    import tempfile
    from datetime import timedelta

    from rich.rule import Rule
    from rich.text import Text

    from leadshift.domain.dates import week_of
    from leadshift.handoff.plan import plan_handoff
    from leadshift.render import view_of
    from leadshift.reports.review import weekly_review
    from leadshift.reports.said_no import said_no
    from leadshift.storage.store import Store

    with tempfile.TemporaryDirectory(prefix="leadshift-demo-") as scratch:
        store = Store(Path(scratch) / "ledger")
        store.copy_from(EXAMPLE)
        ledger = store.load()
    start, end = week_of(max(r.date for r in ledger.records()), ledger.book.profile.week_starts)
    profile = ledger.book.profile
    # The example's own week end stands in for "today", so the demo reads the same any day.
    return Outcome(
        notes=(
            Text(
                f"leadshift demo: {profile.name} was promoted on {profile.promoted_on} to lead "
                f"{len(ledger.book.teammates)} people and still serves clients. Six weeks logged; here is the "
                "last one: the weekly review, what the yeses cost, and the plan to hand the clients over. "
                "(A temporary copy: your own ledger is not touched.)\n"
            ),
            view_of(weekly_review(ledger, start, end, today=end)),
            Rule(Text("leadshift check: what did I say no to?")),
            view_of(said_no(ledger, start, end, today=end)),
            Rule(Text("leadshift handoff plan: who takes over each client")),
            view_of(plan_handoff(ledger, end + timedelta(days=1))),
            Text(
                '\nStart your own: leadshift init --name "Your Name"; then leadshift log every evening '
                "and leadshift review every Friday.",
                style="dim",
            ),
        )
    )
