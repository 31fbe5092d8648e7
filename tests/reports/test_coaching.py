"""Issue 14's coaching: false alarms gone, the trouble the essays describe caught, progress recognised.

Each rule on a small ledger built by hand (the Log and Sam's book of test_review.py), firing and
staying quiet. W47 is 2026-11-16 to 22, reviewed on Friday the 20th; its four weeks start on
Monday 2026-10-26 (W44), and the four before them on 2026-09-28 (W40).
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from leadshift.domain.book import Book, Client
from leadshift.reports.review import Review, weekly_review
from leadshift.reports.said_no import said_no
from tests.reports.test_review import TODAY, W47, Log, make_ledger, sams_book, two_weeks, with_handoffs

W44 = date(2026, 10, 26)


def review_of(log: Log, book: Book | None = None, weeks: int = 6) -> Review:
    return weekly_review(make_ledger(log, book or sams_book()), *W47, TODAY, weeks)


def codes(review: Review) -> list[str]:
    return [f.code for f in review.findings]


def finding(review: Review, code: str):  # type: ignore[no-untyped-def]
    found = [f for f in review.findings if f.code == code]
    assert len(found) == 1, (code, codes(review))
    return found[0]


def monday(weeks_before_w47: int) -> date:
    return W47[0] - timedelta(weeks=weeks_before_w47)


# -- 2. False alarms ------------------------------------------------------------------------------


def with_teammate(book: Book, key: str, **fields: object) -> Book:
    return Book.model_validate({**book.model_dump(), "teammates": {**book.model_dump()["teammates"], key: fields}})


def test_a_new_teammate_is_due_one_cadence_after_joining_not_after_the_promotion() -> None:
    book = with_teammate(sams_book(), "carol", name="Carol Diaz", one_on_one_every=7, joined=date(2026, 11, 16))
    carol = review_of(Log(), book).one_on_ones.by_teammate["carol"]
    assert (carol.due_on, carol.overdue) == (date(2026, 11, 23), False)
    assert not [f for f in review_of(Log(), book).findings if "Carol" in f.message]


def test_a_teammate_without_a_joining_day_is_due_one_cadence_after_the_promotion() -> None:
    book = with_teammate(sams_book(), "carol", name="Carol Diaz", one_on_one_every=7)
    carol = review_of(Log(), book).one_on_ones.by_teammate["carol"]
    assert (carol.due_on, carol.overdue, carol.days_overdue) == (date(2026, 11, 9), True, 11)  # promoted Nov 2


@pytest.mark.parametrize(("last_held", "severity"), [(date(2026, 11, 2), "warn"), (date(2026, 10, 26), "alert")])
def test_an_overdue_one_on_one_is_an_alert_only_two_cadences_late(last_held: date, severity: str) -> None:
    # Alice, weekly: held Nov 2 -> due Nov 9, 11 days late on Nov 20 (over one cadence, under two);
    # held Oct 26 -> due Nov 2, 18 days late.
    log = Log()
    log.one_on_one(last_held, "alice")
    log.one_on_one(date(2026, 11, 16), "bob")
    overdue = finding(review_of(log), "one-on-one-overdue")
    assert overdue.severity == severity


def test_hours_on_a_client_in_co_lead_or_lead_are_handoff_support_not_favouritism() -> None:
    for stage, start in (("co-lead", date(2026, 11, 2)), ("lead", date(2026, 10, 26))):
        book = with_handoffs(sams_book(), acme=("alice", stage, start))
        review = review_of(two_weeks(), book)
        assert review.handoff_support_hours == 9  # Acme: 4 + 3 + 2
        # Initech and Umbrella: 2 h over two clients, against 0.25 h a team client: not an hour more each.
        assert review.attention.per_own_client == 1
        assert not review.attention.favoured and "own-clients-favoured" not in codes(review)


def test_hours_in_the_first_stages_of_a_handoff_are_still_your_own_attention() -> None:
    book = with_handoffs(sams_book(), acme=("alice", "introduce", date(2026, 11, 9)))
    review = review_of(two_weeks(), book)
    assert review.handoff_support_hours == 0
    assert review.attention.favoured


def test_reschedule_is_asked_only_while_no_1on1_was_held_since_the_lost_one() -> None:
    lost = finding(review_of(two_weeks()), "one-on-ones-cancelled-for-clients")  # Bob's, Nov 17, for Acme
    assert "Reschedule your 1:1 with Bob Chen" in lost.action
    log = two_weeks()
    log.one_on_one(date(2026, 11, 19), "bob")
    review = review_of(log)
    assert review.one_on_ones.by_teammate["bob"].held_since_lost
    assert "Reschedule" not in finding(review, "one-on-ones-cancelled-for-clients").action


def test_a_long_day_without_client_work_is_too_long_not_a_reason_to_cut_client_hours() -> None:
    log = Log()
    log.lead(date(2026, 11, 16), "strategy", 7)
    log.lead(date(2026, 11, 16), "coaching", 5)
    long_day = finding(review_of(log), "hours-over-workday")
    assert "client" not in long_day.action
    log.client(date(2026, 11, 17), "acme", 12)
    assert "cut your client hours first" in finding(review_of(log), "hours-over-workday").action


def test_a_teammate_with_no_client_capacity_is_never_pointed_to_for_a_growth_account() -> None:
    book = sams_book()
    clients = {**book.clients, "initech": Client(name="Initech", owner="alice", weight=4)}
    bob = book.teammates["bob"].model_copy(update={"capacity_hours": 0})
    full = Book.model_validate({**book.model_dump(), "clients": clients, "teammates": {**book.teammates, "bob": bob}})
    assert "growth-accounts-concentrated" not in codes(review_of(Log(), full))
    carol = with_teammate(full, "carol", name="Carol Diaz", capacity_hours=10)
    concentrated = finding(review_of(Log(), carol), "growth-accounts-concentrated")
    assert "none for Carol Diaz" in concentrated.message and "Bob" not in concentrated.message


# -- 3. Trouble the essays describe -----------------------------------------------------------------


def test_interviews_cancelled_for_clients_in_the_review_and_in_check() -> None:
    log = Log()
    log.yes(date(2026, 11, 17), "acme", "Board deck", True, "interview")
    one = finding(review_of(log), "interviews-cancelled-for-clients")
    assert one.severity == "warn"
    assert one.message == "An interview with a candidate gave way to a client: Acme Ltd (2026-11-17)."
    assert "candidate" in one.action
    log.yes(date(2026, 11, 18), "initech", "Call now", False, "interview")
    two = finding(review_of(log), "interviews-cancelled-for-clients")
    assert two.severity == "alert" and "2 interviews" in two.message
    log.yes(date(2026, 11, 19), "acme", "Another deck", True, "interview")
    three = finding(review_of(log), "interviews-cancelled-for-clients")
    assert three.message == (  # each client named once, with its days
        "3 interviews with candidates gave way to clients: Acme Ltd (2026-11-17, 2026-11-19) and Initech (2026-11-18)."
    )
    report = said_no(make_ledger(log, sams_book()), *W47, TODAY)
    assert "interviews-cancelled-for-clients" in [p.code for p in report.patterns]


def test_no_interview_given_up_no_finding() -> None:
    log = Log()
    log.yes(date(2026, 11, 17), "acme", "Board deck", True, "strategy")
    assert "interviews-cancelled-for-clients" not in codes(review_of(log))


def escalations(log: Log, asked: list[bool], weeks_before: list[int]) -> Log:
    for ask, back in zip(asked, weeks_before, strict=True):
        log.escalation(monday(back) + timedelta(days=1), "alice", asked_first=ask)
    return log


def test_ask_first_low_over_four_weeks_catches_escalations_spread_thin() -> None:
    # One escalation a week for six weeks, never asked first: the old one-week rule saw 1 of 1 in W47.
    review = review_of(escalations(Log(), [False] * 6, [5, 4, 3, 2, 1, 0]))
    low = finding(review, "ask-first-low")
    assert low.message == (
        "You asked for their own solution first in 0 of 4 escalations in the four weeks to 2026-W47."
    )


@pytest.mark.parametrize(
    ("asked", "weeks_before"),
    [
        ([False, False], [1, 0]),  # two are too few to call a habit
        ([True, False, True, False], [3, 2, 1, 0]),  # half: not under half
        ([False, False, False], [6, 5, 4]),  # before the four weeks
    ],
)
def test_ask_first_low_stays_quiet(asked: list[bool], weeks_before: list[int]) -> None:
    assert "ask-first-low" not in codes(review_of(escalations(Log(), asked, weeks_before)))


def yeses(log: Log, client: str, count: int, urgent: bool = False, weeks_before: int = 0) -> Log:
    for n in range(count):
        log.yes(monday(weeks_before) + timedelta(days=n % 5), client, f"request {n}", urgent, "nothing")
    return log


def test_a_client_with_six_requests_in_four_weeks_prioritizes_everything() -> None:
    log = yeses(yeses(Log(), "acme", 3, weeks_before=2), "acme", 3)
    for n in range(8):
        log.yes(monday(1), "globex" if n % 2 else "hooli", f"other {n}", False, "nothing")
    everything = finding(review_of(log), "client-prioritizes-everything")
    assert everything.severity == "warn"
    assert everything.message == (
        "Acme Ltd made 6 of your 14 client requests in the four weeks to 2026-W47 (none marked urgent)."
    )
    assert "long-term plan" in everything.action and "scope" in everything.action


def test_a_client_with_half_of_all_requests_prioritizes_everything() -> None:
    log = yeses(yeses(Log(), "acme", 3, urgent=True), "globex", 2)
    review = review_of(log)
    assert "Acme Ltd made 3 of your 5" in finding(review, "client-prioritizes-everything").message
    # The same client is not coached twice: urgent-client's step is the same push-back.
    assert "urgent-client" not in codes(review)


def test_a_client_with_a_fair_share_of_requests_is_not_flagged() -> None:
    log = yeses(yeses(yeses(Log(), "acme", 5), "globex", 3), "hooli", 3)  # 5 of 11
    log = yeses(log, "initech", 2, weeks_before=5)  # before the four weeks
    assert "client-prioritizes-everything" not in codes(review_of(log))


def test_an_own_client_far_over_its_need_names_who_takes_the_overflow() -> None:
    # Acme: 9 h against 6 h a week (1.5 times); it cost Bob a 1:1 and two yeses. Alice backs it.
    over = finding(review_of(two_weeks()), "client-over-need")
    assert over.severity == "warn"
    assert over.message == (
        "Acme Ltd took 9 h of your week against its weekly need of 6 h; it cost 1 1:1 and 2 requests said yes to."
    )
    assert over.action.startswith("Give the 3 h over its need to Alice Martin, who backs it")
    handing = with_handoffs(sams_book(), acme=("bob", "prepare", date(2026, 11, 16)))
    assert "to Bob Chen, who is taking it over" in finding(review_of(two_weeks(), handing), "client-over-need").action


def test_an_own_client_under_one_and_a_half_times_its_need_is_not_over_it() -> None:
    log = Log()
    log.client(date(2026, 11, 16), "acme", 8.75)  # 6 h a week: 1.46 times
    log.client(date(2026, 11, 16), "initech", 4.5)  # 3 h a week: exactly 1.5 times
    review = review_of(log)
    assert [f.message.split(" took")[0] for f in review.findings if f.code == "client-over-need"] == ["Initech"]


def share_weeks(*shares: float) -> Log:
    """One 10 h day a week, ending with W47: `share` of it on Acme, the rest on strategy."""
    log = Log()
    for back, share in zip(range(len(shares) - 1, -1, -1), shares, strict=True):
        day = monday(back)
        log.client(day, "acme", round(10 * share, 2))
        log.lead(day, "strategy", round(10 * (1 - share), 2))
    return log


def test_share_not_falling_over_the_limit_four_weeks_running() -> None:
    stuck = finding(review_of(share_weeks(0.60, 0.58, 0.57, 0.56)), "share-not-falling")
    assert stuck.severity == "warn"
    assert stuck.message == (
        "Client work has been over your 40% limit four weeks running (60%, 58%, 57%, 56%) without falling 5 points."
    )
    assert "handoff" in stuck.action


@pytest.mark.parametrize(
    "shares",
    [
        (0.60, 0.58, 0.57, 0.55),  # 5 points down over the four weeks
        (0.60, 0.62, 0.61, 0.56),  # 5 points down on the week before
        (0.60, 0.58, 0.40, 0.56),  # one week within the limit
        (0.58, 0.57, 0.56),  # three weeks only
    ],
)
def test_share_not_falling_stays_quiet(shares: tuple[float, ...]) -> None:
    assert "share-not-falling" not in codes(review_of(share_weeks(*shares)))


def test_lead_from_below_when_you_tell_twice_as_often_as_you_ask() -> None:
    review = review_of(escalations(Log(), [True, False, False, False], [3, 2, 1, 0]))
    below = finding(review, "lead-from-below")
    assert below.severity == "info"
    assert below.message == (
        "In the four weeks to 2026-W47 you told your team what to do 3 times and asked for their solution first once."
    )
    assert "procedures" in below.action and "follow through" in below.action
    assert "lead-from-below" not in codes(review_of(escalations(Log(), [True, True, False, False], [3, 2, 1, 0])))


# -- 4. Progress recognised -------------------------------------------------------------------------


def test_share_falling_against_the_week_before() -> None:
    review = review_of(share_weeks(0.55, 0.50))
    falling = finding(review, "share-falling")
    assert falling.severity == "good"
    assert falling.message == "Client work fell from 55% in 2026-W46 to 50% this week: 5 points."
    assert "share-falling" not in codes(review_of(share_weeks(0.55, 0.51)))


def test_share_falling_over_four_weeks() -> None:
    falling = finding(review_of(share_weeks(0.60, 0.58, 0.57, 0.55)), "share-falling")
    assert falling.message == "Client work fell from 60% in 2026-W44 to 55% this week: 5 points in 3 weeks."


def good_week() -> tuple[Log, Book]:
    """No own clients, a third of the week on client work, every 1:1 held, solutions asked for."""
    book = sams_book().model_copy(
        update={"clients": {"globex": Client(name="Globex", owner="alice"), "hooli": Client(name="Hooli", owner="bob")}}
    )
    log = Log()
    for day in (date(2026, 11, 16), date(2026, 11, 17), date(2026, 11, 18)):
        log.client(day, "globex", 2)
        log.lead(day, "strategy", 2)
        log.lead(day, "coaching", 2, "alice")
    log.one_on_one(date(2026, 11, 16), "alice")
    log.one_on_one(date(2026, 11, 16), "bob")
    for day in (date(2026, 11, 17), date(2026, 11, 18), date(2026, 11, 19)):
        log.escalation(day, "alice", asked_first=True)
    return log, book


def test_a_leader_doing_well_hears_only_what_went_well() -> None:
    review = review_of(*good_week())
    assert {f.severity for f in review.findings} == {"good"}
    held = finding(review, "all-one-on-ones-held")
    assert held.message == "Every 1:1 went ahead: 2 held this week, none cancelled or cut short, nobody overdue."


def test_all_one_on_ones_held_stays_quiet_after_a_cancelled_one_or_an_overdue_one() -> None:
    log, book = good_week()
    log.one_on_one(date(2026, 11, 19), "alice", "cancelled")
    assert "all-one-on-ones-held" not in codes(review_of(log, book))
    overdue = Log()
    overdue.one_on_one(date(2026, 11, 16), "alice")  # Bob, fortnightly, due since Nov 16
    assert "all-one-on-ones-held" not in codes(review_of(overdue, book))


def test_ask_first_rising_against_the_four_weeks_before() -> None:
    log = escalations(Log(), [False, False, False, True], [7, 6, 5, 4])  # 1 of 4 before
    rising = finding(review_of(escalations(log, [True, True, True, False], [3, 2, 1, 0])), "ask-first-rising")
    assert rising.severity == "good"
    assert rising.message == (
        "You asked for their solution first in 3 of 4 escalations in the four weeks to 2026-W47 (75%), "
        "up from 1 of 4 (25%) in the four weeks before."
    )
    steady = escalations(Log(), [True, True, True, False, True, True, True, False], [7, 6, 5, 4, 3, 2, 1, 0])
    assert "ask-first-rising" not in codes(review_of(steady))


def test_a_handoff_stage_completed_this_week_is_recognised() -> None:
    from leadshift.domain.book import StageDates
    from leadshift.handoff.stages import dated_stages

    stages = dated_stages(date(2026, 11, 2))
    stages[1] = StageDates(stage="introduce", start=date(2026, 11, 9), end=date(2026, 11, 17))  # done on the 17th
    stages = [*stages[:2], *[s.model_copy(update={"start": s.start + timedelta(days=2)}) for s in stages[2:]]]
    handoff = {"teammate": "bob", "stage": "co-lead", "stages": [s.model_dump() for s in stages]}
    book = Book.model_validate({**sams_book().model_dump(), "handoffs": {"acme": handoff}})
    done = finding(review_of(two_weeks(), book), "handoff-stage-done")
    assert done.message == "Acme Ltd's handoff to Bob Chen finished its introduce stage on 2026-11-17; now co-lead."
    later = weekly_review(make_ledger(two_weeks(), book), date(2026, 11, 23), date(2026, 11, 29), date(2026, 11, 27))
    assert "handoff-stage-done" not in codes(later)


# -- 5. Shorter and calmer --------------------------------------------------------------------------


def test_coaching_hours_per_teammate() -> None:
    review = review_of(two_weeks())
    assert review.one_on_ones.by_teammate["alice"].coaching_hours == 2
    assert review.one_on_ones.by_teammate["bob"].coaching_hours == 0


def trouble() -> tuple[Log, Book]:
    """A leader in every kind of trouble at once, over the limit, with own clients quiet and favoured."""
    log = two_weeks()
    log.client(date(2026, 11, 17), "acme", 2)  # 13.5 h of delivery in 3 workdays of 10 h: 45%, over the limit
    log.yes(date(2026, 11, 19), "acme", "Workshop", False, "interview")
    for day in (date(2026, 10, 27), date(2026, 11, 3), date(2026, 11, 10)):
        log.client(day, "acme", 6)
        log.lead(day, "admin", 2)
        log.escalation(day, "bob", asked_first=False)
        log.yes(day, "acme", "More", True, "team")
    return log, sams_book()


STEPS_TOWARD_A_CLIENT = ("call {name}", "check in with {name}", "spend more time on {name}", "visit {name}")


def test_no_two_steps_contradict_each_other() -> None:
    review = review_of(*trouble())
    assert {"client-share-over-limit", "owned-clients-remain", "client-over-need", "own-clients-favoured"} <= set(
        codes(review)
    )
    actions = [f.action.lower() for f in review.findings]
    assert len(actions) == len(set(actions))  # no step twice
    book = sams_book()
    for key, client in book.clients.items():
        name = client.name.lower()
        toward = [a for a in actions if any(s.format(name=name) in a for s in STEPS_TOWARD_A_CLIENT)]
        # Over the limit, no step sends you back into any client's work, own or the team's.
        assert not toward, (key, toward)
