"""Where backplan's files live: BACKPLAN_HOME when set, else the platform's directories."""

from __future__ import annotations

import os
from pathlib import Path

APP = "backplan"
HOME_ENV = "BACKPLAN_HOME"
CATALOG_ENV = "BACKPLAN_CATALOG"
NOW_ENV = "BACKPLAN_NOW"  # a fixed clock, for tests and demos

_PACKAGE = Path(__file__).resolve().parent


HISTORY_FILE = "history.sqlite3"


def history_file() -> Path:
    """Where the history database is (it may not exist yet)."""
    return data_dir() / HISTORY_FILE


def shipped_catalogue() -> Path:
    """The catalogue inside the installed package, or the repository's in a source checkout."""
    installed = _PACKAGE / "data" / "exercises.yaml"
    if installed.is_file():
        return installed
    return _PACKAGE.parent.parent / "data" / "exercises.yaml"


def _home() -> Path | None:
    home = os.environ.get(HOME_ENV, "").strip()
    return Path(home).expanduser() if home else None


def data_dir() -> Path:
    home = _home()
    if home is not None:
        return home
    from platformdirs import user_data_path  # only commands that keep data pay for it

    return user_data_path(APP, appauthor=False)


def config_dir() -> Path:
    home = _home()
    if home is not None:
        return home
    from platformdirs import user_config_path

    return user_config_path(APP, appauthor=False)


def cache_dir() -> Path:
    home = _home()
    if home is not None:
        return home / "cache"
    from platformdirs import user_cache_path

    return user_cache_path(APP, appauthor=False)
