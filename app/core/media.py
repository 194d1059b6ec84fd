"""Media file names from untrusted sources (Anki packages, imported decks).

A media name must be one plain file name: whatever a package says, nothing may be written
outside the collection's media folder, so names that could be read as a path are refused.
"""

from __future__ import annotations

import re

from app.core.errors import InputError

# A Windows drive ("C:") would make the name absolute there even without a slash.
_DRIVE = re.compile(r"^[A-Za-z]:")


def check_media_name(name: str) -> str:
    """Return `name` if it is a single plain file name; raise InputError otherwise."""
    if not isinstance(name, str) or not name:
        raise InputError("empty media file name")
    shown = repr(name) if len(name) <= 80 else repr(name[:77] + "...")
    if "\x00" in name:
        raise InputError(f"media file name {shown} contains a NUL character")
    if "/" in name or "\\" in name:
        raise InputError(f"media file name {shown} is a path, not a file name")
    if name in (".", "..") or name.strip() in (".", ".."):
        raise InputError(f"media file name {shown} points outside the media folder")
    if _DRIVE.match(name):
        raise InputError(f"media file name {shown} is an absolute path")
    if len(name.encode("utf-8", "surrogatepass")) > 255:
        raise InputError(f"media file name {shown} is longer than 255 bytes")
    return name
