"""How a command's result reaches the terminal: the one place that prints `--json` or the view.

A command is a function that returns a result object (render/__init__.py says
how each kind is shown), or an `Outcome` when it says more than its result,
or None. `command()` registers it with Typer, gives it `--json` when asked,
checks the options that cannot be given together, and prints what it returns.
No command prints or branches on `--json` itself.
"""

from __future__ import annotations

import functools
import inspect
import sys
import typing
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple, TypeVar

import typer

from leadshift.cli.options import Json
from leadshift.cli.session import Session
from leadshift.errors import UsageError

if TYPE_CHECKING:
    from rich.console import RenderableType
    from rich.text import Text

F = TypeVar("F", bound=Callable[..., Any])


class Outcome(NamedTuple):
    """A result and what the command adds to it: notes after its view, files to save the view in, an exit code."""

    result: object = None
    notes: tuple[RenderableType, ...] = ()  # shown after the view, never in --json (`Lines` for news)
    save_view_as: tuple[tuple[Path, str], ...] = ()  # (file, "svg" or "html"): never with --json
    exit_code: int = 0


def news(*lines: str | Text) -> Outcome:
    """The outcome of a command that only says what it did: lines kept whole in a pipe."""
    from leadshift.render.lines import Lines

    return Outcome(notes=(Lines(*lines),))


class NotBoth(NamedTuple):
    """Two options a command cannot take together, checked once every option has been read."""

    first: str  # parameter names, as in the command's signature
    second: str
    message: str = ""  # instead of "give --first or --second, not both."

    def check(self, ctx: typer.Context) -> None:
        given = [name for name in (self.first, self.second) if on_command_line(ctx, name)]
        if len(given) == 2:
            options = [_option_name(ctx, name) for name in given]
            raise UsageError(self.message or f"give {options[0]} or {options[1]}, not both.")


def command(
    app: typer.Typer,
    name: str | None = None,
    *,
    json: bool = False,
    not_both: tuple[NotBoth, ...] = (),
    **settings: Any,
) -> Callable[[F], F]:
    """Register a function as a command of `app`; what it returns is printed by `present`.

    `json`: the command also takes `--json` (listed after its own options).
    """

    def register(function: F) -> F:
        @functools.wraps(function)
        def run(**params: Any) -> None:
            ctx: typer.Context = params["ctx"]
            Session.of(ctx).command = _command_words(ctx)
            as_json = params.pop("json", False)
            for rule in not_both:
                rule.check(ctx)
            present(Session.of(ctx), function(**params), as_json)

        _typer_sees_parameters_only(run, function, json)
        from leadshift.cli.app import LeadshiftCommand

        app.command(name, cls=LeadshiftCommand, **settings)(run)
        return function

    return register


def _typer_sees_parameters_only(run: Callable[..., None], function: Callable[..., Any], json: bool) -> None:
    """Give `run` the parameters of `function` (and --json), evaluated, without its return type.

    Typer evaluates every annotation it finds, and a command's result type is
    imported only when the command runs (start-up stays lazy). Evaluated once
    here, they are not evaluated again by Typer.
    """
    run.__annotations__ = {k: v for k, v in function.__annotations__.items() if k != "return"}
    run.__annotations__ = typing.get_type_hints(run, include_extras=True)  # in the command module's names
    parameters = [
        p.replace(annotation=run.__annotations__[p.name]) for p in inspect.signature(function).parameters.values()
    ]
    if json:
        run.__annotations__["json"] = Json
        parameters.append(inspect.Parameter("json", inspect.Parameter.KEYWORD_ONLY, default=False, annotation=Json))
    run.__signature__ = inspect.Signature(parameters)  # type: ignore[attr-defined]


def present(session: Session, returned: object, as_json: bool = False) -> None:
    """Print a command's result as `--json` or as its view, then its notes; save its view; exit with its code."""
    from leadshift import render

    outcome = returned if isinstance(returned, Outcome) else Outcome(returned)
    if as_json:
        session.print_json(render.json_of(outcome.result))
    else:
        view = render.view_of(outcome.result) if outcome.result is not None else None
        for shown in (view, *outcome.notes):
            if shown is not None:
                show(session, shown)
        if view is not None and outcome.save_view_as:
            _save(view, outcome.save_view_as)
    if outcome.exit_code:
        raise typer.Exit(outcome.exit_code)


def show(session: Session, view: RenderableType) -> None:
    """Print one view: news (`Lines`) kept whole in a pipe, anything else laid out at the terminal's width."""
    from leadshift.render.lines import Lines

    if isinstance(view, Lines):
        session.say(view.text)
    elif session.console.is_terminal:
        session.console.print(view)
    else:  # a table pads each line to its width: spaces a `grep` or a diff of the output would trip on
        with session.console.capture() as captured:
            session.console.print(view)
        sys.stdout.write("".join(line.rstrip() + "\n" for line in captured.get().splitlines()))


def _save(view: RenderableType, files: tuple[tuple[Path, str], ...]) -> None:
    from leadshift.cli import exports
    from leadshift.render.text import visible

    exports.save(view, list(files))
    for path, _ in files:
        typer.echo(f"Saved {visible(path)}", err=True)


def _command_words(ctx: typer.Context) -> str:
    """`handoff advance`: the command as typed after `leadshift`, without its arguments."""
    words: list[str] = []
    while ctx.parent is not None:
        words.insert(0, ctx.info_name or "")
        ctx = ctx.parent
    return " ".join(words)


def on_command_line(ctx: typer.Context, name: str) -> bool:
    """Whether the parameter `name` was typed, not left to its default."""
    source = ctx.get_parameter_source(name)
    return source is not None and source.name == "COMMANDLINE"


def _option_name(ctx: typer.Context, name: str) -> str:
    param = next(p for p in ctx.command.params if p.name == name)
    return max(param.opts, key=len)  # --week, not -w
