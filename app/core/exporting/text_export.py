"""Export cards as text: a Markdown deck file, or a CSV in Anki's text format with its headers.

Both carry each card's Markdown source, its deck and its tags, so importing the file into
Deckard again gives the same cards. The CSV uses Anki's "Notes in Plain Text" file headers
(`#separator:Comma`, `#columns:`, `#guid column:`, `#deck column:`, `#tags column:`), so Anki and
spreadsheets read it too. There is deliberately no `#html:` header: the fields are Markdown,
which is what Deckard's CSV reader assumes when that header is absent (with `#html:true` it
would wrap every side in a `<div>`). The guid column holds the same guid as the .apkg export, so
the two never duplicate each other in Anki, and re-importing an edited CSV into Deckard updates
the cards it made the first time instead of adding new ones.
"""

from __future__ import annotations

import csv
import io
import os
import sqlite3
from collections.abc import Iterable, Iterator
from pathlib import Path

from app.core.exporting.anki_format import note_guid
from app.core.model import DECK_SEPARATOR, CardSpec
from app.core.store import tags_from_json

CSV_COLUMNS = ("guid", "deck", "Question", "Answer", "tags")


def read_specs(conn: sqlite3.Connection, deck: str | None = None) -> Iterator[CardSpec]:
    """The cards of the collection (or of `deck` and its sub-decks) in id order, content only.

    Text exports carry no scheduling, so unlike `Collection.iter_records` this reads neither
    schedules nor the review history (on a large collection, most of the time it took).
    """
    where, params = "", ()  # type: tuple[str, tuple[object, ...]]
    if deck is not None:
        prefix = deck + DECK_SEPARATOR
        where = " WHERE d.name = ? OR substr(d.name, 1, ?) = ?"
        params = (deck, len(prefix), prefix)
    rows = conn.execute(
        "SELECT c.id, d.name, c.question, c.answer, c.tags, c.source_line"
        f" FROM cards c JOIN decks d ON d.id = c.deck_id{where} ORDER BY c.id",
        params,
    )
    tag_lists: dict[str | None, tuple[str, ...]] = {}
    for card_id, deck_name, question, answer, tags, source_line in rows:
        tag_list = tag_lists.get(tags)
        if tag_list is None:
            tag_list = tag_lists[tags] = tags_from_json(tags)
        yield CardSpec(
            id=card_id,
            deck=deck_name,
            question=question,
            answer=answer,
            tags=tag_list,
            source_line=source_line,
        )


def render_deck(specs: Iterable[CardSpec], *, deck: str | None = None) -> tuple[str, int]:
    """The Markdown deck text for the cards `specs` and the number of cards in it."""
    from app.core.deckfile import write_deck

    specs = list(specs)
    return write_deck(specs, deck=deck), len(specs)


def render_csv(specs: Iterable[CardSpec], *, delimiter: str = ",") -> tuple[str, int]:
    """The Anki text-format CSV for the cards `specs` and the number of cards in it."""
    buffer = io.StringIO(newline="")
    separator = {",": "Comma", "\t": "Tab", ";": "Semicolon"}[delimiter]
    headers = [
        f"#separator:{separator}",
        f"#columns:{delimiter.join(CSV_COLUMNS)}",
        f"#guid column:{CSV_COLUMNS.index('guid') + 1}",
        f"#deck column:{CSV_COLUMNS.index('deck') + 1}",
        f"#tags column:{CSV_COLUMNS.index('tags') + 1}",
    ]
    buffer.write("\n".join(headers) + "\n")
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    count = 0
    for spec in specs:
        writer.writerow(_csv_row(spec))
        count += 1
    return buffer.getvalue(), count


def _csv_row(spec: CardSpec) -> list[str]:
    # Anki separates tags with spaces, so a space inside a tag becomes an underscore.
    tags = " ".join("_".join(tag.split()) for tag in spec.tags if tag.strip())
    return [note_guid(spec.id), spec.deck, spec.question, spec.answer, tags]


def write_text_atomically(text: str, out_path: str | os.PathLike[str]) -> None:
    """Write `text` as UTF-8 to `out_path`, replacing it only once the whole file is written."""
    out = Path(out_path)
    out.parent.mkdir(parents=True, exist_ok=True)
    partial = out.with_name(f".{out.name}.partial")
    try:
        with partial.open("w", encoding="utf-8", newline="") as handle:
            handle.write(text)
        os.replace(partial, out)
    finally:
        partial.unlink(missing_ok=True)
