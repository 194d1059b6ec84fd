"""Card browser and statistics speed on a large collection (100,000 cards, 1,000,000 reviews).

    python bench/bench_browser.py [--json] [--cards N] [--reviews N]

Measured in process, headless (QT_QPA_PLATFORM=offscreen), on bench/generate.py's collection:
- opening the browser: building the window, running the empty search over every card (ids
  sorted by due day in SQL), fetching the first rows and painting the window once;
- a search: the query compiled, run and sorted in SQL, and the table reset with its first rows,
  for typical queries of each kind (text, deck, tag, state, property, date);
- sorting every card by question (a click on the column header);
- opening the statistics window until every number is computed (in its worker thread) and
  every plot painted.
Each figure is the median of several runs after one warm-up run. `--json` prints one JSON list
of rows on stdout and nothing else.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

RUNS = 7
QUERIES = [
    ("text", "kernel"),
    ("Chinese text", "容器"),
    ("deck", "deck:Docker"),
    ("tag", "tag:leech"),
    ("state", "is:due"),
    ("property", "prop:ivl>30"),
    ("date", "rated:7"),
    ("combined", "deck:Programming (is:due or prop:lapses>2) -is:suspended"),
]


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


CPU_MS: dict[str, float] = {}  # what -> median CPU time, printed beside the wall time


def median_ms(
    action: Callable[[], object],
    runs: int = RUNS,
    after: Callable[[], object] | None = None,
) -> tuple[float, float]:
    """Median wall and CPU time of `action` in milliseconds, after one warm-up call.

    `after`, when given, runs untimed after each call (closing what the action opened).

    The CPU time (this process, all threads) shows the work itself; on a busy machine the
    wall time also counts waiting for a core.
    """
    action()
    if after is not None:
        after()
    wall, cpu = [], []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        action()
        wall.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
        if after is not None:
            after()
    return statistics.median(wall), statistics.median(cpu)


def row(what: str, target_ms: float, measured: tuple[float, float]) -> dict:
    wall, cpu = measured
    CPU_MS[what] = cpu
    return {
        "what": what,
        "target": f"≤ {target_ms:g} ms",
        "deckard": round(wall, 1),
        "anki": None,
        "unit": "ms",
        "ok": wall <= target_ms,
    }


def measure(cards: int, reviews: int) -> list[dict]:
    from PySide6.QtCore import QEventLoop, QSettings, Qt
    from PySide6.QtWidgets import QApplication

    from app.core.collection import Collection
    from app.gui.browser import BrowserWindow
    from app.gui.stats_window import StatsWindow
    from bench.generate import make_collection

    app = QApplication.instance() or QApplication(sys.argv[:1])
    rows: list[dict] = []
    with tempfile.TemporaryDirectory(prefix="deckard-bench-browser-") as folder:
        work = Path(folder)
        log(f"building a collection of {cards:,} cards and {reviews:,} reviews…")
        path = make_collection(work / "bench.deckard", cards=cards, reviews=reviews)
        settings = QSettings(str(work / "settings.ini"), QSettings.Format.IniFormat)
        with Collection.open(path) as collection:
            opened: list[BrowserWindow] = []

            def open_browser() -> None:
                window = BrowserWindow(collection, settings=settings)
                window.show()
                app.processEvents()
                window.repaint()
                opened.append(window)

            def close_browser() -> None:
                window = opened.pop()
                window.close()
                window.deleteLater()
                app.processEvents()

            log("opening the browser…")
            open_times = median_ms(open_browser, after=close_browser)
            size = f"{cards // 1000}k cards" if cards >= 1000 else f"{cards} cards"
            rows.append(row(f"browser opens ({size})", 300, open_times))

            open_browser()
            browser = opened[-1]
            for kind, query in QUERIES:
                log(f"searching {query!r}…")
                took = median_ms(lambda q=query: browser.model.search(q))
                found = browser.model.match_count()
                rows.append(row(f"browser search, {kind}: {query} ({found:,} found)", 100, took))

            log("sorting by question…")
            browser.model.search("")
            column = browser.model.COLUMNS.index("question")
            orders = [Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder]

            def click_header() -> None:
                orders.reverse()  # each click flips the order, as on the real header
                browser.model.sort(column, orders[0])

            took = median_ms(click_header, runs=4)
            rows.append(row(f"browser sort all by question ({size})", 300, took))
            browser.close()

            log("opening the statistics window…")

            def open_stats() -> None:
                window = StatsWindow(collection)
                loop = QEventLoop()
                window.updated.connect(loop.quit)
                window.show()
                loop.exec()  # until the numbers are computed and every plot shows them
                window.repaint()
                window.close()
                window.deleteLater()

            took = median_ms(open_stats, runs=3)
            rows.append(
                row(f"statistics window opens ({size}, {reviews // 1000}k reviews)", 1500, took)
            )
    return rows


def print_table(rows: list[dict]) -> int:
    width = max(len(r["what"]) for r in rows)
    print(f"{'what':<{width}}  {'target':>10}  {'Deckard':>10}  {'(CPU)':>10}  ok")
    for r in rows:
        print(
            f"{r['what']:<{width}}  {r['target']:>10}  {r['deckard']:>7.1f} ms  "
            f"{CPU_MS[r['what']]:>7.1f} ms  {'yes' if r['ok'] else 'NO'}"
        )
    return 0 if all(r["ok"] for r in rows) else 1


def main(argv: list[str] | None = None) -> int:
    from bench._report import run_main

    options = {"--cards": 100_000, "--reviews": 1_000_000}
    return run_main(__doc__, argv, options, measure, print_table, ensure_ascii=False)


if __name__ == "__main__":
    sys.exit(main())
