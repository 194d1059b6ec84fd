"""`deckard compile`: output formats, the coverage report, and one-line errors for bad files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.cli import main
from app.core.deckfile import parse_deck

SEED = Path(__file__).resolve().parents[2] / "decks" / "docker" / "docker.notes.txt"
NOTES = "## 容器\n\tdocker run  # 新建并启动\n\t区分镜像：id和摘要\n"


def run(argv, capsys):
    with pytest.raises(SystemExit) as exited:
        main(argv)
        raise SystemExit(0)
    out, err = capsys.readouterr()
    return exited.value.code or 0, out, err


@pytest.fixture
def notes(tmp_path):
    path = tmp_path / "containers.notes.txt"
    path.write_text(NOTES, encoding="utf-8")
    return path


def test_markdown_deck_to_stdout_named_after_the_file(notes, capsys):
    code, out, err = run(["compile", str(notes)], capsys)
    assert code == 0 and err == ""
    cards = parse_deck(out)
    assert [c.deck for c in cards] == ["Containers"] * 3
    assert cards[0].question == "容器 › `docker run` 的作用是什么？"


def test_json_has_exactly_the_documented_shape(notes, capsys):
    code, out, _ = run(["compile", str(notes), "--json", "--deck", "Docker"], capsys)
    payload = json.loads(out)
    assert code == 0
    assert set(payload) == {"deck", "cards"} and payload["deck"] == "Docker"
    assert payload["cards"][0] == {
        "id": payload["cards"][0]["id"],
        "question": "容器 › `docker run` 的作用是什么？",
        "answer": "新建并启动",
        "tags": ["容器"],
        "source_line": 2,
    }
    assert payload["cards"][0]["id"].startswith("docker-")


def test_output_file_and_report(notes, tmp_path, capsys):
    out_file = tmp_path / "deck.md"
    code, out, _ = run(["compile", str(notes), "-o", str(out_file), "--report"], capsys)
    assert code == 0
    assert len(parse_deck(out_file.read_text(encoding="utf-8"))) == 3
    assert "3 cards; 3 of 3 content lines on a card (100.0%)" in out


def test_report_lists_lines_left_out(tmp_path, capsys):
    path = tmp_path / "n.txt"
    path.write_text("## 原理\n\t为什么分层？\n\t区分镜像：id和摘要\n", encoding="utf-8")
    code, out, err = run(["compile", str(path), "--report"], capsys)
    assert code == 0
    assert "2 of 3 content lines on a card" in err
    assert "not on any card: line 2: 为什么分层？" in err
    assert out.startswith("---\ndeck: N\n---")


def test_seed_compiles_to_the_checked_in_deck(capsys):
    code, out, _ = run(["compile", str(SEED)], capsys)
    assert code == 0
    assert out == (SEED.parent / "docker.deck.md").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "the file is empty"),
        (b"\x7fELF\x02\x01\x01\x00\x00\x00", "binary file"),
        (b"ok line\n\xff\xfe\xfa bad\n", "line 2: text is not in a supported encoding"),
    ],
)
def test_bad_input_is_one_line_naming_the_file(tmp_path, capsys, content, message):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    out_file = tmp_path / "out.md"
    code, out, err = run(["compile", str(path), "-o", str(out_file)], capsys)
    assert code == 1
    assert out == ""
    assert err.count("\n") == 1 and str(path) in err and message in err
    assert "Traceback" not in err
    assert not out_file.exists()


def test_missing_file(tmp_path, capsys):
    code, _, err = run(["compile", str(tmp_path / "nope.txt")], capsys)
    assert code == 1
    assert err == f"deckard: {tmp_path / 'nope.txt'}: no such file\n"


def test_unwritable_output_is_one_line(notes, tmp_path, capsys):
    target = tmp_path / "no" / "such" / "deck.md"
    code, _, err = run(["compile", str(notes), "-o", str(target)], capsys)
    assert code == 1
    assert err.startswith(f"deckard: {target}: cannot write here")
    assert err.count("\n") == 1


def test_gbk_notes(tmp_path, capsys):
    path = tmp_path / "gbk.txt"
    path.write_bytes(NOTES.encode("gbk"))
    code, out, _ = run(["compile", str(path), "--json"], capsys)
    assert code == 0
    assert json.loads(out)["cards"][0]["answer"] == "新建并启动"


def test_help_lists_the_options(capsys):
    code, out, _ = run(["compile", "--help"], capsys)
    assert code == 0
    for option in ("--output", "--json", "--deck", "--report"):
        assert option in out
