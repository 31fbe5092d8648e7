"""`leadshift profile`: the profile shown, and changed with the options and checks of `init`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from leadshift.storage.store import Store
from tests.conftest import snapshot


def test_profile_shows_every_field(cli, team: Path) -> None:
    result = cli("profile")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines() == [
        "name                Sam Lee",
        "promoted on         2026-10-05",
        "workday             10 h",
        "client-share limit  40%",
        "week starts on      monday",
        "holidays            none",
    ]


def test_profile_json_has_every_field_and_no_changed_list(cli, team: Path) -> None:
    assert json.loads(cli("profile", "--json").stdout) == {
        "name": "Sam Lee",
        "promoted_on": "2026-10-05",
        "workday_hours": 10.0,
        "client_share_limit": 0.4,
        "week_starts": "monday",
        "holidays": [],
        "emails": [],  # for `log --calendar`: appended after the older keys
        "calendar": None,
        "keywords": {},
    }


def test_profile_changes_only_the_options_given_and_says_what_they_were(cli, team: Path) -> None:
    result = cli("profile", "--promoted-on", "2026-09-28", "--limit", "35%")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines() == [
        "Profile: promoted on 2026-09-28 (was 2026-10-05)",
        "Profile: client-share limit 35% (was 40%)",
    ]
    profile = Store(team).read_book().profile
    assert (str(profile.promoted_on), profile.client_share_limit) == ("2026-09-28", 0.35)
    assert (profile.name, profile.workday_hours, profile.week_starts) == ("Sam Lee", 10.0, "monday")


def test_profile_takes_the_long_option_names_of_init_too(cli, team: Path) -> None:
    result = cli("profile", "--workday-hours", "9", "--client-share-limit", "0.3", "--name", " Sam Lee-Park ")
    assert result.stdout.splitlines() == [
        "Profile: name Sam Lee-Park (was Sam Lee)",
        "Profile: workday 9 h (was 10 h)",
        "Profile: client-share limit 30% (was 40%)",
    ]


def test_profile_change_json_lists_the_fields_changed(cli, team: Path) -> None:
    data = json.loads(cli("profile", "--workday", "8.5", "--name", "Sam Lee", "--json").stdout)
    assert data == {
        "name": "Sam Lee",
        "promoted_on": "2026-10-05",
        "workday_hours": 8.5,
        "client_share_limit": 0.4,
        "week_starts": "monday",
        "holidays": [],
        "emails": [],
        "calendar": None,
        "keywords": {},
        "changed": ["workday_hours"],  # the name given is the one it had
    }


def test_profile_given_the_values_it_has_says_nothing_changed(cli, team: Path) -> None:
    before = snapshot(team)
    result = cli("profile", "--workday", "10")
    assert snapshot(team) == before  # not even a backup of an identical file
    assert result.stdout == "Profile: nothing changed; the values given are the ones it has.\n"


def test_a_promotion_date_can_be_set_later(cli, ledger_home: Path) -> None:
    cli("init", "--name", "Sam")
    assert cli("profile").stdout.splitlines()[1] == "promoted on         not set"
    result = cli("profile", "--promoted-on", "yesterday")
    assert result.stdout == "Profile: promoted on 2026-11-19 (was not set)\n"


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["--promoted-on", "2027-01-01"], 1, "Error: 2027-01-01 is in the future; leadshift logs what happened"),
        (["--promoted-on", "05/10/2026"], 2, "Error: '05/10/2026' is not a date: use YYYY-MM-DD"),
        (["--limit", "140%"], 1, "Error: '140%' is not a share between 0 and 1"),
        (["--workday", "30"], 1, "Error: --workday-hours: input should be less than or equal to 24."),
        (["--workday", "0"], 1, "Error: --workday-hours: input should be greater than 0."),
        (["--name", "  "], 1, "Error: --name: string should have at least 1 character."),
    ],
)
def test_bad_profile_values_are_refused_and_change_nothing(cli, team: Path, args, code, message) -> None:
    before = snapshot(team)
    result = cli("profile", *args)
    assert result.exit_code == code
    assert result.stderr.startswith(message)
    assert result.stderr.count("\n") == 1
    assert snapshot(team) == before


def test_profile_without_a_ledger_says_how_to_make_one(cli, ledger_home: Path) -> None:
    for args in (["profile"], ["profile", "--workday", "9"]):
        result = cli(*args)
        assert result.exit_code == 1
        assert "leadshift init --name" in result.stderr
    assert not ledger_home.exists()


def test_profile_keywords_replace_an_activitys_words_and_an_empty_rule_puts_back_the_defaults(cli, team: Path) -> None:
    result = cli("profile", "--keywords", "hiring=Interview, screen", "--keywords", "strat=offsite")
    assert result.exit_code == 0, result.stderr
    assert Store(team).load().book.profile.keywords == {"hiring": ["interview", "screen"], "strategy": ["offsite"]}
    assert cli("profile", "--keywords", "hiring=").exit_code == 0
    assert Store(team).load().book.profile.keywords == {"strategy": ["offsite"]}


@pytest.mark.parametrize(
    ("rule", "message"),
    [
        (
            "hiring",
            "Error: --keywords 'hiring' is not a keyword rule: write ACTIVITY=WORD,WORD, like hiring=interview,screen.\n",
        ),
        (
            "nope=x",
            "Error: --keywords 'nope=x': 'nope' is not a leadership activity. Choose one of: one-on-one, coaching, team, hiring, "
            "strategy, learning, admin.\n",
        ),
    ],
)
def test_a_bad_keyword_rule_is_one_line_and_changes_nothing(cli, team: Path, rule: str, message: str) -> None:
    before = snapshot(team)
    result = cli("profile", "--keywords", rule)
    assert (result.exit_code, result.stderr) == (2, message)
    assert snapshot(team) == before
