"""Run every benchmark in bench/ and print one Markdown table of the results, with the machine.

    python bench/run_all.py [--markdown-out FILE] [--only WORD] [--timeout SECONDS]

Each `bench/bench_*.py` runs in its own Python process with `--json` (so one benchmark's
memory and imports never colour another's figures) and prints one JSON list of rows:
`{"what", "target", "deckard", "anki", "unit", "ok"}`. The table gives Deckard's figure, Anki's
where the benchmark timed the same work with the `anki` library in the same run, and their
ratio (Deckard ÷ Anki: below 1 means Deckard used less time or memory). A benchmark that
crashes, times out or prints something else shows as a failed row, and the exit status is 1.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
ROOT = BENCH_DIR.parent
ROW_KEYS = {"what", "target", "deckard", "anki", "unit", "ok"}


@dataclass
class BenchRun:
    """What one benchmark script produced."""

    script: str
    seconds: float
    rows: list[dict]
    error: str | None = None


def discover(only: str | None = None) -> list[Path]:
    """The benchmark scripts, in name order; `only` keeps those whose name contains it."""
    scripts = sorted(BENCH_DIR.glob("bench_*.py"))
    return [path for path in scripts if only is None or only in path.name]


def parse_rows(stdout: str) -> list[dict]:
    """The rows a benchmark printed; ValueError saying what is wrong with them."""
    try:
        rows = json.loads(stdout)
    except json.JSONDecodeError as error:
        raise ValueError(f"stdout is not one JSON document ({error.msg})") from None
    if not isinstance(rows, list) or not rows:
        raise ValueError("stdout is not a non-empty JSON list")
    for index, row in enumerate(rows):
        if not isinstance(row, dict) or not set(row) >= ROW_KEYS:
            missing = sorted(ROW_KEYS - set(row)) if isinstance(row, dict) else sorted(ROW_KEYS)
            raise ValueError(f"row {index} lacks {', '.join(missing)}")
        if not isinstance(row["deckard"], int | float):
            raise ValueError(f"row {index}: 'deckard' is not a number")
    return rows


def run_one(script: Path, timeout: float) -> BenchRun:
    """Run one benchmark with --json in its own process and collect its rows."""
    started = time.perf_counter()
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    try:
        result = subprocess.run(
            [sys.executable, str(script), "--json"],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return BenchRun(script.name, time.perf_counter() - started, [], f"timed out ({timeout} s)")
    seconds = time.perf_counter() - started
    if result.returncode != 0:
        last = (result.stderr.strip().splitlines() or ["no output on stderr"])[-1]
        return BenchRun(script.name, seconds, [], f"exit status {result.returncode}: {last}")
    try:
        return BenchRun(script.name, seconds, parse_rows(result.stdout))
    except ValueError as error:
        return BenchRun(script.name, seconds, [], str(error))


def format_value(value: float | None, unit: str) -> str:
    """A figure with its unit and sensible precision, or a dash when there is none."""
    if value is None:
        return "—"
    if unit == "ratio":
        return f"{value:.2f}×"
    magnitude = abs(value)
    digits = 0 if magnitude >= 100 else 1 if magnitude >= 10 else 2 if magnitude >= 0.1 else 3
    return f"{value:,.{digits}f} {unit}"


def ratio(row: dict) -> str:
    """Deckard's figure divided by Anki's, when both measured the same quantity."""
    anki = row.get("anki")
    if anki is None or row["unit"] == "ratio" or not anki:
        return "—"
    return f"{row['deckard'] / anki:.2f}"


def results_table(runs: list[BenchRun]) -> str:
    """The Markdown table of every row, failed benchmarks included."""
    lines = [
        "| benchmark | what was measured | target | Deckard | Anki | Deckard ÷ Anki | ok |",
        "|---|---|---|---:|---:|---:|:---:|",
    ]
    for run in runs:
        name = run.script.removeprefix("bench_").removesuffix(".py")
        if run.error:
            lines.append(f"| {name} | did not run: {run.error} | | | | | ✗ |")
            continue
        for row in run.rows:
            cells = [
                name,
                str(row["what"]),
                str(row["target"]),
                format_value(row["deckard"], row["unit"]),
                format_value(row.get("anki"), row["unit"]),
                ratio(row),
                "✓" if row["ok"] else "✗",
            ]
            lines.append("| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |")
    return "\n".join(lines)


def cpu_model() -> str:
    """The CPU's marketing name from /proc/cpuinfo (or what the platform module knows)."""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def memory_total() -> str:
    """Installed RAM in GiB, from /proc/meminfo."""
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
    except OSError:
        pass
    return "unknown"


def os_name() -> str:
    """The distribution's pretty name and the kernel release."""
    pretty = platform.system()
    try:
        for line in Path("/etc/os-release").read_text().splitlines():
            if line.startswith("PRETTY_NAME="):
                pretty = line.split("=", 1)[1].strip().strip('"')
    except OSError:
        pass
    return f"{pretty}, kernel {platform.release()}"


def library_versions() -> str:
    """Versions of the libraries the figures depend on."""
    from importlib import metadata

    parts = []
    for name in ("PySide6-Essentials", "sqlite-utils", "anki"):
        try:
            parts.append(f"{name} {metadata.version(name)}")
        except metadata.PackageNotFoundError:
            continue
    import sqlite3

    parts.append(f"SQLite {sqlite3.sqlite_version}")
    return ", ".join(parts)


def load_average() -> str:
    """The 1-minute load average: above the core count, other work was competing for the CPU."""
    try:
        return f"{os.getloadavg()[0]:.1f}"
    except OSError:
        return "unknown"


def machine_table(load_before: str, load_after: str) -> str:
    """The machine the benchmarks ran on, as a small Markdown table."""
    rows = [
        ("CPU", cpu_model()),
        ("cores", str(os.cpu_count())),
        ("RAM", memory_total()),
        ("OS", os_name()),
        ("Python", f"{platform.python_implementation()} {platform.python_version()}"),
        ("libraries", library_versions()),
        ("load average (1 min) before / after", f"{load_before} / {load_after}"),
        ("date", datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")),
    ]
    lines = ["| machine | |", "|---|---|"]
    lines += [f"| {key} | {value} |" for key, value in rows]
    return "\n".join(lines)


def report(runs: list[BenchRun], load_before: str) -> str:
    """Results table, then the machine table."""
    total = sum(run.seconds for run in runs)
    return (
        results_table(runs)
        + "\n\n"
        + machine_table(load_before, load_average())
        + f"\n\n{len(runs)} benchmark scripts, {total:.0f} s in all.\n"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--markdown-out", type=Path, help="also write the report to this file")
    parser.add_argument("--only", help="run only the benchmarks whose file name contains this")
    parser.add_argument(
        "--timeout", type=float, default=600, help="seconds one benchmark may take (default 600)"
    )
    args = parser.parse_args(argv)

    scripts = discover(args.only)
    if not scripts:
        print("run_all: no benchmark scripts matched", file=sys.stderr)
        return 1
    load_before = load_average()
    runs = []
    for script in scripts:
        print(f"running {script.name} ...", file=sys.stderr, flush=True)
        run = run_one(script, args.timeout)
        outcome = f"failed: {run.error}" if run.error else f"{len(run.rows)} rows"
        print(f"  {run.seconds:.1f} s, {outcome}", file=sys.stderr, flush=True)
        runs.append(run)

    text = report(runs, load_before)
    print(text)
    if args.markdown_out:
        args.markdown_out.write_text(text, encoding="utf-8")
    return 1 if any(run.error for run in runs) else 0


if __name__ == "__main__":
    sys.exit(main())
