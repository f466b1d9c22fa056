"""`backplan sync`: one history on several devices, through a folder they already share."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

import typer

from backplan import render
from backplan.cli.options import JsonOption
from backplan.cli.root import app
from backplan.errors import ENVIRONMENT, BackplanError

SYNC_DIR_ENV = "BACKPLAN_SYNC_DIR"


def _folder(given: Path | None) -> Path:
    """--dir (remembered), else BACKPLAN_SYNC_DIR, else the folder remembered."""
    from backplan import config

    if given is not None:
        folder = Path(os.path.expanduser(given)).absolute()
        _usable(folder, "--dir")
        if config.load().sync_dir != str(folder):
            config.set_value("sync_dir", str(folder))
        return folder
    from_env = os.environ.get(SYNC_DIR_ENV, "").strip()
    if from_env:
        folder = Path(from_env).expanduser().absolute()
        _usable(folder, SYNC_DIR_ENV)
        return folder
    remembered = config.load().sync_dir
    if remembered is None:
        raise BackplanError(
            "No sync folder yet: give the folder your devices share, like "
            "'backplan sync --dir ~/Sync/backplan' (it is remembered)."
        )
    folder = Path(remembered)
    _usable(folder, "the sync_dir setting", exit_code=ENVIRONMENT)
    return folder


def _usable(folder: Path, said: str, exit_code: int = 2) -> None:
    """A folder, made when its parent is there; a file or a missing parent is refused."""
    try:
        folder.stat()
    except FileNotFoundError:
        pass
    except OSError as err:
        raise BackplanError(
            f"{said}: {str(folder)[:80]} cannot be used ({err.strerror or err}).",
            exit_code=exit_code,
        ) from None
    if folder.is_dir():
        return
    if folder.exists():
        raise BackplanError(f"{said}: {folder} is a file, not a folder.", exit_code=exit_code)
    if not folder.parent.is_dir():
        raise BackplanError(
            f"{said}: {folder.parent} does not exist; give a folder your devices share.",
            exit_code=exit_code,
        )
    try:
        folder.mkdir()
    except OSError as err:
        raise BackplanError(
            f"Cannot make {folder}: {err.strerror or err}.", exit_code=ENVIRONMENT
        ) from None


@app.command()
def sync(
    folder: Annotated[
        Path | None,
        typer.Option(
            "--dir",
            help="The folder your devices share (Syncthing, Dropbox, a USB stick, a git "
            "clone); remembered. Else $BACKPLAN_SYNC_DIR.",
            show_default=False,
        ),
    ] = None,
    rebuild: Annotated[
        bool,
        typer.Option(
            "--rebuild",
            help="Make the history again from the journals alone (the old file is kept).",
        ),
    ] = False,
    git: Annotated[
        bool,
        typer.Option("--git", help="The folder is a git clone: commit, pull and push it."),
    ] = False,
    json_: JsonOption = False,
) -> None:
    """Bring this device's history and the others' together through a shared folder.

    Each device writes only its own journal in the folder (DEVICE/YYYY-MM.jsonl), so
    the tool that moves the files has nothing to conflict over. Plan on the laptop,
    train on the phone: sync on both.

    Example: backplan sync --dir ~/Sync/backplan
    """
    from backplan.store import journal
    from backplan.store import sync as engine
    from backplan.store.gitsync import pull, push

    where = _folder(folder)
    if git:
        pull(where, journal.device_id())
    if rebuild:
        done, unread = engine.rebuild(where)
        if unread is not None:
            render.err.print(
                f"warning: the old history could not be read ({unread}); "
                "what it held that no journal has is only in the backup.",
                markup=False,
                highlight=False,
            )
    else:
        done = engine.sync(where)
    if git:
        push(where, done.device)
    if json_:
        render.print_json(
            {
                "device": done.device,
                "folder": str(where),
                "journaled": done.journaled,
                "applied": done.applied,
                "devices": list(done.devices),
                "unreadable_lines": done.unreadable,
                "unusable_changes": done.unusable,
                "workouts": done.workouts,
                "backup": None if done.backup is None else str(done.backup),
            }
        )
        return
    lines = [
        f"This device ({done.device}): {_count(done.journaled, 'change')} journaled.",
        f"From {_count(len(done.devices), 'other device')}: "
        f"{_count(done.applied, 'change')} applied.",
        f"Your history: {_count(done.workouts, 'workout')}.",
    ]
    if done.backup is not None:
        lines.append(f"Rebuilt from the journals; the history before is kept as {done.backup}.")
    if done.unreadable:
        lines.append(
            f"{_count(done.unreadable, 'journal line')} could not be read and "
            "were left out (a file still copying is read when it is whole)."
        )
    if done.unusable:
        lines.append(
            f"{_count(done.unusable, 'change')} from a newer or damaged journal could not be "
            "written here and were left out."
        )
    for line in lines:
        render.out.print(line, markup=False, highlight=False)


def _count(number: int, thing: str) -> str:
    return f"{number} {thing}{'' if number == 1 else 's'}"
