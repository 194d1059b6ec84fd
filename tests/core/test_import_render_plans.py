"""The fast renderings of simple templates give exactly what the general template renderer
gives: plain templates through `str.format` patterns (with Anki's answer layout found without a
search) and cloze templates through `cloze_parts`."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, reject, settings
from hypothesis import strategies as st

from app.core.importing.anki_collection import _Reader
from app.core.importing.anki_sides import NoteType
from app.core.importing.anki_templates import Template, TemplateError

TEMPLATE_PIECES = [
    "{{Front}}", "{{Back}}", "{{FrontSide}}", "{{Text}}", "{{cloze:Text}}", "{{cloze:Back}}",
    "<hr id=answer>", "<HR ID=ANSWER>", '<hr id="answer">', "<hr  class=x id='answer'>", "<hr>",
    "\n\n", " ", "text", "{", "}", "{0}", "<br>", "<b>", "</b>", "answer", "<hr", "id=answer>",
    "{{text:Front}}", "{{#Back}}x{{/Back}}", "{{Tags}}",
]  # fmt: skip
FIELD_PIECES = [
    "Hund", "<hr id=answer>", "<HR id=answer>", "{{c1::x}}", "{{c2::y::hint}}",
    "{{c1::a{{c2::b}}}}", "<b>", "</b>", "&nbsp;", " ", "<br>", "{0}", "}", "{",
    "<script>x</script>", "answer", "<img src=a.png>", "\n", "<hr", "c1", "",
]  # fmt: skip

templates = st.lists(st.sampled_from(TEMPLATE_PIECES), max_size=6).map("".join)
field_values = st.lists(
    st.lists(st.sampled_from(FIELD_PIECES), max_size=5).map("".join), max_size=4
)
READER = _Reader(None, source=Path("deck.apkg"), where="member 'x'", deck_prefix=None)  # type: ignore[arg-type]


def note_type(cloze: bool, fields: list[str], question: str, answer: str) -> NoteType:
    try:
        Template(question), Template(answer)
    except TemplateError:
        reject()  # sections that do not nest: the package is refused before rendering
    return NoteType(
        "Cloze" if cloze else "Basic",
        cloze,
        fields,
        {0: ("Card 1", Template(question), Template(answer))},
    )


def render_both(notetype: NoteType, general: NoteType, values: list[str], ordinal: int):
    flds = "\x1f".join(values)
    fast = READER._render(notetype, ordinal, flds, " zoo ", "German")
    slow = READER._render(general, ordinal, flds, " zoo ", "German")
    return fast, slow


@settings(max_examples=400, deadline=None)
@given(question=templates, answer=templates, values=field_values)
def test_plain_templates_render_as_the_general_renderer_does(question, answer, values):
    fields = ["Front", "Back"]
    notetype = note_type(False, fields, question, answer)
    general = note_type(False, fields, question, answer)
    general.plain[0] = None  # never planned: always the general renderer
    fast, slow = render_both(notetype, general, values, 0)
    assert fast == slow


@settings(max_examples=400, deadline=None)
@given(question=templates, answer=templates, values=field_values, ordinal=st.integers(0, 2))
def test_cloze_templates_render_as_the_general_renderer_does(question, answer, values, ordinal):
    fields = ["Text", "Back", "Text"] if ordinal == 2 else ["Text", "Back"]
    notetype = note_type(True, fields, question, answer)
    general = note_type(True, fields, question, answer)
    general.cloze_planned = True  # with no plan: always the general renderer
    fast, slow = render_both(notetype, general, values, ordinal)
    assert fast == slow


def test_anki_layouts_take_the_fast_paths():
    basic = note_type(
        False, ["Front", "Back"], "{{Front}}", "{{FrontSide}}\n\n<hr id=answer>\n\n{{Back}}"
    )
    assert READER._render(basic, 0, "Hund\x1fdog", "", "D") == ("<div>Hund</div>", "<div>dog</div>")
    assert basic.plain[0] is not None and basic.plain[0].answer_tail is not None
    cloze = note_type(
        True, ["Text", "Back Extra"], "{{cloze:Text}}", "{{cloze:Text}}<br>\n{{Back Extra}}"
    )
    sides = READER._render(cloze, 1, "{{c1::a}} {{c2::b::hint}}\x1fmore", "", "D")
    assert sides == (
        '<div>a <b class="cloze">[hint]</b></div>',
        '<div>a <b class="cloze">b</b><br>\nmore</div>',
    )
    assert cloze.cloze_plan is not None


SIDE_PIECES = ["a", " ", "\n", "\u3000", "<br>", "<br/>", "<BR />", ">", "<", "&nbsp;", "&amp;",
               "<b>", "</b>", "<img src=a.png>", "[sound:a.mp3]", "x>", ""]  # fmt: skip


@given(st.lists(st.sampled_from(SIDE_PIECES), max_size=8).map("".join))
def test_the_wrapping_and_blank_shortcuts_change_nothing(side):
    from app.core.importing import anki_sides as reader

    stripped = reader._strip_trailing_breaks(side)
    assert reader._wrap(side) == (f"<div>{stripped}</div>" if stripped else "")
    first = reader._FIRST_TEXT.match(side)
    visible = first is not None and first.group(1) != "&"
    media = reader._MEDIA_TAG.search(side) or reader._SOUND.search(side)
    blank = (
        not visible and not media and not reader._TAGS.sub("", side).replace("&nbsp;", "").strip()
    )
    assert reader._is_blank(side) == blank
