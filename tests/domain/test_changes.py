"""edits: the rules for changing a ledger, as pure functions (no files, no clock)."""

from __future__ import annotations

import secrets
from datetime import date, datetime

import pytest

from leadshift.domain import changes
from leadshift.domain.book import Book, Client, Profile, Teammate
from leadshift.domain.ledger import Ledger
from leadshift.domain.records import EscalationRecord, HoursRecord, OneOnOneRecord
from leadshift.errors import Conflict, InvalidValue, NotFound, UsageError
from tests.support.builders import ledger_of

NOV = "2026-11"


def team_book() -> Book:
    """alice owns globex and backs acme; bob backs initech; carol appears in records; dana is free."""
    return Book(
        profile=Profile(name="Sam Lee"),
        teammates={
            "alice": Teammate(
                name="Alice",
                role="Senior",
                skills=["negotiation"],
                growing=["pricing"],
                capacity_hours=30,
                one_on_one_every=7,
            ),
            "bob": Teammate(name="Bob"),
            "carol": Teammate(name="Carol"),
            "dana": Teammate(name="Dana"),
        },
        clients={
            "acme": Client(name="Acme", needs=["negotiation"], weight=4, weekly_hours=6, backed_by=["alice"]),
            "globex": Client(name="Globex", owner="alice", weight=5),
            "initech": Client(name="Initech", backed_by=["bob"]),
            "umbrella": Client(name="Umbrella"),
        },
    )


def team_ledger(*records: object, book: Book | None = None) -> Ledger:
    return ledger_of(book or team_book(), records)  # type: ignore[arg-type]


def client_hours(
    record_id: str, day: date, amount: float, added: datetime | None = None, client: str = "acme"
) -> HoursRecord:
    return HoursRecord(id=record_id, date=day, hours=amount, client=client, added=added)


# -- require_key ---------------------------------------------------------------------


def test_require_key_suggests_the_closest_key() -> None:
    with pytest.raises(NotFound) as caught:
        changes.require_key("client", "acne", ["globex", "acme", "initech"])
    assert caught.value.message == "no client 'acne'. Did you mean 'acme'? Known clients: acme, globex, initech."


def test_require_key_takes_a_unique_prefix_and_gives_the_full_key() -> None:
    assert changes.require_key("client", "gl", ["globex", "acme", "initech"]) == "globex"
    assert changes.require_key("client", " A ", ["globex", "acme", "initech"]) == "acme"
    assert changes.require_teammate(team_book(), "Car") == "carol"


def test_require_key_refuses_an_ambiguous_prefix_listing_the_candidates() -> None:
    with pytest.raises(NotFound) as caught:
        changes.require_key("client", "b", ["brightwave", "acme", "bluepeak"])
    assert caught.value.message == "'b' matches bluepeak and brightwave; type more of the key."


def test_an_exact_key_wins_over_being_the_prefix_of_another() -> None:
    assert changes.require_key("client", "acme", ["acme-eu", "acme"]) == "acme"
    assert changes.require_key("client", "acme-", ["acme-eu", "acme"]) == "acme-eu"


def test_an_empty_key_is_no_prefix_of_anything() -> None:
    with pytest.raises(NotFound, match="^no client ' '"):
        changes.require_key("client", " ", ["acme"])


def test_require_key_lists_known_keys_when_nothing_is_close() -> None:
    with pytest.raises(NotFound) as caught:
        changes.require_key("teammate", "zzzz", ["bob", "alice"])
    assert caught.value.message == "no teammate 'zzzz'. Known teammates: alice, bob."


def test_require_key_with_no_keys_says_how_to_add_one() -> None:
    with pytest.raises(NotFound) as caught:
        changes.require_key("teammate", "alice", [])
    assert (
        caught.value.message
        == "no teammate 'alice': there are no teammates yet; add one with `leadshift teammate add`."
    )


def test_require_key_ignores_case_and_spaces() -> None:
    assert changes.require_key("client", " ACME ", ["acme"]) == "acme"
    assert changes.require_client(team_book(), "Globex") == "globex"
    assert changes.require_teammate(team_book(), "DANA") == "dana"


# -- teammates ---------------------------------------------------------------------


def test_add_teammate() -> None:
    book = team_book()
    new = changes.add_teammate(book, " Erin ", {"name": "Erin Diaz", "skills": ["support"], "one_on_one_every": 10})
    assert new.teammates["erin"] == Teammate(name="Erin Diaz", skills=["support"], one_on_one_every=10)
    assert sorted(new.teammates) == ["alice", "bob", "carol", "dana", "erin"]
    assert "erin" not in book.teammates  # the old book is not changed


def test_add_teammate_with_an_existing_key_is_a_conflict() -> None:
    with pytest.raises(Conflict) as caught:
        changes.add_teammate(team_book(), "Alice", {"name": "Another Alice"})
    assert (
        caught.value.message
        == "a teammate with key 'alice' already exists; change it with `leadshift teammate edit alice`."
    )


@pytest.mark.parametrize("key", ["al ice", "alice!", "-alice", "", "a" * 33, "ali.ce", "élodie"])
def test_add_teammate_with_a_bad_key(key: str) -> None:
    with pytest.raises(InvalidValue) as caught:
        changes.add_teammate(team_book(), key, {"name": "X"})
    assert caught.value.message == (
        f"'{key.strip().lower()}' cannot be a key: use lowercase letters, digits, '-' or '_' (at most 32), like 'acme' or 'alice'."
    )


def test_the_longest_key_is_accepted() -> None:
    assert "a" * 32 in changes.add_teammate(team_book(), "a" * 32, {"name": "X"}).teammates


@pytest.mark.parametrize("key", ["me", "ME", " Me "])
def test_me_cannot_be_a_teammate(key: str) -> None:
    with pytest.raises(InvalidValue) as caught:
        changes.add_teammate(team_book(), key, {"name": "Myself"})
    assert caught.value.message == "'me' means you, the leader; pick another key for this teammate."


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"name": "X", "capacity_hours": -1}, "--capacity-hours: input should be greater than or equal to 0."),
        ({"name": "X", "capacity_hours": 169}, "--capacity-hours: input should be less than or equal to 168."),
        ({"name": "X", "one_on_one_every": 0}, "--one-on-one-every: input should be greater than or equal to 1."),
        ({"name": ""}, "--name: string should have at least 1 character."),
        ({"name": "X", "skills": ["ok", ""]}, "--skills: string should have at least 1 character."),
        ({}, "--name: field required."),
    ],
)
def test_add_teammate_with_a_bad_value_names_the_option(fields: dict, message: str) -> None:
    with pytest.raises(InvalidValue) as caught:
        changes.add_teammate(team_book(), "erin", fields)
    assert caught.value.message == message


def test_edit_teammate_keeps_the_fields_not_given() -> None:
    book = team_book()
    new = changes.edit_teammate(book, "Alice", {"role": "Team lead", "capacity_hours": 25})
    assert new.teammates["alice"] == Teammate(
        name="Alice",
        role="Team lead",
        skills=["negotiation"],
        growing=["pricing"],
        capacity_hours=25,
        one_on_one_every=7,
    )
    assert {k: t for k, t in new.teammates.items() if k != "alice"} == {
        k: t for k, t in book.teammates.items() if k != "alice"
    }
    assert new.clients == book.clients
    assert book.teammates["alice"].role == "Senior"


def test_edit_teammate_unknown_and_invalid() -> None:
    with pytest.raises(NotFound, match=r"^no teammate 'alicia'\. Did you mean 'alice'\?"):
        changes.edit_teammate(team_book(), "alicia", {"role": "x"})
    with pytest.raises(InvalidValue) as caught:
        changes.edit_teammate(team_book(), "alice", {"one_on_one_every": 400})
    assert caught.value.message == "--one-on-one-every: input should be less than or equal to 365."


def test_remove_a_free_teammate() -> None:
    new = changes.remove_teammate(team_ledger(), "dana")
    assert sorted(new.teammates) == ["alice", "bob", "carol"]
    assert new.clients == team_book().clients


def test_remove_teammate_who_owns_a_client() -> None:
    with pytest.raises(Conflict) as caught:
        changes.remove_teammate(team_ledger(), "alice")
    assert caught.value.message == (
        "alice owns globex; give each to someone else first (`leadshift client edit globex --owner me`), then remove alice."
    )


def test_remove_teammate_who_backs_a_client() -> None:
    with pytest.raises(Conflict) as caught:
        changes.remove_teammate(team_ledger(), "bob")
    assert caught.value.message == (
        "bob backs initech; take them off first (`leadshift client edit initech --backed-by ...`), then remove bob."
    )


def test_remove_teammate_named_in_records() -> None:
    ledger = team_ledger(
        OneOnOneRecord(id="00000001", date=date(2026, 10, 27), teammate="carol", status="held"),
        HoursRecord(id="00000002", date=date(2026, 11, 18), hours=1, activity="coaching", teammate="carol"),
        EscalationRecord(id="00000003", date=date(2026, 11, 3), teammate="carol", asked_first=True),
        EscalationRecord(id="00000004", date=date(2026, 11, 19), teammate="dana", asked_first=True),
    )
    with pytest.raises(Conflict) as caught:
        changes.remove_teammate(ledger, "carol")
    assert caught.value.message == (
        "carol appears in 3 record(s) from 2026-10-27 to 2026-11-18; removing it would leave them pointing nowhere. "
        "Keep it, or remove those records first (`leadshift show --week ...`)."
    )


# -- clients -------------------------------------------------------------------------


def test_add_client_normalises_people() -> None:
    new = changes.add_client(team_book(), "Hooli", {"name": "Hooli", "owner": " Bob ", "backed_by": ["CAROL", "dana"]})
    assert new.clients["hooli"] == Client(name="Hooli", owner="bob", backed_by=["carol", "dana"])
    new = changes.add_client(team_book(), "hooli", {"name": "Hooli", "owner": "ME"})
    assert new.clients["hooli"].owner == "me"


def test_add_client_with_an_unknown_owner() -> None:
    with pytest.raises(NotFound) as caught:
        changes.add_client(team_book(), "hooli", {"name": "Hooli", "owner": "zed"})
    assert caught.value.message == "no teammate 'zed'. Known teammates: alice, bob, carol, dana."


def test_add_client_backed_by_an_unknown_teammate() -> None:
    with pytest.raises(NotFound) as caught:
        changes.add_client(team_book(), "hooli", {"name": "Hooli", "backed_by": ["alice", "bobby"]})
    assert caught.value.message == "no teammate 'bobby'. Did you mean 'bob'? Known teammates: alice, bob, carol, dana."


def test_add_client_with_an_existing_key() -> None:
    with pytest.raises(Conflict) as caught:
        changes.add_client(team_book(), "ACME", {"name": "Acme again"})
    assert (
        caught.value.message == "a client with key 'acme' already exists; change it with `leadshift client edit acme`."
    )


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"weight": 0}, "--weight: input should be greater than or equal to 1."),
        ({"weight": 6}, "--weight: input should be less than or equal to 5."),
        ({"weekly_hours": -0.5}, "--weekly-hours: input should be greater than or equal to 0."),
        ({"needs": [""]}, "--needs: string should have at least 1 character."),
    ],
)
def test_add_client_with_a_bad_value_names_the_option(fields: dict, message: str) -> None:
    with pytest.raises(InvalidValue) as caught:
        changes.add_client(team_book(), "hooli", {"name": "Hooli", **fields})
    assert caught.value.message == message


def test_edit_client_keeps_the_fields_not_given() -> None:
    new = changes.edit_client(team_book(), "acme", {"owner": "carol"})
    assert new.clients["acme"] == Client(
        name="Acme", owner="carol", needs=["negotiation"], weight=4, weekly_hours=6, backed_by=["alice"]
    )
    with pytest.raises(InvalidValue, match=r"^--weight: "):
        changes.edit_client(team_book(), "acme", {"weight": 9})


def test_remove_client() -> None:
    ledger = team_ledger(client_hours("00000001", date(2026, 11, 2), 2, client="initech"))
    assert sorted(changes.remove_client(ledger, "umbrella").clients) == ["acme", "globex", "initech"]
    with pytest.raises(Conflict) as caught:
        changes.remove_client(ledger, "initech")
    assert caught.value.message == (
        "initech appears in 1 record(s) from 2026-11-02 to 2026-11-02; removing it would leave them pointing nowhere. "
        "Keep it, or remove those records first (`leadshift show --week ...`)."
    )


# -- adding records ---------------------------------------------------------------------


def test_months_with_stamps_and_groups_by_month() -> None:
    ledger = team_ledger(client_hours("00000001", date(2026, 11, 2), 2))
    added = datetime(2026, 11, 20, 18, 30)
    new = [client_hours("00000002", date(2026, 11, 20), 3), client_hours("00000003", date(2026, 12, 1), 1)]
    changed = changes.months_with(ledger, new, added)
    assert sorted(changed) == ["2026-11", "2026-12"]
    assert [(r.id, r.added) for r in changed["2026-11"].records()] == [("00000001", None), ("00000002", added)]
    assert [(r.id, r.added) for r in changed["2026-12"].records()] == [("00000003", added)]
    assert [r.id for r in ledger.months[NOV].records()] == ["00000001"]  # the ledger itself is not changed


def test_months_with_allows_exactly_24_hours_a_day() -> None:
    ledger = team_ledger(client_hours("00000001", date(2026, 11, 18), 20))
    changed = changes.months_with(ledger, [client_hours("00000002", date(2026, 11, 18), 4)], datetime(2026, 11, 18, 20))
    assert sum(r.hours for r in changed[NOV].records()) == 24


def test_months_with_refuses_a_day_over_24_hours() -> None:
    ledger = team_ledger(client_hours("00000001", date(2026, 11, 18), 20))
    with pytest.raises(Conflict) as caught:
        changes.months_with(
            ledger,
            [
                HoursRecord(id="00000002", date=date(2026, 11, 18), hours=3, activity="team"),
                client_hours("00000003", date(2026, 11, 18), 2),
            ],
            datetime(2026, 11, 18, 20),
        )
    assert caught.value.message == (
        "2026-11-18 would have 25 hours logged, more than 24; check the hours (`leadshift show --date 2026-11-18`) "
        "and remove a wrong record with `leadshift remove ID`."
    )


# -- a day's 1:1s ---------------------------------------------------------------------

NOV_30 = date(2026, 11, 30)


def one_on_one(record_id: str, status: str, teammate: str = "bob", day: date = NOV_30) -> OneOnOneRecord:
    return OneOnOneRecord(id=record_id, date=day, teammate=teammate, status=status)  # type: ignore[arg-type]


def test_a_second_held_one_on_one_the_same_day_is_refused_unless_again() -> None:
    ledger = team_ledger(one_on_one("0000000a", "held"))
    with pytest.raises(Conflict) as caught:
        changes.check_one_on_one(ledger, "bob", "held", NOV_30)
    assert caught.value.message == (
        "already a held 1:1 with Bob on 2026-11-30 (id 0000000a); use --again if you really met twice, "
        "or `leadshift remove 0000000a`."
    )
    assert changes.check_one_on_one(ledger, "bob", "held", NOV_30, again=True) is None


def test_held_and_cancelled_the_same_day_is_allowed_with_the_other_to_warn_about() -> None:
    cancelled = one_on_one("0000000a", "cancelled")
    assert changes.check_one_on_one(team_ledger(cancelled), "bob", "held", NOV_30) == cancelled
    held = one_on_one("0000000b", "held")
    assert changes.check_one_on_one(team_ledger(held), "bob", "interrupted", NOV_30) == held
    assert changes.check_one_on_one(team_ledger(cancelled), "bob", "cancelled", NOV_30) is None  # nothing contradicts


def test_other_teammates_and_other_days_do_not_count() -> None:
    ledger = team_ledger(
        one_on_one("0000000a", "held", teammate="alice"),
        one_on_one("0000000b", "held", day=date(2026, 11, 29)),
        one_on_one("0000000c", "cancelled", day=date(2026, 12, 1)),
    )
    assert changes.check_one_on_one(ledger, "bob", "held", NOV_30) is None


def test_hours_on_different_days_are_not_added_together() -> None:
    ledger = team_ledger(client_hours("00000001", date(2026, 11, 18), 20))
    changed = changes.months_with(ledger, [client_hours("00000002", date(2026, 11, 19), 20)], datetime(2026, 11, 19))
    assert [r.id for r in changed[NOV].records()] == ["00000001", "00000002"]


def test_new_record_id_avoids_taken_ids(monkeypatch: pytest.MonkeyPatch) -> None:
    tokens = iter(["0000000a", "0000000b", "0000000c"])
    monkeypatch.setattr(secrets, "token_hex", lambda nbytes=None: next(tokens))
    assert changes.new_record_id(["0000000a", "0000000b"]) == "0000000c"


# -- finding records ----------------------------------------------------------------------


def find_ledger() -> Ledger:
    return team_ledger(
        client_hours("a1b2c3d4", date(2026, 11, 2), 1),
        EscalationRecord(id="a1b2ffff", date=date(2026, 11, 18), teammate="dana", asked_first=False),
        client_hours("0badcafe", date(2026, 10, 30), 1),
    )


def test_find_record_by_prefix() -> None:
    ledger = find_ledger()
    assert changes.find_record(ledger, "0bad") == ("2026-10", ledger.months["2026-10"].hours[0])
    key, record = changes.find_record(ledger, " A1B2C3 ")
    assert (key, record.id) == (NOV, "a1b2c3d4")
    assert changes.find_record(ledger, "a1b2ffff")[1].id == "a1b2ffff"


def test_find_record_too_short() -> None:
    with pytest.raises(UsageError) as caught:
        changes.find_record(find_ledger(), "a1b")
    assert caught.value.message == "'a1b' is too short: give at least 4 characters of the id `leadshift show` prints."


def test_find_record_ambiguous() -> None:
    with pytest.raises(Conflict) as caught:
        changes.find_record(find_ledger(), "a1b2")
    assert (
        caught.value.message
        == "'a1b2' matches several records: a1b2c3d4 (2026-11-02), a1b2ffff (2026-11-18); give more characters."
    )


def test_find_record_missing() -> None:
    with pytest.raises(NotFound) as caught:
        changes.find_record(find_ledger(), "ffff0000")
    assert caught.value.message == "no record with id 'ffff0000'; `leadshift show --week YYYY-Www` lists ids."


def test_without_record() -> None:
    month = find_ledger().months[NOV]
    assert [r.id for r in changes.without_record(month, "a1b2c3d4").records()] == ["a1b2ffff"]
