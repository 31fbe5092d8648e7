"""`leadshift client add|list|edit|remove`: the accounts, and who owns each."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Optional

import typer

from leadshift.cli import completion
from leadshift.cli.addresses import Domains, given_list
from leadshift.cli.app import new_app
from leadshift.cli.options import TagList, Yes
from leadshift.cli.output import Outcome, command, news
from leadshift.cli.parsing import parse_tags
from leadshift.cli.roster import given, save_edit, save_removal
from leadshift.cli.session import Session
from leadshift.cli.writes import change_book

if TYPE_CHECKING:
    from leadshift.domain.book import Book
    from leadshift.reports.listing import ClientList

app = new_app("The client accounts: who owns each, what it needs, how much it weighs.")

Key = Annotated[str, typer.Argument(metavar="KEY", autocompletion=completion.clients, help="Short key, like 'acme'.")]
Name = Annotated[Optional[str], typer.Option("--name", metavar="NAME", help="Display name.")]
Owner = Annotated[
    Optional[str],
    typer.Option(
        "--owner",
        metavar="me|TEAMMATE",
        autocompletion=completion.owners,
        help="Who serves it: 'me' or a teammate key.",
    ),
]
Needs = Annotated[
    Optional[TagList],
    typer.Option("--needs", metavar="A,B", parser=parse_tags, help="Skills the account needs, comma-separated."),
]
Weight = Annotated[
    Optional[int],
    typer.Option("--weight", metavar="1-5", help="Prestige and complexity: its growth value."),
]
WeeklyHours = Annotated[
    Optional[float], typer.Option("--weekly-hours", metavar="H", help="Hours a week the account needs.")
]
BackedBy = Annotated[
    Optional[TagList],
    typer.Option(
        "--backed-by", metavar="A,B", parser=parse_tags, help="Teammates already working it behind the scenes."
    ),
]
_PROSPECT_HELP = "A deal you are pursuing, not yet a client: its hours are new business, and it is never handed over."


def register(tree: typer.Typer) -> None:
    tree.add_typer(app, name="client")


@command(app)
def add(
    ctx: typer.Context,
    key: Key,
    name: Annotated[str, typer.Option("--name", metavar="NAME", help="Display name.")],
    owner: Owner = None,
    needs: Needs = None,
    weight: Weight = None,
    weekly_hours: WeeklyHours = None,
    backed_by: BackedBy = None,
    prospect: Annotated[bool, typer.Option("--prospect", help=_PROSPECT_HELP)] = False,
    domains: Domains = None,
) -> Outcome:
    """Add a client account (unless given: served by you, weight 3, 5 hours a week)."""
    from leadshift.domain.changes import add_client
    from leadshift.domain.terms import ME

    session = Session.of(ctx)
    fields = given(name=name, owner=owner, needs=needs, weight=weight, weekly_hours=weekly_hours, backed_by=backed_by)
    fields |= given(domains=given_list(domains))
    fields["added"] = session.today  # a client new today is not "quiet" for the weeks before it came
    if prospect:
        fields["prospect"] = True  # left out otherwise: a client that is no prospect keeps its bytes
    book = change_book(session, lambda ledger: add_client(ledger.book, key, fields))
    added = key.strip().lower()
    if prospect:
        return news(f"Added prospect {added}: its hours are new business, your own job.")
    owner_key = book.clients[added].owner
    return news(f"Added client {added}, served by {'you' if owner_key == ME else owner_key}.")


@command(app, "list", json=True)
def list_(ctx: typer.Context) -> ClientList:
    """List the clients, yours first."""
    from leadshift.reports.listing import ClientList

    return ClientList(Session.of(ctx).reader.read_book().clients)


@command(app)
def edit(
    ctx: typer.Context,
    key: Key,
    name: Name = None,
    owner: Owner = None,
    needs: Needs = None,
    weight: Weight = None,
    weekly_hours: WeeklyHours = None,
    backed_by: BackedBy = None,
    prospect: Annotated[
        Optional[bool], typer.Option("--prospect/--no-prospect", help=_PROSPECT_HELP, show_default=False)
    ] = None,
    domains: Domains = None,
) -> Outcome:
    """Change a client's details (only the options you give)."""
    from leadshift.domain.changes import edit_client

    fields = given(
        name=name,
        owner=owner,
        needs=needs,
        weight=weight,
        weekly_hours=weekly_hours,
        backed_by=backed_by,
        prospect=prospect,
        domains=given_list(domains),
    )
    return save_edit(Session.of(ctx), "client", key, fields, edit_client)


@command(app)
def remove(ctx: typer.Context, key: Key, yes: Yes = False) -> Outcome:
    """Remove a client that appears in no records (asks first; --yes for scripts)."""
    from leadshift.domain.changes import remove_client

    return save_removal(Session.of(ctx), "client", key, remove_client, _client_going, yes)


def _client_going(book: Book, key: str) -> str:
    from leadshift.domain.terms import ME
    from leadshift.domain.wording import hours_text

    client = book.clients[key]
    served = "served by you" if client.owner == ME else f"owned by {book.teammate_name(client.owner)}"
    return f"This removes client {client.name} ({key}), {served}, {hours_text(client.weekly_hours)} h a week"
