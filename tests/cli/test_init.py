"""`init` and `where`: making a private ledger, never over another one, and finding it."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import snapshot


def test_init_creates_a_private_ledger(cli, ledger_home: Path) -> None:
    result = cli("init", "--name", "Sam Lee", "--promoted-on", "2026-10-05", "--client-share-limit", "35%")
    assert result.exit_code == 0
    assert result.stdout.startswith(f"Created your ledger in {ledger_home}\n")
    text = (ledger_home / "ledger.toml").read_text()
    assert 'name = "Sam Lee"' in text
    assert "promoted_on = 2026-10-05" in text
    assert "client_share_limit = 0.35" in text
    assert (ledger_home.stat().st_mode & 0o777) == 0o700
    assert ((ledger_home / "ledger.toml").stat().st_mode & 0o777) == 0o600


def test_init_refuses_to_overwrite(cli, ledger_home: Path) -> None:
    assert cli("init", "--name", "Sam").exit_code == 0
    before = snapshot(ledger_home)
    result = cli("init", "--name", "Someone Else")
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: a ledger already exists at")
    assert result.stderr.count("\n") == 1
    assert snapshot(ledger_home) == before


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--promoted-on", "05/10/2026"], "'05/10/2026' is not a date"),
        (["--client-share-limit", "140%"], "not a share between 0 and 1"),
        (["--workday-hours", "30"], "--workday-hours: input should be less than or equal to 24"),
        (["--week-starts", "someday"], "'someday' is not a weekday. Did you mean 'sunday'?"),
        # Like every other date of something that happened: 1:1s with people never met would fall due in 2027.
        (["--promoted-on", "2027-01-01"], "Error: 2027-01-01 is in the future; leadshift logs what happened"),
    ],
)
def test_init_rejects_bad_profiles_and_writes_nothing(cli, ledger_home: Path, args, message) -> None:
    result = cli("init", "--name", "Sam", *args)
    assert result.exit_code in (1, 2)
    assert message in result.stderr
    assert not (ledger_home / "ledger.toml").exists()


def test_where_prefers_the_option_then_the_environment(cli, ledger_home: Path, tmp_path: Path) -> None:
    assert cli("where").stdout == f"{ledger_home}\n"
    assert cli("--ledger", str(tmp_path / "other"), "where").stdout == f"{tmp_path / 'other'}\n"


def test_where_falls_back_to_the_user_data_dir(cli, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("LEADSHIFT_HOME")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert cli("where").stdout == f"{tmp_path / 'xdg' / 'leadshift'}\n"


def test_init_refuses_a_folder_that_holds_other_files(cli, tmp_path: Path) -> None:
    folder = tmp_path / "documents"
    folder.mkdir(mode=0o755)
    (folder / "taxes.pdf").write_bytes(b"%PDF")
    result = cli("--ledger", str(folder), "init", "--name", "Sam")
    assert result.exit_code == 1
    assert "already holds other files (taxes.pdf)" in result.stderr
    assert sorted(p.name for p in folder.iterdir()) == ["taxes.pdf"]
    assert (folder.stat().st_mode & 0o777) == 0o755
