"""The UI ships complete English and Simplified Chinese and switches language without a restart."""

from __future__ import annotations

import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QTranslator

import app.gui
from app.gui.application import I18N_DIR, install_language, resolve_language
from app.gui.main_window import MainWindow
from tests.gui.support import NOON, make_collection, make_settings

TS_DIR = Path(app.gui.__file__).parent / "i18n"


@pytest.fixture
def chinese(qapp):
    install_language(qapp, "zh_CN")
    yield
    install_language(qapp, "en")


def test_menus_are_chinese_when_language_is_zh_cn(qtbot, tmp_path, chinese, qapp):
    collection = make_collection(tmp_path)
    window = MainWindow(collection, make_settings(tmp_path), clock=lambda: NOON)
    qtbot.addWidget(window)
    assert window.file_menu.title() == "文件(&F)"
    assert window.tools_menu.title() == "工具(&T)"
    assert window.action_check.text() == "检查卡片集(&C)"
    assert window.model.headerData(0, window.tree.header().orientation()) == "牌组"
    window.study("Docker")
    assert window.review.show_button.text() == "显示答案（空格）"
    assert "今日剩余" in window.review.status.text()

    install_language(qapp, "en")  # switching back retranslates the open window
    qtbot.waitUntil(lambda: window.file_menu.title() == "&File")
    assert window.review.show_button.text() == "Show answer (Space)"
    window.close()
    collection.close()


def test_follow_system_picks_chinese_for_a_chinese_locale(monkeypatch):
    from PySide6.QtCore import QLocale

    monkeypatch.setattr(QLocale, "system", staticmethod(lambda: QLocale("zh_CN")))
    assert resolve_language("system") == "zh_CN"
    monkeypatch.setattr(QLocale, "system", staticmethod(lambda: QLocale("de_DE")))
    assert resolve_language("system") == "en"
    assert resolve_language("en") == "en"


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_catalogues_are_complete_and_compiled(qapp, language):
    tree = ET.parse(TS_DIR / f"deckard_{language}.ts")
    messages = list(tree.iter("message"))
    assert len(messages) > 100
    unfinished = [
        m.find("source").text for m in messages if m.find("translation").get("type") is not None
    ]
    assert unfinished == []
    translator = QTranslator()
    assert translator.load(f"deckard_{language}", str(I18N_DIR))
    expected = {"zh_CN": "帮助(&H)", "en": "&Help"}[language]
    assert translator.translate("MainWindow", "&Help") == expected


@pytest.mark.skipif(shutil.which("pyside6-lupdate") is None, reason="needs pyside6-lupdate")
def test_every_translatable_string_is_in_the_catalogue(tmp_path):
    sources = sorted(str(p) for p in Path(app.gui.__file__).parent.glob("*.py"))
    fresh = tmp_path / "fresh.ts"
    subprocess.run(
        ["pyside6-lupdate", *sources, "-ts", str(fresh)], check=True, capture_output=True
    )

    def texts(path):
        return {
            (c.find("name").text, m.find("source").text)
            for c in ET.parse(path).iter("context")
            for m in c.iter("message")
        }

    assert texts(fresh) <= texts(TS_DIR / "deckard_zh_CN.ts")


def test_standard_buttons_are_chinese_too(qtbot, tmp_path, chinese):
    from app.gui.dialogs import Standard
    from app.gui.preferences_dialog import PreferencesDialog

    collection = make_collection(tmp_path)
    dialog = PreferencesDialog(collection, make_settings(tmp_path))
    qtbot.addWidget(dialog)
    assert dialog.buttons.button(Standard.Ok).text() == "确定"
    assert dialog.buttons.button(Standard.Cancel).text() == "取消"
    assert dialog.tabs.tabText(0) == "学习"
    collection.close()
