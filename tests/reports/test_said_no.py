"""said_no: what each yes cost the team, every figure worked out by hand."""

from __future__ import annotations

import json
from datetime import date
from itertools import count

from leadshift.domain.book import Book, Client, Profile, Teammate
from leadshift.domain.ledger import Ledger
from leadshift.domain.records import AnyRecord, HoursRecord, OneOnOneRecord, TradeOffRecord
from leadshift.render.data import plain
from leadshift.reports.said_no import (
    ClientCost,
    InterviewCancelled,
    LeadershipDisplaced,
    OneOnOneLost,
    OneOnOneOverdue,
    SaidNoReport,
    TeammateCost,
    TradeOff,
    said_no,
)
from tests.support.builders import ledger_of

TODAY = date(2026, 11, 20)  # a Friday; 2026-W47 runs from Monday 16 to Sunday 22
W47 = (date(2026, 11, 16), date(2026, 11, 22))
_ids = count(1)


def held(day: date, teammate: str) -> OneOnOneRecord:
    return OneOnOneRecord(id=f"{next(_ids):08x}", date=day, teammate=teammate, status="held")


def lost(day: date, teammate: str, status: str, because: str | None) -> OneOnOneRecord:
    return OneOnOneRecord(id=f"{next(_ids):08x}", date=day, teammate=teammate, status=status, because=because)


def yes(day: date, client: str, no: str, teammate: str | None = None, urgent: bool = False) -> TradeOffRecord:
    return TradeOffRecord(
        id=f"{next(_ids):08x}",
        date=day,
        client=client,
        request=f"ask {day}",
        urgent=urgent,
        said_no=no,
        teammate=teammate,
    )


def hours(day: date, amount: float, client: str | None = None, activity: str | None = None) -> HoursRecord:
    return HoursRecord(id=f"{next(_ids):08x}", date=day, hours=amount, client=client, activity=activity)


def ledger(*records: AnyRecord, every: dict[str, int] | None = None) -> Ledger:
    """Sam's ledger: Alice (weekly 1:1s) and Bob (fortnightly); Acme, Initech and Globex."""
    cadence = every if every is not None else {"alice": 7, "bob": 14}
    book = Book(
        profile=Profile(name="Sam", client_share_limit=0.4),
        teammates={k: Teammate(name=f"{k.title()} Martin", one_on_one_every=n) for k, n in cadence.items()},
        clients={"acme": Client(name="Acme Ltd"), "initech": Client(name="Initech"), "globex": Client(name="Globex")},
    )
    return ledger_of(book, records)


def codes(report: SaidNoReport) -> list[str]:
    return [p.code for p in report.patterns]


def test_an_empty_period_says_so_as_good_news() -> None:
    # Both 1:1s on track: Alice held Mon 16 (next due 23), Bob held Mon 9 (next due 23).
    team = ledger(held(date(2026, 11, 16), "alice"), held(date(2026, 11, 9), "bob"))
    report = said_no(team, *W47, TODAY)
    assert (report.said_no, report.implied, report.by_client, report.by_teammate) == ((), (), (), ())
    assert plain(report)["patterns"] == [
        {
            "code": "nothing-displaced",
            "severity": "info",
            "message": "No yes to a client was recorded, and nothing inside the team was displaced from 2026-11-16 "
            "to 2026-11-22: no 1:1 lost or overdue (no hours were logged, so the time budget is not counted).",
            "action": None,
            "subjects": [],
        }
    ]


def test_yeses_that_displaced_nothing_are_still_good_news() -> None:
    team = ledger(
        held(date(2026, 11, 16), "alice"),
        held(date(2026, 11, 16), "bob"),
        yes(date(2026, 11, 17), "acme", "nothing"),
        hours(date(2026, 11, 17), 4, client="acme"),
        hours(date(2026, 11, 17), 6, activity="coaching"),  # 40% client work: exactly the limit, nothing displaced
    )
    report = said_no(team, *W47, TODAY)
    assert report.implied == ()
    assert report.by_client == (ClientCost("acme", 1, 0, 0.0, 0),)
    assert report.by_teammate == ()
    assert codes(report) == ["nothing-displaced"]
    assert report.patterns[0].message == (
        "You said yes to 1 client request without displacing anything inside the team from 2026-11-16 to 2026-11-22: "
        "no 1:1 lost or overdue, and client work stayed within your limit. Good news: your team kept your time."
    )


def test_a_client_with_only_urgent_asks_is_flagged_as_prioritising_everything() -> None:
    day = date(2026, 11, 17)
    records = [
        held(date(2026, 11, 16), "alice"),
        held(date(2026, 11, 16), "bob"),
        yes(day, "acme", "team", urgent=True),
        yes(day, "acme", "strategy", urgent=True),
        yes(date(2026, 11, 18), "acme", "nothing", urgent=True),
        yes(day, "initech", "learning", urgent=True),  # one urgent ask: an emergency, not a pattern
        yes(day, "globex", "other", urgent=True),
        yes(day, "globex", "nothing"),  # half urgent: not "mostly"
    ]
    report = said_no(ledger(*records), *W47, TODAY)
    assert report.by_client == (
        ClientCost("acme", requests=3, urgent=3, urgent_share=1.0, internal_costs=2),  # the "nothing" costs nothing
        ClientCost("globex", requests=2, urgent=1, urgent_share=0.5, internal_costs=1),
        ClientCost("initech", requests=1, urgent=1, urgent_share=1.0, internal_costs=1),
    )
    assert codes(report) == ["urgent-client", "costliest-client"]
    urgent, costliest = report.patterns
    assert urgent.subjects == ("acme",)
    assert urgent.message == (
        "Acme Ltd called 3 of its 3 requests urgent (100%): a client who prioritises everything leaves you no real "
        "priority, and every yes is paid for by your team."
    )
    assert urgent.action == (
        "Push back before the next urgent ask: ask Acme Ltd how these requests serve their long-term plan, "
        "agree which one matters most, and scope the rest."
    )
    assert costliest.message == "Acme Ltd cost the team most: 2 internal costs from 3 requests, 3 of them urgent."
    assert [t.id for t in report.said_no] == [r.id for r in sorted(records[2:], key=lambda r: r.date)]
    assert report.said_no[0] == TradeOff(records[2].id, day, "acme", "ask 2026-11-17", True, "team", None, "")


def test_a_teammate_whose_one_on_one_was_displaced_three_weeks_running() -> None:
    # Alice's weekly 1:1 is on Fridays. Last held Fri 30 Oct; then lost three Fridays running.
    # On Fri 20 the leader used `yes --cancel-one-on-one`: a trade-off and a cancelled 1:1, the same no.
    nov6 = lost(date(2026, 11, 6), "alice", "cancelled", "acme")
    nov13 = lost(date(2026, 11, 13), "alice", "interrupted", "initech")
    nov20_yes = yes(date(2026, 11, 20), "acme", "one-on-one", teammate="alice")
    nov20 = lost(date(2026, 11, 20), "alice", "cancelled", "acme")
    team = ledger(held(date(2026, 10, 30), "alice"), held(date(2026, 11, 9), "bob"), nov6, nov13, nov20_yes, nov20)
    report = said_no(team, date(2026, 11, 2), TODAY, TODAY)
    assert report.implied == (
        OneOnOneLost("one-on-one-cancelled", nov6.id, date(2026, 11, 6), "alice", "acme", None),
        OneOnOneLost("one-on-one-interrupted", nov13.id, date(2026, 11, 13), "alice", "initech", None),
        OneOnOneLost("one-on-one-cancelled", nov20.id, date(2026, 11, 20), "alice", "acme", nov20_yes.id),
        # due 30 Oct + 7 = 6 Nov; 20 - 6 = 14 days late. Bob: 9 Nov + 14 = 23 Nov, on time.
        OneOnOneOverdue("alice", date(2026, 10, 30), date(2026, 11, 6), 14, TODAY),
    )
    # Three nos, not four: the cancelled 1:1 of the 20th is the trade-off of the 20th.
    assert report.by_teammate == (TeammateCost("alice", 3, 1, 2, 1, weeks=3),)
    assert report.by_client == (ClientCost("acme", 1, 0, 0.0, 2), ClientCost("initech", 0, 0, None, 1))
    assert codes(report) == ["costliest-client", "most-displaced-teammate"]
    assert report.patterns[0].message == "Acme Ltd cost the team most: 2 internal costs from 1 request."
    displaced = report.patterns[1]
    assert (displaced.severity, displaced.subjects) == ("warn", ("alice",))
    assert displaced.message == "Alice Martin's time was given up most often: 3 times, in 3 different weeks."


def test_overdue_is_computed_from_each_cadence_as_of_the_end_of_the_period() -> None:
    team = ledger(
        held(date(2026, 10, 23), "bob"),  # fortnightly: due 6 Nov
        held(date(2026, 11, 18), "bob"),  # after week 46: does not count for it
        held(date(2026, 11, 10), "alice"),  # weekly: due 17 Nov, after week 46 ends
        every={"alice": 7, "bob": 14, "carol": 7},
    )
    report = said_no(team, date(2026, 11, 9), date(2026, 11, 15), TODAY)  # week 46, looked at on the 20th
    assert report.implied == (
        OneOnOneOverdue("bob", date(2026, 10, 23), date(2026, 11, 6), 9, date(2026, 11, 15)),  # 15 - 6
        # Never held: due a cadence after the first day in the ledger (no promotion date): 23 Oct + 7 = 30 Oct.
        OneOnOneOverdue("carol", None, date(2026, 10, 30), 16, date(2026, 11, 15)),
    )
    # A week still running is looked at as of today: Alice due 17th, 1 day late on the 18th; Bob held on the 18th.
    report = said_no(team, *W47, date(2026, 11, 18))
    assert [(i.teammate, i.days_overdue) for i in report.implied] == [("alice", 1), ("carol", 19)]  # type: ignore[union-attr]
    assert "nothing-displaced" not in codes(report)  # an overdue 1:1 is a no too


def test_a_teammate_never_met_falls_due_a_cadence_after_taking_the_team() -> None:
    # Promoted Monday 9 Nov: Alice (weekly) is due Mon 16, Bob (fortnightly) Mon 23.
    team = ledger(hours(date(2026, 11, 10), 2, client="acme"))
    team = Ledger(
        team.book.model_copy(update={"profile": Profile(name="Sam", promoted_on=date(2026, 11, 9))}), team.months
    )
    overdue = [i for i in said_no(team, *W47, TODAY).implied if isinstance(i, OneOnOneOverdue)]
    assert overdue == [OneOnOneOverdue("alice", None, date(2026, 11, 16), 4, TODAY)]
    # Without a promotion date, the first day logged (10 Nov) counts: Alice due 17th, Bob 24th.
    overdue = [i for i in said_no(ledger(*team.records()), *W47, TODAY).implied if isinstance(i, OneOnOneOverdue)]
    assert overdue == [OneOnOneOverdue("alice", None, date(2026, 11, 17), 3, TODAY)]


def test_a_one_on_one_held_on_its_due_day_is_not_overdue() -> None:
    team = ledger(held(date(2026, 11, 13), "alice"), held(date(2026, 11, 20), "bob"))
    assert said_no(team, *W47, TODAY).implied == ()  # Alice due today, the 20th: not late yet


def test_leadership_hours_displaced_beyond_the_share_limit() -> None:
    day = date(2026, 11, 17)
    team = ledger(
        held(day, "alice"),
        held(day, "bob"),
        hours(day, 5, client="acme"),
        hours(day, 2.5, client="initech"),
        hours(day, 2.5, activity="team"),
    )
    # 7.5 h of delivery in 1 day; the limit allows 40% of a 10 h workday = 4 h: 3.5 h of leading displaced.
    assert said_no(team, *W47, TODAY).implied == (LeadershipDisplaced(3.5, 7.5, 10.0, 0.4, 7.5, 10.0, 1),)
    # The same 7.5 h over two days is 37.5% of the workdays: nothing displaced, as the review says.
    spread = ledger(
        held(day, "alice"),
        held(day, "bob"),
        hours(day, 5, client="acme"),
        hours(date(2026, 11, 18), 2.5, client="initech"),
        hours(day, 2.5, activity="team"),
    )
    assert said_no(spread, *W47, TODAY).implied == ()


def test_no_leading_is_displaced_while_the_share_shown_is_the_limit() -> None:
    day = date(2026, 11, 17)
    # 4.04 h of 10 h is 40.4%, shown as 40%: within the 40% limit, as the review says.
    within = ledger(
        held(day, "alice"), held(day, "bob"), hours(day, 4.04, client="acme"), hours(day, 5.96, activity="team")
    )
    assert said_no(within, *W47, TODAY).implied == ()
    assert codes(said_no(within, *W47, TODAY)) == ["nothing-displaced"]
    # 4.05 h is 40.5%, shown as 41%: over it, by 0.05 h.
    over = ledger(
        held(day, "alice"), held(day, "bob"), hours(day, 4.05, client="acme"), hours(day, 5.95, activity="team")
    )
    assert said_no(over, *W47, TODAY).implied == (LeadershipDisplaced(0.05, 4.05, 10.0, 0.4, 4.05, 10.0, 1),)


def test_an_interview_cancelled_is_listed_as_implied_but_costs_once() -> None:
    interview = yes(date(2026, 11, 18), "globex", "interview", urgent=True)
    team = ledger(held(date(2026, 11, 16), "alice"), held(date(2026, 11, 16), "bob"), interview)
    report = said_no(team, *W47, TODAY)
    assert report.implied == (InterviewCancelled(interview.id, date(2026, 11, 18), "globex", None),)
    assert report.by_client == (ClientCost("globex", 1, 1, 1.0, 1),)


def test_only_one_on_ones_lost_to_a_client_are_implied() -> None:
    team = ledger(
        held(date(2026, 11, 16), "alice"),
        held(date(2026, 11, 16), "bob"),
        lost(date(2026, 11, 17), "alice", "cancelled", None),  # Alice was ill: not a yes to a client
    )
    assert said_no(team, *W47, TODAY).implied == ()


def test_each_no_pairs_with_one_record_at_most() -> None:
    day = date(2026, 11, 17)
    # Two yeses to Acme both said no to Alice's 1:1, but only one 1:1 was cancelled: two nos, not one or three.
    first, second = yes(day, "acme", "one-on-one", "alice"), yes(day, "acme", "one-on-one", "alice")
    cancelled = lost(day, "alice", "cancelled", "acme")
    other_client = lost(day, "bob", "interrupted", "initech")
    team = ledger(
        held(date(2026, 11, 16), "alice"), held(date(2026, 11, 16), "bob"), first, second, cancelled, other_client
    )
    report = said_no(team, *W47, TODAY)
    assert [(i.id, i.trade_off) for i in report.implied] == [(cancelled.id, first.id), (other_client.id, None)]  # type: ignore[union-attr]
    assert report.by_teammate == (TeammateCost("alice", 2, 2, 1, 0, 1), TeammateCost("bob", 1, 0, 0, 1, 1))
    assert report.by_client == (ClientCost("acme", 2, 0, 0.0, 2), ClientCost("initech", 0, 0, None, 1))


def test_ties_name_every_client_and_teammate_at_the_top() -> None:
    day = date(2026, 11, 17)
    team = ledger(
        held(date(2026, 11, 16), "alice"),
        held(date(2026, 11, 16), "bob"),
        yes(day, "globex", "team", "alice"),
        yes(day, "acme", "learning", "bob"),
    )
    costliest, displaced = said_no(team, *W47, TODAY).patterns
    assert costliest.message == "Acme Ltd and Globex cost the team most, 1 internal cost each."
    assert costliest.subjects == ("acme", "globex")
    assert displaced.message == "The time of Alice Martin and Bob Martin was given up most often: once each."
    assert displaced.severity == "info"


def test_the_report_is_plain_json_data() -> None:
    day = date(2026, 11, 17)
    team = ledger(
        held(date(2026, 10, 30), "alice"),
        lost(day, "alice", "interrupted", "acme"),
        hours(day, 7, client="acme"),
        every={"alice": 7},
    )
    data = plain(said_no(team, *W47, TODAY))
    assert list(data) == ["start", "end", "said_no", "implied", "by_client", "by_teammate", "patterns"]
    assert json.loads(json.dumps(data)) == data  # nothing that needs a custom encoder
    assert data["implied"][1] == {
        "kind": "one-on-one-overdue",
        "teammate": "alice",
        "last_held": "2026-10-30",
        "due_on": "2026-11-06",
        "days_overdue": 14,
        "as_of": "2026-11-20",
    }
    assert data["implied"][2] == {  # 7 h of delivery; 40% of a 10 h workday was allowed: 3 h displaced
        "kind": "leadership-displaced",
        "hours": 3.0,
        "client_hours": 7.0,
        "total_hours": 7.0,
        "limit": 0.4,
        "delivery_hours": 7.0,
        "workday_hours": 10.0,
        "days_logged": 1,
    }
