"""Preferences that belong to this computer rather than to the collection.

Language, theme, card font size and window layout live in QSettings; deck limits, the day-start
hour and the grading mode live in the collection (they travel with it). Windows receive the
QSettings object they should use, so tests pass one backed by a temporary file.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings

LANGUAGES = ("system", "en", "zh_CN")
THEMES = ("system", "light", "dark")
DEFAULT_FONT_SIZE = 17
MIN_FONT_SIZE = 9
MAX_FONT_SIZE = 48


def default_settings() -> QSettings:
    """The per-user settings file of the installed app."""
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "Deckard", "Deckard")


class UiSettings:
    """Typed access to the QSettings keys the desktop app uses."""

    def __init__(self, settings: QSettings) -> None:
        self.qsettings = settings

    def _choice(self, key: str, allowed: tuple[str, ...]) -> str:
        value = str(self.qsettings.value(key, allowed[0]))
        return value if value in allowed else allowed[0]

    @property
    def language(self) -> str:
        return self._choice("ui/language", LANGUAGES)

    @language.setter
    def language(self, value: str) -> None:
        if value not in LANGUAGES:
            raise ValueError(f"unknown language {value!r}")
        self.qsettings.setValue("ui/language", value)

    @property
    def theme(self) -> str:
        return self._choice("ui/theme", THEMES)

    @theme.setter
    def theme(self, value: str) -> None:
        if value not in THEMES:
            raise ValueError(f"unknown theme {value!r}")
        self.qsettings.setValue("ui/theme", value)

    @property
    def font_size(self) -> int:
        try:
            size = int(self.qsettings.value("review/font_size", DEFAULT_FONT_SIZE))
        except (TypeError, ValueError):
            size = DEFAULT_FONT_SIZE
        return max(MIN_FONT_SIZE, min(MAX_FONT_SIZE, size))

    @font_size.setter
    def font_size(self, value: int) -> None:
        self.qsettings.setValue("review/font_size", max(MIN_FONT_SIZE, min(MAX_FONT_SIZE, value)))

    def blob(self, key: str) -> QByteArray | None:
        """A saved geometry or splitter state, or None if there is none yet."""
        value = self.qsettings.value(key)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def set_blob(self, key: str, value: QByteArray) -> None:
        self.qsettings.setValue(key, value)

    def sync(self) -> None:
        self.qsettings.sync()
