"""The history's schema, as numbered migrations: migration N takes it from N-1 to N."""

from __future__ import annotations

from backplan.store.uids import DIRTY_TRIGGERS, PROGRAM_SECONDS, uuid7_sql

# Migration N takes the schema from version N-1 to N; PRAGMA user_version records it.
MIGRATIONS: tuple[tuple[str, ...], ...] = (
    (
        """CREATE TABLE workouts (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            created TEXT NOT NULL,      -- ISO 8601 with the local offset, as the user saw it
            created_ts REAL NOT NULL,   -- seconds since the epoch, for ordering
            goal TEXT NOT NULL,
            level TEXT NOT NULL,
            groups TEXT NOT NULL,       -- JSON list of group names
            notes TEXT NOT NULL,        -- JSON list of notes
            seed INTEGER
        )""",
        "CREATE INDEX workouts_by_time ON workouts (created_ts)",
        """CREATE TABLE workout_exercises (
            workout_id INTEGER NOT NULL REFERENCES workouts (id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            exercise_id TEXT NOT NULL,
            name TEXT NOT NULL,
            grp TEXT NOT NULL,
            mechanic TEXT NOT NULL,
            pattern TEXT,
            sets INTEGER NOT NULL,
            reps_min INTEGER NOT NULL,
            reps_max INTEGER NOT NULL,
            rest_seconds INTEGER NOT NULL,
            reason TEXT NOT NULL,
            focus TEXT,
            created_ts REAL NOT NULL,   -- the workout's, so "last done" is one index lookup
            PRIMARY KEY (workout_id, position)
        )""",
        "CREATE INDEX exercises_by_recency ON workout_exercises (exercise_id, created_ts)",
    ),
    (
        "ALTER TABLE workouts ADD COLUMN equipment TEXT",  # JSON list; NULL: everything
        "ALTER TABLE workout_exercises ADD COLUMN load_weight REAL",  # the suggestion when planned
        "ALTER TABLE workout_exercises ADD COLUMN load_unit TEXT",
        "ALTER TABLE workout_exercises ADD COLUMN load_change TEXT",
        "ALTER TABLE workout_exercises ADD COLUMN load_reason TEXT",
        """CREATE TABLE logged_sets (
            workout_id INTEGER NOT NULL REFERENCES workouts (id) ON DELETE CASCADE,
            exercise_id TEXT NOT NULL,
            set_number INTEGER NOT NULL,
            reps INTEGER NOT NULL,
            weight REAL,                -- NULL: bodyweight alone
            unit TEXT NOT NULL,
            created_ts REAL NOT NULL,   -- the workout's, for "last logged" by index
            PRIMARY KEY (workout_id, exercise_id, set_number)
        )""",
        "CREATE INDEX logged_by_exercise ON logged_sets (exercise_id, created_ts)",
        """CREATE TABLE marks (
            exercise_id TEXT PRIMARY KEY,
            mark TEXT NOT NULL CHECK (mark IN ('pin', 'ban'))
        )""",
    ),
    (
        # "When was each group last trained" and "sets per group since" read this alone.
        "CREATE INDEX exercises_by_group ON workout_exercises (grp, created_ts)",
    ),
    (
        # Prescription v2: how a set is measured, one side or both, how it gets harder,
        # and the effort target. Earlier rows were all reps, both sides; the rest unknown.
        "ALTER TABLE workout_exercises ADD COLUMN dose TEXT NOT NULL DEFAULT 'reps'",
        "ALTER TABLE workout_exercises ADD COLUMN sides TEXT NOT NULL DEFAULT 'both'",
        "ALTER TABLE workout_exercises ADD COLUMN load_type TEXT",
        "ALTER TABLE workout_exercises ADD COLUMN rir_min INTEGER",
        "ALTER TABLE workout_exercises ADD COLUMN rir_max INTEGER",
    ),
    (
        # Progression v2: suggestions of reps or a variant, warm-up sets (a JSON list of
        # [reps, weight, unit]), and sets of seconds or metres with their effort.
        "ALTER TABLE workout_exercises ADD COLUMN load_reps INTEGER",
        "ALTER TABLE workout_exercises ADD COLUMN load_variant TEXT",
        "ALTER TABLE workout_exercises ADD COLUMN warmup TEXT",
        "ALTER TABLE logged_sets ADD COLUMN dose TEXT NOT NULL DEFAULT 'reps'",
        "ALTER TABLE logged_sets ADD COLUMN rir REAL",
    ),
    (
        # Programs: a block of weeks. Its days (JSON) are planned ahead; a workout planned
        # for one of them names the program and the day's number.
        """CREATE TABLE programs (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            created TEXT NOT NULL,
            start TEXT NOT NULL,        -- the first day, ISO 8601
            weeks INTEGER NOT NULL,
            days INTEGER NOT NULL,
            goal TEXT NOT NULL,         -- a goal, or 'auto'
            level TEXT NOT NULL,
            groups TEXT NOT NULL,       -- JSON list; empty: the whole back
            equipment TEXT,             -- JSON list; NULL: everything
            seed INTEGER NOT NULL,
            main_lifts TEXT NOT NULL,   -- JSON list of [group, id, name, [goals]]
            sessions TEXT NOT NULL,     -- JSON list of days
            ended TEXT                  -- NULL while it is the active one
        )""",
        # One program is active at a time.
        "CREATE UNIQUE INDEX one_active_program ON programs ((ended IS NULL)) WHERE ended IS NULL",
        "ALTER TABLE workouts ADD COLUMN program_id INTEGER"
        " REFERENCES programs (id) ON DELETE SET NULL",
        "ALTER TABLE workouts ADD COLUMN program_day INTEGER",
        "CREATE INDEX workouts_by_program ON workouts (program_id, program_day)",
    ),
    (
        # The guided session: an exercise skipped at the gym, and when each set was
        # logged (for undo and the time a session took; NULL before).
        "ALTER TABLE workout_exercises ADD COLUMN skipped INTEGER NOT NULL DEFAULT 0",
        "ALTER TABLE logged_sets ADD COLUMN logged_at REAL",
    ),
    (
        # Plates per side of a suggested barbell load (a JSON list), as planned.
        "ALTER TABLE workout_exercises ADD COLUMN load_plates TEXT",
        # Partial credit: the other groups an exercise loads (a JSON list), half a set each.
        "ALTER TABLE workout_exercises ADD COLUMN secondary TEXT",
        "CREATE INDEX exercises_with_secondary ON workout_exercises (created_ts)"
        " WHERE secondary IS NOT NULL",
    ),
    (
        # Bodyweight: one weigh-in a day (a second one that day replaces it).
        """CREATE TABLE bodyweights (
            day TEXT PRIMARY KEY,       -- ISO 8601 date, the local day
            weight REAL NOT NULL,
            unit TEXT NOT NULL,
            created_ts REAL NOT NULL
        )""",
    ),
    (
        # Programs follow the lifter's calendar: the weekdays a block trains (a JSON
        # list, 0 = Monday; NULL before: its days spread from its start) and the
        # sessions moved off a day (a JSON list of [day, day moved to or null]).
        "ALTER TABLE programs ADD COLUMN weekdays TEXT",
        "ALTER TABLE programs ADD COLUMN moves TEXT NOT NULL DEFAULT '[]'",
    ),
    (
        # Imports keep everything: a set's kind (work, drop, failure; warm-ups are kept
        # apart) and note; an exercise's note and superset; a workout's own note, its
        # real duration (seconds), the app it came from; and the training outside the
        # back catalogue, kept as it was logged (never planned).
        "ALTER TABLE logged_sets ADD COLUMN kind TEXT NOT NULL DEFAULT 'work'",
        "ALTER TABLE logged_sets ADD COLUMN note TEXT",
        "ALTER TABLE workout_exercises ADD COLUMN note TEXT",
        "ALTER TABLE workout_exercises ADD COLUMN superset TEXT",
        "ALTER TABLE workouts ADD COLUMN note TEXT",
        "ALTER TABLE workouts ADD COLUMN duration INTEGER",
        "ALTER TABLE workouts ADD COLUMN source TEXT",
        """CREATE TABLE other_training (
            workout_id INTEGER NOT NULL REFERENCES workouts (id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            name TEXT NOT NULL,         -- as the app named it
            sets TEXT NOT NULL,         -- JSON list of [amount, weight, unit, dose, kind]
            note TEXT,
            credit TEXT,                -- JSON list of groups it loads at half a set
            PRIMARY KEY (workout_id, position)
        )""",
    ),
    (
        # The rest taken before a set at the gym (seconds; NULL: not timed).
        "ALTER TABLE logged_sets ADD COLUMN rest INTEGER",
    ),
    (
        # How the back felt after a workout, 0 (fine) to 10 (very sore); NULL: not said.
        "ALTER TABLE workouts ADD COLUMN back INTEGER",
    ),
    (
        # An exercise's row of a workout by (workout, exercise): the joins of logged sets
        # to their exercise read it (progress, progression); without it SQLite scanned
        # every row of the exercise for each set, quadratic in the history.
        "CREATE INDEX exercises_by_workout ON workout_exercises (workout_id, exercise_id)",
    ),
    (
        # Sync: a stable id that travels (a UUIDv7 with the row's own time) for the rows
        # that have no natural key; the short workout numbers stay this device's aliases.
        # Rows written later get theirs when `sync` next runs (store/uids.py).
        "ALTER TABLE workouts ADD COLUMN uid TEXT",
        "ALTER TABLE logged_sets ADD COLUMN uid TEXT",
        "ALTER TABLE programs ADD COLUMN uid TEXT",
        f"UPDATE workouts SET uid = {uuid7_sql('created_ts')}",
        f"UPDATE logged_sets SET uid = {uuid7_sql('COALESCE(logged_at, created_ts)')}",
        f"UPDATE programs SET uid = {uuid7_sql(PROGRAM_SECONDS)}",
        "CREATE UNIQUE INDEX workouts_by_uid ON workouts (uid)",
        "CREATE UNIQUE INDEX sets_by_uid ON logged_sets (uid)",
        "CREATE UNIQUE INDEX programs_by_uid ON programs (uid)",
        # What this device has journaled or applied, per entity: the winning event's
        # hybrid clock, when the entity was born (its first event), whether the winner is
        # a deletion, whether it is in the tables here (`present`: a set whose workout has
        # not arrived is not), the hash of its row here and the winner's content (JSON).
        """CREATE TABLE sync_entities (
            id TEXT PRIMARY KEY,
            kind TEXT NOT NULL,
            parent TEXT,                -- a workout's uid (its parts), a program's (a workout)
            hlc TEXT NOT NULL,
            born TEXT NOT NULL,
            deleted INTEGER NOT NULL DEFAULT 0,
            present INTEGER NOT NULL DEFAULT 0,
            hash TEXT,
            content TEXT
        )""",
        "CREATE INDEX sync_by_parent ON sync_entities (parent) WHERE parent IS NOT NULL",
        # How far each other device's journal file has been read (bytes of whole lines).
        """CREATE TABLE sync_files (
            path TEXT PRIMARY KEY,      -- DEVICE/YYYY-MM.jsonl
            offset INTEGER NOT NULL
        )""",
        # The hybrid clock's latest reading, and other one-value facts of sync.
        "CREATE TABLE sync_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
        # 'dirty': a row sync carries was written since the last sync (so a sync with
        # nothing new reads no table); every write path sets it without knowing.
        "INSERT INTO sync_meta (key, value) VALUES ('dirty', '1')",
        *DIRTY_TRIGGERS,
    ),
)
SCHEMA_VERSION = len(MIGRATIONS)
