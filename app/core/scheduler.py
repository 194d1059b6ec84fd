"""Which card comes next, and how many are left: daily limits, queue order and deck counts.

Order within a session: due reviews (most overdue first, then deck order), then new cards in
deck order, then the cards failed today (graded below 4) in the order they were failed, until
each is graded 4 or 5. Limits are per deck and per day, counted from the review log: a deck's
new and review answers include those of its sub-decks, and a deck offers cards only while it and
every deck above it have allowance left. Repeats are never limited.

The functions here only read; the collection writes. They take the deck tree and today's done
counts from the caller, which caches both between answers.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from typing import Any

from app.core.collection_types import DeckCounts
from app.core.model import DECK_SEPARATOR


@dataclass(slots=True)
class DeckTree:
    """All decks with their parents, children and daily limits (a small, cached table)."""

    names: dict[int, str] = field(default_factory=dict)
    ids: dict[str, int] = field(default_factory=dict)
    parent: dict[int, int | None] = field(default_factory=dict)
    children: dict[int, list[int]] = field(default_factory=dict)
    new_limit: dict[int, int] = field(default_factory=dict)
    review_limit: dict[int, int] = field(default_factory=dict)
    roots: list[int] = field(default_factory=list)
    order: list[int] = field(default_factory=list)
    subtrees: dict[int, list[int]] = field(default_factory=dict)

    @classmethod
    def load(cls, conn: sqlite3.Connection) -> DeckTree:
        """The deck tree as stored now."""
        tree = cls()
        rows = conn.execute(
            "SELECT id, name, parent_id, new_per_day, reviews_per_day FROM decks"
        ).fetchall()
        rows.sort(key=lambda row: row[1].split(DECK_SEPARATOR))
        for deck_id, name, parent_id, new_limit, review_limit in rows:
            tree.names[deck_id] = name
            tree.ids[name] = deck_id
            tree.parent[deck_id] = parent_id
            tree.children[deck_id] = []
            tree.new_limit[deck_id] = new_limit
            tree.review_limit[deck_id] = review_limit
        for deck_id, parent_id in tree.parent.items():
            if parent_id is None or parent_id not in tree.names:
                tree.parent[deck_id] = None
                tree.roots.append(deck_id)
            else:
                tree.children[parent_id].append(deck_id)
        # Parents before children, each deck's subtree contiguous: computed once per load
        # because the queue consults it on every card.
        for root in tree.roots:
            tree._collect(root)
        for deck_id in reversed(tree.order):
            below = [deck_id]
            for child in tree.children[deck_id]:
                below.extend(tree.subtrees[child])
            tree.subtrees[deck_id] = below
        return tree

    def _collect(self, deck_id: int) -> None:
        self.order.append(deck_id)
        for child in self.children[deck_id]:
            self._collect(child)

    def subtree(self, deck_id: int) -> list[int]:
        """`deck_id` and every deck below it, parents before children."""
        return self.subtrees[deck_id]

    def top_down(self) -> list[int]:
        """Every deck, each parent before its children."""
        return self.order


@dataclass(slots=True)
class Allowance:
    """How many more new cards and reviews each deck may offer today (its own limits and its
    ancestors' limits applied), computed from the answers already given today."""

    new: dict[int, int]
    review: dict[int, int]
    # Today's new and review answers in each deck with its sub-decks, which the above follow.
    new_done: dict[int, int] = field(default_factory=dict)
    review_done: dict[int, int] = field(default_factory=dict)

    @classmethod
    def compute(cls, tree: DeckTree, done: dict[int, list[int]]) -> Allowance:
        """Allowance per deck from the answers done today (`done[deck] = [new, review]`)."""
        allowance = cls({}, {})
        new_done, review_done = allowance.new_done, allowance.review_done
        children = tree.children
        for root in tree.roots:
            decks = tree.subtrees[root]
            for deck in reversed(decks):  # each deck after its sub-decks
                own = done.get(deck, _NONE_DONE)
                own_new, own_review = own[0], own[1]
                for child in children[deck]:
                    own_new += new_done[child]
                    own_review += review_done[child]
                new_done[deck] = own_new
                review_done[deck] = own_review
            _fill(tree, decks, tree.new_limit, new_done, allowance.new)
            _fill(tree, decks, tree.review_limit, review_done, allowance.review)
        return allowance

    def count(self, tree: DeckTree, deck_id: int, new: bool, change: int) -> None:
        """Count `change` more (or fewer) new cards or reviews answered in `deck_id` today:
        the allowance `compute` would give with them, without adding up every deck again."""
        done = self.new_done if new else self.review_done
        deck: int | None = deck_id
        root = deck_id
        while deck is not None:  # the deck's answers count in those above it too
            done[deck] += change
            root, deck = deck, tree.parent[deck]
        if new:
            _fill(tree, tree.subtrees[root], tree.new_limit, done, self.new)
        else:
            _fill(tree, tree.subtrees[root], tree.review_limit, done, self.review)


def _fill(
    tree: DeckTree,
    decks: list[int],
    limits: dict[int, int],
    done: dict[int, int],
    allowance: dict[int, int],
) -> None:
    """Each deck's allowance of one kind from its limit and answers with its sub-decks', and
    never more than its parent's (`decks` parents first)."""
    # Runs after every answer: plain comparisons rather than min() and dict.get().
    parents = tree.parent
    for deck in decks:
        left = limits[deck] - done[deck]
        parent = parents[deck]
        if parent is not None and allowance[parent] < left:
            left = allowance[parent]
        allowance[deck] = left if left > 0 else 0


_NONE_DONE = (0, 0)


def done_today(conn: sqlite3.Connection, today: str) -> dict[int, list[int]]:
    """New cards and reviews answered today per deck: {deck_id: [new, review]}."""
    done: dict[int, list[int]] = {}
    rows = conn.execute(
        "SELECT c.deck_id, r.kind, count(*) FROM reviews r JOIN cards c ON c.id = r.card_id"
        " WHERE r.day = ? AND r.kind IN ('new', 'review') GROUP BY c.deck_id, r.kind",
        (today,),
    )
    for deck_id, kind, count in rows:
        done.setdefault(deck_id, [0, 0])[0 if kind == "new" else 1] += count
    return done


def _in_clause(deck_ids: list[int]) -> str:
    # Deck ids are integers from our own table, so inlining them is safe and lets SQLite use
    # the queue index's order without a temporary table.
    return ",".join(str(int(d)) for d in deck_ids)


def _first(
    conn: sqlite3.Connection,
    condition: str,
    order: str,
    params: tuple[object, ...],
    decks: list[int],
    everywhere: bool,
    indexes: tuple[str, str],
    columns: str,
    limit: int,
) -> list[tuple[Any, ...]]:
    """`columns` of the first `limit` cards meeting `condition` in `order` within `decks`.

    One deck is read through its own (deck_id, ...) index; several decks through the global
    queue index in order, skipping other decks' entries; all decks need no deck test at all.
    (New cards only: due reviews have no global index, see `review_rows`.)
    """
    if len(decks) == 1:
        sql = (
            f"SELECT {columns} FROM cards INDEXED BY {indexes[1]}"
            f" WHERE deck_id = {int(decks[0])} AND {condition} ORDER BY {order} LIMIT {int(limit)}"
        )
    else:
        restrict = "" if everywhere else f" AND deck_id IN ({_in_clause(decks)})"
        sql = (
            f"SELECT {columns} FROM cards INDEXED BY {indexes[0]}"
            f" WHERE {condition}{restrict} ORDER BY {order} LIMIT {int(limit)}"
        )
    return conn.execute(sql, params).fetchall()


DUE_TODAY = (
    "due IS NOT NULL AND suspended = 0 AND due <= ? AND (buried_until IS NULL OR buried_until <= ?)"
)
# SQLite allows at most 500 SELECTs in one compound statement.
DECKS_PER_QUERY = 200


def review_rows(
    conn: sqlite3.Connection, tree: DeckTree, decks: list[int], today: str, columns: str, limit: int
) -> list[tuple[Any, ...]]:
    """`columns` of the first `limit` reviews due in `decks`: most overdue first, then in deck
    order. Several decks are read through each deck's own index (its first `limit` entries)
    and the first `limit` of all those kept."""
    if len(decks) == 1:
        sql = (
            f"SELECT {columns} FROM cards INDEXED BY cards_deck_due"
            f" WHERE deck_id = {int(decks[0])} AND {DUE_TODAY}"
            f" ORDER BY due, position LIMIT {int(limit)}"
        )
        return conn.execute(sql, (today, today)).fetchall()
    rows: list[tuple[Any, ...]] = []
    for start in range(0, len(decks), DECKS_PER_QUERY):
        chunk = decks[start : start + DECKS_PER_QUERY]
        firsts = " UNION ALL ".join(
            "SELECT * FROM (SELECT rowid AS card, due AS day, position AS place"
            f" FROM cards INDEXED BY cards_deck_due WHERE deck_id = {int(deck)}"
            f" AND {DUE_TODAY} ORDER BY due, position LIMIT {int(limit)})"
            for deck in chunk
        )
        sql = (
            f"SELECT due, position, {columns} FROM cards WHERE rowid IN"
            f" (SELECT card FROM ({firsts}) ORDER BY day, place LIMIT {int(limit)})"
            " ORDER BY due, position"
        )
        rows += conn.execute(sql, (today, today) * len(chunk)).fetchall()
    if len(decks) > DECKS_PER_QUERY:
        rows.sort(key=lambda row: (row[0], row[1]))
        del rows[limit:]
    return [row[2:] for row in rows]


def new_rows(
    conn: sqlite3.Connection, tree: DeckTree, decks: list[int], today: str, columns: str, limit: int
) -> list[tuple[Any, ...]]:
    """`columns` of the first `limit` new cards in `decks`, in deck order."""
    return _first(
        conn,
        "due IS NULL AND suspended = 0 AND (buried_until IS NULL OR buried_until <= ?)",
        "position",
        (today,),
        decks,
        len(decks) == len(tree.names),
        ("cards_new_queue", "cards_deck_new"),
        columns,
        limit,
    )


def repeat_row(
    conn: sqlite3.Connection, scope: list[int] | None, today: str, columns: str
) -> tuple[Any, ...] | None:
    """`columns` of the first of today's same-day repeats (in `scope`, or anywhere)."""
    restrict = "" if scope is None else f" AND deck_id IN ({_in_clause(scope)})"
    repeat: tuple[Any, ...] | None = conn.execute(
        f"SELECT {columns} FROM cards INDEXED BY cards_repeats"
        " WHERE repeat_day = ? AND suspended = 0"
        " AND (buried_until IS NULL OR buried_until <= ?)"
        f"{restrict} ORDER BY repeat_since LIMIT 1",
        (today, today),
    ).fetchone()
    return repeat


def next_card_row(
    conn: sqlite3.Connection,
    tree: DeckTree,
    allowance: Allowance,
    today: str,
    deck_id: int | None,
    columns: str = "rowid",
) -> tuple[Any, ...] | None:
    """`columns` of the card to show next in deck `deck_id` (all decks when None), or None.

    The order rule read afresh from the database in a few statements; studying goes through
    `app.core.study_queue`, which keeps the queue between answers and must agree with this.
    """
    scope = tree.subtree(deck_id) if deck_id is not None else tree.top_down()
    reviewable = [d for d in scope if allowance.review[d] > 0]
    if reviewable:
        rows = review_rows(conn, tree, reviewable, today, columns, 1)
        if rows:
            return rows[0]
    learnable = [d for d in scope if allowance.new[d] > 0]
    if learnable:
        rows = new_rows(conn, tree, learnable, today, columns, 1)
        if rows:
            return rows[0]
    return repeat_row(conn, None if deck_id is None else scope, today, columns)


def _own_capped(conn: sqlite3.Connection, sql: str, params: tuple[object, ...], cap: int) -> int:
    if cap <= 0:
        return 0
    row = conn.execute(f"SELECT count(*) FROM ({sql} LIMIT ?)", (*params, cap)).fetchone()
    return int(row[0])


@dataclass(slots=True)
class Counts:
    """New, repeat and due cards still to show today for every deck, sub-decks included."""

    new: dict[int, int]
    repeat: dict[int, int]
    due: dict[int, int]


def compute_counts(
    conn: sqlite3.Connection,
    tree: DeckTree,
    allowance: Allowance,
    today: str,
    totals: dict[int, int] | None = None,
) -> Counts:
    """What the review screen would show for each deck if it were chosen now.

    `totals` (cards per deck) lets decks that hold no cards of their own, typically parents,
    skip their queries.
    """
    own_due: dict[int, int] = {}
    own_new: dict[int, int] = {}
    for deck_id in tree.names:
        if totals is not None and not totals.get(deck_id):
            own_due[deck_id] = own_new[deck_id] = 0
            continue
        own_due[deck_id] = _own_capped(
            conn,
            "SELECT 1 FROM cards INDEXED BY cards_deck_due WHERE deck_id = ?"
            " AND due IS NOT NULL AND suspended = 0 AND due <= ?"
            " AND (buried_until IS NULL OR buried_until <= ?)",
            (deck_id, today, today),
            allowance.review[deck_id],
        )
        own_new[deck_id] = _own_capped(
            conn,
            "SELECT 1 FROM cards INDEXED BY cards_deck_new WHERE deck_id = ?"
            " AND due IS NULL AND suspended = 0"
            " AND (buried_until IS NULL OR buried_until <= ?)",
            (deck_id, today),
            allowance.new[deck_id],
        )
    own_repeat: dict[int, int] = dict(
        conn.execute(
            "SELECT deck_id, count(*) FROM cards INDEXED BY cards_repeats"
            " WHERE repeat_day = ? AND suspended = 0"
            " AND (buried_until IS NULL OR buried_until <= ?) GROUP BY deck_id",
            (today, today),
        ).fetchall()
    )
    counts = Counts({}, {}, {})
    for deck_id in reversed(tree.top_down()):
        kids = tree.children[deck_id]
        counts.due[deck_id] = min(
            allowance.review[deck_id], own_due[deck_id] + sum(counts.due[c] for c in kids)
        )
        counts.new[deck_id] = min(
            allowance.new[deck_id], own_new[deck_id] + sum(counts.new[c] for c in kids)
        )
        counts.repeat[deck_id] = own_repeat.get(deck_id, 0) + sum(counts.repeat[c] for c in kids)
    return counts


def deck_counts(
    conn: sqlite3.Connection,
    tree: DeckTree,
    allowance: Allowance,
    today: str,
    totals: dict[int, int],
) -> list[DeckCounts]:
    """One `DeckCounts` per deck, parents before sub-decks; `totals` = cards per deck alone."""
    counts = compute_counts(conn, tree, allowance, today, totals)
    return [
        DeckCounts(
            deck=tree.names[deck_id],
            new=counts.new[deck_id],
            repeat=counts.repeat[deck_id],
            due=counts.due[deck_id],
            total=totals.get(deck_id, 0),
        )
        for deck_id in tree.order
    ]
