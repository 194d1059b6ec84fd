"""SM-2, exactly as SuperMemo published it: a pure function from a card's state and a grade.

Easiness is exact: a `Decimal` outside, whole thousandths inside, so 5,5,5,5,5,5 gives the
intervals 1, 6, 17, 48, 140, 420 (binary floats would give 421 at the end, because 140 x 3.0 is
computed as 420.00000000000006). Nothing here reads the clock or touches storage; the
collection applies the same-day repeat rule and turns intervals into due days.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

MIN_EASINESS_MILLI = 1300
START_EASINESS_MILLI = 2500
QUALITIES = (0, 1, 2, 3, 4, 5)
PASSING_QUALITY = 3
# Below this grade a card comes back in the same session (SM-2's same-day rule).
REPEAT_BELOW_QUALITY = 4

# The four review buttons and the qualities they give: the mapping the open spaced-repetition
# benchmark uses for SM-2. The "six" grading mode shows the qualities 0-5 themselves.
BUTTONS: dict[str, int] = {"Again": 2, "Hard": 3, "Good": 4, "Easy": 5}
GRADING_MODES = ("four", "six")


def easiness_to_milli(easiness: Decimal) -> int:
    """Whole thousandths of an easiness; more precision than that is refused."""
    milli = easiness * 1000
    if milli != milli.to_integral_value():
        raise ValueError(f"easiness {easiness} has more than three decimals")
    return int(milli)


# Decimals are immutable, so the few easiness values cards actually have are made once each.
_EASINESS: dict[int, Decimal] = {}


def milli_to_easiness(milli: int) -> Decimal:
    """The `Decimal` easiness for whole thousandths (2500 -> Decimal('2.5'))."""
    easiness = _EASINESS.get(milli)
    if easiness is None:
        easiness = Decimal(milli) / 1000
        if type(milli) is int and len(_EASINESS) < 10_000:
            _EASINESS[milli] = easiness
    return easiness


@dataclass(frozen=True, slots=True)
class Sm2State:
    """What SM-2 knows about a card. `Sm2State()` is a card never studied."""

    repetitions: int = 0
    interval: int = 0
    easiness: Decimal = Decimal("2.5")

    def __post_init__(self) -> None:
        if isinstance(self.easiness, float):
            raise TypeError("easiness must be a Decimal, not a float")
        if self.repetitions < 0 or self.interval < 0:
            raise ValueError("repetitions and interval cannot be negative")
        easiness_to_milli(Decimal(self.easiness))

    @property
    def easiness_milli(self) -> int:
        """The easiness in whole thousandths (2.5 -> 2500)."""
        return easiness_to_milli(Decimal(self.easiness))


def easiness_delta_milli(quality: int) -> int:
    """SM-2's easiness change for a grade, in thousandths: 0.1 - (5-q)(0.08 + (5-q)0.02)."""
    miss = 5 - quality
    return 100 - miss * (80 + miss * 20)


def check_quality(quality: int) -> int:
    """The grade itself when it is an integer 0-5; anything else raises ValueError."""
    if isinstance(quality, bool) or not isinstance(quality, int) or quality not in QUALITIES:
        raise ValueError(f"quality must be an integer from 0 to 5, not {quality!r}")
    return quality


def review(state: Sm2State, quality: int) -> Sm2State:
    """The state after answering a card in `state` with `quality` (0-5)."""
    repetitions, interval, easiness = review_milli(
        state.repetitions, state.interval, state.easiness_milli, quality
    )
    return Sm2State(repetitions, interval, milli_to_easiness(easiness))


def review_milli(
    repetitions: int, interval: int, easiness_milli: int, quality: int
) -> tuple[int, int, int]:
    """`review` on a state given as (repetitions, interval, easiness in thousandths), in whole
    numbers only: what the collection uses on every answer, without building Decimals."""
    check_quality(quality)
    if quality >= PASSING_QUALITY:
        if repetitions == 0:
            interval = 1
        elif repetitions == 1:
            interval = 6
        else:
            # ceil(interval x EF) in integers, with EF as it was before this review.
            interval = -(-interval * easiness_milli // 1000)
        repetitions += 1
    else:
        repetitions = 0
        interval = 1
    easiness_milli = max(MIN_EASINESS_MILLI, easiness_milli + easiness_delta_milli(quality))
    return repetitions, interval, easiness_milli
