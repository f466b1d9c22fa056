"""How the back feels (0 fine to 10 very sore), and what a sore one changes.

The worst rating of the last 72 hours counts: a back that was 7 on Monday is not
well because Tuesday's rating was 4. It is read on a fixed scale from the very first
rating (0-2 fine, 3-5 sore, 6 and over hinge-free), and once you have a usual (the
median of your ratings before those 72 hours) against it too: 3 or more above your
usual is sore even under 3 on the scale, 6 or more above it hinge-free.

Sore: no hinge but one you pinned, and that one held, lightened, with fewer sets and
more reps in reserve; spine-sparing work for the lower back. Hinge-free: no hinge at
all, no back extension or unsupported row where something else trains the group, and
only spine-sparing drills for the lower back (McGill's curl-up, side plank and bird
dog load the spine least; McGill 2007). It is training guidance, not a diagnosis, and
the note says when to see a clinician.
"""

from __future__ import annotations

import statistics
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from enum import Enum

from backplan.catalogue.model import Dose, Exercise, Group, Pattern
from backplan.errors import BackplanError
from backplan.training.model import Workout

RATINGS = (0, 10)
WINDOW = timedelta(hours=72)  # the worst rating in this long speaks for the back
# The fixed scale; a rise this much above your usual reads the same way.
SORE_FROM, HINGE_FREE_FROM = 3, 6
READ = 10  # ratings read: the latest ones and the usual before them
CLINICIAN = (
    "This is training guidance, not a diagnosis: see a clinician if the pain lasts, "
    "spreads down a leg, or comes with numbness or weakness."
)


class Back(Enum):
    FINE = 0
    SORE = 1
    HINGE_FREE = 2


@dataclass(frozen=True)
class Soreness:
    """The back as the ratings read it: the worst of the last 72 hours, against the
    fixed scale and your usual."""

    rating: int
    when: datetime
    usual: float | None  # None: no rating before the last 72 hours
    state: Back

    @property
    def hinge_free(self) -> bool:
        return self.state is Back.HINGE_FREE

    @property
    def why(self) -> str:
        """'Your back: 7 on Mon 7 Dec (the worst of the last 72 hours), against your
        usual 2: hinge-free today.'"""
        against = "" if self.usual is None else f", against your usual {self.usual:g}"
        state = "hinge-free" if self.hinge_free else "sore"
        return (
            f"Your back: {self.rating} on {self.when:%a %-d %b} (the worst of the last 72 "
            f"hours){against}: {state} today."
        )


def _state(value: float) -> Back:
    if value >= HINGE_FREE_FROM:
        return Back.HINGE_FREE
    if value >= SORE_FROM:
        return Back.SORE
    return Back.FINE


def sore(ratings: Sequence[tuple[datetime, int]], now: datetime) -> Soreness | None:
    """Whether the ratings (newest first) mark a sore back now: the worst of the last 72
    hours, read on the fixed scale and against the usual before them."""
    recent = [(when, r) for when, r in ratings if now - when <= WINDOW]
    if not recent:
        return None
    when, worst = max(recent, key=lambda pair: (pair[1], pair[0]))
    before = [r for w, r in ratings if now - w > WINDOW]
    usual = statistics.median(before) if before else None
    state = _state(worst)
    if usual is not None:  # a rise of 3 over your usual is sore, of 6 hinge-free
        state = max(state, _state(worst - usual), key=lambda s: s.value)
    return None if state is Back.FINE else Soreness(worst, when, usual, state)


def ratings_line(ratings: Sequence[tuple[datetime, int]], now: datetime) -> str:
    """'Your back, newest first: 7 (Mon), 2, 3, 2; usual 2. Sore: ...'."""
    shown = ", ".join(
        f"{r} ({when:%a %-d %b})" if n == 0 else str(r) for n, (when, r) in enumerate(ratings)
    )
    line = f"Your back (0 fine to 10 very sore), newest first: {shown}."
    before = [r for w, r in ratings if now - w > WINDOW]
    if before:
        line += f" Usual: {statistics.median(before):g}."
    found = sore(ratings, now)
    return f"{line} {found.why} {CLINICIAN}" if found else line


def spine_sparing(exercise: Exercise) -> bool:
    """A lower-back drill that loads the spine least: a stability hold or drill, not a
    carry."""
    return (
        exercise.group is Group.LOWER_BACK
        and exercise.pattern is Pattern.STABILITY
        and exercise.dose is not Dose.METRES
    )


def loads_the_spine(exercise: Exercise) -> bool:
    """What a hinge-free day leaves out: a hinge, a back extension, an unsupported row
    (the erectors hold the spine under it), a carry."""
    return (
        exercise.is_hinge
        or exercise.pattern is Pattern.EXTENSION
        or (exercise.pattern is Pattern.HORIZONTAL_PULL and Group.LOWER_BACK in exercise.secondary)
        or exercise.dose is Dose.METRES
    )


LIGHTER = 0.9  # a sore back's pinned hinge: last time's load less 10 %


def allowed(
    pool: Sequence[Exercise], soreness: Soreness | None, pinned: Collection[str]
) -> list[Exercise]:
    """The candidates a sore back leaves: no hinge but a pinned one; hinge-free, no hinge
    at all, and nothing else that loads the spine where its group has another option,
    the lower back only its spine-sparing drills where it has them."""
    if soreness is None:
        return list(pool)
    if not soreness.hinge_free:
        return [e for e in pool if not e.is_hinge or e.id in pinned] or list(pool)
    kept = [e for e in pool if not e.is_hinge]
    for group in Group:
        mine = [e for e in kept if e.group is group]
        spared = [e for e in mine if not loads_the_spine(e)]
        if group is Group.LOWER_BACK:
            spared = [e for e in spared if spine_sparing(e)] or spared
        if spared:
            kept = [e for e in kept if e.group is not group or e in spared]
    if not kept:
        raise BackplanError(
            f"{soreness.why} Every exercise these filters allow is a hinge: rest the back "
            f"today, or name other groups or more --equipment. {CLINICIAN}"
        )
    return kept


def eased(
    workout: Workout,
    soreness: Soreness | None,
    by_id: Mapping[str, Exercise],
    pool: Sequence[Exercise],
    pinned: Collection[str],
) -> Workout:
    """The session with a sore back's pinned hinge eased (half its sets, at least 2, and
    a rep more in reserve; its load is lightened where loads are known), and a note that
    says what changed and why."""
    if soreness is None:
        return workout
    changes = []
    exercises = []
    for planned in workout.exercises:
        exercise = by_id.get(planned.id)
        if exercise is not None and exercise.is_hinge:
            p = planned.prescription
            sets = max(2, (p.sets + 1) // 2) if p.sets > 2 else p.sets
            rir = None if p.rir_max is None else p.rir_max + 1
            planned = replace(planned, prescription=replace(p, sets=sets, rir_min=rir,
                                                             rir_max=rir))  # fmt: skip
            changes.append(
                f"{planned.name} (pinned) does {sets} sets instead of {p.sets}"
                + (f", {rir} reps in reserve" if rir is not None else "")
                + ", last time's load less 10 %, no more"
            )
        exercises.append(planned)
    chosen = {e.id for e in workout.exercises}
    rested = [e.name for e in pool if e.is_hinge and e.id in pinned and e.id not in chosen]
    if soreness.hinge_free:
        changes.insert(0, "no hinge" + (f" ({', '.join(rested)} rests)" if rested else "")
                       + ", no back extension, carry or unsupported row where another "
                       "option trains the group")  # fmt: skip
    elif not changes:
        changes.append("no hinge")
    else:
        changes.append("no other hinge")
    drills = [e.name for e in workout.exercises if (x := by_id.get(e.id)) and spine_sparing(x)]
    if drills:
        changes.append(f"spine-sparing work for the lower back ({', '.join(drills)})")
    note = f"{soreness.why} So: {'; '.join(changes)}. {CLINICIAN}"
    return replace(workout, exercises=tuple(exercises), notes=(*workout.notes, note))
