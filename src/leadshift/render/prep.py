"""The brief for a 1:1 on a terminal: one screen at 80 columns, a label per line of facts."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from leadshift.domain.wording import and_list, hours_text, plural
from leadshift.render.text import literal
from leadshift.reports.prep import Prep
from leadshift.reports.prep_items import Account, OpenAction

ROLES = {"owner": "owns it", "taking-over": "taking it over", "backer": "backs it"}
NOS = {"one-on-one": "a 1:1", "team": "team time", "interview": "an interview"}  # the rest read as they are


def prep_view(brief: Prep) -> RenderableType:
    """The facts, what each of you owes, the accounts, then the questions."""
    person = brief.teammate
    title = Text("Before your 1:1 with ", style="bold").append_text(literal(person.name, "bold"))
    title.append(f" ({person.key}), {brief.today:%a %d %b %Y}", style="bold")
    rows = Table.grid(padding=(0, 2))
    rows.add_column(no_wrap=True, style="bold")
    rows.add_column(overflow="fold")
    rows.add_row("1:1s", _one_on_ones(brief))
    rows.add_row("You owe them", _actions(brief.actions.mine))
    rows.add_row("They owe you", _actions(brief.actions.theirs))
    rows.add_row("Obstacles", _obstacles(brief))
    rows.add_row("Escalations", _escalations(brief))
    rows.add_row("Your yeses", _yeses(brief))
    rows.add_row("Accounts", _accounts(brief.accounts))
    rows.add_row("Growth", _growth(brief))
    rows.add_row("Coaching", Text(f"{hours_text(brief.coaching_hours_4w)} h with them in the last four weeks"))
    if brief.questions:
        rows.add_row("Ask", Text("\n").join(literal(f"{n}. {q}") for n, q in enumerate(brief.questions, 1)))
    parts: list[RenderableType] = [title, Rule(style="dim")]
    if person.left is not None:
        parts.append(literal(f"{person.name} left the team on {person.left}: this is their history; no 1:1 is due."))
    return Group(*parts, rows)


def _one_on_ones(brief: Prep) -> Text:
    text = Text(f"last held {brief.last_held}" if brief.last_held else "none held yet")
    if brief.next_due is not None:
        late = (brief.today - brief.next_due).days
        text.append(f"; next due {brief.next_due}")
        if late > 0:
            text.append(f" ({plural(late, 'day')} overdue)", style="red")
    if brief.lost_since:
        lost = [
            f"{item.date} {item.status}" + (f" for {item.because.name}" if item.because else "")
            for item in brief.lost_since
        ]
        text.append("\nlost since: ").append_text(literal("; ".join(lost)))
    return text


def _actions(items: tuple[OpenAction, ...]) -> Text:
    if not items:
        return Text("nothing open", style="dim")
    lines = []
    for item in items:
        line = Text(f"• {item.id} ").append_text(literal(item.text))
        if item.due is not None:
            line.append(f" (due {item.due}{', overdue' if item.overdue else ''})", style="red" if item.overdue else "")
        lines.append(line)
    return Text("\n").join(lines)


def _obstacles(brief: Prep) -> Text:
    if not brief.obstacles:
        return Text("none open", style="dim")
    return Text("\n").join(
        Text(f"• {item.id} ").append_text(literal(item.text)).append(f" (open {plural(item.age_days, 'day')})")
        for item in brief.obstacles
    )


def _escalations(brief: Prep) -> Text:
    if not brief.escalations:
        return Text("none since the last 1:1", style="dim")
    return Text(
        "; ".join(f"{e.date} {'you asked first' if e.asked_first else 'you answered'}" for e in brief.escalations)
    )


def _yeses(brief: Prep) -> Text:
    if not brief.cost_by_yes:
        return Text("none cost them time since the last 1:1", style="dim")
    lines = []
    for yes in brief.cost_by_yes:
        line = Text(f"{yes.date} ").append_text(literal(brief.book.client_name(yes.client)))
        line.append(": ").append_text(literal(yes.request)).append(f" (no to {NOS.get(yes.said_no, yes.said_no)})")
        lines.append(line)
    return Text("\n").join(lines)


def _accounts(accounts: tuple[Account, ...]) -> Text:
    if not accounts:
        return Text("no client", style="dim")
    lines = []
    for account in accounts:
        line = literal(account.name).append(f": {ROLES[account.role]}")
        if account.handoff_stage is not None:
            line.append(f", handoff stage {account.handoff_stage}. ").append(account.asks_of_you or "", style="dim")
        lines.append(line)
    return Text("\n").join(lines)


def _growth(brief: Prep) -> Text:
    growth = brief.growth
    text = Text("growing ").append_text(literal(and_list(list(growth.growing)) if growth.growing else "nothing named"))
    text.append("; skills ").append_text(literal(", ".join(growth.skills) if growth.skills else "none named"))
    text.append(
        f"\n{hours_text(growth.capacity_hours)} h a week for clients: owns {hours_text(growth.owned_weekly_hours)} h,"
        f" backs {hours_text(growth.backed_weekly_hours)} h; "
    )
    if growth.growth_accounts:
        names = and_list([brief.book.client_name(key) for key in growth.growth_accounts])
        return text.append("growth accounts: ").append_text(literal(names))
    return text.append("no growth account")
