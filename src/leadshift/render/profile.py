"""`leadshift profile`: the profile as JSON or as lines; after a change, what changed and what it was."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rich.text import Text

from leadshift.domain.book import Profile
from leadshift.domain.wording import hours_text
from leadshift.render.lines import Lines
from leadshift.render.text import literal
from leadshift.reports.listing import ProfileCard

# Each field: how a person reads its name, and its value.
_LABELS = {
    "name": "name",
    "promoted_on": "promoted on",
    "workday_hours": "workday",
    "client_share_limit": "client-share limit",
    "week_starts": "week starts on",
    "holidays": "holidays",
    "emails": "your emails",
    "calendar": "calendar file",
    "keywords": "calendar keywords",
}
_VALUES: dict[str, Callable[[Any], str]] = {
    "promoted_on": lambda day: str(day) if day else "not set",
    "workday_hours": lambda hours: f"{hours_text(hours)} h",
    "client_share_limit": lambda share: f"{hours_text(share * 100)}%",  # 0.355 is 35.5%, not a rounded 36%
    "holidays": lambda weeks: ", ".join(weeks) or "none",
    "emails": lambda emails: ", ".join(emails) or "none",
    "calendar": lambda path: path or "none",
    "keywords": lambda words: "; ".join(f"{a}: {', '.join(w)}" for a, w in words.items()) or "the defaults",
}
_WIDTH = max(map(len, _LABELS.values())) + 2
_SHOWN_WHEN_SET = ("emails", "calendar", "keywords")  # for `log --calendar`: lines only for those who use it


def profile_data(card: ProfileCard) -> dict[str, Any]:
    data = card.profile.model_dump(mode="json")
    return data if card.before is None else {**data, "changed": card.changed()}


def profile_view(card: ProfileCard) -> Lines:
    if card.before is None:
        shown = [n for n in _LABELS if n not in _SHOWN_WHEN_SET or getattr(card.profile, n)]
        return Lines(*(Text(f"{_LABELS[n]:<{_WIDTH}}").append_text(_value(card.profile, n)) for n in shown))
    changed = card.changed()
    if not changed:
        return Lines("Profile: nothing changed; the values given are the ones it has.")
    return Lines(
        *(
            Text(f"Profile: {_LABELS[name]} ")
            .append_text(_value(card.profile, name))
            .append(" (was ")
            .append_text(_value(card.before, name))
            .append(")")
            for name in changed
        )
    )


def _value(profile: Profile, name: str) -> Text:
    value = getattr(profile, name)
    return literal(_VALUES[name](value) if name in _VALUES else value)  # the name is ledger text: shown literally
