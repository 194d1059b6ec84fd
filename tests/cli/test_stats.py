"""`deckard stats [--deck NAME] [--json]`: the statistics window's numbers in a terminal."""

from __future__ import annotations

import json

import pytest

from tests.cli.cli_helpers import run
from tests.core.sample_collection import make_sample


@pytest.fixture(scope="module")
def collection_path(tmp_path_factory):
    collection, _ = make_sample(tmp_path_factory.mktemp("cli-stats"))
    path = collection.path
    collection.close()
    return path


def test_json_gives_every_number(capsys, collection_path):
    code, out, err = run(capsys, "--collection", str(collection_path), "stats", "--json")
    assert code == 0, err
    data = json.loads(out)
    assert data["deck"] is None
    assert data["summary"]["cards"] == 6
    assert len(data["calendar"]) == 365
    assert len(data["forecast"]) == 30
    assert len(data["reviews_per_day"]) == 30
    assert [g["total"] for g in data["grades"]] == [0, 1, 0, 1, 3, 1]
    assert sum(data["states"].values()) == 6
    assert sum(bucket["reviews"] for bucket in data["retention"]) == 3


def test_deck_option_limits_to_the_deck_and_its_sub_decks(capsys, collection_path):
    code, out, _ = run(
        capsys, "--collection", str(collection_path), "stats", "--deck", "Docker", "--json"
    )
    assert code == 0
    data = json.loads(out)
    assert data["deck"] == "Docker"
    assert data["summary"]["cards"] == 3
    assert [g["total"] for g in data["grades"]] == [0, 1, 0, 0, 3, 1]


def test_text_output_reads_as_a_report(capsys, collection_path):
    code, out, _ = run(capsys, "--collection", str(collection_path), "stats")
    assert code == 0
    assert out.startswith("Statistics for the whole collection, day ")
    assert "Cards: 6 (" in out
    assert "Grades (0-2 fail, 3-5 pass):" in out


def test_unknown_deck_is_one_line_and_exit_1(capsys, collection_path):
    code, out, err = run(capsys, "--collection", str(collection_path), "stats", "--deck", "Nope")
    assert code == 1
    assert out == ""
    assert err.startswith("deckard: no deck named 'Nope'")
    assert len(err.strip().splitlines()) == 1
    assert "Traceback" not in err


def test_help_mentions_the_options(capsys):
    code, out, _ = run(capsys, "stats", "--help")
    assert code == 0
    assert "--deck" in out and "--json" in out
