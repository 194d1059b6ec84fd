"""The command line the benchmarks share: options, `--json`, and the Deckard-against-Anki table.

A benchmark passes its integer options, its `measure` function and, when its rows are not
Deckard-against-Anki times in seconds, its own table printer; `--json` always prints the rows
as one JSON list on stdout and nothing else (bench/run_all.py reads it).
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable


def run_main(
    doc: str,
    argv: list[str] | None,
    options: dict[str, int],
    measure: Callable[..., list[dict]],
    print_table: Callable[[list[dict]], int],
    *,
    ensure_ascii: bool = True,
) -> int:
    """Parse `--json` and `options` (flag -> default), measure, print; return the exit code.

    `measure` gets the option values in the order of `options`; `print_table` prints the human
    table and returns the exit code.
    """
    parser = argparse.ArgumentParser(description=doc.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print one JSON list of rows")
    for flag, default in options.items():
        parser.add_argument(flag, type=int, default=default)
    args = parser.parse_args(argv)
    rows = measure(*(getattr(args, flag.lstrip("-").replace("-", "_")) for flag in options))
    if args.json:
        print(json.dumps(rows, ensure_ascii=ensure_ascii))
        return 0
    return print_table(rows)


def anki_table(decimals: int) -> Callable[[list[dict]], int]:
    """A printer for rows timing Deckard against Anki in seconds, with `decimals` places."""

    def print_table(rows: list[dict]) -> int:
        width = max(len(r["what"]) for r in rows)
        print(f"{'what':<{width}}  {'Deckard':>9}  {'Anki':>9}  {'ratio':>6}  target")
        for r in rows:
            anki = "—" if r["anki"] is None else f"{r['anki']:.{decimals}f} s"
            ratio = "—" if r["anki"] is None else f"{r['deckard'] / r['anki']:.2f}"
            print(
                f"{r['what']:<{width}}  {r['deckard']:>7.{decimals}f} s  {anki:>9}  {ratio:>6}  "
                f"{r['target']}{'' if r['ok'] else '  (missed)'}"
            )
        return 0

    return print_table
