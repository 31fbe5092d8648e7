"""The command line: options parsed where they enter, one module per command, one place that prints.

    app         the root command, the one error handler, and the module that registers each command
    output      a command's result printed as --json or as its view: the one place that prints
    options     the options commands share, each parsed as it enters
    parsing     dates, weeks, hours, lists and choices as a person types them
    session     what a command needs from outside: the ledger folder, today, the terminal
    prompts     questions on a terminal, through a seam the tests answer
    export      `leadshift export`: the ledger as a CSV, JSON Lines or SQLite file (a command)
    writes      the two ways a command changes the ledger: the book, or new records
    exports     the review saved as SVG or HTML
    completion  what TAB offers: keys from the ledger, fast
    addresses   the --domain and --email options: the addresses `log --calendar` reads
    calendar_day  `log --calendar`: reading the calendar file, the leader's zone, saving the day
    calendar_confirm  `log --calendar` on a terminal: the events asked about, then yes, no or a line changed
    steps       the walkthrough's questions as steps: `back` replays the answers kept up to the one before
    day_answers  what the walkthrough was told about a day, and the records it stands for
    walk_questions  the walkthrough's shared questions: hours, a client's hours, a 1:1 with its hours
    walk_more   the walkthrough's "anything else?": an escalation, a yes, a note, a client, a 1:1 not due

and the commands, a module each: init (and where), profile, demo, review, check, prep, yes, show, today, remove,
undo (and redo), edit (with editor), doctor, restore, log (with walkthrough), promises (action, actions, obstacle,
obstacles), handoff, teammate and client (with roster).
"""

from __future__ import annotations

import errno

# Writing the output failed: stdout is a full disk, a file over `ulimit -f`, a broken device.
_OUTPUT_ERRORS = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO}


COMPLETING = "_LEADSHIFT_COMPLETE"  # set by the shell's completion script: Typer answers a TAB


def main() -> None:
    """Entry point of the `leadshift` script and `python -m leadshift`."""
    import os

    # No Pydantic plugin sees the ledger: plugins receive every value validated, private notes
    # included, and looking for them scans every installed package's entry points (~20-40 ms).
    # PYDANTIC_DISABLE_PLUGINS="" in the environment lets them in again.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    import sys

    from leadshift.cli.app import command_in, register

    typed = sys.argv[1:]
    if COMPLETING in os.environ:  # a TAB: as fast as it can be
        from leadshift.cli import completion

        completion.skip_value_checks()
        typed = completion.words_typed(os.environ)
    app = register(command_in(typed))
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
