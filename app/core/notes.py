"""The notes compiler: free-form study notes in, flashcards out.

The rules (docs/notes-format.md is the user guide, with examples):

- an item with lines nested under it asks for them: "section › sub-section › item" is the
  question, the nested lines (as Markdown) the answer;
- `key：value` asks for the value; `command  # meaning` gives a card each way;
- `name explanation` (`user 指定当前用户`) asks what the name does, and, where the explanation does
  not contain the name, which name does that;
- `label code` (`从其他镜像复制文件 copy --from=…`) asks for the code;
- a line ending in `？`/`?` is a question, answered by what is nested under it;
- numbered steps and runs of sibling items give one card listing them;
- whatever is left in a section is asked for as "…：要点是什么？", so every content line ends up
  on at least one card (`compile_report` says which lines, if any, did not).

Card ids come from the deck, the rule and the text that forms the question (never the answer or
the line number), so editing an answer or moving a block keeps a card's history.
"""

from __future__ import annotations

import gc
import hashlib
import re
from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass, fields
from functools import lru_cache
from itertools import repeat
from operator import attrgetter
from types import MemberDescriptorType

from app.core.deckfile import card_id, normalize_side
from app.core.model import CardSpec
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
from app.core.notes_phrases import Phrases, list_noun, phrases_for, shared_subject
from app.core.notes_split import map_parts, parallel_parts
from app.core.notes_tree import Node, Section, parse_notes

SEP = " › "
_ASCII_WORDS = re.compile(r"[A-Za-z][A-Za-z0-9_-]*")
_HAN_CHAR = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")
_CJK_START = re.compile(r"^[\u3400-\u4dbf\u4e00-\u9fff]")
_SPACE_AT_END = re.compile(r"[^\S\n]\n")
_MARKS = ("`", "*", "_", "\\", "&lt;", "&gt;")


# Where a card is asked: its source line, its tags and the heading/parent lines above it.
_Where = tuple[int, tuple[str, ...], set[int]]


@dataclass(slots=True)
class _Card:
    kind: str
    key: str
    question: str
    answer: str
    line: int
    tags: tuple[str, ...]
    # Groups of covered line numbers, joined only when the report needs them.
    covers: list[Iterable[int]]


@dataclass(frozen=True)
class CompileReport:
    """How much of the notes the cards cover: `missed` lists (line number, text) left out."""

    content_lines: int
    covered_lines: int
    missed: tuple[tuple[int, str], ...]
    empty_sections: tuple[tuple[int, str], ...]

    @property
    def coverage(self) -> float:
        return 1.0 if not self.content_lines else self.covered_lines / self.content_lines


def compile_notes(text: str, *, deck: str, source: str = "<notes>") -> list[CardSpec]:
    """The cards for `text` in deck `deck`, in notes order."""
    return compile_with_report(text, deck=deck, source=source)[0]


def compile_with_report(
    text: str, *, deck: str, source: str = "<notes>"
) -> tuple[list[CardSpec], CompileReport]:
    """The cards and a coverage report listing any content line no card includes.

    Any text compiles (notes cannot be malformed, only more or less covered); `source` is
    accepted for symmetry with `parse_deck`. Large notes compile in parts on several cores.
    """
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    # Compiling builds a large tree of small objects and no reference cycles; the cyclic
    # collector would walk all of them again and again (a third of the time on big notes).
    collecting = gc.isenabled()
    gc.disable()
    try:
        say = phrases_for(text)
        bounds, workers = parallel_parts(text)
        if workers:
            try:
                return _merge(map_parts(compile_part, text, bounds, (deck, say), workers), deck)
            except (OSError, AssertionError, RuntimeError):
                pass  # no processes here (a daemon process, a limit): compile in-process
        return _merge([compile_part(text, 1, deck, say)], deck)
    finally:
        if collecting:
            gc.enable()


# What one part of the notes gives: its cards as columns (question, answer, source line, tags,
# id key, id), in notes order, before questions asked twice are merged; then its report numbers:
# content lines, content lines on no card, empty sections.
_Part = tuple[
    list[str],
    list[str],
    list[int],
    list[tuple[str, ...]],
    list[str],
    list[str],
    int,
    list[tuple[int, str]],
    list[tuple[int, str]],
]


def compile_part(text: str, first_line: int, deck: str, say: Phrases) -> _Part:
    """Compile notes (or a part of them starting at line `first_line`) into plain columns."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        sections = parse_notes(text, first_line)
        builder = _Builder(deck, say)
        for section in _with_empty_subsections_folded(sections):
            builder.section(section)
        columns, covered = builder.finish()
        return (*columns, *_report(text, first_line, sections, covered))
    finally:
        if collecting:
            gc.enable()


def _merge(parts: Iterable[_Part], deck: str) -> tuple[list[CardSpec], CompileReport]:
    """The parts' cards as one deck: a question asked again joins the first card asking it."""
    asked: set[str] = set()
    first_of: dict[str, int] | None = None  # question -> its card's index, once one repeats
    questions: list[str] = []
    answers: list[str] = []
    lines: list[int] = []
    tags: list[tuple[str, ...]] = []
    keys: list[str] = []
    ids: list[str] = []
    content = 0
    missed: list[tuple[int, str]] = []
    empty: list[tuple[int, str]] = []
    for part in parts:
        part_questions = part[0]
        new = set(part_questions)
        if first_of is None and len(new) == len(part_questions) and asked.isdisjoint(new):
            # Usually no question is asked twice: take the part whole.
            asked |= new
            questions += part_questions
            answers += part[1]
            lines += part[2]
            tags += part[3]
            keys += part[4]
            ids += part[5]
        else:
            if first_of is None:
                first_of = dict(zip(questions, range(len(questions)), strict=True))
            columns = (questions, answers, lines, tags, keys, ids)
            for card in zip(*part[:6], strict=True):
                question, answer = card[0], card[1]
                twin = first_of.get(question)
                if twin is not None:
                    if answer not in answers[twin]:
                        answers[twin] += "\n\n" + answer
                    continue
                first_of[question] = len(questions)
                for column, value in zip(columns, card, strict=True):
                    column.append(value)  # type: ignore[attr-defined]
        content += part[6]
        missed += part[7]
        empty += part[8]
    if len(set(ids)) != len(ids):
        # Two cards whose questions hash alike: the later one gets an id derived from the first.
        seen: set[str] = set()
        for index, (key, cid) in enumerate(zip(keys, ids, strict=True)):
            while cid in seen:
                cid = card_id(deck, f"{key}\x1f{cid}")
            seen.add(cid)
            ids[index] = cid
    cards = _card_specs(ids, deck, questions, answers, tags, lines)
    report = CompileReport(content, content - len(missed), tuple(missed), tuple(empty))
    return cards, report


_SPEC_FIELDS = ("id", "deck", "question", "answer", "tags", "source_line")
# CardSpec is frozen, so its __init__ sets each field through object.__setattr__: filling the
# slots column by column through their descriptors makes big decks three times faster.
_FILL_SLOTS = (
    tuple(f.name for f in fields(CardSpec)) == _SPEC_FIELDS
    and not hasattr(CardSpec, "__post_init__")
    and all(isinstance(getattr(CardSpec, f, None), MemberDescriptorType) for f in _SPEC_FIELDS)
)


def _card_specs(
    ids: list[str],
    deck: str,
    questions: list[str],
    answers: list[str],
    tags: list[tuple[str, ...]],
    lines: list[int],
) -> list[CardSpec]:
    """`CardSpec(id, deck, question, answer, tags, line)` for each card."""
    if not _FILL_SLOTS:
        return list(map(CardSpec, ids, repeat(deck), questions, answers, tags, lines))
    cards = list(map(CardSpec.__new__, repeat(CardSpec, len(ids))))
    for name, values in zip(
        _SPEC_FIELDS, (ids, repeat(deck), questions, answers, tags, lines), strict=False
    ):
        deque(map(getattr(CardSpec, name).__set__, cards, values), maxlen=0)
    return cards


def _with_empty_subsections_folded(sections: list[Section]) -> list[Section]:
    """A `>` line with nothing under it is an item of its section (`> manifest 构建多种…`)."""
    out: list[Section] = []
    parent: Section | None = None
    for section in sections:
        if section.is_subsection and not section.items and parent is not None:
            line = section.line or 0
            parent.items.append(Node(section.path[-1], line, lines=(line,) if line else ()))
            continue
        if not section.is_subsection:
            parent = section
        out.append(section)
    return out


class _Builder:
    def __init__(self, deck: str, say: Phrases) -> None:
        self.deck = deck
        self.say = say
        self.cards: list[_Card] = []
        self.sibling_names: set[str] = set()
        self.heading_lines: dict[tuple[str, ...], int] = {}

    def section(self, section: Section) -> None:
        if section.line:
            self.heading_lines.setdefault(section.path, section.line)
        if not section.items:
            return
        tags = (_tag(section.path[0]),) if section.path else ()
        # Every heading above the items is part of their questions, so cards cover those lines.
        context = {
            self.heading_lines[section.path[:depth]]
            for depth in range(1, len(section.path) + 1)
            if section.path[:depth] in self.heading_lines
        }
        self.container(section.path, section.items, tags, context, top=True)

    def add(
        self,
        kind: str,
        key: str,
        path: tuple[str, ...],
        question: str,
        answer: str,
        at: _Where,
        covers: Iterable[int],
        joiner: str = SEP,
    ) -> _Card:
        """Record a card asked at `at`; returns it so a caller can add to its answer."""
        prefix = _question_prefix(path)
        full = f"{prefix}{joiner}{question}" if prefix else question
        card = _Card(kind, SEP.join((*path, key)), full, answer, at[0], at[1], [covers, at[2]])
        self.cards.append(card)
        return card

    def container(
        self,
        path: tuple[str, ...],
        items: list[Node],
        tags: tuple[str, ...],
        ctx: set[int],
        top: bool,
    ) -> None:
        """Cards for the items directly under a section or an item, then their lists."""
        infos = [analyze(node.text) if node.code is None else None for node in items]
        outer_names = self.sibling_names
        if top:  # only top-level items get reverse cards, which compare with siblings
            self.sibling_names = {
                info.head.lower() for info in infos if info is not None and info.head is not None
            }
        left_over: list[Node] = []
        for node, info in zip(items, infos, strict=True):
            if info is None:
                left_over.append(node)
                continue
            if not top and not node.children and (info.kind != "keyvalue" or not info.right):
                continue  # on the parent's card already
            covered = self.item(path, node, info, tags, ctx, top)
            # A question with no answer under it has nothing to learn: the report lists it.
            if not covered and info.kind != "question":
                left_over.append(node)
        self.sibling_names = outer_names
        if top:
            self.lists(path, items, infos, left_over, tags, ctx)

    def item(
        self,
        path: tuple[str, ...],
        node: Node,
        info: Item,
        tags: tuple[str, ...],
        ctx: set[int],
        top: bool,
    ) -> bool:
        """Cards for one item; False when the item is left for a list or a summary card."""
        at = (node.line, tags, ctx)
        own = node.lines
        if node.children:
            question, key = self.parent_question(info, node.children)
            answer = render_answer(node.children)
            if info.kind == "named":
                answer = f"{named_answer(info.left, info.right)}\n\n{answer}"
            elif info.kind in ("keyvalue", "labelled") and info.right:
                lead = inline(info.right)
                answer = f"{lead}\n\n{answer}"
            if info.kind == "comment":
                self.both_ways(path, info, own, at)
            elif info.kind == "named" and top:
                self.named_reverse(path, info, own, at)
            self.add("parent", key, path, question, answer, at, node.all_lines())
            # Nested lines give cards of their own only as parents or as `key：value` lines.
            if any(
                child.children or "：" in child.text or ":" in child.text
                for child in node.children
                if child.code is None
            ):
                label = info.left.rstrip("？?") if info.kind != "prose" else info.text.rstrip("？?")
                inner_ctx = ctx.union(own)
                self.container((*path, label), node.children, tags, inner_ctx, top=False)
            return True
        if info.kind == "keyvalue" and info.right:
            self.add(
                "keyvalue",
                info.left,
                path,
                self.say.key.format(key=escape_markdown(info.left)),
                inline(info.right),
                at,
                own,
            )
            return True
        if not top:
            return True  # already on the parent's card
        if info.kind == "comment":
            self.both_ways(path, info, own, at)
            return True
        if info.kind == "named":
            syntax, _ = split_syntax(info.right)
            ask = self.say.use if syntax else self.say.does
            self.add(
                "named",
                info.left,
                path,
                ask.format(name=code_span(info.left)),
                named_answer(info.left, info.right),
                at,
                own,
            )
            self.named_reverse(path, info, own, at)
            return True
        if info.kind == "labelled":
            self.add(
                "labelled",
                info.left,
                path,
                self.say.key.format(key=escape_markdown(info.left)),
                inline(info.right),
                at,
                own,
            )
            return True
        return False

    def parent_question(self, info: Item, children: list[Node]) -> tuple[str, str]:
        if info.kind == "question":
            return escape_markdown(info.text), info.text
        if info.kind in ("keyvalue", "labelled"):
            return self.say.key.format(key=escape_markdown(info.left)), info.left
        if info.kind == "named" and not split_syntax(info.right)[0]:
            return self.say.does.format(name=code_span(info.left)), info.left
        if info.kind in ("named", "comment"):
            return self.say.use.format(name=code_span(info.left)), info.left
        if info.kind == "term" and is_code_like(info.text):
            return self.say.use.format(name=code_phrase(info.left)), info.left
        if info.text.endswith(self.say.asking_nouns):
            return self.say.what_is.format(item=inline(info.text)), info.text
        if all(is_code_node(child) for child in children):
            return self.say.how.format(item=inline(info.text)), info.text
        return self.say.points.format(item=inline(info.text)), info.text

    def both_ways(
        self, path: tuple[str, ...], info: Item, own: tuple[int, ...], at: _Where
    ) -> None:
        """`command  # meaning`: what does the command do, and which command does that."""
        meaning = info.right.rstrip("。.")
        self.add(
            "does",
            info.left,
            path,
            self.say.does.format(name=code_span(info.left)),
            prose(info.right),
            at,
            own,
        )
        if not _gives_away(meaning, info.left):
            self.add(
                "which",
                meaning,
                path,
                self.say.which_command.format(text=prose(meaning)),
                code_span(info.left),
                at,
                own,
            )

    def named_reverse(
        self, path: tuple[str, ...], info: Item, own: tuple[int, ...], at: _Where
    ) -> None:
        """ "Which one does <explanation>?" where the explanation is prose that stands alone."""
        explanation = split_syntax(info.right)[1].rstrip("。.")
        if not _CJK_START.match(explanation) or _gives_away(explanation, info.left):
            return
        words = {word.lower() for word in _ASCII_WORDS.findall(explanation)}
        if words & (self.sibling_names - {info.left.lower()}):
            return  # "格式命令与run一样": a comparison with a sibling does not define this one
        if " " in info.left:
            what = self.say.which_command
        elif any(self.say.instruction_word in part.lower() for part in path):
            what = self.say.which_instruction
        else:
            what = self.say.which_one
        self.add(
            "which",
            explanation,
            path,
            what.format(text=prose(explanation)),
            code_span(info.left),
            at,
            own,
        )

    def lists(
        self,
        path: tuple[str, ...],
        items: list[Node],
        infos: list[Item | None],
        left_over: list[Node],
        tags: tuple[str, ...],
        ctx: set[int],
    ) -> None:
        """Numbered steps and runs of sibling items each give a card listing them."""
        runs: list[tuple[bool, list[tuple[Node, Item]]]] = []
        current: list[tuple[Node, Item]] = []
        numbered = commented = False
        for node, info in zip(items, infos, strict=True):
            listed = info is not None and info.head is not None
            is_numbered = info is not None and info.number is not None
            # Commands with their meanings make a list apart from bare terms.
            is_commented = info is not None and info.kind == "comment" and not is_numbered
            if (
                not listed
                or is_numbered != numbered
                or (current and is_commented != commented)
                or (
                    is_numbered and current and info is not None and info.number != len(current) + 1
                )
            ):
                if current:
                    runs.append((numbered, current))
                current = []
            if listed and info is not None:
                numbered, commented = is_numbered, is_commented
                current.append((node, info))
        if current:
            runs.append((numbered, current))
        remaining = [node for node in left_over]
        made: list[_Card] = []
        asked: set[str] = set()
        for is_numbered, run in runs:
            bare = [node for node, _ in run if node in remaining]
            if len(run) < 2 or (not is_numbered and len(run) < 3 and not bare):
                continue
            lines = [
                (f"{i}. " if is_numbered else "- ") + _list_entry(info)
                for i, (_, info) in enumerate(run, 1)
            ]
            question, count = self.list_question(path, [info for _, info in run], is_numbered)
            if question in asked:
                # A second list of the same length here: name its first entry to tell them apart.
                first = _list_entry(run[0][1]).split(" — ")[0]
                question = self.say.another_list.format(count=count, first=first)
            asked.add(question)
            covers = {line for node, _ in run for line in node.lines}
            card_kind = "steps" if is_numbered else "list"
            card = self.add(
                card_kind,
                run[0][1].text,
                path,
                question,
                "\n".join(lines),
                (run[0][0].line, tags, ctx),
                covers,
            )
            made.append(card)
            remaining = [node for node in remaining if node not in bare]
        if not remaining:
            return
        if len(made) == 1:
            # Remarks about a list ("这些都是旧的…") belong under it.
            made[0].answer += "\n\n" + render_answer(remaining)
            made[0].covers.extend(node.all_lines() for node in remaining)
            return
        if len(remaining) == 1 and not remaining[0].is_code and is_code_like(remaining[0].text):
            question, answer = self.say.summary_command, inline(remaining[0].text)
        else:
            question, answer = self.say.summary, render_answer(remaining)
        covers = {line for node in remaining for line in node.all_lines()}
        self.add(
            "summary",
            "",
            path,
            question,
            answer,
            (remaining[0].line, tags, ctx),
            covers,
            joiner=self.say.summary_joiner,
        )

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

    def finish(self) -> tuple[tuple[list, ...], set[int]]:
        """The cards in notes order as columns, without give-aways, and the lines they cover."""
        questions: list[str] = []
        answers: list[str] = []
        lines: list[int] = []
        tags: list[tuple[str, ...]] = []
        keys: list[str] = []
        ids: list[str] = []
        covered: set[int] = set()
        # card_id(deck, kind + key) with the deck's part worked out once.
        slug = card_id(self.deck, "").rsplit("-", 1)[0]
        # Every id hashes the deck first: hash it once and copy that state for each card.
        deck_hash = hashlib.sha1(f"{self.deck}\x1f".encode())
        for card in sorted(self.cards, key=attrgetter("line")):
            question, answer = card.question, card.answer
            # Most sides are normal already: no blank edges, no "\r", no spaces before a line end.
            if question != question.strip() or "\r" in question or "\n" in question:
                question = _normalized(question)
            if answer != answer.strip() or "\r" in answer or "\n" in answer:
                answer = _normalized(answer)
            if not question or not answer or _gives_away(question, answer):
                continue
            for group in card.covers:
                covered.update(group)
            key = f"{card.kind}\x1f{card.key}"
            hasher = deck_hash.copy()
            hasher.update(key.encode())
            questions.append(question)
            answers.append(answer)
            lines.append(card.line)
            tags.append(card.tags)
            keys.append(key)
            ids.append(f"{slug}-{hasher.hexdigest()[:10]}")
        return (questions, answers, lines, tags, keys, ids), covered


def _list_entry(info: Item) -> str:
    if info.kind == "comment":
        return f"{code_span(info.left)} — {prose(info.right)}"
    if info.kind == "named":
        return code_span(info.left)
    return item_markdown(info.text) if info.kind != "term" else inline(info.text)


def _plain(markdown: str) -> str:
    for mark in _MARKS:
        if mark in markdown:
            markdown = markdown.replace(mark, "")
    return " ".join(markdown.split()).lower()


def _gives_away(question: str, answer: str) -> bool:
    """Whether the question already contains the whole answer."""
    # A Chinese character survives markup removal and lower-casing: one the question lacks
    # settles it without the full comparison.
    han = _HAN_CHAR.search(answer)
    if han is not None and han.group() not in question:
        return False
    answer = _plain(answer)
    # A plain answer longer than the whole question cannot be inside it.
    return bool(answer) and len(answer) <= len(question) and answer in _plain(question)


def _normalized(side: str) -> str:
    # Most sides are normal already: no blank edges, no "\r", no spaces before a line end.
    if (
        side == side.strip()
        and "\r" not in side
        and ("\n" not in side or not _SPACE_AT_END.search(side))
    ):
        return side
    return normalize_side(side)


@lru_cache(maxsize=1024)
def _question_prefix(path: tuple[str, ...]) -> str:
    return SEP.join(escape_markdown(part) for part in path)


@lru_cache(maxsize=1024)
def _tag(title: str) -> str:
    return re.sub(r"\s+", "_", title.strip())


def _report(
    text: str, first_line: int, sections: list[Section], covered: set[int]
) -> tuple[int, list[tuple[int, str]], list[tuple[int, str]]]:
    """Content lines, those on no card, and empty sections: (line number, text) for the report."""
    lines = text.split("\n")
    # Every path that has a `>` sub-section or a deeper heading under it (a set, so that notes
    # with many chapter headings stay linear).
    above_others = {s.path[:depth] for s in sections for depth in range(1, len(s.path))}
    empty = [
        (s.line, lines[s.line - first_line].strip())
        for s in sections
        if s.line and not s.items and not s.is_subsection and s.path not in above_others
    ]
    empty_lines = {line for line, _ in empty}
    # `not line.isspace()` says what `line.strip()` does without building a string.
    content = [
        number
        for number, line in enumerate(lines, first_line)
        if line and not line.isspace() and number not in empty_lines
    ]
    missed = [(n, lines[n - first_line].strip()) for n in content if n not in covered]
    return len(content), missed, empty
