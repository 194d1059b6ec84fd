"""Storage helpers: the fingerprint and tag text stored with every card must never change,
or every card of an unchanged source would count as updated on its next import."""

import hashlib
import json
from datetime import UTC, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.core.model import CardSpec
from app.core.store import content_hash, tags_json, utc_stamp

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
