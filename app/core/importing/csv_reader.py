"""CSV and TSV files: one card (or a few) per row.

Understands Anki's text-export headers (`#separator:`, `#html:`, `#tags:`, `#deck:`,
`#notetype:`, `#columns:`, `#tags column:`, `#deck column:`, `#guid column:`,
`#notetype column:`); without them the delimiter is detected (tab, comma, semicolon, pipe) and a
first row made of column names (Question, Answer, Front, Back, Tags, Deck, GUID, ...) is taken as
a header. Quoted fields may span lines. Every row must have the same number of columns.

Columns: the first field column is the question, the second the answer, further non-empty field
columns are appended to the answer. A note type named like Anki's "Basic (and reversed card)"
adds the reverse card, "(optional reversed card)" adds it when the third field is filled, and
"Cloze" (or a first field with `{{c1::...}}`) gives one card per cloze number.

Card ids: with a guid column, `anki-{guid}-{ordinal}` (the same ids an Anki package with those
notes gets, so either file updates the other's cards); otherwise `csv-{hash}-{ordinal}`, the hash
taken from the deck and the first field, so editing the answer keeps a card's history while
editing the question or moving it to another deck makes a new card.

Field text: with `#html:true` it is HTML (sanitized, kept as a raw HTML block), with
`#html:false` plain text (escaped, line breaks kept); with no header it is Markdown, Deckard's own
card format (sanitized the same way).
"""

from __future__ import annotations

import csv
import hashlib
import html
import io
import itertools
import re
from dataclasses import dataclass, field
from pathlib import Path

from app.core.errors import InputError
from app.core.importing.anki_templates import cloze_numbers, render_cloze
from app.core.model import DECK_SEPARATOR, CardRecord, CardSpec, ImportBatch
from app.core.sanitize import sanitize_html, sanitize_markdown

_SEPARATORS = {
    "tab": "\t",
    "comma": ",",
    "semicolon": ";",
    "space": " ",
    "pipe": "|",
    "colon": ":",
}
# In order of preference when several split every row alike: commas are the likeliest to occur
# inside the text itself.
_CANDIDATES = ("\t", "|", ";", ",")
_HEADER_KEYS = {
    "separator",
    "html",
    "tags",
    "deck",
    "notetype",
    "columns",
    "tags column",
    "deck column",
    "guid column",
    "notetype column",
}
_QUESTION_NAMES = {"question", "front", "term", "word", "prompt", "text", "expression"}
_ANSWER_NAMES = {"answer", "back", "definition", "meaning", "response", "back extra", "extra"}
_SPECIAL_NAMES = {
    "tags": "tags",
    "tag": "tags",
    "deck": "deck",
    "guid": "guid",
    "id": "guid",
    "notetype": "notetype",
    "note type": "notetype",
}
_HEADER_LINE = re.compile(r"^#([A-Za-z][A-Za-z ]*?)\s*:(.*)$")
_SAMPLE_ROWS = 50
_SAMPLE_CHARS = 65536
# Python's csv module refuses fields over 128 KiB by default; a card with an embedded image is
# larger, and the whole file is in memory already.
MAX_FIELD_CHARS = 64 * 1024**2


@dataclass
class _Layout:
    delimiter: str
    html: bool | None = None
    deck: str | None = None
    notetype: str | None = None
    tags: list[str] = field(default_factory=list)
    columns: list[str] | None = None
    special: dict[str, int] = field(default_factory=dict)  # role -> 0-based column


def read_csv(path: Path, *, delimiter: str | None = None, deck: str | None = None) -> ImportBatch:
    """Read a CSV/TSV file (Anki text exports included) into an ImportBatch."""
    from app.core.textfile import read_text

    text = read_text(path)
    headers, body_start = _read_headers(text, path)
    lines_before = text.count("\n", 0, body_start)
    body = text[body_start:]
    layout = _layout(headers, body, delimiter, path)
    rows = _rows(body, layout.delimiter, path, lines_before)
    if not rows:
        raise InputError("no rows to import", path=path)
    if layout.columns is None and _is_header_row(rows[0][1]):
        layout.columns = rows[0][1]
        rows = rows[1:]
    if layout.columns is not None:
        for index, name in enumerate(layout.columns):
            role = _SPECIAL_NAMES.get(name.strip().lower())
            if role and role not in layout.special:
                layout.special[role] = index
    width = len(layout.columns) if layout.columns is not None else len(rows[0][1]) if rows else 0
    for role, index in layout.special.items():
        if index >= width:
            raise InputError(
                f"#{role} column:{index + 1} is past the last column ({width})", path=path
            )
    batch = ImportBatch(source=str(path))
    default_deck = _default_deck(layout, deck, path)
    seen: dict[str, int] = {}
    for line, row in rows:
        if len(row) != width:
            raise InputError(f"row has {len(row)} columns, expected {width}", path=path, line=line)
        _row_cards(row, line, layout, deck, default_deck, batch, seen)
    return batch


def _read_headers(text: str, path: Path) -> tuple[dict[str, str], int]:
    """Anki's `#key:value` lines at the top of the file, and where the rows start."""
    headers: dict[str, str] = {}
    pos = 0
    while pos < len(text) and text.startswith("#", pos):
        end = text.find("\n", pos)
        end = len(text) if end < 0 else end
        match = _HEADER_LINE.match(text[pos:end])
        if match and match.group(1).strip().lower() in _HEADER_KEYS:
            headers[match.group(1).strip().lower()] = match.group(2).strip()
        elif not headers:
            break  # a first row that merely starts with "#" is data
        pos = end + 1
    return headers, pos


def _layout(headers: dict[str, str], body: str, delimiter: str | None, path: Path) -> _Layout:
    separator = headers.get("separator")
    if separator is not None:
        delimiter = _SEPARATORS.get(separator.lower(), separator)
        if len(delimiter) != 1:
            raise InputError(
                f"#separator:{separator} is not one character or a known name", path=path
            )
    if delimiter is None:
        delimiter = _detect_delimiter(body)
    layout = _Layout(delimiter=delimiter)
    if "html" in headers:
        layout.html = headers["html"].lower() in ("true", "1", "yes")
    layout.deck = headers.get("deck") or None
    layout.notetype = headers.get("notetype") or None
    layout.tags = headers.get("tags", "").split()
    if "columns" in headers:
        layout.columns = next(csv.reader([headers["columns"]], delimiter=delimiter))
    for role in ("tags", "deck", "guid", "notetype"):
        value = headers.get(f"{role} column")
        if value is None:
            continue
        if not value.isdigit() or int(value) < 1:
            raise InputError(f"#{role} column:{value} is not a column number", path=path)
        layout.special[role] = int(value) - 1
    return layout


def _detect_delimiter(body: str) -> str:
    """The candidate that splits the most of the first rows into the same number (2+) of columns."""
    if csv.field_size_limit() < MAX_FIELD_CHARS:
        csv.field_size_limit(MAX_FIELD_CHARS)
    best, best_score = None, 0.0
    for candidate in _CANDIDATES:
        reader = csv.reader(io.StringIO(body), delimiter=candidate)
        try:
            counts = [len(r) for r in itertools.islice(reader, _SAMPLE_ROWS) if r]
        except csv.Error:
            continue
        if not counts:
            continue
        modal = max(set(counts), key=counts.count)
        score = counts.count(modal) / len(counts) if modal >= 2 else 0.0
        if score > best_score:
            best, best_score = candidate, score
    if best is not None:
        return best
    try:
        # Less common separators, tried only when none of the usual ones splits the rows.
        return csv.Sniffer().sniff(body[:_SAMPLE_CHARS], delimiters=":^~").delimiter
    except csv.Error:
        return ","


def _rows(body: str, delimiter: str, path: Path, lines_before: int) -> list[tuple[int, list[str]]]:
    """(first line number, cells) of every non-blank row."""
    if csv.field_size_limit() < MAX_FIELD_CHARS:
        csv.field_size_limit(MAX_FIELD_CHARS)
    reader = csv.reader(io.StringIO(body), delimiter=delimiter, strict=False)
    rows = []
    start = lines_before + 1
    try:
        for row in reader:
            line = start
            start = lines_before + reader.line_num + 1
            if not row or all(not cell.strip() for cell in row):
                continue
            rows.append((line, row))
    except csv.Error as error:
        raise InputError(f"malformed row ({error})", path=path, line=start) from None
    return rows


def _is_header_row(cells: list[str]) -> bool:
    names = [cell.strip().lower() for cell in cells]
    if not all(names) or len(set(names)) != len(names) or any(len(n) > 40 for n in names):
        return False
    known = _QUESTION_NAMES | _ANSWER_NAMES | set(_SPECIAL_NAMES)
    return names[0] in known and sum(name in known for name in names) * 2 >= len(names)


def _default_deck(layout: _Layout, deck: str | None, path: Path) -> str:
    if layout.deck:
        return f"{deck}{DECK_SEPARATOR}{layout.deck}" if deck else layout.deck
    if deck:
        return deck
    from app.core.notes_io import deck_name_for

    return deck_name_for(path)


def _row_cards(
    row: list[str],
    line: int,
    layout: _Layout,
    deck_option: str | None,
    default_deck: str,
    batch: ImportBatch,
    seen: dict[str, int],
) -> None:
    special = layout.special
    values = [cell for index, cell in enumerate(row) if index not in special.values()]
    deck = default_deck
    if "deck" in special and row[special["deck"]].strip():
        own = row[special["deck"]].strip()
        deck = f"{deck_option}{DECK_SEPARATOR}{own}" if deck_option else own
    tags = list(layout.tags)
    if "tags" in special:
        tags += row[special["tags"]].split()
    notetype = (row[special["notetype"]] if "notetype" in special else layout.notetype) or ""
    guid = row[special["guid"]].strip() if "guid" in special else ""
    if not values or not values[0].strip():
        batch.skipped.append(f"line {line}: empty question")
        return
    sides = [_side(value, layout.html) for value in values]
    kind = notetype.lower()
    cards: list[tuple[int, str, str]] = []
    if "cloze" in kind or (not kind and cloze_numbers(values[0])):
        extra = "\n\n".join(s for s in sides[1:] if s)
        for number in sorted(cloze_numbers(values[0])):
            question = render_cloze(sides[0], number, answer=False)
            answer = render_cloze(sides[0], number, answer=True)
            cards.append((number - 1, question, f"{answer}\n\n{extra}" if extra else answer))
        if not cards:
            batch.skipped.append(f"line {line}: cloze note without any {{{{c1::...}}}}")
            return
    else:
        if len(values) < 2:
            raise InputError(
                "a row needs a question and an answer column", path=batch.source, line=line
            )
        answer = "\n\n".join(s for s in sides[1:] if s)
        cards.append((0, sides[0], answer))
        reverse = "reverse" in kind and (
            "optional" not in kind or (len(values) > 2 and values[2].strip())
        )
        if reverse and sides[1]:
            cards.append((1, sides[1], sides[0]))
    if guid:
        prefix = f"anki-{guid}"
    else:
        digest = hashlib.sha1(f"{deck}\x1f{values[0].strip()}".encode()).hexdigest()[:12]
        prefix = f"csv-{digest}"
    for ordinal, question, answer in cards:
        card_id = f"{prefix}-{ordinal}"
        if card_id in seen:
            batch.skipped.append(f"line {line}: same card as line {seen[card_id]} (id {card_id})")
            continue
        seen[card_id] = line
        spec = CardSpec(
            id=card_id,
            deck=deck,
            question=question,
            answer=answer,
            tags=tuple(dict.fromkeys(tags)),
            source_line=line,
        )
        batch.cards.append(CardRecord(spec=spec))


def _side(value: str, is_html: bool | None) -> str:
    value = value.strip()
    if not value:
        return ""
    if is_html is None:
        return sanitize_markdown(value)
    if is_html:
        return f"<div>{sanitize_html(value)}</div>"
    return "<div>" + html.escape(value, quote=False).replace("\n", "<br>") + "</div>"
