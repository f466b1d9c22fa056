"""The history store, on real SQLite files in a temporary BACKPLAN_HOME."""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import signal
import sqlite3
import subprocess
import sys
import time
import traceback
from contextlib import closing
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from backplan import catalogue, paths
from backplan.errors import BackplanError
from backplan.store import history, migrations
from backplan.training import planner
from backplan.training.model import Recency, Workout
from backplan.training.planner import Request
from tests.helpers import run

SHIPPED = list(catalogue.load(paths.shipped_catalogue()).exercises)
NOW = datetime(2026, 11, 24, 18, 0, tzinfo=timezone.utc)


def a_workout(seed: int = 1, when: datetime = NOW, count: int = 6) -> Workout:
    return planner.plan(SHIPPED, Request(seed=seed, exercises=count), Recency(), when)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_new_database_is_created_and_migrated(backplan_env: Path) -> None:
    with history.open_store() as store:
        assert store.recent(10) == []
    path = backplan_env / migrations.FILE_NAME
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == migrations.SCHEMA_VERSION
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"workouts", "workout_exercises"} <= tables


def test_reading_a_missing_history_creates_nothing(backplan_env: Path) -> None:
    with history.open_store(create=False) as store:
        assert store.recent(5) == []
        assert store.recency() == Recency()
    assert not (backplan_env / migrations.FILE_NAME).exists()


def test_save_and_read_back() -> None:
    workout = a_workout()
    with history.open_store() as store:
        saved = store.save(workout)
        assert saved.id == 1
        again = store.get(1)
    assert again == saved
    assert again.created == NOW
    assert again.estimated_minutes == workout.estimated_minutes


def test_recent_is_newest_first_and_limited() -> None:
    with history.open_store() as store:
        for day in range(5):
            store.save(a_workout(seed=day, when=NOW + timedelta(days=day)))
        recent = store.recent(3)
    assert [w.id for w in recent] == [5, 4, 3]


def test_recency_reads_last_done_previous_and_uses() -> None:
    first = a_workout(seed=1, when=NOW)
    second = a_workout(seed=2, when=NOW + timedelta(days=2))
    with history.open_store() as store:
        store.save(first)
        store.save(second)
        recency = store.recency()
        count, last = store.usage(second.exercises[0].id)
    assert recency.previous == {e.id for e in second.exercises}
    for e in first.exercises:
        expected = NOW + timedelta(days=2) if e.id in recency.previous else NOW
        assert recency.last_done[e.id] == expected
    assert count == recency.uses[second.exercises[0].id]
    assert last == NOW + timedelta(days=2)


def test_delete() -> None:
    with history.open_store() as store:
        store.save(a_workout())
        store.delete(1)
        assert store.recent(10) == []
        assert store.recency() == Recency()
        with pytest.raises(BackplanError) as caught:
            store.delete(1)
    assert caught.value.exit_code == 2


# --- files backplan must not touch -------------------------------------------------------


def _refused(path: Path) -> BackplanError:
    before = digest(path)
    with pytest.raises(BackplanError) as caught, history.open_store(path) as store:
        store.recent(1)
    assert caught.value.exit_code == 1
    assert digest(path) == before
    return caught.value


def test_corrupt_database_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    path.write_bytes(b"this is not a database at all" * 200)
    assert "corrupt" in _refused(path).message


def test_damaged_pages_are_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    with history.open_store(path) as store:
        for seed in range(30):
            store.save(a_workout(seed=seed))
    db = sqlite3.connect(path)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    data = bytearray(path.read_bytes())
    data[4096:8192] = b"\xff" * 4096  # scribble over the second page
    path.write_bytes(bytes(data))
    _refused(path)


def test_newer_database_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE future (x)")
    db.execute(f"PRAGMA user_version = {migrations.SCHEMA_VERSION + 1}")
    db.commit()
    db.close()
    assert "newer backplan" in _refused(path).message


def test_someone_elses_database_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE recipes (name TEXT)")
    db.commit()
    db.close()
    assert "not backplan's" in _refused(path).message


@pytest.mark.parametrize("command", [["history"], ["workout"], ["show", "pull-up"]])
def test_the_cli_refuses_a_corrupt_database_untouched(
    backplan_env: Path, command: list[str]
) -> None:
    backplan_env.mkdir()
    path = backplan_env / migrations.FILE_NAME
    path.write_bytes(b"\x00garbage" * 512)
    before = digest(path)
    result = run(*command)
    assert result.exit_code == 1
    assert "corrupt" in result.stderr
    assert "Traceback" not in result.stderr
    assert digest(path) == before


def test_a_directory_in_the_way_is_an_environment_error(backplan_env: Path) -> None:
    (backplan_env / migrations.FILE_NAME).mkdir(parents=True)
    result = run("workout")
    assert result.exit_code == 1
    assert "is a directory" in result.stderr


@pytest.mark.skipif(
    os.geteuid() == 0 if hasattr(os, "geteuid") else True,
    reason="root reads files whatever their permissions",
)
def test_an_unreadable_database_is_refused(backplan_env: Path) -> None:
    backplan_env.mkdir()
    path = backplan_env / migrations.FILE_NAME
    with history.open_store(path) as store:
        store.save(a_workout())
    path.chmod(0)
    try:
        assert run("history").exit_code == 1
    finally:
        path.chmod(0o600)


# --- concurrency and crashes, with real processes -------------------------------------------


def _save_ten(path: str, worker: int) -> None:
    try:
        for number in range(10):
            with history.open_store(Path(path)) as store:
                store.save(a_workout(seed=worker * 100 + number))
    except BaseException:
        # The parent reports this file when a worker fails.
        Path(f"{path}.worker{worker}.error").write_text(traceback.format_exc())
        raise


def test_four_processes_writing_at_once_all_succeed(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    context = multiprocessing.get_context("spawn")
    workers = [context.Process(target=_save_ten, args=(str(path), n)) for n in range(4)]
    for worker in workers:
        worker.start()
    for number, worker in enumerate(workers):
        worker.join(timeout=120)
        error = Path(f"{path}.worker{number}.error")
        assert worker.exitcode == 0, error.read_text() if error.exists() else worker.exitcode
    db = sqlite3.connect(path)
    assert db.execute("SELECT COUNT(*) FROM workouts").fetchone()[0] == 40
    assert db.execute("SELECT COUNT(*) FROM workout_exercises").fetchone()[0] == 240


KEEP_SAVING = """
import sys
from datetime import datetime, timezone
from pathlib import Path
from backplan import catalogue, paths
from backplan.store import history
from backplan.training import planner
from backplan.training.model import Recency
exercises = list(catalogue.load(paths.shipped_catalogue()).exercises)
now = datetime(2026, 11, 24, tzinfo=timezone.utc)
with history.open_store(Path(sys.argv[1])) as store:
    print("ready", flush=True)
    seed = 0
    while True:
        seed += 1
        store.save(planner.plan(exercises, planner.Request(seed=seed, exercises=12),
                                Recency(), now))
"""


def saved_workouts(path: Path) -> int:
    try:
        with closing(sqlite3.connect(path, timeout=5)) as db:
            return int(db.execute("SELECT COUNT(*) FROM workouts").fetchone()[0])
    except sqlite3.Error:
        return 0  # not created or not migrated yet


@pytest.mark.parametrize("delay", [0.0, 0.05, 0.3])
def test_a_killed_writer_leaves_only_whole_workouts(tmp_path: Path, delay: float) -> None:
    path = tmp_path / "history.sqlite3"
    writer = subprocess.Popen(
        [sys.executable, "-c", KEEP_SAVING, str(path)], stdout=subprocess.PIPE, text=True
    )
    assert writer.stdout is not None
    assert writer.stdout.readline().strip() == "ready"
    deadline = time.monotonic() + 30
    while saved_workouts(path) == 0 and time.monotonic() < deadline:
        time.sleep(0.01)  # a loaded machine may take a while to save the first one
    time.sleep(delay)
    writer.send_signal(signal.SIGKILL)
    writer.wait(timeout=30)
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    rows = db.execute(
        "SELECT w.id, COUNT(e.position), MIN(e.position), MAX(e.position) FROM workouts w"
        " LEFT JOIN workout_exercises e ON e.workout_id = w.id GROUP BY w.id"
    ).fetchall()
    assert rows, "the writer saved nothing before it was killed"
    whole = len(a_workout(count=12).exercises)  # as many as the ceilings hold
    for _, count, first, last in rows:
        assert (count, first, last) == (whole, 1, whole)
    with history.open_store(path) as store:  # and backplan carries on with it
        store.save(a_workout())


PLANNERS = """
import os, subprocess, sys
calls, logs = int(sys.argv[1]), sys.argv[2]
codes = []
for n in range(calls):
    if n % 3 == 2:  # a set logged meanwhile, into whatever plan is the latest
        args = ["log", "dead-hang", "30s", "--add"]
    else:
        args = ["workout", "--new", "--seed", str(n)] if n % 2 else ["workout"]
    done = subprocess.run([sys.executable, "-m", "backplan", *args], capture_output=True,
                          text=True)
    codes.append(done.returncode)
    if done.returncode and "workout" in args:
        sys.stderr.write(done.stderr)
    if args[0] == "log" and done.returncode == 0:
        with open(logs, "a") as out:
            out.write(done.stdout.split("workout #")[1].split(":")[0].split(" ")[0] + "\\n")
sys.exit(max(c for c, a in zip(codes, range(calls)) if a % 3 != 2) if codes else 0)
"""


def test_ten_processes_planning_at_once_leave_one_plan_and_lose_no_set(tmp_path: Path) -> None:
    env = {**os.environ, "BACKPLAN_HOME": str(tmp_path / "home"),
           "BACKPLAN_NOW": "2026-11-24T18:00:00+00:00", "NO_COLOR": "1"}  # fmt: skip
    logs = tmp_path / "logged.txt"
    command = [sys.executable, "-c", PLANNERS, "5", str(logs)]
    pipes = {"stdout": subprocess.PIPE, "stderr": subprocess.PIPE, "text": True}
    workers = [subprocess.Popen(command, env=env, **pipes) for _ in range(10)]
    for worker in workers:
        _, err = worker.communicate(timeout=240)
        assert worker.returncode == 0, err
    db = sqlite3.connect(tmp_path / "home" / migrations.FILE_NAME)
    ids = {row[0] for row in db.execute("SELECT id FROM workouts")}
    unlogged = db.execute(
        "SELECT COUNT(*) FROM workouts w WHERE NOT EXISTS"
        " (SELECT 1 FROM logged_sets l WHERE l.workout_id = w.id)"
    ).fetchone()[0]
    assert unlogged <= 1
    logged_into = {int(line) for line in logs.read_text().split()} if logs.exists() else set()
    assert logged_into, "no set was logged at all"
    assert logged_into <= ids  # no workout with a logged set was deleted
    sets = db.execute("SELECT COUNT(*) FROM logged_sets").fetchone()[0]
    assert sets == len(logs.read_text().split())


def _before(statement_part: str) -> int:
    """The schema version just before the migration holding `statement_part`."""
    return next(
        number
        for number, statements in enumerate(migrations.MIGRATIONS)
        if any(statement_part in statement for statement in statements)
    )


def test_a_history_from_before_the_workout_exercise_index_gets_it(backplan_env: Path) -> None:
    from tests.helpers import old_database

    path = old_database(backplan_env, _before("exercises_by_workout"))
    db = sqlite3.connect(path)
    db.execute(
        "INSERT INTO workouts (id, created, created_ts, goal, level, groups, notes)"
        " VALUES (1, '2026-11-24T18:00:00+00:00', 1795543200, 'hypertrophy', 'beginner',"
        " '[]', '[]')"
    )
    db.execute(
        "INSERT INTO workout_exercises (workout_id, position, exercise_id, name, grp,"
        " mechanic, sets, reps_min, reps_max, rest_seconds, reason, created_ts)"
        " VALUES (1, 1, 'pull-up', 'Pull-Up', 'lats', 'compound', 3, 6, 12, 120, 'r',"
        " 1795543200)"
    )
    db.execute(
        "INSERT INTO logged_sets (workout_id, exercise_id, set_number, reps, unit, created_ts)"
        " VALUES (1, 'pull-up', 1, 8, 'kg', 1795543200)"
    )
    db.commit()
    db.close()
    with history.open_store(path) as store:
        (logged,) = store.logged_sessions("pull-up")
        assert [s.reps for s in logged.sets] == [8]
    with closing(sqlite3.connect(path)) as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == migrations.SCHEMA_VERSION
        plan = " ".join(
            str(row[-1])
            for row in db.execute(
                "EXPLAIN QUERY PLAN SELECT l.reps FROM logged_sets l JOIN workout_exercises e"
                " ON e.workout_id = l.workout_id AND e.exercise_id = l.exercise_id"
                " WHERE l.exercise_id = 'pull-up'"
            )
        )
    assert "exercises_by_workout" in plan, plan


def test_a_crash_is_checked_before_the_history_is_used(tmp_path: Path) -> None:
    """A write-ahead log left behind is a backplan stopped mid-write: the file is read
    whole (through a read-only connection) before anything is written."""
    path = tmp_path / "history.sqlite3"
    with history.open_store(path) as store:
        store.save(a_workout())
    crashed = (
        "import os, sqlite3, sys\n"
        "db = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
        "db.execute('PRAGMA wal_autocheckpoint = 0')\n"
        "db.execute(\"INSERT INTO marks VALUES ('x', 'ban')\")\n"
        "os._exit(0)\n"
    )
    subprocess.run([sys.executable, "-c", crashed, str(path)], check=True)
    with history.open_store(path) as store:  # intact: read, and the crashed write kept
        assert store.marks() == {"x": "ban"}
