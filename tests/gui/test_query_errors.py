"""A malformed search query is explained in the interface language, values and place kept."""

from __future__ import annotations

import ast
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt

import app.core.search
from app.core.errors import QueryError
from app.core.search import compile_query
from app.gui.application import install_language
from app.gui.browser import BrowserWindow
from app.gui.query_errors import describe, known_sentences
from tests.core.sample_collection import NOW, make_sample


@pytest.fixture
def chinese(qapp):
    install_language(qapp, "zh_CN")
    yield
    install_language(qapp, "en")


def error_for(query: str) -> QueryError:
    with pytest.raises(QueryError) as caught:
        compile_query(query, now=datetime(2026, 3, 1, 12, tzinfo=UTC))
    return caught.value


def test_every_sentence_the_search_can_raise_is_translated():
    tree = ast.parse(Path(app.core.search.__file__).read_text(encoding="utf-8"))
    raised = {
        node.args[0].value
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and getattr(node.func, "id", None) == "QueryError"
        and isinstance(node.args[0], ast.Constant)
    }
    calls = [
        node
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "QueryError"
    ]
    assert len(raised) >= 20
    assert all(isinstance(call.args[0], ast.Constant) for call in calls)
    assert raised == known_sentences()


@pytest.mark.parametrize(
    ("query", "chinese_text"),
    [
        (
            "is:foo",
            "is: 只接受 new|due|review|learning|suspended|buried 之一，"
            "而不是 'foo'（第 4 个字符处）",
        ),
        ("prop:ivl>x", "prop:ivl 要与整数比较（第 10 个字符处）"),
        ("rated:0", "rated: 需要从 1 起的天数，例如 rated:7（第 7 个字符处）"),
        ('"kernel', '这个引号没有闭合：请补上结尾的 "（第 1 个字符处）'),
        ("a or", "'or' 后面需要一个搜索词（第 3 个字符处）"),
    ],
)
def test_query_errors_read_in_chinese(chinese, query, chinese_text):
    assert describe(error_for(query)) == chinese_text


def test_english_interface_shows_the_core_message(qapp):
    error = error_for("is:foo")
    assert describe(error) == str(error)


def test_browser_shows_the_chinese_message(qtbot, tmp_path, chinese):
    collection, _ = make_sample(tmp_path)
    settings = QSettings(str(tmp_path / "browser.ini"), QSettings.Format.IniFormat)
    window = BrowserWindow(collection, settings=settings, now=lambda: NOW, ask=lambda _q: True)
    qtbot.addWidget(window)
    window.search_edit.setText("tag:cli (is:new")
    qtbot.keyClick(window.search_edit, Qt.Key.Key_Return)
    assert window.error_label.text() == '无法搜索：这个 "(" 没有闭合：请补上 ")"（第 9 个字符处）'
    window.close()
    collection.close()
