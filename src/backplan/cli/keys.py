"""Reading keys at the gym: a line typed key by key, so that the keys pressed during a
rest begin the line instead of vanishing.

The terminal is in cbreak mode while a line is read (each key arrives at once, Ctrl-C
still interrupts); the line is echoed here. Backspace and Ctrl-U edit; arrow keys and
other escape sequences are ignored; Enter ends the line; Ctrl-D on an empty line ends
the input.
"""

from __future__ import annotations

import codecs
import contextlib
import os
import sys
import termios
import tty
from collections.abc import Iterator

_ERASE = ("\x7f", "\b")
_KILL = "\x15"  # Ctrl-U
_EOF = "\x04"  # Ctrl-D


@contextlib.contextmanager
def cbreak() -> Iterator[int]:
    """stdin in cbreak mode (no echo, a key at a time); the terminal given back after."""
    fd = sys.stdin.fileno()
    saved = termios.tcgetattr(fd)
    tty.setcbreak(fd)
    try:
        yield fd
    finally:
        with contextlib.suppress(termios.error, OSError):  # the terminal may be gone
            termios.tcsetattr(fd, termios.TCSADRAIN, saved)


def printable(keys: str) -> str:
    """What of `keys` goes into a line: text, without escape sequences or controls."""
    found, _ = _whole_keys(keys)
    return "".join(key for key in found if key.isprintable())


def read_line(prompt: str, typed: str = "") -> str | None:
    """A line from the keyboard, starting with `typed` (keys pressed before it was asked
    for); None at the end of input."""
    out = sys.stdout
    line = printable(typed.split("\r")[0].split("\n")[0])
    done = "\r" in typed or "\n" in typed
    out.write(prompt + line)
    out.flush()
    if done:
        out.write("\n")
        return line
    decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")
    with cbreak() as fd:
        pending = ""
        while True:
            chunk = os.read(fd, 64)
            if not chunk:
                out.write("\n")
                return line or None
            pending += decoder.decode(chunk)
            keys, pending = _whole_keys(pending)
            for key in keys:
                if key in ("\r", "\n"):
                    out.write("\n")
                    out.flush()
                    return line
                if key == _EOF and not line:
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
