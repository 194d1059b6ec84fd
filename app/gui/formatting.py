"""Small text formats shared by the deck list, review and done screens (no Qt needed)."""

from __future__ import annotations


def format_duration(seconds: int) -> str:
    """m:ss below an hour, h:mm:ss above."""
    minutes, secs = divmod(max(0, int(seconds)), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"
