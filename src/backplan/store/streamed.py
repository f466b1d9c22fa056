"""Reading a JSON export as a stream: a workout at a time, so memory stays flat however
long the history (ijson, over the file twice: its small parts first, then the workouts)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO, Any

from backplan.errors import BackplanError
from backplan.store.exchange import FORMAT_VERSION, MARKS, weigh_in_from, workout_from
from backplan.store.fields import Invalid, exercise_id, get, one_of, optional, typed
from backplan.store.programs import read_program
from backplan.training.bodyweight import WeighIn
from backplan.training.model import Workout
from backplan.training.program import Program

CHUNK = 1 << 20
# No text of an export is longer than fields.MAX_TEXT characters (six bytes each at most,
# escaped): a longer run without a quote is a string (or a number) no export holds,
# refused as it is read rather than after a parser has built it in memory.
LONGEST_RUN = 100_000
_RUN = re.compile(rb'[^"]{%d}' % LONGEST_RUN)
# A lone surrogate written as an escape (\ud800 with no partner): ijson's parser turns it
# into '?' without a word, so it is refused here, as the whole-file reader refused it.
_LONE = re.compile(
    rb"\\u[dD][89abAB][0-9a-fA-F]{2}(?!\\u[dD][c-fC-F])"
    rb"|(?<!\\u[dD][89abAB][0-9a-fA-F]{2})\\u[dD][c-fC-F][0-9a-fA-F]{2}"
)
_ESCAPE = 12  # bytes of an escaped pair, carried over a chunk's end
DEEPEST = 64  # levels of nesting: an export has about six
SMALL_PARTS = ("backplan_export", "marks", "config", "programs", "bodyweights")


@dataclass(frozen=True)
class Head:
    """Everything of an export but its workouts."""

    marks: dict[str, str]
    settings: dict[str, Any]
    programs: list[Program]
    weigh_ins: list[WeighIn]


class Tally:
    """What the workouts read so far held: how many, and the latest start."""

    def __init__(self) -> None:
        self.count = 0
        self.latest: Workout | None = None


class _Guarded:
    """The file as ijson reads it, refusing a run of bytes no export holds."""

    def __init__(self, handle: IO[bytes], source: str) -> None:
        self._handle, self._source, self._tail = handle, source, 0
        self._carried = b""

    def read(self, size: int = CHUNK) -> bytes:
        chunk = self._handle.read(size)
        first = chunk.find(b'"')
        if self._tail + (len(chunk) if first < 0 else first) >= LONGEST_RUN or _RUN.search(chunk):
            raise BackplanError(
                f"{self._source}: not a backplan export (a text or a number over "
                f"{LONGEST_RUN:,} bytes). Nothing was imported."
            )
        self._lone_surrogate(chunk)
        last = chunk.rfind(b'"')
        self._tail = self._tail + len(chunk) if last < 0 else len(chunk) - last - 1
        return chunk

    def _lone_surrogate(self, chunk: bytes) -> None:
        # Each escape is judged once, with a pair's width of bytes before it in view: the
        # last _ESCAPE bytes wait for the next chunk (the end of the file judges them).
        seen = self._carried + chunk
        judged = max(0, len(self._carried) - _ESCAPE)
        cut = len(seen) - (_ESCAPE if chunk else 0)
        for found in _LONE.finditer(seen):
            if judged < found.end() <= cut:
                code = found.group()[2:].decode("ascii").upper()
                raise BackplanError(
                    f"{self._source}: a lone surrogate U+{code}, which is not text; "
                    "nothing was imported."
                )
        self._carried = seen[-2 * _ESCAPE :]


def _failed(source: str, err: Exception) -> BackplanError:
    if isinstance(err, Invalid):
        return BackplanError(f"{source}: {err}. Nothing was imported.")
    text = " ".join(str(err).split())[:200]
    if "digits" in text or "integer overflow" in text:  # past 64 bits (yajl) or Python's
        return BackplanError(
            f"{source}: not a backplan export (a number too long). Nothing was imported."
        )
    return BackplanError(
        f"{source}: not valid JSON ({text}); is the file complete? Nothing was imported."
    )


def _errors() -> tuple[type[Exception], ...]:
    """A problem named by its path, and what a file that is not JSON raises (a number of
    thousands of digits is a ValueError)."""
    import ijson

    found: tuple[type[Exception], ...] = (Invalid, ijson.JSONError, ValueError, RecursionError)
    return found


def read_head(handle: IO[bytes], source: str) -> Head:
    """The export's version, marks, settings, programs and weigh-ins (its workouts are
    passed over), or one clear error."""
    import ijson

    start = handle.read(64)
    if start.lstrip(b"\xef\xbb\xbf").startswith((b"workout_id,", b"workout_created,")):
        raise BackplanError(
            f"{source} is a CSV export, for spreadsheets; backplan imports its JSON exports "
            "(backplan export --format json). Nothing was imported."
        )
    handle.seek(0)
    found: dict[str, Any] = {}
    key: str | None = None
    builder: Any = None
    try:
        depth = 0
        # basic_parse, not parse: parse names each event by its path, which a file nested
        # 100,000 deep makes quadratic (gigabytes); the depth is counted and capped here.
        for event, value in ijson.basic_parse(_Guarded(handle, source), use_float=True):
            if event in ("end_map", "end_array"):
                depth -= 1
            top = depth == (1 if event == "map_key" else 0)
            if event in ("start_map", "start_array"):
                depth += 1
                if depth > DEEPEST:
                    raise Invalid("the file", f"nests over {DEEPEST} levels: not a backplan export")
            if not top:
                if builder is not None:
                    builder.event(event, value)
            elif event in ("map_key", "end_map"):
                if builder is not None and key is not None:
                    found[key] = builder.value
                key = value if event == "map_key" else None
                builder = ijson.ObjectBuilder() if key in SMALL_PARTS else None
            elif event != "start_map":
                raise Invalid("the file", "must be an object, not a backplan export")
        return _head(found, source)
    except _errors() as err:
        raise _failed(source, err) from None


def _head(data: dict[str, Any], source: str) -> Head:
    version = typed(get(data, "backplan_export", ""), int, "backplan_export")
    if version > FORMAT_VERSION:
        raise BackplanError(
            f"{source} was exported by a newer backplan (format {version}; this one reads "
            f"up to {FORMAT_VERSION}). Upgrade backplan; nothing was imported."
        )
    if version < 1:
        raise Invalid("backplan_export", "must be 1 or more")
    raw_marks = typed(get(data, "marks", ""), dict, "marks")
    marks = {
        exercise_id(key, "marks"): one_of(value, f"marks.{key}", MARKS)
        for key, value in raw_marks.items()
    }
    settings = typed(optional(data, "config", {}), dict, "config")
    raw_programs = typed(optional(data, "programs", []), list, "programs")
    programs = [read_program(p, f"programs[{n}]") for n, p in enumerate(raw_programs)]
    raw_weights = typed(optional(data, "bodyweights", []), list, "bodyweights")
    weigh_ins = [weigh_in_from(w, f"bodyweights[{n}]") for n, w in enumerate(raw_weights)]
    return Head(marks, settings, programs, weigh_ins)


def read_workouts(handle: IO[bytes], source: str, tally: Tally) -> Iterator[Workout]:
    """The export's workouts, one at a time, each checked; a problem is one clear error
    (the import's transaction then keeps nothing)."""
    import ijson

    handle.seek(0)
    items = ijson.items(_Guarded(handle, source), "workouts.item", use_float=True)
    try:
        for number, data in enumerate(items):
            workout = workout_from(data, f"workouts[{number}]")
            tally.count += 1
            if tally.latest is None or workout.created > tally.latest.created:
                tally.latest = workout
            yield workout
    except _errors() as err:
        raise _failed(source, err) from None
    if tally.count == 0:
        try:  # "workouts" must be there, and a list, even when empty
            _check_workouts(handle, source)
        except Invalid as err:
            raise _failed(source, err) from None


def _check_workouts(handle: IO[bytes], source: str) -> None:
    import ijson

    handle.seek(0)
    for prefix, event, _ in ijson.parse(_Guarded(handle, source)):
        if prefix == "workouts":
            if event != "start_array":
                raise Invalid("workouts", "must be a list")
            return
    raise Invalid("workouts", "is missing")


def read(
    handle: IO[bytes], source: str
) -> tuple[list[Workout], dict[str, str], dict[str, Any], list[Program], list[WeighIn]]:
    """The whole export in memory (tests and small files): workouts, marks, settings,
    programs and weigh-ins."""
    head = read_head(handle, source)
    workouts = list(read_workouts(handle, source, Tally()))
    return workouts, head.marks, head.settings, head.programs, head.weigh_ins
