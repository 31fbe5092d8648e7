"""Saved handoffs: how they read in ledger.toml, their rules, save / advance / cancel, and status (pure)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from leadshift.domain import changes
from leadshift.domain.book import Book, Client, Handoff, Profile, Teammate
from leadshift.domain.ledger import Ledger
from leadshift.errors import Conflict, InvalidValue, LedgerFileError, NotFound
from leadshift.handoff.changes import advance_handoff, cancel_handoff, save_plan
from leadshift.handoff.plan import plan_handoff
from leadshift.handoff.stages import dated_stages, handoff_status
from leadshift.storage import codec

START = date(2026, 11, 23)


def book_with_handoff() -> Book:
    """Sam hands Acme to Alice (who backs it); Initech is Sam's with no handoff; Bob owns Globex."""
    return Book(
        profile=Profile(name="Sam"),
        teammates={"alice": Teammate(name="Alice", skills=["negotiation"]), "bob": Teammate(name="Bob")},
        clients={
            "acme": Client(name="Acme", needs=["negotiation"], weight=4, weekly_hours=6, backed_by=["alice", "bob"]),
            "initech": Client(name="Initech"),
            "globex": Client(name="Globex", owner="bob"),
        },
        handoffs={"acme": Handoff(teammate="alice", stages=dated_stages(START))},
    )


def encoded(book: Book) -> str:
    return codec.encode(book).decode()


def decode_error(text: str) -> str:
    with pytest.raises(LedgerFileError) as caught:
        codec.decode(text.encode(), Book, "ledger.toml", "Fix it by hand.")
    return caught.value.message


# -- in ledger.toml ----------------------------------------------------------------------


def test_a_saved_handoff_reads_like_a_person_wrote_it_and_round_trips() -> None:
    book = book_with_handoff()
    text = encoded(book)
    assert text.endswith(
        "[handoffs.acme]\n"
        'teammate = "alice"\n'
        'stage = "prepare"\n'
        "stages = [\n"
        '    { stage = "prepare", start = 2026-11-23, end = 2026-11-29 },\n'
        '    { stage = "introduce", start = 2026-11-30, end = 2026-12-06 },\n'
        '    { stage = "co-lead", start = 2026-12-07, end = 2026-12-20 },\n'
        '    { stage = "lead", start = 2026-12-21, end = 2027-01-03 },\n'
        '    { stage = "check-ins", start = 2027-01-04, end = 2027-02-28 },\n'
        "]\n"
    )
    assert codec.decode(text.encode(), Book, "ledger.toml", "") == book


def test_a_ledger_without_handoffs_keeps_its_bytes() -> None:
    book = book_with_handoff().model_copy(update={"handoffs": {}})
    assert "handoffs" not in encoded(book)


def test_a_hand_edited_handoff_naming_a_stranger_names_its_line() -> None:
    text = encoded(book_with_handoff()).replace('teammate = "alice"', 'teammate = "zoe"')
    line = text.splitlines().index('teammate = "zoe"') + 1
    assert decode_error(text) == (
        f"ledger.toml, line {line}: the handoff of 'acme' is to 'zoe', who is not a teammate. Fix it by hand."
    )


def test_a_handoff_for_a_client_that_does_not_exist() -> None:
    text = encoded(book_with_handoff()).replace("[handoffs.acme]", "[handoffs.umbrella]")
    assert "a handoff is saved for client 'umbrella', which is not a client" in decode_error(text)


def test_stages_out_of_order_or_backwards_are_refused() -> None:
    text = encoded(book_with_handoff())
    swapped = text.replace('stage = "prepare", start', 'stage = "lead!", start', 1)
    assert (
        "(handoffs.acme.stages[1].stage): input should be 'prepare', 'introduce', 'co-lead', 'lead' or 'check-ins'"
        in (decode_error(swapped))
    )
    reordered = text.replace('"introduce", start', '"co-lead", start', 1)
    assert "stages must be prepare, introduce, co-lead, lead, check-ins: each once, in this order" in decode_error(
        reordered
    )
    backwards = text.replace("end = 2026-11-29", "end = 2026-11-20")
    assert "the prepare stage ends on 2026-11-20, before it starts on 2026-11-23" in decode_error(backwards)
    overlapping = text.replace("start = 2026-11-30", "start = 2026-11-28")
    assert "the introduce stage starts on 2026-11-28, before the prepare stage ends on 2026-11-29" in decode_error(
        overlapping
    )


def test_a_client_being_handed_over_stays_yours_until_it_is_done() -> None:
    with pytest.raises(InvalidValue) as caught:
        changes.edit_client(book_with_handoff(), "acme", {"owner": "bob"})  # bob backs it too: this rule comes first
    assert caught.value.message == (
        "client 'acme' is being handed over to 'alice' (stage prepare), so it stays yours until that is done; "
        "finish it (`leadshift handoff advance acme`) or cancel it (`leadshift handoff cancel acme`) first."
    )


def test_removing_a_teammate_or_client_named_in_a_handoff_says_what_to_do() -> None:
    book = book_with_handoff()
    book = book.model_copy(
        update={"clients": {**book.clients, "acme": book.clients["acme"].model_copy(update={"backed_by": []})}}
    )
    with pytest.raises(Conflict) as caught:
        changes.remove_teammate(Ledger(book), "alice")
    assert caught.value.message == (
        "alice is named in the saved handoff of acme; stop following it first (`leadshift handoff cancel acme`), "
        "then remove alice."
    )
    with pytest.raises(Conflict) as caught:
        changes.remove_client(Ledger(book), "acme")
    assert caught.value.message == (
        "acme has a saved handoff to alice; stop following it first (`leadshift handoff cancel acme`), then remove acme."
    )


# -- save ------------------------------------------------------------------------------------


def test_save_records_the_new_handoffs_at_their_first_stage() -> None:
    book = book_with_handoff().model_copy(update={"handoffs": {}})
    plan = plan_handoff(Ledger(book), START)
    saved = save_plan(book, plan)
    assert sorted(saved.handoffs) == sorted(a.client for a in plan.assignments)
    for assignment in plan.assignments:
        handoff = saved.handoffs[assignment.client]
        assert (handoff.teammate, handoff.stage, tuple(handoff.stages)) == (
            assignment.teammate,
            "prepare",
            assignment.stages,
        )


def test_save_keeps_the_handoffs_under_way() -> None:
    book = advance_handoff(book_with_handoff(), "acme", START)
    again = save_plan(book, plan_handoff(Ledger(book), START + timedelta(weeks=1)))
    assert again.handoffs["acme"] == book.handoffs["acme"]
    assert "initech" in again.handoffs


# -- advance -----------------------------------------------------------------------------------


def test_advancing_through_every_stage_makes_the_teammate_the_owner() -> None:
    book = book_with_handoff()
    for expected in ("introduce", "co-lead", "lead"):
        book = advance_handoff(book, "acme", START)
        assert book.handoffs["acme"].stage == expected
        assert book.clients["acme"].owner == "me"
    book = advance_handoff(book, "ACME", START)
    handoff = book.handoffs["acme"]
    assert (handoff.stage, handoff.done) == ("check-ins", True)
    assert book.clients["acme"].owner == "alice"
    assert book.clients["acme"].backed_by == ["bob"]  # an owner does not back their own client
    assert Book.model_validate(book.model_dump()) == book


def test_advancing_late_moves_the_rest_of_the_plan_keeping_each_stage_length() -> None:
    book = advance_handoff(book_with_handoff(), "acme", date(2026, 12, 2))  # prepare took 10 days
    stages = {s.stage: (s.start, s.end) for s in book.handoffs["acme"].stages}
    assert stages["prepare"] == (date(2026, 11, 23), date(2026, 12, 2))
    assert stages["introduce"] == (date(2026, 12, 3), date(2026, 12, 9))
    assert stages["co-lead"] == (date(2026, 12, 10), date(2026, 12, 23))
    assert stages["check-ins"][1] - stages["check-ins"][0] == timedelta(weeks=8, days=-1)


def test_advancing_before_the_plan_starts_shortens_the_stage_to_that_day() -> None:
    book = advance_handoff(book_with_handoff(), "acme", date(2026, 11, 20))
    prepare, introduce = book.handoffs["acme"].stages[:2]
    assert (prepare.start, prepare.end) == (date(2026, 11, 20), date(2026, 11, 20))
    assert introduce.start == date(2026, 11, 21)


def test_advancing_with_a_date_before_the_previous_stage_ended_is_refused() -> None:
    book = advance_handoff(book_with_handoff(), "acme", date(2026, 11, 27))
    with pytest.raises(InvalidValue) as caught:
        advance_handoff(book, "acme", date(2026, 11, 26))
    assert caught.value.message == (
        "2026-11-26 is before the prepare stage was completed (2026-11-27); give a --date on or after it."
    )


def test_advancing_without_a_saved_handoff_or_past_the_end() -> None:
    with pytest.raises(NotFound) as caught:
        advance_handoff(book_with_handoff(), "initech", START)
    assert caught.value.message == (
        "no saved handoff for initech: plan one with `leadshift handoff plan --save` "
        "(`leadshift handoff status` lists the saved ones)."
    )
    with pytest.raises(NotFound, match="no client 'umbrela'"):
        advance_handoff(book_with_handoff(), "umbrela", START)
    book = book_with_handoff()
    for _ in range(4):
        book = advance_handoff(book, "acme", START)
    with pytest.raises(Conflict) as caught:
        advance_handoff(book, "acme", START)
    assert caught.value.message == (
        "the handoff of acme to alice is done: alice owns it. Stay on the map with check-ins until 2027-01-18; "
        "`leadshift handoff cancel acme` stops following it."
    )


# -- cancel and status ------------------------------------------------------------------------


def test_cancel_forgets_the_handoff_and_keeps_the_owner() -> None:
    book, gone = cancel_handoff(advance_handoff(book_with_handoff(), "acme", START), "acme")
    assert gone.teammate == "alice" and gone.stage == "introduce"
    assert book.handoffs == {} and book.clients["acme"].owner == "me"
    with pytest.raises(NotFound):
        cancel_handoff(book, "acme")


def test_status_says_the_stage_and_the_next_date() -> None:
    book = book_with_handoff()
    [status] = handoff_status(book, START).statuses
    assert (status.client, status.teammate, status.stage, status.next_stage_on, status.done) == (
        "acme",
        "alice",
        "prepare",
        date(2026, 11, 30),
        False,
    )
    for _ in range(4):
        book = advance_handoff(book, "acme", START)
    [status] = handoff_status(book, START).statuses
    assert (status.stage, status.next_stage_on, status.done, status.until) == (
        "check-ins",
        None,
        True,
        date(2027, 1, 18),
    )


def test_a_client_given_back_to_you_after_a_done_handoff_is_planned_afresh() -> None:
    book = book_with_handoff()
    for _ in range(4):
        book = advance_handoff(book, "acme", START)
    book = changes.edit_client(book, "acme", {"owner": "me"})  # a done handoff does not pin the owner
    plan = plan_handoff(Ledger(book), START + timedelta(weeks=4))
    assert "acme" in {a.client for a in plan.new}
    again = save_plan(book, plan)
    assert (again.handoffs["acme"].stage, again.handoffs["acme"].done) == ("prepare", False)
