"""SM-2 exactly as pinned: intervals, easiness, grades and the exact-arithmetic cases."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.core.sm2 import BUTTONS, Sm2State, review


def run(grades):
    state = Sm2State()
    intervals = []
    for grade in grades:
        state = review(state, grade)
        intervals.append(state.interval)
    return intervals, state


@pytest.mark.parametrize(
    ("grades", "intervals", "easiness"),
    [
        ([5, 5, 5, 5, 5, 5], [1, 6, 17, 48, 140, 420], "3.1"),
        ([0, 0, 5, 5, 4], [1, 1, 1, 6, 9], "1.5"),
        ([4, 4, 4, 4], [1, 6, 15, 38], "2.5"),
        ([3, 3, 3, 3], [1, 6, 14, 30], "1.94"),
        ([4, 4, 2, 4, 4, 4], [1, 6, 1, 1, 6, 14], "2.18"),
        ([5, 4, 3], [1, 6, 16], "2.46"),
        ([1], [1], "1.96"),
        ([0, 0, 0], [1, 1, 1], "1.3"),
    ],
)
def test_interval_sequences(grades, intervals, easiness):
    got, state = run(grades)
    assert got == intervals
    assert state.easiness == Decimal(easiness)


def test_new_card_state():
    state = Sm2State()
    assert (state.repetitions, state.interval, state.easiness) == (0, 0, Decimal("2.5"))


def test_easiness_changes_per_grade():
    changes = {q: review(Sm2State(), q).easiness - Decimal("2.5") for q in range(6)}
    assert changes == {
        0: Decimal("-0.8"),
        1: Decimal("-0.54"),
        2: Decimal("-0.32"),
        3: Decimal("-0.14"),
        4: Decimal("0"),
        5: Decimal("0.1"),
    }


def test_failing_restarts_repetitions_and_gives_one_day():
    state = Sm2State(repetitions=5, interval=100, easiness=Decimal("2.8"))
    after = review(state, 2)
    assert (after.repetitions, after.interval) == (0, 1)


def test_uses_easiness_from_before_the_review():
    after = review(Sm2State(repetitions=2, interval=6, easiness=Decimal("2.5")), 5)
    assert after.interval == 15  # 6 x 2.5, not 6 x 2.6
    assert after.easiness == Decimal("2.6")


@pytest.mark.parametrize("bad", [-1, 6, 2.0, "4", True, None])
def test_quality_outside_0_to_5_is_refused(bad):
    with pytest.raises(ValueError, match="quality"):
        review(Sm2State(), bad)


def test_float_easiness_is_refused():
    with pytest.raises(TypeError):
        Sm2State(easiness=2.5)  # type: ignore[arg-type]


def test_buttons_map_to_qualities():
    assert BUTTONS == {"Again": 2, "Hard": 3, "Good": 4, "Easy": 5}


grades = st.lists(st.integers(min_value=0, max_value=5), max_size=40)


@given(grades)
def test_easiness_never_below_1_3(sequence):
    state = Sm2State()
    for grade in sequence:
        state = review(state, grade)
        assert state.easiness >= Decimal("1.3")


@given(grades)
def test_grade_4_leaves_easiness_unchanged(sequence):
    state = Sm2State()
    for grade in sequence:
        state = review(state, grade)
    assert review(state, 4).easiness == state.easiness


@given(grades, st.lists(st.integers(min_value=3, max_value=5), min_size=1, max_size=15))
def test_intervals_grow_from_the_third_passing_repetition(prefix, passes):
    state = Sm2State()
    for grade in prefix:
        state = review(state, grade)
    for grade in passes:
        before = state
        state = review(state, grade)
        if state.repetitions >= 3:
            assert state.interval > before.interval


@given(grades)
def test_review_is_pure(sequence):
    state = Sm2State()
    for grade in sequence:
        again = review(state, grade)
        assert review(state, grade) == again
        state = again
