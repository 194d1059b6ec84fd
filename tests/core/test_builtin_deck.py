"""The built-in Docker deck: checked in, identical to a fresh compile of its notes, complete."""

from __future__ import annotations

from pathlib import Path

from app.core.deckfile import parse_deck
from app.core.notes import compile_with_report
from app.core.notes_io import compile_file, deck_name_for
from app.core.textfile import read_text

DECKS = Path(__file__).resolve().parents[2] / "decks" / "docker"
NOTES = DECKS / "docker.notes.txt"
DECK = DECKS / "docker.deck.md"


def test_checked_in_deck_is_a_fresh_compile_of_the_notes():
    fresh, _ = compile_file(NOTES)
    assert DECK.read_text(encoding="utf-8") == fresh, (
        "decks/docker/docker.deck.md is stale: run "
        "`deckard compile decks/docker/docker.notes.txt -o decks/docker/docker.deck.md`"
    )


def test_every_content_line_of_the_seed_is_on_a_card():
    cards, report = compile_with_report(read_text(NOTES), deck="Docker")
    assert report.missed == ()
    assert report.coverage == 1.0
    assert report.content_lines == 103
    assert len(cards) > 60


def test_the_deck_reads_back_as_the_compiled_cards():
    cards, _ = compile_with_report(read_text(NOTES), deck="Docker")
    assert parse_deck(DECK.read_text(encoding="utf-8")) == cards
    assert deck_name_for(NOTES) == "Docker"


def test_cards_a_learner_would_keep():
    cards = parse_deck(DECK.read_text(encoding="utf-8"))
    questions = [card.question for card in cards]
    assert len(set(questions)) == len(questions)
    assert all(card.answer.strip() and card.question.strip() for card in cards)
    by_question = {card.question: card.answer for card in cards}
    assert by_question["Dockerfile配置指令 › `copy` 怎么用？"] == (
        "```dockerfile\nCOPY [--chown=<user>:<group>] <源路径>... <目标路径>\n```"
    )
    assert by_question["操作docker容器 › 容器启动 › 新建并启动：用哪个命令？"] == "`docker run`"
    assert by_question["Dockerfile配置指令 › 指定当前用户：是哪个指令？"] == "`user`"
    assert by_question["镜像的实现原理 › 如何实现增量的修改和维护？"] == (
        "使用Union FS将不同层结合到一个镜像中"
    )
    assert by_question["基础操作 › 镜像的 5 个操作依次是？"].startswith("1. 拉取镜像\n2. 运行镜像")
    # The code block under `workdir` keeps both commands, their comments lined up.
    assert (
        "RUN cd /app                 # 容器层1\n"
        in by_question["Dockerfile配置指令 › `workdir` 怎么用？"]
    )


def test_every_side_renders_cleanly():
    """No stray fence markers or double-escaped brackets reach the review screen."""
    import html
    import re

    from app.core.render import render_markdown

    for card in parse_deck(DECK.read_text(encoding="utf-8")):
        for side in (card.question, card.answer):
            shown = html.unescape(re.sub(r"<[^>]+>", "", render_markdown(side)))
            assert "```" not in shown and "&lt;" not in shown, side
    copy = next(c for c in parse_deck(DECK.read_text(encoding="utf-8")) if "`copy`" in c.question)
    assert "<源路径>" in html.unescape(render_markdown(copy.answer))
