"""The rules for changing a ledger: pure functions from old content to new.

They check what the models alone cannot see (a key that already exists, a
teammate who still owns clients, a day that would pass 24 hours, a yes that
names the wrong teammate) and turn validation failures into one-line messages
that name the option to fix.
"""

from __future__ import annotations

import difflib
import re
import secrets
from collections.abc import Callable, Iterable, Mapping
from datetime import date, datetime, timedelta
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from leadshift.domain.book import Book, Client, Profile, Teammate
from leadshift.domain.dates import month_key
from leadshift.domain.ledger import Ledger
from leadshift.domain.records import MAX_HOURS_A_DAY, AnyRecord, Month, OneOnOneRecord, hours_on, over_a_day
from leadshift.domain.schema import KEY_PATTERN
from leadshift.domain.terms import ME
from leadshift.domain.wording import and_list, by_start, hours_text, plural
from leadshift.errors import Conflict, InvalidValue, NotFound, UsageError

M = TypeVar("M", bound=BaseModel)


# -- keys ---------------------------------------------------------------------


def require_key(kind: str, key: str, known: Iterable[str]) -> str:
    """The key `key` names, as stored (keys are lowercase): the key itself, or the only one it starts.

    An exact key wins over being the start of another (`acme` with `acme-eu`);
    an ambiguous start, or a key that does not exist, is NotFound.
    """
    wanted = key.strip().lower()
    choices = sorted(known)
    starting = by_start(key, choices)
    if len(starting) == 1:
        return starting[0]
    if starting:
        raise NotFound(f"'{key}' matches {and_list(starting)}; type more of the key.")
    if not choices:
        raise NotFound(f"no {kind} '{key}': there are no {kind}s yet; add one with `leadshift {kind} add`.")
    close = difflib.get_close_matches(wanted, choices, n=1, cutoff=0.5)
    hint = f" Did you mean '{close[0]}'?" if close else ""
    raise NotFound(f"no {kind} '{key}'.{hint} Known {kind}s: {', '.join(choices)}.")


def require_client(book: Book, key: str) -> str:
    return require_key("client", key, book.clients)


def require_teammate(book: Book, key: str) -> str:
    return require_key("teammate", key, book.teammates)


# -- the profile, teammates and clients -----------------------------------------


def edit_profile(book: Book, fields: Mapping[str, Any]) -> Book:
    """The profile with `fields` changed, checked as `init` checks a new one."""
    return _with(book, profile=build(Profile, {**book.profile.model_dump(), **fields}))


def add_teammate(book: Book, key: str, fields: Mapping[str, Any]) -> Book:
    key = _new_key("teammate", key, book.teammates)
    if key == ME:
        raise InvalidValue(f"'{ME}' means you, the leader; pick another key for this teammate.")
    teammate = build(Teammate, fields)
    return _with(book, teammates={**book.teammates, key: teammate})


def edit_teammate(book: Book, key: str, fields: Mapping[str, Any]) -> Book:
    key = require_teammate(book, key)
    teammate = build(Teammate, {**book.teammates[key].model_dump(), **fields})
    return _with(book, teammates={**book.teammates, key: teammate})


def remove_teammate(ledger: Ledger, key: str) -> Book:
    book = ledger.book
    key = require_teammate(book, key)
    owned, backs = _clients_of(book, key)
    if owned:
        raise Conflict(
            f"{key} owns {', '.join(owned)}; give each to someone else first "
            f"(`leadshift client edit {owned[0]} --owner me`), then remove {key}."
        )
    if backs:
        raise Conflict(
            f"{key} backs {', '.join(backs)}; take them off first "
            f"(`leadshift client edit {backs[0]} --backed-by ...`), then remove {key}."
        )
    taking = sorted(c for c, handoff in book.handoffs.items() if handoff.teammate == key)
    if taking:
        raise Conflict(
            f"{key} is named in the saved handoff{'s' * (len(taking) > 1)} of {', '.join(taking)}; stop following "
            f"{'them' if len(taking) > 1 else 'it'} first "
            f"({', '.join(f'`leadshift handoff cancel {c}`' for c in taking)}), then remove {key}."
        )
    _refuse_if_recorded(ledger, "teammate", key)
    _refuse_if_owed(book, key)
    return _with(book, teammates={k: t for k, t in book.teammates.items() if k != key})


def leave_teammate(ledger: Ledger, key: str, on: date) -> Book:
    """`key` leaves the team on `on`: off the team from that day, kept for every record that names them."""
    book = ledger.book
    key = require_teammate(book, key)
    mate = book.teammates[key]
    if mate.left is not None:
        raise Conflict(f"{mate.name} already left the team on {mate.left}; nothing to change.")
    if mate.joined is not None and on < mate.joined:
        raise InvalidValue(f"{mate.name} joined on {mate.joined}, after {on}; give the day they left with --on.")
    _refuse_while_serving_clients(book, key)
    later = [r.date for r in ledger.records(start=on + timedelta(days=1)) if ("teammate", key) in r.references()]
    if later:
        raise Conflict(
            f"{mate.name} appears in {plural(len(later), 'record')} after {on}, the last on {max(later)}; "
            f"give the day they left with --on {max(later)} or later, or remove those records first."
        )
    return _with(book, teammates={**book.teammates, key: build(Teammate, {**mate.model_dump(), "left": on})})


def _refuse_while_serving_clients(book: Book, key: str) -> None:
    """One line naming every client `key` still serves, and the command that frees each."""
    owned, backs = _clients_of(book, key)
    taking = sorted(c for c, handoff in book.handoffs.items() if handoff.teammate == key and not handoff.done)
    serves, fixes = [], []
    if owned:
        serves.append(f"owns {and_list(owned)}")
        fixes.append(
            f"give {'them' if len(owned) > 1 else 'it'} to someone else "
            f"(`leadshift client edit {owned[0]} --owner KEY`, or `--owner me`)"
        )
    if backs:
        serves.append(f"backs {and_list(backs)}")
        fixes.append(
            f"drop {key} from the backers of {and_list(backs)} (`leadshift client edit {backs[0]} --backed-by ...`)"
        )
    if taking:
        serves.append(f"has {'handoffs' if len(taking) > 1 else 'a handoff'} of {and_list(taking)} under way")
        cancels = ", ".join(f"`leadshift handoff cancel {c}`" for c in taking)
        fixes.append(f"cancel {'them' if len(taking) > 1 else 'the handoff'} ({cancels})")
    if serves:
        raise Conflict(
            f"{book.teammates[key].name} still {and_list(serves)}; first {and_list(fixes)}, "
            f"then `leadshift teammate leave {key}`."
        )


def _clients_of(book: Book, key: str) -> tuple[list[str], list[str]]:
    """The clients teammate `key` owns, and those they back."""
    owned = sorted(c for c, client in book.clients.items() if client.owner == key)
    backs = sorted(c for c, client in book.clients.items() if key in client.backed_by)
    return owned, backs


def add_client(book: Book, key: str, fields: Mapping[str, Any]) -> Book:
    key = _new_key("client", key, book.clients)
    client = build(Client, _checked_people(book, fields))
    return _with(book, clients={**book.clients, key: client})


def edit_client(book: Book, key: str, fields: Mapping[str, Any]) -> Book:
    key = require_client(book, key)
    client = build(Client, {**book.clients[key].model_dump(), **_checked_people(book, fields)})
    return _with(book, clients={**book.clients, key: client})


def remove_client(ledger: Ledger, key: str) -> Book:
    book = ledger.book
    key = require_client(book, key)
    if key in book.handoffs:
        raise Conflict(
            f"{key} has a saved handoff to {book.handoffs[key].teammate}; stop following it first "
            f"(`leadshift handoff cancel {key}`), then remove {key}."
        )
    _refuse_if_recorded(ledger, "client", key)
    return _with(book, clients={k: c for k, c in book.clients.items() if k != key})


def _checked_people(book: Book, fields: Mapping[str, Any]) -> dict[str, Any]:
    checked = dict(fields)
    if (owner := checked.get("owner")) is not None:
        checked["owner"] = ME if owner.strip().lower() == ME else require_teammate(book, owner)
    if checked.get("backed_by") is not None:
        checked["backed_by"] = [require_teammate(book, k) for k in checked["backed_by"]]
    return checked


def _refuse_if_recorded(ledger: Ledger, kind: str, key: str) -> None:
    dates = [r.date for r in ledger.records() if (kind, key) in set(r.references())]
    if dates:
        raise Conflict(
            f"{key} appears in {len(dates)} record(s) from {min(dates)} to {max(dates)}; removing it would "
            "leave them pointing nowhere. Keep it, or remove those records first (`leadshift show --week ...`)."
        )


def _refuse_if_owed(book: Book, key: str) -> None:
    """Action items and obstacles keep their teammate, done or not: they are the history of what you promised."""
    counts = [
        plural(count, word)
        for word, items in (("action item", book.actions), ("obstacle", book.obstacles))
        if (count := sum(item.teammate == key for item in items.values()))
    ]
    if counts:
        raise Conflict(
            f"{key} is named in {and_list(counts)}; removing them would leave those pointing nowhere. Keep them, "
            f"or `leadshift teammate leave {key}` if they left the team."
        )


def _new_key(kind: str, key: str, existing: Mapping[str, Any]) -> str:
    key = key.strip().lower()
    if key in existing:
        raise Conflict(f"a {kind} with key '{key}' already exists; change it with `leadshift {kind} edit {key}`.")
    if not re.fullmatch(KEY_PATTERN, key):  # the same pattern the files are checked with
        raise InvalidValue(
            f"'{key}' cannot be a key: use lowercase letters, digits, '-' or '_' (at most 32), like 'acme' or 'alice'."
        )
    return key


def _with(book: Book, **changes: Any) -> Book:
    return build(Book, {**book.model_dump(), **changes})


def build(model: type[M], fields: Mapping[str, Any]) -> M:
    """Validate `fields` into `model`, naming the offending option on failure."""
    try:
        return model.model_validate(dict(fields))
    except ValidationError as error:
        problem = error.errors(include_input=False, include_url=False)[0]
        field = next((str(p) for p in reversed(problem["loc"]) if isinstance(p, str)), "")
        option = f"--{field.replace('_', '-')}: " if field else ""
        message = problem["msg"].removeprefix("Value error, ")
        raise InvalidValue(f"{option}{message[:1].lower()}{message[1:]}.") from None


# -- records ------------------------------------------------------------------


def new_record_id(taken: Iterable[str]) -> str:
    """A short random id, unique in the ledger loaded."""
    used = set(taken)
    while (candidate := secrets.token_hex(4)) in used:
        pass
    return candidate


def id_source(ledger: Ledger) -> Callable[[], str]:
    """New ids, unique in `ledger` (its records, action items and obstacles) and among themselves."""
    taken = ledger.record_ids() | set(ledger.book.actions) | set(ledger.book.obstacles)

    def next_id() -> str:
        record_id = new_record_id(taken)
        taken.add(record_id)
        return record_id

    return next_id


def months_with(ledger: Ledger, records: Iterable[AnyRecord], added: datetime) -> dict[str, Month]:
    """The months that change when `records`, written at `added`, join the ledger; refuses a day over 24 hours."""
    changed: dict[str, Month] = {}
    for record in records:
        key = month_key(record.date)
        month = changed.get(key) or ledger.months.get(key) or Month()
        _refuse_after_leaving(ledger.book, record)
        stamped = record.model_copy(update={"added": added})
        candidate = [*month.records(), stamped]
        _refuse_long_day(candidate, record.date)  # before the model's own check, with a better message
        changed[key] = month.with_records(candidate)
    return changed


def _refuse_after_leaving(book: Book, record: AnyRecord) -> None:
    """A new record names someone only while they were on the team: not before they joined, not after they left
    (their last day can; the history keeps the rest)."""
    for what, key in record.references():
        mate = book.teammates.get(key) if what == "teammate" else None
        if mate is not None and mate.left is not None and record.date > mate.left:
            raise Conflict(
                f"{mate.name} left the team on {mate.left}; nothing after that day can name them: name someone on "
                "the team, or the day it happened (--date)."
            )
        if mate is not None and mate.joined is not None and record.date < mate.joined:
            raise Conflict(
                f"{mate.name} joined the team on {mate.joined}; nothing before that day can name them: check the "
                f"day it happened (--date), or their joining day (`leadshift edit ledger`)."
            )


def _refuse_long_day(records: list[AnyRecord], day: date) -> None:
    if over_a_day(total := hours_on(records, day)):
        raise Conflict(
            f"{day} would have {hours_text(total)} hours logged, more than {hours_text(MAX_HOURS_A_DAY)}; "
            f"check the hours (`leadshift show --date {day}`) and remove a wrong record with `leadshift remove ID`."
        )


def one_on_ones_on(ledger: Ledger, teammate: str, day: date) -> list[OneOnOneRecord]:
    """The 1:1s with `teammate` logged on `day`, whatever became of them."""
    return [r for r in ledger.records(day, day) if isinstance(r, OneOnOneRecord) and r.teammate == teammate]


def check_one_on_one(
    ledger: Ledger, teammate: str, status: str, day: date, again: bool = False
) -> OneOnOneRecord | None:
    """Refuse a second held 1:1 with `teammate` on `day` (the same meeting logged twice) unless `again`.

    Otherwise the 1:1 logged that day that this one contradicts (held and
    cancelled, say): both may be true, so it is saved, with a warning.
    """
    logged = one_on_ones_on(ledger, teammate, day)
    held = next((r for r in logged if r.status == "held"), None)
    if status == "held" and held is not None and not again:
        name = ledger.book.teammates[teammate].name
        raise Conflict(
            f"already a held 1:1 with {name} on {day} (id {held.id}); use --again if you really met twice, "
            f"or `leadshift remove {held.id}`."
        )
    return next((r for r in logged if r.status != status), None)


def find_record(ledger: Ledger, record_id: str) -> tuple[str, AnyRecord]:
    """The month and record whose id starts with `record_id` (at least 4 characters)."""
    wanted = record_id.strip().lower()
    if len(wanted) < 4:
        raise UsageError(f"'{record_id}' is too short: give at least 4 characters of the id `leadshift show` prints.")
    matches = [(key, r) for key, m in ledger.months.items() for r in m.records() if r.id.startswith(wanted)]
    if not matches:
        raise NotFound(f"no record with id '{record_id}'; `leadshift show --week YYYY-Www` lists ids.")
    if len(matches) > 1 and len({r.id for _, r in matches}) == 1:
        files = " and ".join(f"log/{key}.toml" for key, _ in matches)
        raise Conflict(f"id {matches[0][1].id} is used in {files} (a hand edit?); give one of them another id by hand.")
    if len(matches) > 1:
        ids = ", ".join(f"{r.id} ({r.date})" for _, r in matches)
        raise Conflict(f"'{record_id}' matches several records: {ids}; give more characters.")
    return matches[0]


def without_record(month: Month, record_id: str) -> Month:
    return month.with_records([r for r in month.records() if r.id != record_id])


# -- what a yes may name -------------------------------------------------------

NOBODYS_TIME = ("personal", "nothing")  # nos that give up no teammate's time


def check_trade_off(said_no: str, teammate: str | None, cancel: bool) -> None:
    """Refuse a teammate (`--with`) or a cancelled 1:1 that does not fit what the yes said no to."""
    if said_no == "one-on-one" and teammate is None:
        raise UsageError("a no to a 1:1 needs --with TEAMMATE: whose 1:1 was it?")
    if said_no in NOBODYS_TIME and teammate is not None:
        what = "personal time is yours" if said_no == "personal" else "a yes that displaces nothing costs nobody"
        raise UsageError(f"--with names the teammate whose time was given up, but {what}; leave --with out.")
    if cancel and said_no != "one-on-one":
        raise UsageError("--cancel-one-on-one goes with a no to a 1:1: --no one-on-one --with TEAMMATE.")
