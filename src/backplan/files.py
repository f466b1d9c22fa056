"""Reading and writing users' files safely."""

from __future__ import annotations

import errno
import glob
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import BinaryIO

from backplan.errors import ENVIRONMENT, BackplanError


def write_atomically(path: Path, text: str | Iterable[str]) -> None:
    """A temporary file in the same folder, then a rename: never a half-written file.
    `text` may come in pieces, so a long export need not sit in memory whole."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        _sweep(path)
        handle, temporary = tempfile.mkstemp(prefix=_temporary_prefix(path), dir=path.parent)
        try:
            with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
                out.writelines([text] if isinstance(text, str) else text)
                out.flush()
                os.fsync(out.fileno())
            os.chmod(temporary, _mode_for(path))
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError as err:
        raise BackplanError(
            f"Cannot write {path}: {err.strerror or err}.", exit_code=ENVIRONMENT
        ) from None


def _temporary_prefix(path: Path, pid: int | None = None) -> str:
    """'.export.json.1234.tmp-': the writer's process id says when one is left over."""
    return f".{path.name}.{os.getpid() if pid is None else pid}.tmp-"


def _sweep(path: Path) -> None:
    """Remove what a killed writer of this file left (its process is gone): a kill
    mid-export must not leave megabytes of hidden files behind."""
    for left in path.parent.glob(f".{glob.escape(path.name)}.*.tmp-*"):
        pid = left.name[len(path.name) + 2 :].split(".", 1)[0]
        if pid.isdigit() and not _alive(int(pid)):
            left.unlink(missing_ok=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # another user's process: alive
        return True
    return True


def _mode_for(path: Path) -> int:
    """The file's own permissions if it exists, else what the umask gives a new file
    (mkstemp's temporary file is private to its owner)."""
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def open_regular(path: Path) -> BinaryIO:
    """A regular file, open to read bytes: a pipe, a device or a folder is refused at once
    (it could wait forever, or never end)."""
    import stat

    found = path.stat()
    if stat.S_ISDIR(found.st_mode):
        raise IsADirectoryError(errno.EISDIR, "is a folder, not a file", str(path))
    if not stat.S_ISREG(found.st_mode):
        raise OSError(errno.EINVAL, "not a regular file", str(path))
    return path.open("rb")


def read_regular(path: Path, limit: int) -> bytes:
    """A regular file's bytes (`open_regular`), at most `limit` of them: a larger file is
    refused."""
    with open_regular(path) as handle:
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise OSError(errno.EFBIG, f"larger than {limit // (1024 * 1024)} MB", str(path))
    return data
