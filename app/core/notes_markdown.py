"""How notes lines read as Markdown on a card.

`render_answer` turns the lines nested under an item into a card answer: commands become
highlighted code, nested items become nested lists; `named_answer`, `item_markdown` and the
span helpers render one line or one part of it. What a line is comes from app/core/notes_items.py.
"""

from __future__ import annotations

import re
from functools import lru_cache

from app.core.notes_items import (
    _CJK,
    _CJK_PUNCT,
    _COMMAND_WORDS,
    _DOCKERFILE_WORDS,
    _ENGLISH_GLUE,
    SHELL_WORDS,
    analyze,
    collapse,
    comment_parts,
    explained,
    is_code_like,
)
from app.core.notes_tree import Node

# What marks a word after a command as one of its arguments in an English sentence.
_CODE_ARG = re.compile(r"^-|[/.=:$<>@~*]")
_CODE_START = re.compile(r"[A-Za-z$./~_-]")
_NEEDS_ESCAPE = re.compile(r"[\\<>*_`]|^(?:[#+-]|\d+\.)\s")
_EMPHASIS = re.compile(r"([*_`])")
_BLOCK_START = re.compile(r"^([#+-]|\d+\.)(?=\s)")
_NOT_HUB = r"(?![ \t]+hub(?![a-z]))"  # "docker hub" is a website, not a command
_INLINE_COMMAND = re.compile(
    # Every branch starts with a lower-case word or `--` at the start of a word: testing that
    # first makes the search skip Chinese text and the inside of words quickly.
    r"(?=[a-z-])(?<![A-Za-z0-9_-])(?:"
    # a command and the ASCII words after it, up to the first word glued to Chinese ...
    rf"(?<![A-Za-z0-9_`-])(?:{_COMMAND_WORDS}){_NOT_HUB}(?:[ \t]+[\x21-\x7e]+(?=[ \t]|$))+"
    # ... or a command and one sub-command glued to Chinese ("docker import和docker load") ...
    rf"|(?<![A-Za-z0-9_`-])(?:{_COMMAND_WORDS}){_NOT_HUB}[ \t]+[a-z][a-z0-9-]*(?=[\u4e00-\u9fff])"
    # ... or a long option.
    r"|(?<![A-Za-z0-9_-])--[A-Za-z][A-Za-z0-9_-]*(?:=[\x21-\x7e]+)?"
    r")"
)
# Words after a command that say what it is rather than what to type (`docker registry 工具`).
_KIND_WORDS = frozenset(["工具", "软件", "平台", "网站", "插件", "框架", "客户端"])


def named_answer(name: str, explanation: str, *, with_name: bool = False) -> str:
    """`workdir` + `<路径>，不存在会自动创建` -> "`workdir <路径>`，不存在会自动创建"."""
    syntax, words = explained(name, explanation)
    if not syntax:
        return f"{code_span(name)} {prose(words)}" if with_name else prose(words)
    code = code_span(f"{name} {syntax}")
    if not words:
        return code
    return code + ("" if _CJK_PUNCT.match(words) else " ") + prose(words)


def escape_markdown(text: str) -> str:
    """Plain notes text as Markdown that shows exactly that text."""
    # Most text has nothing to escape: a few substring tests say so quicker than a search
    # (which has no fixed start to look for, because of the block start at position 0).
    if (
        "\\" not in text
        and "<" not in text
        and ">" not in text
        and "*" not in text
        and "_" not in text
        and "`" not in text
    ):
        first = text[:1]
        if not (first in "#+-" or first.isdigit()) or not _NEEDS_ESCAPE.match(text):
            return text
    text = text.replace("\\", "\\\\").replace("<", "&lt;").replace(">", "&gt;")
    text = _EMPHASIS.sub(r"\\\1", text)
    return _BLOCK_START.sub(r"\\\1", text)


def code_span(text: str) -> str:
    if "`" not in text:
        return f"`{text}`"
    fence = "``"
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def code_phrase(text: str) -> str:
    """A command as a code span; a last word naming what kind of thing it is stays outside.

    `docker registry 工具` -> "`docker registry` 工具" (nobody types 工具), while placeholders
    such as `docker container rm 容器名` stay whole.
    """
    code, _, last = text.rpartition(" ")
    if code and last in _KIND_WORDS:
        return f"{code_span(code)} {escape_markdown(last)}"
    return code_span(text)


def prose(text: str) -> str:
    """An explanation as inline Markdown: commands inside it in code spans, the rest escaped."""
    return _inline(text, False)


def inline(text: str, *, whole_code: bool = True) -> str:
    """One line of notes as inline Markdown: commands in code spans, the rest escaped."""
    return _inline(text, whole_code)


# A line is often rendered twice: in its parent's answer and on a card of its own.
@lru_cache(maxsize=4096)
def _inline(text: str, whole_code: bool) -> str:
    text = collapse(text)
    if whole_code and is_code_like(text):
        return code_phrase(text)
    match = _INLINE_COMMAND.search(text)
    if match is None:  # most lines hold no command
        return escape_markdown(text)
    # In an English sentence, the words after a command are mostly the sentence's.
    english = not _CJK.search(text)
    sentence = english and len(_ENGLISH_GLUE.findall(text)) >= 2
    out: list[str] = []
    position = 0
    while match is not None:
        command = match.group().rstrip()
        if english:
            command = _english_command(command, whole_sentence=sentence)
        start = match.start()
        out.append(escape_markdown(text[position:start]))
        out.append(code_span(command))
        position = start + len(command)
        match = _INLINE_COMMAND.search(text, match.end())
    out.append(escape_markdown(text[position:]))
    return "".join(out)


def _english_command(command: str, *, whole_sentence: bool) -> str:
    """A command in English prose: its name, the next word unless the prose is a whole sentence
    (`git status to see conflicted files` -> `git status`; `sudo runs one command as root with
    …` -> `sudo`), and any words after that look like code (`git push -u origin`)."""
    words = command.split(" ")
    kept = words[:1] if whole_sentence else words[:2]
    if len(kept) == 2 and _ENGLISH_GLUE.fullmatch(kept[1]):
        kept = kept[:1]
    for word in words[len(kept) :]:
        if len(kept) < 2 or not _CODE_ARG.search(word):
            break
        kept.append(word)
    return " ".join(kept)


def item_markdown(node_text: str) -> str:
    """A nested line as it reads inside an answer list."""
    item = analyze(node_text)
    kind = item.kind
    prefix = f"{item.number}. " if item.number is not None else ""
    if kind == "keyvalue" and item.right:
        # The colon the notes use: full-width in Chinese notes, `: ` in English ones.
        colon = "：" if "：" in item.text else (": " if ":" in item.text else " ")
        return f"{prefix}{escape_markdown(item.left)}{colon}{_inline(item.right, True)}"
    if kind == "named":
        return prefix + named_answer(item.left, item.right, with_name=True)
    if kind == "comment":
        return f"{prefix}{code_span(item.left)} — {_inline(item.right, True)}"
    return prefix + _inline(item.text, True)


def _code_lang(lines: list[str]) -> str:
    if len(lines) == 1:  # the usual run: one command
        line = lines[0]
        if not line.strip():
            return ""
        first = line.split(" ", 1)[0]
        if first.upper() in _DOCKERFILE_WORDS:
            return "dockerfile"
        return "sh" if first in SHELL_WORDS else ""
    firsts = {line.split(" ", 1)[0] for line in lines if line.strip()}
    if firsts and {word.upper() for word in firsts} <= _DOCKERFILE_WORDS:
        return "dockerfile"
    if firsts and firsts <= SHELL_WORDS:
        return "sh"
    return ""


def code_block(lines: list[str], lang: str | None = None) -> str:
    """Command lines as a fenced block; `# comments` after them are lined up."""
    codes: list[str] = []
    notes: list[str] = []
    width = 0  # of the widest command that has a comment
    for line in lines:
        code = collapse(line)
        comment = comment_parts(code) if "#" in code else None
        if comment:
            code = comment[0]
            notes.append("# " + comment[1])
            if len(code) > width:
                width = len(code)
        else:
            notes.append("")
        codes.append(code)
    if width:
        body = [
            f"{code.ljust(width)}  {note}" if note else code
            for code, note in zip(codes, notes, strict=True)
        ]
    else:
        body = codes
    lang = _code_lang(codes) if lang is None else lang
    if not body:
        return f"```{lang}\n```"
    text = "\n".join(body)
    # Lines end in line breaks, so three backticks in the text are three in one line.
    fence = "````" if "```" in text else "```"
    return f"{fence}{lang}\n{text}\n{fence}"


def fenced(node: Node) -> str:
    code = node.code or ""
    fence = "````" if "```" in code else "```"
    return f"{fence}{node.lang}\n{code}\n{fence}" if code else f"{fence}{node.lang}\n{fence}"


def is_code_node(node: Node) -> bool:
    if node.code is not None:
        return True
    if node.children:
        return False
    return _is_code_line(node.text)


@lru_cache(maxsize=4096)
def _is_code_line(text: str) -> bool:
    comment = comment_parts(collapse(text)) if "#" in text else None
    if comment:
        # What stands before a `# comment` is code even with Chinese placeholders in it.
        return bool(_CODE_START.match(comment[0]))
    return is_code_like(text)


def render_nodes(nodes: list[Node], depth: int = 0) -> str:
    """Nested lines as a Markdown answer: runs of commands as code blocks, the rest as lists."""
    pad = "    " * depth
    count = len(nodes)
    if count > 1 and _are_steps(nodes):
        # Numbered steps are an ordered list (`1. …`), not bullets holding numbers.
        lines: list[str] = []
        for node in nodes:
            lines.append(pad + item_markdown(node.text))
            if node.children:
                lines.append(render_nodes(node.children, depth + 1))
        return "\n".join(lines)
    blocks: list[str] = []
    pending_list: list[str] = []
    index = 0
    while index < count:
        node = nodes[index]
        if node.code is None and (node.children or not _is_code_line(node.text)):
            pending_list.append(f"{pad}- {item_markdown(node.text)}")
            if node.children:
                pending_list.append(render_nodes(node.children, depth + 1))
            index += 1
            continue
        # A run of command lines, or one fenced block.
        run = []
        while index < count:
            line = nodes[index]
            if line.code is not None or line.children or not _is_code_line(line.text):
                break
            run.append(line.text)
            index += 1
        if depth:
            if run:
                # Fenced blocks do not work inside list items: nested commands are code spans.
                pending_list.extend(f"{pad}- {code_span(collapse(line))}" for line in run)
            else:
                # An indented code block inside the list item, set off by a blank line.
                pending_list.append("")
                code = node.code or ""
                pending_list.extend(f"{pad}    {line}" if line else "" for line in code.split("\n"))
                pending_list.append("")
                index += 1
            continue
        if pending_list:
            blocks.append("\n".join(pending_list))
            pending_list.clear()
        if run:
            blocks.append(code_block(run))
        else:
            blocks.append(fenced(node))
            index += 1
    if pending_list:
        blocks.append("\n".join(pending_list))
    return "\n\n".join(blocks)


def _are_steps(nodes: list[Node]) -> bool:
    """Whether `nodes` are lines numbered 1, 2, 3…, as an ordered list shows them (the
    Markdown renderer numbers every ordered list from 1)."""
    for expected, node in enumerate(nodes, 1):
        text = node.text
        if node.code is not None or not text[:1].isdigit() or analyze(text).number != expected:
            return False
    return True


def render_answer(nodes: list[Node]) -> str:
    """The answer for an item's nested lines; a single plain line is not made into a list."""
    if len(nodes) == 1:
        node = nodes[0]
        if node.code is not None:
            return fenced(node)
        if not node.children:
            # What render_nodes makes of one line, without its bookkeeping.
            text = node.text
            return code_block([text]) if _is_code_line(text) else item_markdown(text)
    return render_nodes(nodes)


def _indent(block: str, pad: str) -> str:
    return "\n".join(pad + line if line else line for line in block.split("\n"))
