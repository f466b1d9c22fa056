"""How much work a session holds, in hard sets (warm-ups aside), as a coach caps it.

- A session's ceiling: 6 / 8 / 10 sets for one group and 12 / 20 / 24 for the session
  (beginner / intermediate / advanced): past about 10 sets a muscle in one session,
  more sets add fatigue faster than growth (Schoenfeld, Ogborn & Krieger 2017 dose
  the week, 10-20 sets; split over two or three sessions that is 6-10 each).
- The erectors' budget: hinges and back extensions count in full and the moves that
  load the lower back on the side (unsupported bent-over rows, their `secondary`) at
  half: 5 / 8 / 10 sets a session, in every session, a lower-back one too.
- A week's ceiling: a group with 20 or more logged sets in the last 7 days (the lower
  back: 12) gets half its session ceiling today.

Over a limit, the accessory with the most sets gives one (the later pick on a tie),
down to 2 sets each; then the last pick that counts toward it is left out, never a
pinned one, nor a group's last exercise while another group has two, from the group
with the most first; a group's core lift (its first pick) gives sets last. Preparation
drills count toward no limit. A session given minutes trims its rests and sets the same
way before the planner drops an exercise.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from backplan.catalogue.model import Exercise, Goal, Group, Level, Pattern
from backplan.training.model import Workout
from backplan.training.prescription import shortest_rest
from backplan.training.slots import WEEK_CEILING

GROUP_CEILING = {Level.BEGINNER: 6, Level.INTERMEDIATE: 8, Level.ADVANCED: 10}
SESSION_CEILING = {Level.BEGINNER: 12, Level.INTERMEDIATE: 20, Level.ADVANCED: 24}
ERECTOR_BUDGET = {Level.BEGINNER: 5, Level.INTERMEDIATE: 8, Level.ADVANCED: 10}
MIN_SETS = 2


def _article(level: Level) -> str:
    return "A" if level is Level.BEGINNER else "An"


def erector_share(exercise: Exercise) -> float:
    """How much of a set the erectors do: all of a hinge's or a back extension's, half
    of a move that loads the lower back on the side."""
    if exercise.preparation:
        return 0.0
    if exercise.is_hinge or exercise.pattern is Pattern.EXTENSION:
        return 1.0
    return 0.5 if Group.LOWER_BACK in exercise.secondary else 0.0


def erector_budget(level: Level, weekly: Mapping[Group, float]) -> int:
    """The erectors' sets today: the level's budget, halved at the lower back's week
    ceiling."""
    tired = weekly.get(Group.LOWER_BACK, 0) >= WEEK_CEILING[Group.LOWER_BACK]
    return ERECTOR_BUDGET[level] // (2 if tired else 1)


@dataclass(frozen=True)
class Limit:
    """One ceiling: what counts toward it (a share of each exercise's sets), and why."""

    name: str
    most: float
    share: Mapping[str, float]  # exercise id -> the share of its sets that counts
    why: str


def limits(
    exercises: Sequence[Exercise], level: Level, weekly: Mapping[Group, float]
) -> tuple[list[Limit], list[str]]:
    """The limits a session of these exercises keeps, and notes for the week's ceiling."""
    notes = []
    tired = {g for g, sets in weekly.items() if sets >= WEEK_CEILING[g]}
    for group in sorted(tired, key=list(Group).index):
        notes.append(
            f"{group.label.capitalize()} had {weekly[group]:g} sets in the last 7 days "
            f"({WEEK_CEILING[group]} or more): at most {GROUP_CEILING[level] // 2} hard "
            "sets today."
        )
    work = [e for e in exercises if not e.preparation]
    erectors = erector_budget(level, weekly)
    found = [
        Limit(
            "the erectors",
            erectors,
            {e.id: erector_share(e) for e in work if erector_share(e)},
            f"the erectors take at most {erectors} sets a session "
            "(hinges and back extensions in full, unsupported rows at half)",
        )
    ]
    for group in Group:
        most = GROUP_CEILING[level] // (2 if group in tired else 1)
        found.append(
            Limit(
                group.label,
                most,
                {e.id: 1.0 for e in work if e.group is group},
                f"{group.label} take{'s' if group is not Group.LATS else ''} at most {most} "
                f"hard sets in one {level.value} session",
            )
        )
    session = SESSION_CEILING[level]
    found.append(
        Limit(
            "the session",
            session,
            {e.id: 1.0 for e in work},
            f"{_article(level).lower()} {level.value} session holds at most {session} hard sets",
        )
    )
    return found, notes


def fit(
    picks: Sequence[Exercise],
    sets: Mapping[str, int],
    found: Sequence[Limit],
    protected: frozenset[str] = frozenset(),
    cover: frozenset[Pattern] = frozenset(),
    stale: frozenset[str] = frozenset(),
) -> tuple[dict[str, int], list[str], list[str]]:
    """The sets each exercise keeps within every limit (see the module), the ids left
    out, and a note for each limit that took something; `picks` in the order picked.
    The only exercise of a pattern in `cover` (a session's vertical or horizontal pull)
    is left out last, as a group's last exercise is, unless it is `stale` (in the
    session before), which goes first."""
    kept = dict(sets)
    out: list[str] = []
    took: dict[str, tuple[Limit, set[str], set[str]]] = {}
    order = {e.id: i for i, e in enumerate(picks)}
    names = {e.id: e.name for e in picks}
    groups = {e.id: e.group for e in picks}
    patterns = {e.id: e.pattern for e in picks}
    while True:
        over = next((lim for lim in found if _load(lim, kept) > lim.most + 1e-9), None)
        if over is None:
            break
        counted = [i for i in kept if over.share.get(i)]
        trimmed, dropped = took.setdefault(over.name, (over, set(), set()))[1:]
        # The accessories give sets first; then an accessory goes; a group's first pick
        # (its core lift) gives sets last.
        leads = {
            next(i for i in order if i in kept and groups[i] is g) for g in map(groups.get, kept)
        }
        trimmable = [i for i in counted if kept[i] > MIN_SETS]
        accessories = [i for i in trimmable if i not in leads]
        droppable = [i for i in counted if i not in protected]
        # A group keeps its last exercise while another group has more than one.
        alone = {i for i in droppable if sum(groups[j] is groups[i] for j in kept) == 1}
        alone |= {i for i in droppable if patterns[i] in cover and i not in stale
                  and sum(patterns[j] is patterns[i] for j in kept) == 1}  # fmt: skip
        if accessories or (trimmable and not [i for i in droppable if i not in alone]):
            ident = max(accessories or trimmable, key=lambda i: (kept[i], order[i]))
            kept[ident] -= 1
            trimmed.add(ident)
            continue
        if not droppable:
            break  # only pinned lifts are left: they keep their place
        ident = max([i for i in droppable if i not in alone] or droppable,
                    key=lambda i: (sum(groups[j] is groups[i] for j in kept), i in stale,
                                   order[i]))  # fmt: skip
        del kept[ident]
        out.append(ident)
        dropped.add(ident)
    # Leaving an exercise out may free sets trimmed before it: the first picks take
    # them back, within every limit.
    for ident in sorted(kept, key=order.__getitem__):
        while kept[ident] < sets[ident]:
            kept[ident] += 1
            if any(_load(lim, kept) > lim.most + 1e-9 for lim in found):
                kept[ident] -= 1
                break
    notes = []
    for limit, trimmed, dropped in took.values():
        what = []
        if dropped:
            left = [names[i] for i in sorted(dropped, key=order.__getitem__)]
            what.append(f"{', '.join(left)} left out")
        if trimmed - dropped:
            what.append("sets trimmed")
        notes.append(f"{limit.why[0].upper()}{limit.why[1:]}: {' and '.join(what)}.")
    return kept, out, notes


def _load(limit: Limit, sets: Mapping[str, int]) -> float:
    return sum(n * limit.share.get(i, 0.0) for i, n in sets.items())


def trimmed(workout: Workout, by_id: Mapping[str, Exercise], goal: Goal, minutes: int) -> Workout:
    """Within `minutes` if trimming can do it: rests to the goal's shortest for each kind
    of exercise, from the last exercise back, then sets down to 2, the most first."""
    exercises = list(workout.exercises)

    def now() -> Workout:
        return replace(workout, exercises=tuple(exercises))

    trimmed = False
    for index in reversed(range(len(exercises))):
        if now().estimated_minutes <= minutes:
            break
        e = exercises[index]
        shortest = shortest_rest(by_id[e.id], goal)
        if e.prescription.rest_seconds > shortest:
            shorter = replace(e.prescription, rest_seconds=shortest)
            exercises[index] = replace(e, prescription=shorter)
            trimmed = True
    while now().estimated_minutes > minutes:
        more = [i for i, e in enumerate(exercises) if e.prescription.sets > MIN_SETS]
        if not more:
            break
        index = max(more, key=lambda i: (exercises[i].prescription.sets, i))
        e = exercises[index]
        fewer = replace(e.prescription, sets=e.prescription.sets - 1)
        exercises[index] = replace(e, prescription=fewer)
        trimmed = True
    if not trimmed:
        return workout
    note = f"Rests and sets trimmed to fit {minutes} minutes."
    return replace(now(), notes=tuple(dict.fromkeys((*workout.notes, note))))


def within(workout: Workout, by_id: Mapping[str, Exercise], goal: Goal, minutes: int) -> Workout:
    """At most `minutes`, warm-up sets and all: trimmed (`trimmed`), then the last
    exercise of a group that has another left out, then any last one but the first."""
    workout = trimmed(workout, by_id, goal, minutes)
    left_out = []
    while workout.estimated_minutes > minutes and len(workout.exercises) > 1:
        items = list(workout.exercises)
        groups = [e.group for e in items]
        pinned = [e.reason.startswith(("pinned", "main lift")) for e in items]
        order = [i for i in reversed(range(1, len(items))) if not pinned[i]] or [len(items) - 1]
        index = next((i for i in order if groups.count(groups[i]) > 1), order[0])
        gone = items.pop(index)
        left_out.append(gone.name)
        if gone.superset:  # its partner is done alone
            items = [replace(e, superset=None) if e.superset == gone.superset else e
                     for e in items]  # fmt: skip
        workout = replace(
            workout, exercises=tuple(replace(e, position=n) for n, e in enumerate(items, 1))
        )
    if not left_out:
        return workout
    note = f"{', '.join(left_out)} left out to fit {minutes} minutes with the warm-up."
    return replace(workout, notes=(*workout.notes, note))
