"""Today's allowance kept between answers: counting answers one at a time (and taking them back)
gives every deck the allowance a fresh computation from the day's answers would."""

from __future__ import annotations

import sqlite3

from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.scheduler import Allowance, DeckTree
from app.core.schema import migrate

DECKS = ["P", "P::A", "P::A::X", "P::B", "Q", "Q::C"]


def tree_with_limits(limits: list[tuple[int, int]]) -> DeckTree:
    conn = sqlite3.connect(":memory:", isolation_level=None)
    migrate(conn)
    for name, (new, reviews) in zip(DECKS, limits, strict=True):
        parent = name.rpartition("::")[0] or None
        conn.execute(
            "INSERT INTO decks (name, parent_id, new_per_day, reviews_per_day)"
            " VALUES (?, (SELECT id FROM decks WHERE name = ?), ?, ?)",
            (name, parent, new, reviews),
        )
    tree = DeckTree.load(conn)
    conn.close()
    return tree


limits = st.lists(
    st.tuples(st.integers(0, 4), st.integers(0, 4)), min_size=len(DECKS), max_size=len(DECKS)
)
# (deck, new or review, +1 for an answer or -1 for its undo)
answers = st.lists(
    st.tuples(st.sampled_from(DECKS), st.booleans(), st.sampled_from([1, 1, 1, -1])),
    max_size=25,
)


@settings(max_examples=60, deadline=None)
@given(limits, answers)
def test_counting_answers_one_by_one_gives_the_allowance_a_fresh_computation_gives(
    deck_limits, steps
):
    tree = tree_with_limits(deck_limits)
    done: dict[int, list[int]] = {}
    kept = Allowance.compute(tree, done)
    for name, new, change in steps:
        deck = tree.ids[name]
        done.setdefault(deck, [0, 0])[0 if new else 1] += change
        kept.count(tree, deck, new, change)
        fresh = Allowance.compute(tree, done)
        assert (kept.new, kept.review) == (fresh.new, fresh.review)


def test_an_answer_in_a_sub_deck_uses_up_its_parents_allowance_and_its_siblings():
    tree = tree_with_limits([(2, 9), (5, 9), (5, 9), (5, 9), (3, 9), (3, 9)])
    allowance = Allowance.compute(tree, {})
    assert allowance.new[tree.ids["P::B"]] == 2
    allowance.count(tree, tree.ids["P::A::X"], True, 1)
    assert allowance.new[tree.ids["P"]] == 1
    assert allowance.new[tree.ids["P::B"]] == 1  # capped by its parent
    assert allowance.new[tree.ids["P::A::X"]] == 1
    assert allowance.new[tree.ids["Q"]] == 3  # another top-level deck: untouched
    assert allowance.review[tree.ids["P"]] == 9  # a new card is not a review
