"""A block reviewed: what its main lifts did from first session to last, the sets each
group got week by week against the plan, and the records set along the way.

Everything is read from the history: the workouts planned for the block's sessions and
logged, their sets, and each exercise's curve (`progress.points`, the load moved where
a lift lifts your body), so the figures are the ones `history` and `progress` show.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from backplan.catalogue.model import Goal, Group
from backplan.training.model import Workout
from backplan.training.program import Program, Progress
from backplan.training.progress import Point


@dataclass(frozen=True)
class LiftChange:
    """A main lift on one day type: its best set and e1RM, first session and last."""

    id: str
    name: str
    goal: Goal
    sessions: int
    first: Point
    last: Point


@dataclass(frozen=True)
class WeekSets:
    week: int
    planned: Mapping[Group, int]
    done: Mapping[Group, int]  # work sets logged


@dataclass(frozen=True)
class Record:
    id: str
    name: str
    best: Point  # the block's best, better than every session before it
    before: float  # the best before it


@dataclass(frozen=True)
class Stall:
    """A main lift that stalled in the block: three sessions in a row under target
    without a rise in its estimate (`strength.walk`), each one reset 10 %."""

    id: str
    name: str
    times: int


@dataclass(frozen=True)
class Review:
    program: Program
    done: int  # sessions
    lifts: tuple[LiftChange, ...]
    weeks: tuple[WeekSets, ...]
    records: tuple[Record, ...]
    stalls: tuple[Stall, ...] = ()


def review(
    program: Program,
    progress: Progress,
    workouts: Sequence[Workout],
    curves: Mapping[str, Sequence[Point]],
    names: Mapping[str, str],
    stalls: Mapping[str, int] | None = None,
) -> Review:
    """The block's review from its logged `workouts` (those progress counts done), each
    exercise's curve (`curves`, by id; `names` to show) and the stalls of each main lift
    in the block (`stalls`, by id)."""
    session_of = {workout: number for number, workout in progress.done.items()}
    goal_of = {w: program.sessions[n - 1].goal for w, n in session_of.items()}
    lifts = []
    for lift in dict.fromkeys(m.id for m in program.main_lifts):
        for goal in Goal:
            ours = [p for p in curves.get(lift, ()) if goal_of.get(p.workout_id) is goal]
            if ours:
                lifts.append(LiftChange(lift, names.get(lift, lift), goal, len(ours), ours[0],
                                        ours[-1]))  # fmt: skip
    weeks = []
    for week in range(1, program.weeks + 1):
        done: dict[Group, int] = {}
        for w in workouts:
            if w.id in session_of and program.sessions[session_of[w.id] - 1].week == week:
                for e in w.exercises:
                    done[e.group] = done.get(e.group, 0) + len(e.sets_logged)
        weeks.append(WeekSets(week, program.weekly_sets(week), done))
    # A record: the block's best of an exercise, above every session before it (in the
    # block or before it). A family read as one curve has one record: under the exercise
    # that set it.
    records = []
    for ident, points_ in curves.items():
        ours = [p for p in points_ if p.workout_id in session_of]
        if not ours:
            continue
        best = max(ours, key=lambda p: p.value)
        if best.exercise and best.exercise != ident:
            continue
        earlier = [
            p.value for p in points_ if (p.when, p.workout_id) < (best.when, best.workout_id)
        ]
        if earlier and best.value > max(earlier):
            records.append(Record(ident, names.get(ident, ident), best, max(earlier)))
    records.sort(key=lambda r: -(r.best.value - r.before) / (r.before or 1))
    stalled = tuple(
        Stall(m, names.get(m, m), times)
        for m in dict.fromkeys(m.id for m in program.main_lifts)
        if (times := (stalls or {}).get(m, 0))
    )
    return Review(program, len(progress.done), tuple(lifts), tuple(weeks), tuple(records), stalled)
