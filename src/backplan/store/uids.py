"""Stable ids in SQL (UUIDv7) and the triggers that tell sync a row was written."""

from __future__ import annotations


def uuid7_sql(seconds: str) -> str:
    """An SQL expression for a UUIDv7 (RFC 9562) whose time is `seconds` since the epoch:
    48 bits of milliseconds, the version, 74 random bits with the variant."""
    ms = f"printf('%012x', CAST(({seconds}) * 1000 AS INTEGER))"
    return (
        f"lower(substr({ms}, 1, 8) || '-' || substr({ms}, 9, 4) || '-7'"
        " || substr(hex(randomblob(2)), 2) || '-'"
        " || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2)"
        " || '-' || hex(randomblob(6)))"
    )


# The tables whose rows sync carries.
SYNCED_TABLES = ("workouts", "workout_exercises", "logged_sets", "other_training", "marks",
                 "bodyweights", "programs")  # fmt: skip
DIRTY_TRIGGERS = tuple(
    f"CREATE TRIGGER sync_dirty_{table}_{when.lower()} AFTER {when} ON {table}"
    " WHEN (SELECT value FROM sync_meta WHERE key = 'dirty') = '0'"
    " BEGIN UPDATE sync_meta SET value = '1' WHERE key = 'dirty'; END"
    for table in SYNCED_TABLES
    for when in ("INSERT", "UPDATE", "DELETE")
)

# A program keeps its creation as ISO 8601 text with its offset.
PROGRAM_SECONDS = "CAST(strftime('%s', created) AS REAL)"
