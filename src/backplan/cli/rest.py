"""The rest timer between sets: a countdown bar, the bell at the end, any key ends it.

It sleeps in select() between redraws, four a second, so a three-minute rest costs
next to no processor time; the terminal is in cbreak mode only while it runs.
"""

from __future__ import annotations

import contextlib
import os
import select
import signal
import sys
import termios
import tty

from backplan import clock, render

TICK = 0.25  # seconds between redraws


def _clock_text(seconds: float) -> str:
    whole = int(seconds + 0.999)
    return f"{whole // 60}:{whole % 60:02d}"


def rest(seconds: int, label: str) -> bool:
    """Count down `seconds` of rest; True when a key ended it early."""
    from rich.progress import BarColumn, Progress, TextColumn

    fd = sys.stdin.fileno()
    saved = termios.tcgetattr(fd)
    # A kill or a closed terminal mid-rest still gives the terminal its echo back.
    handlers = {sig: signal.signal(sig, _stop) for sig in (signal.SIGTERM, signal.SIGHUP)}
    tty.setcbreak(fd)
    try:
        with Progress(
            TextColumn("{task.description}", style="bold", markup=False),
            BarColumn(bar_width=40),
            TextColumn("{task.fields[left]}  any key ends it", markup=False),
            console=render.out,
            transient=True,
            auto_refresh=False,
            # Our stdout console writes through sys.stdout; redirecting it would loop.
            redirect_stdout=False,
            redirect_stderr=False,
        ) as bar:
            task = bar.add_task(label, total=seconds, left=_clock_text(seconds))
            start = clock.seconds()
            while True:
                gone = clock.seconds() - start
                left = max(0.0, seconds - gone)
                bar.update(task, completed=min(float(seconds), gone), left=_clock_text(left))
                bar.refresh()
                if left <= 0:
                    render.out.bell()
                    return False
                ready, _, _ = select.select([fd], [], [], min(TICK, left / clock.rate()))
                if ready:
                    os.read(fd, 64)  # the key that ended it, and nothing more
                    return True
    finally:
        with contextlib.suppress(termios.error, OSError):  # the terminal may be gone
            termios.tcsetattr(fd, termios.TCSADRAIN, saved)
        for sig, handler in handlers.items():
            signal.signal(sig, handler)


def _stop(signum: int, frame: object) -> None:
    raise SystemExit(128 + signum)
