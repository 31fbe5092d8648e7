"""What the results of commands share: context for their view that stays out of `--json`.

A report's result is a frozen dataclass, and its `--json` a dump of its fields
(render/data.py). A field made with `view_only()` (a name to print, the
period's label, today) helps the terminal view and is left out of the JSON
contract. (Listings and receipts are named tuples: their JSON, if any, is a list.)
"""

from __future__ import annotations

from dataclasses import field
from typing import Any

VIEW_ONLY = "view_only"  # the metadata key render/data.py looks for


def view_only(**options: Any) -> Any:
    """A dataclass field for the terminal view only: not part of `--json`."""
    return field(metadata={VIEW_ONLY: True}, **options)
