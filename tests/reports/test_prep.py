"""The brief for a 1:1 (`prep`), on small ledgers whose every figure is worked out by hand."""

from __future__ import annotations

from datetime import date

import pytest

from leadshift.domain.book import Book, Client, Handoff, Profile, Teammate
from leadshift.domain.promises import ActionItem, Obstacle
from leadshift.handoff.stages import GUIDANCE, dated_stages
from leadshift.render.data import plain
from leadshift.reports.prep import CHECK_INS_WHILE_OVER_LIMIT, first_day_read, prep
from leadshift.reports.questions import FALLBACKS, GETS_IN_THE_WAY
from tests.reports.test_review import Log, make_ledger

TODAY = date(2026, 11, 20)  # a Friday
KEYS = [
    "teammate",
    "last_held",
    "next_due",
    "lost_since",
    "actions",
    "obstacles",
    "escalations",
    "cost_by_yes",
    "accounts",
    "growth",
    "coaching_hours_4w",
    "questions",
]


def book(**changes: object) -> Book:
    """Sam leads Alice (weekly 1:1s) and Bob; Alice owns Globex, is taking Acme over, backs Initech."""
    fields: dict[str, object] = {
        "profile": Profile(name="Sam Lee", promoted_on=date(2026, 10, 5)),
        "teammates": {
            "alice": Teammate(
                name="Alice Martin", skills=["negotiation"], growing=["pricing"], capacity_hours=30, one_on_one_every=7
            ),
            "bob": Teammate(name="Bob Chen", one_on_one_every=14),
        },
        "clients": {
            "acme": Client(name="Acme Ltd", weight=4, weekly_hours=6),
            "initech": Client(name="Initech", weight=2, weekly_hours=3, backed_by=["alice"]),
            "globex": Client(name="Globex", owner="alice", weight=5, weekly_hours=8),
        },
        "handoffs": {"acme": Handoff(teammate="alice", stage="co-lead", stages=dated_stages(date(2026, 11, 2)))},
    }
    return Book(**{**fields, **changes})


def two_weeks() -> Log:
    log = Log()
    log.one_on_one(date(2026, 11, 3), "alice")
    log.one_on_one(date(2026, 11, 5), "alice", "cancelled", because="acme")  # before the last held one: not listed
    log.one_on_one(date(2026, 11, 10), "alice")  # the last held 1:1
    log.escalation(date(2026, 11, 10), "alice", asked_first=False)  # the day of it: talked over then
    log.one_on_one(date(2026, 11, 12), "alice", "interrupted", because="globex")
    log.one_on_one(date(2026, 11, 13), "alice", "cancelled")  # no client named
    log.escalation(date(2026, 11, 16), "alice", asked_first=True)
    log.escalation(date(2026, 11, 17), "alice", asked_first=False)
    log.escalation(date(2026, 11, 17), "bob", asked_first=False)  # someone else's
    log.yes(date(2026, 11, 17), "acme", "Rush the pricing deck", urgent=True, no="team", teammate="alice")
    log.yes(date(2026, 11, 18), "acme", "An extra call", urgent=False, no="nothing")  # cost nobody
    log.yes(date(2026, 11, 18), "initech", "Redo the report", urgent=False, no="one-on-one", teammate="bob")
    log.yes(date(2026, 11, 9), "globex", "Before the 1:1", urgent=False, no="team", teammate="alice")  # before
    log.lead(date(2026, 10, 23), "coaching", 2, "alice")  # 28 days before today: out of the four weeks
    log.lead(date(2026, 10, 24), "coaching", 1.5, "alice")  # the first of the four weeks
    log.lead(date(2026, 11, 19), "coaching", 1, "alice")
    log.lead(date(2026, 11, 19), "coaching", 1, "bob")
    log.lead(date(2026, 11, 18), "one-on-one", 1, "alice")  # a 1:1's hours are not coaching
    return log


def promises() -> dict[str, object]:
    return {
        "actions": {
            "000000a1": ActionItem(
                teammate="alice", text="Send the training plan", opened=date(2026, 11, 10), due=date(2026, 11, 19)
            ),
            "000000a2": ActionItem(teammate="alice", text="Book a pricing course", opened=date(2026, 11, 3)),
            "000000a3": ActionItem(
                teammate="alice", text="Ask finance", opened=date(2026, 11, 12), due=date(2026, 11, 25)
            ),
            "000000a4": ActionItem(
                teammate="alice",
                text="Draft the renewal",
                owner="them",
                opened=date(2026, 11, 10),
                due=date(2026, 11, 30),
            ),
            "000000a5": ActionItem(
                teammate="alice", text="Done already", opened=date(2026, 11, 3), done=date(2026, 11, 15)
            ),
            "000000a6": ActionItem(teammate="bob", text="Bob's", opened=date(2026, 11, 3)),
        },
        "obstacles": {
            "000000b2": Obstacle(teammate="alice", text="Approvals take a week", opened=date(2026, 11, 16)),
            "000000b1": Obstacle(teammate="alice", text="No CRM access", opened=date(2026, 11, 2)),
            "000000b3": Obstacle(teammate="alice", text="Fixed", opened=date(2026, 11, 2), done=date(2026, 11, 9)),
        },
    }


def alices_brief(**changes: object) -> dict[str, object]:
    return plain(prep(make_ledger(two_weeks(), book(**{**promises(), **changes})), "alice", TODAY, GUIDANCE))


def test_every_key_in_order_with_the_figures_worked_by_hand() -> None:
    brief = alices_brief()
    assert list(brief) == KEYS
    assert brief["teammate"] == {"key": "alice", "name": "Alice Martin", "left": None}
    assert brief["last_held"] == "2026-11-10"
    assert brief["next_due"] == "2026-11-17"  # 7 days after the last held
    assert brief["lost_since"] == [
        {"date": "2026-11-12", "status": "interrupted", "because": {"key": "globex", "name": "Globex"}},
        {"date": "2026-11-13", "status": "cancelled", "because": None},
    ]
    assert brief["escalations"] == [
        {"date": "2026-11-16", "asked_first": True},
        {"date": "2026-11-17", "asked_first": False},
    ]
    assert brief["cost_by_yes"] == [
        {"date": "2026-11-17", "client": "acme", "request": "Rush the pricing deck", "said_no": "team"}
    ]
    # 1.5 (Oct 24) + 1 (Nov 19): Oct 23 is 28 days back, Bob's hour and the 1:1's hour are not hers or coaching.
    assert brief["coaching_hours_4w"] == 2.5


def test_what_each_side_owes_the_soonest_due_first_and_obstacles_oldest_first() -> None:
    brief = alices_brief()
    assert brief["actions"] == {
        "mine": [
            {
                "id": "000000a1",
                "text": "Send the training plan",
                "due": "2026-11-19",
                "opened": "2026-11-10",
                "overdue": True,
            },
            {"id": "000000a3", "text": "Ask finance", "due": "2026-11-25", "opened": "2026-11-12", "overdue": False},
            {"id": "000000a2", "text": "Book a pricing course", "due": None, "opened": "2026-11-03", "overdue": False},
        ],
        "theirs": [
            {
                "id": "000000a4",
                "text": "Draft the renewal",
                "due": "2026-11-30",
                "opened": "2026-11-10",
                "overdue": False,
            }
        ],
    }
    assert brief["obstacles"] == [
        {"id": "000000b1", "text": "No CRM access", "opened": "2026-11-02", "age_days": 18},
        {"id": "000000b2", "text": "Approvals take a week", "opened": "2026-11-16", "age_days": 4},
    ]


def test_an_item_due_today_is_not_overdue_yet() -> None:
    due_today = ActionItem(teammate="alice", text="Call back", opened=date(2026, 11, 10), due=TODAY)
    brief = alices_brief(actions={"000000c1": due_today}, obstacles={})
    assert brief["actions"]["mine"][0]["overdue"] is False  # type: ignore[index]


def test_accounts_growth_and_what_the_handoff_stage_asks() -> None:
    brief = alices_brief()
    assert brief["accounts"] == [
        {"client": "globex", "role": "owner", "handoff_stage": None, "asks_of_you": None},
        {"client": "acme", "role": "taking-over", "handoff_stage": "co-lead", "asks_of_you": GUIDANCE["co-lead"]},
        {"client": "initech", "role": "backer", "handoff_stage": None, "asks_of_you": None},
    ]
    assert brief["growth"] == {
        "growing": ["pricing"],
        "skills": ["negotiation"],
        "capacity_hours": 30.0,
        "owned_weekly_hours": 8.0,  # Globex
        "backed_weekly_hours": 3.0,  # Initech
        "growth_accounts": ["acme", "globex"],  # weight 4 taken over, weight 5 owned
    }


def test_a_client_they_back_and_are_taking_over_is_listed_once() -> None:
    clients = {**book().clients, "acme": Client(name="Acme Ltd", weight=4, weekly_hours=6, backed_by=["alice"])}
    roles = [(a["client"], a["role"]) for a in alices_brief(clients=clients)["accounts"]]  # type: ignore[index]
    assert roles == [("globex", "owner"), ("acme", "taking-over"), ("initech", "backer")]


def handed_over_globex(log: Log) -> dict[str, object]:
    """Globex handed to Alice and done: she owns it, in its check-in weeks."""
    done = Handoff(teammate="alice", stage="check-ins", stages=dated_stages(date(2026, 10, 5)))
    ledger = make_ledger(log, book(handoffs={"globex": done}))
    return plain(prep(ledger, "alice", TODAY, GUIDANCE))


def test_the_check_ins_wait_while_your_client_work_is_over_the_limit() -> None:
    within = Log()
    within.client(date(2026, 11, 16), "initech", 4)  # 40% of a 10 h day: within the limit
    over = Log()
    over.client(date(2026, 11, 16), "initech", 4.5)  # 45%: over
    assert handed_over_globex(within)["accounts"][0] == {  # type: ignore[index]
        "client": "globex",
        "role": "owner",
        "handoff_stage": "check-ins",
        "asks_of_you": GUIDANCE["check-ins"],
    }
    assert handed_over_globex(over)["accounts"][0]["asks_of_you"] == CHECK_INS_WHILE_OVER_LIMIT  # type: ignore[index]
    assert "client" not in CHECK_INS_WHILE_OVER_LIMIT.split(": ")[1].replace("account", "")


def test_the_three_most_pressing_questions_in_their_fixed_order() -> None:
    questions = alices_brief()["questions"]
    assert questions == [
        "I let Globex take our 1:1 on 2026-11-12: what did that cost you, and what do you need from me now?",
        "On 2026-11-02 you told me 2 things in your way (18 days ago): here is what I will do about it, and by when. "
        "What else slows you down with your clients?",
        "When you brought me the problem of 2026-11-17, I answered before asking you: what would you have done?",
    ]


def quiet_brief(log: Log | None = None, **changes: object) -> list[str]:
    """Alice's questions on a ledger where only `log` happened since a 1:1 held on Nov 16."""
    log = log or Log()
    log.one_on_one(date(2026, 11, 16), "alice")
    return plain(prep(make_ledger(log, book(**changes)), "alice", TODAY, GUIDANCE))["questions"]  # type: ignore[no-any-return]


def test_after_a_handoff_stage_ask_what_the_client_asked_that_they_could_not_answer() -> None:
    assert quiet_brief()[0] == (
        "What has Acme Ltd asked you that you could not answer yet, and how will you find the answer?"
    )
    preparing = Handoff(teammate="alice", stage="prepare", stages=dated_stages(date(2026, 11, 16)))
    assert quiet_brief(handoffs={"acme": preparing})[0] == (
        "Before you meet Acme Ltd: what do you still need to know, and what should we practise first?"
    )


def test_with_nothing_pressing_two_general_questions_fill_in() -> None:
    # No handoff, and her growth accounts (Globex) leave nothing to stretch into.
    assert quiet_brief(handoffs={}) == list(FALLBACKS[:2])


def test_growth_goals_without_a_growth_account_ask_which_client_would_stretch_them() -> None:
    globex_is_bobs = {**book().clients, "globex": Client(name="Globex", owner="bob", weight=5)}
    asked = quiet_brief(handoffs={}, clients=globex_is_bobs)
    assert asked == ["You want to grow in pricing: which client would stretch you there?", FALLBACKS[0]]
    full = {**book().teammates, "alice": Teammate(name="Alice Martin", growing=["pricing"], capacity_hours=0)}
    # No client hours to give: not pointed at another account.
    assert quiet_brief(handoffs={}, clients=globex_is_bobs, teammates=full) == list(FALLBACKS[:2])


def test_an_open_obstacle_replaces_the_general_question_it_would_repeat() -> None:
    waiting = {"000000b1": Obstacle(teammate="alice", text="No CRM access", opened=date(2026, 11, 18))}
    asked = quiet_brief(handoffs={}, obstacles=waiting)
    assert asked[0].startswith("On 2026-11-18 you told me what got in your way (2 days ago)")
    assert GETS_IN_THE_WAY not in asked and asked[1] == FALLBACKS[1]


def test_a_yes_that_cancelled_the_1_1_is_asked_about_once() -> None:
    log = Log()
    log.yes(date(2026, 11, 17), "acme", "Rush", urgent=True, no="one-on-one", teammate="alice")
    log.one_on_one(date(2026, 11, 17), "alice", "cancelled", because="acme")  # `yes --cancel-one-on-one`
    log.yes(date(2026, 11, 18), "initech", "Extra", urgent=False, no="team", teammate="alice")
    asked = quiet_brief(log, handoffs={})
    assert asked == [
        "I let Acme Ltd take our 1:1 on 2026-11-17: what did that cost you, and what do you need from me now?",
        "When I said yes to Initech on 2026-11-18, your time paid for it: what did it push aside?",
    ]


@pytest.mark.parametrize("asked_first", [True, False])
def test_only_problems_answered_before_asking_raise_the_question(asked_first: bool) -> None:
    log = Log()
    log.escalation(date(2026, 11, 18), "alice", asked_first=asked_first)
    asked = quiet_brief(log, handoffs={})
    assert any("what would you have done" in q for q in asked) is not asked_first


def test_no_question_sends_you_to_the_client() -> None:
    for question in alices_brief()["questions"] + quiet_brief() + list(FALLBACKS):  # type: ignore[operator]
        assert "call the client" not in question.lower() and "take it back" not in question.lower()
        assert question.endswith("?")


def test_never_held_counts_from_when_you_took_the_team() -> None:
    log = Log()
    log.one_on_one(date(2026, 10, 6), "bob", "cancelled", because="acme")
    log.escalation(date(2026, 10, 4), "bob", asked_first=False)  # before the promotion
    brief = plain(prep(make_ledger(log, book()), "bob", TODAY, GUIDANCE))
    assert brief["last_held"] is None
    assert brief["next_due"] == "2026-10-19"  # promoted Oct 5, fortnightly
    assert [item["date"] for item in brief["lost_since"]] == ["2026-10-06"]
    assert brief["escalations"] == []


def test_someone_who_left_gets_their_history_and_no_questions() -> None:
    log = Log()
    log.one_on_one(date(2026, 11, 2), "bob")
    log.escalation(date(2026, 11, 4), "bob", asked_first=False)
    left = {**book().teammates, "bob": Teammate(name="Bob Chen", left=date(2026, 11, 13))}
    brief = plain(prep(make_ledger(log, book(teammates=left)), "bob", TODAY, GUIDANCE))
    assert brief["teammate"] == {"key": "bob", "name": "Bob Chen", "left": "2026-11-13"}
    assert brief["next_due"] is None and brief["questions"] == []
    assert brief["last_held"] == "2026-11-02" and brief["escalations"] == [{"date": "2026-11-04", "asked_first": False}]


def test_a_1_1_held_today_leaves_nothing_since() -> None:
    log = two_weeks()
    log.one_on_one(TODAY, "alice")
    brief = plain(prep(make_ledger(log, book()), "alice", TODAY, GUIDANCE))
    assert brief["lost_since"] == brief["escalations"] == brief["cost_by_yes"] == []
    assert brief["next_due"] == "2026-11-27"


def test_the_brief_reads_since_the_last_1_1_or_four_weeks_whichever_is_longer() -> None:
    ledger = make_ledger(two_weeks(), book())
    assert first_day_read(ledger, "alice", TODAY) == date(2026, 10, 24)  # last held Nov 10: the four weeks
    assert first_day_read(ledger, "bob", TODAY) == date(2026, 10, 5)  # never held: since the promotion
