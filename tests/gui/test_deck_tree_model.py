"""The deck list's item model, tested without any window."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtTest import QAbstractItemModelTester

from app.gui.deck_tree_model import FULL_NAME_ROLE, DeckTreeModel


@dataclass
class Row:
    deck: str
    new: int
    repeat: int
    due: int
    total: int = 0


ROWS = [
    Row("Docker", 5, 1, 7),
    Row("Docker::Dockerfile", 2, 0, 3),
    Row("Docker::Images", 3, 1, 4),
    Row("Python", 0, 0, 0),
]


def texts(model, parent=QModelIndex()):  # noqa: B008
    return [
        [model.index(row, column, parent).data() for column in range(4)]
        for row in range(model.rowCount(parent))
    ]


def test_decks_form_a_tree_with_counts(qapp):
    model = DeckTreeModel()
    QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    model.set_counts(ROWS)
    assert texts(model) == [["Docker", "5", "1", "7"], ["Python", "0", "0", "0"]]
    docker = model.index_for_deck("Docker")
    assert texts(model, docker) == [["Dockerfile", "2", "0", "3"], ["Images", "3", "1", "4"]]
    child = model.index(1, 0, docker)
    assert child.data(FULL_NAME_ROLE) == "Docker::Images"
    assert model.parent(child) == docker
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(4)] == [
        "Deck",
        "New",
        "Repeat",
        "Due",
    ]


def test_parent_without_its_own_row_sums_its_children(qapp):
    model = DeckTreeModel()
    model.set_counts([Row("Lang::Chinese", 4, 0, 2), Row("Lang::French", 1, 2, 3)])
    assert texts(model) == [["Lang", "5", "2", "5"]]
    assert model.index_for_deck("Lang").data(FULL_NAME_ROLE) == "Lang"


def test_new_counts_update_cells_in_place(qapp, qtbot):
    model = DeckTreeModel()
    model.set_counts(ROWS)
    kept = model.index_for_deck("Docker::Images")
    changed = [Row(r.deck, r.new, r.repeat, r.due) for r in ROWS]
    changed[2].due = 3
    with qtbot.assertNotEmitted(model.modelReset), qtbot.waitSignal(model.dataChanged) as signal:
        model.set_counts(changed)
    top_left, bottom_right = signal.args[:2]
    assert (top_left.row(), top_left.column(), bottom_right.column()) == (1, 1, 3)
    assert kept.sibling(kept.row(), 3).data() == "3"


def test_a_new_deck_rebuilds_the_tree(qapp, qtbot):
    model = DeckTreeModel()
    model.set_counts(ROWS)
    with qtbot.waitSignal(model.modelReset):
        model.set_counts([*ROWS, Row("Rust", 9, 0, 0)])
    assert [row[0] for row in texts(model)] == ["Docker", "Python", "Rust"]


def test_zero_counts_are_muted_and_numbers_right_aligned(qapp):
    model = DeckTreeModel()
    model.set_counts(ROWS)
    python = model.index_for_deck("Python")
    docker_new = model.index_for_deck("Docker").sibling(0, 1)
    muted = python.sibling(python.row(), 1).data(Qt.ItemDataRole.ForegroundRole)
    assert muted != docker_new.data(Qt.ItemDataRole.ForegroundRole)
    alignment = docker_new.data(Qt.ItemDataRole.TextAlignmentRole)
    assert alignment & int(Qt.AlignmentFlag.AlignRight)
