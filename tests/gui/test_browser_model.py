"""The browser's card table model, tested without a window: lazy rows, sorting, cell text."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import QModelIndex, Qt

from app.core.errors import QueryError
from app.core.store import ensure_deck, transaction
from app.gui.card_table_model import BATCH, CARD_ID_ROLE, CardTableModel, one_line
from tests.core.sample_collection import NOW, make_sample, open_empty


@pytest.fixture
def sample(tmp_path):
    collection, ids = make_sample(tmp_path)
    yield collection, ids
    collection.close()


def column(model: CardTableModel, name: str) -> int:
    return model.COLUMNS.index(name)


def cell(model: CardTableModel, row: int, name: str, role=Qt.ItemDataRole.DisplayRole):
    return model.data(model.index(row, column(model, name)), role)


def test_rows_are_fetched_in_batches_as_the_view_scrolls(qapp, tmp_path):
    with open_empty(tmp_path) as collection:
        with transaction(collection.conn):
            deck_id = ensure_deck(collection.conn, "Bulk")
            for n in range(BATCH * 2 + 4):
                collection.conn.execute(
                    "INSERT INTO cards (id, deck_id, question, answer, position, created_at,"
                    " modified_at) VALUES (?, ?, ?, 'a', ?, '2026-01-01T00:00:00.000Z',"
                    " '2026-01-01T00:00:00.000Z')",
                    (f"c{n:04d}", deck_id, f"卡片 {n}", n),
                )
        model = CardTableModel(collection, now=lambda: NOW)
        assert model.search("") == BATCH * 2 + 4
        assert model.rowCount() == BATCH
        assert model.canFetchMore(QModelIndex())
        model.fetchMore(QModelIndex())
        assert model.rowCount() == BATCH * 2
        model.fetch_all()
        assert model.rowCount() == BATCH * 2 + 4
        assert not model.canFetchMore(QModelIndex())


def test_cells_show_what_a_person_reads(qapp, sample):
    collection, ids = sample
    model = CardTableModel(collection, now=lambda: NOW)
    model.search("deck:docker")
    rows = {model.card_id(r): r for r in range(model.rowCount())}
    bridge, run = rows[ids["bridge"]], rows[ids["run"]]
    assert cell(model, bridge, "question") == "什么是桥接网络？"
    assert cell(model, bridge, "deck") == "Docker::网络"
    assert cell(model, bridge, "tags") == "net net::bridge"
    assert cell(model, bridge, "due") == "2026-11-10"
    assert cell(model, bridge, "interval") == "16 d"
    assert cell(model, bridge, "ease") == "2.60"
    assert cell(model, bridge, "reviews") == "3"
    assert cell(model, bridge, "state") == "review"
    assert cell(model, run, "question") == "What does docker run do?"  # Markdown marks dropped
    assert cell(model, run, "question", Qt.ItemDataRole.ToolTipRole) == "What does `docker run` do?"
    assert cell(model, run, "due") == "(new)"
    assert cell(model, run, "interval") == ""
    assert cell(model, run, "state") == "new"
    assert cell(model, run, "deck", CARD_ID_ROLE) == ids["run"]


def test_sorting_by_a_column_runs_the_search_in_that_order(qapp, sample):
    collection, ids = sample
    model = CardTableModel(collection, now=lambda: NOW)
    model.search("is:review")
    model.sort(column(model, "interval"), Qt.SortOrder.DescendingOrder)
    assert model.card_id(0) == ids["bridge"]
    model.sort(column(model, "state"), Qt.SortOrder.AscendingOrder)
    states = [cell(model, r, "state") for r in range(model.rowCount())]
    assert states == ["learning", "review", "buried"]


def test_a_malformed_query_leaves_the_table_as_it_was(qapp, sample):
    collection, _ = sample
    model = CardTableModel(collection, now=lambda: NOW)
    model.search("tag:cli")
    with pytest.raises(QueryError):
        model.search("tag:cli (")
    assert model.query == "tag:cli"
    assert model.rowCount() == 2


def test_refresh_rereads_edited_rows(qapp, sample):
    collection, ids = sample
    model = CardTableModel(collection, now=lambda: NOW)
    model.search("tag:cli")
    row = model.row_of(ids["later"])
    collection.unsuspend(ids["later"])
    collection.update_card(ids["later"], question="Back in the queue", now=NOW + timedelta(1))
    model.refresh_cards([ids["later"]])
    assert cell(model, row, "question") == "Back in the queue"
    assert cell(model, row, "state") == "new"


def test_one_line_keeps_chinese_and_drops_markup():
    assert one_line("**粗体** 和 `代码`\n\n第二行") == "粗体 和 代码 第二行"
    assert one_line("x" * 300).endswith("…")
