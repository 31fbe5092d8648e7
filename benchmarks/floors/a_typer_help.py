"""Floor (a): a one-command Typer app with leadshift's settings (cli/app.py:new_app), run with --help."""

from collections.abc import Callable
from typing import Annotated

import typer


def make_app(body: Callable[[str, float, str], None]) -> typer.Typer:
    """The app of every floor: one command, `log CLIENT HOURS [--note TEXT]`, doing `body`."""
    app = typer.Typer(
        help="A one-command app.",
        rich_markup_mode=None,
        add_completion=True,  # as leadshift's root: --install-completion and --show-completion
        no_args_is_help=True,
        context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
    )

    @app.command()
    def log(
        client: Annotated[str, typer.Argument(help="The client's key.")],
        hours: Annotated[float, typer.Argument(help="Hours, like 1.5.")],
        note: Annotated[str, typer.Option("--note", "-n", help="A note.")] = "",
    ) -> None:
        """Log hours spent on a client."""
        body(client, hours, note)

    return app


if __name__ == "__main__":
    make_app(lambda client, hours, note: None)()
