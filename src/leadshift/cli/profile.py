"""`leadshift profile`: your profile as the ledger holds it, and changing it with the options of `init`."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Optional

import typer

from leadshift.cli.addresses import Emails, given_list
from leadshift.cli.options import ClientShareLimit, Holidays, PromotedOn, WorkdayHours
from leadshift.cli.output import command
from leadshift.cli.session import Session

if TYPE_CHECKING:
    from leadshift.reports.listing import ProfileCard


def register(tree: typer.Typer) -> None:
    command(tree, "profile", json=True)(profile)


def profile(
    ctx: typer.Context,
    name: Annotated[Optional[str], typer.Option("--name", help="Your name, as the reports address you.")] = None,
    promoted_on: PromotedOn = None,
    workday_hours: WorkdayHours = None,
    client_share_limit: ClientShareLimit = None,
    holidays: Holidays = None,
    emails: Emails = None,
    calendar: Annotated[
        Optional[str],
        typer.Option(
            "--calendar",
            metavar="PATH",
            help="The calendar file (.ics) `log --calendar` reads when given none ('' for none).",
            show_default=False,
        ),
    ] = None,
) -> ProfileCard:
    """Show your profile; with options, change only those (checked as `init` checks them)."""
    from leadshift.cli.roster import given
    from leadshift.domain.changes import edit_profile
    from leadshift.reports.listing import ProfileCard

    session = Session.of(ctx)
    fields = given(
        name=name,
        promoted_on=promoted_on,
        workday_hours=workday_hours,
        client_share_limit=client_share_limit,
        holidays=None if holidays is None else [week.label() for week in holidays],  # stored by name
        emails=given_list(emails),
    )
    if calendar is not None:
        fields["calendar"] = calendar.strip() or None  # '' takes it away
    if not fields:
        return ProfileCard(session.reader.read_book().profile)
    with session.store.change() as draft:
        before = draft.book.profile
        draft.set_book(edit_profile(draft.book, fields))
    return ProfileCard(draft.book.profile, before)
