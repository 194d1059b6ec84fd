"""The compiler's rules: the notes tree (app/core/notes_tree.py) in, cards out.

`CardBuilder` walks the sections in notes order and applies the rules listed in app/core/notes.py
to each item; `finish` hands back the cards in notes order with their ids. A card that would have
an empty side or give its answer away is dropped as soon as it is made, so only the cards kept
count towards the coverage report.

Large notes go through here thousands of times per second: each node is classified once, the
question's context is joined once per section, and cards are plain tuples until the end.
"""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache
from operator import itemgetter

from app.core.deckfile import card_id, normalize_side
from app.core.notes_items import (
    Item,
    analyze,
    code_phrase,
    code_span,
    escape_markdown,
    inline,
    is_code_like,
    is_code_node,
    item_markdown,
    named_answer,
    prose,
    render_answer,
    split_syntax,
)
from app.core.notes_phrases import Phrases, list_noun, shared_subject
from app.core.notes_tree import Node, Section

SEP = " › "
_ASCII_WORDS = re.compile(r"[A-Za-z][A-Za-z0-9_-]*")
_HAN_CHAR = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")
_CJK_START = re.compile(r"^[\u3400-\u4dbf\u4e00-\u9fff]")
_MARKS = ("`", "*", "_", "\\", "&lt;", "&gt;")

# A card until it gets its id: (source line, question, answer, tags, id key).
Card = tuple[int, str, str, tuple[str, ...], str]
# The cards of some notes as columns: questions, answers, source lines, tags, id keys, ids.
Columns = tuple[list[str], list[str], list[int], list[tuple[str, ...]], list[str], list[str]]


class CardBuilder:
    """Applies the rules to sections in notes order; `finish` gives the cards."""

    def __init__(self, deck: str, say: Phrases) -> None:
        self.deck = deck
        self.say = say
        self.cards: list[Card] = []
        self.covered: set[int] = set()  # lines on a card kept so far
        self.heading_lines: dict[tuple[str, ...], int] = {}
        # Where the cards being made are asked: their tags and the heading and parent lines
        # above them (part of their questions, so covered by them).
        self.tags: tuple[str, ...] = ()
        self.context: set[int] = set()
        self.siblings: list[Item | None] = []  # what the top-level items of this section are
        # The question prefix and id key start for the path of the last card made.
        self.path: tuple[str, ...] | None = None
        self.prefix = self.path_key = ""

    def section(self, section: Section) -> None:
        path = section.path
        if section.line:
            self.heading_lines.setdefault(path, section.line)
        if not section.items:
            return
        self.tags = (_tag(path[0]),) if path else ()
        heading_lines = self.heading_lines
        self.context = {
            heading_lines[path[:depth]]
            for depth in range(1, len(path) + 1)
            if path[:depth] in heading_lines
        }
        self.top_level(path, section.items)

    def add(
        self,
        kind: str,
        key: str,
        path: tuple[str, ...],
        question: str,
        answer: str,
        line: int,
        covers: tuple[int, ...] | list[int] | set[int],
        joiner: str = SEP,
    ) -> None:
        """Keep a card unless a side is empty or the question gives the answer away."""
        if path is not self.path:  # cards come in runs from one place
            self.path = path
            self.prefix = _question_prefix(path)
            self.path_key = _path_key(path)
        prefix = self.prefix
        if prefix:
            question = f"{prefix}{joiner}{question}"
        # Most sides are normal already: no blank edges, no "\r", no spaces before a line end.
        if question != question.strip() or "\r" in question or "\n" in question:
            question = _normalized(question)
        if answer != answer.strip() or "\r" in answer or "\n" in answer:
            answer = _normalized(answer)
        if not question or not answer or _gives_away(question, answer):
            return
        covered = self.covered
        covered.update(covers)
        covered.update(self.context)
        self.cards.append((line, question, answer, self.tags, f"{kind}\x1f{self.path_key}{key}"))

    def top_level(self, path: tuple[str, ...], items: list[Node]) -> None:
        """Cards for the items directly under a section, then their lists."""
        infos = [analyze(node.text) if node.code is None else None for node in items]
        self.siblings = infos
        left_over: list[Node] = []
        for node, info in zip(items, infos, strict=True):
            # A question with no answer under it has nothing to learn: the report lists it.
            if info is None or (not self.item(path, node, info, True) and info.kind != "question"):
                left_over.append(node)
        self.lists(path, items, infos, left_over)

    def nested(self, path: tuple[str, ...], items: list[Node]) -> None:
        """Cards for lines nested under an item: its parents and its `key：value` lines."""
        for node in items:
            if node.code is not None:
                continue
            text = node.text
            if node.children:
                self.item(path, node, analyze(text), False)
            elif "：" in text or ":" in text:
                info = analyze(text)
                if info.kind == "keyvalue" and info.right:
                    self.item(path, node, info, False)
            # Other lines are on the parent's card already.

    def item(self, path: tuple[str, ...], node: Node, info: Item, top: bool) -> bool:
        """Cards for one item; False when the item is left for a list or a summary card."""
        kind = info.kind
        children = node.children
        if children:
            question, key = self.parent_question(info, children)
            answer = render_answer(children)
            if kind == "named":
                answer = f"{named_answer(info.left, info.right)}\n\n{answer}"
            elif (kind == "keyvalue" or kind == "labelled") and info.right:
                answer = f"{inline(info.right)}\n\n{answer}"
            if kind == "comment":
                self.both_ways(path, info, node)
            elif kind == "named" and top:
                self.named_reverse(path, info, node)
            self.add("parent", key, path, question, answer, node.line, node.all_lines())
            # Nested lines give cards of their own only as parents or as `key：value` lines.
            for child in children:
                text = child.text
                if child.code is None and (child.children or "：" in text or ":" in text):
                    label = (info.left if kind != "prose" else info.text).rstrip("？?")
                    outer = self.context
                    self.context = outer.union(node.lines)
                    self.nested((*path, label), children)
                    self.context = outer
                    break
            return True
        if kind == "keyvalue" and info.right:
            question = self.say.key.format(key=escape_markdown(info.left))
            self.add(
                "keyvalue", info.left, path, question, inline(info.right), node.line, node.lines
            )
            return True
        if not top:
            return True  # already on the parent's card
        if kind == "comment":
            self.both_ways(path, info, node)
            return True
        if kind == "named":
            ask = self.say.use if split_syntax(info.right)[0] else self.say.does
            question = ask.format(name=code_span(info.left))
            answer = named_answer(info.left, info.right)
            self.add("named", info.left, path, question, answer, node.line, node.lines)
            self.named_reverse(path, info, node)
            return True
        if kind == "labelled":
            question = self.say.key.format(key=escape_markdown(info.left))
            self.add(
                "labelled", info.left, path, question, inline(info.right), node.line, node.lines
            )
            return True
        return False

    def parent_question(self, info: Item, children: list[Node]) -> tuple[str, str]:
        kind = info.kind
        say = self.say
        if kind == "question":
            return escape_markdown(info.text), info.text
        if kind == "keyvalue" or kind == "labelled":
            return say.key.format(key=escape_markdown(info.left)), info.left
        if kind == "named" and not split_syntax(info.right)[0]:
            return say.does.format(name=code_span(info.left)), info.left
        if kind == "named" or kind == "comment":
            return say.use.format(name=code_span(info.left)), info.left
        if kind == "term" and is_code_like(info.text):
            return say.use.format(name=code_phrase(info.left)), info.left
        if info.text.endswith(say.asking_nouns):
            return say.what_is.format(item=inline(info.text)), info.text
        if all(is_code_node(child) for child in children):
            return say.how.format(item=inline(info.text)), info.text
        return say.points.format(item=inline(info.text)), info.text

    def both_ways(self, path: tuple[str, ...], info: Item, node: Node) -> None:
        """`command  # meaning`: what does the command do, and which command does that."""
        say = self.say
        command = code_span(info.left)
        question = say.does.format(name=command)
        self.add("does", info.left, path, question, prose(info.right), node.line, node.lines)
        meaning = info.right.rstrip("。.")
        if not _gives_away(meaning, info.left):
            question = say.which_command.format(text=prose(meaning))
            self.add("which", meaning, path, question, command, node.line, node.lines)

    def named_reverse(self, path: tuple[str, ...], info: Item, node: Node) -> None:
        """ "Which one does <explanation>?" where the explanation is prose that stands alone."""
        explanation = split_syntax(info.right)[1].rstrip("。.")
        if not _CJK_START.match(explanation) or _gives_away(explanation, info.left):
            return
        name = info.left.lower()
        for word in _ASCII_WORDS.findall(explanation):
            word = word.lower()
            if word != name and any(
                sibling is not None and sibling.head is not None and sibling.head.lower() == word
                for sibling in self.siblings
            ):
                return  # "格式命令与run一样": a comparison with a sibling does not define this one
        say = self.say
        if " " in info.left:
            what = say.which_command
        elif any(say.instruction_word in part.lower() for part in path):
            what = say.which_instruction
        else:
            what = say.which_one
        question = what.format(text=prose(explanation))
        self.add("which", explanation, path, question, code_span(info.left), node.line, node.lines)

    def lists(
        self,
        path: tuple[str, ...],
        items: list[Node],
        infos: list[Item | None],
        left_over: list[Node],
    ) -> None:
        """Numbered steps and runs of sibling items each give a card listing them."""
        runs: list[tuple[bool, list[Node], list[Item]]] = []
        nodes: list[Node] = []
        entries: list[Item] = []
        numbered = commented = False
        for node, info in zip(items, infos, strict=True):
            if info is None or info.head is None:
                if nodes:
                    runs.append((numbered, nodes, entries))
                    nodes, entries = [], []
                continue
            number = info.number
            # Commands with their meanings make a list apart from bare terms.
            is_commented = number is None and info.kind == "comment"
            if nodes and (
                (number is not None) != numbered
                or is_commented != commented
                or (number is not None and number != len(nodes) + 1)
            ):
                runs.append((numbered, nodes, entries))
                nodes, entries = [], []
            numbered, commented = number is not None, is_commented
            nodes.append(node)
            entries.append(info)
        if nodes:
            runs.append((numbered, nodes, entries))
        remaining = left_over
        made: list[list] = []  # kind, key, question, answer, line, covers of each list card
        asked: set[str] = set()
        say = self.say
        for is_numbered, nodes, entries in runs:
            if len(nodes) < 2:
                continue
            bare = [node for node in nodes if node in remaining] if remaining else []
            if not is_numbered and len(nodes) < 3 and not bare:
                continue
            if is_numbered:
                lines = [f"{i}. {_list_entry(info)}" for i, info in enumerate(entries, 1)]
            else:
                lines = ["- " + _list_entry(info) for info in entries]
            question, count = self.list_question(path, entries, is_numbered)
            if question in asked:
                # A second list of the same length here: name its first entry to tell them apart.
                first = _list_entry(entries[0]).split(" — ")[0]
                question = say.another_list.format(count=count, first=first)
            asked.add(question)
            covers = {line for node in nodes for line in node.lines}
            kind = "steps" if is_numbered else "list"
            made.append([kind, entries[0].text, question, "\n".join(lines), nodes[0].line, covers])
            if bare:
                remaining = [node for node in remaining if node not in bare]
        if remaining and len(made) == 1:
            # Remarks about a list ("这些都是旧的…") belong under it.
            made[0][3] += "\n\n" + render_answer(remaining)
            for node in remaining:
                made[0][5].update(node.all_lines())
            remaining = []
        for kind, key, question, answer, line, covers in made:
            self.add(kind, key, path, question, answer, line, covers)
        if not remaining:
            return
        if len(remaining) == 1 and not remaining[0].is_code and is_code_like(remaining[0].text):
            question, answer = say.summary_command, inline(remaining[0].text)
        else:
            question, answer = say.summary, render_answer(remaining)
        covers = {line for node in remaining for line in node.all_lines()}
        line = remaining[0].line
        self.add("summary", "", path, question, answer, line, covers, say.summary_joiner)

    def list_question(
        self, path: tuple[str, ...], entries: list[Item], numbered: bool
    ) -> tuple[str, str]:
        """The question for a list card, saying what it lists where the notes tell; and its count.

        `基础操作` over `拉取镜像`, `运行镜像`, … asks "镜像的 5 个操作依次是？"; a list of commands
        asks "有哪 3 个命令？"; with nothing to go on, "有哪 3 项？".
        """
        say = self.say
        noun = list_noun(say, path, entries)
        if noun is not None:
            count = say.noun_count.format(n=len(entries), noun=noun)
        else:
            count = (say.step_count if numbered else say.item_count).format(n=len(entries))
        subject = shared_subject(entries)
        if subject is not None:
            template = say.steps_about if numbered else say.items_about
            return template.format(subject=escape_markdown(subject), count=count), count
        return (say.steps if numbered else say.items).format(count=count), count

    def finish(self) -> tuple[Columns, set[int]]:
        """The cards kept, in notes order, as columns with their ids; and the lines they cover."""
        cards = self.cards
        if not cards:
            return ([], [], [], [], [], []), self.covered
        cards.sort(key=itemgetter(0))  # stable: cards from one line keep the order they were made
        lines, questions, answers, tags, keys = map(list, zip(*cards, strict=True))
        # card_id(deck, key) with the deck's part worked out once: hash the deck once and copy
        # that state for each card.
        slug = card_id(self.deck, "").rsplit("-", 1)[0] + "-"
        copy = hashlib.sha1(f"{self.deck}\x1f".encode()).copy
        ids = []
        for key in keys:
            hasher = copy()
            hasher.update(key.encode())
            ids.append(slug + hasher.hexdigest()[:10])
        return (questions, answers, lines, tags, keys, ids), self.covered


def _list_entry(info: Item) -> str:
    kind = info.kind
    if kind == "term":
        return inline(info.text)
    if kind == "comment":
        return f"{code_span(info.left)} — {prose(info.right)}"
    if kind == "named":
        return code_span(info.left)
    return item_markdown(info.text)


def _plain(markdown: str) -> str:
    for mark in _MARKS:
        if mark in markdown:
            markdown = markdown.replace(mark, "")
    return " ".join(markdown.split()).lower()


def _gives_away(question: str, answer: str) -> bool:
    """Whether the question already contains the whole answer."""
    # A Chinese character survives markup removal and lower-casing: one the question lacks
    # settles it without the full comparison (and an ASCII answer has none to look for).
    if not answer.isascii():
        han = _HAN_CHAR.search(answer)
        if han is not None and han.group() not in question:
            return False
    answer = _plain(answer)
    # A plain answer longer than the whole question cannot be inside it.
    return bool(answer) and len(answer) <= len(question) and answer in _plain(question)


def _normalized(side: str) -> str:
    # Most sides are normal already: no blank edges, no "\r", no spaces before a line end.
    if side == side.strip() and "\r" not in side and not _space_at_line_end(side):
        return side
    return normalize_side(side)


def _space_at_line_end(side: str) -> bool:
    """Whether a line of `side` ends in a blank other than a line break (before its end)."""
    end = side.find("\n")
    while end > 0:
        before = side[end - 1]
        if before != "\n" and before.isspace():
            return True
        end = side.find("\n", end + 1)
    return False


@lru_cache(maxsize=1024)
def _question_prefix(path: tuple[str, ...]) -> str:
    return SEP.join(escape_markdown(part) for part in path)


@lru_cache(maxsize=1024)
def _path_key(path: tuple[str, ...]) -> str:
    """The start of an id key: the path's titles, each followed by the separator."""
    return "".join(part + SEP for part in path)


@lru_cache(maxsize=1024)
def _tag(title: str) -> str:
    return re.sub(r"\s+", "_", title.strip())
