"""Build a large, realistic collection quickly for benchmarks: cards, decks and review history.

    python bench/generate.py PATH [--cards N] [--reviews N] [--seed N]

`make_collection(path, cards=100_000, reviews=1_000_000, seed=0)` writes a collection with the
real schema by direct bulk inserts (no per-card API calls), so 100,000 cards and a million
review rows take seconds. About a fifth of the cards are new; the rest have SM-2 states, due
days spread around today (a few percent due or overdue, as in a collection studied daily) and a
review history consistent with them. Five top-level decks with four sub-decks each.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import sqlite3
import sys
import time
from datetime import UTC, date, datetime, timedelta, tzinfo
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from app.core.days import local_day  # noqa: E402
from app.core.schema import LATEST_VERSION, migrate  # noqa: E402
from app.core.store import utc_stamp  # noqa: E402

TOPICS = {
    "Languages": ["French", "German", "Japanese", "Spanish"],
    "Medicine": ["Anatomy", "Pharmacology", "Pathology", "Microbiology"],
    "Programming": ["Python", "Rust", "SQL", "Algorithms"],
    "History": ["Ancient", "Medieval", "Modern", "Contemporary"],
    "Docker": ["Images", "Containers", "Networking", "Compose"],
}
# fmt: off
WORDS = (
    "container", "image", "layer", "volume", "network", "port", "build", "cache", "kernel",
    "namespace", "process", "signal", "verb", "noun", "tense", "gender", "case", "mood",
    "aspect", "particle", "artery", "nerve", "enzyme", "receptor", "dose", "function", "closure",
    "iterator", "generator", "index", "query", "join", "transaction", "empire", "treaty",
    "reform", "revolution", "dynasty", "trade", "war", "peace", "river", "city",
)
# fmt: on
FRACTION_NEW = 0.2
# Part of the cache key: bump it whenever the generated data changes.
GENERATOR_VERSION = 5


def _text(rng: random.Random, low: int, high: int) -> str:
    words = rng.choices(WORDS, k=rng.randint(low, high))
    return " ".join(words).capitalize()


def cache_dir() -> Path:
    """Where generated collections are kept between runs ($DECKARD_BENCH_CACHE or ~/.cache)."""
    configured = os.environ.get("DECKARD_BENCH_CACHE")
    return Path(configured) if configured else Path.home() / ".cache" / "deckard-bench"


def make_collection(
    path: str | Path,
    cards: int = 100_000,
    reviews: int = 1_000_000,
    seed: int = 0,
    *,
    now: datetime | None = None,
    tz: tzinfo | None = None,
    cache: bool = True,
) -> Path:
    """Write a new collection at `path` (which must not exist yet) and return its path.

    The same arguments on the same day give the same collection, so with `cache` a copy made
    earlier that day is reused (due days are relative to today, so older copies are not).

    The file is on disk when this returns, as a collection someone opens is: otherwise the
    system writes it out (about 190 MB at the default size) some 30 s later, in the middle of
    whatever is being timed by then, slowing every sync made meanwhile.
    """
    path = Path(path)
    if path.exists():
        raise FileExistsError(path)
    moment = now or datetime.now(UTC)
    today = local_day(moment, 4, tz)
    cached = cache_dir() / (
        f"v{LATEST_VERSION}.{GENERATOR_VERSION}-{cards}-{reviews}-{seed}-{today}.deckard"
    )
    if cache and cached.is_file():
        shutil.copyfile(cached, path)
        _sync_file(path)
        return path
    _build(path, cards, reviews, seed, moment, today)
    if cache:
        cached.parent.mkdir(parents=True, exist_ok=True)
        for old in cached.parent.glob(f"v*-{cards}-{reviews}-{seed}-*"):
            old.unlink(missing_ok=True)
        partial = cached.with_suffix(".partial")
        shutil.copyfile(path, partial)
        _sync_file(partial)
        # Read-only, so nothing opens the shared copy as a collection and changes it.
        partial.chmod(0o444)
        os.replace(partial, cached)
    _sync_file(path)
    return path


def _sync_file(path: Path) -> None:
    with open(path, "rb+") as file:
        os.fsync(file.fileno())


def _build(path: Path, cards: int, reviews: int, seed: int, moment: datetime, today: date) -> None:
    rng = random.Random(seed)
    conn = sqlite3.connect(path, isolation_level=None)
    migrate(conn)
    # The cards table is loaded first, in one piece, as one large import leaves it: a table scan
    # in the browser reads compact, consecutive pages. Its indexes are then filled the way a
    # collection's are, not built in one go (which packs every page full, so that nearly every
    # answer would split one, unlike in a collection that grew by imports and answers):
    # - the study queues' indexes hold only unsuspended cards, so the cards load suspended and
    #   are unsuspended afterwards, in card order: their entries go in one at a time, into the
    #   queue indexes as importing and studying put them there;
    # - the other indexes (deck, source), which answers never write, are built afterwards.
    # The review log keeps its indexes and receives its rows in time order, as a real log does.
    indexes = conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
        " AND tbl_name = 'cards' AND sql NOT LIKE '%suspended = 0%'"
    ).fetchall()
    # A new file has nothing to protect while it is built: no journal, no syncing.
    conn.execute("PRAGMA journal_mode = OFF")
    conn.execute("PRAGMA synchronous = OFF")
    conn.execute("PRAGMA cache_size = -262144")
    conn.execute("BEGIN")
    for name, _ in indexes:
        conn.execute(f"DROP INDEX {name}")
    deck_ids = _insert_decks(conn)
    card_rows, studied = _card_rows(rng, cards, deck_ids, today, moment)
    conn.executemany(
        "INSERT INTO cards (id, deck_id, question, answer, tags, source, source_line,"
        " source_hash, position, created_at, modified_at, repetitions, interval, easiness,"
        " due, lapses, suspended) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        card_rows,
    )
    columns = (
        "card_id, reviewed_at, day, quality, kind, interval_before, interval_after,"
        " easiness_before, easiness_after, duration_ms"
    )
    conn.execute(f"CREATE TEMP TABLE staged ({columns})")
    conn.executemany(
        f"INSERT INTO staged ({columns}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        _review_rows(rng, studied, reviews, today, moment),
    )
    conn.execute(
        f"INSERT INTO reviews ({columns}) SELECT {columns} FROM staged ORDER BY reviewed_at"
    )
    conn.execute("DROP TABLE staged")
    for _, sql in indexes:
        conn.execute(sql)
    conn.execute("UPDATE cards SET suspended = 0")
    conn.execute("COMMIT")
    conn.execute("ANALYZE")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.close()


def _insert_decks(conn: sqlite3.Connection) -> list[int]:
    leaves = []
    for parent, children in TOPICS.items():
        parent_id = conn.execute("INSERT INTO decks (name) VALUES (?)", (parent,)).lastrowid
        for child in children:
            leaves.append(
                conn.execute(
                    "INSERT INTO decks (name, parent_id) VALUES (?, ?)",
                    (f"{parent}::{child}", parent_id),
                ).lastrowid
            )
    return [int(d) for d in leaves if d is not None]


def _card_rows(rng, count, deck_ids, today, moment):
    stamp = utc_stamp(moment - timedelta(days=400))
    rows = []
    studied = []
    for index in range(count):
        card_id = f"gen-{index:06d}"
        deck_id = rng.choice(deck_ids)
        question = f"**{_text(rng, 4, 14)}**?"
        answer = _text(rng, 3, 30) + "."
        tags = json.dumps(rng.sample(WORDS, rng.randint(0, 3)))
        if rng.random() < FRACTION_NEW:
            schedule = (0, 0, 2500, None, 0)
        else:
            repetitions = rng.randint(1, 10)
            interval = 1 if repetitions == 1 else min(3650, int(6 * 2.2 ** (repetitions - 2)))
            easiness = rng.randint(1300, 3000)
            # Due somewhere in the card's current interval; a few are due or overdue.
            offset = rng.randint(-3, interval) if rng.random() < 0.9 else rng.randint(-20, 0)
            due = (today + timedelta(days=offset)).isoformat()
            lapses = rng.choice((0, 0, 0, 1, 2))
            schedule = (repetitions, interval, easiness, due, lapses)
            studied.append((card_id, repetitions, interval, easiness, today + timedelta(offset)))
        source = ("generated.md", index + 1, f"{index:032x}", index + 1, stamp, stamp)
        rows.append((card_id, deck_id, question, answer, tags, *source, *schedule, 1))
    return rows, studied


def _review_rows(rng, studied, total, today: date, moment: datetime):
    """`total` review rows spread over the studied cards, each card's history ending at the
    review that gave it its current interval."""
    if not studied:
        return
    per_card, extra = divmod(total, len(studied))
    random = rng.random
    day_text: dict[int, str] = {}
    for number, (card_id, _, interval, easiness, due) in enumerate(studied):
        count = per_card + (1 if number < extra else 0)
        # The last answer gave the current interval, and it was before today.
        last = min((due - timedelta(days=interval)).toordinal(), today.toordinal() - 1)
        ordinal = last - count * 3
        qualities = rng.choices((2, 3, 4, 5), weights=(10, 15, 55, 20), k=count)
        current = 0
        for step in range(count):
            ordinal = last if step == count - 1 else min(last, ordinal + 1 + int(random() * 5))
            day = day_text.get(ordinal) or day_text.setdefault(
                ordinal, date.fromordinal(ordinal).isoformat()
            )
            after = interval if step == count - 1 else 1 + int(random() * interval)
            minute = int(random() * 900) + 480
            yield (
                card_id, f"{day}T{minute // 60:02d}:{minute % 60:02d}:00.000Z", day,
                qualities[step], "new" if step == 0 else "review", current, after,
                easiness, easiness, 1500 + int(random() * 18500),
            )  # fmt: skip
            current = after


def main() -> None:
    """Command line: build a collection and say how long it took."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path)
    parser.add_argument("--cards", type=int, default=100_000)
    parser.add_argument("--reviews", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--no-cache", action="store_true", help="always build from scratch")
    args = parser.parse_args()
    started = time.perf_counter()
    make_collection(
        args.path, cards=args.cards, reviews=args.reviews, seed=args.seed, cache=not args.no_cache
    )
    print(f"{args.path}: {args.cards} cards, {args.reviews} reviews in "
          f"{time.perf_counter() - started:.1f} s")  # fmt: skip


if __name__ == "__main__":
    main()
