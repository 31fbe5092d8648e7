"""weekly_review and its findings, on small ledgers whose figures are worked out by hand."""

from __future__ import annotations

from datetime import date

import pytest

from leadshift.domain.book import Book, Client, Profile, Teammate
from leadshift.domain.ledger import Ledger
from leadshift.domain.records import AnyRecord, EscalationRecord, HoursRecord, OneOnOneRecord, TradeOffRecord
from leadshift.reports.review import weekly_review
from tests.support.builders import ledger_of

W46 = (date(2026, 11, 9), date(2026, 11, 15))
W47 = (date(2026, 11, 16), date(2026, 11, 22))
TODAY = date(2026, 11, 20)  # Friday of W47


class Log:
    """Records with ids handed out in order, so tests read like a diary."""

    def __init__(self) -> None:
        self.records: list[AnyRecord] = []

    def _id(self) -> str:
        return f"{len(self.records) + 1:08x}"

    def client(self, day: date, client: str, hours: float) -> None:
        self.records.append(HoursRecord(id=self._id(), date=day, client=client, hours=hours))

    def lead(self, day: date, activity: str, hours: float, teammate: str | None = None) -> None:
        self.records.append(HoursRecord(id=self._id(), date=day, activity=activity, hours=hours, teammate=teammate))

    def one_on_one(self, day: date, teammate: str, status: str = "held", because: str | None = None) -> None:
        self.records.append(OneOnOneRecord(id=self._id(), date=day, teammate=teammate, status=status, because=because))

    def yes(self, day: date, client: str, request: str, urgent: bool, no: str, teammate: str | None = None) -> None:
        self.records.append(
            TradeOffRecord(
                id=self._id(), date=day, client=client, request=request, urgent=urgent, said_no=no, teammate=teammate
            )
        )

    def escalation(self, day: date, teammate: str, asked_first: bool) -> None:
        self.records.append(EscalationRecord(id=self._id(), date=day, teammate=teammate, asked_first=asked_first))


def make_ledger(log: Log, book: Book) -> Ledger:
    return ledger_of(book, log.records)


def sams_book(**profile: object) -> Book:
    """Sam leads Alice (1:1 weekly) and Bob (fortnightly); owns Acme, Initech, Umbrella."""
    return Book(
        profile=Profile(name="Sam Lee", promoted_on=date(2026, 11, 2), **profile),
        teammates={
            "alice": Teammate(name="Alice Martin", one_on_one_every=7),
            "bob": Teammate(name="Bob Chen", one_on_one_every=14),
        },
        clients={
            "acme": Client(name="Acme Ltd", weight=4, weekly_hours=6, backed_by=["alice"]),
            "initech": Client(name="Initech", weight=2, weekly_hours=3),
            "umbrella": Client(name="Umbrella", weight=3, weekly_hours=2),
            "globex": Client(name="Globex", owner="alice", weight=5, weekly_hours=8),
            "hooli": Client(name="Hooli", owner="bob", weight=2, weekly_hours=4),
        },
    )


def two_weeks() -> Log:
    """Sam's W46 and W47, as a leader still doing the client work would log them."""
    log = Log()
    log.one_on_one(date(2026, 11, 2), "bob")
    log.client(date(2026, 11, 10), "acme", 2)
    log.lead(date(2026, 11, 10), "strategy", 2)
    # W47
    log.client(date(2026, 11, 16), "acme", 4)
    log.client(date(2026, 11, 16), "initech", 2)
    log.lead(date(2026, 11, 16), "coaching", 2, "alice")
    log.one_on_one(date(2026, 11, 16), "alice")
    log.client(date(2026, 11, 17), "acme", 3)
    log.client(date(2026, 11, 17), "globex", 0.5)
    log.lead(date(2026, 11, 17), "strategy", 1.5)
    log.one_on_one(date(2026, 11, 17), "bob", "cancelled", because="acme")
    log.yes(date(2026, 11, 17), "acme", "Deck by noon", True, "one-on-one", "bob")
    log.client(date(2026, 11, 18), "acme", 2)
    log.lead(date(2026, 11, 18), "admin", 1)
    log.escalation(date(2026, 11, 18), "alice", asked_first=False)
    log.escalation(date(2026, 11, 18), "bob", asked_first=False)
    log.yes(date(2026, 11, 19), "acme", "Extra report", True, "team")
    return log


@pytest.fixture
def w47() -> object:
    return weekly_review(make_ledger(two_weeks(), sams_book()), *W47, TODAY, weeks=2)


def test_hours_by_client_and_activity(w47) -> None:
    # Client: acme 4+3+2 = 9, initech 2, globex 0.5 -> 11.5. Leading: 2+1.5+1 = 4.5.
    assert w47.hours.by_client == {"acme": 9.0, "globex": 0.5, "initech": 2.0}
    assert w47.hours.by_activity == {"admin": 1.0, "coaching": 2.0, "strategy": 1.5}
    assert (w47.hours.client, w47.hours.leadership, w47.hours.total) == (11.5, 4.5, 16.0)
    assert w47.hours.delivery == 11.5 and (w47.hours.relationship, w47.hours.new_business) == (0, 0)
    # The share is delivery over whole workdays: 11.5 h of 3 days of 10 h; the old figure is kept beside it.
    assert w47.client_share == pytest.approx(11.5 / 30)
    assert w47.client_share_of_logged == pytest.approx(11.5 / 16)
    assert w47.days_logged == 3  # Monday to Wednesday; Thursday only holds a trade-off
    assert w47.records == 14  # 4 + 5 + 4 + 1


def test_week_names_and_as_of(w47) -> None:
    assert (w47.week, w47.start, w47.end) == ("2026-W47", *W47)
    assert w47.as_of == TODAY  # the week is not over: figures as of today
    assert w47.logging_since == date(2026, 11, 2)


def test_trend_one_item_per_week(w47) -> None:
    # W46: acme 2 h in 1 day of 10 h (2 of the 4 h logged).
    assert [(t.week, t.client_share, t.client_share_of_logged) for t in w47.trend] == [
        ("2026-W46", 0.2, 0.5),
        ("2026-W47", 11.5 / 30, 11.5 / 16),
    ]


def test_owned_clients_hours_need_and_quiet(w47) -> None:
    owned = {c.key: c for c in w47.owned_clients}
    assert list(owned) == ["acme", "initech", "umbrella"]
    assert (owned["acme"].hours, owned["acme"].weekly_need, owned["acme"].last_worked) == (9, 6, date(2026, 11, 18))
    assert not owned["acme"].quiet and not owned["initech"].quiet
    # Umbrella was never worked, and Sam has led since Nov 2: 18 days without it.
    assert owned["umbrella"].quiet and owned["umbrella"].last_worked is None


def test_attention_own_against_team_clients(w47) -> None:
    # Own: (9 + 2 + 0) / 3; team: (0.5 + 0) / 2.
    assert w47.attention.per_own_client == pytest.approx(11 / 3)
    assert w47.attention.per_team_client == pytest.approx(0.25)
    assert w47.attention.by_team_client == {"globex": 0.5, "hooli": 0.0}
    assert w47.attention.favoured


def test_one_on_ones_per_teammate(w47) -> None:
    alice, bob = w47.one_on_ones.by_teammate["alice"], w47.one_on_ones.by_teammate["bob"]
    assert (w47.one_on_ones.held, w47.one_on_ones.cancelled, w47.one_on_ones.interrupted) == (1, 1, 0)
    assert (alice.held, alice.last_held, alice.due_on, alice.overdue) == (
        1,
        date(2026, 11, 16),
        date(2026, 11, 23),
        False,
    )
    # Bob: held Nov 2, every 14 days -> due Nov 16; as of Friday Nov 20, 4 days late.
    assert (bob.cancelled, bob.lost_to, bob.lost_for_clients, bob.last_held) == (1, ["acme"], 1, date(2026, 11, 2))
    assert (bob.due_on, bob.overdue, bob.days_overdue) == (date(2026, 11, 16), True, 4)
    assert (alice.escalations, alice.asked_first, bob.escalations) == (1, 0, 1)
    assert alice.growth_accounts == ["globex"] and bob.growth_accounts == []


def test_escalations_and_trade_offs(w47) -> None:
    assert (w47.escalations.total, w47.escalations.asked_first, w47.escalations.ask_first_rate) == (2, 0, 0.0)
    assert [(t.client, t.request, t.urgent, t.said_no, t.teammate) for t in w47.said_no] == [
        ("acme", "Deck by noon", True, "one-on-one", "bob"),
        ("acme", "Extra report", True, "team", None),
    ]


def test_findings_exactly_what_the_data_calls_for(w47) -> None:
    # 11.5 h of delivery in 3 days of 10 h is 38%: within the 40% limit, so no client-share finding.
    assert [(f.code, f.severity) for f in w47.findings] == [
        ("one-on-ones-cancelled-for-clients", "warn"),  # people first
        ("one-on-one-overdue", "warn"),  # Bob, 4 days (under two cadences: not an alert)
        ("own-client-going-quiet", "warn"),  # Umbrella
        ("client-over-need", "warn"),  # Acme: 9 h against 6 h a week
        ("owned-clients-remain", "warn"),
        ("own-clients-favoured", "warn"),
        ("urgent-client", "warn"),  # Acme: 2 of 2 urgent (from the say-no report)
        ("days-partly-logged", "info"),  # 16 h in 3 days: 5.33 h a day, under 6 h
    ]  # not ask-first-low: 0 of 2 escalations in four weeks are too few to judge


def test_findings_carry_the_numbers(w47) -> None:
    messages = {f.code: f.message for f in w47.findings}
    actions = {f.code: f.action for f in w47.findings}
    assert messages["days-partly-logged"] == (
        "Your 3 days logged average 5.33 h, under 60% of your 10 h workday: the client share counts whole "
        "workdays, so it reads low."
    )
    assert "3 clients" in messages["owned-clients-remain"] and "11 h a week" in messages["owned-clients-remain"]
    assert "Bob Chen is 4 days overdue" in messages["one-on-one-overdue"]
    assert (
        "One 1:1 gave way to client work this week: Bob Chen (1 for Acme Ltd)."
        == messages["one-on-ones-cancelled-for-clients"]
    )
    assert (
        "Umbrella has had no hours from you in the 18 days since you started logging"
        in messages["own-client-going-quiet"]
    )
    assert "2 of its 2 requests" in messages["urgent-client"]
    # The least-attended team client, through its owner: never back into client work yourself.
    assert "ask Bob Chen about Hooli in your next 1:1 with them" in actions["own-clients-favoured"]
    for finding in w47.findings:
        assert finding.action and finding.message


def test_a_good_week_has_nothing_to_fix() -> None:
    """No owned clients, share under the limit, 1:1s on time, solutions asked for."""
    book = sams_book().model_copy(
        update={"clients": {"globex": Client(name="Globex", owner="alice"), "hooli": Client(name="Hooli", owner="bob")}}
    )
    log = Log()
    for day in (date(2026, 11, 16), date(2026, 11, 17), date(2026, 11, 18)):
        log.client(day, "globex", 2)
        log.lead(day, "strategy", 2)
        log.lead(day, "coaching", 2)
    log.one_on_one(date(2026, 11, 16), "alice")
    log.one_on_one(date(2026, 11, 16), "bob")
    log.escalation(date(2026, 11, 17), "alice", asked_first=True)
    log.escalation(date(2026, 11, 18), "bob", asked_first=True)
    log.yes(date(2026, 11, 18), "globex", "One more slide", False, "nothing")
    review = weekly_review(make_ledger(log, book), *W47, TODAY)
    assert review.client_share == pytest.approx(6 / 30)  # 6 h a day: whole enough days
    assert [(f.code, f.severity) for f in review.findings] == [("all-one-on-ones-held", "good")]


def test_hours_over_the_workday() -> None:
    log = Log()
    log.lead(date(2026, 11, 16), "strategy", 7)
    log.lead(date(2026, 11, 16), "coaching", 5)
    review = weekly_review(make_ledger(log, sams_book(workday_hours=8)), *W47, TODAY)
    assert "hours-over-workday" in {f.code for f in review.findings}
    assert "12 h a day over 1 day; your workday is 8 h" in next(
        f.message for f in review.findings if f.code == "hours-over-workday"
    )


def test_share_exactly_at_the_limit_is_fine() -> None:  # 4 h of a 10 h day
    log = Log()
    log.client(date(2026, 11, 16), "acme", 4)
    log.lead(date(2026, 11, 16), "strategy", 6)
    review = weekly_review(make_ledger(log, sams_book()), *W47, TODAY)
    assert review.client_share == 0.4
    assert "client-share-over-limit" not in {f.code for f in review.findings}


def test_share_just_over_the_limit_is_a_warning_not_an_alert() -> None:
    log = Log()
    log.client(date(2026, 11, 16), "acme", 5)
    log.lead(date(2026, 11, 16), "strategy", 5)
    review = weekly_review(make_ledger(log, sams_book()), *W47, TODAY)
    assert [(f.code, f.severity) for f in review.findings if f.code == "client-share-over-limit"] == [
        ("client-share-over-limit", "warn")
    ]


def test_an_empty_week() -> None:
    review = weekly_review(make_ledger(two_weeks(), sams_book()), date(2026, 10, 26), date(2026, 11, 1), TODAY)
    assert (review.records, review.days_logged, review.hours.total, review.client_share) == (0, 0, 0.0, None)
    assert review.said_no == [] and all(t.client_share is None for t in review.trend)
    # Nothing was logged, so nothing about the week's hours or trade-offs is claimed.
    codes = {f.code for f in review.findings}
    assert codes.isdisjoint({"client-share-over-limit", "urgent-client", "ask-first-low", "own-clients-favoured"})


def test_never_met_teammate_is_overdue_one_cadence_after_promotion() -> None:
    # Promoted Nov 2; Alice every 7 days -> due Nov 9, and no 1:1 ever logged.
    review = weekly_review(make_ledger(Log(), sams_book()), *W46, TODAY)
    alice = review.one_on_ones.by_teammate["alice"]
    assert (alice.last_held, alice.due_on, alice.overdue, alice.days_overdue) == (None, date(2026, 11, 9), True, 6)
    bob = review.one_on_ones.by_teammate["bob"]  # every 14 days -> due Nov 16, after W46
    assert (bob.due_on, bob.overdue) == (date(2026, 11, 16), False)


def test_past_week_is_judged_as_of_its_end() -> None:
    review = weekly_review(make_ledger(two_weeks(), sams_book()), *W46, TODAY)
    assert review.as_of == date(2026, 11, 15)
    assert not review.one_on_ones.by_teammate["bob"].overdue  # due Nov 16, the day after W46


def test_interrupted_one_on_one_counts_for_clients_but_not_as_held() -> None:
    log = two_weeks()
    log.one_on_one(date(2026, 11, 19), "alice", "interrupted", because="initech")
    review = weekly_review(make_ledger(log, sams_book()), *W47, TODAY)
    alice = review.one_on_ones.by_teammate["alice"]
    assert (alice.held, alice.interrupted, alice.lost_to, alice.last_held) == (1, 1, ["initech"], date(2026, 11, 16))
    finding = next(f for f in review.findings if f.code == "one-on-ones-cancelled-for-clients")
    assert finding.severity == "alert"
    assert finding.message == (
        "2 1:1s gave way to client work this week: Alice Martin (1 for Initech); Bob Chen (1 for Acme Ltd)."
    )


def test_a_mostly_routine_client_is_not_urgent() -> None:
    log = Log()
    log.yes(date(2026, 11, 16), "acme", "a", True, "team")
    log.yes(date(2026, 11, 17), "acme", "b", False, "team")
    review = weekly_review(make_ledger(log, sams_book()), *W47, TODAY)
    assert "urgent-client" not in {f.code for f in review.findings}  # 1 of 2 is not "mostly"


def test_growth_accounts_concentrated_on_one_teammate() -> None:
    book = sams_book()
    clients = {
        **book.clients,
        "initech": Client(name="Initech", owner="alice", weight=4),
        "hooli": Client(name="Hooli", owner="alice", weight=5),
    }
    review = weekly_review(make_ledger(Log(), book.model_copy(update={"clients": clients})), *W47, TODAY)
    finding = next(f for f in review.findings if f.code == "growth-accounts-concentrated")
    assert finding.message == "High-weight accounts owned or being taken over: Alice Martin 3; none for Bob Chen."


def test_trend_length_follows_weeks() -> None:
    review = weekly_review(make_ledger(two_weeks(), sams_book()), *W47, TODAY, weeks=6)
    assert [t.week for t in review.trend] == ["2026-W42", "2026-W43", "2026-W44", "2026-W45", "2026-W46", "2026-W47"]


def with_handoffs(book: Book, **handoffs: tuple[str, str, date]) -> Book:
    """`client=(teammate, stage, start)`: saved handoffs, their stages dated from `start`."""
    from leadshift.domain.book import Handoff
    from leadshift.handoff.stages import dated_stages

    saved = {c: Handoff(teammate=t, stage=stage, stages=dated_stages(day)) for c, (t, stage, day) in handoffs.items()}
    return book.model_copy(update={"handoffs": saved})


def test_handoffs_under_way_show_in_owned_clients_and_growth() -> None:
    book = with_handoffs(sams_book(), acme=("bob", "co-lead", date(2026, 11, 2)))
    review = weekly_review(make_ledger(two_weeks(), book), *W47, TODAY)
    acme = next(c for c in review.owned_clients if c.key == "acme")
    assert (acme.handoff_to, acme.handoff_stage) == ("bob", "co-lead")
    bob = review.one_on_ones.by_teammate["bob"]
    assert (bob.taking_over, bob.growth_accounts) == (["acme"], ["acme"])  # Acme weighs 4
    remain = next(f for f in review.findings if f.code == "owned-clients-remain")
    assert remain.severity == "warn" and "1 in a handoff" in remain.message
    assert "See who can take over Initech, Umbrella with `leadshift handoff plan`" in remain.action


def test_every_owned_client_in_a_handoff_is_only_information() -> None:
    book = with_handoffs(
        sams_book(),
        acme=("alice", "prepare", date(2026, 11, 16)),
        initech=("bob", "prepare", date(2026, 11, 16)),
        umbrella=("bob", "prepare", date(2026, 11, 30)),
    )
    review = weekly_review(make_ledger(two_weeks(), book), *W47, TODAY)
    remain = next(f for f in review.findings if f.code == "owned-clients-remain")
    assert remain.severity == "info" and "handoff status" in remain.action


def test_a_done_handoff_reminds_to_stay_on_the_map() -> None:
    # Handed over from Oct 5: prepare 1 week, introduce 1, co-lead 2, lead 2 -> check-ins from Nov 16 to Jan 10.
    book = with_handoffs(sams_book(), hooli=("bob", "check-ins", date(2026, 10, 5)))
    review = weekly_review(make_ledger(two_weeks(), book), *W47, TODAY)
    finding = next(f for f in review.findings if f.code == "stay-on-the-map")
    assert finding.message == "Hooli is Bob Chen's now (since 2026-11-16); check-ins run to 2027-01-10."
    before = weekly_review(make_ledger(two_weeks(), book), *W46, TODAY)
    assert "stay-on-the-map" not in {f.code for f in before.findings}


def test_over_the_limit_the_check_ins_wait() -> None:
    """No step sends a leader over the limit toward a client, not even a check-in with the new owner."""
    book = with_handoffs(sams_book(), hooli=("bob", "check-ins", date(2026, 10, 5)))
    log = two_weeks()
    log.client(date(2026, 11, 17), "acme", 3)  # 14.5 h of delivery in 3 workdays of 10 h: 48%
    review = weekly_review(make_ledger(log, book), *W47, TODAY)
    assert "client-share-over-limit" in {f.code for f in review.findings}
    assert "stay-on-the-map" not in {f.code for f in review.findings}


def share_week(client: float, leading: float, **profile: object) -> object:
    """A W47 of one Monday: `client` hours of delivery on Acme and `leading` hours of strategy."""
    log = Log()
    log.client(date(2026, 11, 16), "acme", client)
    log.lead(date(2026, 11, 16), "strategy", leading)
    return weekly_review(make_ledger(log, sams_book(**profile)), *W47, TODAY)


def share_finding(review) -> tuple[str, str] | None:  # type: ignore[no-untyped-def]
    found = [(f.severity, f.message) for f in review.findings if f.code == "client-share-over-limit"]
    return found[0] if found else None


def test_two_shares_shown_alike_get_the_same_severity() -> None:
    low, high = share_week(5.48, 4.52), share_week(5.53, 4.47)  # 54.8% and 55.3%, both shown as 55%
    assert (low.client_share, high.client_share) == (pytest.approx(0.548), pytest.approx(0.553))
    said = "Client delivery took 55% of your workdays this week: {} h in 1 day of 10 h; your limit is 40%."
    assert share_finding(low) == ("alert", said.format(5.48))
    assert share_finding(high) == ("alert", said.format(5.53))


@pytest.mark.parametrize(
    ("client", "severity"),
    [
        (5.45, "alert"),  # 54.5% is shown as 55%: 15 points over the 40% limit
        (5.449, "warn"),  # 54.49% is shown as 54%: 14 points over
    ],
)
def test_the_alert_starts_at_the_threshold_as_shown(client: float, severity: str) -> None:
    review = share_week(client, 10 - client)
    assert share_finding(review)[0] == severity  # type: ignore[index]


def test_a_share_shown_equal_to_the_limit_is_not_over_it() -> None:
    within = share_week(4.04, 5.96)  # 40.4%, shown as 40%
    assert within.client_share == pytest.approx(0.404)
    assert share_finding(within) is None
    assert share_finding(share_week(4.05, 5.95)) == (  # 40.5%, shown as 41%
        "warn",
        "Client delivery took 41% of your workdays this week: 4.05 h in 1 day of 10 h; your limit is 40%.",
    )


def test_a_day_shown_as_long_as_the_workday_is_not_over_it() -> None:
    log = Log()
    log.client(date(2026, 11, 16), "acme", 5)
    log.lead(date(2026, 11, 17), "strategy", 5.004)  # 10.004 h over 2 days: 5 h a day, shown as 5
    review = weekly_review(make_ledger(log, sams_book(workday_hours=5)), *W47, TODAY)
    assert "hours-over-workday" not in {f.code for f in review.findings}


def test_favoured_is_judged_on_the_hours_per_client_as_shown() -> None:
    # Own clients Acme, Initech, Umbrella: 5.988 h / 3 = 1.996 h each, shown as 2 h; team clients
    # Globex and Hooli: 1.996 h / 2 = 0.998 h each, shown as 1 h: twice as much and an hour more, as shown.
    log = Log()
    log.client(date(2026, 11, 16), "acme", 5.988)
    log.client(date(2026, 11, 16), "globex", 1.996)
    review = weekly_review(make_ledger(log, sams_book()), *W47, TODAY)
    assert review.attention.favoured
    finding = next(f for f in review.findings if f.code == "own-clients-favoured")
    assert finding.message.startswith(
        "Your own clients got 2 h each from you this week; the clients your team owns got 1 h each."
    )


def test_a_former_teammate_counts_in_the_weeks_before_they_left_and_not_after() -> None:
    book = sams_book()
    gone = book.model_copy(
        update={
            "teammates": {
                **book.teammates,
                "bob": book.teammates["bob"].model_copy(update={"left": date(2026, 11, 18)}),
            },
            "clients": {**book.clients, "hooli": Client(name="Hooli", owner="alice", weight=2, weekly_hours=4)},
        }
    )
    ledger = make_ledger(two_weeks(), Book.model_validate(gone.model_dump()))
    w46 = weekly_review(ledger, *W46, TODAY)  # judged as of its Sunday, when Bob was still on the team
    assert list(w46.one_on_ones.by_teammate) == ["alice", "bob"]
    w47 = weekly_review(ledger, *W47, TODAY)
    # The week he left: his row is there, so the rows add up to the totals; he is due nothing.
    assert list(w47.one_on_ones.by_teammate) == ["alice", "bob"]
    bob = w47.one_on_ones.by_teammate["bob"]
    assert bob.left_the_team and not bob.overdue
    assert (w47.one_on_ones.held, w47.one_on_ones.cancelled) == (1, 1)
    rows = w47.one_on_ones.by_teammate.values()
    assert (sum(m.held for m in rows), sum(m.cancelled for m in rows)) == (1, 1)
    # What happened with him that week is reported; nothing is asked of him any more.
    assert not [
        f
        for f in w47.findings
        if "Bob" in f.message and f.code in ("one-on-one-overdue", "growth-accounts-concentrated")
    ]
    w48 = weekly_review(ledger, date(2026, 11, 23), date(2026, 11, 29), date(2026, 11, 27))
    assert list(w48.one_on_ones.by_teammate) == ["alice"]  # the week after, he is gone


def test_growth_accounts_are_shared_among_the_people_still_on_the_team() -> None:
    book = sams_book()
    clients = {
        **book.clients,
        "initech": Client(name="Initech", owner="alice", weight=4),
        "hooli": Client(name="Hooli", owner="alice", weight=5),
    }
    bob_left = book.teammates["bob"].model_copy(update={"left": date(2026, 11, 18)})
    gone = Book.model_validate(
        {**book.model_dump(), "clients": clients, "teammates": {**book.teammates, "bob": bob_left}}
    )
    review = weekly_review(make_ledger(Log(), gone), *W47, TODAY)
    assert "growth-accounts-concentrated" not in {f.code for f in review.findings}  # Bob is not left out: he left
