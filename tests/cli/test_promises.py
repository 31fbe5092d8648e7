"""Action items and obstacles through the command line: added, listed, closed, refused, undone."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from leadshift.storage.store import Store
from tests.conftest import Result, snapshot

SECRET = "Talk to HR about Bob's raise"  # an item's text: private, never in an error


def added_id(result: Result) -> str:
    assert result.exit_code == 0, result.stderr
    found = re.search(r"(?:action item|obstacle) ([0-9a-f]{8})", result.stdout)
    assert found, result.stdout
    return found[1]


def test_actions_list_what_you_owe_first_then_by_due_day(cli: Callable[..., Result], team: Path) -> None:
    theirs = added_id(cli("action", "add", "bob", "Draft the checklist", "--owner", "them", "--due", "2026-11-21"))
    later = added_id(cli("action", "add", "alice", "Send the pricing notes", "--due", "2026-11-27"))
    late = added_id(cli("action", "add", "alice", "Ask finance", "--due", "2026-11-18", "--date", "2026-11-13"))
    undated = added_id(cli("action", "add", "bob", "Book a training", "--date", "2026-11-10"))
    listed = cli("actions", "--json")
    assert listed.exit_code == 0, listed.stderr
    items = json.loads(listed.stdout)
    assert [i["id"] for i in items] == [late, later, undated, theirs]
    assert list(items[0]) == ["id", "teammate", "text", "owner", "due", "opened", "done", "note", "overdue"]
    assert items[0] == {
        "id": late,
        "teammate": "alice",
        "text": "Ask finance",
        "owner": "me",
        "due": "2026-11-18",
        "opened": "2026-11-13",
        "done": None,
        "note": "",
        "overdue": True,
    }
    assert [i["overdue"] for i in items] == [True, False, False, False]  # theirs is not yours to be late on
    only_bob = json.loads(cli("actions", "bo", "--json").stdout)
    assert [i["id"] for i in only_bob] == [undated, theirs]
    shown = cli("actions").stdout
    assert "Open action items" in shown and "you, late" in shown


def test_an_item_carries_forward_until_done_and_done_twice_says_when(cli: Callable[..., Result], team: Path) -> None:
    item = added_id(cli("action", "add", "alice", "Send the pricing notes", "--date", "2026-11-16"))
    closed = cli("action", "done", item[:4], "--note", "sent on Tuesday", "--date", "2026-11-19")
    assert closed.exit_code == 0, closed.stderr
    assert closed.stdout == f"Closed action item {item} with Alice Martin: done on 2026-11-19.\n"
    assert json.loads(cli("actions", "--json").stdout) == []
    assert cli("actions").stdout == 'No open action items. Add one with `leadshift action add TEAMMATE "TEXT"`.\n'
    every = json.loads(cli("actions", "--all", "--json").stdout)
    assert [(i["id"], i["done"], i["note"]) for i in every] == [(item, "2026-11-19", "sent on Tuesday")]
    before = snapshot(team)
    again = cli("action", "done", item)
    assert (again.exit_code, again.stderr) == (
        1,
        f"Error: action item {item} was already done on 2026-11-19; nothing to change.\n",
    )
    assert snapshot(team) == before


def test_obstacles_oldest_first_with_their_age_and_a_note_to_close(cli: Callable[..., Result], team: Path) -> None:
    assert cli("obstacles").stdout == 'No open obstacles. Add one with `leadshift obstacle add TEAMMATE "TEXT"`.\n'
    new = added_id(cli("obstacle", "add", "alice", "Discounts need two signatures"))
    old = added_id(cli("obstacle", "add", "bob", "The ticket queue hides VIP clients", "--date", "2026-11-03"))
    listed = json.loads(cli("obstacles", "--json").stdout)
    assert [(o["id"], o["age_days"]) for o in listed] == [(old, 17), (new, 0)]
    assert list(listed[0]) == ["id", "teammate", "text", "opened", "done", "age_days", "note"]
    before = snapshot(team)
    for args in (["obstacle", "done", old], ["obstacle", "done", old, "--note", "  "]):
        refused = cli(*args)
        assert refused.exit_code == 2 and refused.stderr.count("\n") == 1, (args, refused.stderr)
        assert "--note" in refused.stderr
    assert snapshot(team) == before
    closed = cli("obstacle", "done", old, "--note", "asked IT for a VIP flag; told Bob", "--date", "2026-11-18")
    assert (
        closed.stdout == f"Closed obstacle {old} raised by Bob Chen on 2026-11-03: done on 2026-11-18, after 15 days.\n"
    )
    done = json.loads(cli("obstacles", "bob", "--all", "--json").stdout)
    assert [(o["done"], o["age_days"], o["note"]) for o in done] == [
        ("2026-11-18", 15, "asked IT for a VIP flag; told Bob")
    ]


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["action", "add", "zed", SECRET], 1, "no teammate 'zed'"),
        (["action", "add", "alice", "   "], 1, "the text is empty"),
        (["action", "add", "alice", "x" * 501], 1, "the text has 501 characters, more than 500"),
        (["action", "add", "alice", SECRET, "--date", "2026-11-21"], 1, "2026-11-21 is in the future"),
        (["action", "add", "alice", SECRET, "--date", "2026-11-31"], 2, "2026-11-31"),
        (["action", "add", "alice", SECRET, "--due", "2026-11-10"], 1, "--due 2026-11-10 is before"),
        (["action", "add", "alice", SECRET, "--owner", "boss"], 2, "--owner"),
        (["action", "done", "ab"], 2, "'ab' is too short"),
        (["action", "done", "abcdef12"], 1, "no action item with id 'abcdef12'"),
        (["obstacle", "add", "alice", ""], 1, "the text is empty"),
        (["obstacle", "done", "abcd", "--note", "x"], 1, "no obstacle with id 'abcd'"),
        (["actions", "zed"], 1, "no teammate 'zed'"),
    ],
)
def test_bad_input_is_one_line_and_changes_nothing(
    cli: Callable[..., Result], team: Path, args: list[str], code: int, message: str
) -> None:
    assert cli("action", "add", "bob", "Book a training").exit_code == 0
    before = snapshot(team)
    result = cli(*args)
    assert result.exit_code == code, result.stderr
    assert result.stderr.startswith("Error: ") and result.stderr.count("\n") == 1, result.stderr
    assert message in result.stderr
    assert SECRET not in result.stderr and "x" * 20 not in result.stderr
    assert snapshot(team) == before


def test_an_item_cannot_be_closed_before_it_was_opened(cli: Callable[..., Result], team: Path) -> None:
    item = added_id(cli("action", "add", "alice", SECRET, "--date", "2026-11-18"))
    before = snapshot(team)
    result = cli("action", "done", item, "--date", "2026-11-17")
    assert (result.exit_code, result.stderr) == (
        1,
        f"Error: --date 2026-11-17 is before action item {item} was opened on 2026-11-18; give a later day.\n",
    )
    assert snapshot(team) == before


def test_an_ambiguous_id_asks_for_more(cli: Callable[..., Result], team: Path) -> None:
    from leadshift.domain.changes import _with
    from leadshift.domain.promises import ActionItem

    with Store(team).change() as draft:
        items = {
            i: ActionItem(teammate="bob", text="t", opened=draft.book.profile.promoted_on)
            for i in ("abcd0001", "abcd0002")
        }
        draft.set_book(_with(draft.book, actions=items))
    result = cli("action", "done", "abcd")
    assert result.stderr == "Error: 'abcd' starts the ids abcd0001 and abcd0002; give more characters.\n"
    assert cli("action", "done", "abcd0002").exit_code == 0


def test_a_teammate_with_items_is_not_removed(cli: Callable[..., Result], team: Path) -> None:
    assert cli("action", "add", "bob", "Book a training").exit_code == 0
    assert cli("obstacle", "add", "bob", SECRET).exit_code == 0
    before = snapshot(team)
    result = cli("teammate", "remove", "bob", "--yes")
    assert result.exit_code == 1
    assert result.stderr == (
        "Error: bob is named in 1 action item and 1 obstacle; removing them would leave those pointing nowhere. "
        "Keep them, or `leadshift teammate leave bob` if they left the team.\n"
    )
    assert snapshot(team) == before


def test_undo_names_each_change_without_its_text(cli: Callable[..., Result], team: Path) -> None:
    item = added_id(cli("action", "add", "alice", SECRET, "--due", "2026-12-10"))
    obstacle = added_id(cli("obstacle", "add", "bob", SECRET))
    assert cli("obstacle", "done", obstacle, "--note", SECRET).exit_code == 0
    history = json.loads(cli("undo", "--list", "--json").stdout)
    assert [(c["command"], c["summary"]) for c in history[:3]] == [
        ("obstacle done", f"closed obstacle {obstacle} raised by bob"),
        ("obstacle add", f"added obstacle {obstacle} raised by bob"),
        ("action add", f"added action item {item} with alice (yours, due 2026-12-10)"),
    ]
    assert cli("undo").exit_code == 0
    assert [o["done"] for o in json.loads(cli("obstacles", "--json").stdout)] == [None]
    assert SECRET not in cli("undo", "--list").stdout


def test_an_item_for_someone_not_yet_on_the_team_is_refused(cli: Callable[..., Result], team: Path) -> None:
    assert cli("teammate", "add", "cara", "--name", "Cara Diaz", "--joined", "2026-11-16").exit_code == 0
    result = cli("action", "add", "cara", SECRET, "--date", "2026-11-13")
    assert result.exit_code == 1
    assert (
        result.stderr
        == "Error: Cara Diaz joined on 2026-11-16; an item opened on 2026-11-13 cannot name them: check --date.\n"
    )


def test_a_held_one_on_one_logs_its_action_items_in_one_save(cli: Callable[..., Result], team: Path) -> None:
    result = cli(
        "log", "one-on-one", "alice", "held", "--date", "2026-11-19",
        "--action", "Send the pricing notes", "--action", "Draft the renewal plan", "--action", "Book a course",
        "--owner", "me", "--owner", "them", "--owner", "me", "--due", "2026-11-26",
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines()[-1] == "Added 3 action items with Alice Martin (`leadshift actions alice`)."
    items = json.loads(cli("actions", "--json").stdout)
    assert [(i["text"], i["owner"], i["due"], i["opened"]) for i in items] == [
        ("Send the pricing notes", "me", "2026-11-26", "2026-11-19"),
        ("Book a course", "me", "2026-11-26", "2026-11-19"),
        ("Draft the renewal plan", "them", "2026-11-26", "2026-11-19"),
    ]
    history = json.loads(cli("undo", "--list", "--json").stdout)
    assert history[0]["command"] == "log one-on-one"
    assert re.fullmatch(
        r"added 1:1 with alice held on 2026-11-19 \(\w{8}\); added action item \w{8} with alice \(yours, due "
        r"2026-11-26\); added action item \w{8} with alice \(theirs, due 2026-11-26\); and 1 more",
        history[0]["summary"],
    ), history[0]["summary"]
    assert cli("undo").exit_code == 0  # one change: the 1:1 and its items go together
    assert json.loads(cli("actions", "--json").stdout) == []
    assert json.loads(cli("show", "--date", "2026-11-19", "--json").stdout) == []


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--action", "a", "--action", "b", "--owner", "me", "--owner", "them", "--owner", "me"], "--owner"),
        (["--action", "a", "--action", "b", "--action", "c", "--due", "2026-11-26", "--due", "2026-11-27"], "--due"),
        (["--owner", "them"], "--owner"),
        (["--due", "2026-11-26"], "--due"),
    ],
)
def test_owners_and_due_days_pair_with_actions_or_apply_to_all(
    cli: Callable[..., Result], team: Path, extra: list[str], message: str
) -> None:
    before = snapshot(team)
    result = cli("log", "one-on-one", "alice", "held", *extra)
    assert result.exit_code == 2 and result.stderr.count("\n") == 1, result.stderr
    assert message in result.stderr
    assert snapshot(team) == before


def test_a_cancelled_one_on_one_has_no_action_items(cli: Callable[..., Result], team: Path) -> None:
    before = snapshot(team)
    result = cli("log", "one-on-one", "alice", "cancelled", "--action", SECRET)
    assert (result.exit_code, result.stderr) == (
        2,
        "Error: --action is for a 1:1 that took place (held or interrupted); a cancelled one agreed nothing. "
        'Add it with `leadshift action add TEAMMATE "TEXT"`.\n',
    )
    assert snapshot(team) == before
    interrupted = cli("log", "one-on-one", "bob", "interrupted", "--because", "acme", "--action", "Call back Bob")
    assert interrupted.exit_code == 0, interrupted.stderr
    assert interrupted.stdout.splitlines()[-1] == "Added 1 action item with Bob Chen (`leadshift actions bob`)."


def test_the_review_counts_what_you_owe_per_teammate(cli: Callable[..., Result], team: Path) -> None:
    assert cli("action", "add", "alice", SECRET, "--due", "2026-11-18", "--date", "2026-11-16").exit_code == 0
    assert cli("action", "add", "bob", "Book a course", "--due", "2026-11-30").exit_code == 0
    assert cli("obstacle", "add", "bob", SECRET, "--date", "2026-11-03").exit_code == 0
    reviewed = json.loads(cli("review", "--json").stdout)
    team_counts = {
        key: (mate["actions_overdue"], mate["obstacles_waiting"])
        for key, mate in reviewed["one_on_ones"]["by_teammate"].items()
    }
    assert team_counts == {"alice": (1, 0), "bob": (0, 1)}
    assert {"actions-overdue", "obstacles-waiting"} <= {f["code"] for f in reviewed["findings"]}
    assert SECRET not in json.dumps(reviewed)  # the review counts items; it never shows their text
