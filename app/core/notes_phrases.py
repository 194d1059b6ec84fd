"""How compiled questions are worded: natural Chinese for Chinese notes, English otherwise.

The wording is fixed per deck so that a deck reads consistently; docs/notes-format.md lists it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_LATIN = re.compile(r"[A-Za-z]")


@dataclass(frozen=True)
class Phrases:
    """Question templates; `{name}` is code, `{item}`/`{key}`/`{text}` are notes text."""

    key: str
    use: str
    does: str
    what_is: str
    how: str
    points: str
    which_command: str
    which_instruction: str
    which_one: str
    steps: str
    items: str
    another_list: str
    summary_joiner: str
    summary: str
    summary_command: str
    instruction_word: str
    asking_nouns: tuple[str, ...]


CHINESE = Phrases(
    key="{key}：？",
    use="{name} 怎么用？",
    does="{name} 的作用是什么？",
    what_is="{item}是什么？",
    how="{item}：怎么做？",
    points="{item}：要点是什么？",
    which_command="{text}：用哪个命令？",
    which_instruction="{text}：是哪个指令？",
    which_one="{text}：是哪个？",
    steps="依次有哪 {n} 项？",
    items="有哪 {n} 项？",
    another_list="{first} 等，有哪 {n} 项？",
    summary_joiner="：",
    summary="要点是什么？",
    summary_command="用哪个命令？",
    instruction_word="指令",
    asking_nouns=(
        "区别",
        "作用",
        "原因",
        "用法",
        "格式",
        "步骤",
        "方法",
        "含义",
        "意思",
        "特点",
        "优点",
        "缺点",
        "原理",
        "概念",
        "定义",
        "目的",
        "好处",
    ),
)

ENGLISH = Phrases(
    key="{key}: ?",
    use="How do you use {name}?",
    does="What does {name} do?",
    what_is="What is the {item}?",
    how="{item}: how?",
    points="{item}: key points?",
    which_command="Which command: {text}?",
    which_instruction="Which instruction: {text}?",
    which_one="Which one: {text}?",
    steps="The {n} steps, in order?",
    items="The {n} items?",
    another_list="The {n} items from {first} on?",
    summary_joiner=": ",
    summary="key points?",
    summary_command="which command?",
    instruction_word="instruction",
    asking_nouns=("difference", "purpose", "meaning", "syntax", "format", "usage", "reason"),
)


def phrases_for(text: str) -> Phrases:
    """Chinese wording when at least a tenth of the letters in the notes are Chinese."""
    sample = text[:200_000]
    han = len(_HAN.findall(sample))
    latin = len(_LATIN.findall(sample))
    return CHINESE if han and han * 10 >= han + latin else ENGLISH
