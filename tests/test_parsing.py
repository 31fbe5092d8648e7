"""parsing: hours, tags and shares as a person types them."""

from __future__ import annotations

import pytest

from leadshift.errors import InvalidValue, UsageError
from leadshift.parsing import parse_choice, parse_hours, parse_share, parse_tags
from leadshift.terms import ACTIVITIES

NOT_HOURS = "is not a number of hours: write 1.5, 1h30 or 90m."


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1.5", 1.5),
        ("1,5", 1.5),
        ("1h30", 1.5),
        ("1h30m", 1.5),
        ("1h 30min", 1.5),
        ("2h", 2.0),
        ("2.25h", 2.25),
        ("90m", 1.5),
        ("45min", 0.75),
        ("1:30", 1.5),
        ("0:15", 0.25),
        (".5", 0.5),
        ("  3 ", 3.0),
        ("24", 24.0),
        ("24:00", 24.0),
        ("1H30", 1.5),
        ("1h20", 1.3333),  # 1 + 20/60, rounded to 4 places
    ],
)
def test_parse_hours_accepts(text: str, expected: float) -> None:
    assert parse_hours(text) == expected


@pytest.mark.parametrize("text", ["abc", "nan", "inf", "-inf", "", "   ", "1e1", "h", "1:75", "1,000,5", "one"])
def test_parse_hours_rejects_what_is_not_a_number(text: str) -> None:
    with pytest.raises(UsageError) as caught:
        parse_hours(text)
    assert caught.value.message == f"'{text}' {NOT_HOURS}"


@pytest.mark.parametrize("text", ["0", "-1", "0:00", "0h", "-0.5", "0m"])
def test_parse_hours_rejects_zero_and_negative(text: str) -> None:
    with pytest.raises(InvalidValue) as caught:
        parse_hours(text)
    assert caught.value.message == (
        f"hours must be more than 0, got '{text}'; to correct a record, `leadshift remove` it."
    )


@pytest.mark.parametrize(("text", "shown"), [("25", "25"), ("24:30", "24.5"), ("1500m", "25"), ("24.5h", "24.5")])
def test_parse_hours_rejects_more_than_a_day(text: str, shown: str) -> None:
    with pytest.raises(InvalidValue) as caught:
        parse_hours(text)
    assert caught.value.message == f"{shown} hours is more than a day holds; log at most 24 hours at a time."


def test_parse_hours_never_returns_zero() -> None:
    with pytest.raises(InvalidValue):
        parse_hours("0.00001")


def test_parse_tags() -> None:
    assert parse_tags("negotiation, Analytics,,pricing") == ["negotiation", "analytics", "pricing"]
    assert parse_tags("b,a,B, a ") == ["b", "a"]  # first occurrence keeps its place
    assert parse_tags("") == []
    assert parse_tags(" , ,") == []
    assert parse_tags("Data Science") == ["data science"]


@pytest.mark.parametrize(
    ("text", "expected"), [("0.4", 0.4), ("40%", 0.4), ("1", 1.0), ("100%", 1.0), (" 25% ", 0.25), ("0.05", 0.05)]
)
def test_parse_share_accepts(text: str, expected: float) -> None:
    assert parse_share(text) == pytest.approx(expected, abs=1e-12)


@pytest.mark.parametrize("text", ["0", "0%", "150%", "1.5", "-0.1", "nan", "inf"])
def test_parse_share_rejects_out_of_range(text: str) -> None:
    with pytest.raises(InvalidValue) as caught:
        parse_share(text)
    assert caught.value.message == f"'{text}' is not a share between 0 and 1 (or 0% and 100%)."


@pytest.mark.parametrize("text", ["abc", "", "%", "forty%"])
def test_parse_share_rejects_what_is_not_a_number(text: str) -> None:
    with pytest.raises(UsageError) as caught:
        parse_share(text)
    assert caught.value.message == f"'{text}' is not a share: write 0.4 or 40%."


def test_minutes_past_59_after_hours_are_a_typo() -> None:
    with pytest.raises(UsageError):
        parse_hours("1h90")
    assert parse_hours("90m") == 1.5


@pytest.mark.parametrize(
    ("text", "expected"), [("coaching", "coaching"), ("COACH", "coaching"), ("h", "hiring"), (" team ", "team")]
)
def test_parse_choice_accepts_words_and_unambiguous_prefixes(text: str, expected: str) -> None:
    assert parse_choice("leadership activity", text, ACTIVITIES) == expected


def test_parse_choice_suggests_the_closest() -> None:
    with pytest.raises(UsageError) as caught:
        parse_choice("leadership activity", "stratgy", ACTIVITIES)
    assert caught.value.message == (
        "'stratgy' is not a leadership activity. Did you mean 'strategy'? "
        "Choose one of: one-on-one, coaching, team, hiring, strategy, learning, admin."
    )
    with pytest.raises(UsageError):
        parse_choice("1:1 status", "", ("held", "cancelled", "interrupted"))


def test_a_share_written_as_a_percentage_without_the_sign_gets_a_hint() -> None:
    with pytest.raises(InvalidValue) as caught:
        parse_share("40")
    assert caught.value.message == "'40' is not a share between 0 and 1: for 40% write 40% or 0.4."


def test_parse_choice_names_the_words_an_ambiguous_prefix_could_be() -> None:
    from leadshift.terms import NO_KINDS

    with pytest.raises(UsageError, match="'o' could be one-on-one or other; type a few more letters"):
        parse_choice("kind of no", "o", NO_KINDS)
