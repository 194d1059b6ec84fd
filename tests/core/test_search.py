"""The browser's search language: what each filter finds, sorting, and clear errors."""

from __future__ import annotations

import sqlite3

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.core.errors import QueryError
from app.core.search import (
    SORT_COLUMNS,
    compile_query,
    prepare_collection_search,
    search_collection,
)
from tests.core.sample_collection import NOW, make_sample

QUERY_PIECES = [
    *'abc:()-"\\ *%_<>=!.019新',
    *["deck:", "tag:", "is:", "prop:", "ivl", "ease", "and", "or", "rated:", "added:", "new"],
]


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    collection, ids = make_sample(tmp_path_factory.mktemp("search"))
    yield collection, ids
    collection.close()


def found(sample, query: str) -> set[str]:
    collection, ids = sample
    names = {card_id: name for name, card_id in ids.items()}
    return {names[card_id] for card_id in search_collection(collection, query, now=NOW)}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", {"run", "bridge", "volume", "percent", "fresh", "later"}),
        ("docker", {"run", "bridge"}),  # question of one, answer of the other
        ("桥接", {"bridge"}),  # Chinese substring, no word boundaries
        ("网络驱动", {"bridge"}),
        ("DOCKER RUN", {"run"}),  # case-insensitive, implicit and
        ('"a new container"', {"run"}),
        ('"new container a"', set()),
        ("50%", {"percent"}),  # % and _ are literal characters
        ("off_sale", {"percent"}),
        ("off?sale", set()),
        ("d*r run", {"run"}),  # * is a wildcard in plain words
        ("deck:docker", {"run", "bridge", "volume"}),  # sub-decks included
        ("deck:Docker::网络", {"bridge"}),
        ('deck:"Docker::存储"', {"volume"}),
        ("deck:Dock", set()),
        ("deck:Dock*", {"run", "bridge", "volume"}),
        ("tag:net", {"bridge"}),
        ("tag:net::bridge", {"bridge"}),
        ("tag:cli", {"run", "later"}),
        ("tag:none", {"percent", "fresh"}),
        ("is:new", {"run", "fresh", "later"}),
        ("is:due", {"bridge", "volume"}),
        ("is:learning", {"volume"}),
        ("is:buried", {"percent"}),
        ("is:suspended", {"later"}),
        ("is:review", {"bridge", "volume", "percent"}),
        ("prop:ivl>3", {"bridge"}),
        ("prop:ivl<=1", {"volume", "percent"}),
        ("prop:ease>=2.5", {"bridge"}),
        ("prop:ease<2", {"volume"}),
        ("prop:reps=3", {"bridge"}),
        ("prop:reps!=0", {"bridge", "volume", "percent"}),
        ("prop:lapses>0", {"volume"}),
        ("prop:due<0", {"bridge", "percent"}),
        ("prop:due=1", {"volume"}),
        ("added:1", {"fresh"}),
        ("added:41", {"run", "bridge", "volume", "percent", "fresh", "later"}),
        ("rated:1", {"volume"}),
        ("rated:2", {"volume"}),
        ("rated:3", {"volume", "percent"}),
        ("rated:2:1", {"volume"}),
        ("rated:2:4", {"volume"}),
        ("rated:2:5", set()),
    ],
)
def test_each_filter_finds_the_expected_cards(sample, query, expected):
    assert found(sample, query) == expected


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("tag:cli or tag:net", {"run", "later", "bridge"}),
        ("tag:cli OR tag:net is:suspended", {"run", "later"}),  # and binds tighter than or
        ("(tag:cli or tag:net) -is:suspended", {"run", "bridge"}),
        ("tag:cli and -is:suspended", {"run"}),
        ("deck:docker -(is:new or is:learning)", {"bridge"}),
        ("--is:new", {"run", "fresh", "later"}),
        ("docker-compose", set()),  # a hyphen inside a word is text, not negation
        ("https://example.com", set()),
        ("10:30", set()),
    ],
)
def test_combinations(sample, query, expected):
    assert found(sample, query) == expected


@pytest.mark.parametrize(
    ("query", "position", "words"),
    [
        ("(tag:cli", 0, '"(" is never closed'),
        ("tag:cli)", 7, 'no matching "("'),
        ("()", 0, "empty parentheses"),
        ("docker or", 7, "'or' needs a search term after it"),
        ("and docker", 0, "'and' needs a search term before it"),
        ("docker and or x", 11, "'and' needs a search term after it"),
        ("- docker", 0, '"-" must be followed directly'),
        ('say "hello', 4, "quote is never closed"),
        ('""', 0, "empty quotes"),
        ("colour:red", 0, "unknown filter 'colour:'"),
        ("is:soon", 3, "is: takes one of"),
        ("deck:", 5, "deck: needs a value"),
        ("prop:ivl", 5, "prop: needs a property, a comparison and a number"),
        ("prop:size>3", 5, "unknown property 'size'"),
        ("prop:ivl>many", 9, "whole number"),
        ("prop:ease<two", 10, "a number like 2.5"),
        ("added:0", 6, "number of days from 1"),
        ("added:week", 6, "number of days from 1"),
        ("rated:1:9", 8, "grade from 0 to 5"),
        ("(" * 60 + "x" + ")" * 60, 50, "nested too deeply"),
    ],
)
def test_malformed_queries_name_the_problem_and_where_it_is(query, position, words):
    with pytest.raises(QueryError) as caught:
        compile_query(query, now=NOW)
    assert words in str(caught.value)
    assert caught.value.position == position
    assert f"(at character {position + 1})" in str(caught.value)


def test_too_many_terms_is_an_error_not_an_sql_failure():
    with pytest.raises(QueryError, match="too many search terms"):
        compile_query("x " * 500, now=NOW)


def test_query_text_never_becomes_sql(sample):
    collection, _ = sample
    assert found(sample, "x'; DROP TABLE cards; SELECT '") == set()
    assert collection.db.execute("SELECT COUNT(*) FROM cards").fetchone()[0] == 6


@pytest.mark.parametrize("column", SORT_COLUMNS)
def test_every_column_sorts_both_ways(sample, column):
    collection, _ = sample
    up = search_collection(collection, "", now=NOW, sort=column)
    down = search_collection(collection, "", now=NOW, sort=column, descending=True)
    assert sorted(up) == sorted(down)
    assert len(up) == 6


def test_sort_orders_a_person_expects(sample):
    collection, ids = sample
    by_interval = search_collection(collection, "is:review", now=NOW, sort="interval")
    assert by_interval[-1] == ids["bridge"]
    by_due = search_collection(collection, "", now=NOW, sort="due")
    assert by_due[:3] == [ids["bridge"], ids["percent"], ids["volume"]]  # new cards come last
    by_state = search_collection(collection, "", now=NOW, sort="state")
    assert by_state[-1] == ids["later"]  # suspended last
    by_question = search_collection(collection, "deck:misc", now=NOW, sort="question")
    assert by_question == [ids["percent"], ids["fresh"], ids["later"]]


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.lists(
        st.sampled_from(QUERY_PIECES),
        max_size=25,
    ).map("".join)
)
def test_any_text_is_a_valid_query_or_a_query_error(sample, text):
    collection, _ = sample
    try:
        ids = search_collection(collection, text, now=NOW)
    except QueryError as error:
        assert 0 <= error.position <= len(text)
    except sqlite3.Error as error:  # pragma: no cover - this is the failure being looked for
        pytest.fail(f"{text!r} produced broken SQL: {error}")
    else:
        assert isinstance(ids, list)


@settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.text(max_size=30))
def test_arbitrary_unicode_is_a_valid_query_or_a_query_error(sample, text):
    collection, _ = sample
    try:
        search_collection(collection, text, now=NOW)
    except QueryError as error:
        assert 0 <= error.position <= len(text)


@pytest.mark.parametrize("query", ["", "tag:cli or is:review", "deck:docker"])
@pytest.mark.parametrize("column", SORT_COLUMNS)
def test_first_page_agrees_with_the_full_list(sample, query, column):
    collection, _ = sample
    for descending in (False, True):
        search = prepare_collection_search(
            collection, query, now=NOW, sort=column, descending=descending
        )
        everything = search.all_ids(collection.db)
        count, first = search.first_page(collection.db, 2)
        assert count == len(everything) == search.count(collection.db)
        assert first == everything[:2]
        # Counted on the second connection while the first rows are read: the same answer.
        assert search.first_page(collection.conn, 2, collection.side_reader) == (count, first)


class _Recorded:
    """A connection and a side reader that note when rows are read and when the count, asked
    for first, is waited for."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.events: list[str] = []

    def execute(self, sql: str, params=()):
        self.events.append("rows read")
        return self.conn.execute(sql, params)

    def scalar(self, sql: str, params):
        events, conn = self.events, self.conn

        class Pending:
            def result(self):
                events.append("count waited for")
                return conn.execute(sql, params).fetchone()[0]

        return Pending()


def test_the_first_rows_are_read_while_the_count_runs_aside(sample):
    collection, _ = sample
    search = prepare_collection_search(collection, "tag:cli", now=NOW)
    recorded = _Recorded(collection.conn)
    count, first = search.first_page(recorded, 2, recorded)  # type: ignore[arg-type]
    assert (count, first) == search.first_page(collection.conn, 2)
    # Waiting for the count before reading the rows would run the two scans one after the other.
    assert recorded.events == ["rows read", "count waited for"]


def test_the_count_read_aside_sees_the_latest_change_and_closing_tidies_the_log(tmp_path):
    collection, ids = make_sample(tmp_path)
    path = collection.path
    search = prepare_collection_search(collection, "is:suspended", now=NOW)
    before, _ = search.first_page(collection.conn, 10, collection.side_reader)
    collection.suspend(ids["bridge"])
    after, first = search.first_page(collection.conn, 10, collection.side_reader)
    assert after == before + 1
    assert ids["bridge"] in first
    collection.close()
    # Both connections closed: the last one copied the log into the file and removed it.
    assert not path.with_name(path.name + "-wal").exists()
