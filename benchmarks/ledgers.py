"""Realistic ledgers of any length, written through leadshift's own store.

A ledger of N months ends on `today` (a pinned date, so every run reviews the
same week) and holds every working day (Monday to Friday) since the day after
the same date N months earlier: about six records a day, the way a lead who
logs every evening would write them. A team of six, twelve clients (five still
the leader's own), 1:1s on a weekly or fortnightly slot (some cancelled or
interrupted by a client), client hours on two or three accounts, leading hours
by activity, the odd trade-off and escalation; the client share falls over the
first months after the promotion, as it should.

Only the public store API is used (`Store.create`, `Store.change`, the models),
so the files are exactly what the commands themselves would write, whatever
the store does inside. Generating is quick (ten years: about two seconds), so
every benchmark run writes its ledgers afresh with the code it measures.
"""

from __future__ import annotations

import calendar
import math
import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path

from leadshift.domain.book import Book, Client, Profile, Teammate
from leadshift.domain.records import AnyRecord, EscalationRecord, HoursRecord, Month, OneOnOneRecord, TradeOffRecord
from leadshift.domain.terms import ME, NO_KINDS
from leadshift.storage.store import Store

TODAY = date(2026, 11, 20)  # a Friday: the week under review has five logged days
SEED = 20261120

TEAMMATES = {
    "priya": Teammate(name="Priya Nair", role="Senior consultant", skills=["pricing"], one_on_one_every=7),
    "marcus": Teammate(name="Marcus Bell", role="Account manager", skills=["onboarding", "reporting"]),
    "lena": Teammate(name="Lena Okafor", role="Client analyst", skills=["analytics", "reporting"], capacity_hours=25),
    "tomas": Teammate(name="Tomás Ortega", role="Account manager", skills=["support"], one_on_one_every=7),
    "aiko": Teammate(name="Aiko Tanaka", role="Junior consultant", skills=["research"], one_on_one_every=7),
    "noor": Teammate(name="Noor Haddad", role="Consultant", skills=["pricing", "analytics"], capacity_hours=32),
}
# Each teammate's 1:1 weekday (Monday is 0); how often is their one_on_one_every, 7 or 14 days.
ONE_ON_ONE_SLOTS = {"priya": 1, "marcus": 0, "lena": 4, "tomas": 2, "aiko": 3, "noor": 2}

CLIENTS = {
    "northwind": Client(name="Northwind Capital", needs=["negotiation", "pricing"], weight=5, weekly_hours=8),
    "helix": Client(name="Helix Biotech", needs=["analytics", "reporting"], weight=4, weekly_hours=6),
    "kestrel": Client(name="Kestrel Logistics", needs=["onboarding"], weight=3, backed_by=["tomas"]),
    "brightpath": Client(name="Brightpath Schools", needs=["reporting"], weight=2, weekly_hours=4),
    "harbor-vine": Client(name="Harbor & Vine", needs=["pricing"], weight=3, weekly_hours=3),
    "meridian": Client(name="Meridian Insurance", owner="priya", weight=4, weekly_hours=8, backed_by=["lena"]),
    "alder": Client(name="Alder Health", owner="marcus", needs=["onboarding"], weekly_hours=6),
    "quarry": Client(name="Quarry Lane Retail", owner="tomas", weight=2),
    "solstice": Client(name="Solstice Media", owner="lena", weight=1, weekly_hours=2),
    "orchard": Client(name="Orchard Foods", owner="noor", weight=3, weekly_hours=6),
    "vantage": Client(name="Vantage Realty", owner="aiko", weight=2, weekly_hours=3, backed_by=["noor"]),
    "pinecrest": Client(name="Pinecrest Hotels", owner="noor", weight=3, weekly_hours=5),
}
# How the leader's client hours spread: mostly their own accounts, now and then the team's.
CLIENT_PULL = {key: (client.weekly_hours if client.owner == ME else 0.5) for key, client in CLIENTS.items()}
LEAD_PULL = {"coaching": 3.0, "admin": 2.0, "strategy": 2.0, "hiring": 1.0, "learning": 1.0}
OWN_CLIENTS = [key for key, client in CLIENTS.items() if client.owner == ME]

NOTES = [
    "Renewal call",
    "Prepared the quarterly business review",
    "Pricing questions again; sent the sheet",
    "Follow-up on the incident report",
    "Long call, mostly about next year's budget and who on our side will own the rollout",
    "Workshop prep",
    "Reviewed the draft with the team before sending",
]
REQUESTS = [
    "Rework the pricing deck before the board call",
    "Take the CFO's call this afternoon",
    "Same-day redline of the renewal terms",
    "Numbers for their investor update by Monday",
    "Join the call about the disputed invoice",
]


@dataclass(frozen=True)
class Spec:
    """What a generated ledger depends on: the same spec gives the same records."""

    months: int
    today: date = TODAY
    seed: int = SEED

    @property
    def first_day(self) -> date:
        """The day after the same date `months` months before `today`."""
        year, month = divmod(self.today.year * 12 + self.today.month - 1 - self.months, 12)
        day = min(self.today.day, calendar.monthrange(year, month + 1)[1])
        return date(year, month + 1, day) + timedelta(days=1)

    def working_days(self) -> list[date]:
        count = (self.today - self.first_day).days + 1
        days = (self.first_day + timedelta(days=n) for n in range(count))
        return [day for day in days if day.weekday() < 5]


TEAM_DOMAIN = "ourfirm.example"
LEADER_EMAIL = f"dana@{TEAM_DOMAIN}"


def client_domain(key: str) -> str:
    return f"{key}.example"


def teammate_email(key: str) -> str:
    return f"{key}@{TEAM_DOMAIN}"


def book_of(spec: Spec) -> Book:
    profile = Profile(name="Dana Brooks", promoted_on=spec.first_day)
    return with_addresses(Book(profile=profile, teammates=TEAMMATES, clients=CLIENTS))


def with_addresses(book: Book) -> Book:
    """The addresses the calendar of calendars.py uses, where the models keep them (issue 16: `log --calendar`).

    Written for whichever fields exist, so that the same generator serves the code before and after them.
    """
    if "emails" in Profile.model_fields:
        book = book.model_copy(update={"profile": book.profile.model_copy(update={"emails": [LEADER_EMAIL]})})
    if "emails" in Teammate.model_fields:
        teammates = {k: t.model_copy(update={"emails": [teammate_email(k)]}) for k, t in book.teammates.items()}
        book = book.model_copy(update={"teammates": teammates})
    if "domains" in Client.model_fields:
        clients = {k: c.model_copy(update={"domains": [client_domain(k)]}) for k, c in book.clients.items()}
        book = book.model_copy(update={"clients": clients})
    return book


def halves(hours: float) -> float:
    return round(hours * 2) / 2


def split(total: float, parts: int, rng: random.Random) -> list[float]:
    """`total` hours in half hours over at most `parts` records, each at least half an hour."""
    slots = int(round(total * 2))
    parts = min(parts, slots)
    given = [1] * parts
    for _ in range(slots - parts):
        given[rng.randrange(parts)] += 1
    return [g / 2 for g in given]


def pick(pull: dict[str, float], count: int, rng: random.Random, exclude: set[str] = frozenset()) -> list[str]:
    """`count` distinct keys, drawn by weight."""
    pool = {k: w for k, w in pull.items() if k not in exclude}
    chosen: list[str] = []
    while pool and len(chosen) < count:
        key = rng.choices(list(pool), weights=list(pool.values()))[0]
        chosen.append(key)
        del pool[key]
    return chosen


def day_records(day: date, since_promotion: int, rng: random.Random, new_id: Callable[[], str]) -> list[AnyRecord]:
    """One working day as the leader logs it in the evening: client work, leading, then what happened."""
    length = rng.choice([8.0, 8.5, 9.0, 9.5, 10.0, 10.5])
    share = 0.38 + 0.27 * math.exp(-since_promotion / 120) + rng.uniform(-0.06, 0.06)
    client_total = halves(length * share)
    client: list[tuple[str, float]] = []
    lead: list[tuple[str, float, str | None]] = []
    events: list[AnyRecord] = []

    for teammate, weekday in ONE_ON_ONE_SLOTS.items():
        every = TEAMMATES[teammate].one_on_one_every
        if day.weekday() != weekday or (every == 14 and (day.toordinal() // 7) % 2):
            continue
        roll = rng.random()
        status = "held" if roll < 0.8 else "cancelled" if roll < 0.92 else "interrupted"
        because = rng.choice(OWN_CLIENTS) if status != "held" and rng.random() < 0.7 else None
        events.append(
            OneOnOneRecord(id=new_id(), date=day, teammate=teammate, status=status, because=because, note=note(rng))
        )
        if status != "cancelled":
            lead.append(("one-on-one", 1.0 if every == 14 and status == "held" else 0.5, teammate))
    if day.weekday() == 0:
        lead.append(("team", 1.0, None))
    if rng.random() < 0.12:  # a yes to a client, and what it displaced
        said_no = rng.choice(NO_KINDS)
        trade = TradeOffRecord(
            id=new_id(),
            date=day,
            client=rng.choice(OWN_CLIENTS),
            request=rng.choice(REQUESTS),
            urgent=rng.random() < 0.6,
            said_no=said_no,
            teammate=rng.choice(list(TEAMMATES)) if said_no == "one-on-one" else None,
        )
        events.append(trade)
        client.append((trade.client, 2.0 if trade.urgent else 1.5))  # the yes costs client time that day
    if rng.random() < 0.2:
        asked = rng.random() < min(0.85, 0.3 + since_promotion / 700)  # the ask-first habit takes hold
        events.append(EscalationRecord(id=new_id(), date=day, teammate=rng.choice(list(TEAMMATES)), asked_first=asked))

    left = client_total - sum(hours for _, hours in client)
    if left >= 0.5:
        keys = pick(CLIENT_PULL, rng.choice([1, 2, 2, 3]), rng, {key for key, _ in client})
        client.extend(zip(keys, split(left, len(keys), rng), strict=False))
    left = length - client_total - sum(hours for _, hours, _ in lead)
    if left >= 0.5:
        activities = pick(LEAD_PULL, 1 if left < 2 else rng.choice([1, 2, 2, 3]), rng)
        for activity, hours in zip(activities, split(left, len(activities), rng), strict=False):
            lead.append((activity, hours, rng.choice(list(TEAMMATES)) if activity == "coaching" else None))

    records: list[AnyRecord] = [
        *(HoursRecord(id=new_id(), date=day, hours=h, client=key, note=note(rng)) for key, h in client),
        *(
            HoursRecord(id=new_id(), date=day, hours=h, activity=activity, teammate=mate, note=note(rng))
            for activity, h, mate in lead
        ),
        *events,
    ]
    evening = datetime.combine(day, time(18, 0))
    return [r.model_copy(update={"added": evening + timedelta(seconds=7 * i)}) for i, r in enumerate(records)]


def note(rng: random.Random) -> str:
    return rng.choice(NOTES) if rng.random() < 0.3 else ""


def id_maker(rng: random.Random) -> Callable[[], str]:
    """Record ids as leadshift makes them (8 hex digits), unique in the whole ledger."""
    taken: set[str] = set()

    def new_id() -> str:
        while (candidate := f"{rng.getrandbits(32):08x}") in taken:
            pass
        taken.add(candidate)
        return candidate

    return new_id


def months_of(spec: Spec) -> dict[str, Month]:
    rng = random.Random(spec.seed)
    new_id = id_maker(rng)
    by_month: dict[str, list[AnyRecord]] = {}
    for day in spec.working_days():
        records = day_records(day, (day - spec.first_day).days, rng, new_id)
        by_month.setdefault(f"{day:%Y-%m}", []).extend(records)
    return {key: Month().with_records(records) for key, records in by_month.items()}


def generate(home: Path, spec: Spec) -> dict[str, Month]:
    """Write the ledger of `spec` into the new folder `home`; return its months.

    One change for the whole history: every change re-reads and validates every
    file, so a change per month would cost time quadratic in the months.
    """
    store = Store(home)
    store.create(book_of(spec))
    months = months_of(spec)
    with store.change() as draft:
        for key, month in months.items():
            draft.set_month(key, month)
    return months


def without_day(home: Path, months: dict[str, Month], day: date) -> None:
    """Take `day`'s records out of the ledger in `home` (written from `months`): a day still to log."""
    key = f"{day:%Y-%m}"
    records = months[key].records()
    gone = [record.id for record in records if record.date == day]
    with Store(home).change() as draft:
        draft.set_month(key, Month().with_records([r for r in records if r.date != day]), removed=gone)
