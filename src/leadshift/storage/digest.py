"""A month's digest: the few records that the reports read from history (pure).

The review, `check` and the walkthrough read whole months only for the period
they report on. Before it, they read history for extremes alone:

- the first day logged (the review's `logging_since`, `cadence.leading_since`);
- each teammate's last held 1:1 (`cadence.last_held_by_teammate`);
- each client's last day of client hours (the review's owned clients).

So the months before the period can be replaced by the digests of the few
months that hold those extremes, and every report comes out the same
(tests/storage/test_digest.py compares them week by week on the example and on a
generated three-year ledger).
"""

from __future__ import annotations

from collections.abc import Mapping

from leadshift.domain.records import AnyRecord, HoursRecord, Month, OneOnOneRecord

FIRST = "first"  # the one slot that keeps the earliest record; every other keeps the latest


def digest(month: Month) -> Month:
    """The records of `month` that a report reading it as history can tell from the whole month."""
    chosen = {id(r) for r in _slots(month.records()).values()}
    return month.with_records([r for r in month.records() if id(r) in chosen])  # in file order, each once


def extremes(month: Month) -> dict[str, str]:
    """Each slot of the digest and the ISO date of its record ("first", "held:ana", "worked:acme")."""
    return {slot: record.date.isoformat() for slot, record in _slots(month.records()).items()}


def holding_extremes(extremes_by_month: Mapping[str, Mapping[str, str]]) -> set[str]:
    """The months whose digests hold an extreme of all of them: history needs no other month.

    ISO dates compare as strings; a day lies in one month only, so there are no ties.
    """
    best: dict[str, tuple[str, str]] = {}
    for key, slots in extremes_by_month.items():
        for slot, day in slots.items():
            held = best.get(slot)
            if held is None or (day < held[0] if slot == FIRST else day > held[0]):
                best[slot] = (day, key)
    return {key for _, key in best.values()}


def _slots(records: list[AnyRecord]) -> dict[str, AnyRecord]:
    if not records:
        return {}
    kept: dict[str, AnyRecord] = {FIRST: min(records, key=lambda r: r.date)}
    for record in records:
        if isinstance(record, OneOnOneRecord) and record.status == "held":
            _keep_latest(kept, f"held:{record.teammate}", record)
        elif isinstance(record, HoursRecord) and record.client:
            _keep_latest(kept, f"worked:{record.client}", record)
    return kept


def _keep_latest(kept: dict[str, AnyRecord], slot: str, record: AnyRecord) -> None:
    if slot not in kept or record.date > kept[slot].date:
        kept[slot] = record
