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
    from leadshift.render.handoff import plan_headline, timeline
    from leadshift.reports.review import weekly_review
    from leadshift.storage.store import Store

    with tempfile.TemporaryDirectory(prefix="leadshift-demo-") as scratch:
        store = Store(Path(scratch) / "ledger")
        store.copy_from(EXAMPLE)
        ledger = store.load()
    start, end = week_of(max(r.date for r in ledger.records()), ledger.book.profile.week_starts)
    profile = ledger.book.profile
    plan = plan_handoff(ledger, end + timedelta(days=1))
    # The example's own week end stands in for "today", so the demo reads the same any day. It fits
    # one screenful or two (120 lines at 80 columns): the review whole, the plan's outline, the rest named.
    return Outcome(
        notes=(
            Text(
                f"leadshift demo: {profile.name} was promoted on {profile.promoted_on} to lead "
                f"{len(ledger.book.teammates)} people and still serves clients. Six weeks logged; here is the "
                "last week's review and the plan to hand the clients over. (A temporary copy: your own ledger "
                "is not touched.)\n"
            ),
            view_of(weekly_review(ledger, start, end, today=end)),
            Rule(Text("leadshift handoff plan: who takes over each client")),
            plan_headline(plan),
            timeline(plan),
            Text(
                "Why each teammate, the stages and their load: leadshift handoff plan. What each yes cost: "
                'leadshift check.\nStart your own: leadshift init --name "Your Name"; then leadshift log every '
                "evening and leadshift review every Friday.",
                style="dim",
            ),
        )
    )
