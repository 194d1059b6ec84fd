"""read_text: every encoding a notes file arrives in, and a clear refusal for what is not text."""

from __future__ import annotations

import codecs

import pytest

from app.core.errors import InputError
from app.core.textfile import read_text

CHINESE = "## 基础操作\n\t区分镜像：id和摘要\n\tdocker run  # 新建并启动\n"


@pytest.mark.parametrize(
    "data",
    [
        CHINESE.encode("utf-8"),
        codecs.BOM_UTF8 + CHINESE.encode("utf-8"),
        CHINESE.encode("utf-16"),  # Python writes a BOM for "utf-16"
        codecs.BOM_UTF16_BE + CHINESE.encode("utf-16-be"),
        CHINESE.encode("gb18030"),
        CHINESE.encode("gbk"),
    ],
    ids=["utf8", "utf8-bom", "utf16-le-bom", "utf16-be-bom", "gb18030", "gbk"],
)
def test_reads_every_supported_encoding(tmp_path, data):
    path = tmp_path / "notes.txt"
    path.write_bytes(data)
    assert read_text(path) == CHINESE


def test_crlf_and_lone_cr_become_lf(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_bytes(b"a\r\nb\rc\n")
    assert read_text(path) == "a\nb\nc\n"


def test_trailing_spaces_are_kept_for_the_parser_to_judge(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_bytes(b"a  \n")
    assert read_text(path) == "a  \n"


def test_gb18030_four_byte_characters(tmp_path):
    text = "扩展字符 𠀀 和 € 符号\n"
    path = tmp_path / "notes.txt"
    path.write_bytes(text.encode("gb18030"))
    assert read_text(path) == text


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty"),
        (b" \n\t\r\n", "empty"),
        (codecs.BOM_UTF8, "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        (b"PK\x03\x04\x14\x00\x00\x00", "binary"),
    ],
)
def test_refuses_empty_and_binary_files_naming_the_file(tmp_path, data, message):
    path = tmp_path / "bad.txt"
    path.write_bytes(data)
    with pytest.raises(InputError) as caught:
        read_text(path)
    assert str(path) in str(caught.value)
    assert message in str(caught.value)
    assert "\n" not in str(caught.value)


def test_undecodable_text_names_the_line(tmp_path):
    path = tmp_path / "latin.txt"
    # Valid UTF-8 on lines 1-2, then bytes that are neither UTF-8 nor GB18030 on line 3.
    path.write_bytes(b"first\nsecond\nthird \xff\xfe\xff\n")
    with pytest.raises(InputError) as caught:
        read_text(path)
    assert caught.value.line == 3
    assert str(caught.value).startswith(f"{path}, line 3: ")


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_text(tmp_path / "nope.txt")
    with pytest.raises(InputError, match="folder"):
        read_text(tmp_path)
