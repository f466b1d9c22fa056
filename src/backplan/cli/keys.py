"""Reading keys at the gym: every key typed is kept and read in order, whatever the
screen is doing (a redraw, a rest, a hold, the start-up).

For a whole session the terminal is in cbreak mode (each key arrives at once, no echo,
Ctrl-C still interrupts), set with TCSANOW: `tty.setcbreak` uses TCSAFLUSH, which throws
away the keys typed ahead. Keys read but not used yet wait in one queue here, so a
rest that ends on a key, or a line that ends on Enter, leaves the keys after it for the
next reader. A line is echoed here: Backspace and Ctrl-U edit, arrow keys and other
escape sequences are ignored, Enter ends it, Ctrl-D on an empty line ends the input.
"""

from __future__ import annotations

import codecs
import contextlib
import os
import select
import signal
import sys
from collections.abc import Iterator, Sequence
from typing import Any

_ERASE = ("\x7f", "\b")
_KILL = "\x15"  # Ctrl-U
_EOF = "\x04"  # Ctrl-D
ENTER = ("\r", "\n")


class _Queue:
    """The keys read from the terminal and not used yet (text; an escape sequence or a
    character cut in two by a read waits for the rest)."""

    def __init__(self) -> None:
        self.text = ""
        self.decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")
        self.ended = False  # the end of input was read


_queue = _Queue()


def _posix_mode(fd: int) -> list[Any]:
    import termios

    mode = termios.tcgetattr(fd)
    mode[3] &= ~(termios.ECHO | termios.ICANON)
    mode[6] = list(mode[6])
    mode[6][termios.VMIN] = 1
    mode[6][termios.VTIME] = 0
    return mode


@contextlib.contextmanager
def cbreak() -> Iterator[int]:
    """stdin in cbreak mode (no echo, a key at a time), set without flushing what was
    typed ahead; the terminal's own mode given back after. Nested, it changes nothing."""
    import termios

    fd = sys.stdin.fileno()
    saved = termios.tcgetattr(fd)
    termios.tcsetattr(fd, termios.TCSANOW, _posix_mode(fd))
    try:
        yield fd
    finally:
        with contextlib.suppress(termios.error, OSError):  # the terminal may be gone
            termios.tcsetattr(fd, termios.TCSADRAIN, saved)


@contextlib.contextmanager
def session() -> Iterator[int]:
    """cbreak mode for a whole guided session, so no key typed between two questions is
    echoed over the screen or lost; a kill or a closed terminal still gives the
    terminal its echo back."""

    def stop(signum: int, frame: object) -> None:
        raise SystemExit(128 + signum)

    handlers = {sig: signal.signal(sig, stop) for sig in (signal.SIGTERM, signal.SIGHUP)}
    try:
        with cbreak() as fd:
            yield fd
    finally:
        for sig, handler in handlers.items():
            signal.signal(sig, handler)


def fill(fd: int, timeout: float | None = None) -> bool:
    """Read the keys waiting on `fd` into the queue, waiting up to `timeout` seconds
    for one (None: as long as it takes); False once the input has ended."""
    if _queue.ended:
        return False
    if timeout is not None:
        ready, _, _ = select.select([fd], [], [], max(0.0, timeout))
        if not ready:
            return True
    chunk = os.read(fd, 1024)
    if not chunk:
        _queue.ended = True
        return False
    _queue.text += _queue.decoder.decode(chunk)
    return True


def take() -> list[str]:
    """The whole keys waiting, taken from the queue."""
    keys, _queue.text = _whole_keys(_queue.text)
    return keys


def put_back(keys: Sequence[str]) -> None:
    """Keys taken but not used: first in line for the next reader."""
    _queue.text = "".join(keys) + _queue.text


def waiting() -> bool:
    """Keys typed ahead wait in the queue."""
    return bool(_queue.text)


def printable(keys: str) -> str:
    """What of `keys` goes into a line: text, without escape sequences or controls."""
    found, _ = _whole_keys(keys)
    return "".join(key for key in found if key.isprintable())


def read_line(prompt: str) -> str | None:
    """A line from the keyboard, the keys typed ahead first; None at the end of input."""
    out = sys.stdout
    out.write(prompt)
    out.flush()
    line = ""
    with cbreak() as fd:
        while True:
            keys = take()
            for at, key in enumerate(keys):
                if key in ENTER:
                    put_back(keys[at + 1 :])
                    out.write("\n")
                    out.flush()
                    return line
                if key == _EOF and not line:
                    put_back(keys[at + 1 :])
                    out.write("\n")
                    return None
                if key in _ERASE:
                    if line:
                        line = line[:-1]
                        out.write("\b \b")
                elif key == _KILL:
                    out.write("\b \b" * len(line))
                    line = ""
                else:
                    text = printable(key)
                    line += text
                    out.write(text)
            out.flush()
            if not fill(fd):
                out.write("\n")
                return line or None


def _whole_keys(text: str) -> tuple[list[str], str]:
    """The keys in `text`, an escape sequence as one (a cursor key's CSI, or a string a
    paste may carry: OSC up to its BEL or ST); an unfinished one waits for the next read."""
    keys: list[str] = []
    i = 0
    while i < len(text):
        if text[i] != "\x1b":
            keys.append(text[i])
            i += 1
            continue
        end = _sequence_end(text, i)
        if end is None:
            return keys, text[i:]
        keys.append(text[i:end])
        i = end
    return keys, ""


def _sequence_end(text: str, start: int) -> int | None:
    """Where the escape sequence at `start` ends (one past it); None when unfinished."""
    if start + 1 >= len(text):
        return start + 1  # Esc alone
    kind = text[start + 1]
    if kind in "[O":  # CSI or SS3: parameters, then a final byte from @ to ~
        for at in range(start + 2, len(text)):
            if "@" <= text[at] <= "~":
                return at + 1
        return None
    if kind in "]P_^":  # OSC, DCS, APC, PM: a string, ended by BEL or ESC \\
        for at in range(start + 2, len(text)):
            if text[at] == "\x07":
                return at + 1
            if text[at] == "\x1b" and text[at + 1 : at + 2] == "\\":
                return at + 2
        return None
    return start + 2
