"""Deckard's core: compiling notes, storage, scheduling, import and export. Never imports Qt."""
