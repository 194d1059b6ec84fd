"""Anki's template language: replacements, sections, FrontSide, special fields and filters."""

from __future__ import annotations

import pytest

from app.core.importing.anki_templates import (
    CardContext,
    Template,
    TemplateError,
    cloze_answers,
    field_is_empty,
    render_cloze,
)

FIELDS = {"Front": "der <b>Hund</b>", "Back": "dog", "Empty": "<br> &nbsp; <div></div>"}


@pytest.mark.parametrize(
    ("template", "expected"),
    [
        ("{{Front}}", "der <b>Hund</b>"),
        ("{{ Front }} / {{Back}}", "der <b>Hund</b> / dog"),
        ("{{text:Front}}", "der Hund"),
        ("{{#Back}}has back{{/Back}}", "has back"),
        ("{{#Empty}}shown{{/Empty}}", ""),
        ("{{^Empty}}no extra{{/Empty}}", "no extra"),
        ("{{^Back}}hidden{{/Back}}", ""),
        ("{{#Front}}{{#Back}}both{{/Back}}{{/Front}}", "both"),
        ("{{#Missing}}x{{/Missing}}{{^Missing}}y{{/Missing}}", "y"),
        ("{{Missing}}", ""),
        ("{{hint:Back}}", "<details><summary>Hint</summary><div>dog</div></details>"),
        ("{{hint:Empty}}", ""),
        ("{{type:Back}}", ""),
        ("{{Tags}}|{{Type}}|{{Deck}}|{{Subdeck}}|{{Card}}", "a b|Basic|Lang::German|German|Card 1"),
        ("{{tts en_US:Back}}", ""),
        ("{{unknownfilter:Back}}", "dog"),
        ("{{furigana:Reading}}", "<ruby><rb>漢字</rb><rt>かんじ</rt></ruby>"),
        ("{{kana:Reading}}", "かんじ"),
        ("{{kanji:Reading}}", "漢字"),
        ("{{!comment}}x", "x"),
    ],
)
def test_question_side(template, expected):
    context = CardContext(
        fields={**FIELDS, "Reading": "漢字[かんじ]"},
        tags="a b",
        notetype="Basic",
        deck="Lang::German",
        card_name="Card 1",
    )
    assert Template(template).render(context) == expected


def test_answer_side_has_front_side_and_typed_answer():
    context = CardContext(fields=FIELDS, front_side="Q", answer_side=True)
    assert Template("{{FrontSide}}<hr id=answer>{{type:Back}}").render(context) == (
        "Q<hr id=answer>dog"
    )


@pytest.mark.parametrize("source", ["{{#A}}x", "{{/A}}", "{{#A}}{{/B}}"])
def test_sections_that_do_not_nest_are_errors(source):
    with pytest.raises(TemplateError):
        Template(source)


def test_empty_fields_as_anki_sees_them():
    assert field_is_empty("") and field_is_empty(" <br/> <div> </div>&nbsp;")
    assert not field_is_empty("<img src='a.png'>") and not field_is_empty("x")


TEXT = "{{c1::Berlin::city}} is in {{c2::Germany}}; {{c1::Bonn}} was {{c3::a {{c4::capital}}}}"


@pytest.mark.parametrize(
    ("number", "question", "answer"),
    [
        (
            1,
            '<b class="cloze">[city]</b> is in Germany; <b class="cloze">[...]</b> was a capital',
            '<b class="cloze">Berlin</b> is in Germany; <b class="cloze">Bonn</b> was a capital',
        ),
        (
            2,
            'Berlin is in <b class="cloze">[...]</b>; Bonn was a capital',
            'Berlin is in <b class="cloze">Germany</b>; Bonn was a capital',
        ),
        (
            3,
            'Berlin is in Germany; Bonn was <b class="cloze">[...]</b>',
            'Berlin is in Germany; Bonn was <b class="cloze">a capital</b>',
        ),
        (
            4,
            'Berlin is in Germany; Bonn was a <b class="cloze">[...]</b>',
            'Berlin is in Germany; Bonn was a <b class="cloze">capital</b>',
        ),
    ],
)
def test_cloze_cards_hide_one_number_and_keep_hints(number, question, answer):
    assert render_cloze(TEXT, number, answer=False) == question
    assert render_cloze(TEXT, number, answer=True) == answer


def test_a_cloze_number_that_is_absent_renders_nothing():
    assert render_cloze(TEXT, 9, answer=False) == ""


def test_an_unclosed_cloze_is_shown_as_typed():
    assert render_cloze("{{c1::a}} and {{c2::open", 1, answer=False) == (
        '<b class="cloze">[...]</b> and {{c2::open'
    )


def test_cloze_answers_are_what_typing_expects():
    assert cloze_answers(TEXT, 1) == ["Berlin", "Bonn"]


def test_cloze_sections_follow_the_card_number():
    template = Template("{{cloze:Text}}{{#c2}} (second){{/c2}}")
    fields = {"Text": "{{c1::a}} {{c2::b}}"}
    second = CardContext(fields=fields, cloze_number=2)
    first = CardContext(fields=fields, cloze_number=1)
    assert template.render(second) == 'a <b class="cloze">[...]</b> (second)'
    assert template.render(first) == '<b class="cloze">[...]</b> b'


def test_the_hint_starts_at_the_first_double_colon_as_in_anki():
    assert render_cloze("{{c1::a::b::c}}", 1, answer=False) == '<b class="cloze">[b::c]</b>'
    assert render_cloze("{{c1::a::b::c}}", 1, answer=True) == '<b class="cloze">a</b>'
    nested = "{{c2::x {{c3::y}}::hint}}"
    assert render_cloze(nested, 2, answer=False) == '<b class="cloze">[hint]</b>'
    assert render_cloze(nested, 3, answer=False) == 'x <b class="cloze">[...]</b>'
