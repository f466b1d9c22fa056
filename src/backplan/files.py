"""Reading and writing users' files safely."""

from __future__ import annotations

import errno
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from backplan.errors import ENVIRONMENT, BackplanError


def write_atomically(path: Path, text: str | Iterable[str]) -> None:
    """A temporary file in the same folder, then a rename: never a half-written file.
    `text` may come in pieces, so a long export need not sit in memory whole."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}-", dir=path.parent)
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


def _mode_for(path: Path) -> int:
    """The file's own permissions if it exists, else what the umask gives a new file
    (mkstemp's temporary file is private to its owner)."""
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def read_regular(path: Path, limit: int) -> bytes:
    """A regular file's bytes, at most `limit` of them: a pipe, a device or a folder is
    refused at once (it could wait forever, or never end), as is a larger file."""
    import stat

    found = path.stat()
    if stat.S_ISDIR(found.st_mode):
        raise IsADirectoryError(errno.EISDIR, "is a folder, not a file", str(path))
    if not stat.S_ISREG(found.st_mode):
        raise OSError(errno.EINVAL, "not a regular file", str(path))
    with path.open("rb") as handle:
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise OSError(errno.EFBIG, f"larger than {limit // (1024 * 1024)} MB", str(path))
    return data
