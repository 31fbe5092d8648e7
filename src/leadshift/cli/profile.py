"""`leadshift profile`: your profile as the ledger holds it, and changing it with the options of `init`."""

from __future__ import annotations

from pathlib import Path
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
    name: Annotated[
        Optional[str], typer.Option("--name", metavar="NAME", help="Your name, as the reports address you.")
    ] = None,
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
    keywords: Annotated[
        Optional[list[str]],
        typer.Option(
            "--keywords",
            metavar="ACTIVITY=WORDS",
            help="Words in an event's title that make it that activity for `log --calendar`, like "
            "'hiring=interview,screen' (repeatable; 'hiring=' puts back the default words).",
            show_default=False,
        ),
    ] = None,
) -> ProfileCard:
    """Show your profile; with options, change only those (checked as `init` checks them)."""
    from leadshift.cli.parsing import parse_keyword_rule
    from leadshift.cli.roster import given
    from leadshift.domain.changes import edit_profile
    from leadshift.domain.terms import ACTIVITIES
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
        # '' takes it away; a relative path is kept whole, so that `log --calendar` finds it from any folder
        fields["calendar"] = str(Path(calendar.strip()).expanduser().absolute()) if calendar.strip() else None
    rules = [parse_keyword_rule(rule, ACTIVITIES) for rule in keywords or []]
    if not fields and not rules:
        return ProfileCard(session.reader.read_book().profile)
    with session.store.change() as draft:
        before = draft.book.profile
        if rules:
            fields["keywords"] = _with_rules(before.keywords, rules)
        draft.set_book(edit_profile(draft.book, fields))
    return ProfileCard(draft.book.profile, before)


def _with_rules(keywords: dict[str, list[str]], rules: list[tuple[str, list[str]]]) -> dict[str, list[str]]:
    """The profile's keyword rules with those given: an activity's words replaced, or back to the defaults."""
    changed = dict(keywords)
    for activity, words in rules:
        if words:
            changed[activity] = words
        else:
            changed.pop(activity, None)
    return changed
