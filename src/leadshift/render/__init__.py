"""From a command's result to what it prints: one table says, for every result, its `--json` data and its view.

Every view is a function `result -> Rich renderable`; a `Lines` view is news,
kept whole in a pipe. Each module is imported only when a result of its kind
is shown, so a command pays for no other view.

    data       the JSON contract: `plain()` and the listings' JSON
    text       ledger text shown literally and harmlessly (markup, control characters)
    lines      `Lines`: news kept whole in a pipe
    tables     the one table style; the team, the clients, the records
    receipts   what the commands that write records print
    today      `leadshift today`: the day so far
    promises   action items and obstacles: their lists, and what adding or closing one prints
    changes    what undo and redo print, and the recent changes
    profile    `leadshift profile`: the profile, or what a change changed
    calendar_day  `log --calendar`: the day proposed from the calendar, as JSON or a table
    review, said_no, handoff, recovery: the views of those results
    prep       `leadshift prep`: the brief for a 1:1 on one screen
"""

from __future__ import annotations

from importlib import import_module
from typing import Any, NamedTuple


class Shown(NamedTuple):
    """How one kind of result is shown: its JSON and its view, as "module:function" (None: it has no --json)."""

    json: str | None
    view: str


_PLAIN = "leadshift.render.data:plain"

# The result's class (module.Name) -> how it is shown.
SHOWN: dict[str, Shown] = {
    "leadshift.reports.review.Review": Shown(_PLAIN, "leadshift.render.review:review_view"),
    "leadshift.reports.said_no.SaidNoReport": Shown(_PLAIN, "leadshift.render.said_no:said_no_view"),
    "leadshift.reports.prep.Prep": Shown(_PLAIN, "leadshift.render.prep:prep_view"),
    "leadshift.reports.listing.RecordList": Shown(
        "leadshift.render.data:records_data", "leadshift.render.tables:records_view"
    ),
    "leadshift.reports.today.Today": Shown("leadshift.render.today:today_data", "leadshift.render.today:today_view"),
    "leadshift.reports.listing.Team": Shown("leadshift.render.data:team_data", "leadshift.render.tables:team_view"),
    "leadshift.reports.listing.Departure": Shown(
        "leadshift.render.data:departure_data", "leadshift.render.tables:departure_view"
    ),
    "leadshift.reports.listing.ClientList": Shown(
        "leadshift.render.data:clients_data", "leadshift.render.tables:clients_view"
    ),
    "leadshift.reports.listing.ProfileCard": Shown(
        "leadshift.render.profile:profile_data", "leadshift.render.profile:profile_view"
    ),
    "leadshift.reports.owed.ActionList": Shown(
        "leadshift.render.promises:actions_data", "leadshift.render.promises:actions_view"
    ),
    "leadshift.reports.owed.ObstacleList": Shown(
        "leadshift.render.promises:obstacles_data", "leadshift.render.promises:obstacles_view"
    ),
    "leadshift.domain.promise_changes.Kept": Shown(None, "leadshift.render.promises:kept_view"),
    "leadshift.reports.receipts.Logged": Shown(None, "leadshift.render.receipts:logged_view"),
    "leadshift.reports.receipts.DaySaved": Shown(None, "leadshift.render.receipts:day_saved_view"),
    "leadshift.reports.receipts.Removed": Shown(None, "leadshift.render.receipts:removed_view"),
    "leadshift.domain.changelog.Reverted": Shown(
        "leadshift.render.changes:reverted_data", "leadshift.render.changes:reverted_view"
    ),
    "leadshift.domain.changelog.History": Shown(
        "leadshift.render.changes:history_data", "leadshift.render.changes:history_view"
    ),
    "leadshift.handoff.plan.HandoffPlan": Shown(
        "leadshift.render.handoff:plan_data", "leadshift.render.handoff:plan_view"
    ),
    "leadshift.handoff.stages.SavedHandoffs": Shown(
        "leadshift.render.handoff:status_data", "leadshift.render.handoff:status_view"
    ),
    "leadshift.handoff.changes.StageAdvanced": Shown(None, "leadshift.render.handoff:advanced_view"),
    "leadshift.recovery.doctor.Checkup": Shown(
        "leadshift.render.recovery:doctor_data", "leadshift.render.recovery:doctor_view"
    ),
    "leadshift.recovery.backups.BackupList": Shown(
        "leadshift.render.recovery:backups_data", "leadshift.render.recovery:backups_view"
    ),
    "leadshift.calendar.classify.CalendarDay": Shown(
        "leadshift.render.calendar_day:calendar_day_data", "leadshift.render.calendar_day:calendar_day_view"
    ),
    "leadshift.recovery.restore.Restored": Shown(
        "leadshift.render.recovery:restored_data", "leadshift.render.recovery:restored_view"
    ),
}


def json_of(result: object) -> Any:
    """The `--json` data of `result`."""
    shown = _shown(result)
    if shown.json is None:
        raise TypeError(f"{type(result).__name__} has no --json form")
    return _function(shown.json)(result)


def view_of(result: object) -> Any:
    """The terminal view of `result`: a Rich renderable."""
    return _function(_shown(result).view)(result)


def _shown(result: object) -> Shown:
    kind = type(result)
    return SHOWN[f"{kind.__module__}.{kind.__qualname__}"]


def _function(where: str) -> Any:
    module, name = where.split(":")
    return getattr(import_module(module), name)
