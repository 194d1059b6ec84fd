"""Backups and checks on a large collection: what they cost the person waiting for them.

    python bench/bench_backup.py [--json] [--cards N] [--reviews N]

On a 100,000-card collection with 1,000,000 reviews (bench/generate.py):
- the quick check that runs on every open, and the whole `Collection.open`;
- File › Backup now (`backup_now`: the online backup plus compression), the size of the backup
  against the collection, and restoring it (`restore_backup`, which first backs up again);
- the full check of Tools › Check collection (`check_collection`).
Wall-clock times of one run each (the open figures: the best of three).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

OPEN_CHECK_TARGET_MS = 300.0
OPEN_TARGET_MS = 1000.0
BACKUP_TARGET_S = 10.0
RESTORE_TARGET_S = 20.0
FULL_CHECK_TARGET_S = 60.0
SIZE_TARGET_RATIO = 0.5


def timed(action):
    start = time.perf_counter()
    result = action()
    return result, time.perf_counter() - start


def measure(cards: int, reviews: int) -> list[dict]:
    from app.core.backup import backup_now, restore_backup
    from app.core.check import check_before_open, check_collection
    from app.core.collection import Collection
    from app.core.schema import LATEST_VERSION
    from bench.generate import make_collection

    rows = []

    def row(what, target, value, unit, ok):
        rows.append(
            {
                "what": what,
                "target": target,
                "deckard": round(value, 3),
                "anki": None,
                "unit": unit,
                "ok": bool(ok),
            }
        )

    with tempfile.TemporaryDirectory(prefix="deckard-bench-backup-") as folder:
        path = Path(folder) / "collection.deckard"
        make_collection(path, cards=cards, reviews=reviews)
        label = f"{cards:,} cards, {reviews:,} reviews"
        check_s = min(
            timed(lambda: check_before_open(path, latest_version=LATEST_VERSION))[1]
            for _ in range(3)
        )
        row(
            f"quick check on open ({label})",
            f"≤ {OPEN_CHECK_TARGET_MS:.0f} ms",
            check_s * 1000,
            "ms",
            check_s * 1000 <= OPEN_CHECK_TARGET_MS,
        )

        def open_and_close():
            Collection.open(path).close()

        open_s = min(timed(open_and_close)[1] for _ in range(3))
        row(
            f"Collection.open with lock and check ({label})",
            f"≤ {OPEN_TARGET_MS:.0f} ms",
            open_s * 1000,
            "ms",
            open_s * 1000 <= OPEN_TARGET_MS,
        )

        with Collection.open(path) as collection:
            info, backup_s = timed(lambda: backup_now(collection))
            row(
                f"backup now ({label})",
                f"≤ {BACKUP_TARGET_S:.0f} s",
                backup_s,
                "s",
                backup_s <= BACKUP_TARGET_S,
            )
            ratio = info.size / path.stat().st_size
            row(
                "backup size ÷ collection size",
                f"≤ {SIZE_TARGET_RATIO}",
                ratio,
                "ratio",
                ratio <= SIZE_TARGET_RATIO,
            )
            _, restore_s = timed(lambda: restore_backup(collection, info.path))
            row(
                f"restore a backup, after backing up ({label})",
                f"≤ {RESTORE_TARGET_S:.0f} s",
                restore_s,
                "s",
                restore_s <= RESTORE_TARGET_S,
            )
            report, check_full_s = timed(lambda: check_collection(collection))
            row(
                f"full check with repairs ({label})",
                f"≤ {FULL_CHECK_TARGET_S:.0f} s",
                check_full_s,
                "s",
                check_full_s <= FULL_CHECK_TARGET_S and report.ok,
            )
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print one JSON list of rows")
    parser.add_argument("--cards", type=int, default=100_000)
    parser.add_argument("--reviews", type=int, default=1_000_000)
    options = parser.parse_args()
    rows = measure(options.cards, options.reviews)
    if options.json:
        print(json.dumps(rows, ensure_ascii=False))
        return
    width = max(len(r["what"]) for r in rows)
    for r in rows:
        mark = "ok" if r["ok"] else "SLOW"
        print(
            f"{r['what']:<{width}}  {r['deckard']:>9} {r['unit']:<5}  target {r['target']}  {mark}"
        )


if __name__ == "__main__":
    main()
