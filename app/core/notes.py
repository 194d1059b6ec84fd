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

from collections.abc import Iterable
from dataclasses import dataclass
from itertools import compress, filterfalse, repeat

from app.core.deckfile import card_id
from app.core.forking import map_chunks
from app.core.importing import paused_gc
from app.core.model import CardSpec, made_by_columns
from app.core.notes_cards import CardBuilder
from app.core.notes_phrases import Phrases, phrases_for
from app.core.notes_split import parallel_parts
from app.core.notes_tree import Node, Section, fold_code_openers, parse_lines
from app.core.textfile import lf_line_ends


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
    text = lf_line_ends(text.lstrip("\ufeff"))
    # Compiling builds a large tree of small objects and no reference cycles; the cyclic
    # collector would walk all of them again and again (a third of the time on big notes).
    with paused_gc():
        say = phrases_for(text)
        bounds, workers = parallel_parts(text)
        if workers:

            def part(index: int) -> _Part:
                start, end, first_line = bounds[index]
                return compile_part(text[start:end], first_line, deck, say)

            parts = map_chunks(
                part, len(bounds), workers=workers, pack=_pack_part, unpack=_unpack_part
            )
            return _merge(parts, deck)
        return _merge([compile_part(text, 1, deck, say)], deck)


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
    """Compile notes (or a part of them starting at line `first_line`) into plain columns.

    Called with cyclic garbage collection paused (see `compile_with_report`); the worker
    processes are forked inside that pause and keep it."""
    # The lines, plain and stripped, for the parser and the report.
    lines = text.split("\n")
    stripped = list(map(str.strip, lines))
    sections = parse_lines(lines, stripped, first_line)
    for section in sections:
        fold_code_openers(section.items)
    builder = CardBuilder(deck, say)
    for section in _with_empty_subsections_folded(sections):
        builder.section(section)
    columns, covered = builder.finish()
    return (*columns, *_report(stripped, first_line, sections, covered))


# A worker's text columns cross the pipe each as one block of UTF-16: pickling thousands of
# short strings one by one, each encoded to UTF-8 and decoded again, costs the worker and the
# caller more than joining, copying and splitting them.
_SEP = "\x00"


def _pack_part(part: _Part) -> tuple:
    questions, answers, lines, tags, keys, ids, *report = part
    return ([_joined(column) for column in (questions, answers, keys, ids)], lines, tags, report)


def _joined(column: list[str]) -> bytes | list[str]:
    text = _SEP.join(column)
    if text.count(_SEP) != len(column) - 1:  # a text holds the separator (or none are left)
        return column
    return text.encode("utf-16-le", "surrogatepass")


def _unpack_part(packed: tuple) -> _Part:
    """A worker's part as `compile_part` gave it."""
    columns, lines, tags, report = packed
    questions, answers, keys, ids = (
        column
        if isinstance(column, list)
        else column.decode("utf-16-le", "surrogatepass").split(_SEP)
        for column in columns
    )
    return (questions, answers, lines, tags, keys, ids, *report)  # type: ignore[return-value]


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
    given: set[str] = set()  # the ids so far, while none repeats
    # The cards so far, made as the parts come (while the other cores still work) as long as
    # no card of a later part changes them: no question asked again, no id given twice.
    cards: list[CardSpec] | None = []
    content = 0
    missed: list[tuple[int, str]] = []
    empty: list[tuple[int, str]] = []
    for part in parts:
        part_questions = part[0]
        new = set(part_questions)
        if first_of is None and len(new) == len(part_questions) and asked.isdisjoint(new):
            # Usually no question is asked twice: take the part whole.
            if asked:
                asked |= new
            else:  # the first part (often the only one): its set is the set so far
                asked = new
            questions += part_questions
            answers += part[1]
            lines += part[2]
            tags += part[3]
            keys += part[4]
            ids += part[5]
            if cards is not None:
                part_ids = set(part[5])
                if len(part_ids) == len(part[5]) and given.isdisjoint(part_ids):
                    if given:
                        given |= part_ids
                    else:
                        given = part_ids
                    cards += _card_specs(part[5], deck, part_questions, part[1], part[3], part[2])
                else:
                    cards = None
        else:
            cards = None
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
    if cards is None:
        if len(set(ids)) != len(ids):
            # Two cards whose questions hash alike: the later one gets an id derived from the
            # first.
            seen: set[str] = set()
            for index, cid in enumerate(ids):
                if cid in seen:
                    key = keys[index]
                    while cid in seen:
                        cid = card_id(deck, f"{key}\x1f{cid}")
                    ids[index] = cid
                seen.add(cid)
        cards = _card_specs(ids, deck, questions, answers, tags, lines)
    report = CompileReport(content, content - len(missed), tuple(missed), tuple(empty))
    return cards, report


def _card_specs(
    ids: list[str],
    deck: str,
    questions: list[str],
    answers: list[str],
    tags: list[tuple[str, ...]],
    lines: list[int],
) -> list[CardSpec]:
    """`CardSpec(id, deck, question, answer, tags, line)` for each card."""
    return made_by_columns(CardSpec, ids, repeat(deck), questions, answers, tags, lines)


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


def _report(
    stripped: list[str], first_line: int, sections: list[Section], covered: set[int]
) -> tuple[int, list[tuple[int, str]], list[tuple[int, str]]]:
    """Content lines, those on no card, and empty sections: (line number, text) for the report.

    `stripped` holds the lines of the notes (or of the part starting at `first_line`) stripped.
    """
    # Every path that has a `>` sub-section or a deeper heading under it (a set, so that notes
    # with many chapter headings stay linear).
    above_others = {s.path[:depth] for s in sections for depth in range(1, len(s.path))}
    empty = [
        (s.line, stripped[s.line - first_line])
        for s in sections
        if s.line and not s.items and not s.is_subsection and s.path not in above_others
    ]
    # The numbers of the lines that are not blank, picked without a Python loop over the lines.
    content = list(compress(range(first_line, first_line + len(stripped)), stripped))
    if empty:
        empty_lines = {line for line, _ in empty}
        content = [number for number in content if number not in empty_lines]
    missed = [(n, stripped[n - first_line]) for n in filterfalse(covered.__contains__, content)]
    return len(content), missed, empty
