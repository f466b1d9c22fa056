"""The promise of sync, as a property: two or three homes making random changes (plan,
log sets, delete a workout, weigh, pin), their journals copied between them in any
order and cut mid-line, end with the same history everywhere, nothing lost or doubled."""

from __future__ import annotations

import dataclasses
import os
import shutil
import sqlite3
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from backplan.store import entities, journal
from backplan.store import sync as engine
from backplan.store.history import open_store
from backplan.training.bodyweight import WeighIn
from backplan.training.loads import SetDone
from backplan.training.model import Workout
from tests.helpers import run_json

NOW = "2026-11-24T18:00:00+01:00"
BASE = datetime.fromisoformat(NOW)
_template: list[Workout] = []


@contextmanager
def home(path: Path) -> Iterator[None]:
    before = os.environ.get("BACKPLAN_HOME")
    os.environ["BACKPLAN_HOME"] = str(path)
    try:
        yield
    finally:
        if before is None:
            del os.environ["BACKPLAN_HOME"]
        else:
            os.environ["BACKPLAN_HOME"] = before


def template() -> Workout:
    """A real planned workout, made once by the planner, saved again as each plan."""
    if not _template:
        scratch = Path(tempfile.mkdtemp())
        with home(scratch):
            run_json("workout", "--seed", "11")
            with open_store() as store:
                _template.append(store.get(1))
        shutil.rmtree(scratch)
    return _template[0]


class World:
    """The homes, each with its own copy of the shared folder (as Syncthing keeps one on
    every device), and what the lifters did."""

    def __init__(self, root: Path, devices: int) -> None:
        self.homes = [root / f"home{n}" for n in range(devices)]
        self.views = [root / f"view{n}" for n in range(devices)]
        self.ids: list[str] = []
        for place, view in zip(self.homes, self.views, strict=True):
            view.mkdir(parents=True)
            with home(place):
                self.ids.append(journal.device_id())
        self.planned = 0
        self.deleted: set[str] = set()
        self.logged: dict[str, str] = {}  # a set's note -> its workout's note
        self.weighed: dict[date, set[float]] = {}

    def act(self, step: tuple[Any, ...]) -> None:
        action, who, *rest = step
        with home(self.homes[who]):
            getattr(self, action)(who, *rest)

    def plan(self, who: int) -> None:
        self.planned += 1
        created = BASE + timedelta(minutes=self.planned)
        with open_store() as store:
            store.save(dataclasses.replace(template(), id=None, created=created,
                                           note=f"w{self.planned}"))  # fmt: skip

    def _pick(self, pick: int) -> Workout | None:
        with open_store() as store:
            here = store.recent(100)
        return here[pick % len(here)] if here else None

    def log(self, who: int, pick: int, exercise: int, count: int) -> None:
        workout = self._pick(pick)
        if workout is None or workout.id is None:
            return
        done = workout.exercises[exercise % len(workout.exercises)]
        sets = []
        for _ in range(count):
            note = f"s{len(self.logged)}"
            self.logged[note] = str(workout.note)
            sets.append(SetDone(8, 50.0, "kg", note=note))
        with open_store() as store:
            store.log(workout.id, done.id, sets)

    def delete(self, who: int, pick: int) -> None:
        workout = self._pick(pick)
        if workout is None or workout.id is None:
            return
        self.deleted.add(str(workout.note))
        with open_store() as store:
            store.delete(workout.id)

    def weigh(self, who: int, day: int, kg: int) -> None:
        when = BASE.date() + timedelta(days=day)
        self.weighed.setdefault(when, set()).add(float(kg))
        with open_store() as store:
            store.weigh(WeighIn(when, float(kg), "kg"), BASE.timestamp())

    def pin(self, who: int, exercise: str, on: bool) -> None:
        with open_store() as store:
            store.set_mark(exercise, "pin" if on else None)

    def sync(self, who: int) -> None:
        engine.sync(self.views[who])

    def copy(self, who: int, to: int, cut: float | None) -> None:
        """What a sync tool does: the journals in one copy of the folder to another (never
        over the receiving device's own), maybe stopped part-way through a file."""
        if who == to:
            return
        for source in self.views[who].glob("*/*.jsonl"):
            if source.parent.name == self.ids[to]:
                continue
            target = self.views[to] / source.parent.name / source.name
            data = source.read_bytes()
            have = target.stat().st_size if target.exists() else 0
            size = len(data) if cut is None else max(have, int(len(data) * cut))
            if size > have:
                target.parent.mkdir(exist_ok=True)
                target.write_bytes(data[:size])

    def history(self, who: int) -> dict[str, Any]:
        """Everything sync carries, without this device's own numbers, and the order of
        every workout's sets."""
        with home(self.homes[who]):
            db = sqlite3.connect(self.homes[who] / "history.sqlite3")
        try:
            everything = {row.id: row.content for row in entities.rows(db)}
            numbered = db.execute(
                "SELECT w.uid, s.exercise_id, s.set_number, s.uid FROM logged_sets s"
                " JOIN workouts w ON w.id = s.workout_id ORDER BY 1, 2, 3"
            ).fetchall()
            notes = db.execute(
                "SELECT s.note, w.note FROM logged_sets s JOIN workouts w ON w.id = s.workout_id"
            ).fetchall()
            workouts = [row[0] for row in db.execute("SELECT note FROM workouts")]
            weights = dict(db.execute("SELECT day, weight FROM bodyweights").fetchall())
        finally:
            db.close()
        return {"all": everything, "numbered": numbered, "notes": notes,
                "workouts": workouts, "weights": weights}  # fmt: skip


def steps(devices: int) -> st.SearchStrategy[tuple[Any, ...]]:
    who = st.integers(0, devices - 1)
    pick = st.integers(0, 7)
    return st.one_of(
        st.tuples(st.just("plan"), who),
        st.tuples(st.just("log"), who, pick, st.integers(0, 5), st.integers(1, 3)),
        st.tuples(st.just("delete"), who, pick),
        st.tuples(st.just("weigh"), who, st.integers(0, 2), st.integers(60, 90)),
        st.tuples(st.just("pin"), who, st.sampled_from(["pull-up", "barbell-row"]), st.booleans()),
        st.tuples(st.just("sync"), who),
        st.tuples(st.just("copy"), who, who, st.none() | st.floats(0.05, 0.95)),
    )


def check(devices: int, changes: list[tuple[Any, ...]]) -> None:
    root = Path(tempfile.mkdtemp())
    saved = os.environ.get("BACKPLAN_NOW")
    os.environ["BACKPLAN_NOW"] = NOW
    try:
        world = World(root, devices)
        for step in changes:
            world.act(step)
        # Then every device syncs, every journal reaches every copy whole, and again.
        for who in range(devices):
            world.act(("sync", who))
        for who in range(devices):
            for to in range(devices):
                world.act(("copy", who, to, None))
        for who in range(devices):
            world.act(("sync", who))
        seen = [world.history(who) for who in range(devices)]
        for other in seen[1:]:
            assert other["all"] == seen[0]["all"]
            assert other["numbered"] == seen[0]["numbered"]
        final = seen[0]
        kept = [note for note, _ in final["notes"]]
        assert len(kept) == len(set(kept)), "a set doubled"
        expected = {note for note, workout in world.logged.items() if workout not in world.deleted}
        assert set(kept) == expected, "a set lost"
        planned = {f"w{n}" for n in range(1, world.planned + 1)}
        assert sorted(final["workouts"]) == sorted(planned - world.deleted)
        for day, weights in world.weighed.items():
            assert final["weights"][day.isoformat()] in weights
        # A sync with nothing new changes nothing, and journals nothing.
        for who in range(devices):
            with home(world.homes[who]):
                assert engine.sync(world.views[who]).journaled == 0
            assert world.history(who)["all"] == final["all"]
    finally:
        if saved is None:
            os.environ.pop("BACKPLAN_NOW", None)
        else:
            os.environ["BACKPLAN_NOW"] = saved
        shutil.rmtree(root)


@pytest.mark.parametrize("devices", [2, 3])
@settings(max_examples=25, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_every_device_ends_with_the_same_history(devices: int, data: st.DataObject) -> None:
    changes = data.draw(st.lists(steps(devices), min_size=1, max_size=25))
    check(devices, changes)


def test_a_set_logged_on_a_workout_another_device_deleted_goes_with_it() -> None:
    check(
        2,
        [("plan", 0), ("sync", 0), ("copy", 0, 1, None), ("sync", 1),
         ("delete", 0, 0), ("log", 1, 0, 0, 2), ("sync", 1), ("sync", 0)],
    )  # fmt: skip


def test_sets_of_one_exercise_on_two_devices_are_all_kept() -> None:
    check(
        3,
        [("plan", 0), ("sync", 0), ("copy", 0, 1, 0.5), ("sync", 1), ("copy", 0, 1, None),
         ("copy", 0, 2, None), ("sync", 1), ("sync", 2), ("log", 1, 0, 0, 3),
         ("log", 2, 0, 0, 2), ("log", 0, 0, 0, 1), ("sync", 2), ("copy", 2, 1, 0.7)],
    )  # fmt: skip
