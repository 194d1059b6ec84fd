"""Fuzzing the browser's search language: any query compiles or raises QueryError with a message."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime

from hypothesis import given, settings
from hypothesis import strategies as st

from app.core import schema
from app.core.errors import DeckardError, QueryError
from app.core.search import compile_query

NOW = datetime(2026, 11, 27, 20, 30, tzinfo=UTC)

TOKENS = [
    "docker",
    "容器",
    '"a phrase"',
    '"unclosed',
    '"',
    "(",
    ")",
    "-",
    "--",
    "or",
    "and",
    "OR",
    "not",
    "*",
    "_",
    "%",
    "\\",
    ":",
    "deck:",
    "deck:Docker",
    "deck:Docker::Volumes",
    "deck:*",
    "tag:",
    "tag:a*",
    "is:",
    "is:new",
    "is:due",
    "is:nonsense",
    "prop:",
    "prop:ivl>3",
    "prop:ease<=2.5",
    "prop:due=-1",
    "prop:reps>99999999999999999999999",
    "prop:lapses!",
    "prop:ivl>>3",
    "added:",
    "added:7",
    "added:-1",
    "added:0",
    "added:99999999999999",
    "rated:1",
    "rated:2:3",
    "rated:",
    "unknown:key",
    "\x00",
    "'; DROP TABLE cards; --",
]

queries = st.lists(st.one_of(st.sampled_from(TOKENS), st.text(max_size=12)), max_size=25).flatmap(
    lambda parts: st.sampled_from([" ", "", "  "]).map(lambda sep: sep.join(parts))
)


def make_database():
    connection = sqlite3.connect(":memory:", isolation_level=None)
    schema.migrate(connection)
    return connection


DATABASE = make_database()


@settings(max_examples=120, deadline=None)
@given(queries)
def test_any_query_compiles_to_runnable_sql_or_raises_a_query_error(query):
    try:
        clause = compile_query(query, now=NOW, tz=UTC)
    except DeckardError as error:
        assert isinstance(error, QueryError)
        assert error.detail.strip(), "an error without a message"
        assert 0 <= error.position <= len(query)
        return
    DATABASE.execute(f"SELECT count(*) FROM cards WHERE {clause.where}", clause.params)


@settings(max_examples=30, deadline=None)
@given(st.integers(min_value=1, max_value=400))
def test_deep_nesting_is_refused_with_a_message_not_a_recursion_error(depth):
    query = "(" * depth + "docker" + ")" * depth
    try:
        compile_query(query, now=NOW, tz=UTC)
    except QueryError as error:
        assert str(error)
