"""`go` with supersets, timed holds and the rest timer's `+`/`-`, in a real
pseudo-terminal with the injected clock; the rest taken is stored."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from backplan.store import migrations
from tests.helpers import entry, run_json, write_catalogue
from tests.terminal import Terminal

MONDAY = "2026-11-30T18:00:00+01:00"
FAST = 1000.0


@pytest.fixture
def gym(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A row (grip-heavy), a face pull (grip-free) and a 30-second side plank."""
    path = write_catalogue(
        tmp_path / "gym.yaml",
        [
            entry("row", "upper-back", equipment=["barbell"], pattern="horizontal-pull"),
            entry(
                "face-pull",
                "upper-back",
                equipment=["cable"],
                pattern="scapular",
                mechanic="isolation",
            ),
            entry(
                "side-plank",
                "lower-back",
                pattern="stability",
                dose="seconds",
                range=[30, 30],
                mechanic="isolation",
            ),
        ],
        version=2,
    )
    monkeypatch.setenv("BACKPLAN_CATALOG", str(path))
    monkeypatch.setenv("BACKPLAN_NOW", MONDAY)
    return path


def _go(home: Path, gym: Path, rate: float = FAST) -> Terminal:
    return Terminal(home, "go", "--catalog", str(gym), now=MONDAY, rate=rate)


def _logged(home: Path) -> list[tuple[str, int, int | None]]:
    db = sqlite3.connect(home / migrations.FILE_NAME)
    rows = db.execute(
        "SELECT exercise_id, reps, rest FROM logged_sets ORDER BY logged_at, set_number"
    ).fetchall()
    db.close()
    return [(str(i), int(r), rest) for i, r, rest in rows]


def test_go_walks_a_superset_a1_a2_then_the_rest(backplan_env: Path, gym: Path) -> None:
    planned = run_json("workout", "--supersets", "--group", "upper", "--seed", "1")
    marks = {e["id"]: e["superset"] for e in planned["exercises"]}
    assert marks == {"row": "A", "face-pull": "A"}
    assert any("Supersets A" in note for note in planned["notes"])
    rests = {e["id"]: e["rest_seconds"] for e in planned["exercises"]}
    sets = planned["exercises"][0]["sets"]
    term = _go(backplan_env, gym)
    term.expect("> ")
    while "Warm-up set" in term.shown:
        assert "(superset A), 20 s after" not in term.shown  # its work sets come next
        term.line("w")  # the row's warm-up, not logged
        term.expect("> ")
    for _ in range(sets):
        assert "A1 Row" in term.shown
        assert "Then: Face Pull (superset A), 20 s after" in term.shown
        term.line("8x40")
        term.expect("> ")
        assert "A2 Face Pull" in term.shown
        if _ < sets - 1:  # the row opens the next round, after the pair's rest
            assert "Then: Row (superset A), after the rest" in term.shown
        term.line("12x20")
        if _ < sets - 1:
            term.expect("> ")
    assert term.finish() == 0
    logged = _logged(backplan_env)
    assert [i for i, _, _ in logged] == ["row", "face-pull"] * sets
    # The partner gets the transition; the pair's full rest comes after the round.
    assert [rest for i, _, rest in logged if i == "face-pull"] == [20] * sets
    full = max(rests.values())
    assert [rest for i, _, rest in logged if i == "row"] == [None] + [full] * (sets - 1)
    shown = run_json("history", "show", str(planned["id"]))
    assert shown["exercises"][1]["sets_logged"][0]["rest"] == 20


def test_a_30_second_side_plank_counts_down_rings_and_logs_30_s(
    backplan_env: Path, gym: Path
) -> None:
    run_json("workout", "--group", "lower", "--seed", "1", "--exercises", "1")
    term = _go(backplan_env, gym)
    term.expect("Enter starts the 30 s hold")
    term.expect("> ")
    term.line("")
    term.expect("Logged 30 s")
    assert "\a" in term.text  # the bell
    term.line("q")
    term.finish()
    assert _logged(backplan_env)[0][:2] == ("side-plank", 30)


def test_enter_stops_a_hold_early_and_logs_the_time_held(backplan_env: Path, gym: Path) -> None:
    run_json("workout", "--group", "lower", "--seed", "1", "--exercises", "1")
    term = _go(backplan_env, gym, rate=5)  # 3 s to get ready in 0.6 s, 30 s in 6 s
    term.expect("Enter starts the 30 s hold")
    term.expect("> ")
    term.line("")
    term.expect(r"0:1\d  Enter stops it", timeout=10)  # over a third of the 30 s
    term.line("")
    term.expect(r"Logged \d+ s")
    term.line("q")
    term.finish()
    held = _logged(backplan_env)[0][1]
    assert 0 < held < 30
    # A typed time still works.
    term = _go(backplan_env, gym)
    term.expect("> ")
    term.line("25s")
    term.expect("Logged 25 s")
    term.line("q")
    term.finish()


def test_plus_and_minus_move_the_rest_and_the_rest_taken_is_kept(
    backplan_env: Path, gym: Path
) -> None:
    planned = run_json("workout", "--group", "upper", "--seed", "1", "--exercises", "1")
    rest = planned["exercises"][0]["rest_seconds"]
    term = _go(backplan_env, gym, rate=20)
    term.expect("> ")
    while "Warm-up set" in term.shown:
        term.line("w")
        term.expect("> ")
    term.line("8x40")
    term.expect("any key ends it")
    term.send("+")
    term.expect(f"Rest {rest + 15} s")
    term.send("-")
    term.send("-")
    term.expect(f"Rest {rest - 15} s")
    term.expect("> ", timeout=20)
    term.line("8x40")
    term.expect("any key ends it")
    term.send("q")  # a key ends the rest and begins the line
    term.line("")
    term.finish()
    logged = _logged(backplan_env)
    assert logged[1][2] == rest - 15
