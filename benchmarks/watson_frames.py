"""The same history as Watson frames, to time `watson report` on as many frames as the ledger has records.

Watson (td-watson) keeps every frame in one JSON file, `$WATSON_DIR/frames`:
a list of `[start, stop, project, id, tags, updated_at]`, times as Unix
timestamps. Every command that reads frames parses the whole file and turns
each row into a Frame (two `arrow` dates each) before it filters anything.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import sys
import uuid
from collections.abc import Iterable
from datetime import datetime, time, timedelta
from itertools import groupby
from pathlib import Path

from leadshift.domain.records import AnyRecord, HoursRecord

QUARTER_HOUR = 0.25  # a 1:1 status, a trade-off or an escalation: a short frame


def frames_of(records: Iterable[AnyRecord], seed: int = 0) -> list[list[object]]:
    """One frame per record: each day's records end to end from 09:00 (hours records last their hours)."""
    rng = random.Random(seed)
    frames: list[list[object]] = []
    for day, on_day in groupby(sorted(records, key=lambda r: (r.date, r.added or datetime.min)), lambda r: r.date):
        start = datetime.combine(day, time(9, 0))
        for record in on_day:
            hours = record.hours if isinstance(record, HoursRecord) else QUARTER_HOUR
            stop = start + timedelta(hours=hours)
            project, tags = _project_and_tags(record)
            frame_id = uuid.UUID(int=rng.getrandbits(128)).hex
            begin, end = int(start.timestamp()), int(stop.timestamp())
            frames.append([begin, end, project, frame_id, tags, end])  # updated when it stopped
            start = stop
    return frames


def _project_and_tags(record: AnyRecord) -> tuple[str, list[str]]:
    if isinstance(record, HoursRecord):
        return record.client or record.activity or "hours", [record.teammate] if record.teammate else []
    details = [getattr(record, name) for name in ("teammate", "client", "status") if getattr(record, name, None)]
    return record.table, [str(d) for d in details]  # one_on_one, not the one-on-one activity


def write_frames(folder: Path, frames: list[list[object]]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "frames").write_text(json.dumps(frames))


def find_watson() -> Path | None:
    """The `watson` script beside this interpreter (the same environment), else the first on PATH."""
    beside = Path(sys.executable).parent / "watson"
    if beside.is_file() and os.access(beside, os.X_OK):
        return beside
    found = shutil.which("watson")
    return Path(found) if found else None
