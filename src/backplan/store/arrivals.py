"""Another app's sessions as backplan workouts: each mapped back exercise with its sets
(warm-ups kept as warm-ups, drop and failure sets marked, notes and supersets kept),
and everything else kept as other training: shown and exported, never planned; a
squat or a hinge among it gives the lower back half a set.

One pass reads the file (`read`): each session is counted into a `Survey` (the names
and what they map to, the rows that cannot be real), then built into a workout for the
store to add in one transaction; a file found at its end to be mostly bad rows is
refused, and the transaction with it. Hevy writes the newest session first: its
sessions are put in order first (its exports are small).

A heavy single or double logged with no effort is read near a max (RPE 9.5 for a
single, 9 for a double): it is the session's top weight, and the count is said.
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from backplan.catalogue.model import Dose, Goal, Group, Level
from backplan.catalogue.names import Match, Names
from backplan.store.apps import WARMUP, AppSession, AppSet, Skipped, sessions
from backplan.training.loads import DROP, WORK, SetDone
from backplan.training.model import OtherExercise, PlannedExercise, Workout
from backplan.training.prescription import prescribe

APP_NAMES = {"strong": "Strong", "hevy": "Hevy", "fitnotes": "FitNotes"}
# Lifts outside the back catalogue that load the lower back: squats and hinges.
LOWER_BACK_WORDS = re.compile(r"squat|deadlift|good ?morning|\brdl\b|swing|clean|snatch", re.I)


def is_work(s: AppSet) -> bool:
    """A work set: not a warm-up, and not a drop set (the set before it, lighter)."""
    return s.kind not in (WARMUP, DROP)


@dataclass
class Seen:
    """One of the app's exercise names: what it maps to, and how much of it there is."""

    match: Match
    sets: int = 0
    sessions: int = 0
    other_dose: int = 0  # sets in another measure than the exercise's (reps vs seconds)


@dataclass
class Survey:
    names: dict[str, Seen] = field(default_factory=dict)
    sessions: int = 0
    with_back: int = 0  # sessions that have at least one mapped set
    rows: int = 0
    skipped: Skipped = field(default_factory=Skipped)
    near_max: int = 0  # heavy singles and doubles with no effort, read near a max
    units: dict[str, int] = field(default_factory=dict)  # weighted sets in each unit

    @property
    def unit(self) -> str | None:
        """The unit most of the file's weights are in; None: no weights."""
        return max(self.units, key=lambda u: self.units[u]) if self.units else None


def survey(path: Path, app: str, unit: str | None, names: Names) -> Survey:
    """Read the whole file, checking every line, and count what maps to what."""
    found = Survey()
    for session in sessions(path, app, unit, found.skipped):
        _count(session, found, names)
    return found


def read(
    path: Path, app: str, unit: str | None, names: Names, level: Level, found: Survey
) -> Iterator[Workout]:
    """The file's sessions as workouts, oldest first, counted into `found` as they go."""
    every = sessions(path, app, unit, found.skipped)
    if app == "hevy":
        every = iter(sorted(every, key=lambda s: s.started))
    for session in every:
        _count(session, found, names)
        workout = _workout(session, app, found, level)
        if workout is not None:
            yield workout


def _count(session: AppSession, found: Survey, names: Names) -> None:
    """A session into the survey: its sets, units and names, and what they map to."""
    found.sessions += 1
    found.rows += len(session.sets)
    for s in session.sets:
        if s.weight is not None:
            found.units[s.unit] = found.units.get(s.unit, 0) + 1
    mapped = False
    for name in dict.fromkeys(s.exercise for s in session.sets):
        seen = found.names.get(name)
        if seen is None:
            seen = found.names[name] = Seen(names.match(name))
        if seen.match.exercise is not None and seen.match.exercise.dose is Dose.METRES:
            for far in (s for s in session.sets if s.exercise == name and _too_far(s)):
                found.skipped.add(far.line, f"{far.amount:,} m of {name} is more than a carry")
        seen.sessions += 1
        mine = [s for s in session.sets if s.exercise == name and is_work(s)]
        seen.sets += len(mine)
        if seen.match.exercise is not None:
            dose = seen.match.exercise.dose
            seen.other_dose += sum(s.dose is not dose for s in mine)
            mapped = mapped or any(s.dose is dose for s in mine)
            found.near_max += len(_near_max(mine))
    found.with_back += mapped


def _goal(session: list[SetDone]) -> Goal:
    """The goal the session's reps say: 6 or fewer strength, 13 or more endurance."""
    reps = [s.reps for s in session]
    if not reps:
        return Goal.HYPERTROPHY
    middle = statistics.median(reps)
    return Goal.STRENGTH if middle <= 6 else Goal.ENDURANCE if middle >= 13 else Goal.HYPERTROPHY


CARRY_METRES = 1000  # a loaded carry past this is a slip of the unit (km for m)


def _too_far(s: AppSet) -> bool:
    return s.dose is Dose.METRES and s.amount > CARRY_METRES


# Reps in reserve of a heavy single and double logged with no effort: near a max.
NEAR_MAX_RIR = {1: 0.5, 2: 1.0}


def _near_max(sets: list[AppSet]) -> list[AppSet]:
    """One exercise's work sets in a session that are heavy singles or doubles with no
    effort logged: at the session's top weight."""
    top = max((s.weight for s in sets if s.weight is not None and s.dose is Dose.REPS),
              default=None)  # fmt: skip
    return [s for s in sets if top is not None and s.rir is None and s.weight == top
            and s.dose is Dose.REPS and s.amount in NEAR_MAX_RIR]  # fmt: skip


def _workout(session: AppSession, app: str, survey: Survey, level: Level) -> Workout | None:
    work: dict[str, list[SetDone]] = {}
    warm: dict[str, list[SetDone]] = {}
    notes: dict[str, str] = {}
    supersets: dict[str, str] = {}
    other: dict[str, list[AppSet]] = {}
    chosen = {}
    near = {
        id(s)
        for name in dict.fromkeys(s.exercise for s in session.sets)
        for s in _near_max([x for x in session.sets if x.exercise == name and is_work(x)])
    }
    for s in session.sets:
        exercise = survey.names[s.exercise].match.exercise
        if exercise is None or s.dose is not exercise.dose:
            other.setdefault(s.exercise, []).append(s)
            continue
        if _too_far(s):
            continue  # left out, and listed by `_count`
        chosen[exercise.id] = exercise
        kind = WORK if s.kind == WARMUP else s.kind
        rir = NEAR_MAX_RIR[s.amount] if id(s) in near else s.rir
        done = SetDone(s.amount, s.weight, s.unit, s.dose, rir, kind=kind, note=s.note)
        (warm if s.warmup else work).setdefault(exercise.id, []).append(done)
        if s.exercise_note:
            notes.setdefault(exercise.id, s.exercise_note)
        if s.superset:
            supersets.setdefault(exercise.id, s.superset)
    ids = [i for i in chosen if work.get(i)]  # an exercise of warm-ups alone is not one done
    kept = _other(other)
    if not ids and not kept:
        return None
    goal = _goal([s for i in ids for s in work[i] if s.dose.value == "reps" and s.kind != DROP])
    planned = []
    for position, ident in enumerate(ids, start=1):
        e = chosen[ident]
        counted = sum(s.kind != DROP for s in work[ident]) or len(work[ident])
        prescription = replace(prescribe(e, goal, level), sets=min(counted, 20))
        planned.append(
            PlannedExercise(
                position=position, id=e.id, name=e.name, group=e.group,
                mechanic=e.mechanic, pattern=e.pattern, prescription=prescription,
                reason=f"imported from {APP_NAMES[app]}", focus=e.focus,
                sets_logged=tuple(work[ident]), load_kind=e.load_kind, secondary=e.secondary,
                warmup=tuple(SetDone(w.reps, w.weight, w.unit) for w in warm.get(ident, ())),
                note=notes.get(ident), superset=supersets.get(ident),
            )
        )  # fmt: skip
    title = f": {session.title}" if session.title else ""
    return Workout(
        created=session.started.replace(microsecond=0),
        goal=goal,
        level=level,
        groups=tuple(dict.fromkeys(p.group for p in planned)),
        exercises=tuple(planned),
        notes=(f"Imported from {APP_NAMES[app]}{title}.",),
        note=session.note,
        duration=session.duration,
        source=app,
        other=kept,
    )


def _other(found: dict[str, list[AppSet]]) -> tuple[OtherExercise, ...]:
    """The session's training outside the back catalogue, in order, warm-ups kept apart
    (they count nothing; a round trip keeps them)."""
    kept: list[OtherExercise] = []
    for name, sets in found.items():
        done = [SetDone(s.amount, s.weight, s.unit, s.dose, kind=s.kind) for s in sets
                if s.kind != WARMUP]  # fmt: skip
        warm = [SetDone(s.amount, s.weight, s.unit, s.dose) for s in sets if s.kind == WARMUP]
        if done:
            credit = (Group.LOWER_BACK,) if LOWER_BACK_WORDS.search(name) else ()
            note = next((s.note or s.exercise_note for s in sets if s.note or s.exercise_note),
                        None)  # fmt: skip
            kept.append(OtherExercise(len(kept) + 1, name, tuple(done)[:100], note, credit,
                                      tuple(warm)[:100]))  # fmt: skip
    return tuple(kept)
