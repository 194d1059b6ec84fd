"""The deck list as a Qt item model: a tree of decks with today's New / Repeat / Due counts.

Deck names are full paths ("Docker::Dockerfile"); the tree is built from the `::` separators, and
a parent that has no row of its own shows the sum of its children. After an answer the counts
change but the decks do not, so `set_counts` updates cells in place: selection and folding
survive, and the view repaints only the numbers.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Protocol

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from app.core.model import DECK_SEPARATOR

FULL_NAME_ROLE = Qt.ItemDataRole.UserRole + 1
COLUMN_DECK, COLUMN_NEW, COLUMN_REPEAT, COLUMN_DUE = range(4)
_COUNT_FIELDS = {COLUMN_NEW: "new", COLUMN_REPEAT: "repeat", COLUMN_DUE: "due"}
_LIGHT_COLOURS = {COLUMN_NEW: "#1a5fb4", COLUMN_REPEAT: "#c01c28", COLUMN_DUE: "#26843f"}
_DARK_COLOURS = {COLUMN_NEW: "#78aeed", COLUMN_REPEAT: "#f66151", COLUMN_DUE: "#8ff0a4"}

AnyIndex = QModelIndex | QPersistentModelIndex


class DeckCountsLike(Protocol):
    """What the model reads from the collection's `deck_counts()` rows."""

    deck: str
    new: int
    repeat: int
    due: int


@dataclass
class DeckNode:
    """One deck in the tree; `counts` is None for a parent known only through its children."""

    full_name: str
    parent: DeckNode | None = None
    children: list[DeckNode] = field(default_factory=list)
    counts: dict[str, int] | None = None

    @property
    def name(self) -> str:
        return self.full_name.rsplit(DECK_SEPARATOR, 1)[-1]

    def count(self, key: str) -> int:
        if self.counts is not None:
            return self.counts[key]
        return sum(child.count(key) for child in self.children)

    def row(self) -> int:
        return self.parent.children.index(self) if self.parent is not None else 0


def _counts_of(row: DeckCountsLike) -> dict[str, int]:
    return {"new": int(row.new), "repeat": int(row.repeat), "due": int(row.due)}


class DeckTreeModel(QAbstractItemModel):
    """Decks as a tree with four columns: name, New, Repeat, Due."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._root = DeckNode("")
        self._by_name: dict[str, DeckNode] = {}
        self._dark = False

    # Building -----------------------------------------------------------------------------

    def set_counts(self, rows: Iterable[DeckCountsLike]) -> None:
        """Show these counts; rebuild the tree only if the set of decks changed."""
        rows = list(rows)
        names = {row.deck for row in rows}
        if names and names == {n for n, node in self._by_name.items() if node.counts is not None}:
            self._update_in_place(rows)
            return
        self.beginResetModel()
        self._root = DeckNode("")
        self._by_name = {}
        for row in sorted(rows, key=lambda r: r.deck.split(DECK_SEPARATOR)):
            self._node_for(row.deck).counts = _counts_of(row)
        self.endResetModel()

    def _node_for(self, full_name: str) -> DeckNode:
        node = self._by_name.get(full_name)
        if node is not None:
            return node
        parent = self._root
        if DECK_SEPARATOR in full_name:
            parent = self._node_for(full_name.rsplit(DECK_SEPARATOR, 1)[0])
        node = DeckNode(full_name, parent=parent)
        parent.children.append(node)
        self._by_name[full_name] = node
        return node

    def _update_in_place(self, rows: list[DeckCountsLike]) -> None:
        changed: set[str] = set()
        for row in rows:
            node = self._by_name[row.deck]
            counts = _counts_of(row)
            if node.counts != counts:
                node.counts = counts
                changed.add(row.deck)
        # A parent without its own row shows sums, so it changes with its children.
        for name in list(changed):
            parent = self._by_name[name].parent
            while parent is not None and parent is not self._root and parent.counts is None:
                changed.add(parent.full_name)
                parent = parent.parent
        for name in changed:
            node = self._by_name[name]
            self.dataChanged.emit(
                self.createIndex(node.row(), COLUMN_NEW, node),
                self.createIndex(node.row(), COLUMN_DUE, node),
            )

    def set_dark(self, dark: bool) -> None:
        self._dark = dark
        if self._by_name:
            self.layoutChanged.emit()

    # Lookup -------------------------------------------------------------------------------

    def deck_names(self) -> list[str]:
        return list(self._by_name)

    def index_for_deck(self, full_name: str, column: int = COLUMN_DECK) -> QModelIndex:
        node = self._by_name.get(full_name)
        if node is None:
            return QModelIndex()
        return self.createIndex(node.row(), column, node)

    def node(self, index: AnyIndex) -> DeckNode | None:
        if not index.isValid():
            return None
        return index.internalPointer()

    # QAbstractItemModel -------------------------------------------------------------------

    def index(self, row: int, column: int, parent: AnyIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        parent_node = self.node(parent) or self._root
        return self.createIndex(row, column, parent_node.children[row])

    def parent(self, index: AnyIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        node = self.node(index)
        if node is None or node.parent is None or node.parent is self._root:
            return QModelIndex()
        return self.createIndex(node.parent.row(), 0, node.parent)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() and parent.column() != 0:
            return 0
        node = self.node(parent) or self._root
        return len(node.children)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 4

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        node = self.node(index)
        if node is None:
            return None
        column = index.column()
        if role == FULL_NAME_ROLE:
            return node.full_name
        if column == COLUMN_DECK:
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                return node.name if role == Qt.ItemDataRole.DisplayRole else node.full_name
            return None
        value = node.count(_COUNT_FIELDS[column])
        if role == Qt.ItemDataRole.DisplayRole:
            return str(value)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole:
            if value == 0:
                return QColor("#7c8087" if self._dark else "#9a9da2")
            return QColor((_DARK_COLOURS if self._dark else _LIGHT_COLOURS)[column])
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return [self.tr("Deck"), self.tr("New"), self.tr("Repeat"), self.tr("Due")][section]
        if role == Qt.ItemDataRole.TextAlignmentRole and section != COLUMN_DECK:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
