"""A buzz on the phone when a rest ends: Termux's `termux-vibrate` and
`termux-notification` when they are on PATH, started without waiting for them; nothing
at all elsewhere."""

from __future__ import annotations

import shutil
import subprocess

VIBRATE_MS = 600
NOTIFICATION_ID = "backplan-rest"  # one notification, replaced at every rest
_started: list[subprocess.Popen[bytes]] = []


def rest_over(text: str = "Rest over: next set.") -> bool:
    """Buzz and notify, if this is Termux; whether anything was started. Never waits:
    Termux's API commands can take a second to answer, and the set comes first."""
    _reap()
    commands = []
    vibrate = shutil.which("termux-vibrate")
    if vibrate is not None:
        commands.append([vibrate, "-f", "-d", str(VIBRATE_MS)])
    notify = shutil.which("termux-notification")
    if notify is not None:
        commands.append([notify, "--id", NOTIFICATION_ID, "--title", "backplan", "--content", text])
    for command in commands:
        try:
            _started.append(
                subprocess.Popen(
                    command,
                    stdin=subprocess.DEVNULL,
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                    start_new_session=True,  # Ctrl-C in the session does not reach it
                )
            )
        except OSError:
            continue  # a broken Termux API install: the timer still works without it
    return bool(commands)


def _reap() -> None:
    """Collect the buzzes that have ended, so a long session leaves no zombies."""
    _started[:] = [process for process in _started if process.poll() is None]
