"""Fuzzing the CSV/TSV reader through read_batch: any file gives cards or an InputError."""

from __future__ import annotations

import atexit
import shutil
import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.errors import DeckardError
from app.core.importing import read_batch
from app.core.model import ImportBatch

CELLS = [
    "Question",
    "Answer",
    "Front",
    "Back",
    "Tags",
    "Deck",
    "GUID",
    "What is Docker?",
    "{{c1::cloze}} text",
    "{{c1::",
    '"quoted, with comma"',
    '"unterminated',
    '""',
    "<b>html</b><script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "Docker::Volumes",
    "::",
    "",
    "问题",
    "\x00",
    "a\nb",
]
HEADERS = [
    "#separator:tab",
    "#separator:comma",
    "#separator:semicolon",
    "#separator:Pipe",
    "#separator:nonsense",
    "#separator:",
    "#html:true",
    "#html:false",
    "#html:maybe",
    "#tags:one two",
    "#deck:Imported",
    "#deck:",
    "#notetype:Basic (and reversed card)",
    "#notetype:Cloze",
    "#columns:Front\tBack\tTags",
    "#tags column:3",
    "#tags column:0",
    "#tags column:99999999999999999999",
    "#deck column:2",
    "#guid column:1",
    "#notetype column:4",
    "#deck column:x",
]

rows = st.lists(
    st.lists(st.one_of(st.sampled_from(CELLS), st.text(max_size=10)), max_size=5).flatmap(
        lambda cells: st.sampled_from(["\t", ",", ";", "|"]).map(lambda sep: sep.join(cells))
    ),
    max_size=12,
)
documents = st.tuples(st.lists(st.sampled_from(HEADERS), max_size=4), rows).map(
    lambda parts: "\n".join(parts[0] + parts[1])
)
SCRATCH = Path(tempfile.mkdtemp(prefix="deckard-fuzz-csv-"))
atexit.register(shutil.rmtree, SCRATCH, ignore_errors=True)


def read_or_error(data: bytes, suffix: str):
    path = SCRATCH / f"fuzz{suffix}"
    path.write_bytes(data)
    try:
        batch = read_batch(path, fmt="tsv" if suffix == ".tsv" else "csv")
    except DeckardError as error:
        assert str(error).strip(), "an error without a message"
        assert str(path) in str(error), "the error does not name the file"
        return None
    assert isinstance(batch, ImportBatch)
    return batch


@settings(max_examples=80, deadline=None)
@given(documents, st.sampled_from([".csv", ".tsv"]), st.sampled_from(["utf-8", "utf-16"]))
def test_any_text_file_gives_cards_or_an_input_error(text, suffix, encoding):
    read_or_error(text.encode(encoding, errors="surrogatepass"), suffix)


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=300))
def test_any_bytes_give_cards_or_an_input_error(data):
    read_or_error(data, ".csv")
