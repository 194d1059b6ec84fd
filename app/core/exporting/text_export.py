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
from collections.abc import Iterable
from pathlib import Path

from app.core.exporting.anki_format import note_guid
from app.core.model import CardRecord, CardSpec

CSV_COLUMNS = ("guid", "deck", "Question", "Answer", "tags")


def render_deck(records: Iterable[CardRecord], *, deck: str | None = None) -> tuple[str, int]:
    """The Markdown deck text for `records` and the number of cards in it."""
    from app.core.deckfile import write_deck

    specs = [record.spec for record in records]
    return write_deck(specs, deck=deck), len(specs)


def render_csv(records: Iterable[CardRecord], *, delimiter: str = ",") -> tuple[str, int]:
    """The Anki text-format CSV for `records` and the number of cards in it."""
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
    for record in records:
        writer.writerow(_csv_row(record.spec))
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
