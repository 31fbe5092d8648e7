"""`leadshift edit`: hand edits through a real editor process (small Python scripts), checked before saving."""

from __future__ import annotations

import json
import os
import stat
import sys
import tempfile
import textwrap
from pathlib import Path

import pexpect
import pytest

from leadshift.cli.editor import EditorMissing, choose_editor
from leadshift.cli.session import Session
from leadshift.domain.schema import SCHEMA_VERSION
from leadshift.storage import durable, layout
from leadshift.storage.store import Store
from tests.conftest import snapshot

# Every editor script starts here: it logs what it was given (one JSON line per call), then runs its body
# with `path` (the copy it must edit), `text` (its content) and `calls` (1 on the first call).
_PROLOGUE = """\
import json, pathlib, stat, subprocess, sys
path = pathlib.Path(sys.argv[-1])
log = pathlib.Path(__file__).with_suffix(".calls")
calls = len(log.read_text().splitlines()) + 1 if log.exists() else 1
seen = {
    "path": str(path),
    "argv": sys.argv[1:],
    "file_mode": stat.S_IMODE(path.stat().st_mode),
    "folder_mode": stat.S_IMODE(path.parent.stat().st_mode),
}
with log.open("a") as out:
    out.write(json.dumps(seen) + "\\n")
text = path.read_text()
"""


class ScriptEditor:
    """An executable Python script used as $EDITOR, and what it saw on each call."""

    def __init__(self, folder: Path, body: str, name: str = "editor") -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self.script = folder / f"{name}.py"
        self.script.write_text(f"#!{sys.executable}\n{_PROLOGUE}{textwrap.dedent(body)}")
        self.script.chmod(0o755)

    @property
    def calls(self) -> list[dict]:
        log = self.script.with_suffix(".calls")
        return [json.loads(line) for line in log.read_text().splitlines()] if log.exists() else []


@pytest.fixture(autouse=True)
def private_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Copies go to a folder of this test's own, so the test can see what is left behind."""
    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    monkeypatch.setenv("TMPDIR", str(folder))
    monkeypatch.delenv("VISUAL", raising=False)
    return folder


@pytest.fixture
def use(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Make a script editor and point $EDITOR at it."""

    def make(body: str) -> ScriptEditor:
        editor = ScriptEditor(tmp_path, body)
        monkeypatch.setenv("EDITOR", str(editor.script))
        return editor

    return make


@pytest.fixture
def at_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """Answer "Edit again?" from the CliRunner's input, as a person at a terminal would."""
    monkeypatch.setattr(Session, "interactive", lambda self: True)


@pytest.fixture
def logged(cli, team: Path) -> Path:
    """The team ledger with one record in log/2026-11.toml."""
    assert cli("log", "client", "acme", "2", "--note", "kickoff").exit_code == 0
    return team


def mode(path: Path) -> int:
    return stat.S_IMODE(path.lstat().st_mode)


def backups(home: Path) -> list[str]:
    return sorted(p.name for p in (home / "backups").iterdir())


def line_of(path: Path, text: bytes) -> int:
    [number] = [n for n, line in enumerate(path.read_bytes().splitlines(), 1) if line == text]
    return number


def one_error_line(stderr: str) -> str:
    assert len(stderr.splitlines()) == 1 and stderr.startswith("Error: "), stderr
    return stderr


# -- saving ------------------------------------------------------------------------


def test_a_valid_edit_is_saved_as_typed_with_a_backup(cli, team: Path, use, private_tmp: Path) -> None:
    editor = use("""
        path.write_text("# edited by hand\\n" + text.replace("weight = 4", "weight = 5"))
    """)
    before = (team / "ledger.toml").read_bytes()
    rotation = backups(team)
    result = cli("edit")
    assert result.exit_code == 0, result.stderr
    [backup] = sorted(set(backups(team)) - set(rotation))
    assert result.stdout == f"Saved ledger.toml. The previous version is kept as backups/{backup}.\n"
    saved = (team / "ledger.toml").read_bytes()
    assert saved == b"# edited by hand\n" + before.replace(b"weight = 4", b"weight = 5")  # as typed, comment kept
    assert (team / "backups" / backup).read_bytes() == before
    assert mode(team / "ledger.toml") == 0o600 and mode(team / "backups" / backup) == 0o600
    assert json.loads(cli("client", "list", "--json").stdout)[0]["weight"] == 5
    [call] = editor.calls
    assert Path(call["path"]).name == "ledger.toml"  # named like the file, so editors highlight TOML
    assert Path(call["path"]).parent.parent == private_tmp
    assert (call["file_mode"], call["folder_mode"]) == (0o600, 0o700)
    assert list(private_tmp.iterdir()) == []  # the copy is gone


def test_a_month_is_edited_by_its_key(cli, logged: Path, use) -> None:
    use("""
        path.write_text(text.replace('note = "kickoff"', 'note = "kickoff call"'))
    """)
    result = cli("edit", "2026-11")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("Saved log/2026-11.toml. The previous version is kept as backups/log-2026-11.toml.")
    [record] = json.loads(cli("show", "--json").stdout)
    assert record["note"] == "kickoff call"
    assert mode(logged / "log" / "2026-11.toml") == 0o600


def test_an_unchanged_copy_writes_nothing(cli, team: Path, use, private_tmp: Path) -> None:
    use("pass")
    before = snapshot(team)
    result = cli("edit", "ledger")
    assert (result.exit_code, result.stdout) == (0, "No changes to ledger.toml; nothing was written.\n")
    assert snapshot(team) == before
    assert list(private_tmp.iterdir()) == []


def test_an_editor_that_fails_saves_nothing(cli, team: Path, use, private_tmp: Path) -> None:
    use("""
        path.write_text(text.replace("weight = 4", "weight = 5"))
        sys.exit(3)
    """)
    before = snapshot(team)
    result = cli("edit")
    assert result.exit_code == 1
    assert one_error_line(result.stderr) == "Error: the editor (editor.py) exited with status 3; nothing was saved.\n"
    assert snapshot(team) == before
    assert list(private_tmp.iterdir()) == []  # giving up in the editor (vim's :cq) discards the copy


# -- invalid copies ------------------------------------------------------------------


def test_a_broken_copy_is_reopened_with_the_edits_kept(cli, team: Path, use, at_a_terminal, private_tmp: Path) -> None:
    editor = use("""
        if calls == 1:
            path.write_text(text.replace("weight = 4", "weight = 9"))
        else:
            assert "weight = 9" in text, "the second call must see the first edit"
            path.write_text(text.replace("weight = 9", "weight = 5"))
    """)
    line = line_of(team / "ledger.toml", b"weight = 4")
    result = cli("edit", input="y\n")
    assert result.exit_code == 0, result.stderr
    assert len(editor.calls) == 2
    assert editor.calls[0]["path"] == editor.calls[1]["path"]
    assert f"your copy of ledger.toml, line {line} (clients.acme.weight): input should be less than or equal to 5" in (
        result.stdout
    )
    assert "Edit again?" in result.stdout
    assert "Saved ledger.toml." in result.stdout
    assert b"weight = 5" in (team / "ledger.toml").read_bytes()
    assert list(private_tmp.iterdir()) == []


def test_a_broken_copy_is_discarded_when_the_user_says_no(
    cli, team: Path, use, at_a_terminal, private_tmp: Path
) -> None:
    editor = use("""
        path.write_text(text.replace("weight = 4", "weight = 9"))
    """)
    before = snapshot(team)
    result = cli("edit", input="n\n")
    assert result.exit_code == 1
    assert "input should be less than or equal to 5" in result.stdout
    assert one_error_line(result.stderr) == "Error: your edit was discarded; ledger.toml is unchanged.\n"
    assert len(editor.calls) == 1
    assert snapshot(team) == before
    assert list(private_tmp.iterdir()) == []


def test_without_a_terminal_a_broken_copy_is_reported_once_and_kept(cli, logged: Path, use, private_tmp: Path) -> None:
    editor = use("""
        path.write_text(text.replace("hours = 2.0", "hours = nan"))
    """)
    before = snapshot(logged)
    result = cli("edit", "2026-11", input="y\n")  # no terminal: nothing is asked, the "y" is never read
    assert result.exit_code == 1
    [call] = editor.calls
    message = one_error_line(result.stderr)
    assert message.startswith(
        "Error: your copy of log/2026-11.toml, line 6 (hours[1].hours): input should be a finite number. "
        "Nothing was saved. Your edited copy is kept at "
    )
    assert "kickoff" not in message  # the line's text (a private note could be there) is never shown
    copy = Path(call["path"])
    assert f"kept at {copy}: run `leadshift edit 2026-11` again" in message
    assert b"hours = nan" in copy.read_bytes() and mode(copy) == 0o600 and mode(copy.parent) == 0o700
    assert snapshot(logged) == before


def test_a_book_edit_that_would_orphan_records_is_refused(cli, logged: Path, use) -> None:
    use("""
        path.write_text(text.replace("[clients.acme]", "[clients.acme-corp]"))
    """)
    before = snapshot(logged)
    result = cli("edit")
    assert result.exit_code == 1
    assert one_error_line(result.stderr).startswith("Error: this change would break log/2026-11.toml: record ")
    assert "names client 'acme', which is not in ledger.toml. Keep that client or teammate in ledger.toml, " in (
        result.stderr
    )
    assert "`leadshift edit 2026-11`" in result.stderr
    assert snapshot(logged) == before


def test_a_newer_schema_version_is_refused(cli, team: Path, use) -> None:
    use(f"""
        path.write_text(text.replace("schema_version = {SCHEMA_VERSION}", "schema_version = 99"))
    """)
    before = snapshot(team)
    result = cli("edit")
    assert result.exit_code == 1
    assert one_error_line(result.stderr).startswith(
        f"Error: your copy of ledger.toml has schema_version = 99, newer than this leadshift writes ({SCHEMA_VERSION}); "
    )
    assert snapshot(team) == before


# -- another command wrote meanwhile ------------------------------------------------------


def test_a_file_changed_meanwhile_is_not_overwritten(cli, logged: Path, use) -> None:
    # The editor itself runs a real `leadshift log` (a separate process, taking the lock) before saving.
    editor = use("""
        subprocess.run([sys.executable, "-m", "leadshift", "log", "client", "initech", "1", "--note", "meanwhile"],
                       check=True, capture_output=True)
        path.write_text(text.replace('note = "kickoff"', 'note = "my edit"'))
    """)
    result = cli("edit", "2026-11")
    assert result.exit_code == 1
    copy = Path(editor.calls[0]["path"])
    assert one_error_line(result.stderr) == (
        "Error: log/2026-11.toml changed on disk while you were editing it (another leadshift command or program "
        f"wrote to it); nothing was saved. Your edited copy is kept at {copy}: run `leadshift edit 2026-11` again and redo "
        f"your changes (`diff {copy} {logged / 'log' / '2026-11.toml'}` shows them).\n"
    )
    notes = sorted(r["note"] for r in json.loads(cli("show", "--json").stdout))
    assert notes == ["kickoff", "meanwhile"]  # the other command's record survives, the edit is not applied
    assert b'note = "my edit"' in copy.read_bytes()
    assert mode(copy) == 0o600 and mode(copy.parent) == 0o700


# -- broken files: fixing them is what edit is for ------------------------------------------


def test_a_broken_book_is_fixed_and_kept_outside_the_backup_rotation(cli, team: Path, use) -> None:
    book = team / "ledger.toml"
    book.write_bytes(book.read_bytes().replace(b"weight = 4", b"weight = 9"))
    broken = book.read_bytes()
    assert cli("show").exit_code == 1
    rotation = backups(team)
    use("""
        path.write_text(text.replace("weight = 9", "weight = 4"))
    """)
    result = cli("edit")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == (
        "Saved ledger.toml. The previous version did not validate; it is kept as backups/ledger.toml.broken-000001.\n"
    )
    assert (team / "backups" / "ledger.toml.broken-000001").read_bytes() == broken
    assert sorted(set(backups(team)) - set(rotation)) == ["ledger.toml.broken-000001"]  # no valid backup pushed out
    assert cli("show").exit_code == 0


def test_a_broken_month_does_not_stop_a_book_edit(cli, logged: Path, use) -> None:
    month = logged / "log" / "2026-11.toml"
    month.write_bytes(month.read_bytes().replace(b"hours = 2.0", b"hours = 2.0.0"))
    use("""
        path.write_text(text.replace("weight = 4", "weight = 5"))
    """)
    result = cli("edit")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines()[1] == (
        "log/2026-11.toml is broken, so it was not checked against this file; fix it with `leadshift edit 2026-11`."
    )
    assert b"weight = 5" in (logged / "ledger.toml").read_bytes()


def test_a_broken_book_does_not_stop_a_month_edit(cli, logged: Path, use) -> None:
    book = logged / "ledger.toml"
    book.write_bytes(book.read_bytes().replace(b"weight = 4", b"weight = true"))
    use("""
        path.write_text(text.replace("hours = 2.0", "hours = 2.5"))
    """)
    result = cli("edit", "2026-11")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines()[1] == (
        "ledger.toml is broken, so it was not checked against this file; fix it with `leadshift edit ledger`."
    )
    book.write_bytes(book.read_bytes().replace(b"weight = true", b"weight = 4"))
    assert json.loads(cli("show", "--json").stdout)[0]["hours"] == 2.5


def test_a_month_is_still_checked_on_its_own_when_the_book_is_broken(cli, logged: Path, use) -> None:
    book = logged / "ledger.toml"
    book.write_bytes(book.read_bytes().replace(b"weight = 4", b"weight = true"))
    use("""
        path.write_text(text.replace("date = 2026-11-20", "date = 2026-12-01"))
    """)
    before = snapshot(logged)
    result = cli("edit", "2026-11")
    assert result.exit_code == 1
    assert "is dated 2026-12-01, outside 2026-11" in one_error_line(result.stderr)
    assert snapshot(logged) == before


def test_a_symlinked_file_is_refused_and_the_copy_kept(cli, team: Path, use, tmp_path: Path) -> None:
    real = tmp_path / "elsewhere.toml"
    real.write_bytes((team / "ledger.toml").read_bytes())
    (team / "ledger.toml").unlink()
    (team / "ledger.toml").symlink_to(real)
    editor = use("""
        path.write_text(text.replace("weight = 4", "weight = 5"))
    """)
    before = real.read_bytes()
    result = cli("edit")
    assert result.exit_code == 1
    assert one_error_line(result.stderr).startswith("Error: ledger.toml is a symbolic link;")
    assert f"Your edited copy is kept at {editor.calls[0]['path']}" in result.stderr
    assert real.read_bytes() == before and (team / "ledger.toml").is_symlink()


# -- what to edit, and with what --------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["2026-13"], 2, "Error: '2026-13' is not something to edit: give `ledger` or a month like 2026-11.\n"),
        (["notes"], 2, "Error: 'notes' is not something to edit: give `ledger` or a month like 2026-11.\n"),
        (["../ledger"], 2, "Error: '../ledger' is not something to edit: give `ledger` or a month like 2026-11.\n"),
        (
            ["2026-12"],
            1,
            "Error: log/2026-12.toml does not exist, so there is nothing to edit: add records to 2026-12 with "
            "`leadshift log` first (see `leadshift log --help`).\n",
        ),
    ],
)
def test_what_cannot_be_edited(cli, team: Path, use, args: list[str], code: int, message: str) -> None:
    editor = use("raise SystemExit('never opened')")
    before = snapshot(team)
    result = cli("edit", *args)
    assert (result.exit_code, one_error_line(result.stderr)) == (code, message)
    assert editor.calls == [] and snapshot(team) == before


def test_without_a_ledger(cli, ledger_home: Path, use) -> None:
    use("raise SystemExit('never opened')")
    result = cli("edit")
    assert result.exit_code == 1
    assert one_error_line(result.stderr).startswith(f"Error: no ledger at {ledger_home}: create one with")
    assert not ledger_home.exists()


def test_the_editor_command_is_split_like_a_shell_would(cli, team: Path, tmp_path: Path, monkeypatch) -> None:
    editor = ScriptEditor(tmp_path / "my editors", "pass")  # a space in the path, quoted in $VISUAL
    monkeypatch.setenv("VISUAL", f"'{editor.script}' --wait --title 'two words'")
    monkeypatch.setenv("EDITOR", "/nonexistent/editor")  # $VISUAL comes first
    assert cli("edit").exit_code == 0
    [call] = editor.calls
    assert call["argv"] == ["--wait", "--title", "two words", call["path"]]


@pytest.mark.parametrize(
    ("environ", "installed", "expected"),
    [
        ({"VISUAL": "code --wait", "EDITOR": "nano"}, {"code", "nano", "vi"}, ["code", "--wait"]),
        ({"VISUAL": "  ", "EDITOR": "nano -w"}, {"nano", "vi"}, ["nano", "-w"]),
        ({}, {"vi"}, ["vi"]),
    ],
)
def test_visual_then_editor_then_vi(environ: dict[str, str], installed: set[str], expected: list[str]) -> None:
    assert choose_editor(environ, lambda name: name if name in installed else None).argv == expected


@pytest.mark.parametrize(
    ("environ", "message"),
    [
        ({}, "no text editor found: set $EDITOR to yours, for example `export EDITOR=nano`."),
        ({"EDITOR": "emacs -nw"}, "$EDITOR names 'emacs', which is not an installed program; set $EDITOR to"),
        ({"VISUAL": "code 'unclosed"}, "$VISUAL cannot be read as a command (No closing quotation); fix its quotes."),
    ],
)
def test_no_usable_editor_is_a_usage_error(environ: dict[str, str], message: str) -> None:
    with pytest.raises(EditorMissing) as raised:
        choose_editor(environ, lambda name: None)
    assert raised.value.message.startswith(message)


def test_no_editor_at_all_on_the_command_line(cli, team: Path, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.delenv("EDITOR", raising=False)
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))  # no vi to fall back on
    before = snapshot(team)
    result = cli("edit")
    assert result.exit_code == 2
    assert one_error_line(result.stderr) == (
        "Error: no text editor found: set $EDITOR to yours, for example `export EDITOR=nano`.\n"
    )
    assert snapshot(team) == before


# -- the store's side ------------------------------------------------------------------


def test_a_broken_version_set_aside_never_leaves_the_rotation(tmp_path: Path) -> None:
    folder = tmp_path / "ledger"
    durable.ensure_private_dir(folder)
    path, backup_dir = folder / "ledger.toml", folder / "backups"
    for n in range(layout.BACKUPS_KEPT + 1):
        durable.write_atomic(path, f"a = {n}\n".encode(), backup_dir)
    first = durable.set_aside_broken(path, backup_dir)
    second = durable.set_aside_broken(path, backup_dir)
    for n in range(3):
        durable.write_atomic(path, f"b = {n}\n".encode(), backup_dir)
    assert (first.name, second.name) == ("ledger.toml.broken-000001", "ledger.toml.broken-000002")
    assert first.read_bytes() == second.read_bytes() == f"a = {layout.BACKUPS_KEPT}\n".encode()
    assert len(durable.backups_of(backup_dir, "ledger.toml")) == layout.BACKUPS_KEPT
    assert mode(first) == 0o600


def test_replace_by_hand_compares_under_the_lock(team: Path) -> None:
    store = Store(team)
    original = store.read_bytes(store.book_path)
    edited = original.replace(b"weight = 4", b"weight = 5")
    store.replace_by_hand(store.book_path, original, edited)
    assert store.read_book().clients["acme"].weight == 5
    # The same edit again starts from a version that is no longer on disk.
    from leadshift.errors import LedgerChanged

    with pytest.raises(LedgerChanged):
        store.replace_by_hand(store.book_path, original, original.replace(b"weight = 4", b"weight = 3"))
    assert store.read_book().clients["acme"].weight == 5


# -- a real terminal ------------------------------------------------------------------


def test_on_a_real_terminal_a_broken_copy_is_reopened(team: Path, tmp_path: Path) -> None:
    editor = ScriptEditor(
        tmp_path,
        """
        if calls == 1:
            path.write_text(text.replace("weight = 4", "weight = 9"))
        else:
            path.write_text(text.replace("weight = 9", "weight = 2"))
        """,
    )
    env = {**os.environ, "LEADSHIFT_HOME": str(team), "EDITOR": str(editor.script), "COLUMNS": "200"}
    child = pexpect.spawn(
        sys.executable, ["-m", "leadshift", "edit"], env=env, encoding="utf-8", timeout=30, dimensions=(40, 200)
    )
    line = line_of(team / "ledger.toml", b"weight = 4")
    child.expect(rf"line {line} \(clients\.acme\.weight\): input should be less than or equal to 5")
    child.expect(r"Edit again\?")
    child.sendline("y")
    child.expect("Saved ledger.toml.")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert len(editor.calls) == 2
    assert b"weight = 2" in (team / "ledger.toml").read_bytes()


def test_ctrl_c_belongs_to_the_editor(team: Path, tmp_path: Path) -> None:
    # Like vim, this editor takes Ctrl-C as a key (here: save and quit); leadshift must not die under it.
    editor = ScriptEditor(
        tmp_path,
        """
        import signal, time
        def save_and_quit(*_):
            path.write_text(text.replace("weight = 4", "weight = 2"))
            sys.exit(0)
        signal.signal(signal.SIGINT, save_and_quit)
        print("editing", flush=True)
        time.sleep(60)
        """,
    )
    env = {**os.environ, "LEADSHIFT_HOME": str(team), "EDITOR": str(editor.script)}
    child = pexpect.spawn(sys.executable, ["-m", "leadshift", "edit"], env=env, encoding="utf-8", timeout=30)
    child.expect("editing")
    child.sendintr()
    child.expect("Saved ledger.toml.")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert b"weight = 2" in (team / "ledger.toml").read_bytes()


def test_a_book_edit_can_repair_a_month_it_had_orphaned(cli, logged: Path, use) -> None:
    book = logged / "ledger.toml"
    book.write_bytes(book.read_bytes().replace(b"[clients.acme]", b"[clients.acme-corp]"))
    assert "names client 'acme', which is not in ledger.toml" in cli("show").stderr
    use("""
        path.write_text(text.replace("[clients.acme-corp]", "[clients.acme]"))
    """)
    result = cli("edit")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("Saved ledger.toml. The previous version is kept as backups/ledger.toml.")
    assert [r["client"] for r in json.loads(cli("show", "--json").stdout)] == ["acme"]


@pytest.mark.parametrize("what", ["ledger", "2026-11"])
def test_no_edit_is_saved_while_another_file_is_from_a_newer_leadshift(cli, logged: Path, use, what: str) -> None:
    # As every other write: ledger.toml and a month alike, whichever one is newer.
    assert cli("log", "one-on-one", "alice", "held", "--date", "2026-10-30").exit_code == 0
    older = logged / "log" / "2026-10.toml"
    older.write_bytes(older.read_bytes().replace(f"schema_version = {SCHEMA_VERSION}".encode(), b"schema_version = 40"))
    use("""
        path.write_text(text.replace("Sam Lee", "Sam Leigh").replace("hours = 2.0", "hours = 2.5"))
    """)
    before = snapshot(logged)
    result = cli("edit", what)
    assert result.exit_code == 1
    assert one_error_line(result.stderr).startswith(
        f"Error: this ledger was written by a newer leadshift (schema version 40; this one writes version {SCHEMA_VERSION}). "
        "Upgrade with `pip install --upgrade leadshift`."
    )
    assert snapshot(logged) == before


def test_the_newer_file_itself_can_be_put_back_by_hand(cli, logged: Path, use) -> None:
    month = logged / "log" / "2026-11.toml"
    month.write_bytes(month.read_bytes().replace(f"schema_version = {SCHEMA_VERSION}".encode(), b"schema_version = 40"))
    use(f"""
        path.write_text(text.replace("schema_version = 40", "schema_version = {SCHEMA_VERSION}"))
    """)
    result = cli("edit", "2026-11")
    assert result.exit_code == 0, result.stderr
    assert cli("log", "client", "acme", "1").exit_code == 0
