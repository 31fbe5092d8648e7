"""The handoff plan and the saved handoffs: JSON data and Rich views (80 columns, meaningful without colour)."""

from __future__ import annotations

import math
from datetime import date, timedelta
from typing import Any

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from leadshift.domain.book import Book
from leadshift.domain.terms import HANDOFF_STAGES
from leadshift.domain.wording import hours_text, plural, shown_hours
from leadshift.handoff.changes import StageAdvanced
from leadshift.handoff.plan import Assignment, HandoffPlan
from leadshift.handoff.stages import GUIDANCE, STAGE_WEEKS, HandoffStatus, SavedHandoffs
from leadshift.render.data import plain
from leadshift.render.lines import Lines
from leadshift.render.tables import plain_table
from leadshift.render.text import literal

# One letter per stage in the week-by-week grid: readable without colour.
STAGE_MARKS = {"prepare": "P", "introduce": "I", "co-lead": "C", "lead": "L", "check-ins": "✓"}
BAR_WIDTH = 20
GRID_WIDTH = 48  # characters for the week columns, 3 per week: 16 weeks fit in 80 columns


# -- JSON ---------------------------------------------------------------------------


def plan_data(plan: HandoffPlan) -> dict[str, Any]:
    return {
        "start": plan.start.isoformat(),
        "assignments": [
            {
                "client": a.client,
                "teammate": a.teammate,
                "score": a.score,
                "reasons": list(a.reasons),
                "stages": [
                    {"stage": s.stage, "start": s.start.isoformat(), "end": s.end.isoformat()} for s in a.stages
                ],
                "frees_hours_per_week": a.frees_hours_per_week,
                "starts_week": plan.starts_week(a).label(),
            }
            for a in plan.assignments
        ],
        "unassigned": [{"client": u.client, "reason": u.reason} for u in plan.unassigned],
        "candidates": {client: dict(scores) for client, scores in plan.candidates.items()},
        "load": {t: {"capacity": x.capacity, "before": x.before, "after": x.after} for t, x in plan.load.items()},
        "frees_hours_per_week": plan.frees_hours_per_week,
        "done_by": plan.done_by.isoformat() if plan.done_by else None,
        "per_week": plan.per_week,
        "skipped_weeks": [week.label() for week in plan.skipped],
    }


def status_data(saved: SavedHandoffs) -> list[dict[str, Any]]:
    return plain(saved.statuses)


# -- the plan -------------------------------------------------------------------------


def plan_view(plan: HandoffPlan) -> RenderableType:
    """The whole plan: who and why, what nobody can take, week by week, the stages, the load."""
    book = plan.book
    assert book is not None  # plan_handoff() gives every plan the book it was made for
    if plan.nothing_to_hand_over:
        return Lines(_nothing_to_hand_over(book))
    parts: list[RenderableType] = [plan_headline(plan)]
    if plan.assignments:
        parts.append(assignments_table(plan, book))
    if plan.unassigned:
        parts.append(unassigned_table(plan, book))
    if plan.assignments:
        parts += [timeline(plan), stages_table()]
    parts.append(load_table(plan, book))
    return Group(*parts)


def _nothing_to_hand_over(book: Book) -> str:
    if not book.clients:
        return (
            "No clients yet, so nothing to hand over. Add the ones you serve: "
            'leadshift client add acme --name "Acme Ltd" --needs negotiation --weight 4'
        )
    return "Nothing to hand over: your team serves every client. Congratulations!"


def plan_headline(plan: HandoffPlan) -> Text:
    count = len(plan.assignments)
    text = Text(f"Handoff plan from {plan.start:%A} {plan.start}: ", style="bold")
    if plan.done_by:
        people = len({a.teammate for a in plan.assignments})
        text.append(f"{plural(count, 'client')} to {plural(people, 'teammate')}, ")
        text.append(f"freeing {hours_text(plan.frees_hours_per_week)} h a week of your time by {plan.done_by}.")
    else:
        text.append("no client can be handed over yet.")
    if plan.unassigned:
        text.append(f" {plural(len(plan.unassigned), 'client')} not handed over (see below).", style="bold")
    return text


def assignments_table(plan: HandoffPlan, book: Book) -> Table:
    table = plain_table("client", "to", "score", "why", title="Who takes over what", fixed=("score",))
    table.columns[0].max_width = 18
    table.columns[1].max_width = 14
    for a in plan.assignments:
        table.add_row(
            literal(book.clients[a.client].name),
            literal(book.teammates[a.teammate].name),
            str(a.score),
            literal("; ".join(a.reasons)),
        )
    return table


def unassigned_table(plan: HandoffPlan, book: Book) -> Table:
    table = plain_table("client", "h/wk", "why nobody takes it yet", title="Not handed over", fixed=("h/wk",))
    table.columns[0].max_width = 18
    for u in plan.unassigned:
        client = book.clients[u.client]
        table.add_row(literal(client.name), hours_text(client.weekly_hours), literal(u.reason))
    return table


def timeline(plan: HandoffPlan) -> Group:
    """Week by week: one row per handoff, one letter per week for the stage it is in, then the key to the letters."""
    first = plan.start
    done_by = max(a.done_on for a in plan.assignments)
    # Through the first week of check-ins; at least one week, even when saved handoffs are overdue.
    weeks = max(math.ceil(((done_by - first).days + 1) / 7) + 1, 1)
    starts = [first + timedelta(weeks=w) for w in range(min(weeks, GRID_WIDTH // 3))]
    header = " ".join(f"{day.isocalendar().week:02d}" for day in starts)
    table = plain_table("client → teammate", header, title="Week by week", fixed=(header,))
    table.columns[0].max_width = 28
    for a in plan.assignments:
        table.add_row(literal(f"{a.client} → {a.teammate}"), " ".join(f"{_mark(a, day):>2}" for day in starts))
    legend = ", ".join(f"{mark} {stage}" for stage, mark in STAGE_MARKS.items())
    notes = [f"ISO weeks, from {first:%A} {first}. {legend}.", pacing_note(plan)]
    if len(starts) < weeks:
        notes.append(f"The plan runs on until {done_by}; --json has every date.")
    return Group(table, Text(" ".join(notes)), Text())


def pacing_note(plan: HandoffPlan) -> str:
    """How the starts are spread: the weekly cap, and the weeks off."""
    note = f"At most {plural(plan.per_week, 'handoff')} start{'s' * (plan.per_week == 1)} in a week (--per-week)."
    if plan.skipped:
        weeks = ", ".join(week.label() for week in plan.skipped)
        note += f" No stage starts in {weeks} (--skip, holidays): a stage across them is that much longer."
    return note


def _mark(assignment: Assignment, week: date) -> str:
    end = week + timedelta(days=6)
    current = [s.stage for s in assignment.stages if s.start <= end and s.end >= week]
    return STAGE_MARKS[current[-1]] if current else ""  # two stages in one week: the later one


def stages_table() -> Group:
    table = plain_table("stage", "weeks", "what to do", title="The stages", fixed=("stage", "weeks"))
    for stage in HANDOFF_STAGES:
        table.add_row(f"{STAGE_MARKS[stage]} {stage}", str(STAGE_WEEKS[stage]), GUIDANCE[stage])
    done = Text("A handoff is done when its lead stage is: the teammate then owns the client.")
    return Group(table, done, Text())


def load_table(plan: HandoffPlan, book: Book) -> Table:
    """Client hours a week per teammate, before and after the plan, against capacity."""
    table = plain_table(
        "teammate",
        "capacity",
        "before",
        "after",
        "█ before ▒ taken over · free",
        title="Load (client hours a week)",
        fixed=("capacity", "before", "after", "█ before ▒ taken over · free"),
    )
    table.columns[0].max_width = 18
    for key, load in plan.load.items():
        over = load.after - load.capacity
        after = Text(hours_text(load.after))
        if shown_hours(over) > 0:  # as shown: never "(0 over)"
            after.append(f" ({hours_text(over)} over)", style="bold red")
        table.add_row(
            literal(book.teammates[key].name),
            hours_text(load.capacity),
            hours_text(load.before),
            after,
            _bar(load.capacity, load.before, load.after),
        )
    return table


def _bar(capacity: float, before: float, after: float) -> str:
    scale = BAR_WIDTH / max(capacity, after, 1e-9)
    owned = round(before * scale)
    taken = round(after * scale) - owned
    return ("█" * owned + "▒" * taken).ljust(max(round(capacity * scale), owned + taken), "·")


# -- saved handoffs ------------------------------------------------------------------------


def status_view(saved: SavedHandoffs) -> RenderableType:
    """Each saved handoff's stage and where it stands today; what to do in the handoffs under way."""
    if not saved.statuses:
        return Text("No saved handoffs. See the plan with `leadshift handoff plan`, then save it with --save.")
    statuses, book, today = saved.statuses, saved.book, saved.today
    table = plain_table("client", "to", "stage", "until", "today", title="Saved handoffs", fixed=("until", "today"))
    for s in statuses:
        table.add_row(
            literal(book.clients[s.client].name),
            literal(book.teammates[s.teammate].name),
            f"{STAGE_MARKS[s.stage]} {s.stage}",
            s.until.isoformat(),
            _standing(s, today),
        )
    # Under way: past its first stage, or in it. One whose prepare stage starts later waits for its day.
    started = [s for s in statuses if s.stage != HANDOFF_STAGES[0] or s.since <= today]
    if not started:
        return Group(table, Text(f"None has started yet: the first starts on {min(s.since for s in statuses)}."))
    parts: list[RenderableType] = [table, Text("What to do now", style="bold")]
    for stage in HANDOFF_STAGES:
        clients = [s.client for s in started if s.stage == stage]
        if clients:
            line = Text(f"{stage} ", style="bold").append_text(literal(f"({', '.join(clients)})"))
            parts.append(line.append(f": {GUIDANCE[stage]}"))
    return Group(*parts)


def advanced_view(advanced: StageAdvanced) -> RenderableType:
    """The stage completed, the one begun and what to do in it; when the handoff is done, the hours freed."""
    book = advanced.book
    handoff = book.handoffs[advanced.client]
    now = handoff.dates_of(handoff.stage)
    text = Text(f"{advanced.client}: {advanced.finished} done on {advanced.day}. ")
    if handoff.done:
        client, teammate = book.clients[advanced.client], book.teammates[handoff.teammate]
        text.append_text(literal(teammate.name)).append(" now owns ").append_text(literal(client.name))
        text.append(f"; {hours_text(client.weekly_hours)} h a week of yours are free. Check-ins until {now.end}:")
    else:
        text.append(f"Now {handoff.stage}, planned until {now.end}:")
    return Group(text, Text(GUIDANCE[handoff.stage]))


def _standing(status: HandoffStatus, today: date) -> Text:
    """Readable without colour: done, not started, late, or on time."""
    if status.done:
        return Text("done", style="green")
    if status.since > today:
        return Text(f"starts {status.since}", style="dim")
    if status.until < today:
        return Text(f"late {plural((today - status.until).days, 'day')}", style="red")
    return Text("under way", style="green")
