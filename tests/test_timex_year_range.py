"""Relative dates shifted outside the years 1-9999 stay unanchored instead of becoming year 0000."""

from __future__ import annotations

from datetime import date

from extract.sentences import split_sentences
from extract.timex import find_dates, is_valid_value


def _values(text: str, published: date) -> dict[str, tuple[str, bool]]:
    return {d.text: (d.value, d.anchored) for d in find_dates(text, split_sentences(text), published)}


def test_last_year_in_year_one_is_unanchored() -> None:
    found = _values("Last year the harbour closed. Two years ago it was new.", date(1, 1, 1))
    assert found["Last year"] == ("XXXX", False)
    assert found["Two years ago"] == ("XXXX", False)
    assert all(is_valid_value(value) for value, _ in found.values())


def test_years_inside_the_calendar_are_unchanged() -> None:
    assert _values("Last year the harbour closed.", date(2, 6, 1))["Last year"] == ("0001", True)
    assert _values("Last year the harbour closed.", date(9999, 12, 31))["Last year"] == ("9998", True)
