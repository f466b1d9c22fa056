"""The rest timer between sets: a countdown bar, the bell at the end; a key ends it and
begins the next set typed.

It sleeps in select() between redraws, four a second, so a three-minute rest costs
next to no processor time; the terminal is in cbreak mode only while it runs.
"""

from __future__ import annotations

import os
import select
import signal

from backplan import clock, render

TICK = 0.25  # seconds between redraws


def _clock_text(seconds: float) -> str:
    whole = int(seconds + 0.999)
    return f"{whole // 60}:{whole % 60:02d}"


def rest(seconds: int, label: str) -> str:
    """Count down `seconds` of rest; the keys that ended it early ('' when it ran out),
    which begin the next line typed."""
    from rich.progress import BarColumn, Progress, TextColumn

    from backplan.cli.keys import cbreak

    # A kill or a closed terminal mid-rest still gives the terminal its echo back.
    handlers = {sig: signal.signal(sig, _stop) for sig in (signal.SIGTERM, signal.SIGHUP)}
    try:
        with (
            cbreak() as fd,
            Progress(
                TextColumn("{task.description}", style="bold", markup=False),
                BarColumn(bar_width=40),
                TextColumn("{task.fields[left]}  any key ends it", markup=False),
                console=render.out,
                transient=True,
                auto_refresh=False,
                # Our stdout console writes through sys.stdout; redirecting it would loop.
                redirect_stdout=False,
                redirect_stderr=False,
            ) as bar,
        ):
            task = bar.add_task(label, total=seconds, left=_clock_text(seconds))
            start = clock.seconds()
            while True:
                gone = clock.seconds() - start
                left = max(0.0, seconds - gone)
                bar.update(task, completed=min(float(seconds), gone), left=_clock_text(left))
                bar.refresh()
                if left <= 0:
                    render.out.bell()
                    return ""
                ready, _, _ = select.select([fd], [], [], min(TICK, left / clock.rate()))
                if ready:
                    # The keys that ended it are the start of the next line: none is lost.
                    return os.read(fd, 256).decode("utf-8", errors="replace")
    finally:
        for sig, handler in handlers.items():
            signal.signal(sig, handler)


def _stop(signum: int, frame: object) -> None:
    raise SystemExit(128 + signum)
