"""The timers of `go`: the rest between sets (a countdown bar, `+` and `-` move it by
15 s, the bell at the end, any other key ends it and begins the next set typed) and
a timed hold (a get-ready count, the target counted down, the bell; Enter stops it
early and the time held is what is logged).

They sleep in select() between redraws, four a second, so a three-minute rest costs
next to no processor time. Keys typed ahead count as typed during the count: a set
typed before the rest began ends it at once and is logged.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from backplan import clock, render
from backplan.cli import keys as keys_module
from backplan.cli.keys import ENTER

TICK = 0.25  # seconds between redraws
NUDGE = 15  # seconds a `+` or `-` moves the rest
GET_READY = 3  # seconds before a hold's count begins
NARROW = 60  # columns under which the rest's line says less


def _clock_text(seconds: float) -> str:
    whole = int(seconds + 0.999)
    return f"{whole // 60}:{whole % 60:02d}"


@dataclass
class Countdown:
    """A count of `seconds` under way, its label and the keys it takes."""

    seconds: float
    label: str
    hint: str


def _count(fd: int, count: Countdown, on_key: Callable[[list[str], Countdown], bool]) -> float:
    """Count down, redrawing the bar; the seconds it ran. `on_key` takes the keys typed
    (ahead, or during the count), puts back those it leaves for the next reader, and
    says whether the count ends; it ran out when it returns `count.seconds`."""
    from rich.progress import BarColumn, Progress, TextColumn

    with Progress(
        TextColumn("{task.description}", style="bold", markup=False),
        # The whole line fits the terminal: on a phone, a short bar.
        BarColumn(bar_width=max(4, min(40, render.out.width - len(count.label) - 34))),
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
            keys = keys_module.take()
            if keys and on_key(keys, count):
                return min(gone, count.seconds)
            left = max(0.0, count.seconds - gone)
            bar.update(task, total=count.seconds, completed=min(count.seconds, gone),
                       left=_clock_text(left), description=count.label)  # fmt: skip
            bar.refresh()
            if left <= 0:
                render.out.bell()
                return count.seconds
            if not keys_module.fill(fd, min(TICK, left / clock.rate())):
                return min(clock.seconds() - start, count.seconds)  # the end of input


def rest(seconds: int, label: str) -> int:
    """Count down `seconds` of rest (`+` / `-` move it by 15 s); any other key ends it
    and stays in the queue, the start of the next line typed. The rest taken."""

    def nudge(keys: list[str], count: Countdown) -> bool:
        for at, key in enumerate(keys):
            if key not in "+-" or not key:
                keys_module.put_back(keys[at:])  # the start of the next set
                return True
            count.seconds = max(0.0, count.seconds + (NUDGE if key == "+" else -NUDGE))
            count.label = f"Rest {int(count.seconds)} s"
        return False

    hint = "+/- 15 s, any key ends it" if render.out.width >= NARROW else "any key ends it"
    count = Countdown(seconds, label, hint)
    with keys_module.cbreak() as fd:
        taken = _count(fd, count, nudge)
    if taken >= count.seconds:  # it ran out (no key ended it): a phone in a pocket buzzes
        from backplan.cli.buzz import rest_over

        rest_over()
    return round(taken)


def hold(seconds: int, label: str) -> int | None:
    """A timed hold: a 3-second get-ready, then `seconds` counted down and the bell; a
    key stops it early (Enter is used up; another key begins the next line). The whole
    seconds held (at least one once it began), or None when a key called it off while
    getting ready."""
    stopped: list[str] = []

    def stop(keys: list[str], count: Countdown) -> bool:
        stopped.append(keys[0])
        keys_module.put_back(keys[1:] if keys[0] in ENTER else keys)
        return True

    with keys_module.cbreak() as fd:
        _count(fd, Countdown(GET_READY, "Get ready", "any key: not now"), stop)
        if stopped:
            return None
        held = _count(fd, Countdown(seconds, label, "Enter stops it"), stop)
    return max(1, int(held))
