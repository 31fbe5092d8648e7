"""The two or three questions the brief for a 1:1 suggests, drawn from the ledger (pure).

Each is something the leader says to the teammate. They come in a fixed order, most pressing
first, and the brief takes the first three that apply:

1. a 1:1 a client cost them since the last one: ask what losing it cost them (docs/coaching.md, 14);
2. an obstacle they raised is still open: say what you did about it, then ask what else gets in
   the way of serving their clients (12);
3. a problem they brought that you answered without asking for their solution: ask what they
   would have done (10);
4. a client they are taking over: before the introduction, what they still need; after it, what
   the client asked that they could not answer yet, and how they will find out (7);
5. a yes to a client that their time paid for: ask what it pushed aside (15);
6. growth goals and no growth account, with client hours to give: ask which client would stretch
   them (4).

Fewer than two apply: general questions from the essays fill in, in this order: what gets in the
way of serving clients (12), a choice of theirs that helped a client and the business (11), their
best shot at a problem they are working on (10). None of them sends the leader into the client
work: the teammate answers the client, the leader coaches and removes what is in the way.
Someone who has left the team gets none: there is no next 1:1.
"""

from __future__ import annotations

from collections.abc import Callable

from leadshift.domain.wording import and_list, plural
from leadshift.reports.prep_items import Facts

MOST = 3
LEAST = 2
BEFORE_MEETING = "prepare"  # the one stage before the client has met them

GETS_IN_THE_WAY = "What gets in the way of serving your clients, and what could I do about it?"
FALLBACKS = (
    GETS_IN_THE_WAY,
    "Which choice you made lately helped both a client and the business? Could the team learn from it?",
    "What problem are you working on now, and what is your best shot at solving it?",
)


def questions_for(facts: Facts) -> tuple[str, ...]:
    """Up to three questions from the data, most pressing first, filled to two from FALLBACKS."""
    if not facts.on_team:
        return ()
    asked = [q for ask in _IN_ORDER if (q := ask(facts)) is not None][:MOST]
    for fallback in FALLBACKS:
        if len(asked) >= LEAST:
            break
        if fallback == GETS_IN_THE_WAY and facts.obstacles:
            continue  # the obstacle question already asks it
        asked.append(fallback)
    return tuple(asked)


def _lost_to_a_client(facts: Facts) -> str | None:
    lost = [item for item in facts.lost_since if item.because is not None]
    if not lost:
        return None
    clients = and_list(list(dict.fromkeys(item.because.name for item in lost if item.because)))
    days = and_list([str(item.date) for item in lost])
    ours = "our 1:1" if len(lost) == 1 else "our 1:1s"
    return f"I let {clients} take {ours} on {days}: what did that cost you, and what do you need from me now?"


def _obstacle_waiting(facts: Facts) -> str | None:
    if not facts.obstacles:
        return None
    oldest = facts.obstacles[0]
    what = "what got in your way" if len(facts.obstacles) == 1 else f"{len(facts.obstacles)} things in your way"
    return (
        f"On {oldest.opened} you told me {what} ({plural(oldest.age_days, 'day')} ago): here is what I will do "
        "about it, and by when. What else slows you down with your clients?"
    )


def _answered_for_them(facts: Facts) -> str | None:
    answered = [e for e in facts.escalations if not e.asked_first]
    if not answered:
        return None
    which = f"the problem of {answered[0].date}" if len(answered) == 1 else f"those {len(answered)} problems"
    return f"When you brought me {which}, I answered before asking you: what would you have done?"


def _handoff_stage(facts: Facts) -> str | None:
    taking = [a for a in facts.accounts if a.role == "taking-over"]
    met = [a.name for a in taking if a.handoff_stage != BEFORE_MEETING]
    if met:
        return f"What has {and_list(met)} asked you that you could not answer yet, and how will you find the answer?"
    if taking:
        return (
            f"Before you meet {and_list([a.name for a in taking])}: what do you still need to know, and what "
            "should we practise first?"
        )
    return None


def _yes_took_their_time(facts: Facts) -> str | None:
    # A yes that cancelled a 1:1 is the same no as the lost 1:1 the first question asks about.
    lost = {(item.date, item.because.key) for item in facts.lost_since if item.because is not None}
    costs = [c for c in facts.cost_by_yes if (c.date, c.client) not in lost]
    if not costs:
        return None
    yeses = and_list([f"{facts.book.client_name(c.client)} on {c.date}" for c in costs])
    return f"When I said yes to {yeses}, your time paid for it: what did it push aside?"


def _growth_stretch(facts: Facts) -> str | None:
    growth = facts.growth
    if not growth.growing or growth.growth_accounts or growth.capacity_hours <= 0:
        return None
    return f"You want to grow in {and_list(list(growth.growing))}: which client would stretch you there?"


_IN_ORDER: tuple[Callable[[Facts], str | None], ...] = (
    _lost_to_a_client,
    _obstacle_waiting,
    _answered_for_them,
    _handoff_stage,
    _yes_took_their_time,
    _growth_stretch,
)
