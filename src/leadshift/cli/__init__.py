"""The command line: parse, call the domain, render, exit. Nothing else prints."""

from __future__ import annotations

import errno

# Writing the output failed: stdout is a full disk, a file over `ulimit -f`, a broken device.
_OUTPUT_ERRORS = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO}


def main() -> None:
    """Entry point of the `leadshift` script and `python -m leadshift`."""
    import os

    # No Pydantic plugin sees the ledger: plugins receive every value validated, private notes
    # included, and looking for them scans every installed package's entry points (~20-40 ms).
    # PYDANTIC_DISABLE_PLUGINS="" in the environment lets them in again.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    import sys

    from leadshift.cli.app import command_in, register

    app = register(command_in(sys.argv[1:]))
    try:
        try:
            app(prog_name="leadshift")
        finally:
            sys.stdout.flush()  # now, not at exit: output cut short must fail the command, not pass unseen
    except OSError as error:
        if error.errno not in _OUTPUT_ERRORS:
            raise
        from leadshift.errors import ExitCode, in_words

        print(f"Error: could not write the output: {in_words(error)}.", file=sys.stderr)
        sys.exit(ExitCode.PROBLEM)
