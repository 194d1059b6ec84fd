"""What the lines under an item, or one line among its siblings, are as a whole.

The card rules (app/core/notes_cards.py) ask these before wording a question: whether an item's
nested lines are numbered steps or a set of options, whether an item is a heading-like label,
whether a nested line is asked about on its own, whether a bare line among commands is one of
them, and whether a meaning can stand alone as a question.
"""

from __future__ import annotations

import re

from app.core.notes_items import Item, analyze, is_code_like
from app.core.notes_markdown import _is_code_line, is_code_node
from app.core.notes_tree import Node


def asks_by_itself(text: str, names: bool) -> bool:
    """Whether a line nested under an item gives cards of its own besides being on the item's
    card: a `key：value` line; with `names`, also a name with its explanation or a command
    with its meaning."""
    if not names and "：" not in text and ":" not in text and _is_code_line(text):
        return False  # a command is no `key：value` line (its test is cached)
    info = analyze(text)
    kind = info.kind
    if kind == "keyvalue":
        return bool(info.right)
    return names and (kind == "named" or kind == "comment")


# Meanings that do not stand alone as a question: a warning, or a pronoun for the thing itself.
_NOT_A_DEFINITION = re.compile(r"[！!]$|^\w+ (?:it|them|this)$", re.IGNORECASE)


def defines(meaning: str) -> bool:
    """Whether a meaning says what its command does, so that a card can ask for the command
    (`生产环境禁用！` warns, `stop it` needs the command to make sense)."""
    return _NOT_A_DEFINITION.search(meaning) is None


_SENTENCE_WORDS = frozenset(
    ["a", "an", "the", "is", "are", "was", "be", "to", "of", "and", "or", "for", "with", "in", "on"]
)
_COMMAND_START = re.compile(r"[a-z][a-z0-9_.-]*(?: |\Z)")


def bare_command(node: Node, info: Item) -> bool:
    """Whether a line that is neither listed nor asked about on its own reads as a command
    (ASCII, a lower-case word first, a few words, no sentence) among commands."""
    text = info.text
    if info.kind not in ("prose", "named") or node.code is not None or node.children:
        return False
    words = text.split()
    return (
        text.isascii()
        and len(words) <= 5
        and _COMMAND_START.match(text) is not None
        # `lifecycle rules move objects to cheaper classes` is a sentence.
        and _SENTENCE_WORDS.isdisjoint(words)
    )


VERSUS = re.compile(r"(.+?) vs\.? (.+)", re.IGNORECASE)
# What an item over options lists: terms, and names or terms with what they are
# (`轮询 默认`, `weight 权重`, `ip_hash 同一ip访问同一台`).
_LISTED_KINDS = frozenset(["term", "named", "keyvalue"])


def listing_of(children: list[Node]) -> str | None:
    """ "steps" when an item's nested lines are numbered steps 1, 2, 3…; "terms" when they are
    two or more short terms, none of them code (`主键索引`, `唯一索引`, `普通索引`); else None."""
    if len(children) < 2:
        return None
    # A command among them settles it without analysing the lines (its test is cached).
    if any(child.code is not None or is_code_node(child) for child in children):
        return None
    infos = [analyze(child.text) for child in children]
    if all(info.number == n for n, info in enumerate(infos, 1)):
        return "steps"
    for child, info in zip(children, infos, strict=True):
        if child.children or info.kind not in _LISTED_KINDS or info.number is not None:
            return None
        if info.kind == "keyvalue" and ("：" in info.text or ":" in info.text):
            return None  # `rabbitmq：开启confirm`: facts, not options
    return "terms"


def is_label(info: Item) -> bool:
    """Whether an item is a heading-like label for what is under it (`service的类型`,
    `master节点组件`), not a command, a name or a question."""
    return (info.kind == "prose" or info.kind == "term") and not is_code_like(info.text)
