"""Compiling large notes on several cores: where notes can be cut, and the worker processes.

A part of the notes compiles on its own exactly as it does inside the whole file when it starts at
a heading that closes every heading above it (the parser keeps nothing across such a line) outside
a fenced code block, and when no title that starts a question path (`# Docker` in
"Docker › 网络 › …") occurs in two parts: the first line of each path is remembered for the whole
file, so a path may not continue in another part. Cards that ask the same question in two parts,
and ids that collide, are settled afterwards in file order by the caller, which sees every card.

Worker processes are forked (Linux only, and from the main thread only: elsewhere forking a
process that has loaded a GUI is not safe) and inherit the notes, so only the parts' bounds go to
them and plain lists come back.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from app.core import forking
from app.core.notes_tree import FENCE, HEADING, SUBSECTION

# A line that may be a heading, or open or close a fence (closers may have any leading space):
# the first line, then the others (a search for a line break first is faster than for `^`).
_FIRST_LINE = re.compile(r"((?:#|[^\S\n]*(?:```|~~~))[^\n]*)")
_SCAN = re.compile(r"\n((?:#|[^\S\n]*(?:```|~~~))[^\n]*)")
_QUOTE_LINE = re.compile(r"^>[^\n]*", re.MULTILINE)

# Below this many characters the notes compile in-process: starting workers costs more.
PARALLEL_MIN_CHARS = 100_000
# Parts are small enough that the workers stay busy while the caller merges finished parts,
# and that a part's cards (about 7 bytes sent per character of notes) fit in the pipe a worker
# sends them through: a worker never waits for the caller to finish a part of its own.
PART_CHARS = 50_000


def parallel_parts(text: str) -> tuple[list[tuple[int, int, int]], int]:
    """The parts to compile `text` in and how many processes to use (none: compile in-process)."""
    if len(text) < PARALLEL_MIN_CHARS:
        return [], 0
    workers = forking.worker_count()
    bounds = part_bounds(text, PART_CHARS) if workers else []
    return bounds, (workers if len(bounds) > 1 else 0)


def part_bounds(text: str, part_chars: int) -> list[tuple[int, int, int]]:
    """Where `text` may be cut into parts of about `part_chars`: (start, end, first line number).

    One part (the whole text) when nowhere qualifies.
    """
    cuts: list[tuple[int, str]] = []  # (offset, title) of each heading that closes all above it
    # A heading closes all above it when its level is at most that of every heading before it.
    lowest = 7
    fence: str | None = None
    first = _FIRST_LINE.match(text)
    for match in _chain(first, _SCAN.finditer(text)):
        raw = match.group(1)
        if fence is not None:
            # The parser's rule for the end of a block: only marker characters, at least as many.
            stripped = raw.strip()
            if stripped.startswith(fence) and not stripped.strip(fence[0]):
                fence = None
            continue
        if raw[0] == "#":
            # A heading's level is its number of `#`: one deeper than the lowest changes nothing.
            if len(raw) - len(raw.lstrip("#")) <= lowest:
                heading = HEADING.match(raw.rstrip())
                if heading:
                    lowest = len(heading.group(1))
                    cuts.append((match.start(1), heading.group(2)))
            continue
        opening = FENCE.match(raw)
        if opening:
            fence = opening.group(1)
    if len(cuts) < 2:
        return [(0, len(text), 1)]
    # `> titles` before the first heading start paths too (over-counted: fences are not skipped).
    preamble = {
        sub.group(1)
        for quoted in _QUOTE_LINE.findall(text, 0, cuts[0][0])
        if (sub := SUBSECTION.match(quoted.rstrip())) and sub.group(1)
    }
    # A cut may not fall between two places where the same title starts a path.
    last_index: dict[str, int] = {title: 0 for title in preamble}
    for index, (_, title) in enumerate(cuts, 1):
        last_index[title] = index
    reach = max((last_index[title] for title in preamble), default=0)
    bounds: list[tuple[int, int, int]] = []
    part_start, part_line = 0, 1
    for index, (offset, title) in enumerate(cuts, 1):
        if index > reach and offset - part_start >= part_chars:
            bounds.append((part_start, offset, part_line))
            part_start, part_line = offset, part_line + text.count("\n", part_start, offset)
        reach = max(reach, last_index[title])
    bounds.append((part_start, len(text), part_line))
    return bounds


def _chain(first: re.Match[str] | None, rest: Iterator[re.Match[str]]) -> Iterator[re.Match[str]]:
    if first is not None:
        yield first
    yield from rest
