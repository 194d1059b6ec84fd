"""The numbers behind the statistics window and `deckard stats`, for one deck or the collection.

Everything is plain SQL over the `cards` and `reviews` tables, computed for a `now` passed in;
the review history is read in two grouped scans so a million reviews stay quick. A deck
includes its sub-decks. `Statistics.to_dict()` is exactly what `deckard stats --json` prints and
what the plots draw, so the window and the command line can never disagree.

A passing grade is a quality of 3 or more, as SM-2 counts it; retention is the share of passing
answers among reviews of cards that had already been learned (kind "review").
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import UTC, date, datetime, timedelta, tzinfo
from typing import Any

from app.core.days import local_day
from app.core.errors import CollectionError

CALENDAR_DAYS = 365
FORECAST_DAYS = 30
HISTORY_DAYS = 30
PASSING_QUALITY = 3
REVIEW_KINDS = ("new", "repeat", "review")
STATES = ("new", "learning", "review", "buried", "suspended")

# (label, lowest, highest) in days; None means no upper bound.
INTERVAL_BUCKETS: tuple[tuple[str, int, int | None], ...] = (
    ("1d", 0, 1),
    ("2-3d", 2, 3),
    ("4-7d", 4, 7),
    ("8-14d", 8, 14),
    ("15-30d", 15, 30),
    ("1-3m", 31, 90),
    ("3-6m", 91, 180),
    ("6-12m", 181, 365),
    (">1y", 366, None),
)


@dataclass(frozen=True, slots=True)
class Summary:
    """The headline numbers shown above the plots."""

    cards: int
    studied: int
    due_today: int
    reviews_today: int
    seconds_today: int
    reviews_last_30_days: int
    retention_last_30_days: float | None
    average_ease: float | None
    streak_days: int


@dataclass(frozen=True, slots=True)
class Statistics:
    """Every number the statistics window plots, for one deck (with sub-decks) or all cards."""

    deck: str | None
    today: date
    summary: Summary
    calendar: list[tuple[date, int]]
    forecast: list[tuple[date, int]]
    reviews_per_day: list[tuple[date, dict[str, int]]]
    retention: list[tuple[str, int, int]]
    grades: list[tuple[int, dict[str, int]]]
    states: dict[str, int]
    intervals: list[tuple[str, int]]

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape of `deckard stats --json`."""
        return {
            "deck": self.deck,
            "today": self.today.isoformat(),
            "summary": asdict(self.summary),
            "calendar": [{"day": d.isoformat(), "reviews": n} for d, n in self.calendar],
            "forecast": [{"day": d.isoformat(), "due": n} for d, n in self.forecast],
            "reviews_per_day": [
                {"day": d.isoformat(), **kinds} for d, kinds in self.reviews_per_day
            ],
            "retention": [
                {
                    "interval": label,
                    "reviews": reviews,
                    "passed": passed,
                    "retention": round(passed / reviews, 4) if reviews else None,
                }
                for label, reviews, passed in self.retention
            ],
            "grades": [
                {"quality": quality, **kinds, "total": sum(kinds.values())}
                for quality, kinds in self.grades
            ],
            "states": dict(self.states),
            "intervals": [{"interval": label, "cards": n} for label, n in self.intervals],
        }


def _bucket_sql(column: str) -> str:
    cases = []
    for index, (_, _low, high) in enumerate(INTERVAL_BUCKETS):
        if high is not None:
            cases.append(f"WHEN {column} <= {high} THEN {index}")
    return f"CASE {' '.join(cases)} ELSE {len(INTERVAL_BUCKETS) - 1} END"


def deck_filter(db: Any, deck: str | None) -> tuple[str, list[Any]]:
    """SQL restricting `cards` to a deck and its sub-decks; CollectionError for an unknown deck."""
    if deck is None:
        return "1", []
    found = db.execute(
        "SELECT COUNT(*) FROM decks WHERE name = ? COLLATE NOCASE", [deck]
    ).fetchone()[0]
    if not found:
        names = [row[0] for row in db.execute("SELECT name FROM decks ORDER BY name").fetchall()]
        known = ", ".join(names) if names else "none yet"
        raise CollectionError(f"no deck named {deck!r} (decks: {known})")
    return (
        "cards.deck_id IN (SELECT id FROM decks WHERE name = ? COLLATE NOCASE "
        "OR substr(name, 1, length(?) + 2) = ? || '::' COLLATE NOCASE)",
        [deck, deck, deck],
    )


def compute_statistics(
    db: Any,
    *,
    now: datetime,
    deck: str | None = None,
    day_start_hour: int = 4,
    tz: tzinfo | None = None,
) -> Statistics:
    """All statistics for `deck` (sub-decks included) or the whole collection, as of `now`."""
    in_deck, deck_params = deck_filter(db, deck)
    today = local_day(now, day_start_hour, tz)
    review_filter = f"reviews.card_id IN (SELECT cards.id FROM cards WHERE {in_deck})"
    if deck is None:
        review_filter = "1"

    # Scan 1: the past year of answers by day and kind, read from the (day, kind, card_id)
    # index alone (calendar, reviews per day, summary).
    first_day = today - timedelta(days=CALENDAR_DAYS - 1)
    by_day: dict[date, dict[str, int]] = {}
    for day_text, kind, count in db.execute(
        "SELECT day, kind, COUNT(*) FROM reviews "
        f"WHERE day >= ? AND day <= ? AND {review_filter} GROUP BY day, kind",
        [first_day.isoformat(), today.isoformat(), *deck_params],
    ):
        day = date.fromisoformat(day_text)
        kinds = by_day.setdefault(day, dict.fromkeys(REVIEW_KINDS, 0))
        kinds[kind if kind in kinds else "review"] += count
    calendar = [
        (day, sum(by_day.get(day, {}).values()))
        for day in (first_day + timedelta(days=i) for i in range(CALENDAR_DAYS))
    ]
    history_days = [today - timedelta(days=HISTORY_DAYS - 1 - i) for i in range(HISTORY_DAYS)]
    reviews_per_day = [
        (day, dict(by_day.get(day, dict.fromkeys(REVIEW_KINDS, 0)))) for day in history_days
    ]
    milliseconds_today = db.execute(
        f"SELECT COALESCE(SUM(duration_ms), 0) FROM reviews WHERE day = ? AND {review_filter}",
        [today.isoformat(), *deck_params],
    ).fetchone()[0]

    # Scan 2: every answer by grade, kind, interval bucket and recency, packed in one integer.
    grades = {quality: dict.fromkeys(REVIEW_KINDS, 0) for quality in range(6)}
    # [reviews, passed] per interval bucket
    retention_counts = [[0, 0] for _ in INTERVAL_BUCKETS]
    thirty_days_ago = (today - timedelta(days=HISTORY_DAYS - 1)).isoformat()
    recent_reviews = recent_passed = 0
    buckets = len(INTERVAL_BUCKETS)
    kind_code = "CASE kind WHEN 'new' THEN 0 WHEN 'repeat' THEN 1 ELSE 2 END"
    key = f"((quality * 3 + {kind_code}) * {buckets} + {_bucket_sql('interval_before')}) * 2"
    for packed, count in _count_by_key(
        db, f"{key} + (day >= ?)", f"reviews WHERE {review_filter}", [thirty_days_ago, *deck_params]
    ):
        rest, recent = divmod(packed, 2)
        rest, bucket = divmod(rest, buckets)
        quality, kind_index = divmod(rest, 3)
        if quality in grades:
            grades[quality][REVIEW_KINDS[kind_index]] += count
        if REVIEW_KINDS[kind_index] == "review":
            passed = count if quality >= PASSING_QUALITY else 0
            retention_counts[bucket][0] += count
            retention_counts[bucket][1] += passed
            if recent:
                recent_reviews += count
                recent_passed += passed

    # Cards: states, intervals, forecast.
    today_text = today.isoformat()
    states = dict.fromkeys(STATES, 0)
    for state, count in db.execute(
        "SELECT CASE WHEN suspended = 1 THEN 'suspended' "
        "WHEN buried_until IS NOT NULL AND buried_until > ? THEN 'buried' "
        "WHEN due IS NULL THEN 'new' WHEN repeat_day = ? THEN 'learning' "
        f"ELSE 'review' END, COUNT(*) FROM cards WHERE {in_deck} GROUP BY 1",
        [today_text, today_text, *deck_params],
    ):
        states[state] = count
    intervals = [(label, 0) for label, _, _ in INTERVAL_BUCKETS]
    for bucket, count in db.execute(
        f"SELECT {_bucket_sql('interval')}, COUNT(*) FROM cards "
        f"WHERE due IS NOT NULL AND {in_deck} GROUP BY 1",
        deck_params,
    ):
        intervals[bucket] = (intervals[bucket][0], count)
    last_day = today + timedelta(days=FORECAST_DAYS - 1)
    due_by_day = {
        day_text: count
        for day_text, count in db.execute(
            "SELECT MAX(due, ?), COUNT(*) FROM cards WHERE due IS NOT NULL AND suspended = 0 "
            f"AND due <= ? AND {in_deck} GROUP BY 1",
            [today_text, last_day.isoformat(), *deck_params],
        )
    }
    forecast = [
        (day, due_by_day.get(day.isoformat(), 0))
        for day in (today + timedelta(days=i) for i in range(FORECAST_DAYS))
    ]

    cards, studied, due_today, ease_sum = db.execute(
        "SELECT COUNT(*), COUNT(due), "
        "SUM(suspended = 0 AND (buried_until IS NULL OR buried_until <= ?) "
        "AND ((due IS NOT NULL AND due <= ?) OR repeat_day = ?)), "
        f"SUM(CASE WHEN due IS NOT NULL THEN easiness END) FROM cards WHERE {in_deck}",
        [today_text, today_text, today_text, *deck_params],
    ).fetchone()
    summary = Summary(
        cards=cards,
        studied=studied,
        due_today=due_today or 0,
        reviews_today=sum(by_day.get(today, {}).values()),
        seconds_today=milliseconds_today // 1000,
        reviews_last_30_days=sum(sum(kinds.values()) for _, kinds in reviews_per_day),
        retention_last_30_days=round(recent_passed / recent_reviews, 4) if recent_reviews else None,
        average_ease=round(ease_sum / studied / 1000, 2) if studied else None,
        streak_days=_streak(calendar, today),
    )
    return Statistics(
        deck=deck,
        today=today,
        summary=summary,
        calendar=calendar,
        forecast=forecast,
        reviews_per_day=reviews_per_day,
        retention=[
            (label, reviews, passed)
            for (label, _, _), (reviews, passed) in zip(
                INTERVAL_BUCKETS, retention_counts, strict=True
            )
        ],
        grades=sorted(grades.items()),
        states=states,
        intervals=intervals,
    )


def _count_by_key(db: Any, key: str, source: str, params: list[Any]) -> list[tuple[int, int]]:
    """(key, count) pairs for an integer key over `source` ("table WHERE ...").

    GROUP BY would sort a million answers before counting them; adding each one to a small
    temporary table of counts is twice as fast. The temporary table lives outside the
    collection file, so this works on a read-only connection and writes nothing to the file.
    """
    db.execute(
        "CREATE TEMP TABLE IF NOT EXISTS deckard_stats_counts (k INTEGER PRIMARY KEY, n INTEGER)"
    )
    try:
        db.execute("DELETE FROM temp.deckard_stats_counts")
        db.execute(
            f"INSERT INTO temp.deckard_stats_counts (k, n) SELECT {key}, 1 FROM {source} "
            "ON CONFLICT(k) DO UPDATE SET n = n + 1",
            params,
        )
        return [tuple(row) for row in db.execute("SELECT k, n FROM temp.deckard_stats_counts")]
    finally:
        db.execute("DROP TABLE IF EXISTS temp.deckard_stats_counts")


def _streak(calendar: list[tuple[date, int]], today: date) -> int:
    """Days in a row with reviews, ending today (or yesterday, if today has none yet)."""
    counts = dict(calendar)
    day = today if counts.get(today) else today - timedelta(days=1)
    streak = 0
    while counts.get(day):
        streak += 1
        day -= timedelta(days=1)
    return streak


def collection_statistics(
    collection: Any, *, deck: str | None = None, now: datetime | None = None
) -> Statistics:
    """Statistics of an open Collection, using its day-start hour."""
    return compute_statistics(
        collection.conn,
        now=now or datetime.now(UTC),
        deck=deck,
        day_start_hour=int(collection.get_config("day_start_hour", 4)),
        tz=getattr(collection, "tz", None),
    )


def _bar(value: float, largest: float, width: int = 30) -> str:
    if largest <= 0 or value <= 0:
        return ""
    return "█" * max(1, round(width * value / largest))


def format_statistics(stats: Statistics) -> str:
    """The statistics as plain text for a terminal: headline numbers, then small bar tables."""
    summary = stats.summary
    scope = f"deck {stats.deck} (with sub-decks)" if stats.deck else "the whole collection"
    retention = (
        "-" if summary.retention_last_30_days is None else f"{summary.retention_last_30_days:.0%}"
    )
    ease = "-" if summary.average_ease is None else f"{summary.average_ease:.2f}"
    lines = [
        f"Statistics for {scope}, day {stats.today.isoformat()}",
        f"Cards: {summary.cards} ("
        + ", ".join(f"{state} {count}" for state, count in stats.states.items())
        + ")",
        f"Due today: {summary.due_today}   Reviewed today: {summary.reviews_today} "
        f"({round(summary.seconds_today / 60)} min)   Streak: {summary.streak_days} days",
        f"Reviews in 30 days: {summary.reviews_last_30_days}   Retention: {retention}   "
        f"Average ease: {ease}",
        "",
        "Due in the next 7 days (overdue counted today):",
    ]
    week = stats.forecast[:7]
    largest = max((n for _, n in week), default=0)
    lines += [f"  {day.isoformat()}  {n:>6}  {_bar(n, largest)}" for day, n in week]
    lines += ["", "Reviews per day, past 7 days (new / repeat / review):"]
    recent = stats.reviews_per_day[-7:]
    largest = max((sum(k.values()) for _, k in recent), default=0)
    for day, kinds in recent:
        counts = " / ".join(f"{kinds[kind]}" for kind in REVIEW_KINDS)
        lines.append(f"  {day.isoformat()}  {counts:>14}  {_bar(sum(kinds.values()), largest)}")
    lines += ["", "Retention by interval before the review:"]
    for label, reviews, passed in stats.retention:
        share = f"{passed / reviews:>5.0%}" if reviews else "    -"
        lines.append(f"  {label:>7}  {share}  of {reviews:>6}  {_bar(passed, reviews, 20)}")
    lines += ["", "Grades (0-2 fail, 3-5 pass):"]
    largest = max((sum(k.values()) for _, k in stats.grades), default=0)
    for quality, kinds in stats.grades:
        total = sum(kinds.values())
        lines.append(f"  {quality}  {total:>7}  {_bar(total, largest)}")
    lines += ["", "Studied cards by interval:"]
    largest = max((n for _, n in stats.intervals), default=0)
    lines += [f"  {label:>7}  {n:>7}  {_bar(n, largest)}" for label, n in stats.intervals]
    return "\n".join(lines)
