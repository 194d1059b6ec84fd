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
from itertools import compress, count

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
            # Most nested lines have nothing under them: their own lines are all there is.
            out.extend(child.all_lines() if child.children else child.lines)
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
    lines = text.split("\n")
    return parse_lines(lines, list(map(str.strip, lines)), first_line)


def parse_lines(lines: list[str], stripped: list[str], first_line: int = 1) -> list[Section]:
    """`parse_notes` for notes already split into lines (at line feeds only), and those lines
    stripped."""
    root = Section(path=(), line=None)
    sections = [root]
    headings: list[tuple[int, str]] = []
    heading_section = root
    # The children of the open lines, each line indented more than the one before, under the
    # section's items (indented less than any line): every line has a parent on the stack.
    kids: list[list[Node]] = [root.items]
    indents: list[int] = [-1]  # their indentation
    # The blank lines skipped outside the loop over the lines.
    rows = compress(zip(count(first_line), lines, stripped), stripped)
    resume = first_line  # the first line after the last code block
    new_node = object.__new__
    widths = _Widths()
    for number, raw, text in rows:
        if number < resume:
            continue  # inside the code block just read
        # The first character of the stripped line is the first one that is not blank.
        start, first = text[0], raw[0]
        indent = 0 if start == first else widths[raw[: raw.find(start)]]
        if first in "#>":
            raw = raw.rstrip()
            if first == "#":
                heading = HEADING.match(raw)
                if heading:
                    level = len(heading.group(1))
                    headings = [(lvl, title) for lvl, title in headings if lvl < level]
                    headings.append((level, heading.group(2)))
                    path = tuple(t for _, t in headings)
                    heading_section = Section(path, number)
                    sections.append(heading_section)
                    kids, indents = [heading_section.items], [-1]
                    continue
            else:
                sub = SUBSECTION.match(raw)
                if sub and sub.group(1):
                    path = (*heading_section.path, sub.group(1))
                    section = Section(path, number, is_subsection=True)
                    sections.append(section)
                    kids, indents = [section.items], [-1]
                    continue
        # Only a line whose text starts with three backticks or tildes can open a fence.
        if start in "`~" and text[:3] in ("```", "~~~"):
            fence = FENCE.match(raw)
            if fence is not None:
                node, resume = _code_block(lines, number - first_line + 1, number, indent, fence)
                resume += first_line
                while indents[-1] > indent:
                    kids.pop()
                    indents.pop()
                if indents[-1] == indent and not kids[-1]:
                    # A code block right after an item at the same level illustrates that item.
                    kids[-1].append(node)
                    continue
                while indents[-1] >= indent:
                    kids.pop()
                    indents.pop()
                kids[-1].append(node)  # a code block has no items under it
                continue
        children: list[Node] = []
        while indents[-1] >= indent:
            kids.pop()
            indents.pop()
        # Made field by field: calling the class runs its __init__ as a call from C, which
        # costs more than the seven stores (the notes have a node per line).
        node = new_node(Node)
        node.text = text
        node.line = number
        node.indent = indent
        node.children = children
        node.code = None
        node.lang = ""
        node.lines = (number,)
        kids[-1].append(node)
        kids.append(children)
        indents.append(indent)
    return sections


# A line of code that opens an indented block: `for k, v in d.items():`, `server {`.
_BLOCK_OPENER = re.compile(
    r"(?:for|while|if|elif|else|def|class|with|try|except|finally|async|match|case)\b[ -~]*:"
    r"|[ -~]*[ )\w]\{"
)


def fold_code_openers(items: list[Node]) -> None:
    """Turn code written with indentation instead of a fence into one code node: a line such
    as `for k, v in d.items():` or `server {` with lines nested under it (and the `}` closing
    it) is a block of code, not an item with a list under it."""
    index = 0
    while index < len(items):
        node = items[index]
        if node.children and node.code is None:
            text = node.text
            if text[-1:] in ":{" and _BLOCK_OPENER.fullmatch(text):
                body = [text]
                _indented(node.children, 1, body)
                lines = node.all_lines()
                following = items[index + 1] if index + 1 < len(items) else None
                if (
                    text[-1] == "{"
                    and following is not None
                    and following.code is None
                    and not following.children
                    and following.text.startswith("}")
                ):
                    body.append(following.text)
                    lines.extend(following.lines)
                    del items[index + 1]
                node.code = "\n".join(body)
                node.lang = "python" if text[-1] == ":" else ""
                node.lines = tuple(sorted(lines))
                node.children = []
            else:
                fold_code_openers(node.children)
        index += 1


def _indented(nodes: list[Node], depth: int, out: list[str]) -> None:
    for node in nodes:
        if node.code is not None:
            out.extend("    " * depth + line if line else "" for line in node.code.split("\n"))
        else:
            out.append("    " * depth + node.text)
        _indented(node.children, depth + 1, out)


def _code_block(
    lines: list[str], index: int, number: int, indent: int, fence: re.Match[str]
) -> tuple[Node, int]:
    """The fenced block opening at line `number` (before `lines[index]`); returns it and the
    index after its end."""
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
    last = number + (end + 1 if closed else count) - index
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


class _Widths(dict[str, int]):
    """Indentation width by the blanks a line starts with: notes use few kinds of them."""

    def __missing__(self, prefix: str) -> int:
        if prefix.count("\t") == len(prefix):
            width = len(prefix) * TAB_WIDTH
        elif "\t" not in prefix and not prefix.strip(" \u3000"):
            width = len(prefix)
        else:
            width = 0
            for char in prefix:
                if char == "\t":
                    width += TAB_WIDTH - width % TAB_WIDTH
                elif char in " \u3000":
                    width += 1
                else:
                    break
        self[prefix] = width
        return width
