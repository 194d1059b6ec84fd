"""Compiling a notes file on disk: the deck name, the output text, the coverage report.

This is what `deckard compile` runs; it lives in the core so that the command line stays a thin
layer and tests can call it directly.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from app.core.deckfile import write_deck
from app.core.errors import InputError
from app.core.model import CardSpec
from app.core.notes import CompileReport, compile_with_report
from app.core.textfile import read_text


def deck_name_for(path: str | os.PathLike[str]) -> str:
    """The default deck for a notes file: its name before the first dot, first letter upper-case.

    `decks/docker/docker.notes.txt` gives `Docker`.
    """
    stem = Path(path).name.split(".")[0].strip() or "Notes"
    return stem[:1].upper() + stem[1:]


def cards_to_json(deck: str, cards: list[CardSpec]) -> str:
    """The `--json` shape other tools rely on: {"deck", "cards": [{id, question, ...}]}.

    The text is what `json.dumps(payload, ensure_ascii=False, indent=2)` gives, written card by
    card: with `indent` the json module encodes in Python, several times slower on big decks.
    """
    if not cards:
        return json.dumps({"deck": deck, "cards": []}, ensure_ascii=False, indent=2) + "\n"
    encode = json.JSONEncoder(ensure_ascii=False).encode
    parts = ['{\n  "deck": ', encode(deck), ',\n  "cards": [']
    separator = "\n"
    for card in cards:
        if card.tags:
            tags = "[\n        " + ",\n        ".join(map(encode, card.tags)) + "\n      ]"
        else:
            tags = "[]"
        parts += (
            separator,
            '    {\n      "id": ',
            encode(card.id),
            ',\n      "question": ',
            encode(card.question),
            ',\n      "answer": ',
            encode(card.answer),
            ',\n      "tags": ',
            tags,
            ',\n      "source_line": ',
            encode(card.source_line),
            "\n    }",
        )
        separator = ",\n"
    parts.append("\n  ]\n}\n")
    return "".join(parts)


def compile_file(
    path: str | os.PathLike[str], *, deck: str | None = None, as_json: bool = False
) -> tuple[str, tuple[list[CardSpec], CompileReport]]:
    """Read and compile a notes file; returns the output text and (cards, coverage report)."""
    text = read_text(path)
    deck = deck or deck_name_for(path)
    cards, report = compile_with_report(text, deck=deck, source=str(path))
    output = cards_to_json(deck, cards) if as_json else write_deck(cards, deck=deck)
    return output, (cards, report)


def format_report(compiled: tuple[list[CardSpec], CompileReport], source: str) -> str:
    """The human coverage report: one summary line, then every content line left out."""
    cards, report = compiled
    lines = [
        f"{source}: {len(cards)} cards; {report.covered_lines} of {report.content_lines} content "
        f"lines on a card ({report.coverage:.1%})"
    ]
    for number, text in report.missed:
        lines.append(f"  not on any card: line {number}: {text}")
    for number, text in report.empty_sections:
        lines.append(f"  empty section: line {number}: {text}")
    return "\n".join(lines)


def write_atomically(path: str | os.PathLike[str], text: str) -> None:
    """Write `text` (UTF-8) so that the file is either the old one or the complete new one."""
    target = Path(path)
    if target.is_dir():
        raise InputError("this is a folder; give a file name for the deck", path=target)
    try:
        handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.")
    except OSError as error:
        raise InputError(f"cannot write here ({error.strerror or error})", path=target) from None
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
