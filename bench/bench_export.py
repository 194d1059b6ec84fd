"""Exporting 100,000 cards with 1,000,000 review rows to .apkg: Deckard against the `anki` library.

    python bench/bench_export.py [--json] [--cards N] [--reviews N]

The collection comes from `bench/generate.py` (`make_collection`, cached for the day). Timed, in
the same run:

- Deckard's `export_collection` to .apkg with scheduling and history (reading the collection,
  rendering every card side from Markdown to HTML, writing and zipping the package);
- the `anki` library exporting the same cards: Deckard's package is imported into a new Anki
  collection once, outside the timing, then `export_anki_package` (with scheduling, modern
  format) is timed;
- Deckard's Markdown and CSV exports of the same collection (no Anki counterpart).

Each figure is printed as wall-clock time and, on the row below it, as CPU time (all threads of
the process, so Anki's worker threads count too).

Target: Deckard's .apkg export takes less time than Anki's (ratio below 1). The CPU row is shown
without a target: Deckard's export uses both cores, so it spends more CPU time to take less time.
"""

from __future__ import annotations

import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def timed(run) -> tuple[float, float, object]:
    """Wall-clock and CPU seconds taken by `run()` (CPU: every thread of this process), and
    what it returned. The machine may be shared, so CPU time shows the work done even when the
    wall-clock time includes waiting for a core."""
    started, started_cpu = time.perf_counter(), time.process_time()
    value = run()
    return time.perf_counter() - started, time.process_time() - started_cpu, value


def measure(cards: int, reviews: int) -> list[dict]:
    # anki.collection must be imported before anything else from anki (circular imports).
    from anki.collection import (
        Collection as AnkiCollection,
    )
    from anki.collection import (
        ExportAnkiPackageOptions,
        ImportAnkiPackageOptions,
        ImportAnkiPackageRequest,
    )

    from app.core.collection import Collection
    from app.core.exporting import export_collection
    from bench.generate import make_collection

    with tempfile.TemporaryDirectory(prefix="bench-export-") as scratch:
        work = Path(scratch)
        path = make_collection(work / "bench.deckard", cards=cards, reviews=reviews)
        package = work / "deckard.apkg"
        with Collection.open(path) as collection:
            new_cards = collection.conn.execute(
                "SELECT COUNT(*) FROM cards WHERE due IS NULL"
            ).fetchone()[0]
            now = datetime.now(UTC)
            deckard_s, deckard_cpu, result = timed(
                lambda: export_collection(collection, package, now=now)
            )
            assert result.cards == cards and result.reviews == reviews, result
            markdown_s, markdown_cpu, _ = timed(
                lambda: export_collection(collection, work / "deck.md")
            )
            csv_s, csv_cpu, _ = timed(lambda: export_collection(collection, work / "deck.csv"))
        size_mb = package.stat().st_size / 1024**2

        anki = AnkiCollection(str(work / "anki.anki2"))
        try:
            request = ImportAnkiPackageRequest(
                package_path=str(package),
                options=ImportAnkiPackageOptions(with_scheduling=True, merge_notetypes=True),
            )
            log = anki.import_anki_package(request).log
            # Both sides export the same thing: every card, its scheduling and its history.
            assert len(log.new) == cards, len(log.new)
            assert anki.db.scalar("SELECT COUNT(*) FROM revlog") == reviews
            studied = anki.db.scalar("SELECT COUNT(*) FROM cards WHERE type = 2")
            assert studied == result.cards - new_cards, (studied, new_cards)
            options = ExportAnkiPackageOptions(
                with_scheduling=True, with_deck_configs=True, with_media=True, legacy=False
            )
            anki_s, anki_cpu, _ = timed(
                lambda: anki.export_anki_package(
                    out_path=str(work / "anki.apkg"), options=options, limit=None
                )
            )
        finally:
            anki.close()

    what = f"{cards:,} cards, {reviews:,} reviews"
    return [
        row(f"export .apkg ({what}, {size_mb:.0f} MB)", "ratio < 1", deckard_s, anki_s),
        row("  export .apkg, CPU time (both cores)", "—", deckard_cpu, anki_cpu),
        row(f"export Markdown deck ({what})", "—", markdown_s, None),
        row("  export Markdown deck, CPU time", "—", markdown_cpu, None),
        row(f"export CSV ({what})", "—", csv_s, None),
        row("  export CSV, CPU time", "—", csv_cpu, None),
    ]


def row(what: str, target: str, deckard_s: float, anki_s: float | None) -> dict:
    return {
        "what": what,
        "target": target,
        "deckard": round(deckard_s, 3),
        "anki": None if anki_s is None else round(anki_s, 3),
        "unit": "s",
        "ok": target != "ratio < 1" or anki_s is None or deckard_s < anki_s,
    }


def main(argv: list[str] | None = None) -> int:
    from bench._report import anki_table, run_main

    options = {"--cards": 100_000, "--reviews": 1_000_000}
    return run_main(__doc__, argv, options, measure, anki_table(decimals=2))


if __name__ == "__main__":
    sys.exit(main())
