"""What one line of notes says.

`analyze` sorts a line into the shapes the compiler has rules for: a question, `key：value` (and
a term, status code or formula with what it is), a command with a `# comment`, a name followed
by its explanation, a label followed by code, a bare term, or prose. `is_code_like` says whether
text is a command or syntax. How lines read as Markdown is app/core/notes_markdown.py.
"""

from __future__ import annotations

import re
import string
from functools import lru_cache
from typing import NamedTuple

_CJK = re.compile(r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]")
_CJK_PUNCT = re.compile(r"[，。；！？、：（）【】「」]")
# `1.拉取镜像` and `4.80端口转到https` are steps; `3.7以后dict保持插入顺序`, `2.0版本`,
# `1.2.3` and the addresses `169.254.x.x`, `10.x.x.x` start with a version number or an address.
_NUMBERED = re.compile(
    r"^(\d{1,3})(?:[、)）]|\.(?!\d+(?:\.|以后|以前|之后|之前|以上|及以上|版本|\+|x\b)|[xX*]\.))"
    r"[ \t]*(\S.*)$"
)
_BULLET = re.compile(r"^(?:[-+•·]|\*{1,2})[ \t]+(\S.*)$")
_BULLET_CHARS = frozenset("-+•·*")
_COMMENT = re.compile(r"^(\S.*?)[ \t]+#{1,2}(?!#)[ \t]*(\S.*)$")
_KEY_VALUE = re.compile(r"^([^：:]{1,60}?)[ \t]*(?:：|:(?=[ \t]))[ \t]*(.*)$")
_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_PUNCT = "，。；！？、：（）【】「」"
# The longest start of a line that is syntax: bracketed or quoted parts, anything that is not
# Chinese, and Chinese only in runs of at most three characters (placeholders like 容器名).
# Runs of plain characters are taken whole; an unclosed bracket or quote is a plain character.
_SYNTAX_PREFIX = re.compile(
    rf"(?:[^{_HAN}{_PUNCT}<\[\"']+|<[^<>]*>|\[[^\[\]]*\]|\"[^\"]*\"|'[^']*'|[<\[\"']"
    rf"|[{_HAN}]{{1,3}}(?![{_HAN}]))*"
)
# A run of Chinese characters.
HAN_RUN = re.compile(rf"[{_HAN}]+")
# A comma between words, as in an English sentence (code has none outside brackets and quotes).
_PROSE_COMMA = re.compile(r"[A-Za-z], [A-Za-z]")
# Words that glue an English sentence together; a command holds two of them only in quotes.
_ENGLISH_GLUE = re.compile(
    r"(?<![\w-])(?:a|an|the|is|are|was|were|be|to|of|and|or|for|with|in|on|as|by|your|its"
    r"|it|this|that|from|so|no|not|has|have|will|can|if|when|then|but|than)(?![\w-])"
)
_GROUPED = re.compile(r"\([^()]*\)|<[^<>]*>|\[[^\[\]]*\]|\"[^\"]*\"|'[^']*'")
# A formula with a Chinese name on its left (`命中率 = 命中次数 / 访问次数`; `a = 1` is code).
_FORMULA = re.compile(rf"(\S*[{_HAN}]\S*) = (\S.*)")
_ASCII_PUNCT_CHAR = r"[!-/:-@\[-`{-~]"
# A status code (`404`, `4xx`); a short Chinese term (`方法区`); signs standing for something.
_STATUS_CODE = re.compile(r"[1-5](?:\d\d|xx|XX)")
_HAN_TERM = re.compile(rf"[{_HAN}]{{1,6}}")
_SIGNS = re.compile(rf"{_ASCII_PUNCT_CHAR}[!-~]*")
_HAN_CHARS = re.compile(rf"[{_HAN}]")
_ASCII_PUNCT = re.compile(_ASCII_PUNCT_CHAR)
_LETTER = re.compile(r"[A-Za-z]")
_ALNUM = re.compile(r"[A-Za-z0-9]")
# Signs of code: brackets and operators, an option (` -x`), a dotted name or version (`3.x`).
# Tested apart (see _has_code_sign): as one pattern the search tries every branch at every
# character of the line.
_CODE_SIGN_CHARS = re.compile(r"[<>\[\]=/$|\"{}]")
_DOTTED = re.compile(r"\w\.\w")  # `\d\.\w` is one of these too
_CODE_CHARS = re.compile(r"[<>\[\]\"'=/$|(){}`]")
_ASCII_WORD = re.compile(r"^[A-Za-z][\w.+-]*$")
_BRACKETED = re.compile(r"<[^<>]*>|\[[^\[\]]*\]|\"[^\"]*\"|'[^']*'")
_FIRST_TOKEN = re.compile(r"^[A-Za-z$./~_-][A-Za-z0-9_.+:/$=~@*-]*$")
_TOKEN = r"[A-Za-z$./~_-][A-Za-z0-9_.+:/$=~@*-]*"
# The first word of a line that may be code: what _FIRST_TOKEN allows, holding a letter.
# The first lookahead fails at once on a line that cannot start with a token: without it the
# second one scans the whole line for a letter before giving up.
_CODE_WORD = re.compile(rf"(?=[A-Za-z$./~_-])(?=[^A-Za-z ]*[A-Za-z]){_TOKEN}(?= |\Z)")
_CODE_WORD_STARTS = string.ascii_letters + "$./~_-"  # what _TOKEN starts with
# A name (dotted) called or indexed, perhaps more than once, and nothing after it; what the
# brackets hold is ASCII (`Kubernetes(容器编排)` is a name with a gloss).
_ARGS = r"(?:\([\x20-\x27\x2a-\x7e]*\)|\[[\x20-\x5a\x5c\x5e-\x7e]*\])"
_CALL = re.compile(rf"[A-Za-z_][A-Za-z0-9_.]*{_ARGS}(?:\.[A-Za-z_][A-Za-z0-9_]*{_ARGS}?)*\Z")
# Words that may all be code, one space apart.
_CODE_WORDS = re.compile(rf"{_TOKEN}(?: {_TOKEN})*\Z")
_COMMAND_WORDS = (
    "docker|docker-compose|podman|kubectl|git|pip|pip3|npm|yarn|apt|apt-get|yum|brew|cat|"
    "cd|ls|cp|mv|rm|mkdir|echo|curl|wget|ssh|scp|sudo|systemctl|python|python3|java|mvn|go"
)
_DOCKERFILE_WORDS = frozenset(
    [
        "FROM",
        "RUN",
        "COPY",
        "ADD",
        "CMD",
        "ENTRYPOINT",
        "ENV",
        "ARG",
        "VOLUME",
        "EXPOSE",
        "WORKDIR",
        "USER",
        "HEALTHCHECK",
        "ONBUILD",
        "LABEL",
        "SHELL",
        "STOPSIGNAL",
        "MAINTAINER",
    ]
)
SHELL_WORDS = frozenset(_COMMAND_WORDS.split("|"))
# Commands that a line may start with, to word questions about it ("用哪个命令？"); unlike
# SHELL_WORDS they are not looked for inside prose, where many of them are English words.
KNOWN_COMMANDS = SHELL_WORDS | frozenset(
    [
        "ps",
        "kill",
        "top",
        "htop",
        "grep",
        "find",
        "chmod",
        "chown",
        "chgrp",
        "tar",
        "ln",
        "du",
        "df",
        "free",
        "ping",
        "netstat",
        "ss",
        "lsof",
        "tail",
        "head",
        "less",
        "more",
        "vim",
        "vi",
        "touch",
        "source",
        "export",
        "kubectl",
        "helm",
        "aws",
        "gcloud",
        "az",
        "redis-cli",
        "mysql",
        "psql",
        "nginx",
        "journalctl",
        "crontab",
        "useradd",
        "usermod",
        "passwd",
        "su",
        "mount",
        "umount",
        "ip",
        "ifconfig",
        "dig",
        "nslookup",
        "traceroute",
        "rsync",
        "zip",
        "unzip",
        "gzip",
        "awk",
        "sed",
        "sort",
        "uniq",
        "wc",
        "xargs",
        "tee",
        "which",
        "whereis",
        "man",
        "go",
        "cargo",
        "gradle",
        "gradlew",
        "node",
        "npx",
    ]
)


class Item(NamedTuple):
    """The shape of one notes line. `head` names it in a list of its siblings (None: not listed)."""

    kind: str  # question | comment | keyvalue | named | labelled | term | prose
    text: str  # the line without its list number or bullet, inner whitespace collapsed
    number: int | None = None
    head: str | None = None
    left: str = ""  # key, command, name or label: the part a question is built from
    right: str = ""  # value, comment, explanation or code: the part that answers


# Items are made by the ten thousand: tuple.__new__ skips the keyword handling of Item(...).
_item = tuple.__new__


def collapse(text: str) -> str:
    """Runs of spaces and tabs inside a line become one space (notes align with tabs)."""
    # Most lines have nothing to collapse: no whitespace but single ASCII spaces inside them.
    if text.isprintable() and "  " not in text and text == text.strip():
        return text
    return " ".join(text.split())


def cjk_count(text: str) -> int:
    return len(_CJK.findall(text))


@lru_cache(maxsize=4096)
def is_code_like(text: str) -> bool:
    """A command or syntax line: an ASCII word first, a sign of code, Chinese only as placeholders.

    `docker run -dit ubuntu`, `cmd 命令`, `user <用户名>`, `nexus 3.x` are code; `ports are TCP`
    and `docker ps 列出容器` (an explanation after the command) are not.
    """
    text = collapse(text)
    # Most lines that are not code start with a character no code word starts with: testing
    # it is quicker than trying the pattern.
    if text[:1] not in _CODE_WORD_STARTS:
        return False
    first = _CODE_WORD.match(text)
    if first is None:
        # `d.get(key, default)`, `lst[start:end:step]`, `int("12")`: a call or an index.
        return _CALL.match(text) is not None
    end = first.end()
    # The first word is ASCII: any Chinese comes after it.
    chinese = _CJK.search(text, end) is not None
    if chinese and (_split_syntax(text)[1] or cjk_count(_BRACKETED.sub("", text)) > 3):
        return False
    word = first.group()
    if not chinese:
        bare = _GROUPED.sub("", text)
        # `type of the body, e.g. application/json`, `runs one command as root with your …`,
        # `git status to see conflicted files`
        glue = len(_ENGLISH_GLUE.findall(bare))
        if _PROSE_COMMA.search(bare) or glue >= 2 or (glue and word in SHELL_WORDS):
            return False
    if end == len(text):
        # `exit`, `ctrl+D`, `from` are commands; `Kubernetes` is a name.
        return not word[0].isupper() or word.isupper() or _has_code_sign(word)
    return (
        word in SHELL_WORDS
        or word in _DOCKERFILE_WORDS
        # `cmd 命令`: a lower-case instruction followed by a Chinese placeholder.
        or (chinese and word.upper() in _DOCKERFILE_WORDS)
        or _has_code_sign(text)
        # `insert into user(name) values('tom');`: a statement
        or (text.endswith(";") and not chinese)
    )


def _has_code_sign(text: str) -> bool:
    """Whether `text` holds a bracket or operator, an option (`-x` at the start or after a
    space), or a dot between two word characters."""
    return (
        _CODE_SIGN_CHARS.search(text) is not None
        or text[:1] == "-"
        or " -" in text
        or ("." in text and _DOTTED.search(text) is not None)
    )


def _is_term(text: str) -> bool:
    """Short enough to be one entry in a list: a command, a name, or a few Chinese words."""
    if len(text) <= 12 and " " not in text and not _CJK_PUNCT.search(text):
        return True
    return is_code_like(text)


@lru_cache(maxsize=2048)
def analyze(raw: str) -> Item:
    """Classify one notes line (already stripped of indentation)."""
    text = collapse(raw)
    number = None
    # The cheap character tests skip patterns that cannot match.
    first = text[:1]
    if first.isdigit():
        numbered = _NUMBERED.match(text)
        if numbered:
            number, text = int(numbered.group(1)), numbered.group(2)
    elif first in _BULLET_CHARS:
        bullet = _BULLET.match(text)
        if bullet:
            text = bullet.group(1)
    comment = comment_parts(text) if "#" in text else None
    last = text[-1:]
    if (last == "?" or last == "？") and (comment is None or not reads_as_command(comment[0])):
        return _item(Item, ("question", text, number, None, text, ""))
    if comment:
        # `aws sts get-caller-identity # who am I?` is a command with its meaning.
        code, meaning = comment
        return _item(Item, ("comment", text, number, code, code, meaning))
    if "：" in text or ":" in text:
        key_value = _KEY_VALUE.match(text)
        if key_value and _is_key(key_value.group(1), key_value.group(0)):
            key, value = key_value.groups()
            return _item(Item, ("keyvalue", text, number, None, key, value))
    space = text.find(" ")
    if ("->" in text or "→" in text) and text.count("->") + text.count("→") >= 2:
        # `寄存器 -> cache -> 主存 -> 磁盘`: a chain, read as written.
        space = -1
    elif " = " in text:
        formula = _FORMULA.fullmatch(text)
        if formula and number is None:
            # `命中率 = 命中次数 / 访问次数`: a formula defines its left side.
            return _item(Item, ("keyvalue", text, None, None, formula[1], formula[2]))
    if number is not None:
        # A numbered line is a step, listed as written; only a command with its explanation
        # (`1.ps aux 查看所有进程`) is split, to be asked about as well.
        if space > 0 and text[:1].isascii():
            named = _split_named(text, space)
            if named:
                return _item(Item, ("named", text, number, named[0], named[0], named[1]))
        return _item(Item, ("term", text, number, text, text, ""))
    if space > 0:
        named = _split_named(text, space)
        if named:
            return _item(Item, ("named", text, None, named[0], named[0], named[1]))
        term = _split_term(text, space)
        if term:
            return _item(Item, ("keyvalue", text, None, None, term[0], term[1]))
        labelled = _split_labelled(text, space)
        if labelled:
            return _item(Item, ("labelled", text, None, None, labelled[0], labelled[1]))
    if _is_term(text):
        return _item(Item, ("term", text, None, text, text, ""))
    return _item(Item, ("prose", text, None, None, text, ""))


def reads_as_command(text: str) -> bool:
    """Whether `text` reads as a command: code, or a known command's name first."""
    return is_code_like(text) or text.partition(" ")[0] in KNOWN_COMMANDS


# A `command  # meaning` line is split when it is classified, rendered and tested for code.
@lru_cache(maxsize=4096)
def comment_parts(text: str) -> tuple[str, str] | None:
    """`docker ps # 列出容器` (runs of blanks collapsed) -> ("docker ps", "列出容器"); None
    when the line has no comment."""
    comment = _COMMENT.match(text)
    if comment is None:
        return None
    return comment.group(1).strip(), comment.group(2).strip()


def _is_key(key: str, line: str) -> bool:
    """Whether `key` (before the colon of `line`) is a key: a few words, at most 24
    characters, and no code; or a path (`/var/log/nginx/access.log：访问日志`,
    `/etc/passwd: user accounts`), or code before a full-width colon."""
    key = key.strip()
    if not key or len(key.split()) > 3:
        return False
    if key[:1] in "/~" and " " not in key:
        return True
    if len(key) > 24:
        return False
    if not _CODE_CHARS.search(key):
        return True
    return line[len(key) : len(key) + 1] == "：" and " " not in key


def _split_term(text: str, space: int) -> tuple[str, str] | None:
    """`404 资源不存在`, `404 Not Found`, `方法区 存类信息、常量`, `PATCH - partial update`,
    `SSH 22` -> (the term, what it is): a status code, a short Chinese term followed by Chinese,
    a word and a dash before what it is, or a name and a number (a port)."""
    first = text[:space]
    rest = text[space + 1 :].lstrip()
    if not rest:
        return None
    if rest[:2] in ("- ", "– ", "— "):
        rest = rest[2:].lstrip()
        if rest and rest[0] != "-" and first not in KNOWN_COMMANDS:
            return first, rest
        return None
    if _STATUS_CODE.fullmatch(first) or (rest.isdigit() and _ASCII_WORD.match(first)):
        return first, rest  # `404 Not Found`; `SSH 22`, `MySQL 3306`
    if is_han(rest[0]) and _HAN_TERM.fullmatch(first) and cjk_count(rest) >= 2:
        return first, rest
    return None


def is_han(char: str) -> bool:
    """Whether `char` is one Chinese character (of the common ranges), without a search."""
    return "\u4e00" <= char <= "\u9fff" or "\u3400" <= char <= "\u4dbf"


def _split_named(text: str, space: int) -> tuple[str, str] | None:
    """`arg 参数名…` -> ("arg", "参数名…"); `docker run -d 会在后台运行容器` -> (command, prose);
    `@Autowired 按类型注入`, `ArrayList 数组，查询快`, `^~ 前缀匹配` -> (the name, what it is).

    `space` is where the first space is.
    """
    first = text[:space]
    rest = text[space + 1 :]
    second = rest.partition(" ")[0]
    if text.endswith(";"):
        return None  # a statement (`update user set age = 20;`), code as a whole
    if (
        rest[:1]
        and is_han(rest[0])
        and (
            # An annotation, a capitalised name, or signs (`=`, `^~`, `2>&1`) explained in Chinese.
            (first[:1] == "@" and _ASCII_WORD.match(first[1:]))
            or ((first[:1].isupper() or "." in first) and _ASCII_WORD.match(first))
            or _SIGNS.fullmatch(first)
        )
    ):
        return first, rest
    if (
        # An ASCII letter first settles most Chinese lines without the pattern.
        first[:1].isascii()
        and first[:1].isalpha()
        and _ASCII_WORD.match(first)
        and first.islower()
        and first not in SHELL_WORDS
        and (_CJK.search(second) or second[:1] in "<[(\"'" or ("|" in rest or "=" in rest))
    ):
        return first, rest
    # A command in ASCII followed by an explanation in Chinese.
    chinese = _CJK.search(text)
    if chinese is None:
        return None
    start = text.rfind(" ", 0, chinese.start()) + 1
    # "import和docker": Chinese glued to a command is not an explanation.
    if start == 0 or start != chinese.start():
        return None
    if not _CODE_WORDS.match(text, 0, start - 1) and not _CALL.match(text, 0, start - 1):
        return None
    prose = text[start:]
    if cjk_count(prose) >= 4 and not is_code_like(text):
        return text[: start - 1], prose
    return None


def _split_labelled(text: str, space: int) -> tuple[str, str] | None:
    """`从其他镜像复制文件 copy --from=…` -> (the Chinese label, the code after it)."""
    label = text[:space]
    rest = text[space + 1 :]
    if not rest or _ALNUM.search(label) or cjk_count(label) < 2:
        return None
    if not _LETTER.search(rest) or len(_HAN_CHARS.findall(rest)) > 6:
        return None
    return label, rest


# A named item's explanation is split for its question, its answer and its reverse card.
@lru_cache(maxsize=4096)
def split_syntax(text: str) -> tuple[str, str]:
    """`<端口1> [..<端口>] 声明容器时提供的端口` -> (the syntax, the prose explaining it).

    Prose starts at Chinese punctuation or at the word holding a run of four Chinese characters,
    outside `<>`, `[]` and quotes (`<工作目录路径>` is syntax, `不存在会自动创建` is prose); a
    Chinese word alone, on its own or before Chinese punctuation, is prose too (`保留`, `变基，…`).
    """
    if not _CJK.search(text):
        return text, ""
    return _split_syntax(text)


def explained(name: str, explanation: str) -> tuple[str, str]:
    """`split_syntax` of what follows a name: a command or a sign may take syntax (`:sp 文件名`);
    an annotation or a capitalised name (`@Autowired`, `Redis`) is explained in words only
    (`Redis 单线程 基于内存…`: 单线程 is not a placeholder)."""
    if name[:1] == "@" or (name[:1].isupper() and name.isalnum()):
        return "", explanation
    return split_syntax(explanation)


def _split_syntax(text: str) -> tuple[str, str]:
    """`split_syntax` of a text known to hold Chinese."""
    if (
        "\u4e00" <= text[:1] <= "\u9fff"
        and " " not in text
        and not _ASCII_PUNCT.search(text)
        and cjk_count(text) >= 4
    ):
        # Chinese first, with no space or sign of syntax in it: `在位置i插入` is prose, though
        # it starts like a placeholder (`参数名[=<参数值>]`).
        return "", text
    end = _SYNTAX_PREFIX.match(text).end()  # type: ignore[union-attr]
    if end == len(text) or _CJK_PUNCT.match(text, end):
        syntax = text[:end].rstrip()
        if HAN_RUN.fullmatch(syntax):
            # A Chinese word alone, on its own or straight before Chinese punctuation, is
            # prose: `pick 保留`, `rebase 变基，把提交移到…`, `branch 查看、创建、删除分支` (a
            # placeholder comes with other syntax, `参数名[=<参数值>]`, or before a space,
            # `容器名 删除容器`).
            return "", text
        return syntax, text[end:]
    start = end
    while start > 0 and text[start - 1] not in " \t":
        start -= 1
    return text[:start].rstrip(), text[start:]
