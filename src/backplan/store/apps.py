"""Other apps' CSV exports, read a row at a time: Strong's and Hevy's layouts, and the
variants found in the wild (a `;` separator and decimal commas, localized headers,
a BOM, CRLF, warm-up, drop and failure sets, "Rest Timer" rows), with the notes,
durations and supersets they carry.

Rows become sessions: the rows of one workout, in the order the app wrote them.
Anything that cannot be read is refused with its line number.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import IO

from backplan.catalogue.model import Dose
from backplan.errors import BackplanError
from backplan.store.appdates import moment
from backplan.training.loads import DROP, FAILURE, MAX_DOSE, MAX_WEIGHT, WORK

APPS = ("strong", "hevy", "fitnotes")
WARMUP = "warmup"  # a set's kind in an app: a warm-up, or one of training.loads' kinds
# Strong's Set Order and Hevy's set_type, to a set's kind.
_STRONG_KINDS = {"w": WARMUP, "d": DROP, "f": FAILURE}
_HEVY_KINDS = {"warmup": WARMUP, "normal": WORK, "": WORK, "dropset": DROP, "failure": FAILURE}
MAX_SECONDS = 24 * 3600  # no session lasts a day
MILE_METRES = 1609.344
MAX_LINE = 100_000  # characters in one field: no export writes more


@dataclass(frozen=True)
class AppSet:
    exercise: str  # the app's name for it
    amount: int  # reps, seconds or metres
    weight: float | None  # None: bodyweight
    unit: str
    dose: Dose = Dose.REPS
    rir: float | None = None
    kind: str = WORK  # WARMUP, or a kind of `training.loads`
    line: int = 0
    note: str | None = None
    exercise_note: str | None = None
    superset: str | None = None

    @property
    def warmup(self) -> bool:
        return self.kind == WARMUP


@dataclass
class AppSession:
    started: datetime
    title: str
    line: int
    sets: list[AppSet] = field(default_factory=list)
    note: str | None = None  # the workout's
    duration: int | None = None  # seconds


_MEANINGS = {
        "date": ("date",), "start": ("start_time",), "title": ("workout name", "title"),
        "number": ("workout #",), "exercise": ("exercise name", "exercise_title", "exercise"),
        "category": ("category",), "time": ("time",),
        "order": ("set order",), "type": ("set_type",), "reps": ("reps",),
        "seconds": ("seconds", "duration_seconds"), "rpe": ("rpe",),
        "weight unit": ("weight unit",), "distance unit": ("distance unit",),
        "duration": ("duration",), "end": ("end_time",), "note": ("notes", "comment"),
        "workout note": ("workout notes", "description"),
        "exercise note": ("exercise_notes",), "superset": ("superset_id",),
}  # fmt: skip


class _Columns:
    """A header's columns by their meaning, whatever the app or locale calls them."""

    def __init__(self, header: list[str]) -> None:
        self.names = [h.strip().lstrip("\ufeff").strip().lower() for h in header]
        self.weight_unit: str | None = None
        self.distance_unit: str | None = None
        self.index: dict[str, int] = {}
        for position, name in enumerate(self.names):
            for meaning, spellings in _MEANINGS.items():
                if name in spellings:
                    self.index.setdefault(meaning, position)
            weight = re.fullmatch(r"weight(?:_| \()?(kg|kgs|lb|lbs)?\)?", name)
            if weight:
                self.index.setdefault("weight", position)
                if weight.group(1):
                    self.weight_unit = weight.group(1).rstrip("s")
            distance = re.fullmatch(r"distance(?:_| \()?(km|miles|meters|metres|m)?\)?", name)
            if distance:
                self.index.setdefault("distance", position)
                self.distance_unit = distance.group(1)

    def need(self, meanings: tuple[str, ...], app: str) -> None:
        missing = [m for m in meanings if m not in self.index]
        if missing:
            raise BackplanError(
                f"line 1: not a {app.title()} export: no {', '.join(missing)} column "
                f"(the header has {', '.join(self.names[:8])}). Nothing was imported."
            )


def labels_weights(path: Path) -> bool:
    """Whether the file says the unit of its weights (a column, or the weight header)."""
    columns = _Columns(header_of(path)[0])
    return columns.weight_unit is not None or "weight unit" in columns.index


def detect(header: list[str]) -> str | None:
    """Which app wrote a header, or None."""
    names = {h.strip().lstrip("\ufeff").strip().lower() for h in header}
    if {"exercise_title", "set_index"} <= names:
        return "hevy"
    if "exercise name" in names and "set order" in names:
        return "strong"
    if {"date", "exercise", "category", "reps"} <= names:
        return "fitnotes"
    return None


def _number(text: str, line: int, what: str, comma: bool) -> float | None:
    text = text.strip()
    if not text:
        return None
    if comma:
        text = text.replace(",", ".")
    try:
        value = float(text)
    except ValueError:
        raise BackplanError(f"line {line}: {what} '{text[:40]}' is not a number.") from None
    if not 0 <= value < 1e7:
        raise BackplanError(f"line {line}: {what} {text[:40]} is out of range.")
    return value


def _open(path: Path) -> IO[str]:
    import stat

    try:
        found = path.stat()
    except FileNotFoundError:
        raise BackplanError(f"{path}: no such file.") from None
    except OSError as err:
        raise BackplanError(f"{path}: cannot be read ({err.strerror or err}).") from None
    if not stat.S_ISREG(found.st_mode):
        raise BackplanError(f"{path} is not a regular file.")
    return path.open(encoding="utf-8-sig", newline="", errors="strict")


def header_of(path: Path) -> tuple[list[str], str]:
    """The first row and the separator (`;` when it has more of them than commas)."""
    with _open(path) as handle:
        try:
            first = handle.readline(MAX_LINE)
        except UnicodeDecodeError as err:
            raise BackplanError(f"{path}: not UTF-8 text ({err.reason}).") from None
        except OSError as err:
            raise BackplanError(f"{path}: cannot be read ({err.strerror or err}).") from None
    separator = ";" if first.count(";") > first.count(",") else ","
    return next(csv.reader([first], delimiter=separator), []), separator


def sessions(path: Path, app: str, unit: str | None) -> Iterator[AppSession]:
    """The sessions of an export, one at a time; `unit` for weights the file does not
    give a unit for (None: it must say)."""
    header, separator = header_of(path)
    columns = _Columns(header)
    columns.need(_NEEDED[app], app)
    comma = separator == ";"
    read = _READERS[app]
    current: AppSession | None = None
    with _open(path) as handle:
        reader = csv.reader(handle, delimiter=separator)
        try:
            next(reader)
            for row in reader:
                line = reader.line_num
                if not any(cell.strip() for cell in row):
                    continue
                if len(row) != len(header):
                    raise BackplanError(
                        f"line {line}: {len(row)} fields where the header has {len(header)}; "
                        "is the file complete?"
                    )
                found = read(row, columns, line, unit, comma)
                if found is None:
                    continue
                started, title, done = found
                if current is None or (current.started, current.title) != (started, title):
                    if current is not None:
                        yield current
                    note = _text(row, columns, "workout note")
                    current = AppSession(started, title, line, [], note, _took(row, columns, line))
                current.sets.append(done)
        except UnicodeDecodeError as err:
            raise BackplanError(f"{path}: not UTF-8 text ({err.reason}).") from None
        except csv.Error as err:
            raise BackplanError(f"line {reader.line_num}: not valid CSV ({err}).") from None
        except OSError as err:
            raise BackplanError(f"{path}: cannot be read ({err.strerror or err}).") from None
    if current is not None:
        yield current


def _cell(row: list[str], columns: _Columns, meaning: str) -> str:
    position = columns.index.get(meaning)
    return "" if position is None else row[position]


def _text(row: list[str], columns: _Columns, meaning: str) -> str | None:
    """A note: its text, or None when empty."""
    return _cell(row, columns, meaning).strip() or None


def _took(row: list[str], columns: _Columns, line: int) -> int | None:
    """The session's length: Strong's '1h 5m' (or seconds), or Hevy's end less start."""
    end = _cell(row, columns, "end").strip()
    if end:
        seconds = int((moment(end, line) - moment(_cell(row, columns, "start"), line))
                      .total_seconds())  # fmt: skip
        return seconds if 0 <= seconds <= MAX_SECONDS else None
    text = _cell(row, columns, "duration").strip().lower()
    if not text:
        return None
    if text.isdigit():
        return min(int(text), MAX_SECONDS)
    parts = re.fullmatch(r"(?:(\d+)\s*h)?\s*(?:(\d+)\s*m(?:in)?)?\s*(?:(\d+)\s*s)?", text)
    if parts is None or not any(parts.groups()):
        raise BackplanError(f"line {line}: duration '{text[:20]}' is not like 1h 5m.")
    hours, minutes, seconds = (int(p or 0) for p in parts.groups())
    return min(hours * 3600 + minutes * 60 + seconds, MAX_SECONDS)


def _weight_unit(row: list[str], columns: _Columns, line: int, unit: str | None) -> str:
    said = _cell(row, columns, "weight unit").strip().lower().rstrip("s") or columns.weight_unit
    if said is not None and said not in ("kg", "lb"):
        raise BackplanError(f"line {line}: weight unit '{said[:20]}' is neither kg nor lb.")
    found = said or unit
    if found is None:
        raise BackplanError(
            "This export does not say whether its weights are kg or lb: give --unit kg or "
            "--unit lb. Nothing was imported."
        )
    return found


def _amounts(
    row: list[str], columns: _Columns, line: int, comma: bool, weight_unit: str
) -> tuple[int, float | None, Dose]:
    """Reps with a weight; or seconds; or metres."""
    reps = _number(_cell(row, columns, "reps"), line, "reps", comma)
    weight = _number(_cell(row, columns, "weight"), line, "weight", comma)
    seconds = _number(_cell(row, columns, "seconds"), line, "seconds", comma)
    distance = _number(_cell(row, columns, "distance"), line, "distance", comma)
    if weight is not None and weight > MAX_WEIGHT[weight_unit]:
        raise BackplanError(
            f"line {line}: weight {weight:g} {weight_unit} is more than anyone lifts."
        )
    if reps:
        if reps != int(reps) or reps > MAX_DOSE[Dose.REPS]:
            raise BackplanError(f"line {line}: reps {reps:g} is not a whole number from 1 to 100.")
        return int(reps), weight or None, Dose.REPS
    if seconds:
        return min(int(seconds), MAX_DOSE[Dose.SECONDS]), weight or None, Dose.SECONDS
    if distance:
        unit = (_cell(row, columns, "distance unit").strip().lower() or columns.distance_unit
                or ("miles" if weight_unit == "lb" else "km"))  # fmt: skip
        metres = {"km": 1000.0, "mi": MILE_METRES, "miles": MILE_METRES}.get(unit, 1.0) * distance
        return min(max(1, round(metres)), MAX_DOSE[Dose.METRES]), weight or None, Dose.METRES
    return 0, None, Dose.REPS  # an empty set: nothing done


def _strong_row(
    row: list[str], columns: _Columns, line: int, unit: str | None, comma: bool
) -> tuple[datetime, str, AppSet] | None:
    order = _cell(row, columns, "order").strip().lower()
    if order == "rest timer" or not _cell(row, columns, "exercise").strip():
        return None  # the rest between sets, not a set
    kind = _STRONG_KINDS.get(order, WORK)
    weight_unit = _weight_unit(row, columns, line, unit)
    amount, weight, dose = _amounts(row, columns, line, comma, weight_unit)
    if not amount:
        return None
    rpe = _number(_cell(row, columns, "rpe"), line, "RPE", comma)
    rir = 0.0 if kind == FAILURE else None if rpe is None else max(0.0, 10 - rpe)
    started = moment(_cell(row, columns, "date"), line)
    title = _cell(row, columns, "title").strip() or _cell(row, columns, "number").strip()
    return started, title, AppSet(
        _cell(row, columns, "exercise").strip(), amount, weight, weight_unit, dose, rir,
        kind, line, _text(row, columns, "note"),
    )  # fmt: skip


def _hevy_row(
    row: list[str], columns: _Columns, line: int, unit: str | None, comma: bool
) -> tuple[datetime, str, AppSet] | None:
    written = _cell(row, columns, "type").strip().lower()
    if written not in _HEVY_KINDS:
        raise BackplanError(f"line {line}: set_type '{written[:20]}' is not one Hevy writes.")
    kind = _HEVY_KINDS[written]
    weight_unit = _weight_unit(row, columns, line, unit)
    amount, weight, dose = _amounts(row, columns, line, comma, weight_unit)
    if not amount:
        return None
    rpe = _number(_cell(row, columns, "rpe"), line, "rpe", comma)
    rir = 0.0 if kind == FAILURE else None if rpe is None else max(0.0, 10 - rpe)
    started = moment(_cell(row, columns, "start"), line)
    return started, _cell(row, columns, "title").strip(), AppSet(
        _cell(row, columns, "exercise").strip(), amount, weight, weight_unit, dose, rir,
        kind, line, None, _text(row, columns, "exercise note"), _text(row, columns, "superset"),
    )  # fmt: skip


def _fitnotes_row(
    row: list[str], columns: _Columns, line: int, unit: str | None, comma: bool
) -> tuple[datetime, str, AppSet] | None:
    """FitNotes: a day's sets under its date; no warm-ups marked; Time as h:mm:ss."""
    weight_unit = _weight_unit(row, columns, line, unit)
    amount, weight, dose = _amounts(row, columns, line, comma, weight_unit)
    if not amount:
        seconds = _duration(_cell(row, columns, "time"), line)
        if not seconds:
            return None
        amount, dose = min(seconds, MAX_DOSE[Dose.SECONDS]), Dose.SECONDS
    started = moment(_cell(row, columns, "date"), line)
    return started, "", AppSet(_cell(row, columns, "exercise").strip(), amount, weight,
                               weight_unit, dose, None, WORK, line,
                               _text(row, columns, "note"))  # fmt: skip


def _duration(text: str, line: int) -> int:
    """'0:01:30' or '1:30' to seconds; '' to 0."""
    text = text.strip()
    if not text:
        return 0
    parts = text.split(":")
    if not 1 <= len(parts) <= 3 or not all(p.strip().isdigit() for p in parts):
        raise BackplanError(f"line {line}: time '{text[:20]}' is not like 0:01:30.")
    seconds = 0
    for part in parts:
        seconds = seconds * 60 + int(part)
    return seconds


_NEEDED = {
    "strong": ("date", "exercise", "order", "reps", "weight"),
    "hevy": ("start", "exercise", "type", "reps", "weight"),
    "fitnotes": ("date", "exercise", "reps", "weight"),
}
_READERS = {"strong": _strong_row, "hevy": _hevy_row, "fitnotes": _fitnotes_row}
