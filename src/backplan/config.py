"""Your defaults, in config.toml: equipment, level, goal, exercises and unit.

The file is yours to edit by hand too: `config set` changes one line and keeps the
rest (comments included), writes atomically, and never replaces a broken file.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from backplan import catalogue, paths
from backplan.catalogue.model import Goal, Level
from backplan.defaults import MAX_EXERCISES, MAX_STEP, SETTINGS, STEP_SETTING
from backplan.errors import BackplanError, did_you_mean
from backplan.files import read_regular, write_atomically
from backplan.training.loads import INCREMENTS
from backplan.training.plates import Rack
from backplan.training.prescription import parse_goal
from backplan.training.sets import parse_unit

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

FILE_NAME = "config.toml"
MAX_CONFIG_BYTES = 1024 * 1024  # far more than any settings file


@dataclass(frozen=True)
class Config:
    equipment: frozenset[str] | None = None  # None: everything
    level: Level | None = None
    goal: Goal | None = None
    exercises: int | None = None
    unit: str = "kg"
    step: Mapping[str, float] = field(default_factory=dict)  # equipment -> increment
    plates: tuple[float, ...] | None = None  # the plates you have, in your unit
    bar: float | None = None  # what your barbell weighs, in your unit
    sync_dir: str | None = None  # the folder `sync` keeps the journals in

    @property
    def rack(self) -> Rack:
        return Rack.of(self.unit, self.plates, self.bar)


KEYS = tuple(f.name for f in fields(Config))
assert KEYS == SETTINGS, "defaults.SETTINGS names the Config fields, for help text"


def default_path() -> Path:
    return paths.config_dir() / FILE_NAME


def _exercises(value: Any) -> int:
    if isinstance(value, str) and re.fullmatch(r"\s*[0-9]{1,3}\s*", value):
        value = int(value)
    if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= MAX_EXERCISES:
        raise BackplanError(f"exercises must be a whole number from 1 to {MAX_EXERCISES}.")
    return value


def _equipment(value: Any) -> frozenset[str]:
    items = value if isinstance(value, list) else [value]
    if not all(isinstance(item, str) for item in items):
        raise BackplanError("equipment must be a list of names, like dumbbell,bench.")
    available = catalogue.parse_equipment(items)
    if available is None:
        raise BackplanError(
            "equipment needs at least one name; 'config unset equipment' means all."
        )
    return available


def _text(parse: Callable[[str], Any]) -> Callable[[Any], Any]:
    def check(value: Any) -> Any:
        if not isinstance(value, str):
            raise BackplanError("must be text.")
        return parse(value)

    return check


def _increment(value: Any) -> float:
    if isinstance(value, str):
        try:
            value = float(value.strip())
        except ValueError:
            raise BackplanError("must be a number, like 2.5.") from None
    if not isinstance(value, (int, float)) or isinstance(value, bool):
        raise BackplanError("must be a number, like 2.5.")
    if not MIN_LOADABLE <= value <= MAX_STEP:
        raise BackplanError(f"must be from {MIN_LOADABLE:g} to {MAX_STEP:g}.")
    return float(value)


def _steps(value: Any) -> dict[str, float]:
    if not isinstance(value, dict):
        raise BackplanError("give each as step.EQUIPMENT = NUMBER, like step.dumbbell = 1.")
    steps = {}
    for item, number in value.items():
        if item not in INCREMENTS:
            hint = did_you_mean(item, INCREMENTS)
            raise BackplanError(
                f"'{item}' has no increment{hint}; the equipment with one: {', '.join(INCREMENTS)}."
            )
        try:
            steps[item] = _increment(number)
        except BackplanError as err:
            raise BackplanError(f"step.{item} {err.message}") from None
    return steps


MAX_PLATE = 100.0
# The smallest plate, bar and step anyone loads (fractional plates are 0.25): below it
# a setting is a typo, and plate arithmetic in hundredths would have nothing to add.
MIN_LOADABLE = 0.25


def _weight(value: Any, what: str) -> float:
    if isinstance(value, str):
        try:
            value = float(value.strip())
        except ValueError:
            raise BackplanError(f"{what} must be a number, like 20.") from None
    if not isinstance(value, (int, float)) or isinstance(value, bool):
        raise BackplanError(f"{what} must be a number, like 20.")
    if not MIN_LOADABLE <= value <= MAX_PLATE:
        raise BackplanError(f"{what} must be from {MIN_LOADABLE:g} to {MAX_PLATE:g}.")
    return float(value)


def _plates(value: Any) -> tuple[float, ...]:
    items = value.split(",") if isinstance(value, str) else value
    if not isinstance(items, list) or not items:
        raise BackplanError("give the plates you have, like 25,20,15,10,5,2.5,1.25.")
    plates = {_weight(item, "each plate") for item in items}
    return tuple(sorted(plates, reverse=True))


def _bar(value: Any) -> float:
    return _weight(value, "the bar")


def _folder(value: str) -> str:
    if not value.strip() or "\0" in value:
        raise BackplanError("must be a folder, like ~/Sync/backplan.")
    return str(Path(value.strip()).expanduser().absolute())


# Each setting's parser takes the TOML value (or the command line's text) and checks it.
_PARSERS: dict[str, Callable[[Any], Any]] = {
    "equipment": _equipment,
    "level": _text(catalogue.parse_level),
    "goal": _text(parse_goal),
    "exercises": _exercises,
    "unit": _text(parse_unit),
    STEP_SETTING: _steps,
    "plates": _plates,
    "bar": _bar,
    "sync_dir": _text(_folder),
}


def _sets(line: str, key: str) -> bool:
    """Whether a line of the file is the `key = ...` line."""
    return re.match(rf"\s*{re.escape(key)}\s*=", line) is not None


def _line_of(text: str, key: str) -> int:
    for number, line in enumerate(text.splitlines(), start=1):
        if _sets(line, key):
            return number
    return 1


def _read(path: Path) -> str | None:
    """The file's text, or None when there is no file."""
    try:
        return read_regular(path, MAX_CONFIG_BYTES).decode("utf-8")
    except FileNotFoundError:
        return None
    except OSError as err:
        raise BackplanError(f"{path}: cannot be read ({err.strerror or err}).") from None
    except UnicodeDecodeError as err:
        raise BackplanError(f"{path}: not UTF-8 text ({err.reason}).") from None


def load(path: Path | None = None) -> Config:
    """The settings in the file, or the defaults when there is none."""
    path = path or default_path()
    text = _read(path)
    return Config() if text is None else _parse(text, path)


def _parse(text: str, path: Path) -> Config:
    try:
        data = tomllib.loads(text)
    except RecursionError:
        raise BackplanError(
            f"{path}: nested too deeply to be backplan's settings; it was left as it is."
        ) from None
    except tomllib.TOMLDecodeError as err:
        line = re.search(r"line (\d+)", str(err))
        where = f"{path}:{line.group(1)}" if line else str(path)
        raise BackplanError(
            f"{where}: not valid TOML ({err}). Fix the file or remove it; it was left as it is."
        ) from None
    values: dict[str, Any] = {}
    for key, value in data.items():
        if key not in _PARSERS:
            raise BackplanError(
                f"{path}:{_line_of(text, key)}: unknown setting '{key}'"
                f"{did_you_mean(key, KEYS)}; the settings are {', '.join(KEYS)}."
            )
        try:
            values[key] = _PARSERS[key](value)
        except BackplanError as err:
            raise BackplanError(f"{path}:{_line_of(text, key)}: {key}: {err.message}") from None
    return Config(**values)


def set_value(key: str, raw: str | None, path: Path | None = None) -> Config:
    """Set (or, with None, remove) one setting; the file changes only if all of it is valid."""
    path = path or default_path()
    key = key.strip().lower()
    step_of = key.removeprefix(f"{STEP_SETTING}.") if key.startswith(f"{STEP_SETTING}.") else None
    if key == STEP_SETTING and raw is not None:
        raise BackplanError(
            f"{STEP_SETTING} is set for one piece of equipment at a time, like "
            f"'config set {STEP_SETTING}.dumbbell 1'."
        )
    if key not in _PARSERS:
        if step_of is None:
            names = [k if k != STEP_SETTING else f"{k}.EQUIPMENT" for k in KEYS]
            raise BackplanError(
                f"Unknown setting '{key}'{did_you_mean(key, KEYS)}. "
                f"The settings are: {', '.join(names)}."
            )
        _steps({step_of: 1})  # the equipment must have an increment
    if raw is not None:
        try:
            value: Any = (
                _increment(raw)
                if step_of is not None
                else _PARSERS[key](catalogue.split_values([raw]) if key == "equipment" else raw)
            )
        except BackplanError as err:
            raise BackplanError(f"{key}: {err.message}") from None
    with _locked(path):  # one read-modify-write at a time: no setting is lost
        text = _read(path)
        if text is None:
            text = "# backplan settings: edit by hand or with `backplan config set KEY VALUE`.\n"
        _parse(text, path)  # a broken file is reported, never overwritten
        new_text = _edited(text, key, step_of, None if raw is None else value)
        config = _parse(new_text, path)
        write_atomically(path, new_text)
    return config


def _edited(text: str, key: str, step_of: str | None, value: Any) -> str:
    """The file with one setting changed (or removed, for None), comments and layout kept
    by a TOML editor that round-trips them."""
    import tomlkit

    document = tomlkit.parse(text)
    if step_of is not None:
        steps = document.get(STEP_SETTING)
        if value is None:
            if steps is not None and step_of in steps:
                del steps[step_of]
        else:
            if steps is None:
                steps = document[STEP_SETTING] = tomlkit.table()
            steps[step_of] = int(value) if float(value).is_integer() else value
        return tomlkit.dumps(document)
    if value is None:
        document.pop(key, None)
    elif key == "equipment":
        document[key] = sorted(value - {catalogue.BODYWEIGHT})
    elif key == "plates":
        document[key] = [int(p) if p.is_integer() else p for p in value]
    elif key == "bar":
        document[key] = int(value) if value.is_integer() else value
    else:
        document[key] = value.value if hasattr(value, "value") else value
    return tomlkit.dumps(document)


@contextmanager
def _locked(path: Path) -> Iterator[None]:
    """An advisory lock beside the file (where the platform has one)."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows: no lock, as before
        yield
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle = open(path.with_name(f".{path.name}.lock"), "a")  # noqa: SIM115
    except OSError as err:
        raise BackplanError(f"Cannot write {path}: {err.strerror or err}.", exit_code=1) from None
    with handle:
        _lock(fcntl, handle, path)
        yield


LOCK_WAIT_SECONDS = 10.0  # another `config set` takes milliseconds; longer is a stuck process


def _lock(fcntl: Any, handle: Any, path: Path) -> None:
    """The lock at once when it is free; else, after saying so, for a few seconds (of
    the clock, which tests speed up)."""
    import time

    from backplan import clock

    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return
    except BlockingIOError:
        pass
    sys.stderr.write(
        f"warning: another backplan is changing your settings; waiting up to "
        f"{LOCK_WAIT_SECONDS:g} s…\n"
    )
    sys.stderr.flush()
    deadline = clock.seconds() + LOCK_WAIT_SECONDS
    while clock.seconds() < deadline:
        time.sleep(0.05 / clock.rate())
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            continue
    raise BackplanError(
        f"{path} is still locked by another process after {LOCK_WAIT_SECONDS:g} s "
        f"(the lock is {handle.name}); nothing was changed. Try again when it is done.",
        exit_code=1,
    )


def adoptable(settings: Mapping[str, Any], path: Path | None = None) -> dict[str, str]:
    """The settings of an export that this config does not have yet, as `config set`
    takes them ({key: text}); every value is checked first, so a bad one changes nothing."""
    path = path or default_path()
    text = _read(path)
    mine = _parse(text, path) if text is not None else Config()
    values = {}
    for key, value in settings.items():
        # A folder is this machine's: another device's path means nothing here.
        if key not in _PARSERS or value is None or value == {} or key == "sync_dir":
            continue
        try:
            if key == STEP_SETTING:
                for item, step in _steps(value).items():
                    if item not in mine.step:
                        values[f"{STEP_SETTING}.{item}"] = f"{step:g}"
                continue
            parsed = _PARSERS[key](value)
        except BackplanError as err:
            raise BackplanError(f"the export's config: {key}: {err.message}") from None
        if getattr(mine, key) is None or (key == "unit" and text is None):
            if key == "equipment":
                values[key] = ",".join(sorted(parsed - {catalogue.BODYWEIGHT}))
            elif key == "plates":
                values[key] = ",".join(f"{p:g}" for p in parsed)
            else:
                values[key] = str(parsed.value if hasattr(parsed, "value") else parsed)
    return values
