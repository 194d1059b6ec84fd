"""Today's queue kept in memory between answers, so showing the next card rarely queries.

Answering the card at the head of the queue never puts another card into today's review or new
queue (an answered card is due tomorrow at the earliest; a failed one goes to the same-day
repeats, which are read afresh every time), and a deck that runs out of allowance only hides its
own cards. So after such an answer the cards read ahead are still the next ones, in order, once
cards of decks without allowance are skipped. Anything else that changes cards, decks, limits or
the day must `clear()` the queue: the collection does so whenever it drops its other caches, and
whenever its connection was written to by anyone but its own answers.

Reviews in one deck, and new cards, are read `READ_AHEAD` rows at a time in queue order. Reviews
across several decks are merged here from each deck's own index: `ENTRIES_AHEAD` entries (due
day, deck order, row) per deck, a heap of each deck's first one, and the card itself read when
it comes up, so no answer waits for a read of every deck at once.
"""

from __future__ import annotations

import heapq
import sqlite3
from collections import deque
from typing import Any

from app.core.scheduler import (
    DECKS_PER_QUERY,
    DUE_TODAY,
    Allowance,
    DeckTree,
    new_rows,
    repeat_row,
    review_rows,
)

# How many cards one read fetches ahead.
READ_AHEAD = 16
# How many index entries per deck one read fetches ahead for reviews across several decks. An
# entry is three small values read from the index alone: 64 take about 50 µs to read against
# 16 µs for 16, and most sessions then need no read beyond the first, which an answer that
# happens to need it would otherwise wait for.
ENTRIES_AHEAD = 64
# The statement reading one card by rowid, per column list: made once, as sqlite3 finds its
# prepared statement by the text (hashing a new string of some 250 characters each time).
_BY_ROWID: dict[str, str] = {}
# Where a row read with QUEUE_COLUMNS holds the card's id and its deck's id.
_ID, _DECK = 1, 2


class _Reviews:
    """Due reviews across several decks, merged from each deck's own queue index."""

    __slots__ = ("ahead", "complete", "heap", "refill", "shown")

    def __init__(self) -> None:
        self.ahead: dict[int, deque[tuple[str, int, int]]] = {}  # deck: (due, position, rowid)
        self.complete: set[int] = set()  # decks whose every due review is in `ahead`
        self.heap: list[tuple[str, int, int, int]] = []  # each deck's first: (..., deck)
        self.refill: list[int] = []  # decks whose first entry was answered
        self.shown: str | None = None  # id of the card last returned

    def start(self, conn: sqlite3.Connection, decks: list[int], today: str) -> None:
        for start in range(0, len(decks), DECKS_PER_QUERY):
            chunk = decks[start : start + DECKS_PER_QUERY]
            firsts = " UNION ALL ".join(
                f"SELECT * FROM (SELECT deck_id, due, position, rowid FROM cards"
                f" INDEXED BY cards_deck_due WHERE deck_id = {int(deck)} AND {DUE_TODAY}"
                f" ORDER BY due, position LIMIT {ENTRIES_AHEAD})"
                for deck in chunk
            )
            for deck in chunk:
                self.ahead[deck] = deque()
            for deck, due, position, rowid in conn.execute(firsts, (today, today) * len(chunk)):
                self.ahead[deck].append((due, position, rowid))
        for deck in decks:
            self._push(deck)

    def _push(self, deck: int) -> None:
        entries = self.ahead[deck]
        if len(entries) < ENTRIES_AHEAD:
            self.complete.add(deck)
        if entries:
            heapq.heappush(self.heap, (*entries[0], deck))

    def _read_deck(self, conn: sqlite3.Connection, deck: int, today: str) -> None:
        rows = conn.execute(
            "SELECT due, position, rowid FROM cards INDEXED BY cards_deck_due"
            f" WHERE deck_id = ? AND {DUE_TODAY} ORDER BY due, position LIMIT {ENTRIES_AHEAD}",
            (deck, today, today),
        ).fetchall()
        self.ahead[deck] = deque(rows)
        self._push(deck)

    def next_row(
        self, conn: sqlite3.Connection, allowed: dict[int, int], today: str, columns: str
    ) -> tuple[Any, ...] | None:
        for deck in self.refill:
            if self.ahead[deck]:
                heapq.heappush(self.heap, (*self.ahead[deck][0], deck))
            elif deck not in self.complete:
                self._read_deck(conn, deck, today)
        self.refill.clear()
        heap = self.heap
        while heap:
            deck = heap[0][3]
            if allowed[deck] <= 0:
                heapq.heappop(heap)  # the deck is done for today: its cards stay hidden
                continue
            sql = _BY_ROWID.get(columns)
            if sql is None:
                sql = _BY_ROWID[columns] = f"SELECT {columns} FROM cards WHERE rowid = ?"
            row: tuple[Any, ...] | None = conn.execute(sql, (heap[0][2],)).fetchone()
            if row is None:  # gone without the queue being told: read that deck again
                heapq.heappop(heap)
                self.complete.discard(deck)
                self._read_deck(conn, deck, today)
                continue
            self.shown = row[_ID]
            return row
        self.shown = None
        return None

    def answered(self, card_id: str) -> bool:
        """Drop the card last shown if it has this id; False if it was another card."""
        if self.shown is None or self.shown != card_id:
            return False
        deck = heapq.heappop(self.heap)[3]
        self.ahead[deck].popleft()
        self.refill.append(deck)
        self.shown = None
        return True


class StudyQueue:
    """The next cards of today's review and new queues, read ahead (see the module's doc)."""

    __slots__ = ("_head", "_key", "_phases", "_reviews")

    def __init__(self) -> None:
        self._key: tuple[str, int | None] | None = None
        # Per phase ('review' in one deck, 'new'): rows still ahead, and whether that is all.
        self._phases: dict[str, tuple[deque[tuple[Any, ...]], bool]] = {}
        self._reviews: _Reviews | None = None  # reviews across several decks
        self._head: str | None = None  # the phase the last card shown came from

    def clear(self) -> None:
        """Forget everything read ahead."""
        self._key = None
        self._phases.clear()
        self._reviews = None
        self._head = None

    def next_row(
        self,
        conn: sqlite3.Connection,
        tree: DeckTree,
        allowance: Allowance,
        today: str,
        deck_id: int | None,
        columns: str,
    ) -> tuple[Any, ...] | None:
        """What `scheduler.next_card_row` returns for the same arguments (`columns` must be
        QUEUE_COLUMNS or start like them)."""
        key = (today, deck_id)
        if key != self._key:
            self.clear()
            self._key = key
        scope = tree.subtree(deck_id) if deck_id is not None else tree.top_down()
        if len(scope) > 1:
            if self._reviews is None:
                self._reviews = _Reviews()
                self._reviews.start(conn, [d for d in scope if allowance.review[d] > 0], today)
            row = self._reviews.next_row(conn, allowance.review, today, columns)
            phase = "reviews"
        else:
            row = self._first_allowed(
                conn, tree, scope, today, columns, "review", allowance.review, review_rows
            )
            phase = "review"
        if row is None:
            row = self._first_allowed(
                conn, tree, scope, today, columns, "new", allowance.new, new_rows
            )
            phase = "new"
        if row is not None:
            self._head = phase
            return row
        self._head = None
        return repeat_row(conn, None if deck_id is None else scope, today, columns)

    def _first_allowed(
        self,
        conn: sqlite3.Connection,
        tree: DeckTree,
        scope: list[int],
        today: str,
        columns: str,
        phase: str,
        allowed: dict[int, int],
        read: Any,
    ) -> tuple[Any, ...] | None:
        while True:
            ahead = self._phases.get(phase)
            if ahead is None:
                decks = [d for d in scope if allowed[d] > 0]
                rows = read(conn, tree, decks, today, columns, READ_AHEAD) if decks else []
                ahead = (deque(rows), len(rows) < READ_AHEAD)
                self._phases[phase] = ahead
            rows, complete = ahead
            while rows and allowed[rows[0][_DECK]] <= 0:
                rows.popleft()
            if rows:
                return rows[0]
            if complete:
                return None
            del self._phases[phase]  # read the next rows

    def answered(self, card_id: str) -> None:
        """The card with this id was just answered: drop it. If it was not the card last shown
        from what was read ahead, it may be anywhere in it: drop all that (a queue known to
        be empty stays so, as no answer adds cards to today's queues)."""
        head, self._head = self._head, None
        if head == "reviews" and self._reviews is not None:
            if self._reviews.answered(card_id):
                return
        else:
            ahead = self._phases.get(head) if head is not None else None
            if ahead is not None and ahead[0] and ahead[0][0][_ID] == card_id:
                ahead[0].popleft()
                return
        self._reviews = None
        for phase, (rows, _) in list(self._phases.items()):
            if rows:
                del self._phases[phase]
