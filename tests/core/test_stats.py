"""Statistics numbers: each plot's data for the whole collection and for one deck."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest

from app.core.errors import CollectionError
from app.core.stats import (
    CALENDAR_DAYS,
    FORECAST_DAYS,
    HISTORY_DAYS,
    collection_statistics,
    format_statistics,
)
from tests.core.sample_collection import NOW, make_sample, open_empty

TODAY = date(2026, 11, 27)


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    collection, ids = make_sample(tmp_path_factory.mktemp("stats"))
    yield collection, ids
    collection.close()


@pytest.fixture(scope="module")
def stats(sample):
    return collection_statistics(sample[0], now=NOW)


def test_calendar_covers_the_past_year_with_each_days_reviews(stats):
    assert len(stats.calendar) == CALENDAR_DAYS
    assert stats.calendar[-1][0] == TODAY
    assert stats.calendar[0][0] == TODAY - timedelta(days=CALENDAR_DAYS - 1)
    by_day = dict(stats.calendar)
    assert by_day[TODAY] == 1
    assert by_day[date(2026, 11, 26)] == 1
    assert by_day[date(2026, 11, 25)] == 1
    assert by_day[date(2026, 10, 18)] == 1
    assert sum(by_day.values()) == 6


def test_forecast_counts_overdue_cards_today_and_skips_suspended(stats):
    assert len(stats.forecast) == FORECAST_DAYS
    forecast = dict(stats.forecast)
    # bridge (due 11-10) and percent (due 11-26, buried) are overdue; volume is due tomorrow.
    assert forecast[TODAY] == 2
    assert forecast[TODAY + timedelta(days=1)] == 1
    assert sum(forecast.values()) == 3


def test_reviews_per_day_are_split_by_kind(stats):
    assert len(stats.reviews_per_day) == HISTORY_DAYS
    days = dict(stats.reviews_per_day)
    assert days[TODAY] == {"new": 0, "repeat": 0, "review": 1}
    assert days[date(2026, 11, 26)] == {"new": 1, "repeat": 0, "review": 0}
    assert days[TODAY - timedelta(days=HISTORY_DAYS - 1)] == {"new": 0, "repeat": 0, "review": 0}


def test_retention_by_interval_bucket_counts_passing_review_answers(stats):
    retention = {label: (reviews, passed) for label, reviews, passed in stats.retention}
    # Reviews at interval 1: bridge passed (4), volume failed (1); at interval 6: bridge passed.
    assert retention["1d"] == (2, 1)
    assert retention["4-7d"] == (1, 1)
    assert sum(reviews for reviews, _ in retention.values()) == 3
    as_json = stats.to_dict()["retention"]
    assert as_json[0] == {"interval": "1d", "reviews": 2, "passed": 1, "retention": 0.5}
    assert as_json[1]["retention"] is None  # no reviews: no share, rather than a fake 0%


def test_grade_distribution_by_kind(stats):
    grades = dict(stats.grades)
    assert set(grades) == {0, 1, 2, 3, 4, 5}
    assert grades[5] == {"new": 1, "repeat": 0, "review": 0}
    assert grades[4] == {"new": 1, "repeat": 0, "review": 2}
    assert grades[1] == {"new": 0, "repeat": 0, "review": 1}
    assert grades[3] == {"new": 1, "repeat": 0, "review": 0}


def test_cards_by_state_and_interval(stats):
    assert stats.states == {"new": 2, "learning": 1, "review": 1, "buried": 1, "suspended": 1}
    intervals = dict(stats.intervals)
    assert intervals["1d"] == 2  # volume and percent
    assert intervals["15-30d"] == 1  # bridge, 16 days
    assert sum(intervals.values()) == 3


def test_summary(stats):
    summary = stats.summary
    assert summary.cards == 6
    assert summary.studied == 3
    assert summary.due_today == 2  # bridge overdue and volume's repeat; percent is buried
    assert summary.reviews_today == 1
    assert summary.streak_days == 3
    assert summary.retention_last_30_days == 0.0  # the one review answer this month failed
    assert summary.reviews_last_30_days == 3


def test_a_deck_includes_its_sub_decks_only(sample):
    collection, _ = sample
    docker = collection_statistics(collection, deck="docker", now=NOW)
    assert docker.summary.cards == 3
    assert docker.states == {"new": 1, "learning": 1, "review": 1, "buried": 0, "suspended": 0}
    assert sum(n for _, n in docker.calendar) == 5
    network = collection_statistics(collection, deck="Docker::网络", now=NOW)
    assert network.summary.cards == 1
    assert sum(n for _, n in network.calendar) == 3


def test_an_unknown_deck_is_a_clear_error(sample):
    with pytest.raises(CollectionError, match=r"no deck named 'Nope'.*Docker::网络"):
        collection_statistics(sample[0], deck="Nope", now=NOW)


def test_json_shape_is_plain_and_complete(stats):
    data = json.loads(json.dumps(stats.to_dict(), ensure_ascii=False))
    assert set(data) == {
        "deck",
        "today",
        "summary",
        "calendar",
        "forecast",
        "reviews_per_day",
        "retention",
        "grades",
        "states",
        "intervals",
    }
    assert data["today"] == "2026-11-27"
    assert data["forecast"][0] == {"day": "2026-11-27", "due": 2}
    assert data["grades"][4] == {"quality": 4, "new": 1, "repeat": 0, "review": 2, "total": 3}


def test_an_empty_collection_has_zeros_not_errors(tmp_path):
    with open_empty(tmp_path) as collection:
        stats = collection_statistics(collection, now=NOW)
    assert stats.summary.cards == 0
    assert stats.summary.retention_last_30_days is None
    assert stats.summary.average_ease is None
    assert all(n == 0 for _, n in stats.calendar)
    assert "Cards: 0" in format_statistics(stats)


def test_text_report_shows_the_headline_numbers(stats):
    text = format_statistics(stats)
    assert "Statistics for the whole collection, day 2026-11-27" in text
    assert "Due today: 2" in text
    assert "Streak: 3 days" in text
