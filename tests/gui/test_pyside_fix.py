"""Emitting many signals from Python must not wear out the `True` singleton (PySide6 6.12.0)."""

from __future__ import annotations

import subprocess
import sys

PROGRAM = """
import app.gui
from PySide6.QtCore import QObject, Signal

class Source(QObject):
    changed = Signal(str)

source = Source()
received = []
source.changed.connect(received.append)
for number in range(5000):
    source.changed.emit(str(number))
assert len(received) == 5000
print("ok")
"""


def test_five_thousand_emits_leave_the_interpreter_healthy():
    done = subprocess.run(
        [sys.executable, "-c", PROGRAM], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr[-500:]
    assert done.stdout.strip() == "ok"
