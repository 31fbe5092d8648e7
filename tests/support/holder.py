"""A real process that holds the ledger lock (inside `Store.change()`) until told to go on."""

from __future__ import annotations

import select
import subprocess
import sys
import textwrap
from pathlib import Path

HOLDER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from leadshift.storage.store import Store

    with Store(Path(sys.argv[1])).change() as draft:
        print("holding", flush=True)
        sys.stdin.readline()
    print("released", flush=True)
    """
)


def start_holder(home: Path) -> subprocess.Popen[str]:
    """A process that sits inside `store.change()`, holding the lock, until a line arrives on its stdin."""
    process = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(home)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    assert process.stdout is not None
    ready, _, _ = select.select([process.stdout], [], [], 120)
    assert ready, "the holder never took the lock"
    assert process.stdout.readline() == "holding\n"
    return process
