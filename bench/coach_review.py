"""A coach's review of many planned sessions: counts of what a coach would reject.

    python bench/coach_review.py                 # 200 sessions per goal x level x variant
    python bench/coach_review.py --sessions 50

For each goal, level and variant (the whole back, each group, the lats with the upper
back, 30 and 45 minutes, bodyweight only, a home gym, twelve exercises) it plans
sessions with seeds 1..N on the shipped catalogue, each two days after the one before,
feeding each back as history (what was done and when, and the sets of the last 7
days), and counts sessions with:

- a family duplicate, a kin duplicate (two spinal-extension, rear-delt or straight-arm
  lat drills), more than one hinge, a hinge after a row;
- a whole-back session without a vertical and a horizontal pull (when the equipment
  has them) or with more than two lower-back exercises; an exercise from the session
  before while its group had a fresh one the rules allowed;
- a prescription outside the spec's table (tests/coach_table.py);
- a group over its session ceiling (6 / 8 / 10 hard sets), a session over its ceiling
  (12 / 20 / 24), the erectors over their budget (5 / 8 / 10), or a hinge, an
  unsupported row and a back extension together below advanced;
- a session over its minutes, or a whole-back one given minutes that left a group out;
- an exercise above your level;
- a session with no lat work whose notes do not say why;
- a superset with a trunk drill before a hinge or an unsupported row; a trained
  lifter's regression (a band good morning, a superman) beside a loadable option of
  its pattern; two carries or two cable pulldowns; a strength day's machine at 3-6.

It exits 1 when any count a coach rejects is not 0.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime, timedelta, timezone
from pathlib import Path

from backplan import catalogue, paths
from backplan.catalogue.model import Dose, Exercise, Goal, Group, Level, Pattern
from backplan.training import volume
from backplan.training.candidates import candidates, for_your_level, regression
from backplan.training.model import Recency, Workout
from backplan.training.picks import KIN, Picks, erector_kind, kin_of
from backplan.training.planner import Request, plan
from backplan.training.prescription import control_drill, sets_per_exercise
from backplan.training.supersets import holds_the_spine, tires_trunk

# The spec's table, as the planner's tests write it out (run from the repository).
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tests.coach_table import BEGINNER_SETS, SETS, expected_reps, rest_range

START = datetime(2026, 1, 5, 18, 0, tzinfo=timezone.utc)
HOME = frozenset({"dumbbell", "bench", "pull-up-bar", "band"})
VARIANTS: dict[str, Request] = {
    "whole back": Request(),
    "lats": Request(groups=(Group.LATS,)),
    "upper back": Request(groups=(Group.UPPER_BACK,)),
    "lower back": Request(groups=(Group.LOWER_BACK,)),
    "lats + upper": Request(groups=(Group.LATS, Group.UPPER_BACK)),
    "30 minutes": Request(minutes=30),
    "45 minutes": Request(minutes=45),
    "bodyweight only": Request(equipment=frozenset({"bodyweight"})),
    "home gym": Request(equipment=HOME),
    "12 exercises": Request(exercises=12),
    "supersets": Request(supersets=True),
}
REJECTED = (
    "family duplicate", "kin duplicate", "two hinges", "hinge after a row",
    "no vertical pull", "no horizontal pull", "over two lower-back",
    "repeat of the last session", "prescription outside the table",
    "group over its ceiling", "session over its ceiling", "erectors over budget",
    "hinge + row + extension", "over the minutes", "minutes left a group out",
    "above your level", "no lats, no word why",
    "trunk drill before a row or hinge", "regression for a trained lifter",
    "two carries or cable pulldowns", "strength machine at 3-6",
)  # fmt: skip


def outside_table(e: Exercise, p: object, goal: Goal, level: Level) -> bool:
    from backplan.training.model import Prescription

    assert isinstance(p, Prescription)
    low, high = BEGINNER_SETS if level is Level.BEGINNER else SETS[goal]
    if e.preparation or (e.dose is Dose.REPS and p.reps_min >= 20):
        low, high = 1, 2
    rest_low, rest_high = rest_range(e, goal)
    return (
        (p.reps_min, p.reps_max) != expected_reps(e, goal, level)
        or not min(low, volume.MIN_SETS) <= p.sets <= high
        or not rest_low <= p.rest_seconds <= rest_high
        or ((p.rir_min is None) != (e.dose is not Dose.REPS or control_drill(e)))
    )


def judge(
    workout: Workout,
    by_id: dict[str, Exercise],
    request: Request,
    previous: set[str],
    full_gear: bool,
) -> Counter[str]:
    """What a coach rejects (and what is context) in one session."""
    found: Counter[str] = Counter()
    picks = [by_id[e.id] for e in workout.exercises]
    sets = {e.id: e.prescription.sets for e in workout.exercises}
    work = [e for e in picks if not e.preparation]
    patterns = [e.pattern for e in picks]
    hinge = next((i for i, e in enumerate(picks) if e.is_hinge), None)
    first_row = next((i for i, p in enumerate(patterns) if p is Pattern.HORIZONTAL_PULL), None)
    whole = not request.groups
    found["family duplicate"] += len({e.family_name for e in picks}) < len(picks)
    found["kin duplicate"] += any(patterns.count(p) > 1 for p in KIN)
    found["two hinges"] += sum(e.is_hinge for e in picks) > 1
    found["hinge after a row"] += hinge is not None and first_row is not None and hinge > first_row
    if whole and full_gear:
        found["no vertical pull"] += Pattern.VERTICAL_PULL not in patterns
        found["no horizontal pull"] += Pattern.HORIZONTAL_PULL not in patterns
    found["over two lower-back"] += whole and sum(e.group is Group.LOWER_BACK for e in picks) > 2
    found["repeat of the last session"] += any(
        _fresh_alternative(e, picks, request, by_id, previous)
        for e in picks
        if e.id in previous and not e.preparation  # a drill that readies may come daily
    )
    found["prescription outside the table"] += any(
        outside_table(by_id[p.id], p.prescription, request.goal, request.level)
        for p in workout.exercises
    )
    level = request.level
    found["group over its ceiling"] += any(
        sum(sets[e.id] for e in work if e.group is g) > volume.GROUP_CEILING[level] for g in Group
    )
    found["session over its ceiling"] += (
        sum(sets[e.id] for e in work) > volume.SESSION_CEILING[level]
    )
    erectors = sum(sets[e.id] * volume.erector_share(e) for e in work)
    found["erectors over budget"] += erectors > volume.ERECTOR_BUDGET[level]
    kinds = {k for e in picks if (k := erector_kind(e))}
    found["hinge + row + extension"] += level is not Level.ADVANCED and len(kinds) == 3
    if request.minutes is not None:
        found["over the minutes"] += workout.estimated_minutes > request.minutes
        groups = {e.group for e in picks}
        found["minutes left a group out"] += (
            whole and request.minutes >= 30 and groups != set(Group)
        )
    found["above your level"] += any(e.level.rank > level.rank for e in picks)
    trains_lats = Group.LATS in (request.groups or tuple(Group))
    if trains_lats and not any(e.group is Group.LATS for e in picks):
        found["no lats, no word why"] += not any("lats" in n for n in workout.notes)
    for members in workout.rounds():
        if len(members) == 2:
            at = workout.exercises.index(members[0])
            later = [by_id[e.id] for e in workout.exercises[at:]]
            found["trunk drill before a row or hinge"] += tires_trunk(by_id[members[1].id]) and any(
                holds_the_spine(e) for e in later
            )
    if level is not Level.BEGINNER:
        pool = candidates(list(by_id.values()), request.groups or tuple(Group), request)
        loadable = {(e.group, e.pattern) for e in pool
                    if not regression(e) and e.load_kind.value == "external"}  # fmt: skip
        found["regression for a trained lifter"] += any(
            regression(e) and (e.group, e.pattern) in loadable for e in picks
        )
    kins = [k for e in picks if (k := kin_of(e)) in ("carry", "cable pulldown")]
    found["two carries or cable pulldowns"] += len(kins) > len(set(kins))
    found["strength machine at 3-6"] += request.goal is Goal.STRENGTH and any(
        by_id[p.id].mechanic.value == "compound"
        and {"machine", "cable"} & set(by_id[p.id].equipment)
        and p.prescription.reps_min < 6
        for p in workout.exercises
    )
    # Context, not rejected: what the sessions are built on.
    firsts = {}
    for e in picks:
        firsts.setdefault(e.group, e)
    found["opened by a variant (context)"] += any(not e.main for e in firsts.values())
    found["sets (context)"] += sum(sets.values())
    return found


def _fresh_alternative(
    e: Exercise,
    picks: list[Exercise],
    request: Request,
    by_id: dict[str, Exercise],
    previous: set[str],
) -> bool:
    """A repeat a coach rejects: something of its group, not done last time, that the
    session's other picks would have allowed."""
    others = Picks(
        request.level,
        erector_room=volume.erector_budget(request.level, request.weekly_sets),
        usual_sets=sets_per_exercise(request.goal, request.level),
    )
    for other in picks:
        if other is not e:
            others.add(other)
    pool = for_your_level(
        candidates(list(by_id.values()), request.groups or tuple(Group), request), request.level
    )
    return any(
        a.group is e.group
        and a.id not in previous
        and a.id not in {p.id for p in picks}
        and (e.preparation or not a.preparation)
        and others.allows(a)
        for a in pool
    )


def review(
    exercises: list[Exercise], base: Request, goal: Goal, level: Level, sessions: int
) -> Counter[str]:
    by_id = {e.id: e for e in exercises}
    full_gear = base.equipment is None
    found: Counter[str] = Counter()
    last_done: dict[str, datetime] = {}
    uses: Counter[str] = Counter()
    previous: set[str] = set()
    done: list[tuple[datetime, Workout]] = []
    for seed in range(1, sessions + 1):
        now = START + timedelta(days=2 * seed)
        weekly: Counter[Group] = Counter()
        for when, w in done:
            if now - when <= timedelta(days=7):
                for e in w.exercises:
                    weekly[e.group] += e.prescription.sets
                    for other in e.secondary:
                        weekly[other] += e.prescription.sets / 2
        request = replace(base, goal=goal, level=level, seed=seed, weekly_sets=dict(weekly))
        try:
            workout = plan(exercises, request, Recency(dict(last_done), frozenset(previous),
                                                        Counter(uses)), now)  # fmt: skip
        except Exception as err:  # a refusal is a finding too
            found[f"refused: {err}"] += 1
            continue
        found += judge(workout, by_id, request, previous, full_gear)
        ids = {e.id for e in workout.exercises}
        for ident in ids:
            last_done[ident] = now
        uses.update(ids)
        previous = ids
        done.append((now, workout))
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=200)
    options = parser.parse_args()
    exercises = list(catalogue.load(paths.shipped_catalogue()).exercises)
    rejected: Counter[str] = Counter()
    context: Counter[str] = Counter()
    total = 0
    show: Callable[[str], None] = print
    show(f"{options.sessions} sessions per goal x level x variant ({len(VARIANTS)} variants)")
    show(f"{'variant':16}{'goal':13}{'level':14}{'rejected':>9}{'sets/session':>14}"
         f"{'opened by a variant':>21}")  # fmt: skip
    for name, base in VARIANTS.items():
        for goal in Goal:
            for level in Level:
                found = review(exercises, base, goal, level, options.sessions)
                bad = sum(n for k, n in found.items() if k in REJECTED or k.startswith("refused"))
                rejected.update({k: n for k, n in found.items() if k in REJECTED or
                                 k.startswith("refused")})  # fmt: skip
                context.update({k: n for k, n in found.items() if k.endswith("(context)")})
                total += options.sessions
                show(f"{name:16}{goal.value:13}{level.value:14}{bad:>9}"
                     f"{found['sets (context)'] / options.sessions:>14.1f}"
                     f"{found['opened by a variant (context)']:>21}")  # fmt: skip
    show(f"\n{total} sessions; what a coach rejects:")
    for name in REJECTED:
        show(f"  {name:34}{rejected[name]:>7}")
    for name, count in rejected.items():
        if name.startswith("refused"):
            show(f"  {name[:60]:60}{count:>7}")
    return 1 if any(rejected.values()) else 0


if __name__ == "__main__":
    sys.exit(main())
