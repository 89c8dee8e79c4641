"""The review cycle's date arithmetic: a period added to a date never crashes."""

from __future__ import annotations

from datetime import date

import pytest

from declic.catalog.review_dates import add_period


@pytest.mark.parametrize("period", ["1 an", "999 ans", "12 mois", "999 jours", "999 semaines"])
def test_a_period_past_the_last_date_python_knows_is_never_due(period):
    assert add_period(date(9999, 12, 31), period) == date.max


def test_a_period_is_added_as_a_calendar_does():
    assert add_period(date(2024, 8, 31), "6 mois") == date(2025, 2, 28)
    assert add_period(date(2024, 2, 29), "1 an") == date(2025, 2, 28)
    assert add_period(date(2024, 1, 1), "2 semaines") == date(2024, 1, 15)
