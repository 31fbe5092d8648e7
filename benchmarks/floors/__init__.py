"""The stack's own floors: what Typer, Pydantic, Rich and the solver cost before leadshift does anything.

    a_typer_help     (a) a one-command Typer app with leadshift's settings, asked for --help
    b_pydantic       (b) the same app validating one Pydantic model and printing it as JSON
    c_rich_table     (c) (b), then the model printed as a Rich table (stdout not a terminal)
    d_solver         (d) (c), then importing the solver the handoff plan uses

Each is a script run by the benchmark's interpreter in the same interleaved rounds as the commands.
Each one does, in full, what its name says, with the settings leadshift uses, so a command's ratio to
its floor is what leadshift adds to the stack it is built on.
"""
