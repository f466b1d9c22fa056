"""`backplan doctor`: where your files are, their versions and sizes, and whether they are sound."""

from __future__ import annotations

import platform
import re
import sqlite3
import sys
from pathlib import Path
from typing import Any

import typer

from backplan import __version__, paths, render
from backplan.cli.options import CatalogOption, JsonOption, catalogue_path
from backplan.cli.root import app, version_line
from backplan.errors import ENVIRONMENT, BackplanError

_VERSION_LINE = re.compile(rb"^version:\s*(\d+)\s*(?:#.*)?$", re.M)


@app.command()
def doctor(catalog: CatalogOption = None, json_: JsonOption = False) -> None:
    """Where your history, settings and catalogue are, their versions and sizes, and
    whether the history is sound: the first thing to paste into a bug report.

    Nothing is written. The exit code is 1 when a file cannot be used.

    Example: backplan doctor
    """
    from backplan.store import migrations
    from backplan.store.health import history_health

    health = history_health()
    history: dict[str, Any] = {
        "path": str(health.path), "exists": health.exists, "bytes": health.size,
        "schema": health.schema, "supported_schema": migrations.SCHEMA_VERSION,
        "workouts": health.workouts, "problem": health.problem,
    }  # fmt: skip
    settings, shipped = _settings(), _catalogue(catalogue_path(catalog))
    report: dict[str, Any] = {
        "backplan": __version__,
        "history": history,
        "settings": settings,
        "catalogue": shipped,
        "cache": str(paths.cache_dir()),
        # The machine last, as in the text: the one part that differs between two homes.
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
        "platform": platform.platform(terse=True),
    }
    problems = [
        f"{part['path']}: {part['problem']}"
        for part in (history, settings, shipped)
        if part["problem"]
    ]
    if json_:
        render.print_json(report)
    else:
        for line in _lines(report):
            render.out.print(line, markup=False, highlight=False, soft_wrap=True)
    if problems:
        render.error(" ".join(problems))
        raise typer.Exit(ENVIRONMENT)


def _settings() -> dict[str, Any]:
    from backplan import config

    path = config.default_path()
    problem = None
    try:
        config.load(path)
    except BackplanError as refused:
        problem = refused.message
    return {
        "path": str(path),
        "exists": _size(path) is not None,
        "bytes": _size(path),
        "problem": problem,
    }


def _catalogue(path: Path) -> dict[str, Any]:
    from backplan import catalogue

    size = _size(path)
    shown: dict[str, Any] = {
        "path": str(path), "shipped": path == paths.shipped_catalogue(), "exists": size is not None,
        "bytes": size, "version": None, "exercises": None, "problem": None,
    }  # fmt: skip
    try:
        loaded = catalogue.load(path)
    except BackplanError as refused:
        shown["problem"] = " ".join([refused.message, *refused.details[:1]])
        return shown
    found = _VERSION_LINE.search(path.read_bytes())
    shown["version"] = int(found.group(1)) if found else None
    shown["exercises"] = len(loaded.exercises)
    return shown


def _size(path: Path) -> int | None:
    """The size of a regular file; None for none there (or a name the system refuses)."""
    try:
        return path.stat().st_size if path.is_file() else None
    except OSError:
        return None


def _bytes(size: int | None) -> str:
    if size is None:
        return "no file"
    if size < 1024:
        return f"{size} bytes"
    if size < 1024 * 1024:
        return f"{size / 1024:.0f} KB"
    return f"{size / (1024 * 1024):.1f} MB"


def _lines(report: dict[str, Any]) -> list[str]:
    """The report as text to paste: one file a pair of lines, the machine last."""
    history, settings, shipped = report["history"], report["settings"], report["catalogue"]
    supported = history["supported_schema"]
    if not history["exists"]:
        state = f"none yet (made on the first save, schema {supported})"
    elif history["problem"]:
        state = f"{_bytes(history['bytes'])} · NOT SOUND: {history['problem']}"
    else:
        schema = history["schema"]
        upgrade = "" if schema == supported else f", upgraded to {supported} on first use"
        state = (
            f"schema {schema} (this backplan: {supported}{upgrade}) · "
            f"{_bytes(history['bytes'])} · {render.plural(history['workouts'], 'workout')} · sound"
        )
    if settings["problem"]:
        kept = f"NOT READ: {settings['problem']}"
    elif settings["exists"]:
        kept = f"{_bytes(settings['bytes'])} · read"
    else:
        kept = "no file: the defaults"
    where = "shipped" if shipped["shipped"] else "yours"
    if shipped["problem"]:
        read = f"NOT READ: {shipped['problem']}"
    else:
        read = (
            f"{where} · version {shipped['version']} · "
            f"{shipped['exercises']} exercises · {_bytes(shipped['bytes'])}"
        )
    return [
        version_line(),
        f"history    {history['path']}",
        f"           {state}",
        f"settings   {settings['path']}",
        f"           {kept}",
        f"catalogue  {shipped['path']}",
        f"           {read}",
        f"cache      {report['cache']}",
        f"Python {report['python']} · SQLite {report['sqlite']} · {report['platform']}"
        f" · {sys.executable}",
    ]
