"""Other apps' CSV exports, read a row at a time: Strong's layouts (2015 to now, in any
language, `,` or `;` with decimal commas), Hevy's and FitNotes', with the warm-up,
drop and failure sets, notes, durations and supersets they carry.

Rows become sessions: the rows of one workout, in the order the app wrote them. A row
that cannot be real (reps over 100, a weight over 600 kg, a date to come, a field that
is not a number) is left out and counted in `Skipped` with its line; the file is
refused only when most of its rows are.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from backplan.catalogue.model import Dose
from backplan.errors import BackplanError
from backplan.store.appdates import BadTime, moment
from backplan.store.layouts import Columns, Layout, labels_weights, layout, open_csv
from backplan.training.loads import DROP, FAILURE, MAX_DOSE, WORK

APPS = ("strong", "hevy", "fitnotes")
WARMUP = "warmup"  # a set's kind in an app: a warm-up, or one of training.loads' kinds
# Strong's Set Order and Hevy's set_type, to a set's kind.
_STRONG_KINDS = {"w": WARMUP, "d": DROP, "f": FAILURE}
_HEVY_KINDS = {"warmup": WARMUP, "normal": WORK, "": WORK, "dropset": DROP, "failure": FAILURE}
MAX_SECONDS = 24 * 3600  # no session lasts a day
MILE_METRES = 1609.344
# The heaviest load a row may carry: above the deadlift world record, a typing slip.
HEAVIEST = {"kg": 600.0, "lb": 1322.0}
LISTED = 50  # skipped rows listed by line; the rest are counted
LOOK_AHEAD = 10_000  # rows read for a file's first weight unit


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


@dataclass
class Skipped:
    """The rows left out of a file: how many of how many, the first few by line."""

    rows: int = 0  # rows that hold a set, read or left out
    count: int = 0
    listed: list[tuple[int, str]] = field(default_factory=list)

    def add(self, line: int, why: str) -> None:
        self.count += 1
        if len(self.listed) < LISTED:
            self.listed.append((line, why))


class _Unreal(Exception):
    """A row that cannot be real; its message says why."""


@dataclass
class _Reading:
    columns: Columns
    unit: str | None  # for weights the file does not give a unit for
    comma: bool  # decimal commas
    last_unit: str | None = None  # the last unit a Weight Unit column gave
    _said: str = ""  # the last time read, and what it read: a session's rows share it
    _when: datetime | None = None

    def when(self, text: str, line: int) -> datetime:
        if text != self._said or self._when is None:
            self._when, self._said = moment(text, line), text
        return self._when


def sessions(
    path: Path, app: str, unit: str | None, skipped: Skipped | None = None
) -> Iterator[AppSession]:
    """The sessions of an export, one at a time; `unit` for weights the file does not
    give a unit for (None: it must say). Rows left out are counted in `skipped`."""
    shape = layout(path, app)
    if unit is None and not labels_weights(path):
        raise BackplanError(
            "This export does not say whether its weights are kg or lb: give --unit kg or "
            "--unit lb. Nothing was imported."
        )
    skipped = skipped if skipped is not None else Skipped()
    reading = _Reading(shape.columns, unit, shape.separator == ";", _first_unit(path, shape))
    read = _READERS[app]
    current: AppSession | None = None
    with open_csv(path) as handle:
        reader = csv.reader(handle, delimiter=shape.separator)
        try:
            next(reader)
            for row in reader:
                line = reader.line_num
                if not any(cell.strip() for cell in row):
                    continue
                try:
                    found = read(_fitted(row, shape, app), reading, line)
                except (_Unreal, BadTime) as why:
                    skipped.rows += 1
                    skipped.add(line, _why(str(why)))
                    continue
                if found is None:
                    continue
                skipped.rows += 1
                started, title, done = found
                if current is None or (current.started, current.title) != (started, title):
                    if current is not None:
                        yield current
                    note = _text(row, reading.columns, "workout note")
                    took = _took(row, reading.columns, line)
                    current = AppSession(started, title, line, [], note, took)
                current.sets.append(done)
        except UnicodeDecodeError as err:
            raise BackplanError(f"{path}: not UTF-8 text ({err.reason}).") from None
        except csv.Error as err:
            raise BackplanError(f"line {reader.line_num}: not valid CSV ({err}).") from None
        except OSError as err:
            raise BackplanError(f"{path}: cannot be read ({err.strerror or err}).") from None
    if skipped.count and skipped.count * 2 >= skipped.rows:
        first, reason = skipped.listed[0]
        raise BackplanError(
            f"{path}: {skipped.count:,} of {skipped.rows:,} rows cannot be real (line {first}: "
            f"{reason}); is it the export you meant? Nothing was imported."
        )
    if current is not None:
        yield current


def _first_unit(path: Path, shape: Layout) -> str | None:
    """The first unit a Weight Unit column gives: a bodyweight row before it, with its
    unit left empty, is in the file's unit (a few rows read, at most `LOOK_AHEAD`)."""
    at = shape.columns.index.get("weight unit")
    if at is None:
        return None
    with open_csv(path) as handle:
        reader = csv.reader(handle, delimiter=shape.separator)
        try:
            for number, row in enumerate(reader):
                said = row[at].strip().lower().rstrip("s") if number and at < len(row) else ""
                if said in ("kg", "lb"):
                    return said
                if number > LOOK_AHEAD:
                    break
        except (UnicodeDecodeError, csv.Error):
            pass  # the reading proper says what is wrong, and where
    return None


def _why(message: str) -> str:
    """A refusal's reason without its line and its 'Nothing was imported.'"""
    message = re.sub(r"^line \d+: ", "", message)
    return message.replace(" Nothing was imported.", "").replace("; fix the date in the file", "")


def _fitted(row: list[str], shape: Layout, app: str) -> list[str]:
    """The row with one field for each column. FitNotes leaves a comma in an exercise's
    name unquoted: the fields too many are the name's, joined again."""
    extra = len(row) - shape.width
    if extra > 0 and app == "fitnotes":
        at = shape.columns.index["exercise"]
        return [*row[:at], ",".join(row[at : at + extra + 1]), *row[at + extra + 1 :]]
    if extra:
        raise _Unreal(f"{len(row)} fields where the header has {shape.width}")
    return row


def _number(text: str, what: str, comma: bool) -> float | None:
    text = text.strip()
    if not text:
        return None
    if comma:
        text = text.replace(",", ".")
    try:
        value = float(text)
    except ValueError:
        raise _Unreal(f"{what} '{text[:40]}' is not a number") from None
    if not 0 <= value < 1e7:
        raise _Unreal(f"{what} {text[:40]} is out of range")
    return value


def _cell(row: list[str], columns: Columns, meaning: str) -> str:
    position = columns.index.get(meaning)
    return "" if position is None else row[position]


def _text(row: list[str], columns: Columns, meaning: str) -> str | None:
    """A note: its text (its lines ending as lines do, whatever wrote them), or None."""
    return _cell(row, columns, meaning).replace("\r\n", "\n").replace("\r", "\n").strip() or None


# Hours, minutes and seconds as Strong writes them in the languages it is set to.
_SPANS = (
    (3600, re.compile(r"h|hrs?|hours?|std|stunden?|heures?|ore|ora|horas?|ч|час\w*|小时|時間")),
    (60, re.compile(r"m|min|mins|minutes?|minuten?|minut[oi]s?|мин\w*|分钟?|分")),
    (1, re.compile(r"s|sec|secs|seconds?|sekunden?|secondes?|segundos?|secondi|сек\w*|秒")),
)  # fmt: skip


def _took(row: list[str], columns: Columns, line: int) -> int | None:
    """The session's length: Strong's '1h 5m' in any language (or seconds), or Hevy's
    end less start; None where it cannot be read (a length is never worth a row)."""
    end = _cell(row, columns, "end").strip()
    if end:
        try:
            seconds = int((moment(end, line) - moment(_cell(row, columns, "start"), line))
                          .total_seconds())  # fmt: skip
        except BadTime:
            return None
        return seconds if 0 <= seconds <= MAX_SECONDS else None
    text = _cell(row, columns, "duration").strip().lower()
    if text.isdigit():
        return min(int(text), MAX_SECONDS)
    total = 0
    for amount, word in re.findall(r"(\d+)\s*([^\d\s.,]+)\.?", text):
        scale = next((s for s, pattern in _SPANS if pattern.fullmatch(word)), None)
        if scale is None:
            return None
        total += int(amount) * scale
    return min(total, MAX_SECONDS) if total else None


def _weight_unit(row: list[str], reading: _Reading, weighed: bool) -> str:
    """The unit of the row's weight: its Weight Unit cell (a bodyweight row may leave it
    empty), the header's, or the one given for the file."""
    said = _cell(row, reading.columns, "weight unit").strip().lower().rstrip("s")
    if said and said not in ("kg", "lb"):
        raise _Unreal(f"weight unit '{said[:20]}' is neither kg nor lb")
    if said:
        reading.last_unit = said
        return said
    found = reading.columns.weight_unit or reading.unit or reading.last_unit
    if found is None and weighed:
        raise _Unreal("a weight with no unit")
    return found or "kg"


def _amounts(row: list[str], reading: _Reading) -> tuple[int, float | None, str, Dose]:
    """Reps with a weight; or seconds; or metres; and the weight's unit."""
    columns, comma = reading.columns, reading.comma
    reps = _number(_cell(row, columns, "reps"), "reps", comma)
    weight = _number(_cell(row, columns, "weight"), "weight", comma) or None
    seconds = _number(_cell(row, columns, "seconds"), "seconds", comma)
    distance = _number(_cell(row, columns, "distance"), "distance", comma)
    unit = _weight_unit(row, reading, weight is not None)
    if weight is not None and weight > HEAVIEST[unit]:
        raise _Unreal(f"weight {weight:g} {unit} is more than anyone lifts")
    if reps:
        if reps != int(reps) or reps > MAX_DOSE[Dose.REPS]:
            raise _Unreal(f"reps {reps:g} is not a whole number from 1 to 100")
        return int(reps), weight, unit, Dose.REPS
    if seconds:
        if seconds > MAX_DOSE[Dose.SECONDS]:
            raise _Unreal(f"{seconds:g} seconds is more than an hour in one set")
        return int(seconds), weight, unit, Dose.SECONDS
    if distance:
        said = (_cell(row, columns, "distance unit").strip().lower() or columns.distance_unit
                or ("mi" if unit == "lb" else "km"))  # fmt: skip
        per = {"km": 1000.0, "mi": MILE_METRES, "miles": MILE_METRES}.get(said, 1.0)
        metres = round(distance * per)
        if metres > MAX_DOSE[Dose.METRES]:
            raise _Unreal(f"distance {distance:g} {said} is more than one set covers")
        return max(1, metres), weight, unit, Dose.METRES
    return 0, None, unit, Dose.REPS  # an empty set: nothing done


def _rir(row: list[str], reading: _Reading, kind: str) -> float | None:
    rpe = _number(_cell(row, reading.columns, "rpe"), "RPE", reading.comma)
    if rpe is not None and rpe > 10:
        raise _Unreal(f"RPE {rpe:g} is more than 10")
    return 0.0 if kind == FAILURE else None if rpe is None else max(0.0, 10 - rpe)


_ORDER = re.compile(r"\d{1,3}|[wdf]")  # a set's place, or its kind; anything else is a rest


def _strong_row(
    row: list[str], reading: _Reading, line: int
) -> tuple[datetime, str, AppSet] | None:
    columns = reading.columns
    order = _cell(row, columns, "order").strip().lower()
    name = _cell(row, columns, "exercise").strip()
    if not name or not _ORDER.fullmatch(order):
        return None  # the rest between sets ("Rest Timer", in the phone's language)
    kind = _STRONG_KINDS.get(order, WORK)
    amount, weight, unit, dose = _amounts(row, reading)
    if not amount:
        return None
    rir = _rir(row, reading, kind)
    started = reading.when(_cell(row, columns, "date"), line)
    title = _cell(row, columns, "title").strip() or _cell(row, columns, "number").strip()
    return started, title, AppSet(name, amount, weight, unit, dose, rir, kind, line,
                                  _text(row, columns, "note"))  # fmt: skip


def _hevy_row(row: list[str], reading: _Reading, line: int) -> tuple[datetime, str, AppSet] | None:
    columns = reading.columns
    written = _cell(row, columns, "type").strip().lower()
    if written not in _HEVY_KINDS:
        raise _Unreal(f"set_type '{written[:20]}' is not one Hevy writes")
    kind = _HEVY_KINDS[written]
    amount, weight, unit, dose = _amounts(row, reading)
    if not amount:
        return None
    rir = _rir(row, reading, kind)
    started = reading.when(_cell(row, columns, "start"), line)
    return started, _cell(row, columns, "title").strip(), AppSet(
        _cell(row, columns, "exercise").strip(), amount, weight, unit, dose, rir,
        kind, line, None, _text(row, columns, "exercise note"), _text(row, columns, "superset"),
    )  # fmt: skip


def _fitnotes_row(
    row: list[str], reading: _Reading, line: int
) -> tuple[datetime, str, AppSet] | None:
    """FitNotes: a day's sets under its date; no warm-ups marked; Time as h:mm:ss."""
    columns = reading.columns
    amount, weight, unit, dose = _amounts(row, reading)
    if not amount:
        seconds = _duration(_cell(row, columns, "time"))
        if not seconds:
            return None
        amount, dose = min(seconds, MAX_DOSE[Dose.SECONDS]), Dose.SECONDS
    started = reading.when(_cell(row, columns, "date"), line)
    return started, "", AppSet(_cell(row, columns, "exercise").strip(), amount, weight, unit,
                               dose, None, WORK, line, _text(row, columns, "note"))  # fmt: skip


def _duration(text: str) -> int:
    """'0:01:30' or '1:30' to seconds; '' to 0."""
    text = text.strip()
    if not text:
        return 0
    parts = text.split(":")
    if not 1 <= len(parts) <= 3 or not all(p.strip().isdigit() for p in parts):
        raise _Unreal(f"time '{text[:20]}' is not like 0:01:30")
    seconds = 0
    for part in parts:
        seconds = seconds * 60 + int(part)
    return seconds


_READERS = {"strong": _strong_row, "hevy": _hevy_row, "fitnotes": _fitnotes_row}
