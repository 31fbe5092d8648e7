"""Floor (c): floor (b), then the model printed as a Rich table, as leadshift's views print (stdout not a terminal)."""

from a_typer_help import make_app
from b_pydantic import print_json
from rich.console import Console
from rich.table import Table


def print_table(client: str, hours: float, note: str) -> None:
    record = print_json(client, hours, note)
    table = Table(title="The record", show_edge=False)
    for name in ("field", "value"):
        table.add_column(name)
    for name, value in record.model_dump().items():
        table.add_row(name, str(value))
    Console(highlight=False, soft_wrap=False).print(table)  # leadshift's console (cli/session.py)


if __name__ == "__main__":
    make_app(print_table)()
