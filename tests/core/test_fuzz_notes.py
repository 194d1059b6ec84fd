"""Fuzzing the notes compiler: any notes give cards or a DeckardError with a message."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.errors import DeckardError
from app.core.model import CardSpec
from app.core.notes import compile_notes

# Pieces of what people type in notes, so random documents exercise the compiler's rules.
FRAGMENTS = [
    "# Docker",
    "## 镜像",
    "#",
    "#!",
    "###### deep",
    "> 子节",
    ">",
    "\tnested",
    "    nested",
    "  \t mixed indent",
    "\t\t\t\tvery deep",
    "key：value",
    "key: value",
    "：",
    "docker ps  # 列出容器",
    "#  only a comment",
    "user 指定当前用户",
    "从其他镜像复制文件 copy --from=builder /a /b",
    "这是什么？",
    "what is this?",
    "?",
    "1. first step",
    "2. second step",
    "- bullet",
    "* star",
    "```",
    "```bash",
    "docker run -it ubuntu",
    "~~~",
    "`code`",
    "``",
    "<script>alert(1)</script>",
    "{{c1::cloze}}",
    "Q: A:",
    "\x00",
    "\ufeff",
    "\r",
    "",
    "   ",
]

documents = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=20)), max_size=30).map(
    "\n".join
)


@settings(max_examples=120, deadline=None)
@given(documents, st.sampled_from(["Docker", "Docker::Volumes", "中文"]))
def test_any_notes_give_cards_or_a_deckard_error(text, deck):
    try:
        cards = compile_notes(text, deck=deck, source="fuzz.txt")
    except DeckardError as error:
        assert str(error).strip(), "an error without a message"
        return
    assert all(isinstance(card, CardSpec) for card in cards)
    assert all(card.deck == deck or card.deck.startswith(deck + "::") for card in cards)


@settings(max_examples=40, deadline=None)
@given(st.text(max_size=200), st.text(max_size=10))
def test_any_text_and_deck_name_give_cards_or_a_deckard_error(text, deck):
    try:
        compile_notes(text, deck=deck)
    except DeckardError as error:
        assert str(error).strip(), "an error without a message"
