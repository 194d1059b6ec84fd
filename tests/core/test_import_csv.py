"""CSV and TSV files: delimiters, header rows, Anki's text-export headers, quoting, encodings,
stable ids and one-line errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.core.errors import InputError
from app.core.importing import read_batch


def write(tmp_path: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def sides(path: Path, **options) -> list[tuple[str, str]]:
    return [(r.spec.question, r.spec.answer) for r in read_batch(path, **options).cards]


@pytest.mark.parametrize("delimiter", [",", ";", "\t", "|"])
def test_the_delimiter_is_detected(tmp_path, delimiter):
    text = "".join(f"question {i}{delimiter}answer, {i}\n" for i in range(3))
    if delimiter == ",":
        text = "".join(f'question {i},"answer, {i}"\n' for i in range(3))
    path = write(tmp_path, "cards.csv", text)
    assert sides(path) == [(f"question {i}", f"answer, {i}") for i in range(3)]


def test_a_header_row_names_the_columns(tmp_path):
    path = write(tmp_path, "vocab.csv", "Tags,Question,Answer\nfruit,apple,Apfel\n,pear,Birne\n")
    batch = read_batch(path)
    assert [(r.spec.question, r.spec.answer, r.spec.tags) for r in batch.cards] == [
        ("apple", "Apfel", ("fruit",)),
        ("pear", "Birne", ()),
    ]
    assert all(r.spec.deck == "Vocab" for r in batch.cards)


def test_a_first_row_of_data_is_not_taken_for_a_header(tmp_path):
    path = write(tmp_path, "cards.csv", "capital of France,Paris\ncapital of Italy,Rome\n")
    assert sides(path) == [("capital of France", "Paris"), ("capital of Italy", "Rome")]


def test_quoted_fields_span_lines_and_keep_quotes(tmp_path):
    path = write(tmp_path, "c.csv", 'q1,"line one\nline ""two"""\nq2,plain\n')
    assert sides(path) == [("q1", 'line one\nline "two"'), ("q2", "plain")]


def test_tsv_extension_means_tabs_even_with_commas_around(tmp_path):
    path = write(tmp_path, "c.tsv", "a, b\tc, d\ne, f\tg, h\n")
    assert sides(path) == [("a, b", "c, d"), ("e, f", "g, h")]


def test_utf8_with_bom_and_gb18030(tmp_path):
    bom = write(tmp_path, "bom.csv", "\ufeff问题,答案\n镜像,image\n")
    gbk = write(tmp_path, "gbk.csv", "问题,答案\n镜像,image\n", encoding="gb18030")
    assert sides(bom) == sides(gbk) == [("问题", "答案"), ("镜像", "image")]


def test_a_row_with_the_wrong_number_of_columns_names_its_line(tmp_path):
    path = write(tmp_path, "bad.csv", 'a,b\n"multi\nline",d\ne,f,g\n')
    with pytest.raises(InputError) as caught:
        read_batch(path)
    assert str(caught.value) == f"{path}, line 4: row has 3 columns, expected 2"


def test_invalid_text_is_refused_with_the_file_name(tmp_path):
    path = tmp_path / "bin.csv"
    path.write_bytes(b"\x00\x01\x02binary,stuff\n")
    with pytest.raises(InputError) as caught:
        read_batch(path)
    assert str(caught.value).startswith(str(path))


def test_a_single_column_file_is_refused(tmp_path):
    path = write(tmp_path, "one.csv", "just a line\nanother line\n")
    with pytest.raises(InputError, match="question and an answer"):
        read_batch(path)


ANKI_NOTES_EXPORT = (
    "#separator:tab\n#html:true\n#guid column:1\n#notetype column:2\n#deck column:3\n"
    "#tags column:6\n"
    "g1\tBasic\tTop::Sub\thello <b>x</b>\tworld <img src='a.png' onerror='x()'>\tt1 x::y\n"
    "g2\tCloze\tTop::Sub\t{{c1::Paris::city}} is in {{c2::France}}\t\t\n"
    'g3\tBasic (and reversed card)\tTop\t"multi\nline ""q"""\t"a\tb"\tz\n'
    "g4\tBasic (optional reversed card)\tTop\tfront\tback\t\n"
)


def test_anki_text_export_headers(tmp_path):
    path = write(tmp_path, "notes.txt", ANKI_NOTES_EXPORT)
    cards = {r.spec.id: r.spec for r in read_batch(path).cards}
    assert list(cards) == [
        "anki-g1-0",
        "anki-g2-0",
        "anki-g2-1",
        "anki-g3-0",
        "anki-g3-1",
        "anki-g4-0",
    ]
    assert cards["anki-g1-0"].question == "<div>hello <b>x</b></div>"
    assert cards["anki-g1-0"].answer == '<div>world <img src="a.png"></div>'
    assert cards["anki-g1-0"].deck == "Top::Sub"
    assert cards["anki-g1-0"].tags == ("t1", "x::y")
    assert cards["anki-g2-0"].question == '<div><b class="cloze">[city]</b> is in France</div>'
    assert cards["anki-g2-1"].answer == '<div>Paris is in <b class="cloze">France</b></div>'
    assert cards["anki-g3-0"].question == '<div>multi\nline "q"</div>'
    assert cards["anki-g3-1"].question == "<div>a\tb</div>"
    assert cards["anki-g3-0"].source_line == 9


def test_html_false_shows_markup_as_text(tmp_path):
    path = write(tmp_path, "plain.txt", "#separator:comma\n#html:false\n<b>not bold</b>,a & b\n")
    assert sides(path) == [("<div>&lt;b&gt;not bold&lt;/b&gt;</div>", "<div>a &amp; b</div>")]


def test_file_wide_deck_and_tags_headers(tmp_path):
    path = write(tmp_path, "x.txt", "#separator:Semicolon\n#deck:Words\n#tags:one two\nq;a\n")
    (record,) = read_batch(path).cards
    assert (record.spec.deck, record.spec.tags) == ("Words", ("one", "two"))


def test_markdown_fields_are_sanitized_but_code_is_kept(tmp_path):
    path = write(
        tmp_path,
        "md.csv",
        'What does `<script>` do?,"Runs code <script>alert(1)</script>'
        ' ![x](https://tracker.example/x.png)"\n'
        "second,row\n",
    )
    (first, _) = sides(path)
    assert first == (
        "What does `<script>` do?",
        "Runs code  [x](https://tracker.example/x.png)",
    )


def test_ids_are_stable_and_follow_deck_and_question(tmp_path):
    one = write(tmp_path, "a.csv", "q1,answer\nq2,answer\n")
    ids = [r.spec.id for r in read_batch(one).cards]
    edited = write(tmp_path, "a.csv", "q1,new answer\nq2,answer\n")
    assert [r.spec.id for r in read_batch(edited).cards] == ids
    moved = [r.spec.id for r in read_batch(edited, deck="Other").cards]
    assert moved[0] != ids[0]
    assert all(card_id.startswith("csv-") for card_id in ids)


def test_a_repeated_question_is_skipped_with_a_reason(tmp_path):
    path = write(tmp_path, "dup.csv", "q,a\nq,b\n")
    batch = read_batch(path)
    assert [r.spec.answer for r in batch.cards] == ["a"]
    assert len(batch.skipped) == 1 and "line 2" in batch.skipped[0]


def test_a_row_with_an_empty_question_is_skipped(tmp_path):
    path = write(tmp_path, "e.csv", "q,a\n,orphan answer\n")
    batch = read_batch(path)
    assert len(batch.cards) == 1
    assert batch.skipped == ["line 2: empty question"]


def test_the_deck_option_sets_or_parents_the_deck(tmp_path):
    plain = write(tmp_path, "p.csv", "q,a\nq2,a2\n")
    assert {r.spec.deck for r in read_batch(plain, deck="Mine").cards} == {"Mine"}
    exported = write(tmp_path, "notes.txt", ANKI_NOTES_EXPORT)
    decks = {r.spec.deck for r in read_batch(exported, deck="Mine").cards}
    assert decks == {"Mine::Top::Sub", "Mine::Top"}


def test_a_real_anki_text_export(tmp_path):
    import anki.collection  # noqa: F401  (before anki.cards)
    from anki.collection import Collection

    col = Collection(str(tmp_path / "c.anki2"))
    note = col.new_note(col.models.by_name("Basic"))
    note["Front"], note["Back"] = "Wie geht's?", 'Gut, <i>danke</i> "sehr"'
    note.tags = ["de"]
    col.add_note(note, col.decks.id("German::Phrases"))
    out = tmp_path / "export.txt"
    col.export_note_csv(
        out_path=str(out),
        limit=None,
        with_html=True,
        with_tags=True,
        with_deck=True,
        with_notetype=True,
        with_guid=True,
    )
    guid = note.guid
    col.close()
    (record,) = read_batch(out).cards
    assert record.spec.id == f"anki-{guid}-0"
    assert record.spec.question == "<div>Wie geht's?</div>"
    assert record.spec.answer == '<div>Gut, <i>danke</i> "sehr"</div>'
    assert (record.spec.deck, record.spec.tags) == ("German::Phrases", ("de",))


def test_a_field_larger_than_pythons_default_limit_is_read(tmp_path):
    image = "A" * 300_000
    path = write(tmp_path, "big.csv", f'q,"<img src=""data:image/png;base64,{image}"">"\nq2,a\n')
    first, _ = sides(path)
    assert image in first[1]
