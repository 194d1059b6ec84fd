"""The statistics window: every plot draws the numbers `app.core.stats` computed."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QImage, QPalette

from app.core.stats import collection_statistics
from app.gui.plots import BarChart, CalendarHeatmap, Series, nice_step
from app.gui.stats_window import StatsWindow
from app.gui.theme import apply_theme
from tests.core.sample_collection import NOW, make_sample


@pytest.fixture
def sample(tmp_path):
    collection, ids = make_sample(tmp_path)
    yield collection, ids
    collection.close()


@pytest.fixture
def window(qtbot, sample):
    collection, _ = sample
    stats_window = StatsWindow(collection, now=NOW)
    qtbot.addWidget(stats_window)
    stats_window.resize(1000, 1100)
    qtbot.waitSignal(stats_window.updated, timeout=10_000).wait()
    return stats_window


def values(chart: BarChart) -> list[list[float]]:
    return [list(series.values) for series in chart.series]


def test_each_plot_shows_the_statistics_numbers(window, sample):
    expected = collection_statistics(sample[0], now=NOW)
    assert window.calendar_plot.days == expected.calendar
    assert values(window.forecast_plot) == [[n for _, n in expected.forecast]]
    assert window.forecast_plot.categories[0] == "11/27"
    assert values(window.reviews_plot) == [
        [kinds[kind] for _, kinds in expected.reviews_per_day]
        for kind in ("new", "repeat", "review")
    ]
    assert [s.name for s in window.reviews_plot.series] == ["New", "Repeat", "Review"]
    assert values(window.retention_plot)[0][:3] == [50.0, 0.0, 100.0]
    assert window.retention_plot.tooltip_text(0) == "1 d: 1 of 2 reviews passed"
    assert window.grades_plot.totals() == [0, 1, 0, 1, 3, 1]
    assert window.states_plot.categories == ["New", "Learning", "Review", "Buried", "Suspended"]
    assert window.states_plot.totals() == [2, 1, 1, 1, 1]
    assert window.intervals_plot.categories[4] == "15–30 d"
    assert sum(window.intervals_plot.totals()) == 3


def test_headline_numbers(window):
    labels = {key: value.text() for key, (value, _) in window.summary_labels.items()}
    assert labels == {
        "cards": "6",
        "due": "2",
        "today": "1 (0 min)",
        "streak": "3",
        "retention": "0%",
        "ease": "2.31",
    }


def test_choosing_a_deck_recomputes_everything(qtbot, window):
    with qtbot.waitSignal(window.updated, timeout=10_000):
        window.select_deck("Docker::网络")
    assert window.statistics.deck == "Docker::网络"
    assert window.summary_labels["cards"][0].text() == "1"
    assert sum(n for _, n in window.calendar_plot.days) == 3
    with qtbot.waitSignal(window.updated, timeout=10_000):
        window.select_deck(None)
    assert window.summary_labels["cards"][0].text() == "6"


def test_calendar_tooltip_names_the_day_and_count(window):
    window.show()
    image = QImage(window.calendar_plot.size(), QImage.Format.Format_ARGB32)
    window.calendar_plot.render(image)
    last = window.calendar_plot._cells[-1][0]
    found = window.calendar_plot.day_at(last.center().x(), last.center().y())
    assert found is not None and found[0].isoformat() == "2026-11-27"
    assert window.calendar_plot.describe(*found) == "Reviews on 2026-11-27: 1"


def test_heatmap_colours_step_up_with_more_reviews(qtbot):
    heatmap = CalendarHeatmap()
    qtbot.addWidget(heatmap)
    heatmap.set_days([(NOW.date(), n) for n in (0, 1, 5, 9, 20)])
    shades = [heatmap.colour_for(n).lightness() for n in (1, 5, 9, 20)]
    assert shades == sorted(shades, reverse=True)  # darker green for busier days
    assert heatmap.colour_for(0).alpha() < 255


@pytest.mark.parametrize("dark", [False, True])
def test_plots_draw_text_in_the_themes_text_colour(qtbot, qapp, dark):
    apply_theme(qapp, dark)
    try:
        chart = BarChart()
        qtbot.addWidget(chart)
        chart.resize(400, 240)
        chart.set_data(["a", "b"], [Series("x", "#3fa85a", (3.0, 7.0))], y_title="Cards")
        image = QImage(chart.size(), QImage.Format.Format_ARGB32)
        image.fill(chart.palette().color(QPalette.ColorRole.Window))
        chart.render(image)
        text = chart.palette().color(QPalette.ColorRole.WindowText)
        pixels = {image.pixelColor(x, y).rgb() for x in range(0, 400, 2) for y in range(0, 240, 2)}
        assert text.rgb() in pixels  # labels are drawn, and in a readable colour
        assert chart.category_at(chart._slots[1].center().x()) == 1
        assert chart.tooltip_text(1) == "b\nx: 7"
    finally:
        apply_theme(qapp, False)


def test_empty_collection_shows_messages_not_blank_axes(qtbot, tmp_path):
    from tests.core.sample_collection import open_empty

    with open_empty(tmp_path) as collection:
        window = StatsWindow(collection, now=NOW)
        qtbot.addWidget(window)
        qtbot.waitSignal(window.updated, timeout=10_000).wait()
        assert window.reviews_plot.empty_text == "No reviews in the past 30 days"
        assert window.reviews_plot.totals() == [0] * 30
        window.show()
        window.grab()  # paints every plot with no data without failing


def test_nice_steps():
    assert [nice_step(v) for v in (0, 1, 4, 9, 47, 100, 1234)] == [1, 1, 1, 2, 10, 20, 500]
