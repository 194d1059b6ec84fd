"""Benchmark: compiling notes into cards.

Compiles the built-in Docker notes, then generated notes in the same style (chapters, sections,
sub-sections, `key：value`, `command  # meaning`, named items, numbered steps, nested commands,
fenced code) at 1, 5 and 10 MB. The compiler must stay linear: 10 MB in about 2 s at most.
Large notes compile in parts on all cores, so the CPU rows count the worker processes too
(the sum over the cores, more than the wall time when the cores work at once).

Each generated size is written to a file and timed as `deckard compile` runs it: reading the file
(decoding, line ends) and compiling it with its coverage report. Writing the result is timed
apart at 10 MB, as the Markdown deck and as `--json`. The generated notes give about as many
cards per KB as the built-in notes do (a row says so), so the benchmark is not made easier by
being sparse.

    python bench/bench_compile.py          # a table
    python bench/bench_compile.py --json   # one JSON list of rows
"""

from __future__ import annotations

import json
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

try:
    import resource
except ImportError:  # Windows: no worker processes there either
    resource = None  # type: ignore[assignment]

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app.core.deckfile import write_deck  # noqa: E402
from app.core.notes import compile_notes, compile_with_report  # noqa: E402
from app.core.notes_io import cards_to_json  # noqa: E402
from app.core.textfile import read_text  # noqa: E402

SEED = ROOT / "decks" / "docker" / "docker.notes.txt"
WORDS = [
    "镜像",
    "容器",
    "仓库",
    "网络",
    "存储",
    "构建",
    "运行",
    "删除",
    "导出",
    "导入",
    "日志",
    "端口",
    "用户",
    "目录",
    "服务",
    "配置",
]
COMMANDS = [
    "run",
    "start",
    "stop",
    "rm",
    "ls",
    "logs",
    "exec",
    "export",
    "import",
    "pull",
    "push",
    "build",
    "tag",
    "inspect",
]


def generate_notes(size_bytes: int, seed: int = 0) -> str:
    """Notes in the seed's style, about `size_bytes` of UTF-8."""
    rng = random.Random(seed)
    parts: list[str] = []
    total = 0
    section = 0
    while total < size_bytes:
        section += 1
        w = lambda: rng.choice(WORDS)  # noqa: E731
        c = lambda: rng.choice(COMMANDS)  # noqa: E731
        # Long notes are split into chapters: a `#` heading with nothing but `##` sections under it.
        chapter = f"# 第{section // 10 + 1}章 {w()}\n\n" if section % 10 == 1 else ""
        block = chapter + (
            f"## {w()}操作{section}\n\n"
            f"\t区分{w()}{section}：id和{w()}\n"
            f"\t1.拉取{w()}{section}\n\t2.运行{w()}{section}\n\t3.删除{w()} untagged和{section}\n"
            f"\t\t结合docker image ls {section} 删除\n"
            f"\t\tdocker image rm $(docker image ls -q {w()}{section})\n\n"
            f"\tcopy{section}\n\t\tCOPY [--chown=<user>:<group>] <源路径>... <目标路径>\n"
            f"\tuser{section} 指定当前{w()}用户\n"
            f"\tworkdir{section} <工作目录路径>，不存在会自动创建\n"
            f"\t\tRUN cd /app{section}\t\t\t# {w()}层1\n"
            f"> {w()}启动{section}\n"
            f"\tdocker {c()} {section}\t\t# 新建并启动{w()}\n"
            f"\tdocker container {c()} {section}\t## 启动已经终止{w()}\n"
            f"> 如何{w()}{section}\n"
            f"\t如何实现{w()}的修改和维护{section}？\n"
            f"\t\t使用Union FS将{section}层结合到一个{w()}中\n"
            f"\t```sh\n\tdocker {c()} -d {section}\n\n\techo done\n\t```\n"
            f"\t容器是独立运行的一个或一组应用{section}，以及它们的{w()}环境。\n\n"
        )
        parts.append(block)
        total += len(block.encode("utf-8"))
    return "".join(parts)


def cpu_seconds() -> float:
    """CPU time of this process and of the worker processes it has finished waiting for."""
    if resource is None:
        return time.process_time()
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


def timed(function, repeat: int) -> tuple[float, float, object]:
    """Median wall and CPU seconds of `repeat` runs, and the last result.

    CPU time is reported too because wall time on a shared machine also measures its neighbours;
    it includes the worker processes large notes are compiled in, so it is the work done on all
    cores together.
    """
    walls, cpus = [], []
    result = None
    for _ in range(repeat):
        wall, cpu = time.perf_counter(), cpu_seconds()
        result = function()
        walls.append(time.perf_counter() - wall)
        cpus.append(cpu_seconds() - cpu)
    return statistics.median(walls), statistics.median(cpus), result


def main() -> None:
    as_json = "--json" in sys.argv[1:]
    rows = []
    seed_text = read_text(SEED)
    wall, cpu, cards = timed(lambda: compile_notes(seed_text, deck="Docker"), repeat=20)
    for kind, seconds in (("wall", wall), ("CPU", cpu)):
        rows.append(
            {
                "what": f"compile the built-in notes, {len(cards)} cards ({kind})",
                "target": "< 50 ms",
                "deckard": round(seconds * 1000, 2),
                "anki": None,
                "unit": "ms",
                "ok": seconds < 0.05,
            }
        )
    seed_density = len(cards) / (len(seed_text.encode("utf-8")) / 1000)
    cpu_per_mb = {}
    with tempfile.TemporaryDirectory() as folder:
        for megabytes in (1, 5, 10):
            path = Path(folder) / f"gen{megabytes}.notes.txt"
            path.write_text(generate_notes(megabytes * 1_000_000), encoding="utf-8")
            wall, cpu, (cards, _) = timed(
                lambda path=path: compile_with_report(read_text(path), deck="Gen"), repeat=1
            )
            cpu_per_mb[megabytes] = cpu / megabytes
            for kind, seconds in (("wall", wall), ("CPU", cpu)):
                # The target is the time a user waits (wall, on all cores); the CPU time, summed
                # over the cores, is shown beside it as the steadier measure of the work done.
                target = megabytes == 10 and kind == "wall"
                rows.append(
                    {
                        "what": f"read and compile {megabytes} MB of notes, {len(cards)} cards "
                        f"({kind})",
                        "target": "<= 2 s" if target else ("-" if megabytes == 10 else "linear"),
                        "deckard": round(seconds, 3),
                        "anki": None,
                        "unit": "s",
                        "ok": seconds <= 2.0 if target else True,
                    }
                )
        wall, cpu, _ = timed(lambda: read_text(path), repeat=3)
        rows.append(
            {
                "what": "of which reading the 10 MB file (CPU)",
                "target": "-",
                "deckard": round(cpu, 3),
                "anki": None,
                "unit": "s",
                "ok": True,
            }
        )
    for what, write in (
        ("Markdown deck", lambda: write_deck(cards, deck="Gen")),
        ("--json", lambda: cards_to_json("Gen", cards)),
    ):
        wall, cpu, _ = timed(write, repeat=1)
        rows.append(
            {
                "what": f"then writing the 10 MB result as the {what} (CPU)",
                "target": "-",
                "deckard": round(cpu, 3),
                "anki": None,
                "unit": "s",
                "ok": True,
            }
        )
    density = len(cards) / 10_000 / seed_density
    rows.append(
        {
            "what": "cards per KB, generated notes / built-in notes",
            "target": "0.8 to 1.25",
            "deckard": round(density, 2),
            "anki": None,
            "unit": "ratio",
            "ok": 0.8 <= density <= 1.25,
        }
    )
    ratio = cpu_per_mb[10] / cpu_per_mb[1]
    rows.append(
        {
            "what": "CPU time per MB at 10 MB / at 1 MB",
            "target": "<= 1.5 (linear)",
            "deckard": round(ratio, 2),
            "anki": None,
            "unit": "ratio",
            "ok": ratio <= 1.5,
        }
    )
    if as_json:
        print(json.dumps(rows, ensure_ascii=False))
        return
    width = max(len(row["what"]) for row in rows)
    print(f"{'what'.ljust(width)}  {'deckard':>10}  unit   target           ok")
    for row in rows:
        print(
            f"{row['what'].ljust(width)}  {row['deckard']:>10}  {row['unit']:<5}  "
            f"{row['target']:<15}  {'yes' if row['ok'] else 'NO'}"
        )


if __name__ == "__main__":
    main()
