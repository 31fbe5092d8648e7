"""Turning results into terminal output (Rich) or JSON; never reads files."""
