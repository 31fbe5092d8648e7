"""A month's digest: the few records that the reports read from history (pure).

The review, `check` and the walkthrough read whole months only for the period
they report on. Before it, they read history for maxima and minima alone:

- the first day logged (`review.logging_since`, `cadence.leading_since`);
- each teammate's last held 1:1 (`cadence.last_held_by_teammate`);
- each client's last day of client hours (`review._owned_clients`).

A month before the period can therefore be replaced by its digest, the records
that hold those extremes, and every report comes out the same (tests/test_digest.py
compares them week by week on the example and on a generated ten-year ledger).
"""

from __future__ import annotations

from leadshift.model import AnyRecord, HoursRecord, Month, OneOnOneRecord


def digest(month: Month) -> Month:
    """The records of `month` that a report reading it as history can tell from the whole month."""
    records = month.records()
    if not records:
        return Month(schema_version=month.schema_version)
    kept: dict[str, AnyRecord] = {"first": min(records, key=lambda r: r.date)}
    for record in records:
        if isinstance(record, OneOnOneRecord) and record.status == "held":
            _keep_latest(kept, f"held:{record.teammate}", record)
        elif isinstance(record, HoursRecord) and record.client:
            _keep_latest(kept, f"client:{record.client}", record)
    chosen = {id(r) for r in kept.values()}
    return month.with_records([r for r in records if id(r) in chosen])  # in file order, each once


def _keep_latest(kept: dict[str, AnyRecord], slot: str, record: AnyRecord) -> None:
    if slot not in kept or record.date > kept[slot].date:
        kept[slot] = record
