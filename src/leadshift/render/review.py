"""The weekly review on screen (Rich) and as data (`--json`), both from one Review."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from leadshift.domain.terms import GROWTH_WEIGHT
from leadshift.domain.wording import hours_text, over_limit, percent_text, plural, shown_percent
from leadshift.render.said_no import trade_offs_table
from leadshift.render.tables import plain_table
from leadshift.render.text import literal
from leadshift.reports.figures import hours_a_day, longer_than_the_workday, need_served
from leadshift.reports.finding import Finding
from leadshift.reports.review import Review

SEVERITY_STYLE = {"alert": "bold red", "warn": "yellow", "info": "cyan", "good": "green"}
BAR_WIDTH = 25  # characters for 100% in the trend bars


def review_view(review: Review) -> RenderableType:
    """The whole report: the four fairness questions, what you said no to, then what to do."""
    # A heading over a plain rule, not a rule's title: a rule crops a long name, a line of text wraps it.
    title = Text(f"Weekly review {review.week}, {review.start:%a %d %b} to {review.end:%a %d %b %Y}: ", style="bold")
    title = Group(title.append_text(literal(review.leader, "bold")), Rule(style="dim"))
    if not review.one_on_ones.by_teammate and not review.attention.own_clients + review.attention.team_clients:
        return Group(
            title,
            Text(
                "Your ledger has no teammates or clients yet. Add them first: "
                "`leadshift teammate add KEY --name NAME` and `leadshift client add KEY --name NAME`; "
                "then log each day with `leadshift log`."
            ),
        )
    if not review.records:
        empty = Text(
            f"Nothing logged for {review.week} ({review.start} to {review.end}). "
            "Log each day with `leadshift log`, then come back for the review."
        )
        parts: list[RenderableType] = [title, empty]
        if review.to_fix:
            parts += [_heading("Still true this week"), _steps(review)]
        return Group(*parts)
    return Group(
        title,
        _heading("1. Fair to yourself: where your hours went"),
        _yourself(review),
        _heading("2. Fair to your clients: the ones you still serve"),
        _your_clients(review),
        _heading("3. Fair to the other clients: who gets your attention"),
        _other_clients(review),
        _heading("4. Fair to your team: 1:1s, escalations, growth"),
        _team(review),
        _heading("5. What you said yes to, and what it cost"),
        _said_no(review),
        *([_heading("What went well"), _findings(review.went_well)] if review.went_well else []),
        _heading("What to do next"),
        _steps(review) if review.to_fix else Text("Nothing to fix this week: keep it up.", style="green"),
    )


def _heading(text: str) -> Text:
    return Text("\n" + text, style="bold underline")


def _share_text(share: float | None, limit: float) -> Text:
    if share is None:
        return Text("nothing logged", style="dim")
    over = over_limit(share, limit)
    return Text(f"{percent_text(share)} ", style="red" if over else "green").append(
        f"({'over' if over else 'within'} your {percent_text(limit)} limit)", style="red" if over else "green"
    )


def _yourself(review: Review) -> RenderableType:
    hours = review.hours
    lines = Table.grid(padding=(0, 2))
    lines.add_column(no_wrap=True)
    lines.add_column(overflow="fold")
    lines.add_row(
        "Logged",
        Text(f"{hours_text(hours.total)} h over {plural(review.days_logged, 'day')}: ").append(
            f"{hours_text(hours_a_day(review))} h a day", style="red" if longer_than_the_workday(review) else "green"
        )
        + Text(f" (workday {hours_text(review.workday_hours)} h)"),
    )
    kinds = [(hours.relationship, "relationship"), (hours.new_business, "new business")]
    others = "".join(f", {what} {hours_text(h)} h" for h, what in kinds if h)  # the leader's own job: not counted
    lines.add_row(
        "Client work",
        Text(f"{hours_text(hours.client)} h: delivery {hours_text(hours.delivery)} h{others}"),
    )
    lines.add_row(
        "Delivery share",
        Text(f"of {plural(review.days_logged, 'workday')} of {hours_text(review.workday_hours)} h: ").append_text(
            _share_text(review.client_share, review.client_share_limit)
        ),
    )
    activities = ", ".join(f"{name} {hours_text(h)}" for name, h in hours.by_activity.items()) or "none"
    lines.add_row("Leading", Text(f"{hours_text(hours.leadership)} h: {activities}"))
    # Weeks before the first one logged say nothing; the trend starts where the log does.
    logged = [i for i, week in enumerate(review.trend) if week.client_share is not None]
    shown = review.trend[logged[0] :] if logged else []
    trend = Table.grid(padding=(0, 1))
    for week in shown:
        if week.client_share is None:
            trend.add_row(week.week, Text("nothing logged", style="dim"), "")
            continue
        over = over_limit(week.client_share, review.client_share_limit)
        filled = round(shown_percent(week.client_share) * BAR_WIDTH / 100)  # two shares shown alike, one bar
        bar = Text("█" * filled, style="red" if over else "green").append("·" * (BAR_WIDTH - filled), style="dim")
        trend.add_row(week.week, bar, Text(f"{percent_text(week.client_share)}{' over limit' if over else ''}"))
    return Group(lines, Text("Delivery share of the workday by week:"), Padding(trend, (0, 0, 0, 2)))


def _your_clients(review: Review) -> RenderableType:
    if not review.owned_clients:
        if not review.attention.team_clients:
            return Text("No clients yet: add them with `leadshift client add KEY --name NAME`.", style="dim")
        return Text("You serve no client yourself any more: your team owns them all.", style="green")
    table = plain_table(
        "client", "weight", "you / need", "last worked", "status", fixed=("weight", "you / need"), edge=False
    )
    for client in review.owned_clients:
        served = need_served(client)
        if client.quiet:
            since = plural(client.days_since_worked or 0, "day") if client.last_worked else "never worked"
            status = Text(f"quiet: {since}", style="red")
        elif served == "served":
            status = Text("served", style="green")
        else:
            status = Text(f"{served} need", style="yellow")
        if client.handoff_to:
            mate = review.one_on_ones.by_teammate.get(client.handoff_to)
            status.append("\nhanding to ").append_text(literal(mate.name if mate else client.handoff_to))
            status.append(f" ({client.handoff_stage})")
        table.add_row(
            literal(client.name),
            "●" * client.weight,
            f"{hours_text(client.hours)} / {hours_text(client.weekly_need)} h",
            str(client.last_worked or "never"),
            status,
        )
    return table


def _other_clients(review: Review) -> RenderableType:
    attention = review.attention
    if not attention.own_clients or not attention.team_clients:
        nothing = Text("Nothing to compare: you need both clients of your own and clients your team owns.", style="dim")
        if review.handoff_support_hours:
            nothing.append(f" Handoff support: {hours_text(review.handoff_support_hours)} h.")
        return nothing
    text = Text(
        f"Your hours per own client: {hours_text(attention.per_own_client)} h. "
        f"Per client your team owns: {hours_text(attention.per_team_client)} h. "
    )
    if attention.favoured:
        text.append("Your own clients are clearly favoured.", style="red")
    else:
        text.append("Balanced.", style="green")
    if review.handoff_support_hours:
        text.append(
            f" Handoff support (co-lead and lead stages, not counted above): "
            f"{hours_text(review.handoff_support_hours)} h."
        )
    return text


def _team(review: Review) -> RenderableType:
    mates = review.one_on_ones.by_teammate.values()
    if not mates:
        return Text("No teammates yet: add them with `leadshift teammate add`.", style="dim")
    # "this week": the time you gave each of them, their 1:1s and the coaching logged with them.
    table = plain_table("teammate", "this week", "last held", "next 1:1", "escalations", edge=False)
    for mate in mates:
        week = [
            f"{n} {what}"
            for n, what in ((mate.held, "held"), (mate.cancelled, "cancelled"), (mate.interrupted, "interrupted"))
            if n
        ]
        week += [f"{hours_text(mate.coaching_hours)} h coaching"] if mate.coaching_hours else []
        if mate.left_the_team:
            due = Text("left the team", style="dim")
        elif mate.overdue:
            due = Text(f"overdue {mate.days_overdue} d", style="red")
        else:
            due = Text(f"due {mate.due_on}", style="green")
        table.add_row(
            literal(mate.name),
            Text("\n".join(week) or "none", style="" if week else "dim"),
            str(mate.last_held or ("-" if mate.left_the_team else "never")),
            due,
            f"{mate.escalations}, {mate.asked_first} asked first" if mate.escalations else "",
        )
    owners = [m for m in mates if m.growth_accounts]
    growth = Text(f"Growth accounts (weight {GROWTH_WEIGHT}-5) owned or being taken over: ")
    if not owners:
        return Group(table, growth.append("none yet."))
    for i, mate in enumerate(owners):
        growth.append("; " if i else "").append_text(literal(mate.name)).append(f" {len(mate.growth_accounts)}")
    nobody = [m for m in mates if not m.growth_accounts]
    if nobody:
        growth.append("; none for ")
        for i, mate in enumerate(nobody):
            growth.append(", " if i else "").append_text(literal(mate.name))
    return Group(table, growth.append("."))


def _said_no(review: Review) -> RenderableType:
    if not review.said_no:
        return Text("No trade-offs logged this week (`leadshift yes` records one).", style="dim")
    more = Text(f"The full account, with the nos the ledger implies: leadshift check --week {review.week}", style="dim")
    return Group(trade_offs_table(review.said_no), more)


def _steps(review: Review) -> RenderableType:
    """The most important steps (every one with `--all`), and how many more there are."""
    shown = review.next_steps
    more = len(review.to_fix) - len(shown)
    if not more:
        return _findings(shown)
    steps = "1 more step" if more == 1 else f"{more} more steps"
    return Group(_findings(shown), Text(f"{steps}: `leadshift review --all` shows every one.", style="dim"))


def _findings(findings: list[Finding]) -> RenderableType:
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column(overflow="fold")
    for finding in findings:
        grid.add_row(
            Text(finding.severity.upper(), style=SEVERITY_STYLE[finding.severity]),
            literal(finding.message).append("\n").append_text(literal("→ " + finding.action, "dim")),
        )
    return grid
