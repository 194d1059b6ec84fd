"""Turning one Anki note into the two sides of a Deckard card.

A note type's templates are rendered with Anki's template syntax (`anki_templates`); the
answer side keeps only what Anki shows below its `<hr id=answer>` (Deckard shows the question
above the answer itself); both sides are made safe (`sanitize_html`) and wrapped as one HTML
block. Templates of text and fields only (Basic and its variants), and cloze templates of text,
fields and `{{cloze:Field}}`, are planned once per note type and rendered without the general
template walk: the same sides, in a fraction of the time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from app.core.importing.anki_templates import (
    CardContext,
    Template,
    cloze_answers,
    render_cloze_parts,
)
from app.core.sanitize import sanitize_html

_ANSWER_RULE = re.compile(r"<hr[^>]*\bid\s*=\s*[\"']?answer\b[\"']?[^>]*>", re.IGNORECASE)
# Where an `_ANSWER_RULE` could begin.
_RULE_START = re.compile(r"<hr", re.IGNORECASE)
_BREAKS = ("<br>", "<br/>", "<br />")
_TAGS = re.compile(r"<[^>]*>")
# The first character that is neither whitespace nor inside a tag (possessive: no backtracking).
_FIRST_TEXT = re.compile(r"(?:\s|<[^>]*>)*+(\S)")
_MEDIA_TAG = re.compile(r"<(?:img|audio|video)\b", re.IGNORECASE)
_SOUND = re.compile(r"\[sound:[^\]]+\]")


@dataclass
class NoteType:
    """What rendering a note needs: field names and, per card ordinal, the two templates."""

    name: str
    cloze: bool
    fields: list[str]
    templates: dict[int, tuple[str, Template, Template]]
    # Per card ordinal: both templates as a `_PlainPlan`, or None if either is not plain.
    plain: dict[int, _PlainPlan | None] = field(default_factory=dict)
    # A cloze note type's templates as `Template.cloze_parts` (made on first use), or None.
    cloze_plan: _ClozePlan | None = None
    cloze_planned: bool = False


@dataclass(frozen=True, slots=True)
class _ClozePlan:
    """Both templates of a cloze note type as `Template.cloze_parts`."""

    question: list[str | int | tuple[int]]
    answer: list[str | int | tuple[int]]
    # The number of the note type's first field (its last, if two share the name).
    first_field: int


@dataclass(frozen=True, slots=True)
class _PlainPlan:
    """Templates made of text and fields only (`Template.plain_parts`), as `str.format`
    patterns over the note's fields followed by {{FrontSide}}.

    `answer_tail` is the part of the answer after its `<hr id=answer>` when the answer
    template is `{{FrontSide}}` followed by text holding that rule (Anki's own layout): the
    answer side is then that part alone, found without searching the rendered answer.
    """

    question: str
    answer: str
    answer_tail: str | None


def render_sides(
    notetype: NoteType, ordinal: int, flds: str, tags: str, deck: str
) -> tuple[str, str] | None:
    """The question and answer a note gives for card `ordinal`: rendered as Anki would,
    made safe and wrapped; None when the question is blank (Anki makes no such card)."""
    values = flds.split("\x1f")
    names = notetype.fields
    if not notetype.cloze:
        if ordinal not in notetype.plain:
            notetype.plain[ordinal] = _plain_templates(notetype, ordinal)
        plain = notetype.plain[ordinal]
        if plain is not None:
            return _render_plain(plain, values, len(names))
    if len(values) < len(names):
        values += [""] * (len(names) - len(values))
    if notetype.cloze:
        if not notetype.cloze_planned:
            notetype.cloze_plan = _cloze_templates(notetype)
            notetype.cloze_planned = True
        if notetype.cloze_plan is not None:
            return _render_cloze(notetype.cloze_plan, values, len(names), ordinal + 1)
    fields = dict(zip(names, values, strict=False))
    if notetype.cloze:
        template = notetype.templates.get(0)
        cloze_number: int | None = ordinal + 1
    else:
        template = notetype.templates.get(ordinal)
        cloze_number = None
    if template is None:
        return None
    name, qfmt, afmt = template
    context = CardContext(fields, cloze_number, tags.strip(), notetype.name, deck, name)
    question = qfmt.render(context).strip()
    if _is_blank(question):
        return None
    context.front_side = question
    context.answer_side = True
    answer = _answer_only(afmt.render(context), question)
    if notetype.cloze and _is_blank(answer):
        answer = ", ".join(cloze_answers(fields.get(notetype.fields[0], ""), ordinal + 1))
    return _sides(question, answer)


def _cloze_templates(notetype: NoteType) -> _ClozePlan | None:
    template = notetype.templates.get(0)
    if template is None or not notetype.fields:
        return None
    question = template[1].cloze_parts(notetype.fields)
    answer = template[2].cloze_parts(notetype.fields)
    if question is None or answer is None:
        return None
    numbers = {name: number for number, name in enumerate(notetype.fields)}
    return _ClozePlan(question, answer, numbers[notetype.fields[0]])


def _render_cloze(
    plan: _ClozePlan, values: list[str], count: int, number: int
) -> tuple[str, str] | None:
    """`_Reader._render` for cloze templates made of text, fields and `{{cloze:Field}}`."""
    values = values[:count]
    values.append("")  # {{FrontSide}}: empty on the question side
    question = render_cloze_parts(plan.question, values, number, answer=False).strip()
    if _is_blank(question):
        return None
    values[count] = question
    answer = _answer_only(render_cloze_parts(plan.answer, values, number, answer=True), question)
    if _is_blank(answer):
        answer = ", ".join(cloze_answers(values[plan.first_field], number))
    return _sides(question, answer)


def _plain_templates(notetype: NoteType, ordinal: int) -> _PlainPlan | None:
    template = notetype.templates.get(ordinal)
    if template is None:
        return None
    count = len(notetype.fields)
    question = template[1].plain_parts(notetype.fields)
    answer = template[2].plain_parts(notetype.fields)
    if question is None or answer is None:
        return None
    tail = None
    if len(answer) >= 2 and answer[0] == count and isinstance(answer[1], str):
        rule = _ANSWER_RULE.search(answer[1])
        # `_answer_only` looks for the rule only when "answer" is written in lower case.
        if rule is not None and "answer" in rule.group(0):
            tail = _format_pattern([answer[1][rule.end() :], *answer[2:]])
    return _PlainPlan(_format_pattern(question), _format_pattern(answer), tail)


def _format_pattern(parts: list[str | int]) -> str:
    """Template parts as a `str.format` pattern: text with its braces doubled, fields `{n}`."""
    return "".join(
        part.replace("{", "{{").replace("}", "}}") if isinstance(part, str) else f"{{{part}}}"
        for part in parts
    )


def _render_plain(plan: _PlainPlan, values: list[str], count: int) -> tuple[str, str] | None:
    """`_Reader._render` for templates made of text and fields only (`Template.plain_parts`)."""
    if len(values) != count:
        values = (values + [""] * count)[:count]
    values.append("")  # {{FrontSide}}: empty on the question side
    question = plan.question.format(*values).strip()
    if _is_blank(question):
        return None
    values[count] = question
    if plan.answer_tail is not None and _RULE_START.search(question) is None:
        # The rendered answer is the question, then the template's text holding the rule:
        # a rule can only start in the question, and this one has none.
        answer = plan.answer_tail.format(*values).strip()
    else:
        answer = _answer_only(plan.answer.format(*values), question)
    return _sides(question, answer)


def _answer_only(answer: str, question: str) -> str:
    """The answer side without the repeated question: Deckard shows the question above it."""
    rule = _ANSWER_RULE.search(answer) if "answer" in answer else None
    if rule:
        return answer[rule.end() :].strip()
    if question and answer.startswith(question):
        return answer[len(question) :].strip()
    return answer.strip()


def _sides(question: str, answer: str) -> tuple[str, str]:
    """Both rendered sides, made safe and wrapped."""
    if "<" in question:
        question = sanitize_html(question)
    if "<" in answer:
        answer = sanitize_html(answer)
    return _wrap(question), _wrap(answer)


def _is_blank(side: str) -> bool:
    start = side[:1]
    if start and start not in "<&" and not start.isspace():
        return False  # visible text right at the start
    first = _FIRST_TEXT.match(side)
    if first is not None and first.group(1) != "&":
        # Visible text outside the tags (an entity might be a lone &nbsp;: checked below).
        return False
    if _MEDIA_TAG.search(side) or _SOUND.search(side):
        return False
    return not _TAGS.sub("", side).replace("&nbsp;", "").strip()


def _strip_trailing_breaks(side: str) -> str:
    while True:
        side = side.rstrip()
        if not side.endswith(">"):
            return side
        tail = side[-6:].lower()
        for br in _BREAKS:
            if tail.endswith(br):
                side = side[: -len(br)]
                break
        else:
            return side


def _wrap(side: str) -> str:
    """Anki's HTML as a raw HTML block, so Markdown leaves its text and line breaks alone."""
    end = side[-1:]
    if end and end != ">" and not end.isspace():
        return f"<div>{side}</div>"  # no trailing blanks or breaks to drop
    side = _strip_trailing_breaks(side)
    return f"<div>{side}</div>" if side else ""
