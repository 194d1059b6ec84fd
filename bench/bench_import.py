"""Importing a 10,000-note Anki package: Deckard against the `anki` library, in the same run.

    python bench/bench_import.py [--json] [--notes N] [--repeat N]

The package is made by Anki itself (a modern .apkg: zstd collection, schema 18): Basic notes with
some HTML, a tenth of them Cloze notes with two deletions, a third of the cards in review with
intervals, and 50 small media files. Timed, best of `--repeat` runs each, on a new collection:

- Deckard reading the package (`read_batch`: unzip, SQLite, templates, sanitizing);
- Deckard's full import (`Collection.import_file`: reading plus merging in one transaction);
- Anki's `import_anki_package` of the same file into a new Anki collection;
- both importing the same package a second time (everything already there).

Deckard's and Anki's runs take turns (Deckard, Anki, Deckard, Anki, ...), so that the two
sides of each ratio meet the machine in the same state.

Target: Deckard's full import takes less time than Anki's (ratio below 1). The CPU time of
the same runs (all threads, and the worker processes Deckard forks to convert cards) is printed
too: on a busy machine it says more about the work done than the wall-clock time.
"""

from __future__ import annotations

import os
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def build_package(path: Path, work: Path, notes: int) -> int:
    """Export an .apkg with `notes` notes from a new Anki collection; returns its card count."""
    import anki.collection  # noqa: F401  (before anki.cards)
    from anki.collection import AddNoteRequest, Collection, ExportAnkiPackageOptions

    collection = Collection(str(work / "source.anki2"))
    try:
        basic = collection.models.by_name("Basic")
        cloze = collection.models.by_name("Cloze")
        requests = []
        for index in range(notes):
            deck_id = collection.decks.id(f"Bench::Chapter {index % 10}")
            if index % 10 == 9:
                note = collection.new_note(cloze)
                note["Text"] = (
                    f"{{{{c1::docker run::command}}}} starts container {index};"
                    f" {{{{c2::-p {index % 9000 + 1000}:80}}}} publishes a port"
                )
            else:
                note = collection.new_note(basic)
                note["Front"] = (
                    f"<b>Question {index}</b>: what does <code>docker run -p"
                    f" {index % 9000 + 1000}:80 nginx</code> publish? 问题 {index}"
                )
                # Every hundredth note shows a figure: 100 notes share the 50 files.
                image = f'<img src="figure{index // 100 % 50}.png">' if index % 100 == 0 else ""
                note["Back"] = (
                    f"Container port 80 on host port {index % 9000 + 1000}; the answer to"
                    f" card {index} has a little more text, 答案 {index}.{image}"
                )
            note.tags = [f"chapter{index % 40}", "bench"]
            requests.append(AddNoteRequest(note=note, deck_id=deck_id))
        collection.add_notes(requests)
        for index in range(50):
            figure = work / f"figure{index}.png"
            figure.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes([index]) * 2000)
            collection.media.add_file(str(figure))
        card_ids = list(collection.find_cards("deck:Bench"))
        collection.sched.set_due_date(card_ids[: len(card_ids) // 3], "1-30!")
        options = ExportAnkiPackageOptions(
            with_scheduling=True, with_deck_configs=False, with_media=True, legacy=False
        )
        collection.export_anki_package(out_path=str(path), options=options, limit=None)
        return len(card_ids)
    finally:
        collection.close()


CPU_SECONDS: dict[str, float] = {}


def cpu_seconds() -> float:
    """CPU time used so far by this process's threads and by its finished worker processes."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


def best_of(repeat: int, run, label: str = "") -> float:
    """The fastest of `repeat` runs of `run(attempt)`, in seconds (the least CPU time used by
    one run, worker processes included, goes to CPU_SECONDS[label])."""
    return best_of_each(repeat, {label: run})[label]


def best_of_each(repeat: int, runs: dict) -> dict[str, float]:
    """`best_of` for several runs (label -> `run(attempt)`), taken in turn: attempt 0 of each,
    then attempt 1 of each, and so on, so that runs compared in a ratio meet the machine in
    the same state (its speed drifts from minute to minute)."""
    times: dict[str, list[float]] = {label: [] for label in runs}
    cpu: dict[str, list[float]] = {label: [] for label in runs}
    for attempt in range(repeat):
        for label, run in runs.items():
            started, started_cpu = time.perf_counter(), cpu_seconds()
            run(attempt)
            times[label].append(time.perf_counter() - started)
            cpu[label].append(cpu_seconds() - started_cpu)
    for label in runs:
        CPU_SECONDS[label] = min(cpu[label])
    return {label: min(values) for label, values in times.items()}


def measure(notes: int, repeat: int) -> list[dict]:
    from anki.collection import (
        Collection as AnkiCollection,
    )
    from anki.collection import (
        ImportAnkiPackageOptions,
        ImportAnkiPackageRequest,
    )

    from app.core.collection import Collection
    from app.core.importing import read_batch

    with tempfile.TemporaryDirectory(prefix="bench-import-") as scratch:
        work = Path(scratch)
        package = work / "bench.apkg"
        cards = build_package(package, work, notes)
        # What building the package wrote goes to disk now, not 30 s later in the middle of
        # a timed import, where it would slow the import's sync.
        os.sync()

        def deckard_read(_attempt: int) -> None:
            batch = read_batch(package)
            assert len(batch.cards) == cards, (len(batch.cards), cards)

        def deckard_import(attempt: int, again: bool = False) -> None:
            with Collection.open(work / f"d{attempt}.deckard", import_builtin=False) as col:
                result = col.import_file(package)
                expected = 0 if again else cards
                assert len(result.added) == expected, (len(result.added), expected)

        def anki_import(attempt: int, again: bool = False) -> None:
            col = AnkiCollection(str(work / f"a{attempt}.anki2"))
            try:
                request = ImportAnkiPackageRequest(
                    package_path=str(package),
                    options=ImportAnkiPackageOptions(with_scheduling=True, merge_notetypes=True),
                )
                log = col.import_anki_package(request).log
                expected = 0 if again else notes
                assert len(log.new) == expected, (len(log.new), expected)
            finally:
                col.close()

        read_s = best_of(repeat, deckard_read, "read")
        first = best_of_each(repeat, {"deckard": deckard_import, "anki": anki_import})
        # The collections from the runs above already hold the package: import it again.
        again = best_of_each(
            repeat,
            {
                "deckard again": lambda a: deckard_import(a, again=True),
                "anki again": lambda a: anki_import(a, again=True),
            },
        )
        deckard_s, anki_s = first["deckard"], first["anki"]
        deckard_again_s, anki_again_s = again["deckard again"], again["anki again"]
        size_mb = package.stat().st_size / 1024**2

    what = f"{notes:,} notes / {cards:,} cards, {size_mb:.1f} MB .apkg"
    cpu = CPU_SECONDS
    return [
        row(f"read package ({what})", "—", read_s, None),
        row(f"import into a new collection ({what})", "ratio < 1", deckard_s, anki_s),
        row(f"import the same package again ({what})", "ratio < 1", deckard_again_s, anki_again_s),
        row("  CPU time: read package", "—", cpu["read"], None),
        row("  CPU time: import into a new collection", "—", cpu["deckard"], cpu["anki"]),
        row(
            "  CPU time: import the same package again",
            "—",
            cpu["deckard again"],
            cpu["anki again"],
        ),
    ]


def row(what: str, target: str, deckard_s: float, anki_s: float | None) -> dict:
    ok = target == "—" or anki_s is None or deckard_s < anki_s
    return {
        "what": what,
        "target": target,
        "deckard": round(deckard_s, 4),
        "anki": None if anki_s is None else round(anki_s, 4),
        "unit": "s",
        "ok": ok,
    }


def main(argv: list[str] | None = None) -> int:
    from bench._report import anki_table, run_main

    options = {"--notes": 10_000, "--repeat": 3}
    return run_main(__doc__, argv, options, measure, anki_table(decimals=3))


if __name__ == "__main__":
    sys.exit(main())
