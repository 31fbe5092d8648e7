"""Bad input everywhere: every option and argument of every command, fed malformed values.

The command tree is walked when the tests are collected, so an option added
later is tried without touching this file. Each case ends one of two ways: the
command succeeds and the ledger still loads and validates, or it fails with
exit code 1 or 2 and one `Error: ` line on stderr naming the option or value,
every file byte for byte as it was. Never a traceback, never another exit code.
The environment (LEADSHIFT_TODAY, LEADSHIFT_LOCK_TIMEOUT, LEADSHIFT_HOME) gets
the same treatment, and the pure parsers get Hypothesis.

`pytest tests/robustness/test_bad_input.py --collect-only -q | tail -1` counts the cases;
every command-line and environment case is one bad input tried.
"""

from __future__ import annotations

import functools
import re
import shutil
import tempfile
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import typer
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from leadshift.cli.app import register
from leadshift.errors import LeadshiftError
from leadshift.render.text import visible
from leadshift.storage.store import Store
from tests.conftest import TEAM_SETUP, TODAY, Result, snapshot

BAD_VALUES = {
    "empty": "",
    "blank": "  \t ",
    "long": "x" * 10_000,
    "minus-one": "-1",
    "zero": "0",
    "overflow-float": "1e309",
    "nan": "nan",
    "inf": "inf",
    "huge-int": str(2**70),
    "feb-30": "2026-02-30",
    "month-13": "2026-13-01",
    "year-99999": "99999-01-01",
    "first-day": "0001-01-01",
    "last-day": "9999-12-31",
    "last-week": "9999-W52",
    "vague-date": "yesterday-ish",
    "upper-key": "ACME Corp",
    "slash-key": "acme/initech",
    "dotdot-key": "../../etc/passwd",
    "controls": "a\x1b[2J\x1b]0;title\x07\rb\x08\x9b31m\u202e",
    "nul": "a\x00b",  # no shell can pass one, but a caller in Python can
    "markup": "[red]x[/] [link=https://evil.example]y[/link] [bold",
}

# Records on top of the `team` ledger, so ids, handoffs and months exist to trip over.
RECORDS = (
    ["log", "client", "acme", "2", "--note", "pricing call"],
    ["log", "one-on-one", "alice", "held"],
    ["yes", "acme", "a rush report", "--no", "one-on-one", "--with", "bob"],
    ["handoff", "plan", "--save"],
)

# Valid values for what a command needs to get past its first check: required
# parameters, and `--no` so that `yes` does not need a terminal. A new command
# with a required parameter fails test_every_required_parameter_has_a_valid_value.
VALID: dict[tuple[str, ...], dict[str, Any]] = {
    ("init",): {"name": "Sam Lee"},
    ("yes",): {"client": "acme", "request": "a rush report", "no": "team"},
    ("remove",): {"record_id": "ffffffff"},
    ("prep",): {"teammate": "alice"},
    ("log", "client"): {"client": "acme", "hours": "1"},
    ("log", "lead"): {"activity": "coaching", "hours": "1"},
    ("log", "one-on-one"): {"teammate": "alice", "status": "cancelled"},
    ("log", "escalation"): {"teammate": "alice", "asked": True},
    ("log", "pulled"): {"teammate": "alice", "client": "acme", "hours": "1"},
    ("handoff", "advance"): {"client": "acme"},
    ("handoff", "cancel"): {"client": "acme"},
    ("export",): {"file": "out.csv"},
    ("teammate", "add"): {"key": "carol", "name": "Carol Diaz"},
    ("teammate", "edit"): {"key": "bob", "name": "Bob Chen"},
    ("teammate", "leave"): {"key": "bob"},
    ("teammate", "remove"): {"key": "bob"},
    ("client", "add"): {"key": "newco", "name": "NewCo"},
    ("client", "edit"): {"key": "initech", "name": "Initech"},
    ("client", "remove"): {"key": "initech"},
    ("action", "add"): {"teammate": "alice", "text": "Send the pricing notes"},
    ("action", "done"): {"item_id": "a0a0a0a0"},
    ("obstacle", "add"): {"teammate": "bob", "text": "The approval form takes three days"},
    ("obstacle", "done"): {"item_id": "b0b0b0b0", "note": "asked for a shorter form"},
    # git's merge driver: files that are not there, so that each bad value is refused by name, as git never would
    ("merge-file",): {"base": "base.toml", "ours": "ours.toml", "theirs": "theirs.toml", "path": "log/2026-11.toml"},
}
CREATES = {("init",)}  # run on an empty folder: on the team ledger they would stop at "already exists"
ROOT_PROBES = (("show",), ("init",), ("log", "client"))  # what runs after a malformed root option
pytestmark = pytest.mark.usefixtures("one_command_tree")
CONTROLS = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f]")  # every C0/C1 control but newline


# -- the command tree ---------------------------------------------------------------


@functools.cache  # building Click's tree takes a while, and it does not change during a run
def root() -> Any:
    return typer.main.get_command(register())


def commands(group: Any = None, path: tuple[str, ...] = ()) -> Iterator[tuple[tuple[str, ...], Any]]:
    """Every leaf command of the real tree, with its path (`("log", "client")`)."""
    group = group if group is not None else root()
    for name, command in sorted(group.commands.items()):
        if hasattr(command, "commands"):
            yield from commands(command, (*path, name))
        else:
            yield (*path, name), command


def command(path: tuple[str, ...]) -> Any:
    return dict(commands())[path]


def param_named(command: Any, name: str) -> Any:
    return next(p for p in command.params if p.name == name)


def takes_a_value(param: Any) -> bool:
    """Options and arguments that read text; a flag has no value to get wrong."""
    return not getattr(param, "is_flag", False) and not param.hidden and param.expose_value


def long_name(param: Any) -> str:
    return max(param.opts, key=len)


def label(param: Any) -> str:
    return long_name(param) if param.param_type_name == "option" else (param.metavar or param.name.upper())


def cases() -> Iterator[Any]:
    """(command, parameter, value) for every parameter that takes a value, root options included."""
    for path, leaf in commands():
        for param in filter(takes_a_value, leaf.params):
            for name, value in BAD_VALUES.items():
                yield pytest.param(path, param.name, value, id=f"{' '.join(path)}-{label(param)}-{name}")
    for param in filter(takes_a_value, root().params):
        for path in ROOT_PROBES:
            for name, value in BAD_VALUES.items():
                yield pytest.param(path, f"root:{param.name}", value, id=f"{label(param)}-{' '.join(path)}-{name}")


def command_line(path: tuple[str, ...], fuzzed: str, value: str) -> list[str]:
    """Root options, the command, its options as --opt=value, then `--` and the arguments in order.

    `--opt=value` and `--` make sure a value like `-1` reaches the option or
    argument it is meant for, rather than being read as an option itself.
    """
    given_values = dict(VALID.get(path, {}))
    before: list[str] = []
    if fuzzed.startswith("root:"):
        before = [f"{long_name(param_named(root(), fuzzed.removeprefix('root:')))}={value}"]
    else:
        given_values[fuzzed] = value
    options, arguments = [], []
    for param in command(path).params:
        if param.name not in given_values:
            continue
        if param.param_type_name == "argument":
            arguments.append(given_values[param.name])
        elif given_values[param.name] is True:
            options.append(long_name(param))
        else:
            options.append(f"{long_name(param)}={given_values[param.name]}")
    return [*before, *path, *options, "--", *arguments]


def names_the_problem(line: str, names: list[str], value: str) -> bool:
    """The message names the option (`--weeks`), what the argument is (`client`), or quotes the value."""
    lowered = line.lower()
    shown = visible(value.strip())[:20].lower()  # values are trimmed, keys lowercased, long ones cut short
    return any(name.lower() in lowered for name in names) or f"'{shown}" in lowered


def names_of(path: tuple[str, ...], fuzzed: str) -> list[str]:
    if fuzzed.startswith("root:"):
        param = param_named(root(), fuzzed.removeprefix("root:"))
    else:
        param = param_named(command(path), fuzzed)
    names = list(param.opts) if param.param_type_name == "option" else []
    return names + ([param.metavar] if param.metavar and len(param.metavar) > 2 else [])


def check_outcome(result: Result, argv: list[str], home: Path, before: dict[str, bytes]) -> None:
    """Success with a ledger that still validates, or one clear error line and nothing changed."""
    assert result.exit_code in (0, 1, 2), result
    assert not CONTROLS.search(result.stderr), result.stderr
    if result.exit_code == 0:
        if (home / "ledger.toml").exists():
            Store(home).load()  # every file still parses and validates
        if "--json" not in argv:
            assert not CONTROLS.search(result.stdout), result.stdout
        return
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: "), result.stderr
    assert len(lines[0]) <= 400, lines[0]  # readable: a long value is cut short, not echoed whole
    assert result.stdout == ""
    assert snapshot(home) == before


# -- fixtures -----------------------------------------------------------------------


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The team ledger with a few records and saved handoffs, built once and copied for each case."""
    home = tmp_path_factory.mktemp("template") / "ledger"
    app, runner = register(), CliRunner()
    with pytest.MonkeyPatch.context() as env:
        env.setenv("LEADSHIFT_HOME", str(home))
        env.setenv("LEADSHIFT_TODAY", TODAY)
        for args in (*TEAM_SETUP, *RECORDS):
            result = runner.invoke(app, args)
            assert result.exit_code == 0, (args, result.output)
    _open_items_with_known_ids(home)
    (home / ".lock").unlink()
    return home


def _open_items_with_known_ids(home: Path) -> None:
    """An action item and an obstacle under the ids VALID gives `done` (a command would pick random ones)."""
    from datetime import date

    from leadshift.domain.promises import ActionItem, Obstacle

    opened = date.fromisoformat(TODAY)
    with Store(home).change() as draft:
        draft.set_book(
            draft.book.model_copy(
                update={
                    "actions": {"a0a0a0a0": ActionItem(teammate="alice", text="Send the notes", opened=opened)},
                    "obstacles": {"b0b0b0b0": Obstacle(teammate="bob", text="A slow form", opened=opened)},
                }
            )
        )


@pytest.fixture
def home(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[Path]:
    """An empty ledger folder, in memory where the system has one: 1,800 cases write with fsync."""
    cwd = tmp_path / "cwd" / "deeper"  # relative paths typed in a case land here, never in the repository
    for editor in ("VISUAL", "EDITOR"):  # a command that opens an editor must not wait for a person
        monkeypatch.setenv(editor, "true")
    cwd.mkdir(parents=True)
    monkeypatch.chdir(cwd)
    shm = Path("/dev/shm")
    with tempfile.TemporaryDirectory(dir=shm if shm.is_dir() else tmp_path) as folder:
        ledger = Path(folder) / "ledger"
        monkeypatch.setenv("LEADSHIFT_HOME", str(ledger))
        yield ledger


# -- every option and argument --------------------------------------------------------


@pytest.mark.parametrize(("path", "fuzzed", "value"), list(cases()))
def test_a_malformed_value_is_refused_or_harmless(
    cli: Callable[..., Result], template: Path, home: Path, path: tuple[str, ...], fuzzed: str, value: str
) -> None:
    if path not in CREATES:
        shutil.copytree(template, home)
    before = snapshot(home)
    argv = command_line(path, fuzzed, value)
    result = cli(*argv)
    check_outcome(result, argv, home, before)
    if result.exit_code:
        assert names_the_problem(result.stderr, names_of(path, fuzzed), value), result.stderr
    elif fuzzed.startswith("root:"):
        check_outcome(result, argv, Path(value).expanduser().absolute(), {})  # the ledger it was pointed at


def test_every_parameter_is_tried() -> None:
    tried = {(path, fuzzed) for path, fuzzed, _ in (case.values for case in cases())}
    for path, leaf in commands():
        for param in leaf.params:
            assert (path, param.name) in tried or not takes_a_value(param), (path, param.name)
    assert len(tried) * len(BAD_VALUES) == len(list(cases())) >= 1_500


def test_every_required_parameter_has_a_valid_value() -> None:
    for path, leaf in commands():
        for param in leaf.params:
            if param.required:
                assert param.name in VALID.get(path, {}), f"add a valid {param.name} for `{' '.join(path)}` to VALID"


def test_a_value_like_minus_one_reaches_its_argument(cli: Callable[..., Result], team: Path) -> None:
    # What the `--` in command_line guards against, as a person would type it.
    result = cli("log", "client", "acme", "-1")
    assert result.exit_code == 1
    assert result.stderr == "Error: hours must be more than 0, got '-1'; to correct a record, `leadshift remove` it.\n"


def test_a_long_value_is_cut_short_in_the_message(cli: Callable[..., Result], team: Path) -> None:
    result = cli("check", "--week", "x" * 10_000)
    assert result.exit_code == 2
    assert result.stderr == (
        f"Error: '{'x' * 60}…' (10000 characters) is not a week: use YYYY-Www, for example 2026-W47.\n"
    )


# -- what the walk found, each as the person typing it would see it --------------------------


@pytest.mark.parametrize(
    "args",
    [
        ["review", "--date", "0001-01-01"],  # the trend reached back before year 1: OverflowError
        ["review", "--date", "9999-12-31"],  # the week ran past year 9999
        ["handoff", "plan", "--start", "9999-12-31"],  # the stages ran past year 9999
        ["show", "--week", "0001-W01"],
    ],
)
def test_dates_at_the_ends_of_the_calendar_are_refused(cli: Callable[..., Result], team: Path, args) -> None:
    before = snapshot(team)
    result = cli(*args)
    assert result.exit_code == 1
    assert result.stderr == f"Error: '{args[-1]}' is outside the years leadshift handles (1900 to 2999).\n"
    assert snapshot(team) == before


def test_a_pinned_today_at_the_end_of_the_calendar_is_refused(
    cli: Callable[..., Result], team: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LEADSHIFT_TODAY", "9999-12-31")
    result = cli("review")
    assert (result.exit_code, result.stderr) == (
        2,
        "Error: LEADSHIFT_TODAY must be a date from 1900 to 2999, got '9999-12-31'.\n",
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--ledger", "x" * 10_000, "show"], "cannot be used: File name too long; choose another folder."),
        (["--ledger", "a\x00b", "show"], "a\\x00b' contains a NUL character; give a folder name without it."),
        (["--ledger", "~nosuchuser/x", "show"], "starts with an unknown user's home; write the folder in full."),
    ],
)
def test_a_ledger_folder_the_system_cannot_use_is_one_error_line(
    cli: Callable[..., Result], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args, message
) -> None:
    monkeypatch.chdir(tmp_path)
    result = cli(*args)
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: --ledger '") and result.stderr.endswith(message + "\n")
    assert len(result.stderr) < 300  # the 10,000 characters are cut short
    assert list(tmp_path.iterdir()) == []


def test_an_unknown_users_home_in_the_environment_names_the_variable(
    cli: Callable[..., Result], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LEADSHIFT_HOME", "~nosuchuser/ledger")
    result = cli("show")
    assert (result.exit_code, result.stderr) == (
        2,
        "Error: LEADSHIFT_HOME '~nosuchuser/ledger' starts with an unknown user's home; write the folder in full.\n",
    )


@pytest.mark.parametrize(
    ("name", "code", "message"),
    [
        ("  \t ", 2, "--svg needs a file name, like review.svg."),
        ("x" * 300, 1, "cannot be used: File name too long; choose another file."),
    ],
)
def test_an_export_name_that_cannot_be_a_file_is_refused_before_any_output(
    cli: Callable[..., Result], team: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name, code, message
) -> None:
    (tmp_path / "here").mkdir()
    monkeypatch.chdir(tmp_path / "here")
    result = cli("review", "--svg", name)
    assert (result.exit_code, result.stdout) == (code, "")
    assert result.stderr.startswith("Error: --svg") and result.stderr.endswith(message + "\n")
    assert list((tmp_path / "here").iterdir()) == []


def test_saved_exports_and_a_new_ledger_name_their_paths_without_controls(
    cli: Callable[..., Result], team: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = cli("review", "--html", "a\x1b]0;pwned\x07.html")
    assert result.exit_code == 0
    assert result.stderr == "Saved a\\x1b]0;pwned\\x07.html\n"
    assert (tmp_path / "a\x1b]0;pwned\x07.html").is_file()  # the file has the name asked for
    created = cli("--ledger", str(tmp_path / "new\rledger"), "init", "--name", "Sam")
    assert created.stdout.startswith(f"Created your ledger in {tmp_path}/new\\rledger\n")


def test_an_empty_promotion_date_is_a_bad_date_not_no_date(cli: Callable[..., Result], ledger_home: Path) -> None:
    result = cli("init", "--name", "Sam", "--promoted-on", "")
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: '' is not a date")
    assert not ledger_home.exists()


def test_a_refused_answer_is_shown_without_its_controls() -> None:
    from rich.text import Text

    from leadshift.cli.parsing import parse_choice
    from leadshift.cli.prompts import until_valid
    from leadshift.domain.terms import NO_KINDS

    class Scripted:
        def __init__(self, *answers: str) -> None:
            self.answers, self.said = list(answers), []

        def ask(self, question: Text, default: str) -> str:
            return self.answers.pop(0)

        def confirm(self, question: Text | str, default: bool) -> bool:
            raise AssertionError("not asked")

        def say(self, message: Text | str) -> None:
            self.said.append(message)

    asker = Scripted("\x1b]0;pwned\x07team", "team")
    assert until_valid(asker, Text("Pick"), "", lambda a: parse_choice("kind of no", a, NO_KINDS)) == "team"
    (refusal,) = asker.said
    assert isinstance(refusal, Text) and "\x1b" not in refusal.plain and "\\x1b]0;pwned\\x07team" in refusal.plain


# -- the environment ----------------------------------------------------------------------

ENV_PROBES = (
    ["show"],
    ["review"],
    ["check"],
    ["handoff", "plan"],
    ["log", "client", "acme", "1"],
    ["teammate", "edit", "bob", "--role", "support"],
)
ENV_VALUES = {
    "LEADSHIFT_TODAY": [
        "",
        "  ",
        "2026-02-30",
        "2026-13-01",
        "99999-01-01",
        "0001-01-01",
        "9999-12-31",
        "yesterday-ish",
        "nan",
        "2026-11-20T10:00",
        "x" * 10_000,
        "\x1b[2J",
    ],
    "LEADSHIFT_LOCK_TIMEOUT": [
        "",
        "  ",
        "-1",
        "0",
        "nan",
        "inf",
        "-inf",
        "1e309",
        str(2**70),
        "3601",
        "ten",
        "\x1b[2J",
    ],
    "LEADSHIFT_HOME": [
        "",
        "  ",
        "relative/dir",
        "x" * 10_000,
        "~nosuchuser/x",
        "{file}",
        "{file}/under",
        "\x1b[2J",
    ],
}


def env_cases() -> Iterator[Any]:
    for variable, values in ENV_VALUES.items():
        for i, value in enumerate(values):
            for probe in ENV_PROBES:
                yield pytest.param(variable, value, probe, id=f"{variable}-{i}-{'-'.join(probe[:2])}")


@pytest.mark.parametrize(("variable", "value", "probe"), list(env_cases()))
def test_a_malformed_environment_is_refused_or_harmless(
    cli: Callable[..., Result],
    template: Path,
    home: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    variable: str,
    value: str,
    probe: list[str],
) -> None:
    shutil.copytree(template, home)
    # With LEADSHIFT_HOME empty leadshift falls back to the user data folder: keep it in tmp_path.
    monkeypatch.setenv("HOME", str(tmp_path / "user"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "user" / "data"))
    (tmp_path / "file").write_text("not a folder")
    value = value.replace("{file}", str(tmp_path / "file"))
    monkeypatch.setenv(variable, value)
    before = snapshot(home)
    result = cli(*probe)
    check_outcome(result, probe, home, before)
    if result.exit_code:
        assert variable in result.stderr or visible(value.strip())[:20] in result.stderr, result.stderr


# -- the parsers, on any text ---------------------------------------------------------------


def refused_cleanly(parse: Callable[[str], object], text: str) -> object:
    """`parse(text)`, or None when it refused with a LeadshiftError; anything else escapes and fails."""
    try:
        return parse(text)
    except LeadshiftError as error:
        assert error.exit_code in (1, 2)
        return None


# Digits, signs, separators and units are where the parsers' edge cases are.
TYPED = st.text(alphabet=st.sampled_from("0123456789-+.,:eEhHmMwWinfaNx %\t\x00\x1b\u202e"), max_size=24) | st.text(
    max_size=24
)


@settings(max_examples=300, deadline=None)
@given(TYPED)
def test_no_typed_text_breaks_a_parser(text: str) -> None:
    from leadshift.cli.parsing import (
        parse_choice,
        parse_date,
        parse_day_logged,
        parse_hours,
        parse_share,
        parse_tags,
        parse_week,
    )
    from leadshift.domain.dates import in_calendar
    from leadshift.domain.terms import NO_KINDS

    today = date(2026, 11, 20)
    for day in (
        refused_cleanly(lambda t: parse_date(t, today), text),
        refused_cleanly(lambda t: parse_day_logged(t, today), text),
    ):
        assert day is None or (isinstance(day, date) and in_calendar(day))
    week = refused_cleanly(parse_week, text)
    assert week is None or (isinstance(week, tuple) and (week[1] - week[0]).days == 6)
    hours = refused_cleanly(parse_hours, text)
    assert hours is None or (isinstance(hours, float) and 0 < hours <= 24)
    share = refused_cleanly(parse_share, text)
    assert share is None or (isinstance(share, float) and 0 < share <= 1)
    assert all(tag and tag == tag.strip().lower() for tag in parse_tags(text))
    assert refused_cleanly(lambda t: parse_choice("kind of no", t, NO_KINDS), text) in (None, *NO_KINDS)
