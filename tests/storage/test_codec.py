"""codec: TOML bytes to validated models and back, with errors that name the place, not the text."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from leadshift.domain.book import Book, Client, Profile, Teammate
from leadshift.domain.records import EscalationRecord, HoursRecord, Month, OneOnOneRecord, TradeOffRecord
from leadshift.domain.schema import SCHEMA_VERSION
from leadshift.errors import LedgerFileError
from leadshift.storage import codec

HINT = "Fix it by hand."
SECRET = "SECRET-NOTE-123"


def toml(*lines: str) -> bytes:
    return ("\n".join(lines) + "\n").encode("utf-8")


def decode_error(data: bytes, model: type, label: str = "ledger.toml", context: dict | None = None) -> str:
    with pytest.raises(LedgerFileError) as caught:
        codec.decode(data, model, label, HINT, context)
    assert caught.value.exit_code == 1
    return caught.value.message


BOOK_LINES = [
    "schema_version = 1",  # 1
    "",  # 2
    "[profile]",  # 3
    'name = "Sam Lee"',  # 4
    "",  # 5
    "[teammates.alice]",  # 6
    'name = "Alice Martin"',  # 7
    'role = "Account lead"',  # 8
    "",  # 9
    "[clients.acme]",  # 10
    'name = "Acme Ltd"',  # 11
    "weight = 4",  # 12
    'owner = "alice"',  # 13
]


def book_with(line_number: int, text: str) -> bytes:
    lines = list(BOOK_LINES)
    lines[line_number - 1] = text
    return toml(*lines)


def test_the_sample_book_is_valid() -> None:
    book = codec.decode(toml(*BOOK_LINES), Book, "ledger.toml", HINT)
    assert book.clients["acme"].owner == "alice"
    assert book.teammates["alice"].role == "Account lead"


# -- broken TOML -----------------------------------------------------------------


def test_broken_toml_names_line_and_column_but_not_the_text() -> None:
    message = decode_error(book_with(8, f"role = {SECRET}"), Book)
    # 'role = ' is 7 characters: the bad value starts in column 8 of line 8.
    assert message == f"ledger.toml, line 8, column 8: invalid value. {HINT}"
    assert SECRET not in message


def test_unterminated_string_names_the_end_of_its_line() -> None:
    data = toml(
        "schema_version = 1",
        "",
        "[[hours]]",
        'id = "aaaaaaa1"',
        "date = 2026-11-02",
        f'note = "{SECRET}',
        "hours = 1.0",
        'client = "acme"',
    )
    message = decode_error(data, Month, "log/2026-11.toml")
    # 'note = "' is 8 characters and the secret 15: the newline is column 24.
    assert message == f"log/2026-11.toml, line 6, column 24: illegal character '\\n'. {HINT}"
    assert SECRET not in message


def test_error_at_the_end_of_the_file_does_not_dump_the_text() -> None:
    message = decode_error(book_with(13, f'owner = """{SECRET}'), Book)
    assert message.startswith("ledger.toml, end of file: unterminated string")
    assert SECRET not in message


def test_error_at_the_end_of_the_file_says_where_once() -> None:
    message = decode_error(book_with(13, f'owner = """{SECRET}'), Book)
    assert message == f"ledger.toml, end of file: unterminated string. {HINT}"


def test_duplicate_table_names_the_line() -> None:
    data = toml(*BOOK_LINES, "", "[teammates.alice]", 'name = "Again"')
    message = decode_error(data, Book)
    # tomllib points at the closing bracket of the second header (17 characters).
    assert message == f"ledger.toml, line 15, column 17: cannot declare ('teammates', 'alice') twice. {HINT}"
    assert "Again" not in message


# -- schema errors ------------------------------------------------------------------


def test_weight_out_of_range_names_its_line() -> None:
    message = decode_error(book_with(12, "weight = 9"), Book)
    assert message == f"ledger.toml, line 12 (clients.acme.weight): input should be less than or equal to 5. {HINT}"


def test_several_problems_name_the_first_and_count_the_rest() -> None:
    data = toml(*BOOK_LINES[:11], "weight = 9", "weekly_hours = -1")
    message = decode_error(data, Book)
    assert message == (
        f"ledger.toml, line 12 (clients.acme.weight): input should be less than or equal to 5 (and 1 more). {HINT}"
    )


def test_unknown_key_names_its_line_and_not_its_value() -> None:
    message = decode_error(book_with(8, f'colour = "{SECRET}"'), Book)
    assert message == f"ledger.toml, line 8 (teammates.alice.colour): unknown key (a typo?). {HINT}"
    assert SECRET not in message


def test_missing_required_key_points_at_its_table() -> None:
    message = decode_error(book_with(4, 'title = "x"'), Book)
    # The first problem is the missing name: it has no line, so the table header is named.
    assert message == f"ledger.toml, line 3 (profile.name): required key is missing (and 1 more). {HINT}"
    message = decode_error(book_with(4, ""), Book)
    assert message == f"ledger.toml, line 3 (profile.name): required key is missing. {HINT}"


def test_bad_key_in_a_table_header() -> None:
    message = decode_error(book_with(6, '[teammates."Alice M"]'), Book)
    assert message == (
        "ledger.toml, line 6 (teammates.Alice M): keys are lowercase letters, digits, '-' or '_', "
        f"at most 32, starting with a letter or digit. {HINT}"
    )


def test_owner_who_is_not_a_teammate() -> None:
    message = decode_error(book_with(13, 'owner = "zed"'), Book)
    assert message == f"ledger.toml, line 13: client 'acme' is owned by 'zed', who is not a teammate. {HINT}"


MONTH_LINES = [
    "schema_version = 1",  # 1
    "",  # 2
    "[[hours]]",  # 3
    'id = "aaaaaaa1"',  # 4
    "date = 2026-11-02",  # 5
    "hours = 1.0",  # 6
    'client = "acme"',  # 7
    "",  # 8
    "[[hours]]",  # 9
    'id = "aaaaaaa2"',  # 10
    "date = 2026-11-03",  # 11
    "hours = 2.0",  # 12
    'client = "acme"',  # 13
    "",  # 14
    "[[hours]]",  # 15
    'id = "aaaaaaa3"',  # 16
    "date = 2026-11-04",  # 17
    "hours = 3.0",  # 18
    'activity = "coaching"',  # 19
    'teammate = "alice"',  # 20
    f'note = "{SECRET}"',  # 21
]


def month_with(line_number: int, text: str) -> bytes:
    lines = list(MONTH_LINES)
    lines[line_number - 1] = text
    return toml(*lines)


def test_negative_hours_in_the_third_record_names_its_line() -> None:
    message = decode_error(month_with(18, "hours = -1"), Month, "log/2026-11.toml")
    assert message == f"log/2026-11.toml, line 18 (hours[3].hours): input should be greater than 0. {HINT}"
    assert SECRET not in message


def test_bad_status_in_the_second_one_on_one() -> None:
    data = toml(
        "schema_version = 1",
        "",
        "[[one_on_one]]",
        'id = "bbbbbbb1"',
        "date = 2026-11-02",
        'teammate = "alice"',
        'status = "held"',
        "",
        "[[one_on_one]]",
        'id = "bbbbbbb2"',
        "date = 2026-11-09",
        'teammate = "alice"',
        'status = "skipped"',
    )
    message = decode_error(data, Month, "log/2026-11.toml")
    assert message == (
        f"log/2026-11.toml, line 13 (one_on_one[2].status): input should be 'held', 'cancelled' or 'interrupted'. {HINT}"
    )


def test_record_outside_its_month_names_the_record_line() -> None:
    message = decode_error(month_with(17, "date = 2026-12-04"), Month, "log/2026-11.toml", {"month": "2026-11"})
    assert message == f"log/2026-11.toml, line 16: record aaaaaaa3 is dated 2026-12-04, outside 2026-11. {HINT}"


def test_record_naming_an_unknown_teammate() -> None:
    book = Book(profile=Profile(name="Sam"), clients={"acme": Client(name="Acme")})
    message = decode_error(toml(*MONTH_LINES), Month, "log/2026-11.toml", {"month": "2026-11", "book": book})
    assert message == (
        f"log/2026-11.toml, line 16: record aaaaaaa3 names teammate 'alice', which is not in ledger.toml. {HINT}"
    )


def test_duplicate_record_id() -> None:
    message = decode_error(month_with(16, 'id = "aaaaaaa1"'), Month, "log/2026-11.toml")
    assert (
        message
        == f"log/2026-11.toml, line 16: record aaaaaaa1 appears twice; give one of them another id (8 hex digits). {HINT}"
    )


# -- not UTF-8 ------------------------------------------------------------------------


def test_non_utf8_bytes_name_their_line() -> None:
    data = toml(*BOOK_LINES[:7]) + b'role = "caf\xe9 ' + SECRET.encode() + b'"\n'
    message = decode_error(data, Book)
    assert message == f"ledger.toml, line 8: the file is not UTF-8 text. {HINT}"
    assert SECRET not in message


def test_utf16_file_is_not_utf8_on_line_1() -> None:
    message = decode_error("schema_version = 1\n".encode("utf-16"), Book)
    assert message == f"ledger.toml, line 1: the file is not UTF-8 text. {HINT}"


# -- encode ---------------------------------------------------------------------------


def test_encode_writes_what_a_person_would() -> None:
    month = Month(
        hours=[
            HoursRecord(
                id="aaaaaaa1", date=date(2026, 11, 2), hours=1.5, client="acme", added=datetime(2026, 11, 20, 18, 0)
            )
        ],
        escalation=[
            EscalationRecord(
                id="bbbbbbb2", date=date(2026, 11, 3), teammate="alice", asked_first=True, note="Asked first"
            )
        ],
    )
    assert codec.encode(month).decode() == (
        f"schema_version = {SCHEMA_VERSION}\n"
        "\n"
        "[[hours]]\n"
        'id = "aaaaaaa1"\n'
        "date = 2026-11-02\n"
        "hours = 1.5\n"
        'client = "acme"\n'
        "added = 2026-11-20 18:00:00\n"
        "\n"
        "[[escalation]]\n"
        'id = "bbbbbbb2"\n'
        "date = 2026-11-03\n"
        'teammate = "alice"\n'
        "asked_first = true\n"
        'note = "Asked first"\n'
    )


def full_book() -> Book:
    return Book(
        profile=Profile(
            name="Sam [bold]Lee[/] \x1b[31m é 日本",
            promoted_on=date(2026, 10, 5),
            workday_hours=9.5,
            client_share_limit=0.35,
            week_starts="sunday",
        ),
        teammates={
            "alice": Teammate(
                name='Alice "Al" O\'Neil', role="Lead\nsecond line", skills=["negotiation"], growing=["pricing"]
            ),
            "bob-2": Teammate(name="Bob\t\x00\u202e", capacity_hours=0.0, one_on_one_every=365),
        },
        clients={
            "acme": Client(
                name="Acme", owner="alice", needs=["analytics"], weight=5, weekly_hours=7.25, backed_by=["bob-2"]
            ),
            "initech": Client(name="Initech", weight=1, weekly_hours=0.0),
        },
    )


def full_month() -> Month:
    day = date(2026, 11, 18)
    added = datetime(2026, 11, 18, 19, 30, 5, 123456)
    return Month(
        hours=[
            HoursRecord(id="00000001", date=day, hours=2.5, client="acme", note="[red]hot[/red]", added=added),
            HoursRecord(id="00000002", date=day, hours=0.25, activity="coaching", teammate="alice"),
        ],
        one_on_one=[
            OneOnOneRecord(
                id="00000003", date=day, teammate="alice", status="interrupted", because="acme", note="\r\n"
            ),
            OneOnOneRecord(id="00000004", date=date(2026, 11, 30), teammate="bob-2", status="held"),
        ],
        trade_off=[
            TradeOffRecord(
                id="00000005",
                date=day,
                client="initech",
                request="Rush deck",
                urgent=True,
                said_no="one-on-one",
                teammate="bob-2",
            )
        ],
        escalation=[EscalationRecord(id="00000006", date=day, teammate="bob-2", asked_first=False, added=added)],
    )


def test_book_round_trip() -> None:
    book = full_book()
    assert codec.decode(codec.encode(book), Book, "ledger.toml", HINT) == book


def test_month_round_trip() -> None:
    month = full_month()
    context = {"month": "2026-11", "book": full_book()}
    assert codec.decode(codec.encode(month), Month, "log/2026-11.toml", HINT, context) == month


def test_encoded_text_has_no_raw_control_characters() -> None:
    text = codec.encode(full_book()).decode()
    assert "\x1b" not in text and "\x00" not in text and "\r" not in text and "\nsecond" not in text
    assert "\\u001b[31m" in text and "\\u0000" in text and "Lead\\nsecond line" in text
