"""Fuzzing the Markdown deck parser: any text gives cards or an InputError with a message."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.deckfile import parse_deck, write_deck
from app.core.errors import DeckardError
from app.core.model import CardSpec

# Pieces of the deck syntax, so random documents reach the parser's corners, not just its
# "no cards here" path.
FRAGMENTS = [
    "---",
    "deck: Docker",
    "deck:",
    "tags: a b",
    "tags:",
    "# Docker",
    "## Volumes",
    "###### deep",
    "#",
    "Q: What is a container?",
    "Q:",
    "A: A process.",
    "A:",
    "q：全角",
    "a：回答",
    "front :: back",
    "front ::: back",
    "左：：右",
    " :: ",
    "?",
    "？",
    "{{c1::Docker}} runs {{c2::containers::hint}}",
    "{{c0::zero}}",
    "{{c99999999999999999999::big}}",
    "{{c1::",
    "}}",
    "<!-- id: x; line: 3; tags: a; deck: D -->",
    "<!-- id: ; line: nope -->",
    "<!-- id: x; line: 99999999999999999999999 -->",
    "<!--",
    "-->",
    "```",
    "```python",
    "~~~",
    "    indented",
    "\t",
    "",
    "\x00",
    "\ufeff",
    "\r",
    "\\Q: escaped",
]

documents = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=30)), max_size=30).map(
    "\n".join
)


def parse_or_error(text, **options):
    try:
        cards = parse_deck(text, source="fuzz.md", **options)
    except DeckardError as error:
        assert str(error).strip(), "an error without a message"
        return None
    assert all(isinstance(card, CardSpec) for card in cards)
    return cards


@settings(max_examples=80, deadline=None)
@given(documents)
def test_any_document_gives_cards_or_a_deckard_error(text):
    parse_or_error(text)


@settings(max_examples=60, deadline=None)
@given(documents, st.one_of(st.none(), st.text(max_size=20)))
def test_any_default_deck_gives_cards_or_a_deckard_error(text, default_deck):
    parse_or_error(text, default_deck=default_deck)


@settings(max_examples=60, deadline=None)
@given(documents)
def test_what_the_parser_reads_it_writes_back_without_crashing(text):
    cards = parse_or_error(text)
    if cards:
        written = write_deck(cards)
        assert parse_or_error(written) is not None
