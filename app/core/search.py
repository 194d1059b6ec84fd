"""The browser's search language, turned into an SQL WHERE clause over the `cards` table.

A query is a list of terms joined by `and` (also implied by a space) and `or`, negated with a
leading `-` and grouped with parentheses; `and` binds tighter than `or`. A term is a plain word
or a "quoted phrase" (a substring of question or answer: Chinese needs no word boundaries), or a
`key:value` filter: `deck:`, `tag:`, `is:`, `prop:`, `added:`, `rated:`. The full language is
documented in docs/search.md.

Every malformed query raises `QueryError(message, position)` with the 0-based character where
the problem is, so the browser can point at it; nothing else escapes `compile_query`. The SQL
uses only bound parameters, never text pasted from the query.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, tzinfo
from typing import Any

from app.core.days import day_start, local_day
from app.core.errors import QueryError
from app.core.side_reader import SideReader
from app.core.store import utc_stamp

MAX_TERMS = 200
MAX_DEPTH = 50

IS_VALUES = ("new", "due", "review", "learning", "suspended", "buried")
PROP_NAMES = ("ivl", "ease", "reps", "lapses", "due")
KEYS = ("deck", "tag", "is", "prop", "added", "rated")

_PROP_RE = re.compile(r"^([a-z]+)(<=|>=|!=|=|<|>)(.*)$", re.IGNORECASE | re.DOTALL)
_INT_RE = re.compile(r"^-?\d{1,9}$")
_NUMBER_RE = re.compile(r"^-?\d{1,6}(\.\d{1,3})?$")


@dataclass(frozen=True, slots=True)
class SearchClause:
    """A compiled query: `where` is an SQL boolean expression over `cards`, with `params`."""

    where: str
    params: tuple[Any, ...]


@dataclass(frozen=True, slots=True)
class _Token:
    kind: str  # "word", "phrase", "(", ")", "-", "and", "or"
    text: str
    position: int
    quoted_value: bool = False  # key:"value" — the value part was quoted


def tokenize(query: str) -> list[_Token]:
    """Split a query into tokens; an unclosed quote is a QueryError at the quote."""
    tokens: list[_Token] = []
    i = 0
    length = len(query)
    while i < length:
        char = query[i]
        if char.isspace():
            i += 1
        elif char in "()":
            tokens.append(_Token(char, char, i))
            i += 1
        elif char == "-":
            tokens.append(_Token("-", "-", i))
            i += 1
        elif char == '"':
            text, i_end = _read_quoted(query, i)
            tokens.append(_Token("phrase", text, i))
            i = i_end
        else:
            start = i
            chars: list[str] = []
            quoted_value = False
            while i < length and not query[i].isspace() and query[i] not in '()"':
                chars.append(query[i])
                i += 1
            word = "".join(chars)
            # deck:"My Deck" — a quoted value directly after the colon belongs to the word.
            if i < length and query[i] == '"' and word.endswith(":") and _key_of(word):
                value, i = _read_quoted(query, i)
                word += value
                quoted_value = True
            lowered = word.lower()
            if lowered in ("and", "or"):
                tokens.append(_Token(lowered, word, start))
            else:
                tokens.append(_Token("word", word, start, quoted_value))
    return tokens


def _read_quoted(query: str, start: int) -> tuple[str, int]:
    chars: list[str] = []
    i = start + 1
    while i < len(query):
        char = query[i]
        if char == "\\" and i + 1 < len(query) and query[i + 1] in '"\\':
            chars.append(query[i + 1])
            i += 2
        elif char == '"':
            return "".join(chars), i + 1
        else:
            chars.append(char)
            i += 1
    raise QueryError('this quote is never closed: add a closing "', start)


def _key_of(word: str) -> str | None:
    key, colon, _ = word.partition(":")
    return key.lower() if colon and key.lower() in KEYS else None


class _Parser:
    """Recursive descent over the tokens, building SQL as it goes."""

    def __init__(self, query: str, tokens: list[_Token], context: _Context) -> None:
        self.query = query
        self.tokens = tokens
        self.index = 0
        self.context = context
        self.terms = 0

    def peek(self) -> _Token | None:
        return self.tokens[self.index] if self.index < len(self.tokens) else None

    def take(self) -> _Token:
        token = self.tokens[self.index]
        self.index += 1
        return token

    def end_position(self) -> int:
        return len(self.query)

    def parse(self) -> tuple[str, list[Any]]:
        if not self.tokens:
            return "1", []
        sql, params = self.parse_or(0)
        token = self.peek()
        if token is not None:
            if token.kind == ")":
                raise QueryError(
                    'this ")" has no matching "(": put text in quotes to search for it',
                    token.position,
                )
            raise QueryError("unexpected %1", token.position, repr(token.text))
        return sql, params

    def parse_or(self, depth: int) -> tuple[str, list[Any]]:
        parts = [self.parse_and(depth)]
        while (token := self.peek()) is not None and token.kind == "or":
            self.take()
            self.expect_operand(token)
            parts.append(self.parse_and(depth))
        return _join("OR", parts)

    def parse_and(self, depth: int) -> tuple[str, list[Any]]:
        parts = [self.parse_unary(depth)]
        while (token := self.peek()) is not None and token.kind not in (")", "or"):
            if token.kind == "and":
                self.take()
                self.expect_operand(token)
            parts.append(self.parse_unary(depth))
        return _join("AND", parts)

    def expect_operand(self, operator: _Token) -> None:
        token = self.peek()
        if token is None or token.kind in (")", "and", "or"):
            where = token.position if token is not None else operator.position
            raise QueryError("%1 needs a search term after it", where, repr(operator.text))

    def parse_unary(self, depth: int) -> tuple[str, list[Any]]:
        token = self.peek()
        if token is None:
            raise QueryError("the query ends where a search term was expected", self.end_position())
        if token.kind == "-":
            self.take()
            following = self.peek()
            if (
                following is None
                or following.kind in (")", "and", "or")
                or following.position != token.position + 1
            ):
                raise QueryError('"-" must be followed directly by a search term', token.position)
            sql, params = self.parse_unary(depth + 1)
            # SQL's NOT NULL is NULL: a card lacking a value (a new card has no due day) must
            # count as "not matching", so that "-x" finds it.
            return f"NOT IFNULL(({sql}), 0)", params
        return self.parse_primary(depth)

    def parse_primary(self, depth: int) -> tuple[str, list[Any]]:
        token = self.take()
        if token.kind == "(":
            if depth >= MAX_DEPTH:
                raise QueryError("parentheses are nested too deeply", token.position)
            following = self.peek()
            if following is None:
                raise QueryError('this "(" is never closed: add a ")"', token.position)
            if following.kind == ")":
                raise QueryError("empty parentheses: put a search term inside", token.position)
            sql, params = self.parse_or(depth + 1)
            closing = self.peek()
            if closing is None or closing.kind != ")":
                raise QueryError('this "(" is never closed: add a ")"', token.position)
            self.take()
            return f"({sql})", params
        if token.kind in ("and", "or"):
            raise QueryError("%1 needs a search term before it", token.position, repr(token.text))
        if token.kind == ")":
            raise QueryError(
                'this ")" has no matching "(": put text in quotes to search for it', token.position
            )
        self.terms += 1
        if self.terms > MAX_TERMS:
            raise QueryError("too many search terms (at most %1)", token.position, str(MAX_TERMS))
        if token.kind == "phrase":
            return _text_condition(token.text, wildcards=False, position=token.position)
        return self.context.term(token)


def _join(operator: str, parts: list[tuple[str, list[Any]]]) -> tuple[str, list[Any]]:
    if len(parts) == 1:
        return parts[0]
    params: list[Any] = []
    for _, part_params in parts:
        params.extend(part_params)
    return f" {operator} ".join(f"({sql})" for sql, _ in parts), params


def _like_pattern(text: str, *, wildcards: bool) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return escaped.replace("*", "%") if wildcards else escaped


def _text_condition(text: str, *, wildcards: bool, position: int) -> tuple[str, list[Any]]:
    if not text:
        raise QueryError('empty quotes: put the text to search for between the ""', position)
    pattern = "%" + _like_pattern(text, wildcards=wildcards) + "%"
    return (
        "cards.question LIKE ? ESCAPE '\\' OR cards.answer LIKE ? ESCAPE '\\'",
        [pattern, pattern],
    )


class _Context:
    """What the filters need to know about time: the study day and where it starts."""

    def __init__(self, now: datetime, day_start_hour: int, tz: tzinfo | None) -> None:
        self.day_start_hour = day_start_hour
        self.tz = tz
        self.today = local_day(now, day_start_hour, tz)

    def term(self, token: _Token) -> tuple[str, list[Any]]:
        word = token.text
        key, colon, value = word.partition(":")
        key = key.lower()
        if not colon or (key not in KEYS and not _looks_like_key(key)):
            return _text_condition(word, wildcards=True, position=token.position)
        value_position = token.position + len(key) + 1 + (1 if token.quoted_value else 0)
        if key not in KEYS:
            known = ", ".join(f"{name}:" for name in KEYS)
            raise QueryError(
                "unknown filter %1 (known: %2); put text in quotes to search for it",
                token.position,
                repr(key + ":"),
                known,
            )
        if not value:
            raise QueryError("%1: needs a value after the colon", value_position, key)
        handler = getattr(self, f"filter_{key}")
        return handler(value, value_position)

    def filter_deck(self, value: str, position: int) -> tuple[str, list[Any]]:
        pattern = _like_pattern(value, wildcards=True)
        return (
            "cards.deck_id IN (SELECT id FROM decks WHERE name LIKE ? ESCAPE '\\' "
            "OR name LIKE ? ESCAPE '\\')",
            [pattern, pattern + "::%"],
        )

    def filter_tag(self, value: str, position: int) -> tuple[str, list[Any]]:
        if value.lower() == "none":
            return "cards.tags IS NULL OR json_array_length(cards.tags) = 0", []
        pattern = _like_pattern(value, wildcards=True)
        exact = (
            "EXISTS (SELECT 1 FROM json_each(cards.tags) WHERE json_each.value LIKE ? "
            "ESCAPE '\\' OR json_each.value LIKE ? ESCAPE '\\')"
        )
        if '"' in value or "\\" in value:
            return exact, [pattern, pattern + "::%"]
        # A plain substring test on the stored JSON rules out most cards before json_each runs.
        return f"cards.tags LIKE ? ESCAPE '\\' AND {exact}", [
            f"%{pattern}%",
            pattern,
            pattern + "::%",
        ]

    def filter_is(self, value: str, position: int) -> tuple[str, list[Any]]:
        today = self.today.isoformat()
        value = value.lower()
        if value == "new":
            return "cards.due IS NULL", []
        if value == "review":
            return "cards.due IS NOT NULL", []
        if value == "learning":
            return "cards.repeat_day = ?", [today]
        if value == "suspended":
            return "cards.suspended = 1", []
        if value == "buried":
            return "cards.buried_until IS NOT NULL AND cards.buried_until > ?", [today]
        if value == "due":
            return (
                "cards.suspended = 0 AND (cards.buried_until IS NULL OR cards.buried_until <= ?) "
                "AND ((cards.due IS NOT NULL AND cards.due <= ?) "
                "OR cards.repeat_day = ?)",
                [today, today, today],
            )
        known = "|".join(IS_VALUES)
        raise QueryError("is: takes one of %1, not %2", position, known, repr(value))

    def filter_prop(self, value: str, position: int) -> tuple[str, list[Any]]:
        match = _PROP_RE.match(value)
        if match is None:
            raise QueryError(
                "prop: needs a property, a comparison and a number, like prop:ivl>30", position
            )
        name, operator, number_text = match.group(1).lower(), match.group(2), match.group(3)
        if name not in PROP_NAMES:
            known = ", ".join(PROP_NAMES)
            raise QueryError("unknown property %1 (known: %2)", position, repr(name), known)
        number_position = position + len(match.group(1)) + len(operator)
        pattern = _NUMBER_RE if name == "ease" else _INT_RE
        if not pattern.match(number_text):
            if name == "ease":
                raise QueryError("prop:%1 compares with a number like 2.5", number_position, name)
            raise QueryError("prop:%1 compares with a whole number", number_position, name)
        studied = "cards.due IS NOT NULL AND "
        if name == "ivl":
            return f"{studied}cards.interval {operator} ?", [int(number_text)]
        if name == "ease":
            return f"{studied}cards.easiness {operator} ?", [round(float(number_text) * 1000)]
        if name == "lapses":
            return f"cards.lapses {operator} ?", [int(number_text)]
        if name == "reps":
            return (
                f"(SELECT COUNT(*) FROM reviews WHERE reviews.card_id = cards.id) {operator} ?",
                [int(number_text)],
            )
        return (
            f"{studied}CAST(julianday(cards.due) - julianday(?) AS INTEGER) {operator} ?",
            [self.today.isoformat(), int(number_text)],
        )

    def filter_added(self, value: str, position: int) -> tuple[str, list[Any]]:
        days = _positive_days(value, "added", position)
        first_day = self.today - timedelta(days=days - 1)
        return "cards.created_at >= ?", [
            utc_stamp(day_start(first_day, self.day_start_hour, self.tz))
        ]

    def filter_rated(self, value: str, position: int) -> tuple[str, list[Any]]:
        days_text, colon, quality_text = value.partition(":")
        days = _positive_days(days_text, "rated", position)
        first_day = (self.today - timedelta(days=days - 1)).isoformat()
        # IN over the (day, kind, card_id) index reads only the recent answers.
        if not colon:
            return "cards.id IN (SELECT card_id FROM reviews WHERE day >= ?)", [first_day]
        if not re.fullmatch(r"[0-5]", quality_text):
            raise QueryError(
                "rated:DAYS:GRADE takes a grade from 0 to 5", position + len(days_text) + 1
            )
        return (
            "cards.id IN (SELECT card_id FROM reviews WHERE day >= ? AND quality = ?)",
            [first_day, int(quality_text)],
        )


def _looks_like_key(key: str) -> bool:
    # "foo:bar" with an ASCII identifier before the colon is a mistyped filter; text like
    # "10:30" or "https://x" is searched as text.
    return key.isascii() and key.isalpha() and key not in ("http", "https", "ftp", "file")


def _positive_days(text: str, key: str, position: int) -> int:
    if not re.fullmatch(r"\d{1,5}", text) or int(text) == 0:
        raise QueryError("%1: takes a number of days from 1, like %1:7", position, key)
    return int(text)


def compile_query(
    query: str, *, now: datetime, day_start_hour: int = 4, tz: tzinfo | None = None
) -> SearchClause:
    """Turn a query into a WHERE clause over `cards`; raise QueryError if it is malformed.

    `now`, the day-start hour and the timezone (None: the machine's) decide what "today" is.
    """
    context = _Context(now, day_start_hour, tz)
    sql, params = _Parser(query, tokenize(query), context).parse()
    return SearchClause(sql, tuple(params))


SORT_COLUMNS = (
    "question",
    "answer",
    "deck",
    "tags",
    "due",
    "interval",
    "ease",
    "reviews",
    "lapses",
    "state",
)

# A card's one state for the browser's "state" column; both parameters are today's study day.
# "learning" means a same-day repeat is pending today, as the review queue counts it.
STATE_SQL = (
    "CASE WHEN cards.suspended = 1 THEN 'suspended' "
    "WHEN cards.buried_until IS NOT NULL AND cards.buried_until > ? THEN 'buried' "
    "WHEN cards.due IS NULL THEN 'new' "
    "WHEN cards.repeat_day = ? THEN 'learning' "
    "ELSE 'review' END"
)

_TEXT_SORTS = ("question", "answer", "deck")  # compared without regard to case

_SORT_SQL = {
    "question": ["cards.question"],
    "answer": ["cards.answer"],
    "deck": ["(SELECT name FROM decks WHERE decks.id = cards.deck_id)"],
    "tags": ["cards.tags"],
    # New cards have no due day: they sort after every studied card, in their study order.
    "due": ["cards.due IS NULL", "cards.due"],
    "interval": ["cards.interval"],
    "ease": ["cards.easiness"],
    "reviews": ["(SELECT COUNT(*) FROM reviews WHERE reviews.card_id = cards.id)"],
    "lapses": ["cards.lapses"],
    # Sorting by state follows a card's life: new, learning, review, then buried and suspended.
    "state": [
        "CASE WHEN cards.suspended = 1 THEN 4 "
        "WHEN cards.buried_until IS NOT NULL AND cards.buried_until > ? THEN 3 "
        "WHEN cards.due IS NULL THEN 0 WHEN cards.repeat_day = ? THEN 1 ELSE 2 END"
    ],
}


@dataclass(frozen=True, slots=True)
class CardSearch:
    """A compiled query in a sort order, ready to count, page through or list in full.

    Sorting every match is what costs time on a large collection, so the browser asks for the
    count and the first page together (SQLite keeps only the best rows while sorting), and for
    the full sorted id list only when the person scrolls further.
    """

    clause: SearchClause
    keys: tuple[str, ...]  # SQL sort keys over `cards`, most significant first
    key_params: tuple[Any, ...]
    nocase: bool
    descending: bool

    def _order(self, names: list[str], tiebreak: str) -> str:
        direction = " DESC" if self.descending else ""
        parts = []
        for index, name in enumerate(names):
            # Only the main key of a text column is text; `position` after it is a number.
            collate = " COLLATE NOCASE" if self.nocase and index == 0 else ""
            parts.append(f"{name}{collate}{direction}")
        # rowid last makes the order total, so the first page and the full list agree.
        return ", ".join([*parts, tiebreak])

    def count(self, db: Any) -> int:
        """How many cards match."""
        return int(db.execute(self._count_sql(), self.clause.params).fetchone()[0])

    def _count_sql(self) -> str:
        return f"SELECT COUNT(*) FROM cards WHERE {self.clause.where}"

    def first_page(
        self, db: Any, limit: int, aside: SideReader | None = None
    ) -> tuple[int, list[str]]:
        """How many cards match, and the ids of the first `limit` of them.

        With `aside` (a second connection to the same file) the matches are counted there
        while `db` finds the first rows, the two scans on two cores."""
        if aside is not None and self.clause.where != "1":
            counted = aside.scalar(self._count_sql(), list(self.clause.params))
            # The first rows are read before the count is waited for: that is what lets the two
            # scans overlap.
            first = self._first_ids(db, limit)
            return int(counted.result()), first
        if self.clause.where == "1":
            # Every card: counting is instant from an index; one scan finds the first rows.
            return self.count(db), self._first_ids(db, limit)
        # A filter: one scan collects the matches with their sort keys, then count and first
        # rows both come from that small table instead of scanning the cards twice.
        keys = ", ".join(f"{expr} AS k{i}" for i, expr in enumerate(self.keys))
        names = [f"k{i}" for i in range(len(self.keys))]
        sql = (
            f"WITH hits AS MATERIALIZED (SELECT cards.rowid AS r, {keys} FROM cards "
            f"WHERE {self.clause.where}), "
            f"page AS (SELECT * FROM hits ORDER BY {self._order(names, 'r')} LIMIT ?) "
            "SELECT (SELECT COUNT(*) FROM hits), cards.id FROM page "
            "JOIN cards ON cards.rowid = page.r "
            f"ORDER BY {self._order([f'page.{n}' for n in names], 'page.r')}"
        )
        rows = db.execute(sql, [*self.key_params, *self.clause.params, limit]).fetchall()
        return (rows[0][0] if rows else 0), [row[1] for row in rows]

    def _first_ids(self, db: Any, limit: int) -> list[str]:
        """The ids of the first `limit` matches in sort order, from one scan."""
        order = self._order(list(self.keys), "cards.rowid")
        sql = f"SELECT cards.id FROM cards WHERE {self.clause.where} ORDER BY {order} LIMIT ?"
        rows = db.execute(sql, [*self.clause.params, *self.key_params, limit]).fetchall()
        return [row[0] for row in rows]

    def all_ids(self, db: Any) -> list[str]:
        """Ids of every match in sort order."""
        order = self._order(list(self.keys), "cards.rowid")
        inner = f"SELECT cards.id FROM cards WHERE {self.clause.where} ORDER BY {order}"
        # One joined string instead of 100,000 one-column rows: a third of the time.
        sql = f"SELECT group_concat(id, char(31)) FROM ({inner})"
        joined = db.execute(sql, [*self.clause.params, *self.key_params]).fetchone()[0]
        return joined.split("\x1f") if joined else []


def prepare_search(
    query: str,
    *,
    now: datetime,
    day_start_hour: int = 4,
    sort: str = "due",
    descending: bool = False,
    tz: tzinfo | None = None,
) -> CardSearch:
    """Compile `query` with the order of column `sort`; QueryError if it is malformed."""
    if sort not in _SORT_SQL:
        raise ValueError(f"cannot sort by {sort!r}")
    clause = compile_query(query, now=now, day_start_hour=day_start_hour, tz=tz)
    today = local_day(now, day_start_hour, tz).isoformat()
    return CardSearch(
        clause,
        keys=(*_SORT_SQL[sort], "cards.position"),
        key_params=(today, today) if sort == "state" else (),
        nocase=sort in _TEXT_SORTS,
        descending=descending,
    )


def search_card_ids(
    db: Any,
    query: str,
    *,
    now: datetime,
    day_start_hour: int = 4,
    sort: str = "due",
    descending: bool = False,
    tz: tzinfo | None = None,
) -> list[str]:
    """Ids of the cards matching `query`, in the order of column `sort`; QueryError if malformed."""
    search = prepare_search(
        query, now=now, day_start_hour=day_start_hour, sort=sort, descending=descending, tz=tz
    )
    return search.all_ids(db)


def prepare_collection_search(
    collection: Any,
    query: str,
    *,
    now: datetime | None = None,
    sort: str = "due",
    descending: bool = False,
) -> CardSearch:
    """`prepare_search` for an open Collection, with its day-start hour and timezone."""
    return prepare_search(
        query,
        now=now or datetime.now(UTC),
        day_start_hour=int(collection.get_config("day_start_hour", 4)),
        sort=sort,
        descending=descending,
        tz=getattr(collection, "tz", None),
    )


def search_collection(
    collection: Any,
    query: str,
    *,
    now: datetime | None = None,
    sort: str = "due",
    descending: bool = False,
) -> list[str]:
    """Ids of the matching cards of an open Collection, in order (QueryError if malformed)."""
    search = prepare_collection_search(collection, query, now=now, sort=sort, descending=descending)
    return search.all_ids(collection.conn)
