"""Anki's card template language, enough to turn a note into the question and answer it shows.

Supported: `{{Field}}`, `{{FrontSide}}`, the special fields Tags/Type/Deck/Subdeck/Card,
`{{#Field}}...{{/Field}}` and `{{^Field}}...{{/Field}}` sections (also `{{#c2}}` on cloze
cards), and the filters `text:`, `cloze:`, `hint:`, `type:`, `furigana:`, `kana:`, `kanji:` and
`tts` (spoken text: nothing to show). An unknown filter leaves the text unchanged. Filters apply
from the one nearest the field outwards, as in Anki. A template is parsed once and rendered for
every card that uses it.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from functools import lru_cache

_TAG = re.compile(r"\{\{(.*?)\}\}", re.DOTALL)
_HTML_TAG = re.compile(r"<[^>]*>", re.DOTALL)
_EMPTY_MARKUP = re.compile(r"<br\s*/?>|</?div>|&nbsp;|\s", re.IGNORECASE)
_CLOZE_OPEN = re.compile(r"\{\{c(\d+)::")
_CLOZE_TOKEN = re.compile(r"\{\{c(\d+)::|\}\}")
# A deletion with no other deletion inside: `{{cN::`, then text up to the first `}}`.
_FLAT_CLOZE = re.compile(r"\{\{c(\d+)::((?:(?!\{\{c\d+::|\}\}).)*)\}\}", re.DOTALL)
_FURIGANA = re.compile(r" ?([^ >]+?)\[(.+?)\]")


class TemplateError(ValueError):
    """A template whose sections do not nest."""


@dataclass
class _Section:
    name: str
    inverted: bool
    children: list[_Node] = field(default_factory=list)


@dataclass
class _Replacement:
    name: str
    filters: tuple[str, ...]


_Node = str | _Section | _Replacement


@dataclass(slots=True)
class CardContext:
    """What a template can refer to besides the note's fields."""

    fields: dict[str, str]
    cloze_number: int | None = None
    tags: str = ""
    notetype: str = ""
    deck: str = ""
    card_name: str = ""
    front_side: str = ""
    answer_side: bool = False


class Template:
    """A parsed template: `render(context)` gives the HTML Anki would show."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.nodes = _parse(source)

    def render(self, context: CardContext) -> str:
        out: list[str] = []
        _render(self.nodes, context, out)
        return "".join(out)

    def plain_parts(self, fields: list[str]) -> list[str | int] | None:
        """The template as text and field numbers, if it is nothing but text, the note's
        fields and `{{FrontSide}}` (number `len(fields)`), all without filters; else None.

        Most templates are like that, and joining the parts renders them in a fraction of
        the time `render` takes.
        """
        numbers = {name: number for number, name in enumerate(fields)}
        parts: list[str | int] = []
        for node in self.nodes:
            if isinstance(node, str):
                parts.append(node)
            elif isinstance(node, _Replacement) and not node.filters:
                number = numbers.get(node.name)
                if number is None and node.name == "FrontSide":
                    number = len(fields)
                if number is None:
                    return None
                parts.append(number)
            else:
                return None
        return parts

    def cloze_parts(self, fields: list[str]) -> list[str | int | tuple[int]] | None:
        """`plain_parts` that may also hold `{{cloze:Field}}`, as the 1-tuple `(number,)`.

        Anki's own Cloze templates are like that; `render_cloze_parts` renders them.
        """
        numbers = {name: number for number, name in enumerate(fields)}
        parts: list[str | int | tuple[int]] = []
        for node in self.nodes:
            if isinstance(node, str):
                parts.append(node)
                continue
            if not isinstance(node, _Replacement) or node.filters not in ((), ("cloze",)):
                return None
            number = numbers.get(node.name)
            if number is None and node.name == "FrontSide" and not node.filters:
                number = len(fields)
            if number is None:
                return None
            parts.append((number,) if node.filters else number)
        return parts


def render_cloze_parts(
    parts: list[str | int | tuple[int]], values: list[str], number: int, *, answer: bool
) -> str:
    """A template's `cloze_parts` for cloze card `number`, fields (then FrontSide) in `values`."""
    return "".join(
        [
            part
            if isinstance(part, str)
            else values[part]
            if isinstance(part, int)
            else render_cloze(values[part[0]], number, answer=answer)
            for part in parts
        ]
    )


def _parse(source: str) -> list[_Node]:
    root: list[_Node] = []
    stack: list[_Section] = []
    current = root
    last = 0
    for match in _TAG.finditer(source):
        if match.start() > last:
            current.append(source[last : match.start()])
        last = match.end()
        inner = match.group(1).strip()
        if inner.startswith(("#", "^")):
            section = _Section(inner[1:].strip(), inverted=inner[0] == "^")
            current.append(section)
            stack.append(section)
            current = section.children
        elif inner.startswith("/"):
            name = inner[1:].strip()
            if not stack or stack[-1].name != name:
                raise TemplateError(f"{{{{/{name}}}}} closes a section that is not open")
            stack.pop()
            current = stack[-1].children if stack else root
        elif inner.startswith(("!", "=")):
            continue
        else:
            *filters, name = inner.split(":")
            current.append(_Replacement(name.strip(), tuple(f.strip() for f in filters)))
    if stack:
        raise TemplateError(f"section {{{{#{stack[-1].name}}}}} is never closed")
    if last < len(source):
        current.append(source[last:])
    return root


def field_is_empty(text: str) -> bool:
    """Anki's notion of an empty field: nothing but whitespace, <br> and empty <div>s."""
    return not _EMPTY_MARKUP.sub("", text)


def _lookup(name: str, context: CardContext) -> str | None:
    if name in context.fields:
        return context.fields[name]
    if name == "FrontSide":
        return context.front_side
    if name == "Tags":
        return context.tags
    if name == "Type":
        return context.notetype
    if name == "Deck":
        return context.deck
    if name == "Subdeck":
        return context.deck.rsplit("::", 1)[-1]
    if name == "Card":
        return context.card_name
    if context.cloze_number is not None and re.fullmatch(r"c\d+", name):
        return "1" if int(name[1:]) == context.cloze_number else ""
    return None


def _render(nodes: list[_Node], context: CardContext, out: list[str]) -> None:
    for node in nodes:
        if isinstance(node, str):
            out.append(node)
        elif isinstance(node, _Section):
            value = _lookup(node.name, context)
            empty = value is None or field_is_empty(value)
            if empty == node.inverted:
                _render(node.children, context, out)
        else:
            value = _lookup(node.name, context)
            if value is None:
                continue
            if node.name == "FrontSide" and not node.filters:
                out.append(value)
                continue
            for name in reversed(node.filters):
                value = _apply_filter(name, value, context)
            out.append(value)


def _apply_filter(name: str, value: str, context: CardContext) -> str:
    if name == "text":
        # Plain text, escaped again so it shows as text in the card's HTML.
        return html.escape(html_to_text(value), quote=False)
    if name == "cloze":
        if context.cloze_number is None:
            return value
        return render_cloze(value, context.cloze_number, answer=context.answer_side)
    if name == "hint":
        if field_is_empty(value):
            return ""
        # Collapsed in a browser (and in Anki after an export); the review screen, which cannot
        # collapse, shows it on its own line under the label.
        return f"<details><summary>Hint</summary><div>{value}</div></details>"
    if name == "type":
        # Typing the answer is an interaction; the answer side shows what was expected.
        return value if context.answer_side else ""
    if name == "furigana":
        return _FURIGANA.sub(r"<ruby><rb>\1</rb><rt>\2</rt></ruby>", value)
    if name == "kanji":
        return _FURIGANA.sub(r"\1", value)
    if name == "kana":
        return _FURIGANA.sub(r"\2", value)
    if name.startswith("tts"):
        return ""
    return value


def html_to_text(value: str) -> str:
    """Anki's `text:` filter: tags removed, entities decoded."""
    return html.unescape(_HTML_TAG.sub("", value))


@dataclass
class _Cloze:
    number: int
    parts: list[str | _Cloze]
    hint: str | None = None


@lru_cache(maxsize=256)
def _parse_clozes(text: str) -> list[str | _Cloze]:
    """Split text into plain runs and (possibly nested) `{{cN::answer::hint}}` deletions.

    Cached: every card of a cloze note, question and answer, parses the same field. Callers
    only read the result.
    """
    root: list[str | _Cloze] = []
    stack: list[_Cloze] = []
    last = 0
    for token in _CLOZE_TOKEN.finditer(text):
        if token.group(1) is None and not stack:
            continue  # a "}}" outside any deletion is plain text
        if token.start() > last:
            (stack[-1].parts if stack else root).append(text[last : token.start()])
        last = token.end()
        if token.group(1) is not None:
            cloze = _Cloze(int(token.group(1)), [])
            (stack[-1].parts if stack else root).append(cloze)
            stack.append(cloze)
        else:
            _split_hint(stack.pop())
    if last < len(text):
        (stack[-1].parts if stack else root).append(text[last:])
    # Unclosed deletions are shown as the text that was typed.
    while stack:
        cloze = stack.pop()
        parent = stack[-1].parts if stack else root
        index = next(i for i, part in enumerate(parent) if part is cloze)
        parent[index : index + 1] = [f"{{{{c{cloze.number}::", *cloze.parts]
    return root


def _split_hint(cloze: _Cloze) -> None:
    """As Anki does: a `::` in the deletion's last run of text starts the hint."""
    if cloze.parts and isinstance(cloze.parts[-1], str) and "::" in cloze.parts[-1]:
        before, cloze.hint = cloze.parts[-1].split("::", 1)
        cloze.parts[-1] = before


@lru_cache(maxsize=256)
def cloze_numbers(text: str) -> frozenset[int]:
    """The cloze numbers used in a field, nested deletions included."""
    return frozenset(int(n) for n in _CLOZE_OPEN.findall(text))


def render_cloze(text: str, number: int, *, answer: bool) -> str:
    """Anki's `cloze:` filter for card `number`: that deletion hidden (question) or shown."""
    if number not in cloze_numbers(text):
        return ""
    flat = _flat_clozes(text)
    if flat is None:
        return _render_cloze_parts(_parse_clozes(text), number, answer)
    # Each deletion as (number, (its text, as the question shows it, as the answer does)).
    form = 2 if answer else 1
    return "".join(
        [
            part if isinstance(part, str) else part[1][form if part[0] == number else 0]
            for part in flat
        ]
    )


@lru_cache(maxsize=256)
def _flat_clozes(text: str) -> list[str | tuple[int, tuple[str, str, str]]] | None:
    """The text runs and deletions of `text` (as `_parse_clozes` finds them) when no deletion
    holds another or is left open, each deletion rendered both ways once for all the note's
    cards (see `render_cloze`); None otherwise.

    Found with one regular expression instead of the general parse: a deletion is the first
    `}}` after its `{{cN::`, with no other `{{cN::` before it. Cached like `_parse_clozes`:
    the cards of a cloze note follow one another.
    """
    flat: list[str | tuple[int, tuple[str, str, str]]] = []
    last = 0
    for match in _FLAT_CLOZE.finditer(text):
        before = text[last : match.start()]
        if _CLOZE_OPEN.search(before):
            return None  # a deletion that holds this one, or one left open
        if before:
            flat.append(before)
        inner = match.group(2)
        hint = None
        if "::" in inner:
            inner, hint = inner.split("::", 1)
        flat.append((int(match.group(1)), (inner, _hidden(hint), _shown(inner))))
        last = match.end()
    rest = text[last:]
    if _CLOZE_OPEN.search(rest):
        return None
    if rest:
        flat.append(rest)
    return flat


def _hidden(hint: str | None) -> str:
    """A deletion on its own card's question: its hint, or "...", in brackets."""
    return f'<b class="cloze">[{hint or "..."}]</b>'


def _shown(inner: str) -> str:
    """A deletion on its own card's answer: the deleted text, marked."""
    return f'<b class="cloze">{inner}</b>'


def _render_cloze_parts(parts: list[str | _Cloze], number: int, answer: bool) -> str:
    out = []
    for part in parts:
        if isinstance(part, str):
            out.append(part)
        elif part.number == number:
            if answer:
                out.append(_shown(_render_cloze_parts(part.parts, number, answer)))
            else:
                out.append(_hidden(part.hint))
        else:
            out.append(_render_cloze_parts(part.parts, number, answer))
    return "".join(out)


def cloze_answers(text: str, number: int) -> list[str]:
    """The texts deleted by cloze `number` (what `{{type:cloze:...}}` expects)."""
    found: list[str] = []

    def walk(parts: list[str | _Cloze]) -> None:
        for part in parts:
            if isinstance(part, _Cloze):
                if part.number == number:
                    found.append(html_to_text(_render_cloze_parts(part.parts, number, True)))
                else:
                    walk(part.parts)

    walk(_parse_clozes(text))
    return found
