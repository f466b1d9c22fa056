"""The layouts of other apps' CSV exports: which app wrote a header, what each column
means (Strong writes its header in the phone's language: its columns are then known
by their position and by what the first row holds), and the units the header says.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from backplan.errors import BackplanError

MAX_LINE = 100_000  # characters in one field: no export writes more

_MEANINGS = {
        "date": ("date",), "start": ("start_time",), "title": ("workout name", "title"),
        "number": ("workout #",), "exercise": ("exercise name", "exercise_title", "exercise"),
        "category": ("category",), "time": ("time",),
        "order": ("set order",), "type": ("set_type",), "reps": ("reps",),
        "seconds": ("seconds", "duration_seconds"), "rpe": ("rpe",),
        "weight unit": ("weight unit",), "distance unit": ("distance unit",),
        "duration": ("duration", "workout duration"), "end": ("end_time",),
        "note": ("notes", "comment"), "workout note": ("workout notes", "description"),
        "exercise note": ("exercise_notes",), "superset": ("superset_id",),
}  # fmt: skip
# Strong's current layout, column by column, and what each column is called in the
# languages Strong is set to most (accents and case aside).
STRONG_COLUMNS = (
    "Date", "Workout Name", "Duration", "Exercise Name", "Set Order", "Weight", "Reps",
    "Distance", "Seconds", "Notes", "Workout Notes", "RPE",
)  # fmt: skip
_STRONG_MEANINGS = ("date", "title", "duration", "exercise", "order", "weight", "reps",
                    "distance", "seconds", "note", "workout note", "rpe")  # fmt: skip
_LOCALIZED = {
    "fr": "Date|Nom de l'entraînement|Durée|Nom de l'exercice|Ordre de la série|Poids|Réps|"
          "Distance|Secondes|Notes|Notes de l'entraînement|RPE",
    "de": "Datum|Trainingsname|Dauer|Übungsname|Satzreihenfolge|Gewicht|Wdh.|Distanz|"
          "Sekunden|Notizen|Trainingsnotizen|RPE",
    "es": "Fecha|Nombre del entrenamiento|Duración|Nombre del ejercicio|Orden de la serie|"
          "Peso|Repeticiones|Distancia|Segundos|Notas|Notas del entrenamiento|RPE",
    "it": "Data|Nome dell'allenamento|Durata|Nome dell'esercizio|Ordine della serie|Peso|"
          "Ripetizioni|Distanza|Secondi|Note|Note dell'allenamento|RPE",
    "pt": "Data|Nome do treino|Duração|Nome do exercício|Ordem da série|Peso|Repetições|"
          "Distância|Segundos|Notas|Notas do treino|RPE",
    "ru": "Дата|Название тренировки|Длительность|Название упражнения|Порядок подхода|Вес|"
          "Повторения|Расстояние|Секунды|Заметки|Заметки к тренировке|RPE",
    "zh": "日期|训练名称|时长|动作名称|组序|重量|次数|距离|秒|备注|训练备注|RPE",
    "ja": "日付|ワークアウト名|所要時間|種目名|セット順|重量|回数|距離|秒|メモ|"
          "ワークアウトメモ|RPE",
}  # fmt: skip
EXPECTED = (
    "Strong's (Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,...), "
    "Hevy's (title,start_time,end_time,...,exercise_title,set_index,set_type,weight_kg,reps,"
    "...) or FitNotes' (Date,Exercise,Category,Weight (kgs),Reps,...)"
)


def plain(name: str) -> str:
    """A header name without BOM, case, accents or outer spaces: 'Réps' is 'reps'."""
    text = unicodedata.normalize("NFKD", name.strip().lstrip("\ufeff").strip().lower())
    return "".join(c for c in text if not unicodedata.combining(c))


_KNOWN = [frozenset(plain(lang.split("|")[n]) for lang in _LOCALIZED.values())
          | {plain(STRONG_COLUMNS[n])} for n in range(len(STRONG_COLUMNS))]  # fmt: skip
_WEIGHT = re.compile(r"(?:weight(?:_| \()?)?(kg|kgs|lb|lbs)\)?|weight")
_DISTANCE = re.compile(r"(?:distance(?:_| \()?)?(km|mi|miles|meters|metres)\)?|distance")


@dataclass
class Columns:
    """A header's columns by their meaning, whatever the app or locale calls them."""

    names: list[str]
    index: dict[str, int] = field(default_factory=dict)
    weight_unit: str | None = None  # the unit the header gives every weight
    distance_unit: str | None = None

    @classmethod
    def read(cls, header: list[str]) -> Columns:
        found = cls([plain(h) for h in header])
        for position, name in enumerate(found.names):
            for meaning, spellings in _MEANINGS.items():
                if name in spellings:
                    found.index.setdefault(meaning, position)
            weight = _WEIGHT.fullmatch(name)
            if weight and "weight" not in found.index:
                found.index["weight"] = position
                if weight.group(1):
                    found.weight_unit = weight.group(1).rstrip("s")
            distance = _DISTANCE.fullmatch(name)
            if distance and "distance" not in found.index:
                found.index["distance"] = position
                unit = distance.group(1)
                found.distance_unit = {"meters": "m", "metres": "m"}.get(unit or "", unit)
        return found

    def positional(self) -> Columns:
        """Strong's current layout read by position: its header in another language."""
        return Columns(self.names, dict(zip(_STRONG_MEANINGS, range(12), strict=True)))


@dataclass(frozen=True)
class Layout:
    app: str
    separator: str
    columns: Columns
    width: int  # fields in the header


def _looks_like_strong(header: list[str], first: list[str]) -> bool:
    """Twelve columns named as Strong names them in some language (at least four, or
    RPE last), and a first row that holds what they mean: a date, a set order, numbers."""
    if len(header) != 12 or len(first) != 12:
        return False
    names = [plain(h) for h in header]
    known = sum(name in _KNOWN[n] for n, name in enumerate(names))
    if known < 4 and names[11] != "rpe":
        return False
    order = first[4].strip().lower()
    numbers = all(re.fullmatch(r"\d*(?:[.,]\d+)?", first[n].strip()) for n in (5, 6, 7, 8))
    dated = re.match(r"\d{4}-\d{2}-\d{2}|\d{1,2}[./]\d{1,2}[./]\d{2,4}", first[0].strip())
    return bool(dated) and numbers and bool(re.fullmatch(r"\d{1,3}|[wdf]|\D+", order))


def detect(header: list[str], first: list[str] | None = None) -> str | None:
    """Which app wrote a header (and its first row), or None."""
    names = {plain(h) for h in header}
    if {"exercise_title", "set_index"} <= names:
        return "hevy"
    if "exercise name" in names and "set order" in names:
        return "strong"
    if {"date", "exercise", "category", "reps"} <= names:
        return "fitnotes"
    if first is not None and _looks_like_strong(header, first):
        return "strong"
    return None


def open_csv(path: Path) -> IO[str]:
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


def head(path: Path) -> tuple[list[str], list[str] | None, str]:
    """The header, the first row (None: there is none) and the separator (`;` when the
    first line has more of them than commas)."""
    with open_csv(path) as handle:
        try:
            first = handle.readline(MAX_LINE)
            separator = ";" if first.count(";") > first.count(",") else ","
            header = next(csv.reader([first], delimiter=separator), [])
            reader = csv.reader(handle, delimiter=separator)
            row = next((r for r in reader if any(c.strip() for c in r)), None)
        except UnicodeDecodeError as err:
            raise BackplanError(f"{path}: not UTF-8 text ({err.reason}).") from None
        except csv.Error:
            row = None
        except OSError as err:
            raise BackplanError(f"{path}: cannot be read ({err.strerror or err}).") from None
    return header, row, separator


def layout(path: Path, app: str | None) -> Layout:
    """The file's layout, for `app` (None: whichever wrote it); a header that is none
    of the layouts this reader knows is refused in one line that says what it expected."""
    header, first, separator = head(path)
    found = detect(header, first)
    columns = Columns.read(header)
    if found == "strong" and "order" not in columns.index:
        columns = columns.positional()
    if found is None or (app is not None and found != app):
        shown = ",".join(h.strip() for h in header[:8])[:120] or "nothing"
        said = f"a {app.title()} export" if app else "an export this reader knows"
        raise BackplanError(
            f"{path}: line 1 ({shown}) is not the header of {said}; expected {EXPECTED}. "
            "Nothing was imported."
        )
    return Layout(found, separator, columns, len(header))


def labels_weights(path: Path) -> bool:
    """Whether the file says the unit of its weights (a column, or the weight header)."""
    columns = Columns.read(head(path)[0])
    return columns.weight_unit is not None or "weight unit" in columns.index
