"""Sync journals: this device's id, the hybrid logical clock, and the append-only files
of events (`DIR/<device>/YYYY-MM.jsonl`) written by one device and read by the others.

A line is one event. Readers take whole lines only: a file cut mid-line (a sync tool
still copying it, a writer killed mid-append) gives up to its last newline now and the
rest when it is whole. A line that is whole but not an event is left out and counted.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import socket
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from backplan import clock, paths
from backplan.errors import ENVIRONMENT, BackplanError

FORMAT = 1
DEVICE_FILE = "device-id"
KINDS = ("program", "workout", "exercise", "other", "set", "mark", "weigh")
_DEVICE = re.compile(r"[a-z0-9][a-z0-9-]{2,62}")
# 13 digits of milliseconds, 6 of counter, the device: compared as text.
_HLC = re.compile(r"(\d{13})\.(\d{6})\.([a-z0-9][a-z0-9-]{2,62})")
MAX_ID = 200
_PLAIN = {str, int, float, bool, type(None)}
MAX_LINE = 1 << 20  # no event is a megabyte; a longer "line" is not a journal's


# --- the device -----------------------------------------------------------------------


def device_id(create: bool = True) -> str:
    """This device's id: made once (the host's name and six random hex digits) and kept
    in BACKPLAN_HOME, so a phone and a laptop never share one."""
    path = paths.data_dir() / DEVICE_FILE
    try:
        text = path.read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        if not create:
            raise
        return _new_device(path)
    except (OSError, UnicodeDecodeError) as err:
        raise BackplanError(f"{path} cannot be read ({err}).", exit_code=ENVIRONMENT) from None
    if not _DEVICE.fullmatch(text):
        raise BackplanError(
            f"{path} does not hold a device id (lowercase letters, digits and dashes); it was "
            "left as it is. Move it aside and backplan makes a new one.",
            exit_code=ENVIRONMENT,
        )
    return text


def _new_device(path: Path) -> str:
    host = re.sub(r"[^a-z0-9]+", "-", socket.gethostname().lower()).strip("-")[:20] or "device"
    ident = f"{host}-{secrets.token_hex(3)}"
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        # O_EXCL: when two backplans make one at once, the first one's stays.
        handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    except FileExistsError:
        return device_id(create=False)
    except OSError as err:
        raise BackplanError(
            f"Cannot write {path}: {err.strerror or err}.", exit_code=ENVIRONMENT
        ) from None
    with os.fdopen(handle, "w", encoding="utf-8") as out:
        out.write(ident + "\n")
        out.flush()
        os.fsync(out.fileno())
    return ident


# --- the hybrid logical clock ---------------------------------------------------------


def hlc_text(ms: int, counter: int, device: str) -> str:
    return f"{ms:013d}.{counter:06d}.{device}"


def hlc_parts(text: str) -> tuple[int, int]:
    found = _HLC.fullmatch(text)
    if found is None:
        raise ValueError(f"not a hybrid clock reading: {text[:40]!r}")
    return int(found.group(1)), int(found.group(2))


def hlc_device(text: str) -> str:
    return text.split(".", 2)[2]


class Clock:
    """Readings that always move forward, past the wall clock and past every reading
    seen from other devices, so an edit made after reading one wins over it."""

    def __init__(self, device: str, last: str | None) -> None:
        self.device = device
        self.last = (0, 0) if last is None else hlc_parts(last)

    def tick(self) -> str:
        wall = int(clock.stamp() * 1000)
        ms, counter = self.last
        self.last = (wall, 0) if wall > ms else (ms, counter + 1)
        return hlc_text(*self.last, self.device)

    def seen(self, reading: str) -> None:
        self.last = max(self.last, hlc_parts(reading))

    @property
    def text(self) -> str:
        return hlc_text(*self.last, self.device)


# --- events ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Event:
    """One change of one entity: its content (None: deleted), when (hlc), and when the
    entity first appeared (born: its sets are ordered by it)."""

    id: str
    kind: str
    hlc: str
    born: str
    parent: str | None
    data: dict[str, Any] | None

    def line(self) -> str:
        body = {"f": FORMAT, "id": self.id, "kind": self.kind, "hlc": self.hlc,
                "born": self.born, "parent": self.parent, "data": self.data}  # fmt: skip
        return json.dumps(body, ensure_ascii=False, separators=(",", ":")) + "\n"


def _event(line: bytes) -> Event | None:
    try:
        body = json.loads(line)
    except (ValueError, RecursionError):
        return None
    if not isinstance(body, dict) or body.get("f") != FORMAT:
        return None
    ident, kind, hlc, born = (body.get(k) for k in ("id", "kind", "hlc", "born"))
    parent, data = body.get("parent"), body.get("data")
    if not (isinstance(ident, str) and 0 < len(ident) <= MAX_ID and kind in KINDS):
        return None
    if not (isinstance(hlc, str) and _HLC.fullmatch(hlc)):
        return None
    if not (isinstance(born, str) and _HLC.fullmatch(born)):
        return None
    if parent is not None and not (isinstance(parent, str) and len(parent) <= MAX_ID):
        return None
    # A row's values are plain: text, numbers, null (no list or object inside).
    if data is not None and not (
        isinstance(data, dict) and set(map(type, data.values())) <= _PLAIN
    ):
        return None
    return Event(ident, kind, hlc, born, parent, data)


# --- files ----------------------------------------------------------------------------


def month_file(folder: Path, device: str, hlc: str) -> Path:
    """The journal a reading belongs in: one file a month (UTC), so none grows forever."""
    month = datetime.fromtimestamp(hlc_parts(hlc)[0] / 1000, tz=timezone.utc)
    return folder / device / f"{month:%Y-%m}.jsonl"


def append(folder: Path, device: str, events: list[Event]) -> None:
    """Add the events to this device's journals, on disk (fsync) before returning. A line
    a killed writer left half-written is closed first, so it stays one unreadable line."""
    by_file: dict[Path, list[str]] = {}
    for event in events:
        by_file.setdefault(month_file(folder, device, event.hlc), []).append(event.line())
    for path, lines in by_file.items():
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            with path.open("ab") as out:
                if out.tell() and not _ends_with_newline(path):
                    out.write(b"\n")
                out.write("".join(lines).encode("utf-8"))
                out.flush()
                os.fsync(out.fileno())
        except OSError as err:
            raise BackplanError(
                f"Cannot write {path}: {err.strerror or err}. Nothing was synced.",
                exit_code=ENVIRONMENT,
            ) from None


def last_reading(folder: Path, device: str) -> str | None:
    """The latest clock reading in this device's own newest journal, if any."""
    files = sorted((folder / device).glob("[0-9][0-9][0-9][0-9]-[0-9][0-9].jsonl"))
    if not files:
        return None
    try:
        with files[-1].open("rb") as handle:
            size = handle.seek(0, os.SEEK_END)
            handle.seek(max(0, size - 64 * 1024))
            tail = handle.read()
    except OSError:
        return None
    for line in reversed(tail.split(b"\n")):  # the last whole event is the latest
        event = _event(line) if line.strip() else None
        if event is not None:
            return event.hlc
    return None


def _ends_with_newline(path: Path) -> bool:
    with path.open("rb") as handle:
        handle.seek(-1, os.SEEK_END)
        return handle.read(1) == b"\n"


@dataclass(frozen=True)
class Journal:
    """One journal file of one device, as found in the folder."""

    device: str
    path: Path
    name: str  # DEVICE/YYYY-MM.jsonl, how sync_files knows it
    size: int


def journals(folder: Path) -> Iterator[Journal]:
    """Every device's journal files in the folder (sync tools' own files left aside)."""
    try:
        devices = sorted(p for p in folder.iterdir() if p.is_dir() and _DEVICE.fullmatch(p.name))
    except OSError as err:
        raise BackplanError(
            f"{folder} cannot be read ({err.strerror or err}).", exit_code=ENVIRONMENT
        ) from None
    for device in devices:
        for path in sorted(device.glob("[0-9][0-9][0-9][0-9]-[0-9][0-9].jsonl")):
            try:
                size = path.stat().st_size
            except OSError:
                continue  # gone since it was listed: next time
            yield Journal(device.name, path, f"{device.name}/{path.name}", size)


def read_from(journal: Journal, offset: int) -> tuple[list[Event], int, int]:
    """The events in whole lines after `offset`, the offset after the last whole line,
    and how many whole lines were not events. A file shorter than the offset was replaced
    (a sync tool's copy): it is read again from the start, as applying is idempotent."""
    if journal.size < offset:
        offset = 0
    events: list[Event] = []
    bad = 0
    try:
        with journal.path.open("rb") as handle:
            handle.seek(offset)
            data = handle.read(journal.size - offset)
    except OSError as err:
        raise BackplanError(
            f"{journal.path} cannot be read ({err.strerror or err}).", exit_code=ENVIRONMENT
        ) from None
    end = data.rfind(b"\n") + 1  # a last line without its newline is still arriving
    for line in data[:end].split(b"\n")[:-1]:
        if not line.strip():
            continue
        event = _event(line) if len(line) <= MAX_LINE else None
        if event is None:
            bad += 1
        else:
            events.append(event)
    return events, offset + end, bad
