"""One way to show a figure: hours and shares as the reports write them, and verdicts judged on what is written."""

from __future__ import annotations

import pytest

from leadshift.domain.wording import hours_text, over_limit, percent_text, shown_hours, shown_percent


@pytest.mark.parametrize(
    ("hours", "text"),
    [
        (0, "0"),
        (0.0, "0"),
        (0.001, "0"),  # never "0.0"
        (2, "2"),
        (2.5, "2.5"),
        (0.25, "0.25"),  # a quarter hour, as logged
        (0.75, "0.75"),  # 45 minutes
        (1.3333, "1.33"),  # 1h20
        (6.375, "6.38"),  # halves round up, not to even
        (0.125, "0.13"),
        (1.005, "1.01"),  # as written, although the float is 1.00499...
        (8.75, "8.75"),
        (12345.678, "12345.68"),  # no loss of decimals to significant digits
        (-1.5, "-1.5"),
    ],
)
def test_hours_text_has_at_most_two_decimals_and_no_trailing_zeros(hours: float, text: str) -> None:
    assert hours_text(hours) == text
    assert hours_text(hours) == hours_text(shown_hours(hours))  # the text is the shown figure, written


@pytest.mark.parametrize(
    ("share", "percent"),
    [
        (0.548, 55),
        (0.553, 55),
        (0.545, 55),
        (0.5449, 54),
        (0.565, 57),
        (0.4, 40),
        (0.404, 40),
        (0.005, 1),
        (0, 0),
        (1, 100),
    ],
)
def test_shares_are_shown_in_whole_percent_halves_up(share: float, percent: int) -> None:
    assert shown_percent(share) == percent
    assert percent_text(share) == f"{percent}%"


@pytest.mark.parametrize(
    ("share", "limit", "over"),
    [
        (0.404, 0.4, False),  # 40% against 40%: within
        (0.405, 0.4, True),  # 41% against 40%
        (0.9, 0.4, True),
        (0.4, 0.4, False),
        (0.357, 0.355, False),  # 36% against 36%: a limit is judged as shown too
    ],
)
def test_over_the_limit_is_judged_on_the_shares_as_shown(share: float, limit: float, over: bool) -> None:
    assert over_limit(share, limit) is over
