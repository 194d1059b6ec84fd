"""Large notes compile in parts on several cores, and give exactly what one pass gives."""

from __future__ import annotations

import multiprocessing
import threading

import pytest

from app.core import forking, notes_split
from app.core.notes import compile_with_report
from app.core.notes_split import part_bounds

BLOCK = (
    "# 第{n}章\n"
    "## 基础操作{n}\n"
    "\t区分镜像：id和摘要{n}\n"
    "\t1.拉取镜像\n\t2.运行镜像\n\t3.删除镜像\n"
    "\tuser 指定当前用户{n}\n"
    "> 容器启动{n}\n"
    "\tdocker run {n}\t\t# 新建并启动\n"
)


def cuts(text: str) -> list[int]:
    """The first line numbers of the parts `text` may be cut into (every place allowed)."""
    return [line for _, _, line in part_bounds(text, 1)]


def test_parts_start_at_headings_that_close_all_headings_above():
    notes = "# A\n\tx：1\n## B\n\ty：2\n# C\n\tz：3\n"
    assert cuts(notes) == [1, 5]
    bounds = part_bounds(notes, 1)
    assert "".join(notes[start:end] for start, end, _ in bounds) == notes


def test_no_cut_inside_a_fenced_block():
    notes = "# A\n```\n# not a heading\n```\n# B\n\tx：1\n# C\n```\n# D\n"
    assert cuts(notes) == [1, 5, 7]


def test_no_cut_between_two_places_a_title_starts_a_path():
    # Both `# A` sections continue one path, whose first heading line is remembered.
    notes = "# A\n\tx：1\n# B\n\ty：2\n# A\n\tz：3\n# C\n\tw：4\n"
    assert cuts(notes) == [1, 7]
    # A `>` line before any heading starts a path too.
    assert cuts("> B\n\tv：0\n" + notes) == [1, 9]


def test_headings_under_a_higher_one_are_not_cuts():
    notes = "## A\n\tx：1\n# B\n## C\n\ty：2\n## D\n"
    assert cuts(notes) == [1, 3]


@pytest.mark.parametrize(
    "notes",
    [
        "".join(BLOCK.format(n=n) for n in range(40)),
        # Questions asked again in later parts join the first card asking them.
        "".join(f"# 章{n}\n## 基础\n\t端口：{n % 3}\n\tuser 指定当前用户\n" for n in range(30)),
        # Repeated titles, a fence across headings, an unclosed fence at the end.
        "".join(BLOCK.format(n=n % 4) for n in range(12))
        + "```\n# 不是标题\n```\n"
        + "".join(BLOCK.format(n=n) for n in range(20, 30))
        + "\t```\n# 还在代码里\n",
        # Empty sections, and sub-sections with nothing under them.
        "".join(f"# 空{n}\n\n# 章{n}\n> manifest 构建多种系统的docker镜像{n}\n" for n in range(25)),
        # Two lists in a section starting alike: their cards' ids collide, and the later one's
        # id is derived from its key.
        "".join(
            f"# 章{n}\n## 基础\n\t1.拉取镜像\n\t2.运行镜像\n\t端口：{n}\n"
            "\t1.拉取镜像\n\t2.运行镜像\n\t3.删除镜像\n"
            for n in range(30)
        ),
    ],
    ids=[
        "chapters",
        "repeated questions",
        "repeated titles and fences",
        "empty sections",
        "colliding ids",
    ],
)
@pytest.mark.skipif(
    "fork" not in multiprocessing.get_all_start_methods(), reason="no worker processes here"
)
def test_compiling_in_parts_gives_what_one_pass_gives(notes, monkeypatch):
    whole = compile_with_report(notes, deck="Docker")
    monkeypatch.setattr(notes_split, "PARALLEL_MIN_CHARS", 1)
    monkeypatch.setattr(notes_split, "PART_CHARS", 50)
    monkeypatch.setattr(forking, "worker_count", lambda: 1)
    assert len(notes_split.parallel_parts(notes)[0]) > 3
    assert compile_with_report(notes, deck="Docker") == whole


def test_a_background_thread_compiles_in_process():
    notes = "".join(f"# 章{n}\n## 基础\n\t端口：{n % 3}\n" for n in range(30))
    found: list[tuple] = []
    thread = threading.Thread(target=lambda: found.append(notes_split.parallel_parts(notes * 300)))
    thread.start()
    thread.join()
    assert found == [([], 0)]
