"""Interval labels on the grade buttons, in English and Chinese."""

from __future__ import annotations

import pytest

from app.gui.application import install_language
from app.gui.formatting import format_duration
from app.gui.review_widget import format_interval


@pytest.mark.parametrize(
    ("days", "label"),
    [
        (1, "1d"),
        (6, "6d"),
        (17, "17d"),
        (29, "29d"),
        (30, "1mo"),
        (48, "1.6mo"),
        (365, "1y"),
        (420, "1.2y"),
    ],
)
def test_interval_labels(qapp, days, label):
    assert format_interval(days) == label


def test_interval_labels_in_chinese(qapp):
    install_language(qapp, "zh_CN")
    try:
        assert [format_interval(d) for d in (6, 48, 420)] == ["6天", "1.6个月", "1.2年"]
    finally:
        install_language(qapp, "en")


def test_durations():
    assert [format_duration(s) for s in (0, 9, 75, 3600 + 62)] == [
        "0:00",
        "0:09",
        "1:15",
        "1:01:02",
    ]
