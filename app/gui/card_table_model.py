"""The browser's card table: a QAbstractTableModel over the ids a search returned.

Sorting every match of a search on 100,000 cards takes longer than a person should wait, so a
search asks SQLite for the count and the first 100 rows only (SQLite keeps just the best rows
while it scans). When the view scrolls past them (`canFetchMore`/`fetchMore`) the full sorted
id list is read once, and further rows come from it 100 at a time. Sorting runs the search
again with another ORDER BY rather than sorting rows in Python.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from app.core.card_ops import CardRow, card_rows
from app.core.search import SORT_COLUMNS, CardSearch, prepare_collection_search

BATCH = 100  # rows read per step: a few screens, so scrolling rarely waits
CARD_ID_ROLE = Qt.ItemDataRole.UserRole + 1

_MARKUP = re.compile(r"<[^>]+>|[`*_#>]|!\[[^\]]*\]\([^)]*\)")
_SPACES = re.compile(r"\s+")

ModelIndex = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()


def one_line(text: str, limit: int = 160) -> str:
    """A card side as one short line for a table cell: markup dropped, blanks collapsed."""
    plain = _SPACES.sub(" ", _MARKUP.sub("", text)).strip()
    return plain if len(plain) <= limit else plain[: limit - 1] + "…"


class CardTableModel(QAbstractTableModel):
    """Rows of cards matching the current search, fetched lazily, sortable by every column."""

    COLUMNS = SORT_COLUMNS

    def __init__(
        self,
        collection,
        parent: QObject | None = None,
        *,
        now: Callable[[], datetime] | None = None,
    ) -> None:
        super().__init__(parent)
        self.collection = collection
        self._now = now or (lambda: datetime.now(UTC))
        self.query = ""
        self.sort_column = "due"
        self.descending = False
        self._search: CardSearch | None = None
        self._count = 0
        self._ids: list[str] | None = None  # the full sorted list, read on first scroll
        self._rows: list[CardRow] = []
        self._shown: set[str] = set()
        self._today: date = self.collection.day_of(self._now())

    # ----- searching and sorting -----------------------------------------------------------

    def search(self, query: str) -> int:
        """Show the cards matching `query` (QueryError if malformed); returns how many match."""
        search = prepare_collection_search(
            self.collection,
            query,
            now=self._now(),
            sort=self.sort_column,
            descending=self.descending,
        )
        conn = self.collection.conn
        count, first = search.first_page(conn, BATCH, self.collection.side_reader)
        self.beginResetModel()
        self.query = query
        self._search = search
        self._count = count
        self._ids = None
        self._today = self.collection.day_of(self._now())
        self._rows = card_rows(conn, first, self._today)
        self._shown = {row.id for row in self._rows}
        self.endResetModel()
        return count

    def reload(self) -> None:
        """Run the current search again (after cards were added, deleted or changed)."""
        self.search(self.query)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.COLUMNS):
            return
        sort_column, descending = self.COLUMNS[column], order == Qt.SortOrder.DescendingOrder
        if (sort_column, descending) == (self.sort_column, self.descending):
            return  # the header re-announces the order it already has
        self.sort_column, self.descending = sort_column, descending
        if self._search is None:
            return  # no search yet: the first one will use this order
        self.layoutAboutToBeChanged.emit()
        self.reload()
        self.layoutChanged.emit()

    # ----- lazy fetching -------------------------------------------------------------------

    def canFetchMore(self, parent: ModelIndex = _ROOT) -> bool:
        return not parent.isValid() and len(self._rows) < self._count and self._search is not None

    def fetchMore(self, parent: ModelIndex = _ROOT) -> None:
        self._fetch(BATCH)

    def _fetch(self, size: int) -> None:
        if not self.canFetchMore():
            return
        ids = self.all_ids()
        start = len(self._rows)
        # Pages and the full list share one total order, so the next rows start where the
        # shown ones end; ids already shown (a card edited in between) are not shown twice.
        batch = [i for i in ids[start : start + size] if i not in self._shown]
        rows = card_rows(self.collection.conn, batch, self._today)
        if not rows:
            self._count = len(self._rows)  # cards deleted since the search: nothing more
            return
        self.beginInsertRows(_ROOT, start, start + len(rows) - 1)
        self._rows.extend(rows)
        self._shown.update(row.id for row in rows)
        self.endInsertRows()

    def fetch_all(self) -> None:
        """Load every matching row (select-all and bulk actions need them)."""
        while self.canFetchMore():
            self._fetch(2000)

    # ----- what the view asks --------------------------------------------------------------

    def rowCount(self, parent: ModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def match_count(self) -> int:
        """How many cards the search found (rows not yet fetched included)."""
        return self._count

    def all_ids(self) -> list[str]:
        """Every card id the search found, in table order."""
        if self._ids is None:
            self._ids = self._search.all_ids(self.collection.conn) if self._search else []
        return self._ids

    def row_at(self, row: int) -> CardRow:
        return self._rows[row]

    def card_id(self, row: int) -> str:
        return self._rows[row].id

    def row_of(self, card_id: str) -> int | None:
        """The row showing `card_id`, fetching further rows if it is further down."""
        if card_id not in self._shown:
            if card_id not in self.all_ids():
                return None
            while card_id not in self._shown and self.canFetchMore():
                self._fetch(2000)
        for row, card in enumerate(self._rows):
            if card.id == card_id:
                return row
        return None

    def refresh_cards(self, card_ids: Sequence[str]) -> None:
        """Re-read the given cards' rows after an edit, without running the search again."""
        wanted = set(card_ids)
        positions = [row for row, card in enumerate(self._rows) if card.id in wanted]
        if not positions:
            return
        fresh = {row.id: row for row in card_rows(self.collection.conn, list(wanted), self._today)}
        for row in positions:
            card = fresh.get(self._rows[row].id)
            if card is not None:
                self._rows[row] = card
        last = len(self.COLUMNS) - 1
        self.dataChanged.emit(self.index(min(positions), 0), self.index(max(positions), last))

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ):
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.column_title(self.COLUMNS[section])
        return None

    def column_title(self, column: str) -> str:
        titles = {
            "question": self.tr("Question"),
            "answer": self.tr("Answer"),
            "deck": self.tr("Deck"),
            "tags": self.tr("Tags"),
            "due": self.tr("Due"),
            "interval": self.tr("Interval"),
            "ease": self.tr("Ease"),
            "reviews": self.tr("Reviews"),
            "lapses": self.tr("Lapses"),
            "state": self.tr("State"),
        }
        return titles[column]

    def state_name(self, state: str) -> str:
        names = {
            "new": self.tr("new"),
            "learning": self.tr("learning"),
            "review": self.tr("review"),
            "buried": self.tr("buried"),
            "suspended": self.tr("suspended"),
        }
        return names[state]

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        card = self._rows[index.row()]
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display_text(card, column)
        if role == Qt.ItemDataRole.ToolTipRole and column in ("question", "answer"):
            return getattr(card, column)
        if role == CARD_ID_ROLE:
            return card.id
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (
            "interval",
            "ease",
            "reviews",
            "lapses",
        ):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and card.state in ("suspended", "buried"):
            palette = QApplication.palette()
            return palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        if role == Qt.ItemDataRole.BackgroundRole and card.state == "suspended":
            return QColor(230, 190, 60, 45)  # Anki's yellow for suspended, faint in both themes
        return None

    def display_text(self, card: CardRow, column: str) -> str:
        """The text a cell shows."""
        if column in ("question", "answer"):
            return one_line(getattr(card, column))
        if column == "deck":
            return card.deck
        if column == "tags":
            return " ".join(card.tags)
        if column == "due":
            if card.due is None:
                return self.tr("(new)")
            return card.due
        if column == "interval":
            return "" if card.due is None else self.tr("%1 d").replace("%1", str(card.interval))
        if column == "ease":
            return "" if card.due is None else f"{card.easiness / 1000:.2f}"
        if column == "reviews":
            return str(card.reviews)
        if column == "lapses":
            return str(card.lapses)
        return self.state_name(card.state)
