"""Pure planning: (exercises, recent usage, request, seed) -> Workout.

Candidates are the requested groups' exercises you can do (candidates.py); the
slots are shared among the groups (slots.py). Each slot takes its group's best
pick: a pinned main lift first; preparation drills only when nothing else fits;
last session's exercises only when nothing else is left; a vertical and a
horizontal pull in a session that trains the lats and the upper back; for
strength, loadable ones first; then the least recently done (never done first; a
core lift, `main`, counted 10 days staler for a group's first pick), the one used
less often, a multi-joint lift for a group's first pick, a movement pattern the
session lacks, and the seeded coin. Level is a ceiling (candidates.py), not a
preference. The rules a pick keeps (family, kin, one hinge, the erectors) are in
picks.py; the ceilings on sets in volume.py; the session is put in order by order.py.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import datetime, timedelta
from typing import Any

from backplan.catalogue.model import Exercise, Goal, Group, Level, LoadKind, Pattern
from backplan.defaults import MAX_EXERCISES
from backplan.training import back, volume
from backplan.training.candidates import Request, candidates, coins, for_your_level
from backplan.training.loads import Load
from backplan.training.model import PlannedExercise, Recency, Workout
from backplan.training.order import MAIN_TIER, in_order, tier
from backplan.training.picks import KIN, Picks, kin_of
from backplan.training.prescription import prescribe, sets_per_exercise, unloaded_note
from backplan.training.slots import Shares, share, trained_groups
from backplan.training.supersets import grip_free, pair
from backplan.when import days_ago

__all__ = ["KIN", "Request", "plan", "planned_exercise", "with_loads"]
PULLS = frozenset((Pattern.VERTICAL_PULL, Pattern.HORIZONTAL_PULL))
HOME_PULL = {Group.LATS: Pattern.VERTICAL_PULL, Group.UPPER_BACK: Pattern.HORIZONTAL_PULL}
PIN_OUT_OF_REACH = "is pinned, but not allowed"
# What a group's work needs, for a session whose equipment has none of it.
NEEDS = {
    Group.LATS: "a pull-up bar, rings, a band or a cable",
    Group.UPPER_BACK: "a band, a bar or a pair of dumbbells",
    Group.LOWER_BACK: "a bench, a band or a weight",
}


def plan(
    exercises: Sequence[Exercise], request: Request, recency: Recency, now: datetime
) -> Workout:
    groups, recovery_note = trained_groups(
        request.groups, request.recovering, handed_on=not request.slots
    )
    every = for_your_level(candidates(exercises, groups, request), request.level, request.pinned)
    pool = back.allowed(every, request.back, request.pinned)
    # The same candidates and coins serve every count tried below.
    by_group = {group: [e for e in pool if e.group is group] for group in groups}
    coin = coins(pool, request.seed)

    by_id = {e.id: e for e in pool}

    def attempt(count: int) -> Workout:
        shares = share(groups, count, request.whole_back, request.weekly_sets, request.slots)
        planned = _plan(by_group, shares, coin, count, request, recency, now)
        return pair(planned, by_id, asked=True) if request.supersets else planned

    if request.slots and request.minutes is None:
        workout = attempt(sum(request.slots.get(g, 0) for g in groups))
    elif request.minutes is None:
        workout = attempt(request.exercises)
    else:
        # As many exercises as the ceilings hold at the goal's usual sets, then
        # fewer: at each count rests and sets are trimmed before an exercise is dropped,
        # so a whole-back session keeps its three groups as long as anything can give.
        usual = sets_per_exercise(request.goal, request.level)
        per_group = max(1, volume.GROUP_CEILING[request.level] // usual)
        most = max(len(groups), min(volume.SESSION_CEILING[request.level] // usual,
                                    per_group * len(groups)))  # fmt: skip
        top = min(MAX_EXERCISES, len(pool), most)
        for count in range(top, 0, -1):
            untrimmed = attempt(count)
            workout = volume.trimmed(untrimmed, by_id, request.goal, request.minutes)
            if workout.estimated_minutes > request.minutes and not request.supersets:
                # Sets and rests at their floor: pairs before an exercise is dropped.
                paired = pair(workout, by_id)
                workout = (
                    paired if paired.estimated_minutes < workout.estimated_minutes else workout
                )
            if workout.estimated_minutes <= request.minutes:
                if count == top and len(pool) > top and workout is untrimmed:
                    workout = _with_note(
                        workout,
                        f"At their usual sets the ceilings hold {top} exercises: these take "
                        f"about {workout.estimated_minutes} of your {request.minutes} minutes.",
                    )
                break
        else:
            workout = _with_note(
                workout,
                f"Even one exercise takes about {workout.estimated_minutes} minutes with the "
                f"warm-up, more than the {request.minutes} you have; here is one.",
            )
    drills = [e for e in by_group.get(Group.LOWER_BACK, []) if back.spine_sparing(e)]
    if request.spare_back and drills and not any(back.spine_sparing(by_id[e.id]) for e in
                                                 workout.exercises if e.id in by_id):  # fmt: skip
        # A sore back gets its spine-sparing work, even beside a pinned hinge.
        drill = min(drills, key=lambda e: (recency.freshness(e.id), coin[e.id]))
        extra = planned_exercise(len(workout.exercises) + 1, drill, request, recency, now,
                                 len(drills), 2)  # fmt: skip
        workout = replace(workout, exercises=(*workout.exercises, extra))
    workout = back.eased(workout, request.back, by_id, every, request.pinned)
    if recovery_note:
        workout = _with_note(workout, recovery_note)
    in_pool = {e.id for e in pool}
    for exercise in exercises:
        if (
            exercise.id in request.pinned
            and exercise.group in groups
            and exercise.id not in in_pool
        ):
            workout = _with_note(
                workout,
                f"{exercise.name} {PIN_OUT_OF_REACH} by this session's equipment, "
                "level, goal or bans.",
            )
    return workout


# A core lift counts as done this much earlier when it bids for its group's first slot:
# it leads most sessions, and a specialised variant takes its turn once it has waited
# that much longer than every core lift.
CORE_HEADSTART = timedelta(days=10)


def _freshness(exercise: Exercise, first_of_group: bool, recency: Recency) -> tuple[Any, ...]:
    """The stalest first (`Recency.freshness`), a core lift ahead for a first pick."""
    done, when, uses = recency.freshness(exercise.id)
    core = first_of_group and exercise.main
    return (done, when - CORE_HEADSTART.total_seconds() * core, not core, uses)


def _with_note(workout: Workout, note: str) -> Workout:
    return replace(workout, notes=(*workout.notes, note))


def _plan(
    by_group: Mapping[Group, Sequence[Exercise]],
    shares: Shares,
    coin: Mapping[str, float],
    count: int,
    request: Request,
    recency: Recency,
    now: datetime,
) -> Workout:
    """`count` picks from the candidates of each group, as the shares say."""
    groups = shares.groups
    # A program's day follows its block's weekly ramp; other sessions keep a week's ceiling.
    weekly = {} if request.slots else request.weekly_sets
    session = Picks(
        request.level,
        erector_room=volume.erector_budget(request.level, weekly),
        usual_sets=sets_per_exercise(request.goal, request.level),
    )
    notes: list[str] = list(shares.notes)
    # A session that trains the lats and the upper back has a vertical and a horizontal pull.
    wanted = PULLS if {Group.LATS, Group.UPPER_BACK} <= set(groups) else frozenset()

    def rank(exercise: Exercise, first_of_group: bool) -> tuple[Any, ...]:
        # A group's first pick is a core lift (`main`), else a main-tier one (power, hinge
        # or heavy multi-joint), so no group is trained by assistance work alone; the
        # specialised variants rotate after it. Level is a ceiling, not a preference.
        minor_first = first_of_group and tier(exercise) > MAIN_TIER
        repeats_pattern = exercise.pattern is not None and exercise.pattern in session.patterns
        missing = wanted - session.patterns
        # Supersets asked for: an accessory is a grip-free drill while the lifts picked
        # outnumber the drills, so each lift has a partner.
        wants_drill = (
            request.supersets
            and not first_of_group
            and 2 * sum(grip_free(p) for p in session.picks) < len(session.picks)
        )
        return (
            # A sore back: the lower back's spine-sparing drills before anything else.
            request.spare_back
            and exercise.group is Group.LOWER_BACK
            and not back.spine_sparing(exercise),
            exercise.preparation,  # a drill that readies a group only when nothing else fits
            exercise.id in recency.previous,  # last session's only when nothing else is left
            # Each group covers its own pull first: the lats the vertical, the upper back
            # the horizontal; another missing pull next.
            not (exercise.pattern in missing and HOME_PULL.get(exercise.group) is exercise.pattern),
            exercise.pattern not in missing,
            request.goal is Goal.STRENGTH and exercise.load_kind is not LoadKind.EXTERNAL,
            wants_drill and not grip_free(exercise),
            _freshness(exercise, first_of_group, recency),
            minor_first,
            repeats_pattern,
            coin[exercise.id],
        )

    # Pinned lifts keep their place: nothing of their family or kin, and no other hinge,
    # takes it before their group's turn comes.
    reserved = [e for g in groups for e in by_group[g] if e.id in request.pinned]

    def clashes(exercise: Exercise) -> bool:
        return exercise.id not in request.pinned and any(
            r.id not in session.ids
            and (
                r.family_name == exercise.family_name
                or (r.is_hinge and exercise.is_hinge)
                or (kin_of(r) is not None and kin_of(r) == kin_of(exercise))
            )
            for r in reserved
        )

    def best(group: Group) -> Exercise | None:
        eligible = [e for e in by_group[group] if session.allows(e) and not clashes(e)]
        # A pinned lift goes first in its group, whatever its recency, so it can progress.
        pinned = [e for e in eligible if e.id in request.pinned]
        first = picked[group] == 0
        return min(pinned or eligible, key=lambda e: rank(e, first), default=None)

    def room(group: Group) -> bool:
        cap = shares.caps[group]
        return cap is None or picked[group] < cap

    # Each slot goes to the group furthest below its share that still has something
    # eligible; a group that runs out hands its slots to the others, within their caps.
    picked = dict.fromkeys(groups, 0)
    for _ in range(count):
        choices = {g: best(g) for g in groups if room(g)}
        options = [
            # Below its share: the furthest below first; past it: the fewest picks first.
            (full, picked[g] if full else picked[g] - shares.targets[g], index, g)
            for index, g in enumerate(groups)
            if choices.get(g)
            for full in [picked[g] >= shares.targets[g]]
        ]
        if not options:
            break
        group = min(options)[-1]
        choice = choices[group]
        assert choice is not None
        session.add(choice)
        picked[group] += 1

    notes += _shortfall_notes(by_group, shares, session, picked, count, request, recency)
    ordered = in_order(session.picks)
    shared = _shared_sets(ordered, request)
    sets = {e.id: shared.get(e.id) or prescribe(e, request.goal, request.level).sets
            for e in ordered}  # fmt: skip
    found, week_notes = volume.limits(ordered, request.level, weekly)
    # What gives way first is what was picked last: the least needed, the least fresh.
    sets, left_out, volume_notes = volume.fit(
        session.picks, sets, found, request.pinned, wanted, recency.previous
    )
    notes += week_notes + volume_notes + unloaded_note(ordered, request.goal)
    ordered = [e for e in ordered if e.id not in left_out]
    planned = [
        planned_exercise(position, e, request, recency, now, len(by_group[e.group]), sets[e.id])
        for position, e in enumerate(ordered, start=1)
    ]
    return Workout(
        created=now,
        goal=request.goal,
        level=request.level,
        groups=tuple(groups),
        exercises=tuple(planned),
        notes=tuple(notes),
        seed=request.seed,
        equipment=request.equipment,
    )


def _shortfall_notes(
    by_group: Mapping[Group, Sequence[Exercise]],
    shares: Shares,
    session: Picks,
    picked: Mapping[Group, int],
    count: int,
    request: Request,
    recency: Recency,
) -> list[str]:
    """Where a rule had to give way, in words."""
    notes = []
    if len(session.picks) < count:
        capped = [g for g in shares.groups if shares.caps[g] is not None]
        reasons = []
        if capped and any(shares.caps[g] == picked[g] for g in capped):
            reasons.append("the lower back takes at most 2 in a whole-back session")
        left = [e for options in by_group.values() for e in options if e.id not in session.ids]
        kins = sorted({k for e in left if (k := kin_of(e)) in session.kins})
        if kins:
            reasons.append("one " + " and one ".join(kins) + " a session")
        why = f" ({'; '.join(reasons)})" if reasons else ""
        notes.append(
            f"Only {len(session.picks)} exercises fit your filters{why} (you asked for "
            f"{count}); the session has them all."
        )
    for group in shares.groups:
        if not by_group[group]:
            notes.append(
                f"No {group.label} exercise fits your equipment and filters, so this session "
                f"cannot train the {group.label}: {NEEDS[group]} would add them."
            )
            continue
        if picked[group] < shares.targets[group] and len(session.picks) == count:
            left = [e for e in by_group[group] if e.id not in session.ids]
            if any(e.is_hinge for e in left) and session.has_hinge:
                why = " (one hinge per session)"
            elif left:
                why = " (one exercise of a family per session)"
            else:
                why = ""
            notes.append(
                f"{group.label.capitalize()} had only {picked[group]} option"
                f"{'s' if picked[group] != 1 else ''} with your filters{why}, so other groups "
                "took its other slots."
            )
    for exercise in (e for options in by_group.values() for e in options):
        if exercise.id in request.pinned and exercise.id not in session.ids:
            notes.append(f"{exercise.name} is pinned, but this session had no room for it.")
    for exercise in session.picks:
        if exercise.id in recency.previous and exercise.id not in request.pinned:
            notes.append(
                f"{exercise.name} was in your last session too: nothing else in its group fits "
                "your filters."
            )
    return notes


def _shared_sets(ordered: Sequence[Exercise], request: Request) -> dict[str, int]:
    """A program's sets per group shared among the group's exercises, the first ones (the
    main lift) taking any extra; never more than one over the goal's usual sets."""
    sets: dict[str, int] = {}
    for group, total in request.group_sets.items():
        mine = [e.id for e in ordered if e.group is group]
        for index, ident in enumerate(mine):
            sets[ident] = share_of_sets(total, len(mine), index, request.goal, request.level)
    return sets


def share_of_sets(total: int, count: int, index: int, goal: Goal, level: Level) -> int:
    """The sets of a group's `index`th exercise of `count` when they share `total`."""
    most = sets_per_exercise(goal, level) + 1
    return min(most, max(1, total // count + (index < total % count)))


def planned_exercise(
    position: int,
    exercise: Exercise,
    request: Request,
    recency: Recency,
    now: datetime,
    group_options: int,
    sets: int | None = None,
) -> PlannedExercise:
    """`sets`, when given, replaces the prescription's (a program's share)."""
    prescription = prescribe(exercise, request.goal, request.level)
    return PlannedExercise(
        position=position,
        id=exercise.id,
        name=exercise.name,
        group=exercise.group,
        mechanic=exercise.mechanic,
        pattern=exercise.pattern,
        prescription=prescription if sets is None else replace(prescription, sets=sets),
        reason=_reason(exercise, request, recency, now, group_options),
        focus=exercise.focus,
        load_kind=exercise.load_kind,
        secondary=exercise.secondary,
    )


def _reason(
    exercise: Exercise, request: Request, recency: Recency, now: datetime, group_options: int
) -> str:
    if exercise.id in request.pinned:
        return "main lift of your block" if exercise.id in request.held else "pinned"
    if group_options == 1:
        limit = "your equipment" if request.equipment is not None else "your filters"
        return f"only {exercise.group.label} option with {limit}"
    if exercise.id in recency.previous:
        return "in your last session; no other option"
    last = recency.last_done.get(exercise.id)
    if last is None:
        return "never done"
    return f"last done {days_ago(last, now)}"


def with_loads(workout: Workout, loads: Mapping[str, Load | None]) -> Workout:
    """The workout with each exercise's suggested load (from its log) attached."""
    return replace(
        workout,
        exercises=tuple(replace(e, load=loads.get(e.id)) for e in workout.exercises),
    )
