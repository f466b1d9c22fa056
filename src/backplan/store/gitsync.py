"""`sync --git`: the shared folder as a git clone, moved with the git the user has.

Each device commits only its own journal folder, so a pull merges without a conflict.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from backplan.errors import ENVIRONMENT, BackplanError

TIMEOUT_SECONDS = 120


def _git(folder: Path, *words: str) -> subprocess.CompletedProcess[str]:
    git = shutil.which("git")
    if git is None:
        raise BackplanError("sync --git needs git, and git is not on PATH.", exit_code=ENVIRONMENT)
    try:
        return subprocess.run(
            [git, "-C", str(folder), *words],
            capture_output=True,
            text=True,
            timeout=TIMEOUT_SECONDS,
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise BackplanError(
            f"git {words[0]} in {folder} took over {TIMEOUT_SECONDS} s; stopped. Nothing here "
            "is lost: sync again when the network is back.",
            exit_code=ENVIRONMENT,
        ) from None


def _check(result: subprocess.CompletedProcess[str], what: str, folder: Path) -> None:
    if result.returncode != 0:
        said = " ".join((result.stderr or result.stdout).split())[:300]
        raise BackplanError(
            f"git {what} in {folder} failed: {said or 'no reason given'}. Your history and "
            "journal are kept; sync again when it works.",
            exit_code=ENVIRONMENT,
        )


def _commit(folder: Path, device: str) -> None:
    """This device's journal, committed when it changed (never another device's files)."""
    if not (folder / device).is_dir():
        return
    _check(_git(folder, "add", "--", device), "add", folder)
    staged = _git(folder, "diff", "--cached", "--quiet", "--", device)
    if staged.returncode == 0:
        return
    _check(
        _git(folder, "-c", "user.name=backplan", "-c", f"user.email={device}@backplan",
             "commit", "--quiet", "-m", f"backplan journal of {device}", "--", device),
        "commit", folder,
    )  # fmt: skip


def pull(folder: Path, device: str) -> None:
    """Before sync: what the other devices pushed (this device's commits kept)."""
    inside = _git(folder, "rev-parse", "--is-inside-work-tree")
    if inside.returncode != 0 or inside.stdout.strip() != "true":
        raise BackplanError(
            f"sync --git: {folder} is not a git clone. Clone the repository your devices share "
            "there, or sync without --git."
        )
    _commit(folder, device)
    remote = _remote(folder)
    _check(_git(folder, "fetch", "--quiet", remote), "fetch", folder)
    theirs = f"refs/remotes/{remote}/{_branch(folder)}"
    if _git(folder, "rev-parse", "--verify", "--quiet", theirs).returncode != 0:
        return  # the first device to push: nothing to pull yet
    _check(
        _git(folder, "-c", "user.name=backplan", "-c", f"user.email={device}@backplan",
             "merge", "--quiet", "--no-edit", theirs),
        "merge", folder,
    )  # fmt: skip


def _remote(folder: Path) -> str:
    remotes = _git(folder, "remote").stdout.split()
    if not remotes:
        raise BackplanError(
            f"sync --git: {folder} has no remote to pull from and push to; add one "
            "('git remote add origin URL')."
        )
    return "origin" if "origin" in remotes else remotes[0]


def _branch(folder: Path) -> str:
    """The branch checked out (it may have no commit yet, in a fresh clone)."""
    found = _git(folder, "symbolic-ref", "--quiet", "--short", "HEAD")
    _check(found, "symbolic-ref", folder)
    return found.stdout.strip()


def push(folder: Path, device: str) -> None:
    """After sync: this device's new journal lines, to the others."""
    _commit(folder, device)
    if _git(folder, "rev-parse", "--verify", "--quiet", "HEAD").returncode != 0:
        return  # nothing journaled and nothing pulled: nothing to push
    branch = _branch(folder)
    _check(_git(folder, "push", "--quiet", "-u", _remote(folder), branch), "push", folder)
