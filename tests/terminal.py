"""A real pseudo-terminal for interactive commands: pexpect drives it, pyte reads its screen."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import pexpect
import pyte

ROWS, COLUMNS = 24, 80
# The question `go` asks once a session is done.
BACK_QUESTION = r"How does your back feel, 0 \(fine\) to 10 \(very sore\)\? Enter skips: "
# The screen `go` shows after the last set, where a finisher may still be added.
ALL_DONE = r"All sets done: Enter ends the session"
LIFTER = 0.02  # seconds between two keys typed by a quick lifter


class Terminal:
    """`backplan ARGS` in an 80 x 24 terminal, with its own home and clock."""

    def __init__(
        self,
        home: Path,
        *args: str,
        now: str | None = None,
        rate: float | None = None,
        timeout: float = 30,
        colour: bool = True,
        size: tuple[int, int] = (ROWS, COLUMNS),
    ) -> None:
        """`now` fixes the clock (BACKPLAN_NOW; by default the test's own); `rate` speeds
        up the time that passes within the run (BACKPLAN_CLOCK_RATE); `colour` takes
        NO_COLOR away."""
        now = now or os.environ.get("BACKPLAN_NOW")
        env = {k: v for k, v in os.environ.items() if not k.startswith("BACKPLAN_")}
        rows, columns = size
        env.update(BACKPLAN_HOME=str(home), COLUMNS=str(columns), LINES=str(rows), TERM="xterm")
        env.pop("NO_COLOR", None)
        if not colour:
            env["NO_COLOR"] = "1"
        if now:
            env["BACKPLAN_NOW"] = now
        if rate:
            env["BACKPLAN_CLOCK_RATE"] = str(rate)
        self.screen = pyte.Screen(columns, rows)
        self.stream = pyte.Stream(self.screen)
        self.child = pexpect.spawn(
            sys.executable,
            ["-m", "backplan", *args],
            env=env,
            dimensions=(rows, columns),
            encoding="utf-8",
            timeout=timeout,
        )
        self.child.delaybeforesend = None  # keys go when sent, as fast as typed
        self.text = ""  # everything printed so far, escapes and all

    def expect(self, pattern: str, timeout: float = -1) -> None:
        """Wait for `pattern` (-1: the terminal's own timeout)."""
        self.child.expect(pattern, timeout=timeout)
        self._feed(self.child.before + self.child.after)

    def send(self, keys: str) -> None:
        self.child.send(keys)

    def line(self, text: str) -> None:
        self.child.send(text + "\r")

    def type(self, keys: str, gap: float = LIFTER) -> None:
        """`keys` one at a time, `gap` seconds apart, as a lifter types them: they go
        whatever the screen is doing (the pause is the typist's, not a wait)."""
        for key in keys:
            self.child.send(key)
            time.sleep(gap)

    def finish(self) -> int:
        """Wait for the end (ending, as Enter does, the screen after the last set and the
        question about the back); the exit code."""
        while (found := self.child.expect([pexpect.EOF, BACK_QUESTION, ALL_DONE])) != 0:
            self._feed(self.child.before + self.child.after)
            if found == 2:
                self.child.expect("> ")
                self._feed(self.child.before + self.child.after)
            self.child.send("\r")
        self._feed(self.child.before)
        self.child.close()
        return int(self.child.exitstatus if self.child.exitstatus is not None else -1)

    def _feed(self, chunk: str) -> None:
        self.text += chunk
        self.stream.feed(chunk)

    @property
    def shown(self) -> str:
        """The screen as a person sees it, a line a row."""
        return "\n".join(row.rstrip() for row in self.screen.display)
