"""The dates and times other apps write: ISO-like ones, and "5 Jul 2024, 07:30" with
the month in English or in the language the phone was set to ("3 févr. 2026, 18:05",
"3. Feb. 2026 18:05"). Local time, as the apps write it."""

from __future__ import annotations

import re
import unicodedata
from datetime import datetime

from backplan import clock
from backplan.errors import BackplanError


class BadTime(BackplanError):
    """A row's time that no session could have (a clock's failure is not one)."""


_FORMATS = (
    "%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M:%S", "%Y/%m/%d %H:%M:%S",
    "%d.%m.%Y %H:%M", "%Y-%m-%d",
)  # fmt: skip
# Month names and their short forms, in the languages the apps are used in most.
_MONTHS = {
    1: "jan janv january janvier januar enero ene gen gennaio janeiro januari",
    2: "feb fev fevr february fevrier februar febrero febbraio fevereiro februari",
    3: "mar mars march marz maerz marzo marco maart mrt",
    4: "apr avr april avril abril abr aprile",
    5: "may mai mayo mag maggio maio mei",
    6: "jun juin june juni junio giu giugno junho",
    7: "jul juil july juillet juli julio lug luglio julho",
    8: "aug aout august agosto ago augustus",
    9: "sep sept september septembre septiembre set settembre setembro",
    10: "oct october octobre oktober okt octubre ott ottobre out outubro",
    11: "nov november novembre noviembre novembro",
    12: "dec december decembre dezember dez diciembre dic dicembre dezembro",
}
MONTHS = {name: number for number, names in _MONTHS.items() for name in names.split()}
_WORDY = re.compile(
    r"(\d{1,2})\.?\s+([^\W\d_]+)\.?\s+(\d{4}),?\s+(?:um\s+|à\s+|a las\s+)?(\d{1,2})[:h](\d{2})",
    re.I,
)


def _plain(word: str) -> str:
    """'févr' -> 'fevr', 'März' -> 'marz'."""
    return "".join(c for c in unicodedata.normalize("NFKD", word.lower()) if c.isascii())


def moment(text: str, line: int) -> datetime:
    """The time of a row; a time no session could have (before 1970, after now) is refused
    with the line, as the JSON import refuses it, so nothing impossible reaches the history."""
    try:
        found = _read(text.strip(), line)
    except (OverflowError, ValueError):  # year 1 or 9999 moved into the local zone
        found = None
    if found is None or not clock.possible(found):
        raise BadTime(
            f"line {line}: '{text.strip()[:40]}' is not a time a session could have "
            "(1970 to now); fix the date in the file. Nothing was imported."
        )
    return found


def _read(text: str, line: int) -> datetime:
    for pattern in _FORMATS:
        try:
            return datetime.strptime(text, pattern).astimezone()
        except ValueError:
            continue
    wordy = _WORDY.fullmatch(text)
    if wordy:
        day, month, year, hour, minute = wordy.groups()
        number = MONTHS.get(_plain(month))
        if number is not None:
            try:
                return datetime(int(year), number, int(day), int(hour), int(minute)).astimezone()
            except ValueError:
                pass
    try:
        found = datetime.fromisoformat(text)
    except ValueError:
        raise BadTime(
            f"line {line}: '{text[:40]}' is not a date and time this reader knows "
            "(like 2024-07-05 07:30:00 or 5 Jul 2024, 07:30)."
        ) from None
    return found if found.utcoffset() is not None else found.astimezone()
