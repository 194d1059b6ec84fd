"""Light and dark looks for the whole app, and the colours the card view uses for each.

Qt's Fusion style with an explicit palette looks the same on every platform, so both themes can
be checked from screenshots. "Follow system" asks Qt for the platform's colour scheme.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

# Latin first, then a CJK face, so Chinese never falls back to boxes on any platform.
UI_FONT_FAMILIES = ["Noto Sans", "DejaVu Sans", "Segoe UI", "Noto Sans CJK SC", "Microsoft YaHei"]
CARD_FONT_FAMILIES = ["Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC"]
CODE_FONT_FAMILIES = ["DejaVu Sans Mono", "Noto Sans Mono CJK SC", "Consolas", "Menlo"]


@dataclass(frozen=True)
class CardColours:
    """Colours of the card view, chosen to keep code blocks readable against the page."""

    text: str
    background: str
    muted: str
    rule: str
    code_background: str
    inline_code: str
    link: str


LIGHT_CARD = CardColours(
    "#1d1f21", "#fdfdfb", "#6a6f76", "#d5d7da", "#f0f0f0", "#ebeae6", "#1a5fb4"
)
DARK_CARD = CardColours("#e6e6e6", "#1f2125", "#9aa0a6", "#3a3d42", "#272822", "#383b41", "#78aeed")


def system_prefers_dark() -> bool:
    """True when the platform reports a dark colour scheme."""
    app = QGuiApplication.instance()
    if app is None:
        return False
    return QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark


def resolve_dark(choice: str) -> bool:
    """Whether the theme preference ("system", "light" or "dark") means dark right now."""
    if choice == "dark":
        return True
    if choice == "light":
        return False
    return system_prefers_dark()


def _palette(dark: bool) -> QPalette:
    palette = QPalette()
    if dark:
        window, base, alt, text = "#2b2d31", "#1f2125", "#26282c", "#e6e6e6"
        button, highlight, link, disabled = "#35383d", "#3d6fb6", "#78aeed", "#7c8087"
    else:
        window, base, alt, text = "#f3f3f1", "#ffffff", "#f6f6f4", "#1d1f21"
        button, highlight, link, disabled = "#e9e9e6", "#2f6fd0", "#1a5fb4", "#9a9da2"
    role = QPalette.ColorRole
    for name, colour in (
        (role.Window, window),
        (role.Base, base),
        (role.AlternateBase, alt),
        (role.Button, button),
        (role.Highlight, highlight),
        (role.Link, link),
        (role.ToolTipBase, base),
    ):
        palette.setColor(name, QColor(colour))
    for name in (role.WindowText, role.Text, role.ButtonText, role.ToolTipText):
        palette.setColor(name, QColor(text))
    palette.setColor(role.HighlightedText, QColor("#ffffff"))
    palette.setColor(role.PlaceholderText, QColor(disabled))
    for name in (role.WindowText, role.Text, role.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, name, QColor(disabled))
    return palette


def apply_theme(app: QApplication, dark: bool) -> None:
    """Give the application the Fusion style and the light or dark palette."""
    app.setStyle("Fusion")
    app.setPalette(_palette(dark))
    app.setProperty("deckard_dark", dark)


def app_is_dark() -> bool:
    """The theme the running application was last given (light when none was applied)."""
    app = QApplication.instance()
    return bool(app.property("deckard_dark")) if app is not None else False


def card_colours(dark: bool) -> CardColours:
    return DARK_CARD if dark else LIGHT_CARD
