"""`leadshift log --calendar [FILE]`: a day from the leader's calendar file, proposed, confirmed, saved in one go.

Reading the file (never the network), its size limit and the leader's time zone
live here; what each event becomes is calendar/classify.py. Nothing is written
until the leader says yes on a terminal (cli/calendar_confirm.py), or gives
`--yes`; `--dry-run` only shows the proposal.
"""

from __future__ import annotations

import os
from datetime import date, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING

from typer.core import TyperGroup

from leadshift.cli.session import Session
from leadshift.errors import CalendarError, Conflict, NotFound, UsageError

if TYPE_CHECKING:
    from leadshift.calendar.classify import CalendarDay, Proposal
    from leadshift.calendar.events import Event
    from leadshift.cli.output import Outcome
    from leadshift.domain.book import Book
    from leadshift.domain.calendar_rules import Answer
    from leadshift.domain.ledger import Ledger

MAX_CALENDAR_BYTES = 20 * 1024 * 1024  # a year of a busy calendar is a few MB; more is not a calendar export
FROM_PROFILE = ""  # `--calendar` with no file: the profile's


class CalendarFileOptional(TyperGroup):
    """`log --calendar` with no FILE after it reads the profile's calendar (Click has no optional option values)."""

    def parse_args(self, ctx, args):  # type: ignore[no-untyped-def]
        for at, word in enumerate(args):
            if word == "--calendar" and (at + 1 == len(args) or args[at + 1].startswith("-")):
                args = [*args[: at + 1], FROM_PROFILE, *args[at + 1 :]]
                break
        return super().parse_args(ctx, args)


def import_calendar(session: Session, file: str, day: date, dry_run: bool, yes: bool) -> CalendarDay | Outcome:
    """Read `day` from the calendar, then show it (`--dry-run`), save it (`--yes`) or confirm it on the terminal."""
    from leadshift.calendar.classify import CalendarDay, propose
    from leadshift.calendar.events import read_day
    from leadshift.domain.changes import id_source

    if dry_run and yes:
        raise UsageError("give --dry-run (show the day) or --yes (save it), not both.")
    if not (dry_run or yes or session.interactive()):
        raise UsageError(
            "without a terminal to confirm on, give --dry-run to see the day from your calendar, or --yes to save it."
        )
    # The day's month only: history costs no time. Ids proposed from it are checked against every month
    # when the day is saved (`_saved`), under the lock.
    ledger = session.reader.load(day, day)
    path = calendar_path(file, ledger.book)
    zone = local_zone()
    events = read_day(read_calendar(path), day, zone)
    proposal = propose(events, ledger.book, day, zone, id_source(ledger))
    if dry_run:
        return CalendarDay(proposal, saved=False)
    refuse_day_logged(ledger, day)  # on a terminal too: a second import, or the walkthrough's day, counted twice
    if yes:
        return _saved(session, proposal, [])
    from leadshift.cli.calendar_confirm import confirm_day

    settled = confirm_day(session, ledger, events, zone, proposal)
    if settled is None:
        from leadshift.cli.output import news

        return news("Nothing was written.")
    return _saved(session, *settled)


def calendar_path(file: str, book: Book) -> Path:
    """The file given, else the profile's; `~` is the home folder."""
    text = file.strip() or (book.profile.calendar or "")
    if not text:
        raise UsageError(
            "--calendar needs a file: give one (`leadshift log --calendar FILE.ics`) or set yours once "
            "(`leadshift profile --calendar PATH`)."
        )
    return Path(text).expanduser()


def read_calendar(path: Path) -> bytes:
    """The file's bytes, refused before reading when it is too big to be a calendar."""
    from leadshift.render.text import visible

    shown = visible(path)
    try:
        if path.stat().st_size > MAX_CALENDAR_BYTES:
            limit = MAX_CALENDAR_BYTES // (1024 * 1024)
            raise CalendarError(
                f"--calendar '{shown}' is over {limit} MB, too big for a calendar export; give the .ics file."
            )
        return path.read_bytes()
    except FileNotFoundError:
        raise NotFound(f"--calendar '{shown}': no such file; give the path of your exported .ics file.") from None
    except IsADirectoryError:
        raise UsageError(f"--calendar '{shown}' is a folder; give the .ics file in it.") from None
    except OSError as error:
        from leadshift.errors import in_words

        raise CalendarError(f"--calendar '{shown}' cannot be read: {in_words(error)}.") from None


def local_zone() -> tzinfo:
    """The machine's time zone, by name when it has one (so daylight saving is known): TZ, else /etc/localtime."""
    from datetime import datetime
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    names = [os.environ.get("TZ", "").lstrip(":")]
    link = os.path.realpath("/etc/localtime")
    names.append(link.partition("zoneinfo/")[2])
    for name in filter(None, names):
        try:
            return ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError):
            continue
    zone = datetime.now().astimezone().tzinfo  # a fixed offset: right for today, unaware of daylight saving
    assert zone is not None
    return zone


def refuse_day_logged(ledger: Ledger, day: date) -> None:
    """A day that already holds hours or 1:1s is not imported blind: the calendar would count them twice."""
    from leadshift.domain.records import HoursRecord, OneOnOneRecord

    logged = [r for r in ledger.records(day, day) if isinstance(r, HoursRecord | OneOnOneRecord)]
    if logged:
        raise Conflict(
            f"{day} already has {len(logged)} hours or 1:1 record(s): the calendar would count them twice. Remove "
            f"them first (`leadshift show --date {day}` lists them; `leadshift undo` takes back the last import), "
            "then import the day."
        )


def _saved(session: Session, proposal: Proposal, answers: list[tuple[Event, Answer]]) -> Outcome:
    """Save the proposal's records and the answers given, in one change; what was saved, and the day it makes."""
    from dataclasses import replace
    from datetime import datetime

    from leadshift.calendar.classify import CalendarDay, Proposed
    from leadshift.calendar.memory import remember_all
    from leadshift.cli.output import Outcome
    from leadshift.domain.changes import id_source, months_with
    from leadshift.render.lines import Lines
    from leadshift.render.receipts import day_line
    from leadshift.reports.day import day_totals

    records = [p.record for p in proposal.records]
    with session.store.change() as draft:
        current = draft.ledger
        if not current.record_ids().isdisjoint(r.id for r in records):  # another command wrote meanwhile
            new_id = id_source(current)
            records = [r.model_copy(update={"id": new_id()}) for r in records]
            proposal = replace(
                proposal, records=tuple(Proposed(r, p.event) for r, p in zip(records, proposal.records, strict=True))
            )
        for key, month in months_with(current, records, datetime.now()).items():
            draft.set_month(key, month)
        if answers:
            draft.set_book(remember_all(current.book, answers))
    return Outcome(CalendarDay(proposal, saved=True), notes=(Lines(day_line(day_totals(draft.ledger, proposal.day))),))
