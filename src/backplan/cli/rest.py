"""The timers of `go`: the rest between sets (a countdown bar, `+` and `-` move it by
15 s, the bell at the end, any other key ends it and begins the next set typed) and
a timed hold (a get-ready count, the target counted down, the bell; Enter stops it
early and the time held is what is logged).

They sleep in select() between redraws, four a second, so a three-minute rest costs
next to no processor time; the terminal is in cbreak mode only while one runs.
"""

from __future__ import annotations

import os
import select
import signal
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from backplan import clock, render

TICK = 0.25  # seconds between redraws
NUDGE = 15  # seconds a `+` or `-` moves the rest
GET_READY = 3  # seconds before a hold's count begins


def _clock_text(seconds: float) -> str:
    whole = int(seconds + 0.999)
    return f"{whole // 60}:{whole % 60:02d}"


@dataclass
class Countdown:
    """A count of `seconds` under way, its label and the keys it takes."""

    seconds: float
    label: str
    hint: str


@contextmanager
def _terminal() -> Iterator[int]:
    """cbreak mode, and a kill or a closed terminal mid-count still gives the terminal
    its echo back."""
    from backplan.cli.keys import cbreak

    handlers = {sig: signal.signal(sig, _stop) for sig in (signal.SIGTERM, signal.SIGHUP)}
    try:
        with cbreak() as fd:
            yield fd
    finally:
        for sig, handler in handlers.items():
            signal.signal(sig, handler)


def _count(
    fd: int, count: Countdown, on_key: Callable[[str, Countdown], bool]
) -> tuple[str, float]:
    """Count down, redrawing the bar; the keys that ended it ('' when it ran out) and
    the seconds it ran. `on_key` handles a key and says whether the count ends."""
    from rich.progress import BarColumn, Progress, TextColumn

    with Progress(
        TextColumn("{task.description}", style="bold", markup=False),
        BarColumn(bar_width=40),
        TextColumn("{task.fields[left]}  {task.fields[hint]}", markup=False),
        console=render.out,
        transient=True,
        auto_refresh=False,
        # Our stdout console writes through sys.stdout; redirecting it would loop.
        redirect_stdout=False,
        redirect_stderr=False,
    ) as bar:
        task = bar.add_task(count.label, total=count.seconds, left="", hint=count.hint)
        start = clock.seconds()
        while True:
            gone = clock.seconds() - start
            left = max(0.0, count.seconds - gone)
            bar.update(task, total=count.seconds, completed=min(count.seconds, gone),
                       left=_clock_text(left), description=count.label)  # fmt: skip
            bar.refresh()
            if left <= 0:
                render.out.bell()
                return "", count.seconds
            ready, _, _ = select.select([fd], [], [], min(TICK, left / clock.rate()))
            if ready:
                keys = os.read(fd, 256).decode("utf-8", errors="replace")
                if on_key(keys, count):
                    return keys, clock.seconds() - start


def rest(seconds: int, label: str) -> tuple[str, int]:
    """Count down `seconds` of rest (`+` / `-` move it by 15 s); the keys that ended it
    ('' when it ran out), which begin the next line typed, and the rest taken."""

    def nudge(keys: str, count: Countdown) -> bool:
        moved = NUDGE * (keys.count("+") - keys.count("-"))
        if moved and not keys.strip("+-"):
            count.seconds = max(0.0, count.seconds + moved)
            count.label = f"Rest {int(count.seconds)} s"
            return False
        return True  # the start of the next set: nothing typed is lost

    with _terminal() as fd:
        keys, taken = _count(fd, Countdown(seconds, label, "+/- 15 s, any key ends it"), nudge)
    return keys, round(taken)


def hold(seconds: int, label: str) -> int | None:
    """A timed hold: a 3-second get-ready, then `seconds` counted down and the bell; a
    key stops it early. The whole seconds held (at least one once it began), or None
    when a key called it off while getting ready."""

    def stop(keys: str, count: Countdown) -> bool:
        return True

    with _terminal() as fd:
        keys, _ = _count(fd, Countdown(GET_READY, "Get ready", "any key: not now"), stop)
        if keys:
            return None
        _, held = _count(fd, Countdown(seconds, label, "Enter stops it"), stop)
    return max(1, int(held))


def _stop(signum: int, frame: object) -> None:
    raise SystemExit(128 + signum)
