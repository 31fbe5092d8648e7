"""What client hours were for, and the team's hours pulled onto the leader's clients: the rules (pure).

Only delivery, the work that belongs in a teammate's job description, counts
against the time budget; staying close to a client the team serves and winning
new deals are the leader's own job (docs/coaching.md, 6). A prospect's hours
are always new business. A teammate pulled onto a client the leader still
serves is the other side of favouritism (docs/coaching.md, 3).
"""

from __future__ import annotations

from leadshift.domain.book import Book
from leadshift.domain.records import HoursRecord
from leadshift.domain.terms import CLIENT_WORK, ME
from leadshift.errors import Conflict, InvalidValue

DELIVERY, RELATIONSHIP, NEW_BUSINESS = CLIENT_WORK


def work_to_log(book: Book, client: str, given: str | None) -> str | None:
    """The `work` a new record on `client` keeps: None for delivery (the default, left out of the file).

    A prospect's hours are new business whatever is given but that; refused with another kind.
    """
    if book.clients[client].prospect:
        if given not in (None, NEW_BUSINESS):
            raise InvalidValue(
                f"{book.client_name(client)} is a prospect, so its hours are new business: leave --kind out, "
                f"or make it a client first (`leadshift client edit {client} --no-prospect`)."
            )
        return NEW_BUSINESS
    if given == RELATIONSHIP and not kind_worth_asking(book, client):
        # Otherwise relabelling delivery would pass the 40% rule: contact is the job only once the team serves it.
        raise InvalidValue(
            f"{book.client_name(client)} is served by you alone, so its hours are delivery: relationship hours are "
            "for a client a teammate owns or is taking over (`leadshift handoff plan` starts that); leave --kind out."
        )
    return None if given in (None, DELIVERY) else given


def kind_worth_asking(book: Book, client: str) -> bool:
    """Whether the walkthrough asks what hours on `client` were for: only when it can be either.

    A client a teammate owns or is taking over may get the leader's delivery or only their
    contact; a prospect is always new business and a client the leader serves alone is delivery.
    """
    record = book.clients[client]
    if record.prospect:
        return False
    handoff = book.handoffs.get(client)
    return record.owner != ME or (handoff is not None and not handoff.done)


def work_of(record: HoursRecord, book: Book) -> str | None:
    """What client hours count as: new business on a prospect, else the record's kind; None for leading."""
    client = book.clients.get(record.client) if record.client else None
    if client is not None and client.prospect:
        return NEW_BUSINESS
    return record.client_work


def check_pulled(book: Book, teammate: str, client: str, from_client: str | None) -> None:
    """Refuse a pull that is not a teammate's time moved onto a client the leader still serves."""
    helped = book.clients[client]
    if helped.prospect:
        raise Conflict(
            f"{helped.name} is a prospect, not a client you serve; `log pulled` is for the clients you still own."
        )
    if helped.owner != ME:
        owner = book.teammate_name(helped.owner)
        raise Conflict(
            f"{helped.name} is {owner}'s client, not yours; `log pulled` records a teammate pulled onto a client "
            "you still own (`leadshift client list`)."
        )
    if from_client is not None and book.clients[from_client].owner == ME:
        raise Conflict(
            f"--from names the client of theirs that gave up the time; {book.client_name(from_client)} is yours: "
            "leave --from out, or name one the team owns."
        )
