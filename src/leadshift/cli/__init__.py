"""The command line: parse, call the domain, render, exit. Nothing else prints."""

from __future__ import annotations


def main() -> None:
    """Entry point of the `leadshift` script and `python -m leadshift`."""
    from leadshift.cli.app import register

    register()(prog_name="leadshift")
