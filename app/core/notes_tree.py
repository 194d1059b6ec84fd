"""Free-form study notes as a tree: sections, sub-sections and indented items.

The notes format is what people type in a plain editor: `#`/`##` headings at the start of a line
open sections, a line starting with `>` opens a sub-section of the current section, and
indentation (tabs, spaces or a mix; a tab counts as four columns) nests a line under the nearest
line above it that is indented less. Fenced code blocks are kept whole as one node. Blank lines
only separate; they never change the nesting.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

HEADING = re.compile(r"^(#{1,6})(?![#!])[ \t]*(\S.*?)(?:[ \t]+#+)?[ \t]*$")
SUBSECTION = re.compile(r"^>[ \t]*(.*?)[ \t]*$")
FENCE = re.compile(r"^[ \t]*(`{3,}|~{3,})[ \t]*([\w+.-]*)")
TAB_WIDTH = 4


@dataclass(
    eq=False, slots=True
)  # nodes are compared by identity: two equal lines are still two lines
class Node:
    """One line of the notes (or one fenced code block) and what is nested under it."""

    text: str
    line: int
    indent: int = 0
    children: list[Node] = field(default_factory=list)
    code: str | None = None  # the whole fenced block, for code nodes
    lang: str = ""
    lines: tuple[int, ...] = ()  # every source line the node itself spans

    @property
    def is_code(self) -> bool:
        return self.code is not None

    def all_lines(self) -> list[int]:
        """The node's own lines and those of everything nested under it."""
        out = list(self.lines)
        for child in self.children:
            out.extend(child.all_lines())
        return out


@dataclass(eq=False)
class Section:
    """A heading or `>` sub-section with its items; `path` is the chain of titles down to it."""

    path: tuple[str, ...]
    line: int | None
    items: list[Node] = field(default_factory=list)
    is_subsection: bool = False


def parse_notes(text: str, first_line: int = 1) -> list[Section]:
    """Split notes into sections (in file order) holding their item trees.

    `first_line` is the line number of the text's first line (for a part of a larger file).
    """
    root = Section(path=(), line=None)
    sections = [root]
    headings: list[tuple[int, str]] = []
    items = root.items  # where a line indented least goes
    heading_section = root
    stack: list[Node] = []  # the open lines, each indented more than the one before
    indents: list[int] = []  # their indentation
    lines = text.split("\n")
    index = 0
    count = len(lines)
    widths: dict[str, int] = {}  # indentation width by leading whitespace; notes use few kinds
    offset = first_line - 1
    while index < count:
        raw = lines[index]
        index += 1
        text = raw.strip()
        if not text:
            continue
        first = raw[0]
        if first == "#" or first == ">":
            raw = raw.rstrip()
            if first == "#":
                heading = HEADING.match(raw)
                if heading:
                    level = len(heading.group(1))
                    headings = [(lvl, title) for lvl, title in headings if lvl < level]
                    headings.append((level, heading.group(2)))
                    path = tuple(t for _, t in headings)
                    heading_section = Section(path, index - 1 + first_line)
                    sections.append(heading_section)
                    items = heading_section.items
                    stack, indents = [], []
                    continue
            else:
                sub = SUBSECTION.match(raw)
                if sub and sub.group(1):
                    path = (*heading_section.path, sub.group(1))
                    section = Section(path, index - 1 + first_line, is_subsection=True)
                    sections.append(section)
                    items = section.items
                    stack, indents = [], []
                    continue
        number = index + offset
        # The first character of the stripped line is the first one that is not blank.
        start = text[0]
        if start == first:
            indent = 0
        else:
            lead = raw.find(start)
            prefix = raw[:lead]
            indent = widths.get(prefix)
            if indent is None:
                indent = widths[prefix] = _indent_width(raw, lead)
        # Only a line whose text starts with three backticks or tildes can open a fence.
        if (start == "`" or start == "~") and text[:3] in ("```", "~~~"):
            fence = FENCE.match(raw)
        else:
            fence = None
        if fence is None:
            node = Node(text, number, indent, [], None, "", (number,))
        else:
            node, index = _code_block(lines, index, number, indent, fence, offset)
            while indents and indents[-1] > indent:
                stack.pop()
                indents.pop()
            if stack and indents[-1] == indent and not stack[-1].children:
                # A code block right after an item at the same level illustrates that item.
                stack[-1].children.append(node)
                continue
        while indents and indents[-1] >= indent:
            stack.pop()
            indents.pop()
        if stack:
            stack[-1].children.append(node)
        else:
            items.append(node)
        if fence is None:  # an item may have items under it; a code block has none
            stack.append(node)
            indents.append(indent)
    return sections


def _code_block(
    lines: list[str], index: int, number: int, indent: int, fence: re.Match[str], offset: int
) -> tuple[Node, int]:
    """The fenced block opening at line `number`; returns it and the index after its end."""
    marker = fence.group(1)
    char = marker[0]  # a marker is one character repeated
    body: list[str] = []
    end = index
    count = len(lines)
    while end < count:
        line = lines[end].rstrip()
        stripped = line.lstrip()
        if stripped.startswith(marker) and not stripped.strip(char):
            break
        body.append(line)
        end += 1
    closed = end < count
    last = (end + 1 if closed else count) + offset
    span = tuple(range(number, last + 1))
    code = _dedent(body, indent)
    node = Node(
        text=lines[index - 1].strip(),
        line=number,
        indent=indent,
        code=code,
        lang=fence.group(2),
        lines=span,
    )
    return node, (end + 1 if closed else end)


def _dedent(body: list[str], indent: int) -> str:
    """The block's lines without the indentation they all share (at most `indent` columns)."""
    expanded = [line.expandtabs(TAB_WIDTH) for line in body] if "\t" in "".join(body) else body
    cut = indent
    for line in expanded:
        if line:  # the lines are stripped at the end: a blank line is empty
            width = len(line) - len(line.lstrip())
            if width < cut:
                cut = width
    return "\n".join([line[cut:] for line in expanded]).strip("\n")


def _indent_width(line: str, lead: int) -> int:
    """The indentation of `line`, whose first `lead` characters are whitespace."""
    prefix = line[:lead]
    if prefix.count("\t") == lead:
        return lead * TAB_WIDTH
    if "\t" not in prefix and not prefix.strip(" \u3000"):
        return lead
    width = 0
    for char in line:
        if char == "\t":
            width += TAB_WIDTH - width % TAB_WIDTH
        elif char in " \u3000":
            width += 1
        else:
            break
    return width
