"""A Strong export of ROWS rows, written to bench/.work: a session every twelve hours
from 1970 (a million rows end in 2004, all of them in the past), of eight exercises
(four back lifts, four others), with warm-ups, Rest Timer rows, notes and a bad row
every 10,000.

    .venv/bin/python bench/strong_import.py 500000     # writes bench/.work/strong-500000.csv

Then time the import and its dry run side by side with the interpreter reading the
file with the csv module (the floor for any reader of it):

    farm-bench -n 3 --timeout 900 --vs "python bench/strong_import.py --read FILE" -- \\
        env BACKPLAN_HOME=/tmp/bp backplan import FILE --unit kg --dry-run
"""

from __future__ import annotations

import csv
import sys
from datetime import datetime, timedelta
from pathlib import Path

HEADER = ("Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,"
          "Notes,Workout Notes,RPE")  # fmt: skip
LIFTS = (
    ("Deadlift (Barbell)", 140.0), ("Bent Over Row (Barbell)", 70.0),
    ("Lat Pulldown (Cable)", 60.0), ("Pull Up", 0.0), ("Squat (Barbell)", 120.0),
    ("Bench Press (Barbell)", 90.0), ("Upright Row (Barbell)", 40.0),
    ("Bicep Curl (Dumbbell)", 14.0),
)  # fmt: skip


def write(rows: int, path: Path) -> None:
    start = datetime(1970, 1, 2, 7, 30)
    with path.open("w", encoding="utf-8", newline="") as handle:
        handle.write(HEADER + "\n")
        written, day = 0, 0
        while written < rows:
            when = f"{start + timedelta(hours=12 * day):%Y-%m-%d %H:%M:%S}"
            head = f'{when},"Session {day}",1h 5m'
            for name, weight in LIFTS:
                load = f"{weight + (day % 40) * 2.5:g}" if weight else "0"
                lines = [f"{head},{name},W,{weight / 2:g},5,0,0,,,"]
                lines += [f'{head},{name},{n},{load},5,0,0,"set {n}, fine",,8' for n in (1, 2, 3)]
                lines.append(f"{head},{name},Rest Timer,0,0,0,120,,,")
                for line in lines:
                    if written and written % 10_000 == 0:
                        line = f"{head},{name},1,{load},five,0,0,,,"  # a row that cannot be real
                    handle.write(line + "\n")
                    written += 1
                    if written >= rows:
                        return
            day += 1


def read(path: Path) -> int:
    """The floor: every row of the file through the csv module, nothing kept."""
    with path.open(encoding="utf-8", newline="") as handle:
        return sum(1 for _ in csv.reader(handle))


if __name__ == "__main__":
    if sys.argv[1] == "--read":
        print(read(Path(sys.argv[2])))
    else:
        count = int(sys.argv[1])
        folder = Path(__file__).parent / ".work"
        folder.mkdir(exist_ok=True)
        target = folder / f"strong-{count}.csv"
        write(count, target)
        print(target)
