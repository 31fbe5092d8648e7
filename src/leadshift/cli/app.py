"""The root command: global options, the one error handler, and the command tree."""

from __future__ import annotations

import functools
import re
import typing
from typing import Annotated, NoReturn, Optional

import typer
from typer.core import TyperCommand, TyperGroup

from leadshift import __version__
from leadshift.cli.session import Session
from leadshift.errors import LeadshiftError

# Typer's parse errors (an unknown option, `--weight 2.5`): Click's UsageError,
# reached through a public name because Typer 0.29 vendors its own Click.
ParseError = typer.BadParameter.__mro__[1]


class LeadshiftGroup(TyperGroup):
    """The one error handler: every error becomes one `Error: ...` line on stderr and its exit code."""

    def make_context(self, info_name, args, parent=None, **extra):  # type: ignore[no-untyped-def]
        try:
            return super().make_context(info_name, args, parent=parent, **extra)
        except ParseError as error:  # an unknown option before the command
            _parse_error(error)

    def invoke(self, ctx: typer.Context) -> object:  # type: ignore[override]
        try:
            _hold_signals_while_models_build()
            return super().invoke(ctx)
        except ParseError as error:
            _parse_error(error)
        except LeadshiftError as error:
            session = ctx.obj if isinstance(ctx.obj, Session) else None
            if session is not None and session.debug:
                raise
            from leadshift.render.text import brief, visible

            typer.echo(f"Error: {brief(visible(error.message))}", err=True)
            ctx.exit(error.exit_code)
        except KeyboardInterrupt:
            from leadshift.errors import ExitCode
            from leadshift.storage import interrupts

            if interrupts.saves_finished:  # after the save, before its output: someone who saw nothing logs twice
                typer.echo(f"Error: {interrupts.SAVED_MESSAGE}", err=True)
            ctx.exit(ExitCode.INTERRUPTED)


class LeadshiftCommand(TyperCommand):
    """A command's help as people write it: `leadshift remove ID`, not Typer's `{ID}`, and `ID`, not `ID <str>`."""

    def collect_usage_pieces(self, ctx: typer.Context) -> list[str]:  # type: ignore[override]
        return [piece.removeprefix("{").removesuffix("}") for piece in super().collect_usage_pieces(ctx)]

    def format_options(self, ctx: typer.Context, formatter: typing.Any) -> None:  # type: ignore[override]
        arguments, options = [], []
        for param in self.get_params(ctx):
            if (record := param.get_help_record(ctx)) is None:
                continue
            if param.param_type_name == "argument":
                arguments.append((record[0].split(" <")[0], record[1]))  # the metavar says what to type
            else:
                options.append(record)
        for title, records in (("Arguments", arguments), ("Options", options)):
            if records:
                with formatter.section(title):
                    formatter.write_dl(records)


def _hold_signals_while_models_build() -> None:
    """Each Pydantic model of the ledger is built with Ctrl-C held (storage/interrupts.py says why)."""
    from leadshift.domain import schema
    from leadshift.storage import interrupts

    schema.build_guard = interrupts.held


def _parse_error(error: Exception) -> NoReturn:
    """Click's three-line usage block, as one line that points at the help."""
    if type(error).__name__ == "NoArgsIsHelpError":  # a bare group: its help is the answer
        raise error
    ctx = getattr(error, "ctx", None)
    from leadshift.render.text import brief, visible

    message = brief(visible(error.format_message())).rstrip(".")  # type: ignore[attr-defined]
    see = f"see `{ctx.command_path} -h`" if ctx is not None else ""
    if suggested := _DID_YOU_MEAN.match(message):  # Click's two sentences, as one question
        from leadshift.domain.wording import or_list

        choices = or_list([choice.strip() for choice in (suggested["one"] or suggested["many"]).split(",")])
        typer.echo(f"Error: {suggested['what']}; did you mean {choices}{f' ({see})' if see else ''}?", err=True)
    else:
        typer.echo(f"Error: {message}{f'; {see}' if see else ''}.", err=True)
    raise typer.Exit(2)


# "No such command 'lg'. Did you mean 'log'?" and "No such option: --wek (Possible options: --week, --weeks)".
_DID_YOU_MEAN = re.compile(r"^(?P<what>.+?)\.? (?:Did you mean (?P<one>.+)\?|\(Possible options: (?P<many>.+)\))$")


def new_app(help_text: str, **settings: object) -> typer.Typer:
    """A Typer app with leadshift's conventions: plain help and errors, -h works."""
    return typer.Typer(
        help=help_text,
        rich_markup_mode=None,
        add_completion=settings.pop("add_completion", False),
        no_args_is_help=settings.pop("no_args_is_help", True),
        context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
        **settings,
    )


HELP = (
    "A coach for newly promoted client-services leaders. Log each day in two minutes "
    "(`leadshift log`); see whether you are leading your team or still doing their client work."
)

# Every command, and the module of leadshift.cli that registers it, in the order help lists them: the daily
# rhythm first, commands before groups (tests/cli/test_app.py checks it against the tree). Each module has
# `register(tree)`, which adds its commands (or its group) to the tree.
#
# Start-up stays lazy: a run imports only the module of the command it runs (`register(only)`), and each
# command imports what it needs (Pydantic, Rich, a report) inside its body, so `leadshift log` pays for
# neither the review nor the handoff solver, and `--help` for no ledger code at all.
COMMANDS = {
    "demo": "demo",
    "init": "init",
    "where": "init",
    "profile": "profile",
    "review": "review",
    "yes": "yes",
    "check": "check",
    "prep": "prep",
    "actions": "promises",
    "obstacles": "promises",
    "show": "show",
    "today": "today",
    "export": "export",
    "remove": "remove",
    "undo": "undo",
    "redo": "undo",
    "edit": "edit",
    "doctor": "doctor",
    "restore": "restore",
    "merge-file": "merge_file",
    "action": "promises",
    "obstacle": "promises",
    "log": "log",
    "handoff": "handoff",
    "teammate": "teammate",
    "client": "client",
    "git": "git",
}


def _show_version(value: bool) -> None:
    if value:
        typer.echo(f"leadshift {__version__}")
        raise typer.Exit()


def root(
    ctx: typer.Context,
    ledger: Annotated[
        Optional[str],
        typer.Option(
            "--ledger", metavar="DIR", help="Ledger directory (default: $LEADSHIFT_HOME, else your data dir)."
        ),
    ] = None,
    debug: Annotated[bool, typer.Option("--debug", hidden=True, help="Show tracebacks.")] = False,
    version: Annotated[
        bool, typer.Option("--version", callback=_show_version, is_eager=True, help="Show the version and exit.")
    ] = False,
) -> None:
    """Start with `leadshift demo`, then `leadshift init`; log every evening with `leadshift log`."""
    ctx.obj = Session(ledger_option=ledger, debug=debug)


@functools.cache  # once per process and tree: Typer rebuilds the whole tree on every call
def register(only: str | None = None) -> typer.Typer:
    """The command tree; with `only`, a command's name, the tree of just that command's module.

    Typer builds every command of the tree on each run, so a run of `log` gets a tree
    of `log` alone, and imports no other module (tests/cli/test_app.py checks it is the same `log`).
    Any other `only` (None, a typo) gets every command, for help and Click's suggestions.
    """
    from importlib import import_module

    tree = new_app(HELP, cls=LeadshiftGroup, add_completion=True)  # --install-completion, --show-completion
    tree.callback()(root)
    names = [only] if only in COMMANDS else list(COMMANDS)
    for module_name in dict.fromkeys(COMMANDS[name] for name in names):
        import_module(f"leadshift.cli.{module_name}").register(tree)
    return tree


def command_in(args: list[str]) -> str | None:
    """The command a command line runs: its first word after the global options (None: none)."""
    words = iter(args)
    for word in words:
        if word == "--ledger":
            next(words, None)  # its value
        elif not word.startswith("-"):
            return word
    return None
