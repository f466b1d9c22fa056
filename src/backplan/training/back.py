"""How the back feels (0 fine to 10 very sore), and what a sore one changes.

A rating 3 or more above your usual one (the median of the ratings before it) given in
the last week marks a sore back: the next session holds the hinges' loads, plans no
hinge you did not pin, and prefers spine-sparing work for the lower back (McGill's
curl-up, side plank and bird dog, which load the spine least; McGill 2007). It is
training guidance, not a diagnosis, and the note says when to see a clinician.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from backplan.catalogue.model import Dose, Exercise, Group, Pattern

RATINGS = (0, 10)
RISE = 3  # above your usual: sore
RECENT = timedelta(days=7)  # a rating older than this no longer speaks for the back
READ = 10  # ratings read: the latest and the usual before it
CLINICIAN = (
    "This is training guidance, not a diagnosis: see a clinician if the pain lasts, "
    "spreads down a leg, or comes with numbness or weakness."
)


@dataclass(frozen=True)
class Soreness:
    rating: int
    usual: float
    ratings: int  # how many made the usual

    @property
    def note(self) -> str:
        return (
            f"Your back: {self.rating} after the last session, against your usual "
            f"{self.usual:g}. The hinges hold their loads and the lower back gets "
            f"spine-sparing work today. {CLINICIAN}"
        )


def sore(ratings: Sequence[tuple[datetime, int]], now: datetime) -> Soreness | None:
    """Whether the latest rating (`ratings` newest first) marks a sore back."""
    if len(ratings) < 2 or now - ratings[0][0] > RECENT:
        return None
    latest, before = ratings[0][1], [r for _, r in ratings[1:]]
    usual = statistics.median(before)
    if latest - usual < RISE:
        return None
    return Soreness(latest, usual, len(before))


def ratings_line(ratings: Sequence[tuple[datetime, int]], now: datetime) -> str:
    """'Your back, newest first: 7 (Mon), 2, 3, 2; usual 2. Sore: ...'."""
    shown = ", ".join(
        f"{r} ({when:%a %-d %b})" if n == 0 else str(r) for n, (when, r) in enumerate(ratings)
    )
    line = f"Your back (0 fine to 10 very sore), newest first: {shown}."
    if len(ratings) > 1:
        line += f" Usual: {statistics.median(r for _, r in ratings[1:]):g}."
    found = sore(ratings, now)
    return f"{line} {found.note}" if found else line


def spine_sparing(exercise: Exercise) -> bool:
    """A lower-back drill that loads the spine least: a stability hold or drill, not a
    carry."""
    return (
        exercise.group is Group.LOWER_BACK
        and exercise.pattern is Pattern.STABILITY
        and exercise.dose is not Dose.METRES
    )
