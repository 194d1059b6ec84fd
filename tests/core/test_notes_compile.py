"""The compiler as a whole: ids, coverage, line endings, encodings, and what it never does."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.notes import compile_notes, compile_with_report
from app.core.textfile import read_text

NOTES = (
    "## Dockerfile配置指令\n"
    "\tcopy\n"
    "\t\tCOPY [--chown=<user>:<group>] <源路径>... <目标路径>\n"
    "\tuser 指定当前用户\n"
    "> 容器启动\n"
    "\tdocker run \t\t# 新建并启动\n"
)


def by_question(cards):
    return {card.question: card for card in cards}


def test_ids_are_short_readable_and_unique():
    cards = compile_notes(NOTES, deck="Docker")
    assert len(cards) == 5
    assert all(re.fullmatch(r"docker-[0-9a-f]{10}", card.id) for card in cards)
    assert len({card.id for card in cards}) == len(cards)


def test_editing_an_answer_keeps_the_id():
    before = by_question(compile_notes(NOTES, deck="Docker"))
    edited = NOTES.replace("指定当前用户", "指定运行时的用户").replace(
        "新建并启动", "新建容器并启动"
    )
    after = by_question(compile_notes(edited, deck="Docker"))
    copy = "Dockerfile配置指令 › `copy` 怎么用？"
    run = "Dockerfile配置指令 › 容器启动 › `docker run` 的作用是什么？"
    assert after[copy].id == before[copy].id
    assert after[run].id == before[run].id
    assert after[run].answer == "新建容器并启动"


def test_moving_a_block_keeps_ids_but_changes_source_lines():
    moved = "## 其他\n\tnexus 3.x\n\n" + NOTES
    before = compile_notes(NOTES, deck="Docker")
    after = compile_notes(moved, deck="Docker")
    assert {c.id for c in before} <= {c.id for c in after}
    line_of = {c.id: c.source_line for c in after}
    assert all(line_of[c.id] == c.source_line + 3 for c in before)


def test_editing_a_question_gives_a_new_id():
    before = {c.id for c in compile_notes(NOTES, deck="Docker")}
    after = compile_notes(NOTES.replace("\tcopy\n", "\tcopy指令\n"), deck="Docker")
    changed = [c for c in after if "copy指令" in c.question]
    assert changed and changed[0].id not in before


def test_ids_depend_on_the_deck():
    one = compile_notes(NOTES, deck="Docker")
    other = compile_notes(NOTES, deck="Containers")
    assert {c.id for c in one}.isdisjoint({c.id for c in other})
    assert all(c.deck == "Containers" for c in other)


def test_tags_name_the_top_section_and_lines_point_at_the_item():
    cards = by_question(compile_notes(NOTES, deck="Docker"))
    copy = cards["Dockerfile配置指令 › `copy` 怎么用？"]
    assert copy.tags == ("Dockerfile配置指令",)
    assert copy.source_line == 2


def test_crlf_bom_and_trailing_spaces_change_nothing():
    messy = "\ufeff" + NOTES.replace("\n", "  \t\r\n")
    assert compile_notes(messy, deck="Docker") == compile_notes(NOTES, deck="Docker")


def test_gb18030_notes_compile_like_utf8(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_bytes(NOTES.encode("gb18030"))
    assert compile_notes(read_text(path), deck="Docker") == compile_notes(NOTES, deck="Docker")


def test_empty_sections_are_reported_not_counted():
    notes = "## 空的\n\n## 基础\n\t区分镜像：id和摘要\n## 也是空的\n"
    cards, report = compile_with_report(notes, deck="Docker")
    assert [c.question for c in cards] == ["基础 › 区分镜像：？"]
    assert report.coverage == 1.0
    assert report.empty_sections == ((1, "## 空的"), (5, "## 也是空的"))


def test_a_heading_over_deeper_headings_is_not_empty():
    notes = "# Docker\n## 基础\n\t区分镜像：id和摘要\n"
    cards, report = compile_with_report(notes, deck="Docker")
    assert cards[0].question == "Docker › 基础 › 区分镜像：？"
    assert report.empty_sections == ()
    assert report.covered_lines == report.content_lines == 3


def test_a_question_with_nothing_under_it_is_reported_as_left_out():
    notes = "## 原理\n\t为什么分层？\n"
    cards, report = compile_with_report(notes, deck="Docker")
    assert cards == []
    assert report.missed == ((1, "## 原理"), (2, "为什么分层？"))
    assert report.covered_lines == 0 and report.content_lines == 2


_piece = st.sampled_from([*"ab 中文：:#?？>\t-1.`<*", "docker ", "run ", "  # ", "```"])
_line = st.lists(_piece, min_size=1, max_size=12).map("".join)


@settings(max_examples=80, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 3), _line), min_size=1, max_size=25))
def test_any_notes_give_cards_without_empty_sides_or_repeats(rows):
    notes = "\n".join("\t" * depth + text for depth, text in rows)
    cards, report = compile_with_report(notes, deck="T")
    assert all(card.question.strip() and card.answer.strip() for card in cards)
    assert len({card.question for card in cards}) == len(cards)
    assert len({card.id for card in cards}) == len(cards)
    assert 0 <= report.covered_lines <= report.content_lines
