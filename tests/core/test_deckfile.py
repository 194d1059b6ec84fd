"""The Markdown deck format: every card syntax, errors with line numbers, exact round trips."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.deckfile import card_id, looks_like_deck, normalize_side, parse_deck, write_deck
from app.core.errors import InputError
from app.core.model import CardSpec


def qa(text, **kw):
    return [(c.deck, c.question, c.answer) for c in parse_deck(text, **kw)]


def test_q_a_blocks_keep_paragraphs_and_code():
    text = "Q: What does COPY do?\nA: Copies files.\n\n```sh\n# a comment, not a heading\n```\n"
    assert qa(text, default_deck="D") == [
        ("D", "What does COPY do?", "Copies files.\n\n```sh\n# a comment, not a heading\n```")
    ]


def test_one_line_cards_and_both_directions():
    text = "capital of France :: Paris\nhello ::: 你好\n中文问题：：答案\n"
    assert qa(text, default_deck="D") == [
        ("D", "capital of France", "Paris"),
        ("D", "hello", "你好"),
        ("D", "你好", "hello"),
        ("D", "中文问题", "答案"),
    ]


def test_deck_names_with_double_colons_are_not_cards():
    assert parse_deck("See Docker::Dockerfile for more.\n") == []
    assert not looks_like_deck("See Docker::Dockerfile for more.\n")


def test_multi_line_card_split_by_a_question_mark_line():
    text = "First line\nsecond line\n?\nThe answer\n\n多行问题\n？\n答案\n"
    assert qa(text, default_deck="D") == [
        ("D", "First line\nsecond line", "The answer"),
        ("D", "多行问题", "答案"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "{{c1::Paris}} is the capital of {{c2::France}}",
            [
                ("[...] is the capital of France", "**Paris** is the capital of France"),
                ("Paris is the capital of [...]", "Paris is the capital of **France**"),
            ],
        ),
        (
            "{{c1::COPY::instruction}} copies, {{c1::ADD}} unpacks",
            [("[instruction] copies, [...] unpacks", "**COPY** copies, **ADD** unpacks")],
        ),
    ],
)
def test_clozes_give_one_card_per_number(text, expected):
    assert [(c.question, c.answer) for c in parse_deck(text)] == expected


def test_front_matter_and_headings_set_decks_and_tags():
    text = (
        "---\ndeck: Docker\ntags: [docker, 基础]\n---\n"
        "top :: level\n"
        "# Docker\n## Dockerfile\nq1 :: a1\n"
        "## tags: 指令\nq2 :: a2\n"
        "# Compose\nq3 :: a3\n"
    )
    cards = parse_deck(text)
    assert [(c.deck, c.tags) for c in cards] == [
        ("Docker", ("docker", "基础")),
        ("Docker::Dockerfile", ("docker", "基础")),
        ("Docker", ("docker", "基础", "指令")),
        ("Docker::Compose", ("docker", "基础")),
    ]


def test_headings_without_front_matter_name_the_deck():
    text = "# Docker\n## Dockerfile\nQ: q\nA: a\n"
    assert qa(text) == [("Docker::Dockerfile", "q", "a")]
    assert qa("q :: a\n") == [("Default", "q", "a")]


def test_full_width_markers():
    text = "Q：问题\nA：答案\n"
    assert qa(text, default_deck="D") == [("D", "问题", "答案")]


def test_ids_are_stable_and_follow_the_question():
    one = parse_deck("q :: a\n", default_deck="Docker")[0]
    edited = parse_deck("q :: a different answer\n", default_deck="Docker")[0]
    assert one.id == edited.id == card_id("Docker", "q")
    assert one.id.startswith("docker-")
    assert one.source_line == 1


def test_explicit_metadata_comment_wins():
    text = "<!-- id: my-card; line: 42; tags: x y; deck: Other::Deck -->\nQ: q\nA: a\n"
    card = parse_deck(text, default_deck="D")[0]
    assert card == CardSpec("my-card", "Other::Deck", "q", "a", ("x", "y"), 42)


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("intro\n\nQ: no answer here\n", 3, "no A:"),
        ("Q: q\nA:\n\nnext :: card\n", 1, "empty answer"),
        ("x\n?\n\n", 1, "empty answer"),
        ("q :: a\nq :: b\n", 2, "same question as line 1"),
        ("{{c1::}} hides nothing\n", 1, "no text"),
        ("---\ndeck: D\nno end\n", 1, "front matter"),
    ],
)
def test_malformed_cards_name_file_and_line(text, line, message):
    with pytest.raises(InputError) as caught:
        parse_deck(text, source="my.deck.md")
    assert caught.value.line == line
    assert str(caught.value).startswith(f"my.deck.md, line {line}: ")
    assert message in str(caught.value)


def test_looks_like_deck():
    assert looks_like_deck("---\ndeck: D\n---\n")
    assert looks_like_deck("Q: a\nA: b\n")
    assert looks_like_deck("a :: b\n")
    assert looks_like_deck("{{c1::x}} y\n")
    assert not looks_like_deck("## 基础操作\n\t区分镜像：id和摘要\n\tdocker run  # 新建并启动\n")
    assert not looks_like_deck("```\na :: b\n```\n")


def test_write_then_parse_gives_back_the_same_cards():
    cards = [
        CardSpec("docker-1", "Docker", "What is `FROM`?", "The base image.", ("a",), 3),
        CardSpec("x-2", "Docker::Dockerfile", "Q: tricky\n# not a heading", "A: also\n?", (), None),
        CardSpec("x-3", "Docker::Dockerfile::Deep", "code?", "```sh\n# comment\nls\n```", (), 9),
        CardSpec("x-4", "Docker", "back at top", "a :: b\n\n{{c1::no}}", ("t 1", "t;2"), 10),
        CardSpec("x-5", "Elsewhere", "other deck", "\\Q: escaped", (), 11),
        CardSpec("x-6", "Docker::Docker", "same-name child", "ok", (), 12),
    ]
    text = write_deck(cards, deck="Docker")
    assert parse_deck(text) == cards
    assert parse_deck(text, default_deck="Ignored") == cards


def test_a_side_that_leaves_a_code_fence_open_does_not_swallow_the_next_cards():
    cards = [
        CardSpec("x-1", "D", "q", "```", (), None),
        CardSpec("x-2", "D::Sub", "q2", "x\n~~~ sh\n# not a heading", (), None),
        CardSpec("x-3", "D", "literal", "\\```", (), None),
    ]
    assert parse_deck(write_deck(cards)) == cards


_piece = st.sampled_from([*"abQA:：?？#-<!>{}c1 \n`\\;%中", "::", "```", "{{c1::", "<!-- id:"])
_side = st.lists(_piece, min_size=1, max_size=25).map("".join).map(normalize_side)
_name = st.text(alphabet=st.sampled_from(list("abc中 #:-")), min_size=1, max_size=8)
_part = st.text(alphabet=st.sampled_from(list("abc中 #-")), min_size=1, max_size=8)
_deck = st.lists(_part.map(str.strip).filter(bool), min_size=1, max_size=3).map("::".join)


@st.composite
def _cards(draw):
    count = draw(st.integers(1, 6))
    out = []
    for index in range(count):
        question = draw(_side.filter(bool))
        answer = draw(_side.filter(bool))
        tags = tuple(dict.fromkeys(draw(st.lists(_name.map(str.strip).filter(bool), max_size=3))))
        line = draw(st.none() | st.integers(1, 10_000))
        out.append(CardSpec(f"id-{index}", draw(_deck), question, answer, tags, line))
    return out


@settings(max_examples=100, deadline=None)
@given(_cards())
def test_round_trip_property(cards):
    assert parse_deck(write_deck(cards)) == cards
