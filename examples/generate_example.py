"""Regenerate the bundled example ledger in `src/leadshift/example/`.

    python examples/generate_example.py

The example is the ledger of Sam Rivera, promoted to lead a client-services
team on Monday 2026-10-05, after six weeks of end-of-day logging (ISO weeks
2026-W41 to 2026-W46). It is built through leadshift's own public API
(`Store.create`, `Store.change`, the models), so it is exactly what the
commands themselves would have written.

The script is deterministic: a fixed random seed, no clock, record ids derived
from a counter and every `added` timestamp set explicitly (the record's date
at 18:00, a few seconds apart). Running it twice gives byte-identical files.
Only `ledger.toml` and `log/*.toml` are copied into the package; the store's
backups and lock file stay behind in the scratch directory.
"""

from __future__ import annotations

import hashlib
import math
import random
import shutil
import sys
import tempfile
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))  # this checkout's leadshift, installed or not

from leadshift.domain.book import Book, Client, Profile, Teammate  # noqa: E402
from leadshift.domain.records import (  # noqa: E402
    AnyRecord,
    EscalationRecord,
    HoursRecord,
    Month,
    OneOnOneRecord,
    TradeOffRecord,
)
from leadshift.domain.terms import ME  # noqa: E402
from leadshift.storage.layout import LEDGER_FILE, LOG_DIR  # noqa: E402
from leadshift.storage.store import Store  # noqa: E402

TARGET = REPO / "src" / "leadshift" / "example"
SEED = 20261005
FIRST_DAY = date(2026, 10, 5)  # Monday of 2026-W41, the day Sam was promoted
WEEKS = 6  # 2026-W41 .. 2026-W46, Monday to Friday

# -- who: the profile, the team and the clients ---------------------------------

PROFILE = Profile(
    name="Sam Rivera",
    promoted_on=FIRST_DAY,
    workday_hours=10,
    client_share_limit=0.4,
)

TEAMMATES = {
    "priya": Teammate(
        name="Priya Nair",
        role="Senior consultant",
        skills=["negotiation", "pricing", "presentation"],
        growing=["strategy", "analytics"],
        capacity_hours=30,
        one_on_one_every=7,
    ),
    "marcus": Teammate(
        name="Marcus Bell",
        role="Account manager",
        skills=["onboarding", "reporting", "support"],
        growing=["negotiation", "presentation"],
        capacity_hours=32,
        one_on_one_every=14,
    ),
    "lena": Teammate(
        name="Lena Okafor",
        role="Client analyst",
        skills=["analytics", "reporting"],
        growing=["presentation", "pricing"],
        capacity_hours=25,
        one_on_one_every=14,
    ),
    "tomas": Teammate(
        name="Tomás Ortega",
        role="Account manager",
        skills=["onboarding", "support", "logistics"],
        growing=["analytics", "negotiation"],
        capacity_hours=35,
        one_on_one_every=7,
    ),
    "aiko": Teammate(
        name="Aiko Tanaka",
        role="Junior consultant",
        skills=["research", "presentation"],
        growing=["pricing", "negotiation", "onboarding"],
        capacity_hours=20,
        one_on_one_every=7,
    ),
}

CLIENTS = {
    # Still Sam's own: half the book, the old job.
    "northwind": Client(
        name="Northwind Capital",
        owner=ME,
        needs=["negotiation", "pricing", "presentation"],
        weight=5,
        weekly_hours=8,
        backed_by=["priya"],
    ),
    "helix": Client(
        name="Helix Biotech",
        owner=ME,
        needs=["analytics", "reporting", "presentation"],
        weight=4,
        weekly_hours=6,
        backed_by=["lena"],
    ),
    "kestrel": Client(
        name="Kestrel Logistics",
        owner=ME,
        needs=["onboarding", "logistics", "analytics"],
        weight=3,
        weekly_hours=5,
        backed_by=["tomas"],
    ),
    "brightpath": Client(
        name="Brightpath Schools",
        owner=ME,
        needs=["onboarding", "reporting"],
        weight=2,
        weekly_hours=4,
        backed_by=["marcus", "aiko"],
    ),
    "harbor-vine": Client(
        name="Harbor & Vine [wine importers]",
        owner=ME,
        needs=["pricing", "presentation"],
        weight=3,
        weekly_hours=3,
    ),
    # Already the team's.
    "meridian": Client(
        name="Meridian Insurance",
        owner="priya",
        needs=["negotiation", "pricing"],
        weight=4,
        weekly_hours=8,
        backed_by=["lena"],
    ),
    "alder": Client(
        name="Alder Health",
        owner="marcus",
        needs=["onboarding", "reporting"],
        weight=3,
        weekly_hours=6,
        backed_by=["aiko"],
    ),
    "quarry": Client(
        name="Quarry Lane Retail",
        owner="tomas",
        needs=["onboarding", "support"],
        weight=2,
        weekly_hours=5,
    ),
    "solstice": Client(
        name="Solstice Media",
        owner="lena",
        needs=["analytics", "reporting"],
        weight=1,
        weekly_hours=2,
    ),
}
# Sam set the ledger up on the first day, clients and all.
CLIENTS = {key: client.model_copy(update={"added": FIRST_DAY}) for key, client in CLIENTS.items()}

# -- what happened: the shape of the six weeks ------------------------------------

# Client share the days aim at, week by week: high, falling slowly, still over 40%.
SHARE = [0.68, 0.64, 0.60, 0.56, 0.515, 0.475]
# Length of the working day, week by week: the first weeks run long.
DAY_HOURS = [
    [9.5, 10, 10.5, 10.5, 11],
    [9, 9.5, 10, 10, 10.5],
    [9, 9.5, 9.5, 10, 10.5],
    [8.5, 9, 9.5, 10, 10],
    [8.5, 9, 9.5, 9.5, 10],
    [8.5, 9, 9, 9.5, 10],
]
# How Sam's client hours spread over the accounts still owned (relative weights).
# Harbor & Vine goes quiet in the last two weeks: nobody notices until the review.
CLIENT_PULL = {
    "northwind": [5.0, 5.0, 4.5, 4.5, 4.5, 4.5],
    "helix": [3.0, 3.0, 3.0, 2.5, 2.5, 2.5],
    "kestrel": [2.5, 2.5, 2.5, 2.0, 2.0, 2.0],
    "brightpath": [2.0, 2.0, 1.5, 1.5, 1.5, 1.5],
    "harbor-vine": [1.5, 1.5, 1.5, 1.5, 0.0, 0.0],
}
# Leadership time beyond 1:1s and the Monday team meeting (relative weights).
LEAD_PULL = {
    "admin": [1.5, 1.5, 1.5, 1.5, 1.5, 1.5],
    "coaching": [1.0, 1.5, 2.0, 2.0, 2.5, 2.5],
    "hiring": [0.5, 1.5, 1.5, 1.5, 1.0, 0.5],
    "strategy": [0.5, 0.5, 1.0, 1.5, 2.0, 2.5],
    "learning": [1.0, 1.0, 1.0, 1.0, 1.5, 1.5],
}

# Every 1:1 of the six weeks: (week, weekday, teammate, status, because, note).
# Weekly 1:1s: priya on Tuesdays, tomas on Wednesdays, aiko on Thursdays;
# fortnightly: marcus on Mondays of odd weeks, lena on Fridays of even weeks.
# Aiko's last held 1:1 is in week 4: she is overdue when the example ends.
ONE_ON_ONES = [
    (0, 0, "marcus", "held", None, "First 1:1 as his lead; agreed a fortnightly slot"),
    (0, 1, "priya", "held", None, ""),
    (0, 2, "tomas", "cancelled", "northwind", "Board deck fire drill"),
    (0, 3, "aiko", "interrupted", "northwind", "Took the CFO's call halfway through"),
    (0, 4, "tomas", "held", None, "Moved from Wednesday"),
    (1, 1, "priya", "cancelled", "helix", ""),
    (1, 2, "priya", "held", None, "Rescheduled from Tuesday"),
    (1, 2, "tomas", "held", None, ""),
    (1, 3, "aiko", "held", None, "Wants to shadow a pricing negotiation"),
    (1, 4, "lena", "held", None, ""),
    (2, 0, "marcus", "interrupted", "northwind", ""),
    (2, 1, "priya", "held", None, "Talked about taking the lead on Northwind"),
    (2, 2, "tomas", "held", None, ""),
    (2, 3, "marcus", "held", None, "Finished Monday's 1:1"),
    (2, 3, "aiko", "held", None, ""),
    (3, 1, "priya", "held", None, ""),
    (3, 2, "tomas", "interrupted", "kestrel", "Warehouse go-live call"),
    (3, 3, "aiko", "held", None, ""),
    (3, 4, "lena", "held", None, "Growth plan: present the Helix QBR herself"),
    (4, 0, "marcus", "held", None, ""),
    (4, 1, "priya", "held", None, ""),
    (4, 2, "tomas", "held", None, ""),
    (4, 3, "aiko", "cancelled", "northwind", "Promised to reschedule"),
    (5, 1, "priya", "held", None, ""),
    (5, 2, "tomas", "held", None, ""),
    (5, 3, "aiko", "interrupted", "northwind", "Second week running; she noticed"),
    (5, 4, "lena", "held", None, ""),
]

# Every yes to a client: (week, weekday, client, request, urgent, said_no, teammate, note).
TRADE_OFFS = [
    (0, 2, "northwind", "Rework the pricing deck before Thursday's board call", True, "one-on-one", "tomas", ""),
    (0, 3, "northwind", "Take the CFO's call this afternoon", True, "one-on-one", "aiko", ""),
    (0, 4, "helix", "A second cut of the churn analysis", False, "strategy", None, ""),
    (1, 1, "helix", "Move the on-site workshop forward a week", True, "one-on-one", "priya", ""),
    (1, 3, "northwind", "Same-day redline of the renewal terms", True, "team", None, "Skipped the team retro"),
    (2, 0, "northwind", "Join a call about the disputed invoice", True, "one-on-one", "marcus", ""),
    (2, 4, "northwind", "Numbers for their investor update by Monday", True, "personal", None, "That was my Saturday"),
    (3, 2, "kestrel", "Be on the warehouse go-live call", True, "one-on-one", "tomas", ""),
    (3, 3, "northwind", "Review their new fee schedule", False, "interview", None, "Moved a candidate to next week"),
    (4, 3, "northwind", "Answer the CEO's escalation before their board meets", True, "one-on-one", "aiko", ""),
    (5, 3, "northwind", "Rebuild the dashboard [v3] & resend tonight", True, "one-on-one", "aiko", ""),
]

# Every problem brought to Sam: (week, weekday, teammate, asked_first, note).
# The ask-first habit takes hold over the weeks.
ESCALATIONS = [
    (0, 1, "marcus", False, "Alder onboarding file stuck; gave him the fix"),
    (0, 4, "lena", False, ""),
    (1, 0, "tomas", False, "Quarry invoice dispute"),
    (1, 3, "priya", True, ""),
    (2, 1, "lena", True, "Her plan for the Solstice data gap was better than mine"),
    (2, 4, "marcus", False, ""),
    (3, 0, "tomas", True, ""),
    (4, 1, "marcus", True, "Alder renewal; he proposed a two-step price rise"),
    (5, 0, "priya", True, ""),
    (5, 2, "lena", True, ""),
]

# Client hours on the team's own accounts: Sam cannot quite let go.
TEAM_CLIENT_HOURS = [
    (0, 1, "meridian", 1.5, "Sat in on Priya's pricing call"),
    (1, 2, "alder", 1.0, ""),
    (2, 3, "meridian", 0.5, ""),
    (3, 4, "quarry", 1.0, "Covered for Tomás"),
    (5, 0, "meridian", 1.0, ""),
]

ADMIN_MOST = 1.5  # hours of admin in one day, at most
MOST_RECORDS = 7  # records in one day, at most, when the day allows

LEAD_NOTES = {  # used in order, on about a third of these records, until each list runs out
    "hiring": [
        "Interview: senior consultant candidate",
        "Debrief with HR on the consultant role",
        "Second interview, with Priya on the panel",
    ],
    "strategy": [
        "Draft handoff plan for my accounts",
        "Q1 capacity plan",
        "Service-quality review of the team's accounts",
    ],
    "learning": [
        "New-manager course, module 1",
        "Read up on delegation",
        "Lunch with another team lead: how she handed over her book",
    ],
}


# -- building the records -------------------------------------------------------------


@dataclass
class Day:
    date: date
    records: list[AnyRecord] = field(default_factory=list)


class Ids:
    """Short record ids from a counter: stable from run to run, unique in the ledger."""

    def __init__(self) -> None:
        self.count = 0
        self.seen: set[str] = set()

    def next(self) -> str:
        while True:
            self.count += 1
            candidate = hashlib.sha256(f"leadshift-example-{self.count}".encode()).hexdigest()[:8]
            if candidate not in self.seen:
                self.seen.add(candidate)
                return candidate


def halves(value: float) -> float:
    return round(value * 2) / 2


def share_out(total: float, weights: dict[str, float]) -> dict[str, float]:
    """`total` hours over `weights`, in half hours, at least half an hour each (largest remainder)."""
    slots = int(round(total * 2))
    keys = list(weights)
    assert slots >= len(keys), "more records than half hours"
    spare = slots - len(keys)
    mass = sum(weights.values()) or 1.0
    exact = {k: spare * weights[k] / mass for k in keys}
    given = {k: int(exact[k]) for k in keys}
    for k in sorted(keys, key=lambda k: exact[k] - given[k], reverse=True)[: spare - sum(given.values())]:
        given[k] += 1
    return {k: (given[k] + 1) / 2 for k in keys}


def draw(
    quota: dict[str, float], count: int, rng: random.Random, exclude: set[str], served: set[str] | None = None
) -> list[str]:
    """`count` distinct keys among those with the most quota left (give or take an hour).

    Keys not yet `served` this week get a head start, so every account with a
    share of the week gets at least some of it.
    """
    served = set() if served is None else served
    pool = {k: q for k, q in quota.items() if q > 0 and k not in exclude}
    ranked = sorted(pool, key=lambda k: pool[k] + rng.uniform(0, 1.5) + (k not in served) * 2.0, reverse=True)
    chosen = ranked[:count]
    served.update(chosen)
    return chosen


@dataclass
class Plan:
    """One day before its flexible hours are placed."""

    day: Day
    weekday: int
    fixed_client: list[HoursRecord]
    fixed_lead: list[HoursRecord]
    events: list[AnyRecord]
    client_left: float
    lead_left: float


def build_days(rng: random.Random, ids: Ids) -> list[Day]:
    days: list[Day] = []
    notes_left: dict[str, list[str]] = {}
    for week in range(WEEKS):
        lengths = DAY_HOURS[week][:]
        rng.shuffle(lengths)
        plans = [
            plan_day(week, weekday, lengths[weekday], share, ids)
            for weekday, share in enumerate(client_hours(lengths, SHARE[week], rng))
        ]
        # This week's own-client hours, spread over the accounts by CLIENT_PULL.
        own = sum(r.hours for p in plans for r in p.fixed_client if CLIENTS[r.client].owner == ME)
        own += sum(p.client_left for p in plans)
        pull = {k: w[week] for k, w in CLIENT_PULL.items()}
        client_quota = {k: own * w / sum(pull.values()) for k, w in pull.items()}
        for p in plans:
            for r in p.fixed_client:
                if r.client in client_quota:
                    client_quota[r.client] -= r.hours
        lead_pull = {k: w[week] for k, w in LEAD_PULL.items()}
        lead_total = sum(p.lead_left for p in plans)
        lead_quota = {k: lead_total * w / sum(lead_pull.values()) for k, w in lead_pull.items()}
        served: set[str] = set()
        for p in plans:
            days.append(fill_day(p, client_quota, lead_quota, served, notes_left, rng, ids))
    return days


def client_hours(lengths: list[float], share: float, rng: random.Random) -> list[float]:
    """Client hours for each day of a week: jittered day to day, `share` of the week overall."""
    days = [halves(length * share + rng.uniform(-0.75, 0.75)) for length in lengths]
    gap = int(round((halves(sum(lengths) * share) - sum(days)) * 2))
    order = list(range(len(days)))
    rng.shuffle(order)
    for i in range(abs(gap)):
        days[order[i % len(order)]] += 0.5 if gap > 0 else -0.5
    return days


def plan_day(week: int, weekday: int, total: float, client_total: float, ids: Ids) -> Plan:
    when = FIRST_DAY + timedelta(weeks=week, days=weekday)
    events: list[AnyRecord] = []
    fixed_client: list[HoursRecord] = []
    fixed_lead: list[HoursRecord] = []

    def hours(hrs: float, note: str = "", **what: object) -> HoursRecord:
        return HoursRecord(id=ids.next(), date=when, hours=hrs, note=note, **what)

    for w, d, teammate, status, because, note in ONE_ON_ONES:
        if (w, d) != (week, weekday):
            continue
        events.append(
            OneOnOneRecord(id=ids.next(), date=when, teammate=teammate, status=status, because=because, note=note)
        )
        if status == "held":
            length = 1.0 if TEAMMATES[teammate].one_on_one_every > 7 else 0.5
            fixed_lead.append(hours(length, activity="one-on-one", teammate=teammate))
        elif status == "interrupted":
            fixed_lead.append(hours(0.5, activity="one-on-one", teammate=teammate))
    for w, d, client, request, urgent, said_no, teammate, note in TRADE_OFFS:
        if (w, d) == (week, weekday):
            events.append(
                TradeOffRecord(
                    id=ids.next(),
                    date=when,
                    client=client,
                    request=request,
                    urgent=urgent,
                    said_no=said_no,
                    teammate=teammate,
                    note=note,
                )
            )
            # The yes costs client time the same day.
            fixed_client.append(hours(2.0 if urgent else 1.5, client=client))
    for w, d, teammate, asked, note in ESCALATIONS:
        if (w, d) == (week, weekday):
            events.append(EscalationRecord(id=ids.next(), date=when, teammate=teammate, asked_first=asked, note=note))
    for w, d, client, hrs, note in TEAM_CLIENT_HOURS:
        if (w, d) == (week, weekday):
            fixed_client.append(hours(hrs, note, client=client))
    if weekday == 0:
        fixed_lead.append(hours(1.0, "Weekly team meeting" if week == 0 else "", activity="team"))

    client_left = client_total - sum(r.hours for r in fixed_client)
    lead_left = total - client_total - sum(r.hours for r in fixed_lead)
    assert client_left >= 0 and lead_left >= 0, f"{when}: the fixed records alone overrun the day"
    return Plan(Day(when), weekday, fixed_client, fixed_lead, events, client_left, lead_left)


def fill_day(
    plan: Plan,
    client_quota: dict[str, float],
    lead_quota: dict[str, float],
    served: set[str],
    notes_left: dict[str, list[str]],
    rng: random.Random,
    ids: Ids,
) -> Day:
    """Place the day's flexible hours on the clients and activities with the most quota left."""
    when = plan.day.date
    fixed = len(plan.events) + len(plan.fixed_client) + len(plan.fixed_lead)
    target = rng.randint(5, 7)
    # Leadership in blocks of at most about 2.5 hours; client work in up to three accounts.
    lead_recs = min(max(1, math.ceil(plan.lead_left / 2.5)), 3, int(plan.lead_left * 2))
    lead_recs = max(1, min(lead_recs, MOST_RECORDS - fixed - 1))  # a busy day is logged in fewer lines
    client_recs = min(max(1, target - fixed - lead_recs), 3, int(plan.client_left * 2))

    flexible: list[HoursRecord] = []
    busy = {r.client for r in plan.fixed_client if r.client}
    clients = draw(client_quota, client_recs, rng, busy, served)
    for client, hrs in share_out(plan.client_left, {c: max(client_quota[c], 0.5) for c in clients}).items():
        client_quota[client] -= hrs
        flexible.append(HoursRecord(id=ids.next(), date=when, hours=hrs, client=client))

    activities = draw(lead_quota, lead_recs, rng, set())
    if activities == ["admin"] and plan.lead_left > ADMIN_MOST:
        activities = draw(lead_quota, 1, rng, {"admin"})
    shares = share_out(plan.lead_left, {a: max(lead_quota[a], 0.5) for a in activities})
    if shares.get("admin", 0) > ADMIN_MOST:  # nobody logs a morning of admin on purpose
        other = max((a for a in shares if a != "admin"), key=lambda a: shares[a])
        shares[other] += shares["admin"] - ADMIN_MOST
        shares["admin"] = ADMIN_MOST
    for activity, hrs in shares.items():
        lead_quota[activity] -= hrs
        teammate = rng.choice(sorted(TEAMMATES)) if activity == "coaching" else None
        notes = notes_left.setdefault(activity, list(LEAD_NOTES.get(activity, [])))
        note = notes.pop(0) if notes and rng.random() < 0.35 else ""
        flexible.append(
            HoursRecord(id=ids.next(), date=when, hours=hrs, note=note, activity=activity, teammate=teammate)
        )

    # The order Sam would log them in: client work, leading, then the rest.
    records: list[AnyRecord] = [
        *plan.fixed_client,
        *[r for r in flexible if r.client],
        *plan.fixed_lead,
        *[r for r in flexible if r.activity],
        *plan.events,
    ]
    stamp = datetime.combine(when, time(18, 0))
    plan.day.records = [r.model_copy(update={"added": stamp + timedelta(seconds=7 * i)}) for i, r in enumerate(records)]
    return plan.day


def months_of(days: list[Day]) -> dict[str, Month]:
    by_month: dict[str, list[AnyRecord]] = {}
    for day in days:
        by_month.setdefault(day.date.strftime("%Y-%m"), []).extend(day.records)
    return {key: Month().with_records(records) for key, records in by_month.items()}


def check(days: list[Day]) -> None:
    """The story the example must tell, so that an edit to the tables above cannot quietly break it."""
    shares = []
    for week in range(WEEKS):
        hours = [r for d in days[week * 5 : week * 5 + 5] for r in d.records if isinstance(r, HoursRecord)]
        shares.append(sum(r.hours for r in hours if r.client) / sum(r.hours for r in hours))
    assert shares == sorted(shares, reverse=True), f"the client share must fall week by week: {shares}"
    assert 0.62 <= shares[0] <= 0.72 and PROFILE.client_share_limit < shares[-1] <= 0.52, shares
    for day in days:
        total = sum(r.hours for r in day.records if isinstance(r, HoursRecord))
        assert 8 <= total <= 11, f"{day.date}: {total} hours"
    last_two_weeks = [r for d in days[-10:] for r in d.records]
    assert not any(isinstance(r, HoursRecord) and r.client == "harbor-vine" for r in last_two_weeks)
    end = days[-1].date
    for key, teammate in TEAMMATES.items():
        held = max(
            r.date
            for d in days
            for r in d.records
            if isinstance(r, OneOnOneRecord) and r.teammate == key and r.status == "held"
        )
        overdue = (end - held).days > teammate.one_on_one_every
        assert overdue == (key == "aiko"), f"{key}: last held 1:1 on {held}"


def generate(home: Path) -> None:
    rng = random.Random(SEED)
    store = Store(home)
    store.create(Book(profile=PROFILE, teammates=TEAMMATES, clients=CLIENTS))
    days = build_days(rng, Ids())
    check(days)
    months = months_of(days)
    with store.change() as draft:
        for key, month in months.items():
            draft.set_month(key, month)


def publish(home: Path, target: Path) -> None:
    """Replace the example's ledger files with the freshly generated ones."""
    target.mkdir(parents=True, exist_ok=True)
    for stale in (target / "backups", target / LOG_DIR):
        if stale.is_dir():
            shutil.rmtree(stale)
    for stale in (target / LEDGER_FILE, target / ".lock"):
        stale.unlink(missing_ok=True)
    shutil.copyfile(home / LEDGER_FILE, target / LEDGER_FILE)
    (target / LOG_DIR).mkdir()
    for month in sorted((home / LOG_DIR).glob("*.toml")):
        shutil.copyfile(month, target / LOG_DIR / month.name)


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="leadshift-example-") as scratch:
        home = Path(scratch) / "ledger"
        generate(home)
        publish(home, TARGET)
    written = [LEDGER_FILE, *(f"{LOG_DIR}/{p.name}" for p in sorted((TARGET / LOG_DIR).glob("*.toml")))]
    print(f"wrote {TARGET.relative_to(REPO)}/: {', '.join(written)}")


if __name__ == "__main__":
    main()
