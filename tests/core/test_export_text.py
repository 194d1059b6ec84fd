"""Markdown and CSV exports: each comes back into Deckard as the same cards."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime

import pytest

from app.core.collection import Collection
from app.core.exporting import export_collection
from app.core.exporting.anki_format import note_guid
from app.core.importing import read_batch
from app.core.model import CardRecord, CardSpec, ImportBatch

NOW = datetime(2026, 11, 20, 12, tzinfo=UTC)

TRICKY = [
    CardSpec(
        id="tricky-1",
        deck="Docker::Compose",
        question='Quotes "double", commas, and a\ttab?',
        answer="Line one\nline two\n\n```yaml\nservices:\n  web: {image: nginx}\n```",
        tags=("yaml", "compose"),
    ),
    CardSpec(
        id="tricky-2",
        deck="Docker",
        question="# not a header row, just a hash",
        answer="中文答案：镜像与容器",
        tags=(),
    ),
]


@pytest.fixture(scope="module")
def collection(tmp_path_factory):
    path = tmp_path_factory.mktemp("deckard") / "collection.deckard"
    col = Collection.open(path)
    col.apply_batch(
        ImportBatch(source="tricky", cards=[CardRecord(spec=spec) for spec in TRICKY]), now=NOW
    )
    yield col
    col.close()


@pytest.fixture(scope="module")
def specs(collection):
    return [record.spec for record in collection.iter_records()]


def _content(spec: CardSpec) -> tuple:
    return (spec.deck, spec.question, spec.answer, tuple(sorted(spec.tags)))


def test_markdown_export_reads_back_to_the_same_cards(collection, specs, tmp_path):
    out = tmp_path / "deck.md"
    result = export_collection(collection, out)
    assert (result.format, result.cards) == ("markdown", len(specs))
    back = read_batch(out).cards
    assert [record.spec for record in back] == [
        CardSpec(s.id, s.deck, s.question, s.answer, s.tags, s.source_line) for s in specs
    ]


def test_csv_export_reads_back_to_the_same_cards(collection, specs, tmp_path):
    out = tmp_path / "deck.csv"
    result = export_collection(collection, out)
    assert (result.format, result.cards) == ("csv", len(specs))
    back = [record.spec for record in read_batch(out).cards]
    assert sorted(map(_content, back)) == sorted(map(_content, specs))


def test_csv_has_anki_headers_and_our_guids(collection, specs, tmp_path):
    out = tmp_path / "deck.csv"
    export_collection(collection, out)
    text = out.read_text(encoding="utf-8")
    headers = [line for line in text.splitlines()[:5] if line.startswith("#")]
    assert headers == [
        "#separator:Comma",
        "#columns:guid,deck,Question,Answer,tags",
        "#guid column:1",
        "#deck column:2",
        "#tags column:5",
    ]
    rows = list(csv.reader(io.StringIO(text.split("\n", len(headers))[-1])))
    assert [row[0] for row in rows] == [note_guid(spec.id) for spec in specs]


def test_re_importing_an_edited_csv_updates_the_same_cards(collection, tmp_path):
    out = tmp_path / "deck.csv"
    export_collection(collection, out)
    first = read_batch(out).cards
    text = out.read_text(encoding="utf-8").replace("中文答案：镜像与容器", "改过的答案")
    out.write_text(text, encoding="utf-8")
    second = read_batch(out).cards
    assert [r.spec.id for r in second] == [r.spec.id for r in first]
    assert sum(r.spec.answer == "改过的答案" for r in second) == 1


def test_a_csv_export_imported_again_brings_back_the_same_cards_not_copies(tmp_path):
    path = tmp_path / "collection.deckard"
    with Collection.open(path) as col:
        col.apply_batch(
            ImportBatch(source="tricky", cards=[CardRecord(spec=spec) for spec in TRICKY]), now=NOW
        )
        before = {record.spec.id: record.spec for record in col.iter_records()}
        out = tmp_path / "deck.csv"
        export_collection(col, out)
        out.write_text(
            out.read_text(encoding="utf-8").replace("中文答案：镜像与容器", "改过的答案"),
            encoding="utf-8",
        )
        result = col.import_file(out)
        after = {record.spec.id: record.spec for record in col.iter_records()}
    assert result.added == []
    assert result.updated == ["tricky-2"]
    assert after.keys() == before.keys()
    assert after["tricky-2"].answer == "改过的答案"


def test_one_deck_only(collection, tmp_path):
    out = tmp_path / "compose.md"
    result = export_collection(collection, out, deck="Docker::Compose")
    assert result.cards == 1
    assert [r.spec.id for r in read_batch(out).cards] == ["tricky-1"]
