"""The time budget's rule (delivery over whole workdays), prospects, teammates pulled onto your clients,
team time interrupted, and steps that never send you back into client work: on ledgers built by hand."""

from __future__ import annotations

from datetime import date

import pytest
from pydantic import ValidationError

from leadshift.domain.book import Book, Client
from leadshift.domain.records import HoursRecord, PulledRecord
from leadshift.handoff.plan import plan_handoff
from leadshift.reports.day import day_totals
from leadshift.reports.review import Review, weekly_review
from tests.reports.test_review import TODAY, W46, W47, Log, make_ledger, sams_book, with_handoffs

MON, TUE, WED = date(2026, 11, 16), date(2026, 11, 17), date(2026, 11, 18)


class TeamLog(Log):
    def work(self, day: date, client: str, hours: float, work: str | None) -> None:
        self.records.append(HoursRecord(id=self._id(), date=day, client=client, hours=hours, work=work))  # type: ignore[arg-type]

    def interrupted(self, day: date, activity: str, client: str, teammate: str | None = None) -> None:
        self.records.append(
            HoursRecord(id=self._id(), date=day, activity=activity, hours=1, teammate=teammate, interrupted_by=client)  # type: ignore[arg-type]
        )

    def pulled(self, day: date, teammate: str, client: str, hours: float, from_client: str | None = None) -> None:
        self.records.append(
            PulledRecord(
                id=self._id(), date=day, teammate=teammate, client=client, hours=hours, from_client=from_client
            )
        )


def codes(review: Review) -> dict[str, str]:
    return {f.code: f.severity for f in review.findings}


def finding(review: Review, code: str):  # type: ignore[no-untyped-def]
    return next(f for f in review.findings if f.code == code)


def with_prospect(book: Book) -> Book:
    return book.model_copy(update={"clients": {**book.clients, "zenith": Client(name="Zenith", prospect=True)}})


# -- the 40% rule: delivery over the workdays logged ------------------------------------------------------------


def test_a_half_logged_day_is_measured_against_the_whole_workday() -> None:
    """2 h of client work in a 4.5 h log: 44% of the hours logged, but 20% of a 10 h day."""
    log = TeamLog()
    log.client(MON, "acme", 2)
    log.lead(MON, "coaching", 2.5)
    review = weekly_review(make_ledger(log, sams_book()), *W47, TODAY)
    assert review.client_share == pytest.approx(0.2)
    assert review.client_share_of_logged == pytest.approx(2 / 4.5)
    assert "client-share-over-limit" not in codes(review)
    # ...and says the share reads low, so nobody passes the rule by logging less.
    assert codes(review)["days-partly-logged"] == "info"
    assert finding(review, "days-partly-logged").message.startswith("Your 1 day logged average 4.5 h, under 60%")


def test_a_whole_day_over_the_limit_is_caught_and_not_called_partly_logged() -> None:
    log = TeamLog()
    log.client(MON, "acme", 6)
    log.lead(MON, "admin", 4)
    review = weekly_review(make_ledger(log, sams_book()), *W47, TODAY)
    assert review.client_share == pytest.approx(0.6)
    assert codes(review)["client-share-over-limit"] == "alert"  # 20 points over
    assert "days-partly-logged" not in codes(review)
    assert "Hand about 2 h of next week's delivery" in finding(review, "client-share-over-limit").action


def test_days_at_60_percent_of_the_workday_are_whole_enough() -> None:
    log = TeamLog()
    log.lead(MON, "strategy", 6)  # 60% of 10 h, as shown: not under it
    assert "days-partly-logged" not in codes(weekly_review(make_ledger(log, sams_book()), *W47, TODAY))
    log.lead(TUE, "strategy", 5.98)  # 11.98 h in 2 days: 5.99 h a day
    assert "days-partly-logged" in codes(weekly_review(make_ledger(log, sams_book()), *W47, TODAY))


def test_relationship_and_new_business_are_the_leaders_own_job_not_in_the_share() -> None:
    log = TeamLog()
    log.work(MON, "globex", 3, "relationship")
    log.work(MON, "zenith", 3, None)  # a prospect: new business, whatever the record says
    log.work(MON, "acme", 1, "new-business")  # an upsell to a client of yours
    log.client(MON, "acme", 1)
    log.lead(MON, "strategy", 2)
    review = weekly_review(make_ledger(log, with_prospect(sams_book())), *W47, TODAY)
    hours = review.hours
    assert (hours.client, hours.delivery, hours.relationship, hours.new_business) == (8, 1, 3, 4)
    assert review.client_share == pytest.approx(0.1)
    assert "client-share-over-limit" not in codes(review)


def test_the_trend_uses_the_same_rule() -> None:
    log = TeamLog()
    log.client(date(2026, 11, 10), "acme", 5)  # W46: 5 h of delivery in 1 day, nothing else logged
    log.client(MON, "acme", 3)
    log.work(MON, "globex", 3, "relationship")
    review = weekly_review(make_ledger(log, sams_book()), *W47, TODAY, weeks=2)
    assert [(t.client_share, t.delivery_hours, t.client_share_of_logged) for t in review.trend] == [
        (0.5, 5, 1.0),
        (0.3, 3, 1.0),
    ]


def test_the_day_after_log_is_judged_by_the_same_rule() -> None:
    log = TeamLog()
    log.client(MON, "acme", 2.5)
    log.work(MON, "globex", 1, "relationship")
    log.lead(MON, "team", 0.5)
    day = day_totals(make_ledger(log, sams_book()), MON)
    assert (day.hours, day.delivery, day.client_share, day.workday) == (4, 2.5, 0.25, 10)
    assert day_totals(make_ledger(TeamLog(), sams_book()), MON).client_share is None


# -- prospects ----------------------------------------------------------------------------------------------------


def test_a_prospect_is_never_served_quiet_compared_or_handed_over() -> None:
    book = with_prospect(sams_book())
    review = weekly_review(make_ledger(TeamLog(), book), *W47, TODAY)
    assert "zenith" not in {c.key for c in review.owned_clients}
    assert "Zenith" not in " ".join(f.message for f in review.findings)
    assert review.attention.own_clients == 3 and review.attention.team_clients == 2
    assert "zenith" not in plan_handoff(make_ledger(TeamLog(), book), MON).candidates


def test_a_prospect_cannot_be_in_a_handoff_under_way() -> None:
    book = with_handoffs(sams_book(), acme=("alice", "prepare", MON))
    clients = {**book.clients, "acme": book.clients["acme"].model_copy(update={"prospect": True})}
    with pytest.raises(ValidationError, match="is a prospect, which is not handed over"):
        Book.model_validate({**book.model_dump(), "clients": clients})


# -- teammates pulled onto your clients ---------------------------------------------------------------------------


def test_teammates_pulled_onto_your_clients_are_named_with_the_clients_that_paid() -> None:
    log = TeamLog()
    log.pulled(MON, "alice", "acme", 2, "globex")
    log.pulled(TUE, "alice", "acme", 1.5, "globex")
    log.pulled(TUE, "bob", "initech", 1)
    log.pulled(date(2026, 11, 10), "bob", "acme", 4, "hooli")  # the week before: not this week's
    review = weekly_review(make_ledger(log, sams_book()), *W47, TODAY)
    pulled = finding(review, "team-pulled-to-own-clients")
    assert pulled.severity == "warn"
    assert pulled.message == (
        "Your team was pulled onto your own clients for 4.5 h this week: Alice Martin 3.5 h on Acme Ltd, from "
        "Globex; Bob Chen 1 h on Initech."
    )
    assert "handoff plan" in pulled.action and "call" not in pulled.action.lower()
    assert [(p.teammate, p.client, p.hours, p.from_clients) for p in review.pulled] == [
        ("alice", "acme", 3.5, ["globex"]),
        ("bob", "initech", 1.0, []),
    ]
    assert review.hours.total == 0  # their hours, not yours


def test_pulled_onto_clients_already_being_handed_over_asks_to_keep_the_handoffs_moving() -> None:
    log = TeamLog()
    log.pulled(MON, "alice", "acme", 2, "globex")
    book = with_handoffs(sams_book(), acme=("alice", "prepare", MON))
    pulled = finding(weekly_review(make_ledger(log, book), *W47, TODAY), "team-pulled-to-own-clients")
    assert "keep their handoffs moving (`leadshift handoff status`)" in pulled.action
    assert "handoff plan" not in pulled.action  # a plan is saved already: not "start handing them over"


def test_no_pull_no_finding() -> None:
    log = TeamLog()
    log.pulled(date(2026, 11, 10), "bob", "acme", 4, "hooli")
    review = weekly_review(make_ledger(log, sams_book()), *W47, TODAY)
    assert review.pulled == [] and "team-pulled-to-own-clients" not in codes(review)


def test_a_pull_names_another_client_as_the_one_that_paid() -> None:
    with pytest.raises(ValidationError, match="another client than the one helped"):
        PulledRecord(id="00000001", date=MON, teammate="alice", client="acme", hours=1, from_client="acme")


# -- team time interrupted by a client ----------------------------------------------------------------------------


def test_two_interruptions_of_team_time_in_a_week_are_a_warning() -> None:
    log = TeamLog()
    log.interrupted(MON, "team", "acme")
    review = weekly_review(make_ledger(log, sams_book()), *W47, TODAY)
    assert len(review.team_time_interrupted) == 1 and "team-time-interrupted" not in codes(review)
    log.interrupted(WED, "coaching", "initech", "bob")
    review = weekly_review(make_ledger(log, sams_book()), *W47, TODAY)
    cut = finding(review, "team-time-interrupted")
    assert cut.severity == "warn"
    assert cut.message == (
        "Client calls cut into your time with the team twice this week: team on 2026-11-16 (Acme Ltd); "
        "coaching with Bob Chen on 2026-11-18 (Initech)."
    )


def test_only_time_with_your_people_can_be_interrupted() -> None:
    with pytest.raises(ValidationError, match="only time with your people"):
        HoursRecord(id="00000001", date=MON, activity="strategy", hours=1, interrupted_by="acme")
    with pytest.raises(ValidationError, match="only client hours have a kind of work"):
        HoursRecord(id="00000001", date=MON, activity="team", hours=1, work="relationship")


# -- no step sends you back into client work ----------------------------------------------------------------------


def quiet_umbrella(book: Book) -> Review:
    """Umbrella never worked since logging began on Nov 2; Monday 80% delivery."""
    log = TeamLog()
    log.one_on_one(date(2026, 11, 2), "bob")
    log.client(MON, "acme", 7)
    log.client(MON, "initech", 1)
    log.lead(MON, "admin", 2)
    return weekly_review(make_ledger(log, book), *W47, TODAY)


def test_a_quiet_client_is_called_by_a_teammate_or_handed_over_never_by_you() -> None:
    book = sams_book()
    alone = finding(quiet_umbrella(book), "own-client-going-quiet").action
    assert alone == "Start its handoff (`leadshift handoff plan`) so someone on the team gives Umbrella full attention."
    backed = book.model_copy(
        update={"clients": {**book.clients, "umbrella": Client(name="Umbrella", weekly_hours=2, backed_by=["bob"])}}
    )
    assert finding(quiet_umbrella(backed), "own-client-going-quiet").action.startswith(
        "Ask Bob Chen (who backs it) to call Umbrella this week"
    )
    moving = with_handoffs(backed, umbrella=("alice", "prepare", MON))
    assert finding(quiet_umbrella(moving), "own-client-going-quiet").action.startswith(
        "Ask Alice Martin (who is taking it over) to call Umbrella this week"
    )


def test_over_the_limit_no_step_tells_you_to_call_or_check_in_with_a_client() -> None:
    review = quiet_umbrella(sams_book())
    assert codes(review)["client-share-over-limit"] == "alert"  # 80% of the day
    assert {"own-client-going-quiet", "own-clients-favoured"} <= set(codes(review))
    for f in review.findings:
        step = f.action.lower()
        assert not step.startswith(("call ", "check in")) and "check in with" not in step, (f.code, f.action)


def test_the_week_before_has_its_own_figures() -> None:
    log = TeamLog()
    log.pulled(date(2026, 11, 10), "bob", "acme", 4, "hooli")
    review = weekly_review(make_ledger(log, sams_book()), *W46, TODAY)
    assert codes(review)["team-pulled-to-own-clients"] == "warn"
