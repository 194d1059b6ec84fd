"""The compiler's rules: the notes tree (app/core/notes_tree.py) in, cards out.

`CardBuilder` walks the sections in notes order and applies the rules listed in app/core/notes.py
to each item; `finish` hands back the cards in notes order with their ids. A card that would have
an empty side or give its answer away is dropped as soon as it is made, so only the cards kept
count towards the coverage report.

Large notes go through here thousands of times per second: each node is classified once, the
question's context is joined once per section, and cards are plain tuples until the end.
"""

from __future__ import annotations

import re
from functools import lru_cache
from operator import itemgetter

from app.core.deckfile import card_id, normalize_side
from app.core.notes_items import Item, analyze, explained, is_code_like, is_han, reads_as_command
from app.core.notes_markdown import (
    _inline,
    code_phrase,
    code_span,
    escape_markdown,
    inline,
    is_code_node,
    item_markdown,
    named_answer,
    prose,
    render_answer,
)
from app.core.notes_phrases import (
    FUNCTION,
    METHOD,
    Phrases,
    code_noun,
    instruction_heading,
    list_noun,
    shared_subject,
)
from app.core.notes_shapes import (
    VERSUS,
    asks_by_itself,
    bare_command,
    defines,
    is_label,
    listing_of,
)
from app.core.notes_tree import Node, Section

try:
    # The interpreter's own SHA-1: OpenSSL's (hashlib's) costs more per call than the hashing
    # of a short id key itself, and a large deck has one per card.
    from _sha1 import sha1 as _sha1
except ImportError:  # an interpreter built without it
    from hashlib import sha1 as _sha1

SEP = " › "
_ASCII_WORDS = re.compile(r"[A-Za-z][A-Za-z0-9_-]*")
_ASCII_WORD_START = re.compile(r"[A-Za-z]")
_HAN_CHAR = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")
_MARKS = ("`", "*", "_", "\\", "&lt;", "&gt;")
# What `_plain` drops from the start of an ASCII text: blanks (as str.split sees them) and the
# one-character marks.
_ASCII_BLANKS_AND_MARKS = " \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f`*_\\"

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
        self.context_open = False  # whether no card kept so far covers `context`
        self.siblings: list[Item | None] = []  # what the top-level items of this section are
        # The question prefix and id key start for the path of the last card made.
        self.path: tuple[str, ...] | None = None
        self.prefix = self.path_key = ""
        self.known_paths: dict[tuple[str, ...], tuple[str, str]] = {(): ("", "")}
        # Question templates as the text before and after the one field they have.
        self.ask_key = _around(say.key, "key")
        self.ask_use = _around(say.use, "name")
        self.ask_does = _around(say.does, "name")
        self.ask_is = _around(say.is_what, "name")
        self.ask_what_is = _around(say.what_is, "item")
        self.ask_how = _around(say.how, "item")
        self.ask_points = _around(say.points, "item")
        self.ask_steps = _around(say.steps_of, "item")
        self.ask_which_are = _around(say.which_are, "item")
        self.ask_which_command = _around(say.which_command, "text")
        self.ask_which_instruction = _around(say.which_instruction, "text")
        self.ask_which_one = _around(say.which_one, "text")
        # "…：用哪个参数？" and the like, one per noun of `say.code_nouns`.
        self.ask_which_noun = [
            _around(say.which_noun.replace("{noun}", one), "text") for one in say.code_noun_one
        ]

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
        self.context_open = True
        items = section.items
        title = path[-1] if path else ""
        if title.endswith(self.say.comparing) or title.endswith(("？", "?")):
            # `> ArrayList和LinkedList的区别`, `> 为什么kafka这么快？` over lines answering it:
            # one card asks it; a question among the lines is asked on its own.
            asked = [n for n in items if n.children and analyze(n.text).kind == "question"]
            said = [n for n in items if n not in asked]
            if said:
                if title.endswith(("？", "?")):
                    question = escape_markdown(title)
                else:
                    before, after = self.ask_what_is
                    question = f"{before}{_inline(title, True)}{after}"
                covers = {line for node in said for line in node.all_lines()}
                line = section.line or said[0].line
                self.add("parent", title, path[:-1], question, render_answer(said), line, covers)
            for node in asked:
                self.item(path, node, analyze(node.text), True)
            return
        self.top_level(path, items)

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
            self.prefix, self.path_key = self.path_texts(path)
        if self.prefix:
            question = f"{self.prefix}{joiner}{question}"
        # Most sides are normal already: no blank edges, no "\r", no spaces before a line end.
        if "\n" in question or "\r" in question or question != question.strip():
            question = _normalized(question)
        if "\n" in answer or "\r" in answer or answer != answer.strip():
            answer = _normalized(answer)
        if not question or not answer or _gives_away(question, answer):
            return
        self.covered.update(covers)
        if self.context_open:
            # The lines above the cards being made count once a card is kept.
            self.covered.update(self.context)
            self.context_open = False
        self.cards.append((line, question, answer, self.tags, f"{kind}\x1f{self.path_key}{key}"))

    def path_texts(self, path: tuple[str, ...]) -> tuple[str, str]:
        """The question prefix and the id key start for `path` (its titles escaped and joined,
        and joined as they are, each followed by the separator).

        A path extends the one above it by a title, so its texts extend that path's: each title
        is escaped once, not again for every path under it."""
        texts = self.known_paths.get(path)
        if texts is None:
            title = path[-1]
            if len(path) == 1:
                texts = (escape_markdown(title), title + SEP)
            else:
                prefix, key = self.path_texts(path[:-1])
                texts = (f"{prefix}{SEP}{escape_markdown(title)}", f"{key}{title}{SEP}")
            self.known_paths[path] = texts
        return texts

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

    def nested(self, path: tuple[str, ...], items: list[Node], names: bool) -> None:
        """Cards for lines nested under an item: its parents and its `key：value` lines, and
        with `names` its names and commands with their meanings."""
        for node in items:
            if node.code is not None:
                continue
            text = node.text
            if node.children:
                self.item(path, node, analyze(text), False)
            else:
                info = analyze(text)
                kind = info.kind
                if kind == "keyvalue" and info.right:
                    self.item(path, node, info, False)
                elif names and (kind == "named" or kind == "comment"):
                    # Asked as it would be at the top of a section, with its reverse card.
                    self.item(path, node, info, True)
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
                answer = f"{_inline(info.right, True)}\n\n{answer}"
            if kind == "comment":
                self.both_ways(path, info, node)
            elif kind == "named" and top:
                self.named_reverse(path, info, node)
            self.add("parent", key, path, question, answer, node.line, node.all_lines())
            # Nested lines give cards of their own as parents and as `key：value` lines; under a
            # heading-like item (`service的类型`, not a command, a name or a comparison), also
            # as names or commands with their meanings (`ClusterIP 默认，只能集群内部访问`).
            names = is_label(info) and not info.text.endswith(self.say.asking_nouns)
            for child in children:
                text = child.text
                if child.code is None and (child.children or asks_by_itself(text, names)):
                    label = (info.left if kind != "prose" else info.text).rstrip("？?")
                    outer, outer_open = self.context, self.context_open
                    self.context, self.context_open = outer.union(node.lines), True
                    self.nested((*path, label), children, names)
                    self.context = outer
                    self.context_open = outer_open and self.context_open
                    break
            return True
        if kind == "keyvalue" and info.right:
            before, after = self.ask_key
            question = f"{before}{escape_markdown(info.left)}{after}"
            answer = _inline(info.right, True)
            self.add("keyvalue", info.left, path, question, answer, node.line, node.lines)
            return True
        if not top:
            return True  # already on the parent's card
        if kind == "comment":
            self.both_ways(path, info, node)
            return True
        if kind == "named":
            if explained(info.left, info.right)[0]:
                before, after = self.ask_use
            else:
                before, after = self.ask_does_or_is(info.left)
            question = f"{before}{code_span(info.left)}{after}"
            answer = named_answer(info.left, info.right)
            self.add("named", info.left, path, question, answer, node.line, node.lines)
            self.named_reverse(path, info, node)
            return True
        if kind == "labelled":
            before, after = self.ask_key
            question = f"{before}{escape_markdown(info.left)}{after}"
            answer = _inline(info.right, True)
            self.add("labelled", info.left, path, question, answer, node.line, node.lines)
            return True
        return False

    def parent_question(self, info: Item, children: list[Node]) -> tuple[str, str]:
        kind = info.kind
        if kind == "question":
            return escape_markdown(info.text), info.text
        if kind == "keyvalue" or kind == "labelled":
            # `解决步骤：` over numbered steps asks for them in order.
            steps = kind == "keyvalue" and not info.right and listing_of(children) == "steps"
            before, after = self.ask_steps if steps else self.ask_key
            return f"{before}{escape_markdown(info.left)}{after}", info.left
        if kind == "named" or kind == "comment":
            if kind == "named" and not explained(info.left, info.right)[0]:
                before, after = self.ask_does_or_is(info.left)
            else:
                before, after = self.ask_use
            return f"{before}{code_span(info.left)}{after}", info.left
        text = info.text
        versus = VERSUS.fullmatch(text)
        if versus:
            # `sudo vs su`: what is the difference between them.
            a, b = (_inline(part, True) for part in versus.groups())
            return self.say.difference.format(a=a, b=b), text
        if kind == "term" and is_code_like(text):
            before, after = self.ask_use
            return f"{before}{code_phrase(info.left)}{after}", info.left
        listing = listing_of(children)
        if text.endswith(self.say.asking_nouns):
            before, after = self.ask_what_is
        elif text.lower().startswith(self.say.comparing):
            # `Difference between TCP and UDP`: "What is the difference between …?"
            before, after = self.ask_what_is
            shown = text[:1].lower() + text[1:]
            return f"{before}{_inline(shown, True)}{after}", text
        elif listing == "steps":
            before, after = self.ask_steps
        elif listing == "terms":
            before, after = self.ask_which_are
        else:
            for child in children:
                if not is_code_node(child):
                    before, after = self.ask_points
                    break
            else:
                before, after = self.ask_how
        return f"{before}{_inline(text, True)}{after}", text

    def both_ways(self, path: tuple[str, ...], info: Item, node: Node) -> None:
        """`command  # meaning`: what does the command do, and which command does that."""
        left, right = info.left, info.right
        command = code_span(left)
        before, after = self.ask_does
        question = f"{before}{command}{after}"
        self.add("does", left, path, question, _inline(right, False), node.line, node.lines)
        meaning = right.rstrip("。.？?")
        if not _gives_away(meaning, left) and defines(meaning):
            before, after = self.which_code(path, left, self.ask_which_command)
            question = f"{before}{_inline(meaning, False)}{after}"
            self.add("which", meaning, path, question, command, node.line, node.lines)

    def named_reverse(self, path: tuple[str, ...], info: Item, node: Node) -> None:
        """ "Which one does <explanation>?" where the explanation is prose that stands alone."""
        left = info.left
        explanation = explained(left, info.right)[1].rstrip("。.")
        if not is_han(explanation[:1]) or _gives_away(explanation, left):
            return
        if _ASCII_WORD_START.search(explanation):
            name = left.lower()
            for word in _ASCII_WORDS.findall(explanation):
                word = word.lower()
                if word != name and any(
                    sibling is not None
                    and sibling.head is not None
                    and sibling.head.lower() == word
                    for sibling in self.siblings
                ):
                    return  # "格式命令与run一样": a comparison with a sibling does not define this
        if not defines(explanation):
            return
        if " " in left and reads_as_command(left):
            before, after = self.which_code(path, left, self.ask_which_command)
        elif instruction_heading(self.say, path) and left == left.lower():
            before, after = self.ask_which_instruction
        else:
            before, after = self.which_code(path, left, self.ask_which_one)
        question = f"{before}{_inline(explanation, False)}{after}"
        self.add("which", explanation, path, question, code_span(left), node.line, node.lines)

    def ask_does_or_is(self, name: str) -> tuple[str, str]:
        """What a command or an annotation does; what a capitalised name is (`CLOSE_WAIT`,
        `ConfigMap`: a state, a kind of thing)."""
        return self.ask_is if name[:1].isupper() else self.ask_does

    def which_code(
        self, path: tuple[str, ...], code: str, otherwise: tuple[str, str]
    ) -> tuple[str, str]:
        """How a reverse card asks for `code`: by the noun the heading gives its entries
        (`常用参数` -> 用哪个参数), as a method or function when it is a call, else `otherwise`."""
        noun = code_noun(self.say, path)
        if noun is None and "(" in code.partition(" ")[0]:
            noun = METHOD if "." in code.partition("(")[0] else FUNCTION
        if noun is None:
            return otherwise
        return self.ask_which_noun[noun]

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
            if commented and nodes and info is not None and bare_command(node, info):
                # `del key` after `get key  # 取值`: a command of the same list.
                info = info._replace(kind="code", head=info.text)
            if info is None or info.head is None:
                if nodes:
                    runs.append((numbered, nodes, entries))
                    nodes, entries = [], []
                continue
            number = info.number
            # Commands with their meanings make a list apart from bare terms; a bare command
            # among them (`git stash list`) belongs to their list.
            kind = info.kind
            is_commented = number is None and (
                kind == "comment"
                or kind == "code"
                or (commented and kind == "term" and is_code_node(node))
            )
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
            entry_texts = [
                _inline(info.text, True) if info.kind == "term" else _list_entry(info)
                for info in entries
            ]
            if is_numbered:
                lines = [f"{i}. {entry}" for i, entry in enumerate(entry_texts, 1)]
            else:
                lines = ["- " + entry for entry in entry_texts]
            question, count = self.list_question(path, entries, is_numbered)
            if question in asked:
                # A second list of the same length here: name its first entry to tell them apart.
                first = entry_texts[0].split(" — ")[0]
                question = say.another_list.format(count=count, first=first)
            asked.add(question)
            covers = {line for node in nodes for line in node.lines}
            kind = "steps" if is_numbered else "list"
            made.append([kind, entries[0].text, question, "\n".join(lines), nodes[0].line, covers])
            if bare:
                remaining = [node for node in remaining if node not in bare]
        if remaining and len(made) == 1:
            # Remarks about a list ("这些都是旧的…") belong under it: prose after it, not what
            # comes before it nor code (a block after the list is an example of its own).
            end = max(made[0][5])
            remarks = [n for n in remaining if n.line > end and not is_code_node(n)]
            if remarks:
                made[0][3] += "\n\n" + render_answer(remarks)
                for node in remarks:
                    made[0][5].update(node.all_lines())
                remaining = [n for n in remaining if n not in remarks]
        for kind, key, question, answer, line, covers in made:
            self.add(kind, key, path, question, answer, line, covers)
        if not remaining:
            return
        if (
            len(items) == 1
            and len(remaining) == 1
            and not remaining[0].is_code
            and is_code_like(remaining[0].text)
        ):
            # A heading over one bare command says what the command does.
            question, answer = say.summary_command, inline(remaining[0].text)
        elif all(is_code_node(node) for node in remaining):
            question, answer = say.summary_code, render_answer(remaining)
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
        # card_id(deck, key) with the deck's part worked out once (hashing the short text whole
        # costs less than copying a hash state primed with the deck).
        slug = card_id(self.deck, "").rsplit("-", 1)[0] + "-"
        deck = f"{self.deck}\x1f".encode()
        sha1 = _sha1
        ids = [slug + sha1(deck + key.encode()).hexdigest()[:10] for key in keys]
        return (questions, answers, lines, tags, keys, ids), self.covered


def _around(template: str, field: str) -> tuple[str, str]:
    """The text of `template` before and after its only `{field}`."""
    marker = "\x00"
    before, after = template.format(**{field: marker}).split(marker)
    return before, after


def _list_entry(info: Item) -> str:
    kind = info.kind
    if kind == "code":
        return code_span(info.text)
    if kind == "term":
        return inline(info.text)
    if kind == "comment":
        return f"{code_span(info.left)} — {prose(info.right)}"
    if kind == "named":
        if info.number is not None:  # a step says what it does
            return named_answer(info.left, info.right, with_name=True)
        return code_span(info.left)
    return item_markdown(info.text)


def _plain(markdown: str) -> str:
    for mark in _MARKS:
        if mark in markdown:
            markdown = markdown.replace(mark, "")
    return " ".join(markdown.split()).lower()


def _gives_away(question: str, answer: str) -> bool:
    """Whether the question already contains the whole answer."""
    if answer.isascii():
        # The first character of the plain answer, when it is a letter or digit, is the first
        # one after the blanks and marks it starts with: one the question lacks settles it
        # before the answer is made plain.
        lowered = question.lower()
        first = answer.lstrip(_ASCII_BLANKS_AND_MARKS)[:1]
        if first.isalnum() and first.lower() not in lowered:
            return False
        answer = _plain(answer)
        if not answer or len(answer) > len(question):
            return False
        # Each ASCII character of the plain question is one of the lower-cased question's: one
        # the lower-cased question lacks settles it without the full comparison.
        if answer[0] not in lowered:
            return False
        return answer in _plain(question)
    # A Chinese character survives markup removal and lower-casing: one the question lacks
    # settles it without the full comparison. The last one is tested first, without a search.
    last = answer[-1:]
    if is_han(last) and last not in question:
        return False
    # The first Chinese character, most often the answer's first one.
    first = answer[:1]
    if is_han(first):
        if first not in question:
            return False
    else:
        han = _HAN_CHAR.search(answer)
        if han is not None and han.group() not in question:
            return False
    answer = _plain(answer)
    # A plain answer longer than the whole question cannot be inside it.
    return bool(answer) and len(answer) <= len(question) and answer in _plain(question)


def _normalized(side: str) -> str:
    # Most sides are normal already: no blank edges, no "\r", no blank (other than a line
    # break) before a line break. The lines are tested one by one: a pattern for a blank
    # before a line break has no fixed first character to look for, and tries every one.
    if side == side.strip() and "\r" not in side:
        for line in side.split("\n"):
            if line[-1:].isspace():  # the last line ends in text: the side is stripped
                return normalize_side(side)
        return side
    return normalize_side(side)


@lru_cache(maxsize=1024)
def _tag(title: str) -> str:
    return re.sub(r"\s+", "_", title.strip())
