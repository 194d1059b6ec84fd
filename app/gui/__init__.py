"""Deckard's PySide6 desktop interface: windows, widgets, item models and background workers."""

from app.gui.pyside_fix import pin_bool_singletons

pin_bool_singletons()
