"""How compiled questions are worded: natural Chinese for Chinese notes, English otherwise.

The wording is fixed per deck so that a deck reads consistently; docs/notes-format.md lists it.
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass

from app.core.notes_items import HAN_RUN, KNOWN_COMMANDS, SHELL_WORDS, Item, is_code_like

_HAN_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]{2,}")
_LATIN_LETTERS = string.ascii_letters.encode()
_LATIN_WORD = re.compile(r"[a-z]{4,}")
_ENGLISH_RUN = re.compile(r"[a-z_]+")
_PHRASE_END = re.compile(r"[\s，。；！？、：（）【】「」,.;:!?()\[\]]")
_ENGLISH_FILLERS = frozenset(["with", "from", "into", "that", "this", "then", "your", "their"])


@dataclass(frozen=True)
class Phrases:
    """Question templates; `{name}` is code, `{item}`/`{key}`/`{text}` are notes text."""

    key: str
    use: str
    does: str
    is_what: str
    what_is: str
    how: str
    points: str
    # An item whose nested lines are numbered steps, or short terms.
    steps_of: str
    which_are: str
    difference: str  # `A vs B`
    which_command: str
    which_instruction: str
    which_one: str
    # List cards: `{count}` is `step_count`/`item_count`, or `noun_count` when the list's noun is
    # known; `{subject}` is a word every entry (but at most one) shares.
    steps: str
    items: str
    steps_about: str
    items_about: str
    another_list: str
    step_count: str
    item_count: str
    noun_count: str
    command_noun: str
    instruction_noun: str
    list_nouns: tuple[str, ...]
    code_nouns: tuple[str, ...]  # what code entries are, said more exactly than "commands"
    code_noun_one: tuple[str, ...]  # each of `code_nouns` for one thing
    which_noun: str  # a reverse card asking for one of `code_nouns`
    summary_joiner: str
    summary: str
    summary_command: str
    summary_code: str
    instruction_word: str
    asking_nouns: tuple[str, ...]
    comparing: tuple[str, ...]  # a heading that compares what is under it


# The nouns a heading may give code entries, and which of them a call is (a method when
# dotted, `d.get(k)`; else a function, `int("12")`).
_CHINESE_CODE_NOUNS = ("方法", "函数", "参数", "属性", "注解", "选项")
METHOD, FUNCTION = 0, 1

CHINESE = Phrases(
    key="{key}：？",
    use="{name} 怎么用？",
    does="{name} 的作用是什么？",
    is_what="{name} 是什么？",
    what_is="{item}是什么？",
    how="{item}：怎么做？",
    points="{item}：要点是什么？",
    steps_of="{item}依次是？",
    which_are="{item}有哪些？",
    difference="{a}和{b}的区别是什么？",
    which_command="{text}：用哪个命令？",
    which_instruction="{text}：是哪个指令？",
    which_one="{text}：是哪个？",
    steps="依次有哪 {count}？",
    items="有哪 {count}？",
    steps_about="{subject}的 {count}依次是？",
    items_about="{subject}的 {count}是哪些？",
    another_list="{first} 等，有哪 {count}？",
    step_count="{n} 项",
    item_count="{n} 项",
    noun_count="{n} 个{noun}",
    command_noun="命令",
    instruction_noun="指令",
    list_nouns=(
        "操作",
        "命令",
        "指令",
        "步骤",
        "方法",
        "方式",
        "工具",
        "阶段",
        "类型",
        "参数",
        "选项",
        "原则",
        "特点",
        "状态",
        "函数",
        "组件",
        "级别",
    ),
    code_nouns=_CHINESE_CODE_NOUNS,
    code_noun_one=_CHINESE_CODE_NOUNS,  # Chinese nouns have no plural
    which_noun="{text}：用哪个{noun}？",
    summary_joiner="：",
    summary="要点是什么？",
    summary_command="用哪个命令？",
    summary_code="怎么做？",
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
    comparing=("区别", "对比", "异同"),
)

ENGLISH = Phrases(
    key="{key}: ?",
    use="How do you use {name}?",
    does="What does {name} do?",
    is_what="What is {name}?",
    what_is="What is the {item}?",
    how="{item}: how?",
    points="{item}: key points?",
    steps_of="{item}, in order?",
    which_are="{item}: what are they?",
    difference="What is the difference between {a} and {b}?",
    which_command="Which command: {text}?",
    which_instruction="Which instruction: {text}?",
    which_one="Which one: {text}?",
    steps="The {count}, in order?",
    items="The {count}?",
    steps_about="The {count} for {subject}, in order?",
    items_about="The {count} for {subject}?",
    another_list="The {count} from {first} on?",
    step_count="{n} steps",
    item_count="{n} items",
    noun_count="{n} {noun}",
    command_noun="commands",
    instruction_noun="instructions",
    list_nouns=(
        "commands",
        "instructions",
        "operations",
        "steps",
        "options",
        "tools",
        "methods",
        "stages",
        "types",
        "functions",
        "components",
        "modes",
        "levels",
    ),
    code_nouns=("methods", "functions", "parameters", "properties", "annotations", "options"),
    code_noun_one=("method", "function", "parameter", "property", "annotation", "option"),
    which_noun="Which {noun}: {text}?",
    summary_joiner=": ",
    summary="key points?",
    summary_command="which command?",
    summary_code="how?",
    instruction_word="instruction",
    asking_nouns=("difference", "purpose", "meaning", "syntax", "format", "usage", "reason"),
    comparing=("difference", "differences", "comparison"),
)


def phrases_for(text: str) -> Phrases:
    """Chinese wording when at least a tenth of the letters in the notes are Chinese."""
    sample = text[:200_000]
    # Counted in runs rather than one character at a time: Chinese comes in words and phrases.
    han = sum(map(len, HAN_RUN.findall(sample)))
    # A Latin letter is one byte in UTF-8, and no other character's bytes are letters.
    data = sample.encode("utf-8", "surrogatepass")
    latin = len(data) - len(data.translate(None, _LATIN_LETTERS))
    return CHINESE if han and han * 10 >= han + latin else ENGLISH


def list_noun(say: Phrases, path: tuple[str, ...], entries: list[Item]) -> str | None:
    """What a list enumerates: commands, or the noun its parent ends with (`基础操作` -> 操作,
    `dict常用方法` -> 方法).

    A list whose every entry is a command or an instruction name is a list of commands (of
    instructions under a heading that says so); otherwise the parent's noun if it ends with one
    (操作, 步骤, 工具, …), else None and the list has "items".
    """
    noun = code_noun(say, path)
    if noun is not None:
        # `list常用方法`: the heading says better than "commands" what the entries are.
        return say.code_nouns[noun]
    if entries:
        for entry in entries:
            if not _is_command(entry):
                break
        else:
            if instruction_heading(say, path):
                return say.instruction_noun
            return say.command_noun
    if path:
        title = path[-1].lower()
        if not title.endswith(say.list_nouns):
            return None
        for noun in say.list_nouns:
            if title.endswith(noun):
                return noun
    return None


def instruction_heading(say: Phrases, path: tuple[str, ...]) -> bool:
    """Whether the nearest heading says its items are instructions (`Dockerfile配置指令`)."""
    return bool(path) and say.instruction_word in path[-1].lower()


def code_noun(say: Phrases, path: tuple[str, ...]) -> int | None:
    """Which of `say.code_nouns` the nearest heading ends with (`dict常用方法`, `常用参数`)."""
    if not path:
        return None
    title = path[-1].lower()
    if not title.endswith(say.code_nouns):
        return None
    return next(index for index, noun in enumerate(say.code_nouns) if title.endswith(noun))


def _is_command(entry: Item) -> bool:
    kind = entry.kind
    if kind == "code":
        return True
    if kind == "comment":
        # `git stash  # …` is a command; `d.get(key, default)  # …` and `type(x)  # …` are
        # functions and methods.
        first = entry.left.partition(" ")[0]
        return "(" not in first and "." not in first and "[" not in first
    if kind == "named":
        # `docker load`, `kill -9 pid` are commands; `ConfigMap`, `livenessProbe`, and a lone
        # word such as `partition` or `offset` (an explanation after them too) may as well
        # name things: a list of them is a list of 项 unless its heading says more.
        left = entry.left
        if left != left.lower():
            return False
        return left.partition(" ")[0] in KNOWN_COMMANDS or (" " in left and is_code_like(left))
    text = entry.text
    if "(" in text or not is_code_like(text):
        return False  # `int("12")` is a function
    # `exit`, `ctrl+D`, `docker save`, `journalctl -u nginx` are commands; `nexus 3.x` names a
    # product.
    space = text.find(" ")
    return space < 0 or text[:space] in SHELL_WORDS or " -" in text


def shared_subject(entries: list[Item]) -> str | None:
    """A word that all the entries, or all but one of three or more, have in common.

    `拉取镜像`, `运行镜像`, `列出镜像`, `显示占用磁盘空间大小`, `删除镜像` share 镜像. Lists of
    commands have none (they share `docker`, which says nothing). Chinese words are runs of two
    to four characters; English words have four letters or more.
    """
    if len(entries) < 2:
        return None
    for entry in entries:
        # Code shares words that say nothing (`where`, `docker`).
        if entry.kind != "term" or _is_command(entry) or is_code_like(entry.text):
            return None
    texts = [entry.text.lower() for entry in entries]
    need = len(texts) if len(texts) < 3 else len(texts) - 1
    # Chinese only: a shared word holds a shared pair of characters, and most lists have none.
    chinese_only = not _LATIN_WORD.search(texts[0]) and not _LATIN_WORD.search(texts[1])
    if chinese_only and not _shares_a_pair(texts, need):
        return None
    # A Chinese word counts where it ends an entry's first phrase, as a noun does (`拉取镜像`),
    # not where a verb starts it or a later clause has it (`执行同步代码`, `客户端发送SYN，进入…`).
    # An English word counts as a whole word (`activate` is not in `deactivate`, `proxy` not
    # in `proxy_pass`), and only when every entry has it: commands share words that say
    # nothing (`venv`).
    firsts = [_first_phrase(text) for text in texts]
    english = [set(_ENGLISH_RUN.findall(text)) for text in texts]
    # A word shared by all entries is a word of the first; by all but one, of the first or second.
    candidates: dict[str, None] = {}
    for index in (0,) if need == len(texts) else (0, 1):
        first = firsts[index]
        for size in (2, 3, 4):
            tail = first[-size:]
            if len(tail) == size and HAN_RUN.fullmatch(tail):
                candidates[tail] = None
        for word in _LATIN_WORD.findall(texts[index]):
            if word not in _ENGLISH_FILLERS:
                candidates[word] = None
    best: str | None = None
    best_support = best_length = 0
    for word in candidates:
        if word.isascii():
            support = sum(1 for words in english if word in words)
            if support < len(texts):
                continue
        else:
            support = sum(1 for first in firsts if first.endswith(word))
        # The word most entries share; of equals the longest (数据卷 over 数据), then the first.
        if support >= need and (
            support > best_support or (support == best_support and len(word) > best_length)
        ):
            best, best_support, best_length = word, support, len(word)
    return best


def _first_phrase(text: str) -> str:
    """`text` up to its first blank or punctuation mark."""
    match = _PHRASE_END.search(text)
    return text if match is None else text[: match.start()]


def _shares_a_pair(texts: list[str], need: int) -> bool:
    """Whether two Chinese characters of the first or second text occur in `need` of the texts."""
    for text in texts[:2]:
        for run in _HAN_RUN.findall(text):
            for start in range(len(run) - 1):
                pair = run[start : start + 2]
                found = 0
                for other in texts:
                    if pair in other:
                        found += 1
                if found >= need:
                    return True
    return False
