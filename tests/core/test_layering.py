"""The core must never pull in Qt: it runs in the CLI, in tests and in workers without a screen."""

import pkgutil
import subprocess
import sys

import app.core


def test_importing_every_core_module_leaves_pyside6_out():
    names = [m.name for m in pkgutil.walk_packages(app.core.__path__, "app.core.")]
    assert "app.core.model" in names
    code = (
        "import importlib, sys\n"
        f"for name in {names!r}:\n"
        "    importlib.import_module(name)\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6')))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
