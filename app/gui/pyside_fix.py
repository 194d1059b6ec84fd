"""A guard against a reference-counting bug in PySide6 6.12.0 on Python 3.11.

In that release `SignalInstance.emit()` returns `True` without taking a reference to it, so
every signal emitted from Python code takes one reference away from the `True` singleton.
Python 3.11 starts with under a thousand references to `True`, so a few hundred answers in a
review session (each emits signals) bring it to zero and the interpreter aborts with "Fatal
Python error: bool_dealloc". Python 3.12 made `True` and `False` immortal; this module does the
same on older interpreters, and only when the bug is actually present.
"""

from __future__ import annotations

import ctypes
import sys

_PINNED = 1 << 40  # far more emits than any process will ever make


def emit_drops_a_reference() -> bool:
    """True if emitting a Python-declared signal loses a reference to a bool singleton."""
    from PySide6.QtCore import QObject, Signal

    class Probe(QObject):
        ping = Signal()

    probe = Probe()
    before = sys.getrefcount(True) + sys.getrefcount(False)
    for _ in range(8):
        probe.ping.emit()
    after = sys.getrefcount(True) + sys.getrefcount(False)
    return after <= before - 8


def pin_bool_singletons() -> bool:
    """Make `True` and `False` effectively immortal if this PySide6 needs it; True if done."""
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return False
    if not emit_drops_a_reference():
        return False
    for value in (True, False):
        # ob_refcnt is the first field of every CPython object.
        ctypes.c_ssize_t.from_address(id(value)).value += _PINNED
    return True
