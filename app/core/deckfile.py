"""The Markdown deck format: cards written by hand, and what `deckard compile` writes.

A deck file is Markdown with a little card syntax (docs/deck-format.md is the user guide):

- optional front matter between `---` lines with `deck:` and `tags:`;
- `Q:` / `A:` blocks (an answer runs until the next card, so it may hold paragraphs and code);
- one-line cards `question :: answer`, and `question ::: answer` for both directions;
- multi-line cards whose question and answer are split by a line holding only `?`;
- clozes `{{c1::text}}` / `{{c1::text::hint}}`, one card per cloze number;
- headings set sub-decks (`# Docker` then `## Dockerfile` -> `Docker::Dockerfile`), and a
  heading `tags: a b` sets tags;
- `<!-- id: ...; line: ...; tags: ...; deck: ... -->` before a card fixes its id and metadata,
  which is what lets `write_deck` output parse back to exactly the same cards.

Full-width `：` and `？` are accepted wherever `:` and `?` are. Card sides are normalised the
same way on both paths (CRLF to LF, trailing spaces and surrounding blank lines removed).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from app.core.errors import InputError
from app.core.model import DECK_SEPARATOR, CardSpec
from app.core.textfile import lf_line_ends

DEFAULT_DECK = "Default"

_QUESTION_LINE = re.compile(r"^[Qq][ \t]*[:：](?![:：])[ \t]?(.*)$")
_ANSWER_LINE = re.compile(r"^[Aa][ \t]*[:：](?![:：])[ \t]?(.*)$")
_META_LINE = re.compile(r"^<!--\s*id\s*[:：](.*?)-->\s*$")
_COMMENT_LINE = re.compile(r"^<!--.*-->\s*$")
_HEADING = re.compile(r"^(#{1,6})[ \t]+(.*?)[ \t]*$")
_ONE_LINE = re.compile(r"^(.*?\S)(?:[ \t]+(:::|::)[ \t]+|[ \t]*(：：：|：：)[ \t]*)(\S.*)$")
_CLOZE = re.compile(r"\{\{c(\d+)::(.*?)(?:::(.*?))?\}\}", re.DOTALL)
_SPLIT_LINE = re.compile(r"^[ \t]*[?？][ \t]*$")
_FENCE = re.compile(r"^[ \t]*(`{3,}|~{3,})")
_TAGS_HEADING = re.compile(r"^tags[ \t]*[:：][ \t]*(.*)$", re.IGNORECASE)
# Lines inside a card side that a reader would take for structure; the writer escapes them.
_RISKY = re.compile(
    r"^(?:[QqAa][ \t]*[:：]|#|<!--|---|[ \t]*[?？][ \t]*$)|::|：：|\{\{c\d+::",
)
_SPACE_AT_END = re.compile(r"[^\S\n]\n")
# The same test over a whole side at once.
_RISKY_ANYWHERE = re.compile(_RISKY.pattern, re.MULTILINE)


def normalize_side(text: str) -> str:
    """A card side as decks store it: LF line ends, no trailing spaces, no blank edges."""
    # Most sides are like that already (compiled ones always are): keep them as they are.
    if text == text.strip() and "\r" not in text and not _SPACE_AT_END.search(text):
        return text
    lines = [line.rstrip() for line in lf_line_ends(text).split("\n")]
    while lines and not lines[0]:
        lines.pop(0)
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines)


def card_id(deck: str, key: str) -> str:
    """A stable id: a readable prefix from the deck name and a short hash of `deck` + `key`."""
    digest = hashlib.sha1(f"{deck}\x1f{key}".encode()).hexdigest()[:10]
    return f"{_slug(deck)}-{digest}"


def looks_like_deck(text: str) -> bool:
    """True when `text` uses card syntax (so it is a deck), False for free-form notes."""
    lines = text.replace("\r\n", "\n").split("\n")
    if lines and lines[0].lstrip("\ufeff").strip() == "---":
        for line in lines[1:50]:
            if line.strip() == "---":
                break
            if re.match(r"^\s*(deck|tags)\s*[:：]", line):
                return True
    seen_question = False
    in_fence = False
    for line in lines:
        if _FENCE.match(line):
            in_fence = not in_fence
            continue
        if in_fence:
            continue
        if _META_LINE.match(line) or _ONE_LINE.match(line) or _CLOZE.search(line):
            return True
        if _QUESTION_LINE.match(line):
            seen_question = True
        elif seen_question and _ANSWER_LINE.match(line):
            return True
    return False


@dataclass
class _Context:
    source: str
    base: str | None
    tags: list[str] = field(default_factory=list)
    headings: dict[int, str] = field(default_factory=dict)
    heading_tags: dict[int, list[str]] = field(default_factory=dict)
    meta: dict[str, str] | None = None
    meta_line: int = 0
    cards: list[CardSpec] = field(default_factory=list)
    id_lines: dict[str, int] = field(default_factory=dict)

    def deck(self) -> str:
        path = [self.headings[level] for level in sorted(self.headings)]
        if self.base is None:
            return DECK_SEPARATOR.join(path) if path else DEFAULT_DECK
        if path and 1 in self.headings and self.headings[1] == self.base:
            path = path[1:]
        return DECK_SEPARATOR.join([self.base, *path])

    def all_tags(self, extra: Iterable[str] = ()) -> tuple[str, ...]:
        tags = list(self.tags)
        for level in sorted(self.heading_tags):
            tags.extend(self.heading_tags[level])
        tags.extend(extra)
        return tuple(dict.fromkeys(tag for tag in tags if tag))

    def add(self, question: str, answer: str, line: int, suffix: str = "") -> None:
        question, answer = normalize_side(question), normalize_side(answer)
        if not question:
            raise InputError("card has an empty question", path=self.source, line=line)
        if not answer:
            raise InputError("card has an empty answer", path=self.source, line=line)
        meta = self.meta or {}
        deck = meta.get("deck") or self.deck()
        cid = meta["id"] + suffix if meta.get("id") else card_id(deck, question)
        source_line: int | None = line
        if "line" in meta:
            source_line = None if meta["line"] in ("", "none") else _int(meta, self)
        tags = self.all_tags(_unescape(tag) for tag in meta.get("tags", "").split())
        if cid in self.id_lines:
            raise InputError(
                f"a second card with id {cid} (same question as line {self.id_lines[cid]})",
                path=self.source,
                line=line,
            )
        self.id_lines[cid] = line
        self.cards.append(CardSpec(cid, deck, question, answer, tags, source_line))


def _int(meta: dict[str, str], ctx: _Context) -> int:
    try:
        return int(meta["line"])
    except ValueError:
        raise InputError(
            f"line: must be a number, not {meta['line']!r}", path=ctx.source, line=ctx.meta_line
        ) from None


def parse_deck(
    text: str, *, source: str = "<deck>", default_deck: str | None = None
) -> list[CardSpec]:
    """The cards of a Markdown deck; raises InputError naming the line of a malformed card."""
    lines = lf_line_ends(text.lstrip("\ufeff")).split("\n")
    ctx = _Context(source=source, base=default_deck)
    index = _front_matter(lines, ctx)
    while index < len(lines):
        line = lines[index]
        if not line.strip() or (_COMMENT_LINE.match(line) and not _META_LINE.match(line)):
            index += 1
        elif meta := _META_LINE.match(line):
            ctx.meta = _parse_meta(meta.group(1))
            ctx.meta_line = index + 1
            index += 1
        elif heading := _HEADING.match(line):
            _set_heading(ctx, len(heading.group(1)), heading.group(2).rstrip("#").rstrip())
            ctx.meta = None
            index += 1
        elif _QUESTION_LINE.match(line):
            index = _read_qa(lines, index, ctx)
            ctx.meta = None
        else:
            index = _read_paragraph(lines, index, ctx)
            ctx.meta = None
    return ctx.cards


def _front_matter(lines: list[str], ctx: _Context) -> int:
    if not lines or lines[0].strip() != "---":
        return 0
    for end in range(1, len(lines)):
        if lines[end].strip() in ("---", "..."):
            break
    else:
        raise InputError(
            "front matter is not closed by a line holding ---", path=ctx.source, line=1
        )
    for number in range(1, end):
        match = re.match(r"^\s*([A-Za-z_]+)\s*[:：]\s*(.*?)\s*$", lines[number])
        if not match:
            continue
        key, value = match.group(1).lower(), match.group(2)
        if key == "deck" and value:
            ctx.base = value.strip("\"'")
        elif key == "tags":
            ctx.tags = _split_tags(value)
    return end + 1


def _split_tags(value: str) -> list[str]:
    value = value.strip().strip("[]")
    return [tag.strip("\"' ") for tag in re.split(r"[,\s]+", value) if tag.strip("\"' ")]


def _set_heading(ctx: _Context, level: int, text: str) -> None:
    for deeper in [lvl for lvl in ctx.headings if lvl >= level]:
        del ctx.headings[deeper]
    for deeper in [lvl for lvl in ctx.heading_tags if lvl >= level]:
        del ctx.heading_tags[deeper]
    tags = _TAGS_HEADING.match(text)
    if tags:
        ctx.heading_tags[level] = _split_tags(tags.group(1))
    elif text:
        ctx.headings[level] = text


def _parse_meta(body: str) -> dict[str, str]:
    parts = body.split(";")
    meta = {"id": _unescape(parts[0].strip())}
    for part in parts[1:]:
        key, _, value = part.partition(":")
        key = key.strip().lower()
        if key in ("line", "deck"):
            meta[key] = _unescape(value.strip())
        elif key == "tags":
            meta[key] = value.strip()
    return meta


def _read_qa(lines: list[str], index: int, ctx: _Context) -> int:
    """A `Q:`/`A:` card starting at `index`; returns the index after it."""
    start = index + 1
    first = _QUESTION_LINE.match(lines[index]).group(1)  # type: ignore[union-attr]
    question = [_unescape_line(first)]
    answer: list[str] | None = None
    in_fence = bool(_FENCE.match(first))
    index += 1
    while index < len(lines):
        line = lines[index]
        if _QUESTION_LINE.match(line) or _META_LINE.match(line):
            break
        if answer is None and (match := _ANSWER_LINE.match(line)):
            answer = [_unescape_line(match.group(1))]
            in_fence = bool(_FENCE.match(match.group(1)))
            index += 1
            continue
        if _FENCE.match(line):
            in_fence = not in_fence
        elif not in_fence:
            if _HEADING.match(line):
                break
            if answer is not None and not lines[index - 1].strip() and _starts_card(lines, index):
                break
        (question if answer is None else answer).append(_unescape_line(line))
        index += 1
    if answer is None:
        raise InputError("card has a Q: but no A: line", path=ctx.source, line=start)
    ctx.add("\n".join(question), "\n".join(answer), start)
    return index


def _starts_card(lines: list[str], index: int) -> bool:
    """Whether the paragraph at `index` (just after a blank line) is a card of its own."""
    line = lines[index]
    if line.startswith("\\"):
        return False  # escaped by the writer: part of the answer
    if _ONE_LINE.match(line) or _CLOZE.search(line):
        return True
    for following in lines[index:]:
        if not following.strip():
            return False
        if _SPLIT_LINE.match(following):
            return True
    return False


def _read_paragraph(lines: list[str], index: int, ctx: _Context) -> int:
    """Lines up to the next blank line: a `?` card, a cloze, or one-line cards; prose is skipped."""
    start = index
    block: list[str] = []
    while index < len(lines) and lines[index].strip():
        line = lines[index]
        if block and (_HEADING.match(line) or _QUESTION_LINE.match(line) or _META_LINE.match(line)):
            break
        block.append(line)
        index += 1
    if _FENCE.match(block[0]):
        # A code block outside any card is skipped whole, blank lines included.
        index = start + 1
        while index < len(lines) and not _FENCE.match(lines[index]):
            index += 1
        return index + 1
    split = next((i for i, line in enumerate(block) if _SPLIT_LINE.match(line)), None)
    if split is not None:
        question = "\n".join(_unescape_line(line) for line in block[:split])
        answer = "\n".join(_unescape_line(line) for line in block[split + 1 :])
        ctx.add(question, answer, start + 1)
        return index
    joined = "\n".join(block)
    if _CLOZE.search(joined):
        _add_clozes(joined, start + 1, ctx)
        return index
    for offset, line in enumerate(block):
        match = _ONE_LINE.match(line)
        if not match:
            continue
        question, answer = match.group(1), match.group(4)
        both_ways = (match.group(2) or match.group(3)) in (":::", "：：：")
        ctx.add(question, answer, start + offset + 1)
        if both_ways:
            ctx.add(answer, question, start + offset + 1, suffix="-r")
        ctx.meta = None
    return index


def _add_clozes(text: str, line: int, ctx: _Context) -> None:
    numbers = sorted({int(match.group(1)) for match in _CLOZE.finditer(text)})
    for match in _CLOZE.finditer(text):
        if not match.group(2).strip():
            raise InputError("cloze {{c...::}} has no text", path=ctx.source, line=line)
    for number in numbers:

        def hide(match: re.Match[str], number: int = number) -> str:
            if int(match.group(1)) != number:
                return match.group(2)
            return f"[{match.group(3)}]" if match.group(3) else "[...]"

        def show(match: re.Match[str], number: int = number) -> str:
            if int(match.group(1)) != number:
                return match.group(2)
            return f"**{match.group(2)}**"

        ctx.add(_CLOZE.sub(hide, text), _CLOZE.sub(show, text), line, suffix=f"-c{number}")


def write_deck(cards: list[CardSpec], *, deck: str | None = None) -> str:
    """The Markdown deck text for `cards`; `parse_deck` reads it back to the same cards."""
    base = deck or (cards[0].deck.split(DECK_SEPARATOR)[0] if cards else DEFAULT_DECK)
    out = ["---", f"deck: {base}", "---", ""]
    path: list[str] = []
    for card in cards:
        explicit_deck = None
        relative = _relative_deck(card.deck, base)
        if relative is None or len(relative) > 6 or (not relative and not _heading_safe(base)):
            explicit_deck = card.deck
        elif relative != path:
            if not relative:
                out += [f"# {base}", ""]
            else:
                first = next(
                    (i for i, (a, b) in enumerate(zip(path, relative, strict=False)) if a != b),
                    min(len(path), len(relative)),
                )
                first = min(first, len(relative) - 1)
                for level in range(first, len(relative)):
                    out += [f"{'#' * (level + 1)} {relative[level]}", ""]
            path = relative
        meta = [f"<!-- id: {_escape(card.id)}"]
        meta.append(f"line: {card.source_line if card.source_line is not None else 'none'}")
        meta.append("tags: " + " ".join(_escape(tag, space=True) for tag in card.tags))
        if explicit_deck is not None:
            meta.append(f"deck: {_escape(explicit_deck, space=True)}")
        out.append("; ".join(meta) + " -->")
        out.extend(_side("Q:", card.question))
        out.extend(_side("A:", card.answer))
        out.append("")
    return "\n".join(out)


def _relative_deck(card_deck: str, base: str) -> list[str] | None:
    """The heading path that gives `card_deck` under `base`, or None if headings cannot say it."""
    if card_deck == base:
        return []
    if not card_deck.startswith(base + DECK_SEPARATOR):
        return None
    parts = card_deck[len(base) + len(DECK_SEPARATOR) :].split(DECK_SEPARATOR)
    if not all(_heading_safe(part) for part in parts) or parts[0] == base:
        return None
    return parts


def _heading_safe(text: str) -> bool:
    """Whether `# text` reads back as exactly `text` (and not as a tags heading)."""
    return (
        bool(text)
        and text == text.strip()
        and not text.endswith("#")
        and "\n" not in text
        and (not _TAGS_HEADING.match(text))
    )


def _unclosed_fence(lines: list[str]) -> int | None:
    """The index of a fence line that opens a code block the side never closes, if any."""
    opened: int | None = None
    for index, line in enumerate(lines):
        if _FENCE.match(line):
            opened = index if opened is None else None
    return opened


def _side(marker: str, text: str) -> list[str]:
    text = normalize_side(text)
    # A fence left open would swallow the cards after this one: it is written escaped.
    unclosed = _unclosed_fence(text.split("\n")) if "```" in text or "~~~" in text else None
    if unclosed is None and "\\" not in text and not _RISKY_ANYWHERE.search(text):
        # Nothing in the side needs escaping (most cards): no line-by-line pass.
        first, _, rest = text.partition("\n")
        if first and not first[0].isspace() and not _FENCE.match(first):
            return [f"{marker} {first}", rest] if rest else [f"{marker} {first}"]
        return [marker, text]
    lines = text.split("\n")
    escaped: list[str] = []
    in_fence = False
    for index, line in enumerate(lines):
        if index == unclosed:
            escaped.append("\\" + line)
        elif _FENCE.match(line):
            in_fence = not in_fence
            escaped.append(line)
        elif in_fence and line.startswith("#"):
            escaped.append(line)
        else:
            escaped.append(_escape_line(line))
    first = escaped[0]
    if first and not first[0].isspace() and not _FENCE.match(first):
        return [f"{marker} {first}", *escaped[1:]]
    return [marker, *escaped]


def _escape_line(line: str) -> str:
    stripped = line.lstrip("\\")
    if _RISKY.search(line) or (stripped != line and _escaped_by_writer(stripped)):
        return "\\" + line
    return line


def _unescape_line(line: str) -> str:
    stripped = line.lstrip("\\")
    if stripped != line and _escaped_by_writer(stripped):
        return line[1:]
    return line


def _escaped_by_writer(stripped: str) -> bool:
    """Whether the writer puts a backslash before a line that reads `stripped` without it."""
    return bool(_RISKY.search(stripped) or _FENCE.match(stripped))


def _escape(value: str, *, space: bool = False) -> str:
    value = value.replace("%", "%25").replace(";", "%3B").replace("\n", "%0A")
    value = value.replace("-->", "--%3E")
    if space:
        value = value.replace(" ", "%20").replace("\t", "%09")
    return value


def _unescape(value: str) -> str:
    return re.sub(r"%([0-9A-Fa-f]{2})", lambda m: chr(int(m.group(1), 16)), value)


@lru_cache(maxsize=256)
def _slug(deck: str) -> str:
    leaf = deck.split(DECK_SEPARATOR)[0]
    slug = re.sub(r"[^a-z0-9]+", "-", leaf.lower()).strip("-")
    return slug[:24] or "card"
