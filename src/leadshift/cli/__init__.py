"""The command line: parse, call the domain, render, exit. Nothing else prints."""

from __future__ import annotations


def main() -> None:
    """Entry point of the `leadshift` script and `python -m leadshift`."""
    import os

    # No Pydantic plugin sees the ledger: plugins receive every value validated, private notes
    # included, and looking for them scans every installed package's entry points (~20-40 ms).
    # PYDANTIC_DISABLE_PLUGINS="" in the environment lets them in again.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    import sys

    from leadshift.cli.app import command_in, register

    register(command_in(sys.argv[1:]))(prog_name="leadshift")
