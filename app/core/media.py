"""Media file names from untrusted sources (Anki packages, imported decks).

A media name must be one plain file name: whatever a package says, nothing may be written
outside the collection's media folder, so names that could be read as a path are refused.
"""

from __future__ import annotations

import re

from app.core.errors import InputError

# A Windows drive ("C:") makes a name absolute there even without a slash.
_DRIVE = re.compile(r"^[A-Za-z]:")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
# Opening these on Windows reaches a device, whatever the extension.
_WINDOWS_DEVICES = frozenset(
    {"CON", "PRN", "AUX", "NUL"}
    | {f"COM{n}" for n in range(1, 10)}
    | {f"LPT{n}" for n in range(1, 10)}
)
MAX_NAME_BYTES = 255


def name_problem(name: str) -> str | None:
    """Why `name` is not a single plain file name, or None when it is one."""
    if not isinstance(name, str) or not name:
        return "is empty"
    if "\x00" in name:
        return "contains a NUL character"
    if "/" in name or "\\" in name:
        return "is a path, not a file name"
    if name.strip() in (".", ".."):
        return "points outside the media folder"
    if _DRIVE.match(name):
        return "is an absolute path"
    if ":" in name:
        return "contains ':' (on Windows that writes a hidden stream of another file)"
    if _CONTROL.search(name):
        return "contains a control character"
    if name.split(".")[0].strip().upper() in _WINDOWS_DEVICES:
        return "is a device name on Windows"
    if len(name.encode("utf-8", "surrogatepass")) > MAX_NAME_BYTES:
        return f"is longer than {MAX_NAME_BYTES} bytes"
    return None


def shown_name(name: str) -> str:
    """A name quoted for an error message, shortened if long."""
    return repr(name) if len(name) <= 80 else repr(name[:77] + "...")


def check_media_name(name: str) -> str:
    """Return `name` if it is a single plain file name; raise InputError otherwise."""
    problem = name_problem(name)
    if problem is not None:
        raise InputError(f"media file name {shown_name(name)} {problem}")
    return name
