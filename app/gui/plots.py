"""Small plot widgets drawn with QPainter: bar charts (plain or stacked) and a calendar heatmap.

PySide6-Essentials has no QtCharts; the statistics window needs six simple bar and heatmap plots,
which take a few hundred lines here, against a 100 MB add-ons wheel or a pyqtgraph dependency
(see docs/statistics.md). The widgets take their text and grid colours from the palette, so they
read well in the light and the dark theme, and show exact numbers in a tooltip on hover.
Every label arrives already translated; the widgets only draw.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QMouseEvent, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

# Series colours chosen to stay distinct, and readable on both light and dark backgrounds.
NEW_COLOUR = "#4c8fdc"
REPEAT_COLOUR = "#e6873c"
REVIEW_COLOUR = "#3fa85a"
FAIL_COLOUR = "#d9534f"
NEUTRAL_COLOUR = "#8a79d6"

_LIGHT_HEAT = ("#c6e9cf", "#7fcf95", "#3fa85a", "#22713a")
_DARK_HEAT = ("#174d2a", "#23773f", "#35a85a", "#63d685")


@dataclass(frozen=True, slots=True)
class Series:
    """One coloured set of bars; values line up with the chart's categories."""

    name: str
    colour: str
    values: tuple[float, ...]


def nice_step(maximum: float, ticks: int = 5) -> float:
    """A round tick step (1, 2 or 5 times a power of ten, at least 1) for about `ticks` ticks.

    Every plot counts whole things (cards, answers, percent), so a step below 1 would only
    print labels like 0.2 cards.
    """
    if maximum <= ticks:
        return 1.0
    raw = maximum / ticks
    power = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 5, 10):
        if raw <= factor * power:
            return float(factor * power)
    return float(10 * power)


def _is_dark(widget: QWidget) -> bool:
    return widget.palette().color(QPalette.ColorRole.Window).lightness() < 128


def _with_alpha(colour: QColor, alpha: int) -> QColor:
    result = QColor(colour)
    result.setAlpha(alpha)
    return result


class BarChart(QWidget):
    """Bars per category, stacked when there are several series, with axes, grid and legend."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.categories: list[str] = []
        self.series: list[Series] = []
        self.x_title = ""
        self.y_title = ""
        self.empty_text = ""
        self.y_maximum: float | None = None
        self.format_value: Callable[[float], str] = lambda value: f"{value:g}"
        self.tooltips: list[str] = []
        self.bar_colours: list[str] = []  # one colour per bar instead of per series
        self._slots: list[QRectF] = []
        self.setMouseTracking(True)
        self.setMinimumHeight(190)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_data(
        self,
        categories: Sequence[str],
        series: Sequence[Series],
        *,
        x_title: str = "",
        y_title: str = "",
        empty_text: str = "",
        y_maximum: float | None = None,
        format_value: Callable[[float], str] | None = None,
        tooltips: Sequence[str] | None = None,
        bar_colours: Sequence[str] | None = None,
    ) -> None:
        """Replace what the chart shows; `tooltips` (one per category) override the default."""
        self.categories = list(categories)
        self.series = list(series)
        self.x_title, self.y_title, self.empty_text = x_title, y_title, empty_text
        self.y_maximum = y_maximum
        if format_value is not None:
            self.format_value = format_value
        self.tooltips = list(tooltips or [])
        self.bar_colours = list(bar_colours or [])
        self.update()

    def totals(self) -> list[float]:
        """The height of each stacked bar."""
        return [sum(s.values[i] for s in self.series) for i in range(len(self.categories))]

    def sizeHint(self) -> QSize:
        return QSize(460, 230)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        text_colour = self.palette().color(QPalette.ColorRole.WindowText)
        metrics = QFontMetrics(self.font())
        line = metrics.height()
        totals = self.totals()
        top_value = self.y_maximum or max(totals, default=0)
        step = nice_step(top_value)
        top_value = max(step, math.ceil(top_value / step - 1e-9) * step)

        tick_labels = [self.format_value(step * i) for i in range(int(top_value / step) + 1)]
        left = 8 + (line + 4 if self.y_title else 0)
        left += max(metrics.horizontalAdvance(label) for label in tick_labels) + 6
        legend_height = line + 8 if len(self.series) > 1 else 4
        # Few bars: print each bar's number above it, so nobody has to read it off the axis.
        label_bars = 0 < len(self.categories) <= 12
        if label_bars:
            legend_height += line
        bottom = line + 8 + (line + 4 if self.x_title else 0)
        area = QRectF(left, legend_height + line / 2, self.width() - left - 12, 0)
        area.setBottom(self.height() - bottom)
        if area.width() < 20 or area.height() < 20:
            return

        # Grid and y tick labels.
        for index, label in enumerate(tick_labels):
            y = area.bottom() - area.height() * (step * index) / top_value
            painter.setPen(_with_alpha(text_colour, 110 if index == 0 else 35))
            painter.drawLine(QPointF(area.left(), y), QPointF(area.right(), y))
            painter.setPen(text_colour)
            box = QRectF(0, y - line / 2, area.left() - 6, line)
            painter.drawText(
                box, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, label
            )

        # Bars.
        count = max(1, len(self.categories))
        slot_width = area.width() / count
        bar_width = max(1.0, slot_width * (0.72 if count > 12 else 0.6))
        self._slots = []
        for index in range(len(self.categories)):
            x = area.left() + slot_width * index + (slot_width - bar_width) / 2
            self._slots.append(
                QRectF(area.left() + slot_width * index, area.top(), slot_width, area.height())
            )
            base = 0.0
            for series in self.series:
                value = series.values[index]
                if value <= 0:
                    continue
                y0 = area.bottom() - area.height() * base / top_value
                y1 = area.bottom() - area.height() * (base + value) / top_value
                colour = self.bar_colours[index] if self.bar_colours else series.colour
                painter.fillRect(QRectF(x, y1, bar_width, max(1.0, y0 - y1)), QColor(colour))
                base += value

        if label_bars:
            painter.setPen(text_colour)
            for index, total in enumerate(totals):
                if total <= 0:
                    continue
                slot = self._slots[index]
                y = area.bottom() - area.height() * total / top_value
                box = QRectF(slot.left() - 20, y - line - 1, slot.width() + 40, line)
                label = self.format_value(total)
                painter.drawText(
                    box, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom, label
                )

        # X labels, thinned so they never overlap.
        painter.setPen(text_colour)
        widest = max((metrics.horizontalAdvance(c) for c in self.categories), default=0) + 8
        every = max(1, math.ceil(widest / max(slot_width, 1)))
        for index, category in enumerate(self.categories):
            if index % every:
                continue
            box = QRectF(
                area.left() + slot_width * index - 40, area.bottom() + 3, slot_width + 80, line
            )
            painter.drawText(
                box, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, category
            )

        muted = _with_alpha(text_colour, 170)
        painter.setPen(muted)
        if self.x_title:
            box = QRectF(area.left(), self.height() - line - 2, area.width(), line)
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, self.x_title)
        if self.y_title:
            painter.save()
            painter.translate(4, area.center().y())
            painter.rotate(-90)
            box = QRectF(-area.height() / 2, 0, area.height(), line)
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, self.y_title)
            painter.restore()
        if not any(totals) and self.empty_text:
            painter.drawText(area, Qt.AlignmentFlag.AlignCenter, self.empty_text)
        if len(self.series) > 1:
            self._draw_legend(painter, metrics, text_colour)

    def _draw_legend(self, painter: QPainter, metrics: QFontMetrics, colour: QColor) -> None:
        line = metrics.height()
        widths = [line + metrics.horizontalAdvance(s.name) + 14 for s in self.series]
        x = self.width() - 12 - sum(widths)
        for series, width in zip(self.series, widths, strict=True):
            painter.fillRect(
                QRectF(x, 4 + line * 0.2, line * 0.7, line * 0.7), QColor(series.colour)
            )
            painter.setPen(colour)
            painter.drawText(QRectF(x + line * 0.7 + 5, 2, width, line), series.name)
            x += width

    def category_at(self, x: float) -> int | None:
        """The index of the category under horizontal position `x`, if any."""
        for index, slot in enumerate(self._slots):
            if slot.left() <= x < slot.right():
                return index
        return None

    def tooltip_text(self, index: int) -> str:
        """What hovering over a bar shows: the category and each series' number."""
        if index < len(self.tooltips) and self.tooltips[index]:
            return self.tooltips[index]
        lines = [self.categories[index]]
        for series in self.series:
            lines.append(f"{series.name}: {self.format_value(series.values[index])}")
        return "\n".join(lines)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        index = self.category_at(event.position().x())
        if index is None:
            QToolTip.hideText()
        else:
            QToolTip.showText(event.globalPosition().toPoint(), self.tooltip_text(index), self)


class CalendarHeatmap(QWidget):
    """One square per day for the past year, darker for more reviews, weeks as columns."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.days: list[tuple[date, int]] = []
        self.month_names: list[str] = [str(month) for month in range(1, 13)]
        self.weekday_names: list[str] = ["", "", "", "", "", "", ""]
        self.less_text = ""
        self.more_text = ""
        self.describe: Callable[[date, int], str] = lambda day, count: f"{day}: {count}"
        self._cells: list[tuple[QRectF, date, int]] = []
        self.setMouseTracking(True)
        self.setMinimumHeight(190)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_days(self, days: Sequence[tuple[date, int]]) -> None:
        """Show these (day, reviews) pairs, oldest first."""
        self.days = list(days)
        self.update()

    def levels(self) -> tuple[int, int, int]:
        """Review counts where the colour steps up (quartiles of the days with reviews)."""
        counts = sorted(count for _, count in self.days if count > 0)
        if not counts:
            return (1, 2, 3)
        pick = [counts[min(len(counts) - 1, len(counts) * q // 4)] for q in (1, 2, 3)]
        return (pick[0], max(pick[1], pick[0] + 1), max(pick[2], pick[1] + 1, pick[0] + 2))

    def colour_for(self, count: int) -> QColor:
        """The cell colour for a day with `count` reviews."""
        if count <= 0:
            text = self.palette().color(QPalette.ColorRole.WindowText)
            return _with_alpha(text, 28)
        scale = _DARK_HEAT if _is_dark(self) else _LIGHT_HEAT
        low, middle, high = self.levels()
        step = 0 if count < low else 1 if count < middle else 2 if count < high else 3
        return QColor(scale[step])

    def sizeHint(self) -> QSize:
        return QSize(860, 190)

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self.days:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        text_colour = self.palette().color(QPalette.ColorRole.WindowText)
        metrics = QFontMetrics(self.font())
        line = metrics.height()
        label_width = max(metrics.horizontalAdvance(name) for name in self.weekday_names) + 8
        first = self.days[0][0]
        start = first - timedelta(days=first.weekday())  # the Monday of the first week
        weeks = (self.days[-1][0] - start).days // 7 + 1
        available = self.height() - line - 8 - line - 10
        cell = max(4.0, min((self.width() - label_width - 8) / weeks, available / 7))
        gap = max(1.0, cell * 0.15)
        top = line + 6
        painter.setPen(text_colour)
        for row, name in enumerate(self.weekday_names):
            box = QRectF(0, top + row * cell, label_width - 6, cell)
            painter.drawText(box, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, name)
        self._cells = []
        last_month = None
        label_end = 0.0
        for day, count in self.days:
            column, row = divmod((day - start).days, 7)
            rect = QRectF(label_width + column * cell, top + row * cell, cell - gap, cell - gap)
            painter.fillRect(rect, self.colour_for(count))
            self._cells.append((rect, day, count))
            if day.month != last_month:
                last_month = day.month
                name = self.month_names[day.month - 1]
                # The first, partial month gets a label only if it has room before the next.
                if (day.day == 1 or day.day <= 14) and rect.left() >= label_end:
                    painter.setPen(text_colour)
                    painter.drawText(QPointF(rect.left(), line), name)
                    label_end = rect.left() + metrics.horizontalAdvance(name) + 6
        self._draw_scale(painter, metrics, text_colour, label_width, top + 7 * cell + 6, cell)

    def _draw_scale(
        self,
        painter: QPainter,
        metrics: QFontMetrics,
        colour: QColor,
        left: float,
        y: float,
        cell: float,
    ) -> None:
        size = min(cell, metrics.height()) - 2
        low, middle, high = self.levels()
        samples = [0, low, middle, high]
        x = self.width() - 12 - metrics.horizontalAdvance(self.more_text)
        x -= len(samples) * (size + 3) + metrics.horizontalAdvance(self.less_text) + 12
        painter.setPen(colour)
        painter.drawText(QRectF(x, y, 200, metrics.height()), self.less_text)
        x += metrics.horizontalAdvance(self.less_text) + 6
        for sample in samples:
            painter.fillRect(QRectF(x, y + 2, size, size), self.colour_for(sample))
            x += size + 3
        painter.setPen(colour)
        painter.drawText(QRectF(x + 3, y, 200, metrics.height()), self.more_text)

    def day_at(self, x: float, y: float) -> tuple[date, int] | None:
        """The (day, reviews) under a point, if any."""
        for rect, day, count in self._cells:
            if rect.contains(QPointF(x, y)):
                return day, count
        return None

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        found = self.day_at(event.position().x(), event.position().y())
        if found is None:
            QToolTip.hideText()
        else:
            QToolTip.showText(event.globalPosition().toPoint(), self.describe(*found), self)
