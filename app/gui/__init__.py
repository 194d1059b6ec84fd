"""Deckard's PySide6 desktop interface: windows, widgets, item models and background workers."""
