"""Refresh the real outputs shown in the documentation: Dana's first week, the demo, the handoff page.

Run from the repository root after changing what a command prints:

    python examples/refresh_docs.py

It replays Dana's week through the real CLI (`python -m leadshift`) in a
temporary ledger, at 80 columns without colour, and rewrites the blocks of
docs/getting-started.md and docs/handoff.md that show its outputs, so every id
and figure in them comes from one run.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

DOCS = Path(__file__).resolve().parent.parent / "docs"
FIRST_WEEK = DOCS / "getting-started.md"
HANDOFF = DOCS / "handoff.md"

SETUP = [
    ["init", "--name", "Dana Reyes", "--promoted-on", "2026-11-02"],
    [
        "teammate",
        "add",
        "priya",
        "--name",
        "Priya Nair",
        "--role",
        "Senior consultant",
        "--skills",
        "negotiation,pricing",
        "--growing",
        "strategy",
        "--capacity-hours",
        "30",
        "--one-on-one-every",
        "7",
    ],
    [
        "teammate",
        "add",
        "marcus",
        "--name",
        "Marcus Bell",
        "--role",
        "Account manager",
        "--skills",
        "onboarding,reporting",
        "--growing",
        "negotiation",
        "--capacity-hours",
        "32",
    ],
    [
        "client",
        "add",
        "northwind",
        "--name",
        "Northwind Capital",
        "--weight",
        "5",
        "--weekly-hours",
        "8",
        "--needs",
        "negotiation,pricing",
        "--backed-by",
        "priya",
    ],
    [
        "client",
        "add",
        "kestrel",
        "--name",
        "Kestrel Logistics",
        "--weight",
        "3",
        "--weekly-hours",
        "5",
        "--needs",
        "onboarding",
    ],
    ["client", "add", "alder", "--name", "Alder Health", "--owner", "marcus", "--weight", "3", "--weekly-hours", "6"],
]
# (day, command): what Dana logs, Monday to Friday; commands named in SHOWN have their output kept.
WEEK = [
    *[
        ("2026-11-16", c)
        for c in (
            ["log", "client", "kestrel", "1"],
            ["log", "client", "northwind", "2.5"],
            ["log", "lead", "one-on-one", "0.5", "--with", "marcus"],  # the walkthrough: `h 0.5` at his 1:1
            ["log", "lead", "team", "1"],
            ["log", "lead", "strategy", "1h30"],
            ["log", "lead", "admin", "0.5"],
            ["log", "one-on-one", "marcus", "held"],
            ["log", "one-on-one", "priya", "interrupted", "--because", "northwind"],
        )
    ],
    *[
        ("2026-11-17", c)
        for c in (
            ["log", "client", "northwind", "3h30", "--note", "pricing review, again"],
            ["log", "lead", "coaching", "1", "--with", "marcus"],
            ["log", "one-on-one", "priya", "cancelled", "--because", "northwind", "--note", "moved to Thursday"],
            ["log", "escalation", "marcus", "--asked"],
        )
    ],
    *[
        ("2026-11-18", c)
        for c in (
            ["log", "client", "northwind", "4"],
            ["log", "client", "kestrel", "1"],
            ["log", "client", "alder", "0.5"],
            ["log", "lead", "hiring", "2"],
            ["log", "lead", "admin", "1"],
            ["log", "escalation", "priya", "--told"],
            ["yes", "northwind", "Rework the pricing model overnight", "--urgent", "--no", "strategy"],
        )
    ],
    *[
        ("2026-11-19", c)
        for c in (
            ["log", "client", "northwind", "2"],
            ["log", "lead", "one-on-one", "1", "--with", "priya"],
            ["log", "one-on-one", "priya", "held"],
            ["log", "lead", "coaching", "1.5", "--with", "priya"],
            ["log", "lead", "strategy", "2"],
            ["yes", "northwind", "Join their Friday board prep", "--urgent", "--no", "one-on-one", "--with", "marcus"],
            ["check"],
            ["handoff", "plan"],
            ["handoff", "plan", "--save"],
        )
    ],
    *[
        ("2026-11-20", c)
        for c in (
            ["log", "client", "northwind", "3"],
            ["log", "client", "kestrel", "0.5"],
            ["log", "lead", "team", "1"],
            ["log", "lead", "learning", "1.5"],
            ["review"],
        )
    ],
]


def leadshift(args: list[str], home: Path, today: str = "2026-11-16") -> str:
    env = {**os.environ, "COLUMNS": "80", "NO_COLOR": "1", "LEADSHIFT_HOME": str(home), "LEADSHIFT_TODAY": today}
    done = subprocess.run(
        [sys.executable, "-m", "leadshift", *args], env=env, capture_output=True, text=True, check=True
    )
    return "\n".join(line.rstrip() for line in done.stdout.splitlines())


def replace_block(text: str, start: str, body: str) -> str:
    """Replace from `start` up to the closing fence of its code block."""
    new, count = re.subn(re.escape(start) + r".*?(?=```)", lambda _: body, text, count=1, flags=re.S)
    if count != 1:
        raise SystemExit(f"block not found: {start!r}")
    return new


def main() -> None:
    with tempfile.TemporaryDirectory() as scratch:
        home = Path(scratch) / "ledger"
        for args in SETUP:
            leadshift(args, home)
        shown: dict[str, str] = {}
        for day, args in WEEK:
            out = leadshift(args, home, day)
            shown[" ".join(args[:3] if args[0] != "yes" else args[:2] + [args[2]])] = out
        demo = leadshift(["demo"], home)
    yes1 = shown["yes northwind Rework the pricing model overnight"]
    yes2 = shown["yes northwind Join their Friday board prep"]
    plan = shown["handoff plan"].splitlines()
    plan_head = "\n".join(plan[: plan.index("Week by week") + 6])
    saved = "\n".join(shown["handoff plan --save"].splitlines()[-2:])
    text = FIRST_WEEK.read_text(encoding="utf-8")
    text = replace_block(text, "$ leadshift review\n", f"$ leadshift review\n{shown['review']}\n")
    text = replace_block(
        text,
        '$ leadshift yes northwind "Rework',
        f'$ leadshift yes northwind "Rework the pricing model overnight" --urgent --no strategy\n{yes1}\n'
        f'$ leadshift yes northwind "Join their Friday board prep" --urgent --no one-on-one --with marcus\n{yes2}\n'
        f"$ leadshift check\n{shown['check']}\n",
    )
    text = replace_block(
        text,
        "$ leadshift handoff plan\nHandoff plan from Monday 2026-11-23: 2 clients",
        f"$ leadshift handoff plan\n{plan_head}\n...\n$ leadshift handoff plan --save\n...\n{saved}\n",
    )
    excerpt = "\n".join(demo.splitlines()[:30])
    text = re.sub(
        r"(The start of it:\n\n```text\n).*?(\n\.\.\.\n```)",
        lambda m: m.group(1) + excerpt + m.group(2),
        text,
        count=1,
        flags=re.S,
    )
    FIRST_WEEK.write_text(text, encoding="utf-8")
    HANDOFF.write_text(refresh_handoff_section(HANDOFF.read_text(encoding="utf-8")), encoding="utf-8")


PACED = ["--per-week", "1", "--skip", "2026-W52,2026-W53"]  # the handoff page's example of a slower plan


def refresh_handoff_section(text: str) -> str:
    """ "Handing your clients over": the example ledger's plan, saved, advanced once, on Monday 2026-11-16."""
    example = Path(__file__).resolve().parent / "ledger"
    with tempfile.TemporaryDirectory() as scratch:
        sam = Path(scratch) / "sam"
        shutil.copytree(example, sam)
        plan = leadshift(["handoff", "plan"], sam)
        paced = leadshift(["handoff", "plan", *PACED], sam).splitlines()
        saved = "\n".join(leadshift(["handoff", "plan", "--save"], sam).splitlines()[-2:])
        advanced = leadshift(["handoff", "advance", "northwind", "--yes"], sam)  # early: confirmed, no terminal
        status = leadshift(["handoff", "status"], sam)
    at = "$ leadshift --ledger /tmp/sam handoff"
    text = replace_block(text, f"{at} plan\n", f"{at} plan\n{plan}\n")
    grid = "\n".join(paced[paced.index("Week by week") : paced.index("The stages")]).rstrip()
    text = replace_block(text, f"{at} plan {PACED[0]}", f"{at} plan {' '.join(PACED)}\n...\n{grid}\n...\n")
    return replace_block(
        text,
        f"{at} plan --save\n",
        f"{at} plan --save\n...\n{saved}\n{at} advance northwind --yes\n{advanced}\n{at} status\n{status}\n",
    )


if __name__ == "__main__":
    main()
