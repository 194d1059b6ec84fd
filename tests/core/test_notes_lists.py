"""List cards say what they list, and code spans hold only what is typed: one table per rule."""

from __future__ import annotations

import pytest

from app.core.notes import compile_notes


def list_questions(notes: str, deck: str = "Docker") -> list[str]:
    """The questions of the list cards (those whose answer is a list) compiled from `notes`."""
    return [
        card.question
        for card in compile_notes(notes, deck=deck)
        if card.answer.startswith(("1. ", "- "))
    ]


LIST_QUESTIONS = {
    "steps sharing a word and under a heading naming them": (
        "## 基础操作\n\t1.拉取镜像\n\t2.运行镜像\n\t3.列出镜像\n\t4.显示占用磁盘空间大小\n"
        "\t5.删除镜像\n",
        ["基础操作 › 镜像的 5 个操作依次是？"],
    ),
    "steps sharing a word, heading names nothing": (
        "## 容器\n\t1.创建网络\n\t2.连接网络\n\t3.检查网络\n",
        ["容器 › 网络的 3 项依次是？"],
    ),
    "items sharing a word": (
        "## 存储\n\t匿名数据卷\n\t命名数据卷\n\t绑定挂载\n\t只读数据卷\n",
        ["存储 › 数据卷的 4 项是哪些？"],
    ),
    "steps under a heading naming them, no shared word": (
        "## 安装步骤\n\t1.下载\n\t2.解压\n\t3.运行\n",
        ["安装步骤 › 依次有哪 3 个步骤？"],
    ),
    "commands are commands": (
        "> 终止容器\n\tdocker container stop\n\texit\n\tctrl+D\n",
        ["终止容器 › 有哪 3 个命令？"],
    ),
    "names under an instructions heading are instructions": (
        "## Dockerfile配置指令\n\tfrom\n\trun\n\tcopy\n",
        ["Dockerfile配置指令 › 有哪 3 个指令？"],
    ),
    "a product with a version is not a command": (
        "> 私有仓库\n\tdocker registry 工具\n\n\tnexus 3.x\n",
        ["私有仓库 › 有哪 2 项？"],
    ),
    "nothing to go on": (
        "## 杂项\n\t1.苹果\n\t2.香蕉\n\t3.橘子\n",
        ["杂项 › 依次有哪 3 项？"],
    ),
    "two lists that would ask the same are told apart": (
        "## 杂项\n\tdocker ps  # 列出\n\tdocker rm  # 删除\n\tdocker top  # 进程\n\t苹果\n"
        "\tgit add  # 暂存\n\tgit push  # 推送\n\tgit pull  # 拉取\n",
        ["杂项 › 有哪 3 个命令？", "杂项 › `git add` 等，有哪 3 个命令？"],
    ),
}

ENGLISH_LIST_QUESTIONS = {
    "English steps sharing a word": (
        "## Setup\n1. install docker\n2. configure docker\n3. test docker\n",
        ["Setup › The 3 steps for docker, in order?"],
    ),
    "English items under a heading naming them": (
        "## Backup tools\n- Restic\n- Borg\n- Duplicati\n",
        ["Backup tools › The 3 tools?"],
    ),
}


@pytest.mark.parametrize("name", list(LIST_QUESTIONS))
def test_list_question(name):
    notes, expected = LIST_QUESTIONS[name]
    assert list_questions(notes) == expected


@pytest.mark.parametrize("name", list(ENGLISH_LIST_QUESTIONS))
def test_english_list_question(name):
    notes, expected = ENGLISH_LIST_QUESTIONS[name]
    assert list_questions(notes, deck="Notes") == expected


CODE_SPANS = {
    "a word naming what the command is stays outside the span": (
        "> 私有仓库\n\tdocker registry 工具\n\n\tnexus 3.x\n",
        [("私有仓库 › 有哪 2 项？", "- `docker registry` 工具\n- `nexus 3.x`")],
    ),
    "a placeholder after a command stays inside": (
        "> 删除容器\n\tdocker container rm 容器名\n\tdocker container prune\n"
        "\tdocker rm -f 容器id\n",
        [
            (
                "删除容器 › 有哪 3 个命令？",
                "- `docker container rm 容器名`\n- `docker container prune`\n"
                "- `docker rm -f 容器id`",
            )
        ],
    ),
    "a placeholder that is a kind of thing stays inside": (
        "## 基础操作\n\tshell格式：cmd 命令\n",
        [("基础操作 › shell格式：？", "`cmd 命令`")],
    ),
    "a command with a kind word under it asks about the command": (
        "## 编排\n\tdocker compose 工具\n\t\t多容器编排\n",
        [("编排 › `docker compose` 工具 怎么用？", "多容器编排")],
    ),
}


@pytest.mark.parametrize("name", list(CODE_SPANS))
def test_code_span_holds_only_the_command(name):
    notes, expected = CODE_SPANS[name]
    cards = [(c.question, c.answer) for c in compile_notes(notes, deck="Docker")]
    assert cards == expected
