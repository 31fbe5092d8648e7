"""Floor (d): floor (c), then importing the solver behind the handoff plan (handoff/solver.py imports it too)."""

from a_typer_help import make_app
from c_rich_table import print_table


def print_table_and_import_solver(client: str, hours: float, note: str) -> None:
    print_table(client, hours, note)
    import numpy  # noqa: F401
    from scipy.optimize import milp  # noqa: F401


if __name__ == "__main__":
    make_app(print_table_and_import_solver)()
