"""Working out what each card of an Anki package is, one chunk of cards at a time.

For each card row of the package: its Deckard id, the fingerprint of the raw data it is made
from, whether the collection already holds it from that very data, and otherwise its two
sides. A pure function of the row and of what the package and the collection held when
reading began, so `anki_collection` may hand chunks of rows to worker processes
(`app.core.forking`); the results are plain tuples.
"""

from __future__ import annotations

import hashlib
import html
import json
import re
from collections.abc import Mapping
from typing import Any

from app.core.exporting.anki_format import FIELD_SEPARATOR, NOTETYPE_ID
from app.core.importing.anki_sides import NoteType
from app.core.store import hash_card_text, json_string, tags_json

# Part of every card's fingerprint: change it whenever rendering changes what a note becomes
# (templates, sanitizing, wrapping), so that the next import renders every card again.
RENDERING_VERSION = 1

# What `CardPlanner.plans` finds a card to be (its `outcome`).
NOTE_MISSING, NOTETYPE_MISSING, UNCHANGED, RENDERED, NOT_RENDERED = range(5)
# Cards per chunk, and the fewest cards to render that are worth forking worker processes for.
CARD_CHUNK = 500
PARALLEL_MIN_CARDS = 2000


class CardPlanner:
    """What each card of the package is: its id, its fingerprint, whether the collection holds
    it unchanged, and otherwise its two sides with the card's content hash (None: blank
    question).

    The content hash (`store.content_hash` of the card the reader makes) is what the merge
    stores and compares; made here, it is made in the worker processes along with the sides.

    A pure function of the card's row and of what the package and the collection held when
    reading began, so it may run in a worker process; `chunk` gives the plans of one chunk
    of rows as plain tuples.
    """

    def __init__(
        self,
        reader: Any,
        rows: list[tuple[Any, ...]],
        notes: dict[int, tuple[Any, ...]],
        notetypes: dict[int, NoteType],
        decks: dict[int, str],
        known: Mapping[str, str],
    ) -> None:
        self.reader = reader
        self.rows = rows
        self.notes = notes
        self.notetypes = notetypes
        self.decks = decks
        self.known = known
        # Per (note type, ordinal): the note type and what the fingerprint needs of it.
        self.kinds: dict[tuple[int, int], tuple[NoteType, str] | None] = {}
        self.deck_names: dict[int, str] = {}
        # Per note tags text: the tags as the card's JSON array; per deck name: its JSON.
        self.tag_texts: dict[str, str] = {}
        self.deck_texts: dict[str, str] = {}
        # Chunks already planned, by number.
        self.done: dict[int, list[tuple[str, int, str, Any]]] = {}

    def chunk(self, index: int) -> list[tuple[str, int, str, tuple[str, str, str | None] | None]]:
        """The plans of rows `index * CARD_CHUNK` onwards; stops before a row whose planning
        raises (the caller plans it again, to raise in its turn). A rendering that raises
        leaves its card `NOT_RENDERED`."""
        done = self.done.pop(index, None)
        if done is not None:
            return done
        start = index * CARD_CHUNK
        return self.plans(self.rows[start : start + CARD_CHUNK], render=True, raising=False)

    def deck(self, did: int) -> str:
        """The name of the deck with id `did`, under the chosen prefix."""
        name = self.deck_names.get(did)
        if name is None:
            name = self.deck_names[did] = self.reader._deck_name(self.decks, did)
        return name

    def plans(
        self, rows: list[tuple[Any, ...]], *, render: bool, raising: bool
    ) -> list[tuple[str, int, str, Any]]:
        """(card id, outcome, fingerprint, sides) of each card in `rows`, up to the first whose
        planning raises (an error raised only if `raising`); without `render`, cards to render
        are left `NOT_RENDERED`."""
        plans: list[tuple[str, int, str, Any]] = []
        append = plans.append
        notes = self.notes
        kinds = self.kinds
        known = self.known
        deck_names = self.deck_names
        blake2b = hashlib.blake2b
        try:
            for _, nid, did, ordinal, _, odid in rows:
                note = notes.get(nid)
                if note is None:
                    append(("", NOTE_MISSING, "", None))
                    continue
                _, guid, mid, _, tags, flds = note
                card_id = (
                    mid == NOTETYPE_ID and _deckard_card_id(mid, flds)
                ) or f"anki-{guid}-{ordinal}"
                kind = kinds.get((mid, ordinal))
                if kind is None and (mid, ordinal) not in kinds:
                    notetype = self.notetypes.get(mid)
                    kind = kinds[(mid, ordinal)] = (
                        None if notetype is None else (notetype, _template_key(notetype, ordinal))
                    )
                if kind is None:
                    append((card_id, NOTETYPE_MISSING, "", None))
                    continue
                notetype, template_key = kind
                home = odid or did
                deck = deck_names.get(home) or self.deck(home)
                fingerprint = blake2b(
                    f"{template_key}\x1e{card_id}\x1e{deck}\x1e{tags}\x1e{flds}".encode(
                        "utf-8", "surrogatepass"
                    ),
                    digest_size=16,
                ).hexdigest()
                if known.get(card_id) == fingerprint:
                    append((card_id, UNCHANGED, fingerprint, None))
                    continue
                if not render:
                    append((card_id, NOT_RENDERED, fingerprint, None))
                    continue
                try:
                    sides = self.reader._render(notetype, ordinal, str(flds), str(tags), deck)
                except Exception:
                    append((card_id, NOT_RENDERED, fingerprint, None))
                    continue
                append((card_id, RENDERED, fingerprint, self.hashed(sides, deck, tags)))
        except Exception:
            if raising:
                raise
        return plans

    def render(self, row: tuple[Any, ...]) -> tuple[str, str, str | None] | None:
        """The sides and content hash of the card in `row` (whose note and note type exist),
        errors raised."""
        _, nid, did, ordinal, _, odid = row
        _, _, mid, _, tags, flds = self.notes[nid]
        deck = self.deck(odid or did)
        sides = self.reader._render(self.notetypes[mid], ordinal, str(flds), str(tags), deck)
        return self.hashed(sides, deck, tags)

    def hashed(
        self, sides: tuple[str, str] | None, deck: str, tags: Any
    ) -> tuple[str, str, str | None] | None:
        """`sides` with the content hash of the card they make (`store.content_hash` of its
        deck, sides and tags, spelled out here), None for a card not made; the hash is None
        when the deck or the tags are not text (the merge then hashes the card itself: tags
        such as 1 and 1.0 are equal keys but different text)."""
        if sides is None:
            return None
        question, answer = sides
        if type(tags) is not str or type(deck) is not str:
            return question, answer, None
        text = self.tag_texts.get(tags)
        if text is None:
            text = self.tag_texts[tags] = tags_json(tuple(tags.split()))
        try:
            deck_json = self.deck_texts.get(deck)
            if deck_json is None:
                deck_json = self.deck_texts[deck] = json_string(deck)
            return question, answer, hash_card_text(deck_json, question, answer, text)
        except UnicodeEncodeError:  # left for the merge to report as before
            return question, answer, None


def _template_key(notetype: NoteType, ordinal: int) -> str:
    """What a card's rendering takes from its note type, as one string for its fingerprint."""
    template = notetype.templates.get(0 if notetype.cloze else ordinal)
    parts = [RENDERING_VERSION, notetype.name, notetype.cloze, notetype.fields, ordinal]
    if template is not None:
        parts += [template[0], template[1].source, template[2].source]
    return hashlib.blake2b(json.dumps(parts).encode("utf-8"), digest_size=16).hexdigest()


_DECKARD_ID = re.compile(r"[^\s<>]{1,200}")


def _deckard_card_id(mid: int, flds: str) -> str | None:
    """The card id a note exported by Deckard carries in its third field, if this is one.

    A deck that went to Anki and comes back keeps its ids, so it updates the cards it came from
    (with their history) instead of arriving as copies.
    """
    if mid != NOTETYPE_ID:
        return None
    fields = flds.split(FIELD_SEPARATOR)
    if len(fields) != 3:
        return None
    value = html.unescape(fields[2]).strip()
    return value if _DECKARD_ID.fullmatch(value) else None
