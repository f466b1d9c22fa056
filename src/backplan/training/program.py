"""Programs: a block of weeks that keeps the main lifts and rotates the rest.

Planned variation beats random rotation (Kassiano et al. 2022; ACSM 2009's
undulating model): per group one main lift is held for the whole block so it can
progress, while the accessories around it rotate under the planner's variety rules.
The block's skeleton (`block`) is planned ahead: each session's goal, groups and sets,
and the main lifts (`mainlifts`); each session's accessories are planned when it
comes, from the history as it stands, so deleted or skipped workouts never break the
block. Its days follow the lifter's calendar (`calendar`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from typing import TYPE_CHECKING

from backplan.catalogue.model import Goal, Group, Level, Pattern
from backplan.defaults import AUTO, PROGRAM_DAYS, PROGRAM_WEEKS
from backplan.training.calendar import Calendar, Move, Schedule, spread
from backplan.training.candidates import Request

if TYPE_CHECKING:
    from backplan.training.model import Workout

WEEKS, DAYS = PROGRAM_WEEKS, PROGRAM_DAYS
UNDULATION = (Goal.STRENGTH, Goal.HYPERTROPHY, Goal.ENDURANCE)  # heavy, medium, light days
# Days split by movement (`block`): the hinge with rows, the vertical pulls with rear
# delts, and (the lower back alone, the day after loading it) stability drills only.
HINGE_DAY, PULL_DAY, SPARE_DAY = "hinge", "pull", "spare"
MOVEMENTS: dict[str, dict[Group, frozenset[Pattern]]] = {
    HINGE_DAY: {Group.UPPER_BACK: frozenset({Pattern.HORIZONTAL_PULL})},
    PULL_DAY: {Group.UPPER_BACK: frozenset({Pattern.SCAPULAR, Pattern.SHRUG})},
    SPARE_DAY: {Group.LOWER_BACK: frozenset({Pattern.STABILITY})},
}
SPLIT_WORDS = {
    HINGE_DAY: "the hinge and rows",
    PULL_DAY: "vertical pulls and rear delts",
    SPARE_DAY: "stability drills, the lower back resting",
}


@dataclass(frozen=True)
class MainLift:
    group: Group
    id: str
    name: str
    goals: frozenset[Goal]  # the days it is trained on: those it serves
    pattern: Pattern | None = None

    def fits(self, day: Day) -> bool:
        """Whether the day trains it: its group, its goal, and its movement."""
        patterns = day.movements.get(self.group)
        return (
            self.group in day.groups
            and day.goal in self.goals
            and (patterns is None or self.pattern in patterns)
        )


@dataclass(frozen=True)
class Day:
    """One planned session of the block."""

    number: int  # 1, 2, ... across the block
    week: int
    day: int  # of the week
    date: date
    goal: Goal
    slots: tuple[tuple[Group, int], ...]  # exercises per group, in the round-robin order
    sets: tuple[tuple[Group, int], ...]  # sets per group, shared among its exercises
    deload: bool = False
    split: str | None = None  # HINGE_DAY, PULL_DAY, SPARE_DAY, or None: no split

    @property
    def movements(self) -> Mapping[Group, frozenset[Pattern]]:
        """The patterns a group's exercises come from today, where the split says."""
        return MOVEMENTS.get(self.split or "", {})

    @property
    def groups(self) -> tuple[Group, ...]:
        return tuple(group for group, _ in self.slots)

    @property
    def exercises(self) -> int:
        return sum(count for _, count in self.slots)


@dataclass(frozen=True)
class Program:
    created: datetime
    start: date
    weeks: int
    days: int
    goal: Goal | None  # None: auto, undulating
    level: Level
    groups: tuple[Group, ...]  # () for the whole back
    equipment: frozenset[str] | None
    seed: int
    main_lifts: tuple[MainLift, ...]
    sessions: tuple[Day, ...]
    id: int | None = None
    ended: datetime | None = None
    weekdays: tuple[int, ...] = ()  # 0 = Monday; () for a block from before: spread
    moves: tuple[Move, ...] = ()
    set_aside: tuple[Move, ...] = ()  # stored moves no calendar can follow (`Move.beyond`)

    @property
    def calendar(self) -> Calendar:
        return Calendar(self.start, self.weekdays or spread(self.days, self.start), self.moves)

    def schedule(self, progress: Progress, today: date) -> Schedule:
        """Each session's day: done ones on the day logged, the rest from today on."""
        furthest = max(progress.done, default=0)
        skipped = frozenset(n for n in range(1, furthest) if n not in progress.done)
        return self.calendar.placed(len(self.sessions), progress.on, skipped, today)

    @property
    def goal_name(self) -> str:
        return self.goal.value if self.goal else AUTO

    def main_lifts_of(self, day: Day) -> list[MainLift]:
        """The main lifts this day trains: its groups', when they serve its goal."""
        return [m for m in self.main_lifts if m.fits(day)]

    def weekly_sets(self, week: int) -> dict[Group, int]:
        totals: dict[Group, int] = {}
        for day in self.sessions:
            if day.week == week:
                for group, sets in day.sets:
                    totals[group] = totals.get(group, 0) + sets
        return totals


@dataclass(frozen=True)
class Progress:
    """Which sessions are done (a logged workout planned for them), and which is next."""

    done: Mapping[int, int] = field(default_factory=dict)  # session number -> workout id
    on: Mapping[int, date] = field(default_factory=dict)  # session number -> the day logged

    def next_day(self, program: Program) -> Day | None:
        """The session after the furthest one done (a missed day moves the rest of the
        block on: `Program.schedule`); a deleted workout's session comes round again only
        when it was the last."""
        furthest = max(self.done, default=0)
        return next((d for d in program.sessions if d.number > furthest), None)


DONE_NOTE = (
    "Every session of your block is done: 'backplan program end', then "
    "'backplan program new' plans the next one."
)


def shaped(request: Request, program: Program, day: Day, given: frozenset[str]) -> Request:
    """The day's session: the program's goal, groups, exercises and sets, level and
    equipment, with the main lifts pinned; the options `given` on the command line
    ("goal", "level", "equipment", "groups", "count", "seed") keep the request's own."""
    goal = request.goal if "goal" in given else day.goal
    groups = request.groups if "groups" in given else _named(day.groups)
    fixed = not given & {"groups", "count"}
    movements = {} if "groups" in given else day.movements
    lifts = {
        m.id
        for m in program.main_lifts
        if m.group in (groups or Group)
        and goal in m.goals
        and (m.group not in movements or m.pattern in movements[m.group])
    }
    return replace(
        request,
        goal=goal,
        groups=groups,
        level=request.level if "level" in given else program.level,
        equipment=request.equipment if "equipment" in given else program.equipment,
        seed=request.seed if "seed" in given else (program.seed + day.number) % 2**31,
        pinned=request.pinned | lifts,
        held=frozenset(lifts),
        slots=dict(day.slots) if fixed else {},
        group_sets=dict(day.sets) if fixed else {},
        movements=movements,
    )


def _named(groups: tuple[Group, ...]) -> tuple[Group, ...]:
    """A day of the whole back plans as a whole-back session (recovery, the lower-back
    cap); others name their groups."""
    return () if set(groups) == set(Group) else groups


def article(word: str) -> str:
    """'an' before a vowel sound, else 'a': an endurance day, a strength day."""
    return "an" if word[:1].lower() in "aeiou" else "a"


MISSED_WEEK = 8  # days since the block's last session: a week was missed


def deload_now(program: Program, day: Day, last_done: date | None, today: date,
               stalled: bool) -> tuple[bool, str]:  # fmt: skip
    """Whether the session is a deload, and why: the block's planned deload weeks; a
    beginner has none planned (novices recover between sessions: ACSM 2009) and
    deloads only after a stall or a missed week."""
    if day.deload:
        return True, "in the deload week"
    if program.level is not Level.BEGINNER:
        return False, ""
    if last_done is not None and (today - last_done).days >= MISSED_WEEK:
        return True, "a deload after a missed week"
    return (True, "a deload after a stall") if stalled else (False, "")


def deloaded(workout: Workout, main_lifts: Mapping[str, int | None]) -> Workout:
    """A deload session: each main lift's sets half what it did in its last loading
    session (`main_lifts`: id -> those sets; None: the goal's usual), rounded up (NSCA
    ch. 17: a deload cuts the volume by about half and keeps the load). The block
    already halved each group's sets; what the main lift gives up goes to the group's
    other exercises, each up to the goal's usual sets, so the week sums to the plan
    where it can."""
    from backplan.training.prescription import sets_per_exercise

    usual = sets_per_exercise(workout.goal, workout.level)
    sets = {e.id: e.prescription.sets for e in workout.exercises}
    for e in workout.exercises:
        if e.id not in main_lifts:
            continue
        half = -(-(main_lifts[e.id] or usual) // 2)
        if sets[e.id] <= half:
            continue  # the group's halved sets left it no more already
        freed = sets[e.id] - half
        sets[e.id] = half
        for other in workout.exercises:
            if other.group is e.group and other.id not in main_lifts:
                given = min(freed, max(0, usual - sets[other.id]))
                sets[other.id] += given
                freed -= given
    return replace(
        workout,
        exercises=tuple(
            replace(e, prescription=replace(e.prescription, sets=sets[e.id]))
            for e in workout.exercises
        ),
    )


def where(program: Program, day: Day, goal: Goal, deload: str | None = None) -> str:
    """'Week 2, day 3 of your 4-week block: a strength day (the hinge and rows).'
    `deload`: why the session is a deload, when it is one (else the planned week's)."""
    split = f" ({SPLIT_WORDS[day.split]})" if day.split else ""
    why = deload if deload is not None else "in the deload week" if day.deload else ""
    deload = f" {why}: half the sets, same loads" if why else ""
    return (
        f"Week {day.week}, day {day.day} of your {program.weeks}-week block: "
        f"{article(goal.value)} {goal.value} day{split}{deload}."
    )
