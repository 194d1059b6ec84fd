"""The statistics window (Tools › Statistics): headline numbers and six plots for a deck or all.

The numbers come from `app.core.stats` (the same ones `deckard stats --json` prints); this
window only chooses the deck, formats and draws. Changing the deck recomputes everything.
On a large collection that takes a second, so it runs in a worker thread on its own read-only
connection to the collection file (the window stays responsive and the review screen keeps
the main connection); `updated` is emitted once the plots show the new numbers.
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, date, datetime
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.core.stats import Statistics, compute_statistics
from app.gui.plots import (
    FAIL_COLOUR,
    NEUTRAL_COLOUR,
    NEW_COLOUR,
    REPEAT_COLOUR,
    REVIEW_COLOUR,
    BarChart,
    CalendarHeatmap,
    Series,
)
from app.gui.workers import BackgroundTask


def _statistics_from_file(
    path: Path, *, now: datetime, deck: str | None, day_start_hour: int, tz
) -> Statistics:
    """Statistics read through a fresh read-only connection (safe in a worker thread)."""
    conn = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True)
    try:
        return compute_statistics(conn, now=now, deck=deck, day_start_hour=day_start_hour, tz=tz)
    finally:
        conn.close()


class StatsWindow(QWidget):
    """Statistics for the whole collection or one deck (with its sub-decks)."""

    updated = Signal()

    def __init__(self, collection, parent: QWidget | None = None, *, now: datetime | None = None):
        super().__init__(parent, Qt.WindowType.Window)
        self.collection = collection
        self._now = now
        self.statistics: Statistics | None = None
        self._tasks: list[BackgroundTask] = []
        self._generation = 0
        self.resize(1000, 860)

        self.deck_box = QComboBox()
        self.deck_box.setMinimumWidth(220)
        self.refresh_button = QPushButton()
        self.deck_label = QLabel()
        self.status_label = QLabel()
        top = QHBoxLayout()
        top.addWidget(self.deck_label)
        top.addWidget(self.deck_box)
        top.addWidget(self.status_label, 1)
        top.addWidget(self.refresh_button)

        self.summary_labels: dict[str, tuple[QLabel, QLabel]] = {}
        summary = QHBoxLayout()
        for key in ("cards", "due", "today", "streak", "retention", "ease"):
            value, caption = QLabel(), QLabel()
            value.setAlignment(Qt.AlignmentFlag.AlignCenter)
            caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
            font = value.font()
            font.setPointSizeF(font.pointSizeF() * 1.6)
            font.setBold(True)
            value.setFont(font)
            cell = QVBoxLayout()
            cell.addWidget(value)
            cell.addWidget(caption)
            summary.addLayout(cell)
            self.summary_labels[key] = (value, caption)

        self.calendar_plot = CalendarHeatmap()
        self.forecast_plot = BarChart()
        self.reviews_plot = BarChart()
        self.retention_plot = BarChart()
        self.grades_plot = BarChart()
        self.states_plot = BarChart()
        self.intervals_plot = BarChart()
        self.boxes: dict[str, QGroupBox] = {}
        grid = QGridLayout()
        grid.setSpacing(12)
        placements = [
            ("calendar", self.calendar_plot, 0, 0, 2),
            ("forecast", self.forecast_plot, 1, 0, 1),
            ("reviews", self.reviews_plot, 1, 1, 1),
            ("retention", self.retention_plot, 2, 0, 1),
            ("grades", self.grades_plot, 2, 1, 1),
            ("states", self.states_plot, 3, 0, 1),
            ("intervals", self.intervals_plot, 3, 1, 1),
        ]
        for key, plot, row, column, span in placements:
            box = QGroupBox()
            inner = QVBoxLayout(box)
            inner.addWidget(plot)
            grid.addWidget(box, row, column, 1, span)
            self.boxes[key] = box

        content = QWidget()
        content_layout = QVBoxLayout(content)
        content_layout.addLayout(summary)
        content_layout.addLayout(grid)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(scroll)

        self._fill_decks()
        self.deck_box.currentIndexChanged.connect(self.refresh)
        self.refresh_button.clicked.connect(self.refresh)
        self.retranslate()
        self.refresh()

    def now(self) -> datetime:
        return self._now or datetime.now(UTC)

    def _fill_decks(self) -> None:
        self.deck_box.blockSignals(True)
        self.deck_box.clear()
        self.deck_box.addItem("", None)
        for name in self.collection.deck_names():
            self.deck_box.addItem(name, name)
        self.deck_box.blockSignals(False)

    def select_deck(self, deck: str | None) -> None:
        """Show statistics for `deck` (None: the whole collection)."""
        index = self.deck_box.findData(deck) if deck is not None else 0
        if index >= 0:
            self.deck_box.setCurrentIndex(index)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            if self.statistics is not None:
                self.show_statistics(self.statistics)
        elif event.type() == QEvent.Type.PaletteChange:
            for plot in self.findChildren(QWidget):
                plot.update()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Statistics"))
        self.deck_label.setText(self.tr("Deck:"))
        self.deck_box.setItemText(0, self.tr("Whole collection"))
        self.refresh_button.setText(self.tr("Refresh"))
        titles = {
            "calendar": self.tr("Reviews per day, past year"),
            "forecast": self.tr("Due cards, next 30 days"),
            "reviews": self.tr("Reviews per day, past 30 days"),
            "retention": self.tr("Retention by interval"),
            "grades": self.tr("Grades given"),
            "states": self.tr("Cards by state"),
            "intervals": self.tr("Studied cards by interval"),
        }
        for key, title in titles.items():
            self.boxes[key].setTitle(title)
        captions = {
            "cards": self.tr("cards"),
            "due": self.tr("due today"),
            "today": self.tr("reviewed today"),
            "streak": self.tr("day streak"),
            "retention": self.tr("retention, 30 days"),
            "ease": self.tr("average ease"),
        }
        for key, caption in captions.items():
            self.summary_labels[key][1].setText(caption)
        self.calendar_plot.month_names = [
            self.tr("Jan"),
            self.tr("Feb"),
            self.tr("Mar"),
            self.tr("Apr"),
            self.tr("May"),
            self.tr("Jun"),
            self.tr("Jul"),
            self.tr("Aug"),
            self.tr("Sep"),
            self.tr("Oct"),
            self.tr("Nov"),
            self.tr("Dec"),
        ]
        self.calendar_plot.weekday_names = [
            self.tr("Mon"),
            "",
            self.tr("Wed"),
            "",
            self.tr("Fri"),
            "",
            self.tr("Sun"),
        ]
        self.calendar_plot.less_text = self.tr("Less")
        self.calendar_plot.more_text = self.tr("More")
        self.calendar_plot.describe = lambda day, count: (
            self.tr("Reviews on %1: %2").replace("%1", day.isoformat()).replace("%2", str(count))
        )

    def refresh(self) -> None:
        """Recompute the statistics for the chosen deck; the plots redraw when they are ready."""
        self._generation += 1
        generation = self._generation
        deck = self.deck_box.currentData()
        path = Path(self.collection.path)
        now = self.now()
        hour = int(self.collection.get_config("day_start_hour", 4))
        tz = getattr(self.collection, "tz", None)
        task = BackgroundTask(
            lambda _cancelled: _statistics_from_file(
                path, now=now, deck=deck, day_start_hour=hour, tz=tz
            ),
            self,
        )
        task.succeeded.connect(lambda stats: self._arrived(stats, generation))
        task.failed.connect(lambda message: self._failed(message, generation))
        task.done.connect(lambda: self._tasks.remove(task))
        self._tasks.append(task)
        self.status_label.setText(self.tr("Computing…"))
        task.start()

    def _failed(self, message: str, generation: int) -> None:
        if generation == self._generation:
            self.status_label.setText(message)

    def _arrived(self, stats: Statistics, generation: int) -> None:
        if generation != self._generation:
            return  # the deck changed while these were computed
        self.show_statistics(stats)

    def show_statistics(self, stats: Statistics) -> None:
        """Draw these numbers in every plot."""
        self.statistics = stats
        self.status_label.setText("")
        self._show_summary(stats)
        self.calendar_plot.set_days(stats.calendar)
        self._show_forecast(stats)
        self._show_reviews(stats)
        self._show_retention(stats)
        self._show_grades(stats)
        self._show_cards(stats)
        self.updated.emit()

    def closeEvent(self, event: QCloseEvent) -> None:
        # A worker thread must not outlive the window that owns it.
        for task in list(self._tasks):
            task.wait()
        super().closeEvent(event)

    def _show_summary(self, stats: Statistics) -> None:
        summary = stats.summary
        minutes = round(summary.seconds_today / 60)
        values = {
            "cards": str(summary.cards),
            "due": str(summary.due_today),
            "today": self.tr("%1 (%2 min)")
            .replace("%1", str(summary.reviews_today))
            .replace("%2", str(minutes)),
            "streak": str(summary.streak_days),
            "retention": "–"
            if summary.retention_last_30_days is None
            else f"{summary.retention_last_30_days:.0%}",
            "ease": "–" if summary.average_ease is None else f"{summary.average_ease:.2f}",
        }
        for key, text in values.items():
            self.summary_labels[key][0].setText(text)

    @staticmethod
    def _short_day(day: date) -> str:
        return f"{day.month}/{day.day}"

    def _show_forecast(self, stats: Statistics) -> None:
        self.forecast_plot.set_data(
            [self._short_day(day) for day, _ in stats.forecast],
            [Series(self.tr("Due"), NEW_COLOUR, tuple(n for _, n in stats.forecast))],
            x_title=self.tr("Day (today first; overdue cards count as today)"),
            y_title=self.tr("Cards"),
            empty_text=self.tr("Nothing due in the next 30 days"),
        )

    def _show_reviews(self, stats: Statistics) -> None:
        days = stats.reviews_per_day
        self.reviews_plot.set_data(
            [self._short_day(day) for day, _ in days],
            [
                Series(self.tr("New"), NEW_COLOUR, tuple(k["new"] for _, k in days)),
                Series(self.tr("Repeat"), REPEAT_COLOUR, tuple(k["repeat"] for _, k in days)),
                Series(self.tr("Review"), REVIEW_COLOUR, tuple(k["review"] for _, k in days)),
            ],
            x_title=self.tr("Day"),
            y_title=self.tr("Answers"),
            empty_text=self.tr("No reviews in the past 30 days"),
        )

    def _show_retention(self, stats: Statistics) -> None:
        labels = [self._interval_label(label) for label, _, _ in stats.retention]
        shares = tuple(100.0 * p / n if n else 0.0 for _, n, p in stats.retention)
        tips = [
            self.tr("%1: %2 of %3 reviews passed")
            .replace("%1", label)
            .replace("%2", str(p))
            .replace("%3", str(n))
            for label, (_, n, p) in zip(labels, stats.retention, strict=True)
        ]
        self.retention_plot.set_data(
            labels,
            [Series(self.tr("Passed"), REVIEW_COLOUR, shares)],
            x_title=self.tr("Interval before the review"),
            y_title=self.tr("% passed (grade 3+)"),
            empty_text=self.tr("No reviews of learned cards yet"),
            y_maximum=100,
            format_value=lambda value: f"{value:.0f}%",
            tooltips=tips,
        )

    def _show_grades(self, stats: Statistics) -> None:
        self.grades_plot.set_data(
            [str(quality) for quality, _ in stats.grades],
            [
                Series(self.tr("New"), NEW_COLOUR, tuple(k["new"] for _, k in stats.grades)),
                Series(
                    self.tr("Repeat"), REPEAT_COLOUR, tuple(k["repeat"] for _, k in stats.grades)
                ),
                Series(
                    self.tr("Review"), REVIEW_COLOUR, tuple(k["review"] for _, k in stats.grades)
                ),
            ],
            x_title=self.tr("Grade (0-2 fail, 3-5 pass)"),
            y_title=self.tr("Answers"),
            empty_text=self.tr("No answers yet"),
        )

    def _show_cards(self, stats: Statistics) -> None:
        names = {
            "new": self.tr("New"),
            "learning": self.tr("Learning"),
            "review": self.tr("Review"),
            "buried": self.tr("Buried"),
            "suspended": self.tr("Suspended"),
        }
        colours = [NEW_COLOUR, REPEAT_COLOUR, REVIEW_COLOUR, NEUTRAL_COLOUR, FAIL_COLOUR]
        states = list(stats.states.items())
        self.states_plot.set_data(
            [names[state] for state, _ in states],
            [Series(self.tr("Cards"), NEW_COLOUR, tuple(float(n) for _, n in states))],
            y_title=self.tr("Cards"),
            empty_text=self.tr("No cards"),
            bar_colours=colours,
        )
        self.intervals_plot.set_data(
            [self._interval_label(label) for label, _ in stats.intervals],
            [Series(self.tr("Cards"), REVIEW_COLOUR, tuple(n for _, n in stats.intervals))],
            x_title=self.tr("Current interval"),
            y_title=self.tr("Cards"),
            empty_text=self.tr("No studied cards yet"),
        )

    def _interval_label(self, label: str) -> str:
        """Bucket labels like '8-14d' or '1-3m' in the interface language."""
        if label.startswith(">"):
            return self.tr(">%1 y").replace("%1", label[1:-1])
        unit = {"d": self.tr("%1 d"), "m": self.tr("%1 mo")}[label[-1]]
        return unit.replace("%1", label[:-1].replace("-", "–"))
