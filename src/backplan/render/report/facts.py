"""What the report draws, read from the workout and bodyweight documents of `--json`.

The documents are the history's one public shape (`documents.workout_json` with its
logs, `render.body.weigh_json`), so the report counts what `history --json` and the
export carry, and nothing the store keeps elsewhere. A plan is not training: a
workout with no set logged counts for nothing here.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from backplan.catalogue.model import Dose, Group, Level, Pattern
from backplan.render.report.lifts import Lift, LiftHistory, lifts
from backplan.training.block import ramp
from backplan.training.bodyweight import Bodyweights, WeighIn, average
from backplan.training.loads import DROP, SetDone

HALF = 0.5  # of a set, to a group an exercise loads besides its own (partial credit)
YEAR = 364  # days of the consistency calendar: 52 whole weeks


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


def first_day(today: date, weeks: int) -> date:
    """The oldest day the report reads workouts of: the window's or the calendar's."""
    return min(monday(today) - timedelta(weeks=weeks - 1), today - timedelta(days=YEAR - 1))


def gather(
    documents: Sequence[Mapping[str, Any]],
    weigh: Mapping[str, Any],
    history: LiftHistory,
    *,
    unit: str,
    steps: Mapping[str, float],
    level: Level | None,
    today: date,
    weeks: int,
) -> Facts:
    """The report's figures for the `weeks` weeks up to today (the calendar: a year),
    from the workouts since `first_day` (oldest first) and each main lift's sessions."""
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
        lifts=lifts(history, body, unit, steps, start),
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
