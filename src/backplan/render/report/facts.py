"""What the report draws, read from the workout and bodyweight documents of `--json`.

The documents are the history's one public shape (`documents.workout_json` with its
logs, `render.body.weigh_json`), so the report counts what `history --json` and the
export carry, and nothing the store keeps elsewhere. A plan is not training: a
workout with no set logged counts for nothing here.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from backplan.catalogue.model import Catalogue, Dose, Exercise, Group, Level, LoadKind, Pattern
from backplan.training.block import ramp
from backplan.training.bodyweight import Bodyweights, WeighIn, average
from backplan.training.loads import DROP, Session, SetDone, increment
from backplan.training.moved import moved_set
from backplan.training.strength import training_max

HALF = 0.5  # of a set, to a group an exercise loads besides its own (partial credit)
YEAR = 364  # days of the consistency calendar: 52 whole weeks
MOST_LIFTS = 6  # main lifts charted, the most logged first


@dataclass(frozen=True)
class LiftPoint:
    day: date
    value: float  # the training max, in the report's unit
    record: bool  # above every training max before it
    exercise: str  # the variant's name
    variant: bool  # another variant of the family than the session before


@dataclass(frozen=True)
class Lift:
    name: str  # the main lift's
    points: tuple[LiftPoint, ...]  # in the window, oldest first
    by_load_moved: bool = False  # a move that lifts your body: bodyweight counted in


@dataclass(frozen=True)
class Week:
    start: date  # its Monday
    sets: Mapping[Group, float]  # hard sets logged, with partial credit
    prescribed: float | None  # mean reps in reserve prescribed, of sets logged with one
    logged: float | None  # mean reps in reserve logged, of the same sets


@dataclass(frozen=True)
class Facts:
    today: date
    start: date  # the Monday the window opens on
    unit: str
    level: Level
    lifts: tuple[Lift, ...]
    weeks: tuple[Week, ...]
    days: Mapping[date, float]  # sets logged a day, over the last year
    weigh_ins: tuple[tuple[date, float], ...]  # in the window, in `unit`
    averages: tuple[tuple[date, float], ...]  # the 7-day average, a day each
    ratings: tuple[tuple[date, int], ...]  # how the back felt, 0-10
    patterns: tuple[tuple[Pattern, float], ...]  # sets of each, in the window
    sessions: int  # workouts with sets logged, in the window

    def band(self, group: Group) -> tuple[int, int]:
        """The weekly sets a block ramps the group through at your level."""
        return ramp(group, self.level)


def monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def sets_of(exercise: Mapping[str, Any]) -> list[SetDone]:
    """An exercise document's logged sets, drop sets left out (they are no work sets)."""
    return [
        SetDone(s["reps"], s["weight"], s["unit"], Dose(s["dose"]), s["rir"], kind=s["kind"])
        for s in exercise.get("sets_logged", ())
        if s["kind"] != DROP
    ]


def day_of(document: Mapping[str, Any]) -> date:
    return datetime.fromisoformat(document["created"]).date()


def logged(documents: Iterable[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    """The workouts with a set logged (a plan is not training)."""
    return [
        d for d in documents
        if any(e.get("sets_logged") for e in d["exercises"]) or d.get("other")
    ]  # fmt: skip


def credit(document: Mapping[str, Any]) -> dict[Group, float]:
    """The hard sets a workout gave each group: its own, half for each other group an
    exercise loads, half to the lower back for a squat or a hinge outside the back."""
    found: dict[Group, float] = defaultdict(float)
    for e in document["exercises"]:
        count = len(sets_of(e))
        found[Group(e["group"])] += count
        for other in e.get("secondary", ()):
            found[Group(other)] += count * HALF
    for e in document.get("other", ()):
        work = sum(s["kind"] != DROP for s in e["sets"])
        for group in e["credit"]:
            found[Group(group)] += work * HALF
    return found


def gather(
    documents: Sequence[Mapping[str, Any]],
    weigh: Mapping[str, Any],
    known: Catalogue,
    *,
    unit: str,
    steps: Mapping[str, float],
    level: Level | None,
    today: date,
    weeks: int,
) -> Facts:
    """The report's figures for the `weeks` weeks up to today (the calendar: a year)."""
    done = logged(documents)
    start = monday(today) - timedelta(weeks=weeks - 1)
    year = today - timedelta(days=YEAR - 1)
    kept = tuple(WeighIn(date.fromisoformat(w["day"]), w["weight"], w["unit"])
                 for w in weigh["weigh_ins"])  # fmt: skip
    body = Bodyweights(kept) if kept else None
    recent = [d for d in done if day_of(d) >= start]
    days: dict[date, float] = defaultdict(float)
    for d in done:
        if (day := day_of(d)) >= year:
            days[day] += sum(len(sets_of(e)) for e in d["exercises"])
    found_level = level or (Level(done[-1]["level"]) if done else Level.INTERMEDIATE)
    return Facts(
        today=today,
        start=start,
        unit=unit,
        level=found_level,
        lifts=lifts(done, known, body, unit, steps, start),
        weeks=tuple(_weeks(recent, start, weeks)),
        days=dict(days),
        weigh_ins=tuple((w.day, round(w.in_unit(unit), 2)) for w in kept if w.day >= start),
        averages=_averages(kept, start, today, unit),
        ratings=tuple((day_of(d), int(d["back"])) for d in recent if d.get("back") is not None),
        patterns=_patterns(recent),
        sessions=len(recent),
    )


def _weeks(recent: Sequence[Mapping[str, Any]], start: date, weeks: int) -> Iterable[Week]:
    sets: dict[date, dict[Group, float]] = {
        start + timedelta(weeks=i): dict.fromkeys(Group, 0.0) for i in range(weeks)
    }
    efforts: dict[date, list[tuple[float, float]]] = defaultdict(list)
    for d in recent:
        week = monday(day_of(d))
        if week not in sets:
            continue  # a workout dated after today
        for group, count in credit(d).items():
            sets[week][group] += count
        for e in d["exercises"]:
            if e.get("rir_min") is None or e.get("rir_max") is None or e["dose"] != "reps":
                continue
            aim = (e["rir_min"] + e["rir_max"]) / 2
            efforts[week] += [(aim, s.rir) for s in sets_of(e) if s.rir is not None]
    for week, groups in sets.items():
        pairs = efforts.get(week, [])
        yield Week(
            week,
            groups,
            sum(a for a, _ in pairs) / len(pairs) if pairs else None,
            sum(b for _, b in pairs) / len(pairs) if pairs else None,
        )


def _averages(
    kept: Sequence[WeighIn], start: date, today: date, unit: str
) -> tuple[tuple[date, float], ...]:
    """The 7-day average on each day of the window that has one."""
    found = []
    for offset in range((today - start).days + 1):
        day = start + timedelta(days=offset)
        mean = average(kept, day, unit)
        if mean is not None:
            found.append((day, round(mean, 2)))
    return tuple(found)


def _patterns(recent: Sequence[Mapping[str, Any]]) -> tuple[tuple[Pattern, float], ...]:
    counts = dict.fromkeys(Pattern, 0.0)
    for d in recent:
        for e in d["exercises"]:
            if e.get("pattern"):
                counts[Pattern(e["pattern"])] += len(sets_of(e))
    return tuple(counts.items())


def lifts(
    done: Sequence[Mapping[str, Any]],
    known: Catalogue,
    body: Bodyweights | None,
    unit: str,
    steps: Mapping[str, float],
    start: date,
) -> tuple[Lift, ...]:
    """The training max of each main lift logged, its family's variants on one curve (a
    move that lifts your body: by the load moved, once you have weighed in)."""
    by_id = {e.id: e for e in known.exercises}
    families: dict[str, list[tuple[date, Exercise, Mapping[str, Any]]]] = defaultdict(list)
    for d in done:
        for e in d["exercises"]:
            exercise = by_id.get(e["id"])
            if exercise is not None and e.get("sets_logged") and _counted(exercise, body):
                families[exercise.family_name].append((day_of(d), exercise, e))
    mains = {e.family_name for e in known.exercises if e.main}
    ranked = sorted(
        (name for name in families if name in mains),
        key=lambda name: (-len(families[name]), name),
    )
    found = []
    for name in ranked[:MOST_LIFTS]:
        points = _curve(families[name], body, unit, steps)
        shown = tuple(p for p in points if p.day >= start)
        if shown:
            # Named for the variant done most: a family's main lifts are several.
            variants = Counter(e.name for _, e, _ in families[name])
            most = max(variants, key=lambda n: (variants[n], n))
            found.append(Lift(most, shown, families[name][0][1].lifts_body))
    return tuple(found)


def _counted(exercise: Exercise, body: Bodyweights | None) -> bool:
    """A lift with a training max: an external load, or your body once it is known."""
    if exercise.dose is not Dose.REPS:
        return False
    if exercise.lifts_body:
        return body is not None  # an added load alone is no training max
    return exercise.load_kind is LoadKind.EXTERNAL


def _curve(
    sessions: Sequence[tuple[date, Exercise, Mapping[str, Any]]],
    body: Bodyweights | None,
    unit: str,
    steps: Mapping[str, float],
) -> list[LiftPoint]:
    """The training max after each session (strength.training_max over it and the one
    before), records and variant changes marked."""
    points: list[LiftPoint] = []
    before: Session | None = None
    best = 0.0
    for day, exercise, e in sessions:
        sets = tuple(sets_of(e))
        bodyweight = body.on(day, unit) if body is not None and exercise.lifts_body else None
        if bodyweight is not None:
            sets = tuple(moved_set(s, exercise.load_kind, bodyweight.weight, unit) for s in sets)
        session = Session(
            e["reps_min"],
            e["reps_max"],
            sets,
            e.get("rir_max"),
            str(e.get("reason", "")).startswith("imported from"),
            day,
        )
        step = increment(exercise.equipment, unit, steps)
        newest = [session, before] if before is not None else [session]
        tm = training_max(newest, unit, step)
        if tm is None:
            continue
        before = session
        value = round(tm.e1rm, 1)
        variant = bool(points) and points[-1].exercise != exercise.name
        points.append(LiftPoint(day, value, bool(points) and value > best, exercise.name, variant))
        best = max(best, value)
    return points
