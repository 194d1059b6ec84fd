"""Storage helpers: the fingerprint and tag text stored with every card must never change,
or every card of an unchanged source would count as updated on its next import."""

import hashlib
import json
from dataclasses import FrozenInstanceError
from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.core.collection_types import Card
from app.core.model import CardSpec
from app.core.store import content_hash, row_to_card, tags_json, utc_stamp

text = st.text(max_size=40)


@given(deck=text, question=text, answer=text, tags=st.lists(text, max_size=4))
def test_content_hash_is_the_sha256_of_the_json_of_the_card(deck, question, answer, tags):
    spec = CardSpec(id="c", deck=deck, question=question, answer=answer, tags=tuple(tags))
    payload = json.dumps([deck, question, answer, tags], ensure_ascii=False)
    try:
        expected = hashlib.sha256(payload.encode("utf-8")).hexdigest()[:32]
    except UnicodeEncodeError:
        with pytest.raises(UnicodeEncodeError):
            content_hash(spec)
        return
    assert content_hash(spec) == expected


@given(tags=st.lists(text, max_size=5))
def test_tags_are_stored_as_a_json_array(tags):
    assert tags_json(tuple(tags)) == json.dumps(tags, ensure_ascii=False)
    assert json.loads(tags_json(tags)) == tags


def test_stamps_are_utc_with_milliseconds():
    moment = datetime(2026, 11, 27, 21, 26, 32, 123999, tzinfo=timezone(timedelta(hours=1)))
    assert utc_stamp(moment) == "2026-11-27T20:26:32.123Z"
    assert utc_stamp(datetime(2026, 1, 1, tzinfo=UTC)) == "2026-01-01T00:00:00.000Z"
    with pytest.raises(ValueError):
        utc_stamp(datetime(2026, 1, 1))


def test_a_card_read_from_a_row_is_a_frozen_card_like_one_made_directly():
    created = datetime(2026, 11, 27, 20, 26, 32, 123000, tzinfo=UTC)
    stamp = "2026-11-27T20:26:32.123Z"
    row = ("c1", "Docker", "Q?", "A.", '["x", "y"]', 2, 6, 2500, "2026-12-01", 1, 0, None,
           "2026-11-27", "cards.md", 3, 7, stamp, stamp)  # fmt: skip
    card = row_to_card(row)
    expected = Card("c1", "Docker", "Q?", "A.", ("x", "y"), 2, 6, Decimal("2.5"),
                    date(2026, 12, 1), 1, False, None, date(2026, 11, 27), "cards.md", 3, 7,
                    created, created)  # fmt: skip
    assert type(card) is Card
    assert card == expected and hash(card) == hash(expected) and repr(card) == repr(expected)
    with pytest.raises(FrozenInstanceError):
        card.question = "changed"  # type: ignore[misc]
