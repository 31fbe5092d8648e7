"""Findings for the trouble the essays describe that one week's figures do not show (pure).

Each rule looks at the four weeks ending with the reviewed one (recent.py) or
at one client's hours against its need, and gives one step that moves work to
the team, never back to the leader (docs/coaching.md, 3 and 6).
"""

from __future__ import annotations

from collections.abc import Iterator

from leadshift.domain.book import Book
from leadshift.domain.wording import and_list, hours_text, over_limit, percent_text, plural, times
from leadshift.reports.figures import WeekFigures, over_need
from leadshift.reports.finding import Finding
from leadshift.reports.owed import OBSTACLE_WAIT_DAYS, age, late_actions, waiting_obstacles
from leadshift.reports.recent import MIN_FALL, RECENT_WEEKS, Asking, share_fall

ASK_FIRST_MIN_ESCALATIONS = 3  # in four weeks: fewer say little about a habit
ASK_FIRST_GOOD_RATE = 0.5
EVERYTHING_REQUESTS = 6  # a client's requests in four weeks that are a habit, urgent or not
EVERYTHING_SHARE_MIN = 3  # a client with half of all requests counts from this many: 1 of 2 is no pattern


def asks_too_rarely(asking: Asking) -> bool:
    """Enough escalations to judge, and their own solution asked for first in under half (principle 10)."""
    return (
        asking.escalations >= ASK_FIRST_MIN_ESCALATIONS
        and asking.asked_first < ASK_FIRST_GOOD_RATE * asking.escalations
    )


def prioritizing_everything(week: WeekFigures) -> set[str]:
    """Clients with many requests in four weeks, or half or more of them all, whatever they called urgent."""
    requests = week.recent.requests
    total = sum(requests.values())
    return {
        client
        for client, count in requests.items()
        if count >= EVERYTHING_REQUESTS or (count >= EVERYTHING_SHARE_MIN and 2 * count >= total)
    }


def prioritizes_everything(week: WeekFigures, book: Book) -> Iterator[Finding]:  # principle 13
    requests, urgent = week.recent.requests, week.recent.urgent
    total = sum(requests.values())
    for client in sorted(prioritizing_everything(week)):
        name, marked = book.client_name(client), urgent.get(client, 0)
        yield Finding(
            "client-prioritizes-everything",
            "warn",
            f"{name} made {requests[client]} of your {total} client requests in the four weeks to {week.week} "
            f"({f'{marked}' if marked else 'none'} marked urgent).",
            f"Ask {name} how these requests serve their long-term plan, agree which few matter most, and scope "
            "the rest as planned work: saying yes to all of it serves none of it.",
        )


def client_over_need(week: WeekFigures, book: Book) -> Iterator[Finding]:  # principles 1 and 2
    for client in week.owned_clients:
        if not over_need(client):
            continue
        lost = week.recent.lost_this_week.get(client.key, 0)
        requests = sum(t.client == client.key for t in week.said_no)
        costs = [plural(lost, "1:1")] if lost else []
        costs += [f"{plural(requests, 'request')} said yes to"] if requests else []
        cost = f"; it cost {and_list(costs)}" if costs else ""
        overflow = hours_text(client.hours - client.weekly_need)
        backers = book.clients[client.key].backed_by if client.key in book.clients else []
        if client.handoff_to or backers:
            mate, role = (client.handoff_to, "is taking it over") if client.handoff_to else (backers[0], "backs it")
            action = (
                f"Give the {overflow} h over its need to {book.teammate_name(mate)}, who {role}: send its next "
                "requests to them first."
            )
        else:
            action = (
                f"Name a teammate to back {client.name} (`leadshift client edit {client.key} --backed-by KEY`) "
                f"and give them the {overflow} h over its need."
            )
        yield Finding(
            "client-over-need",
            "warn",
            f"{client.name} took {hours_text(client.hours)} h of your week against its weekly need of "
            f"{hours_text(client.weekly_need)} h{cost}.",
            action,
        )


def share_not_falling(week: WeekFigures, book: Book) -> Iterator[Finding]:  # principle 6
    shares = week.recent.shares
    limit = week.client_share_limit
    if len(shares) < RECENT_WEEKS or any(s is None or not over_limit(s, limit) for _, s in shares):
        return
    if share_fall(shares) is not None:
        return
    under_way = any(not h.done for h in book.handoffs.values())
    step = (
        "move a handoff under way to its next stage (`leadshift handoff status`, then `leadshift handoff advance "
        "CLIENT`)"
        if under_way
        else "save a handoff plan this week (`leadshift handoff plan --save`), starting with the client that "
        "takes most of your hours"
    )
    yield Finding(
        "share-not-falling",
        "warn",
        f"Client work has been over your {percent_text(limit)} limit four weeks running "
        f"({', '.join(percent_text(s or 0.0) for _, s in shares)}) without falling {MIN_FALL} points.",
        f"It will not fall on its own: {step}.",
    )


def lead_from_below(week: WeekFigures, book: Book) -> Iterator[Finding]:  # principle 12
    asking = week.recent.asking
    if asking.escalations < ASK_FIRST_MIN_ESCALATIONS or asking.told < 2 * asking.asked_first:
        return
    asked = f"asked for their solution first {times(asking.asked_first)}" if asking.asked_first else "never asked"
    yield Finding(
        "lead-from-below",
        "info",
        f"In the four weeks to {week.week} you told your team what to do {times(asking.told)} and {asked}.",
        "Turn the chart upside down: ask your team which procedures get in the way of serving clients, tell "
        "them what you will do about each, and follow through.",
    )


def actions_overdue(week: WeekFigures, book: Book) -> Iterator[Finding]:  # principles 12 and 14
    team = week.one_on_ones.by_teammate
    late = {key: items for key, items in late_actions(book, week.as_of).items() if key in team}
    if not late:
        return
    count = sum(len(items) for items in late.values())
    who = ", ".join(
        f"{book.teammate_name(key)} {len(items)} "
        f"({'the oldest due' if len(items) > 1 else 'due'} {min(i.due for i in items if i.due)})"
        for key, items in late.items()
    )
    yield Finding(
        "actions-overdue",
        "warn",
        f"{plural(count, 'action item')} you owe your team "
        f"{'is past its due day' if count == 1 else 'are past their due days'} as of {week.as_of}: {who}.",
        "Do each before your next 1:1 with that person, or tell them when it will be done: a promise left late "
        "tells people their problems can wait. `leadshift actions` lists them; close each with "
        "`leadshift action done ID`.",
    )


def obstacles_waiting(week: WeekFigures, book: Book) -> Iterator[Finding]:  # principle 12
    team = week.one_on_ones.by_teammate
    waiting = {key: items for key, items in waiting_obstacles(book, week.as_of).items() if key in team}
    if not waiting:
        return
    count = sum(len(items) for items in waiting.values())
    who = ", ".join(
        f"{book.teammate_name(key)} {len(items)} ({'the oldest ' if len(items) > 1 else ''}"
        f"{plural(age(items[0], week.as_of), 'day')})"
        for key, items in waiting.items()
    )
    yield Finding(
        "obstacles-waiting",
        "warn",
        f"{plural(count, 'obstacle')} your people raised {'has' if count == 1 else 'have'} waited more than "
        f"{OBSTACLE_WAIT_DAYS} days as of {week.as_of}: {who}.",
        "Tell whoever raised each one what you will do about it, then do it, and close it with what you did: "
        '`leadshift obstacle done ID --note "what you did"` (`leadshift obstacles` lists them).',
    )
