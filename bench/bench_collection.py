"""Collection speed on 100,000 cards and 1,000,000 review rows, beside Anki's own scheduler.

    python bench/bench_collection.py [--json] [--cards N] [--reviews N] [--answers N]

Measures, on a collection made by bench/generate.py:
- opening it (`Collection.open`, everything the app does before showing decks), target ≤ 100 ms;
- `deck_counts` (the deck list's new/repeat/due numbers), target ≤ 20 ms: the first call after
  opening, and the usual call between answers;
- `next_card` followed by `answer`, with synchronous=FULL in WAL mode (each answer durable),
  p95 target ≤ 1 ms;
and, in the same run, the same steps in Anki (the `anki` package) on a collection holding the
same cards with the same due days and the same review log: opening it, its deck tree with counts,
and `get_queued_cards(fetch_limit=1)` + `build_answer` + `answer_card`. The last rows are the
ratios of Deckard's mean time per answer to Anki's, wall-clock and CPU (target below 1); with
both waiting on the same fsync, the CPU ratio shows the work each does around it. Answers run in
alternating blocks of 50; Deckard copies its log into the file on a background thread when
answering pauses (app.core.checkpoint), which here is after each block: the benchmark waits for
that copy before Anki's block starts (so the two never share the disk or the CPU time), leaves
its wall time out of the per-answer times (a person reading the next card does not wait for it
either) and counts its CPU time with Deckard's answers. The same thread lengthens the log file
once as studying starts; the first answer waits for that, and its CPU time is counted too.
Anki checkpoints inside its answers.
Answers in a loop meet a disk that has just synced; a person's answer comes after seconds of
reading, and on this machine the first sync after a pause is markedly slower. So both sides then
answer 100 more cards in turn, each after a 50 ms pause, and the disk's floor is measured both
ways too (a one-row commit in a loop, and after the same pause).
Anki's daily limits are raised to 9999 (its queue is one parent deck, which would stop at 200);
Deckard keeps its defaults, which allow 1,100 cards on this collection. Figures are medians
unless marked p95.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from app.core.collection import Collection  # noqa: E402
from bench.generate import make_collection  # noqa: E402

QUALITIES = (4, 4, 5, 3, 4, 2)  # a plausible mix of Good, Easy, Hard and Again
ANKI_RATING = {2: 1, 3: 2, 4: 3, 5: 4}
ANKI_PARENT = "All"
OPEN_RUNS = 7
BLOCK = 50
PACED_ANSWERS = 100  # answers each made after a pause, as a person makes them
PAUSE_SECONDS = 0.05


def percentile(values: list[float], fraction: float) -> float:
    """The value below which `fraction` of `values` lie (nearest rank)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def timed(action: Callable[[], object]) -> float:
    """Milliseconds one call of `action` takes."""
    started = time.perf_counter()
    action()
    return (time.perf_counter() - started) * 1000


class DeckardSide:
    """Deckard's steps: open, count, answer the next card."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.collection: Collection | None = None

    def open_once(self) -> float:
        started = time.perf_counter()
        collection = Collection.open(self.path)
        elapsed = (time.perf_counter() - started) * 1000
        collection.close()
        return elapsed

    def check_once(self) -> float:
        """The part of opening spent in the pre-open damage check (app.core.check)."""
        from app.core.check import check_before_open
        from app.core.schema import LATEST_VERSION

        return timed(lambda: check_before_open(self.path, latest_version=LATEST_VERSION))

    def start(self, answers: int) -> float:
        """Open for the session; returns the first deck_counts call's time.

        The generated collection has five top-level decks, so the default limits (20 new and
        200 reviews a day each) leave 1,100 cards plus the same-day repeats: enough for 1,000
        answers and the paced ones after them. Only longer runs raise them.
        """
        self.collection = Collection.open(self.path)
        first = timed(self.collection.deck_counts)
        if answers > 1000:
            for deck in self.collection.deck_names():
                self.collection.set_deck_limits(deck, 9999, 9999)
        return first

    def counts(self) -> float:
        assert self.collection is not None
        return timed(self.collection.deck_counts)

    def settle(self) -> None:
        """Let background work the answers started (the log checkpoint) finish."""
        assert self.collection is not None
        self.collection.settle()

    def answer(self, number: int) -> float:
        assert self.collection is not None
        started = time.perf_counter()
        card = self.collection.next_card()
        assert card is not None, "ran out of cards"
        self.collection.answer(card.id, QUALITIES[number % len(QUALITIES)])
        return (time.perf_counter() - started) * 1000

    def close(self) -> None:
        if self.collection is not None:
            self.collection.close()


def build_anki(source: Path, target: Path) -> None:
    """An Anki collection with the same decks, cards, due days and review log as `source`."""
    import sqlite3

    from anki.collection import Collection as AnkiCollection

    deckard = sqlite3.connect(source)
    col = AnkiCollection(str(target))
    try:
        model_id = col.models.by_name("Basic")["id"]
        # Anki studies one deck and its sub-decks, so everything goes under one parent.
        deck_ids = {
            deck_id: int(col.decks.id(f"{ANKI_PARENT}::{name}"))
            for deck_id, name in deckard.execute("SELECT id, name FROM decks ORDER BY name")
        }
        config = col.decks.config_dict_for_deck_id(next(iter(deck_ids.values())))
        config["new"]["perDay"] = 9999
        config["rev"]["perDay"] = 9999
        col.decks.save(config)
        today = (
            date.fromisoformat(
                deckard.execute("SELECT max(day) FROM reviews").fetchone()[0]
            ).toordinal()
            + 1
        )
        anki_today = col.sched.today
        stamp = int(time.time())
        notes, cards, card_numbers = [], [], {}
        rows = deckard.execute(
            "SELECT id, deck_id, question, answer, position, repetitions, interval, easiness,"
            " due, lapses FROM cards ORDER BY position"
        )
        for number, row in enumerate(rows):
            card_id, deck_id, question, answer, position, reps, interval, ease, due, lapses = row
            note_id = 1_500_000_000_000 + number
            card_numbers[card_id] = note_id
            fields = f"{question}\x1f{answer}"
            notes.append(
                (note_id, f"g{number}", model_id, stamp, -1, "", fields, question, 0, 0, "")
            )
            if due is None:
                state = (0, 0, position, 0, 0, 0, 0)
            else:
                days = date.fromisoformat(due).toordinal() - today
                state = (2, 2, anki_today + days, interval, ease, reps, lapses)
            cards.append(
                (note_id, note_id, deck_ids[deck_id], 0, stamp, -1, *state, 0, 0, 0, 0, "")
            )
        base = int(datetime(2020, 1, 1, tzinfo=UTC).timestamp() * 1000)
        history = deckard.execute(
            "SELECT card_id, quality, interval_before, interval_after, easiness_after,"
            " duration_ms FROM reviews ORDER BY id"
        )
        revlog = [
            (base + n, card_numbers[cid], -1, ANKI_RATING[q], after, before, ease, ms or 0, 1)
            for n, (cid, q, before, after, ease, ms) in enumerate(history)
        ]

        def load() -> None:
            col.db.executemany("INSERT INTO notes VALUES (?,?,?,?,?,?,?,?,?,?,?)", notes)
            col.db.executemany(
                "INSERT INTO cards VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", cards
            )
            col.db.executemany("INSERT INTO revlog VALUES (?,?,?,?,?,?,?,?,?)", revlog)

        col.db.transact(load)
        col.decks.select(col.decks.id(ANKI_PARENT))
    finally:
        col.close()
        deckard.close()


class AnkiSide:
    """The same steps in Anki: open, deck tree with counts, answer the next queued card."""

    def __init__(self, path: Path) -> None:
        from anki.collection import Collection as AnkiCollection

        self.path = path
        self.open_collection = AnkiCollection
        self.col: AnkiCollection | None = None

    def check_once(self) -> float:
        return 0.0

    def open_once(self) -> float:
        started = time.perf_counter()
        col = self.open_collection(str(self.path))
        elapsed = (time.perf_counter() - started) * 1000
        col.close()
        return elapsed

    def start(self, answers: int) -> float:
        from anki.cards import Card
        from anki.scheduler.v3 import CardAnswer

        self.card_class = Card
        self.ratings = {
            2: CardAnswer.AGAIN, 3: CardAnswer.HARD, 4: CardAnswer.GOOD, 5: CardAnswer.EASY,
        }  # fmt: skip
        self.col = self.open_collection(str(self.path))
        return timed(self.col.sched.deck_due_tree)

    def counts(self) -> float:
        assert self.col is not None
        return timed(self.col.sched.deck_due_tree)

    def settle(self) -> None:
        """Anki does all its work inside each call."""

    def answer(self, number: int) -> float:
        assert self.col is not None
        sched = self.col.sched
        started = time.perf_counter()
        queued = sched.get_queued_cards(fetch_limit=1).cards[0]
        card = self.card_class(self.col, backend_card=queued.card)
        card.start_timer()
        rating = self.ratings[QUALITIES[number % len(QUALITIES)]]
        sched.answer_card(sched.build_answer(card=card, states=queued.states, rating=rating))
        return (time.perf_counter() - started) * 1000

    def close(self) -> None:
        if self.col is not None:
            self.col.close()


def run_sides(sides: list, answers: int) -> list[dict[str, float]]:
    """Time every side, interleaved (opens in turn, answers in alternating blocks) so that
    both meet the same machine load; returns figures in ms per side."""
    opens: list[list[float]] = [[] for _ in sides]
    open_cpu: list[list[float]] = [[] for _ in sides]
    for _ in range(OPEN_RUNS):
        for index, side in enumerate(sides):
            started = time.process_time()
            opens[index].append(side.open_once())
            open_cpu[index].append((time.process_time() - started) * 1000)
    first = [side.start(answers) for side in sides]
    checks = [statistics.median(side.check_once() for _ in range(OPEN_RUNS)) for side in sides]
    per_answer: list[list[float]] = [[] for _ in sides]
    answer_cpu: list[list[float]] = [[] for _ in sides]
    counts: list[list[float]] = [[] for _ in sides]
    # CPU time of work the answers left running on another thread, waited for after each block
    # (so that it is not counted in the other side's time) and counted with the answers.
    background_cpu = [0.0 for _ in sides]
    try:
        for round_number, block in enumerate(range(0, answers, BLOCK)):
            # The sides take turns going first. A block's first answer comes after the other
            # side's untimed deck counts (Anki's take about 50 ms), and after such a pause this
            # disk's first sync is slower: with a fixed order one side would always pay for
            # the other's pause, and the other never.
            order = list(enumerate(sides))
            if round_number % 2:
                order.reverse()
            for index, side in order:
                for number in range(block, min(answers, block + BLOCK)):
                    started = time.process_time()
                    per_answer[index].append(side.answer(number))
                    answer_cpu[index].append((time.process_time() - started) * 1000)
                started = time.process_time()
                side.settle()
                background_cpu[index] += (time.process_time() - started) * 1000
                counts[index].append(side.counts())
        paced: list[list[float]] = [[] for _ in sides]
        for number in range(answers, answers + PACED_ANSWERS):
            for index, side in enumerate(sides):
                time.sleep(PAUSE_SECONDS)
                paced[index].append(side.answer(number))
    finally:
        for side in sides:
            side.close()
    return [
        {
            "open": statistics.median(opens[index]),
            "open_cpu": statistics.median(open_cpu[index]),
            "check": checks[index],
            "counts_first": first[index],
            "counts": statistics.median(counts[index]),
            "answer_p50": statistics.median(per_answer[index]),
            "answer_p95": percentile(per_answer[index], 0.95),
            "answer_mean": statistics.fmean(per_answer[index]),
            "answer_cpu": (sum(answer_cpu[index]) + background_cpu[index]) / len(answer_cpu[index]),
            "paced_p50": statistics.median(paced[index]),
            "paced_p95": percentile(paced[index], 0.95),
        }
        for index in range(len(sides))
    ]


def bare_commit_ms(folder: Path, count: int = 400) -> tuple[float, float, float]:
    """Median and 95th-percentile time of a one-row SQLite commit with synchronous=FULL in WAL
    mode on this disk, in a loop: the floor under any durable answer, and under its p95; and
    the median of such commits each made after a pause (`PAUSE_SECONDS`)."""
    import sqlite3

    conn = sqlite3.connect(folder / "floor.db", isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("CREATE TABLE t (n INTEGER)")

    def commit_ms(number: int) -> float:
        started = time.perf_counter()
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("INSERT INTO t VALUES (?)", (number,))
        conn.execute("COMMIT")
        return (time.perf_counter() - started) * 1000

    times = [commit_ms(number) for number in range(count)]
    after_pause = []
    for number in range(count, count + PACED_ANSWERS):
        time.sleep(PAUSE_SECONDS)
        after_pause.append(commit_ms(number))
    conn.close()
    return (
        statistics.median(times),
        statistics.quantiles(times, n=20)[-1],
        statistics.median(after_pause),
    )


def rows_for(
    ours: dict[str, float],
    anki: dict[str, float] | None,
    cards: int,
    floor: tuple[float, float, float],
) -> list[dict]:
    """The benchmark's result rows (see bench/run_all.py for the format)."""

    def other(key: str) -> float | None:
        # Anki has no separate damage check on open.
        return round(anki[key], 3) if anki and key != "check" else None

    size = f"{cards:,} cards"
    rows = [
        ("open collection", "≤ 100 ms", "open", 100.0),
        ("  open collection, CPU time", "-", "open_cpu", float("inf")),
        ("  of which the pre-open damage check (app.core.check)", "-", "check", float("inf")),
        ("deck_counts, first call after open", "≤ 20 ms", "counts_first", 20.0),
        ("deck_counts between answers", "≤ 20 ms", "counts", 20.0),
        ("next_card + answer p50 (synchronous=FULL)", "≤ 1 ms", "answer_p50", 1.0),
        ("next_card + answer p95 (synchronous=FULL)", "≤ 1 ms", "answer_p95", 1.0),
        ("  next_card + answer, CPU time (mean)", "-", "answer_cpu", float("inf")),
        ("next_card + answer after a 50 ms pause, p50", "-", "paced_p50", float("inf")),
        ("next_card + answer after a 50 ms pause, p95", "-", "paced_p95", float("inf")),
    ]
    out = [
        {
            "what": f"{what} ({size})",
            "target": target,
            "deckard": round(ours[key], 3),
            "anki": other(key),
            "unit": "ms",
            "ok": ours[key] <= limit,
        }
        for what, target, key, limit in rows
    ]
    out += [
        {
            "what": f"one-row SQLite commit, synchronous=FULL (this disk's floor, {name})",
            "target": "reference",
            "deckard": round(value, 3),
            "anki": None,
            "unit": "ms",
            "ok": True,
        }
        for name, value in zip(("p50", "p95", "p50 after a pause"), floor, strict=True)
    ]
    if anki:
        ratio = ours["answer_mean"] / anki["answer_mean"]
        out.append(
            {
                "what": f"time per answer, Deckard ÷ Anki (mean, {size})",
                "target": "< 1",
                "deckard": round(ratio, 3),
                "anki": None,
                "unit": "ratio",
                "ok": ratio < 1,
            }
        )
        cpu_ratio = ours["answer_cpu"] / anki["answer_cpu"]
        out.append(
            {
                "what": f"CPU time per answer, Deckard ÷ Anki (mean, {size})",
                "target": "< 1",
                "deckard": round(cpu_ratio, 3),
                "anki": None,
                "unit": "ratio",
                "ok": cpu_ratio < 1,
            }
        )
    return out


def main() -> None:
    """Run the benchmark and print a table, or JSON rows with --json."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print one JSON list of rows")
    parser.add_argument("--cards", type=int, default=100_000)
    parser.add_argument("--reviews", type=int, default=1_000_000)
    parser.add_argument("--answers", type=int, default=1000)
    parser.add_argument("--no-anki", action="store_true", help="skip the Anki comparison")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="deckard-bench-"))
    try:
        path = make_collection(work / "bench.deckard", args.cards, args.reviews)
        sides: list = [DeckardSide(path)]
        if not args.no_anki:
            anki_path = work / "anki" / "collection.anki2"
            anki_path.parent.mkdir()
            build_anki(path, anki_path)
            sides.append(AnkiSide(anki_path))
        # What building the two collections wrote goes to disk now, not 30 s later in the
        # middle of the answers, where it would slow every sync made meanwhile.
        if hasattr(os, "sync"):
            os.sync()
        figures = run_sides(sides, args.answers)
        floor = bare_commit_ms(work)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    ours = figures[0]
    anki = figures[1] if len(figures) > 1 else None
    rows = rows_for(ours, anki, args.cards, floor)
    if args.json:
        print(json.dumps(rows, ensure_ascii=False))
        return
    print(f"{'what':<72} {'target':>8} {'Deckard':>9} {'Anki':>9}  ok")
    for row in rows:
        anki_figure = f"{row['anki']:9.3f}" if row["anki"] is not None else f"{'-':>9}"
        print(
            f"{row['what']:<72} {row['target']:>8} {row['deckard']:9.3f} {anki_figure}"
            f"  {'yes' if row['ok'] else 'NO'}"
        )


if __name__ == "__main__":
    main()
