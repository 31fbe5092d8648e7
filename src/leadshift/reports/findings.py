"""Coaching from the weekly figures: each finding a code, a severity, the numbers, one next step (pure).

Every rule fires only when the week's data shows the problem, and every action
comes from one principle of docs/coaching.md (its number is noted beside the rule).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from leadshift.domain.book import Book
from leadshift.domain.wording import and_list, hours_text, over_limit, percent_text, plural, shown_percent, times
from leadshift.reports import progress, trouble
from leadshift.reports.figures import WeekFigures, hours_a_day, longer_than_the_workday
from leadshift.reports.finding import SEVERITIES, Finding
from leadshift.reports.said_no import Pattern
from leadshift.reports.team_side import PARTLY_LOGGED, partly_logged

__all__ = ["Finding", "findings_for"]

# Most important first: by severity, then in this order (docs/coaching.md): people first, the
# warning signs essay 5 names; then the time budget; then the clients still to hand over; then habits.
SEVERITY_ORDER = {severity: rank for rank, severity in enumerate(SEVERITIES)}
STEP_ORDER = (
    "one-on-ones-cancelled-for-clients",
    "one-on-one-overdue",
    "interviews-cancelled-for-clients",
    "actions-overdue",
    "obstacles-waiting",
    "client-share-over-limit",
    "share-not-falling",
    "hours-over-workday",
    "own-client-going-quiet",
    "client-over-need",
    "owned-clients-remain",
    "own-clients-favoured",
    "client-prioritizes-everything",
    "urgent-client",
    "ask-first-low",
    "lead-from-below",
    "escalations-frequent",
    "no-strategy-or-learning",
    "growth-accounts-concentrated",
    "stay-on-the-map",
    "team-pulled-to-own-clients",
    "team-time-interrupted",
    "days-partly-logged",
    "share-falling",
    "all-one-on-ones-held",
    "ask-first-rising",
    "handoff-stage-done",
)
FROM_TRADE_OFFS = {"urgent-client", "interviews-cancelled-for-clients"}  # say-no patterns the review reports
FAR_OVER_LIMIT = 15  # a client share this many percentage points over the limit (as shown) is an alert
MANY_ESCALATIONS = 5  # a week's escalations that suggest people lack room to decide
ALERT_AFTER_CADENCES = 2  # a 1:1 this many cadences late is an alert; less late, a warning
INTERRUPTIONS_TO_WARN = 2  # client calls cutting into team time in a week: twice is a habit, once an emergency


def findings_for(week: WeekFigures, book: Book, trade_off_patterns: Iterable[Pattern] = ()) -> list[Finding]:
    """Every finding the week's figures call for, most important first (`importance`).

    `trade_off_patterns` come from the say-no report of the same week, so the
    review and `leadshift check` judge a client's urgent asks alike.
    """
    found = [finding for rule in RULES for finding in rule(week, book)]
    # A client who prioritises everything is coached once: urgent-client's step is the same push-back.
    pushed_back = trouble.prioritizing_everything(week)
    found += [
        Finding(p.code, p.severity, p.message, p.action or "")
        for p in trade_off_patterns
        if p.code in FROM_TRADE_OFFS and not (p.code == "urgent-client" and pushed_back & set(p.subjects))
    ]
    return sorted(found, key=importance)


def importance(finding: Finding) -> tuple[int, int]:
    """Severity first, then STEP_ORDER; a code it does not name comes after those it does, in rule order."""
    order = STEP_ORDER.index(finding.code) if finding.code in STEP_ORDER else len(STEP_ORDER)
    return SEVERITY_ORDER[finding.severity], order


def _client_share(week: WeekFigures, book: Book) -> Iterator[Finding]:  # principle 6
    share, limit, hours = week.client_share, week.client_share_limit, week.hours
    if share is None or not over_limit(share, limit):
        return
    workdays = week.workday_hours * week.days_logged
    excess = hours.delivery - limit * workdays
    yield Finding(
        "client-share-over-limit",
        "alert" if shown_percent(share) - shown_percent(limit) >= FAR_OVER_LIMIT else "warn",
        f"Client delivery took {percent_text(share)} of your workdays this week: {hours_text(hours.delivery)} h "
        f"in {plural(week.days_logged, 'day')} of {hours_text(week.workday_hours)} h; your limit is "
        f"{percent_text(limit)}.",
        f"Hand about {hours_text(excess)} h of next week's delivery to the teammates who back those accounts, "
        "and spend that time on 1:1s, coaching and strategy.",
    )


def _partly_logged(week: WeekFigures, book: Book) -> Iterator[Finding]:  # principle 6
    if partly_logged(week.hours.total, week.days_logged, week.workday_hours):
        yield Finding(
            "days-partly-logged",
            "info",
            f"Your {plural(week.days_logged, 'day')} logged average {hours_text(hours_a_day(week))} h, under "
            f"{percent_text(PARTLY_LOGGED)} of your {hours_text(week.workday_hours)} h workday: the client share "
            "counts whole workdays, so it reads low.",
            "Log whole days, leading and admin included, so the share measures the week you really had.",
        )


def _long_days(week: WeekFigures, book: Book) -> Iterator[Finding]:  # principles 5 and 6
    if longer_than_the_workday(week):
        yield Finding(
            "hours-over-workday",
            "warn",
            f"You logged {hours_text(hours_a_day(week))} h a day over {plural(week.days_logged, 'day')}; "
            f"your workday is {hours_text(week.workday_hours)} h.",
            "Doing two jobs makes both worse: cut your client hours first, not your sleep, your learning "
            "or your time with the team."
            if week.hours.client
            # No client work to cut: the day itself is too long.
            else f"Your days are too long: stop at {hours_text(week.workday_hours)} h, and move what does not fit "
            "into next week's plan or to a teammate who wants to grow into it.",
        )


def _overdue_one_on_ones(week: WeekFigures, book: Book) -> Iterator[Finding]:  # principle 14
    for mate in week.one_on_ones.by_teammate.values():
        if not mate.overdue:
            continue
        last = f"last held {mate.last_held}" if mate.last_held else "none logged yet"
        yield Finding(
            "one-on-one-overdue",
            "alert" if mate.days_overdue >= ALERT_AFTER_CADENCES * mate.cadence_days else "warn",
            f"Your 1:1 with {mate.name} is {plural(mate.days_overdue, 'day')} overdue ({last}; every "
            f"{plural(mate.cadence_days, 'day')}).",
            f"Put a 1:1 with {mate.name} in the calendar this week and treat it as the one meeting "
            "a client call cannot move.",
        )


def _lost_to_clients(week: WeekFigures, book: Book) -> Iterator[Finding]:  # principle 14
    hit = [mate for mate in week.one_on_ones.by_teammate.values() if mate.lost_to]
    if not hit:
        return
    count = sum(mate.lost_for_clients for mate in hit)
    lost = "; ".join(
        f"{mate.name} ({mate.lost_for_clients} for {', '.join(book.client_name(c) for c in mate.lost_to)})"
        for mate in hit
    )
    # Someone met since the lost 1:1 needs no new date, only the lesson for next time.
    waiting = [mate.name for mate in hit if not mate.held_since_lost]
    reschedule = f"Reschedule your 1:1 with {and_list(waiting)} within the week. " if waiting else ""
    yield Finding(
        "one-on-ones-cancelled-for-clients",
        "alert" if count >= 2 else "warn",
        f"{'One 1:1' if count == 1 else f'{count} 1:1s'} gave way to client work this week: {lost}.",
        f"{reschedule}Next time tell the client you will call back after the 1:1: "
        "your people see which of the two you choose.",
    )


def _owned_clients_remain(week: WeekFigures, book: Book) -> Iterator[Finding]:  # principle 1
    owned = week.owned_clients
    if not owned:
        return
    need = sum(c.weekly_need for c in owned)
    moving = [c for c in owned if c.handoff_to]
    waiting = [c for c in owned if not c.handoff_to]
    under_way = f"; {len(moving)} in a handoff" if moving else ""
    if waiting:
        action = (
            f"See who can take over {', '.join(c.name for c in waiting)} with `leadshift handoff plan`, and save "
            "it with --save; every account you keep is one your team cannot grow on."
        )
    else:
        action = "Keep each handoff moving: `leadshift handoff status`, then `leadshift handoff advance CLIENT`."
    yield Finding(
        "owned-clients-remain",
        "warn" if waiting else "info",
        f"You still serve {plural(len(owned), 'client')} yourself ({', '.join(c.name for c in owned)}): "
        f"{hours_text(need)} h a week of their need{under_way}.",
        action,
    )


def _own_clients_favoured(week: WeekFigures, book: Book) -> Iterator[Finding]:  # principle 3
    attention = week.attention
    if not attention.favoured:
        return
    quietest = min(attention.by_team_client, key=lambda k: (attention.by_team_client[k], k))
    # Not a call from you: more client work is the problem, whichever client it is for.
    yield Finding(
        "own-clients-favoured",
        "warn",
        f"Your own clients got {hours_text(attention.per_own_client)} h each from you this week; the clients "
        f"your team owns got {hours_text(attention.per_team_client)} h each.",
        f"Other clients notice who gets the boss's time: ask {_owner_of(quietest, book)} about "
        f"{book.client_name(quietest)} in your next 1:1 with them, and let the teammates who back your accounts "
        "answer their day-to-day requests.",
    )


def _owner_of(key: str, book: Book) -> str:
    client = book.clients.get(key)
    return book.teammate_name(client.owner) if client else "its owner"


def _going_quiet(week: WeekFigures, book: Book) -> Iterator[Finding]:  # principle 2
    for client in week.owned_clients:
        if not client.quiet:
            continue
        if client.last_worked:
            when = f"for {plural(client.days_since_worked or 0, 'day')} (last on {client.last_worked})"
        elif (added := book.clients[client.key].added if client.key in book.clients else None) and (
            week.logging_since is None or added > week.logging_since
        ):
            when = f"in the {plural((week.as_of - added).days, 'day')} since you added it"
        else:
            logged = (week.as_of - week.logging_since).days if week.logging_since else 0
            when = f"in the {plural(logged, 'day')} since you started logging"
        yield Finding(
            "own-client-going-quiet",
            "alert" if client.weight >= 4 else "warn",
            f"{client.name} has had no hours from you {when}.",
            _someone_else_calls(client.key, client.handoff_to, book),
        )


def _someone_else_calls(key: str, taking_over: str | None, book: Book) -> str:
    """The step for a quiet client of yours: a teammate calls, never you (principles 1 and 6)."""
    backers = book.clients[key].backed_by if key in book.clients else []
    name = book.client_name(key)
    if taking_over:
        return (
            f"Ask {book.teammate_name(taking_over)} (who is taking it over) to call {name} this week, before the "
            "relationship turns transactional."
        )
    if backers:
        return (
            f"Ask {book.teammate_name(backers[0])} (who backs it) to call {name} this week, before the "
            "relationship turns transactional, and start its handoff (`leadshift handoff plan`)."
        )
    return f"Start its handoff (`leadshift handoff plan`) so someone on the team gives {name} full attention."


def _ask_first(week: WeekFigures, book: Book) -> Iterator[Finding]:  # principles 10 and 11
    esc, asking = week.escalations, week.recent.asking
    if trouble.asks_too_rarely(asking):
        yield Finding(
            "ask-first-low",
            "warn",
            f"You asked for their own solution first in {asking.asked_first} of {asking.escalations} escalations "
            f"in the four weeks to {week.week}.",
            "When someone brings you a problem, ask what they would do before you answer; they usually have "
            "half the solution. Log it with `leadshift log escalation NAME --asked`.",
        )
    if esc.total >= MANY_ESCALATIONS:
        yield Finding(
            "escalations-frequent",
            "info",
            f"Your team brought you {esc.total} problems this week.",
            "Agree clear limits inside which they decide alone (a discount, a deadline, a refund), "
            "correct overreach quickly, and praise the initiative.",
        )


def _time_for_yourself(week: WeekFigures, book: Book) -> Iterator[Finding]:  # principle 5
    growing = week.hours.by_activity.get("strategy", 0) + week.hours.by_activity.get("learning", 0)
    if week.days_logged >= 3 and growing == 0:
        yield Finding(
            "no-strategy-or-learning",
            "info",
            f"None of your {hours_text(week.hours.total)} h this week went to strategy or learning.",
            "Leading is a job you are still learning: block two hours next week for it, as fixed as a client meeting.",
        )


def _growth_spread(week: WeekFigures, book: Book) -> Iterator[Finding]:  # principle 4
    team = [m for m in week.one_on_ones.by_teammate.values() if not m.left_the_team]
    rich = [m for m in team if len(m.growth_accounts) >= 2]
    # Someone with no client hours to give is not pointed to for the next account.
    without = [m for m in team if not m.growth_accounts and book.teammates[m.key].capacity_hours > 0]
    if rich and without:
        holders = ", ".join(f"{m.name} {len(m.growth_accounts)}" for m in rich)
        left_out = ", ".join(m.name for m in without)
        yield Finding(
            "growth-accounts-concentrated",
            "info",
            f"High-weight accounts owned or being taken over: {holders}; none for {left_out}.",
            "Complex, prestigious accounts are where people grow: give the next one to someone who has none.",
        )


def _stay_on_the_map(week: WeekFigures, book: Book) -> Iterator[Finding]:  # principle 9
    if week.client_share is not None and over_limit(week.client_share, week.client_share_limit):
        return  # over the limit, no step sends you toward a client: the check-ins wait until you are under it
    for key, handoff in sorted(book.handoffs.items()):
        if not handoff.done:
            continue
        window = handoff.dates_of("check-ins")
        if window.start <= week.as_of <= window.end:
            client, mate = book.client_name(key), book.teammate_name(handoff.teammate)
            yield Finding(
                "stay-on-the-map",
                "info",
                f"{client} is {mate}'s now (since {window.start}); check-ins run to {window.end}.",
                f"Check in with {client} with {mate} leading: praise their work in front of the client, stand "
                "with them if something went wrong, and let them present the wins (log it with --kind "
                "relationship: it is your job, not delivery).",
            )


def _pulled_to_own_clients(week: WeekFigures, book: Book) -> Iterator[Finding]:  # principle 3
    if not week.pulled:
        return
    total = sum(p.hours for p in week.pulled)
    who = "; ".join(
        f"{book.teammate_name(p.teammate)} {hours_text(p.hours)} h on {book.client_name(p.client)}"
        + (f", from {and_list([book.client_name(c) for c in p.from_clients])}" if p.from_clients else "")
        for p in week.pulled
    )
    yield Finding(
        "team-pulled-to-own-clients",
        "warn",
        f"Your team was pulled onto your own clients for {hours_text(total)} h this week: {who}.",
        "Tell the team your clients' requests queue like every other client's, and "
        + (
            "keep their handoffs moving (`leadshift handoff status`)."
            if all(p.client in book.handoffs for p in week.pulled)
            else "start handing those accounts to the people already doing the work (`leadshift handoff plan`)."
        ),
    )


def _team_time_interrupted(week: WeekFigures, book: Book) -> Iterator[Finding]:  # principle 14
    cut = week.team_time_interrupted
    if len(cut) < INTERRUPTIONS_TO_WARN:
        return
    what = "; ".join(
        f"{i.activity}{f' with {book.teammate_name(i.teammate)}' if i.teammate else ''} on {i.date} "
        f"({book.client_name(i.client)})"
        for i in cut
    )
    yield Finding(
        "team-time-interrupted",
        "warn",
        f"Client calls cut into your time with the team {times(len(cut))} this week: {what}.",
        "Keep team meetings and coaching free of client calls: silence the phone, and tell the client you will "
        "call back when you are done. Your people see which of the two you choose.",
    )


RULES: tuple[Callable[[WeekFigures, Book], Iterator[Finding]], ...] = (
    _client_share,
    trouble.share_not_falling,
    _long_days,
    _owned_clients_remain,
    _going_quiet,
    trouble.client_over_need,
    _own_clients_favoured,
    _overdue_one_on_ones,
    _lost_to_clients,
    trouble.prioritizes_everything,
    _ask_first,
    trouble.lead_from_below,
    _time_for_yourself,
    _growth_spread,
    _stay_on_the_map,
    _partly_logged,
    _pulled_to_own_clients,
    _team_time_interrupted,
    trouble.actions_overdue,
    trouble.obstacles_waiting,
    progress.share_falling,
    progress.all_held,
    progress.asking_rising,
    progress.stages_done,
)
