"""Shared test helpers: run the CLI in-process and write small catalogues."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import yaml
from typer.testing import CliRunner, Result

from backplan.cli import app


def run(*args: str, input: str | None = None) -> Result:
    return CliRunner().invoke(app, list(args), input=input)


def ok(*args: str, input: str | None = None) -> Result:
    result = run(*args, input=input)
    assert result.exit_code == 0, result.stdout + result.stderr
    return result


def run_json(*args: str) -> Any:
    return json.loads(ok(*args, "--json").stdout)


def entry(ident: str, group: str = "lats", **fields: Any) -> dict[str, Any]:
    """A valid catalogue entry; keyword arguments override its fields."""
    base: dict[str, Any] = {
        "id": ident,
        "name": ident.replace("-", " ").title(),
        "group": group,
        "equipment": [],
        "level": "beginner",
        "mechanic": "compound",
        "cues": ["Keep the back flat."],
        "focus": "Feel the back work.",
    }
    base.update(fields)
    return base


def old_database(home: Path, version: int) -> Path:
    """A history at schema `version`, made by the migrations of that time."""
    import sqlite3

    from backplan.store import migrations

    home.mkdir(exist_ok=True)
    path = home / migrations.FILE_NAME
    db = sqlite3.connect(path)
    for statements in migrations.MIGRATIONS[:version]:
        for statement in statements:
            db.execute(statement)
    db.execute(f"PRAGMA user_version = {version}")
    db.commit()
    db.close()
    return path


def write_catalogue(path: Path, entries: list[dict[str, Any]], version: int = 1) -> Path:
    path.write_text(yaml.safe_dump({"version": version, "exercises": entries}), encoding="utf-8")
    return path


def do(workout: dict[str, Any]) -> None:
    """Log every exercise at the top of its range: what a good day looks like."""
    for e in workout["exercises"]:
        weight = (e["load"] or {}).get("weight") or 40
        top = e["reps_max"]
        if e["dose"] != "reps":  # a carry or a hold: with its load, when it has one
            held = f"x{weight:g}" if e["load_type"] == "external" else ""
            sets = [f"{top}{e['dose'][0]}{held}"] * e["sets"]
        elif e["load_type"] in ("external", "assisted"):
            sets = [f"{e['sets']}x{top}x{weight:g}"]
        else:
            sets = [str(top)] * e["sets"]
        ok("log", "--workout", str(workout["id"]), e["id"], *sets)
