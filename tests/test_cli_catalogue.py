"""`backplan list`, `show`, `check` and `--version`, in-process."""

from __future__ import annotations

from pathlib import Path

import pytest

from backplan import __version__, catalogue, paths
from tests.helpers import entry, ok, run, run_json, write_catalogue

SHIPPED = catalogue.load(paths.shipped_catalogue())


def test_version() -> None:
    assert ok("--version").stdout.strip().startswith(f"backplan {__version__} (history schema ")


def test_no_arguments_shows_help() -> None:
    result = run()
    assert "workout" in result.stdout or "list" in result.stdout


def test_every_command_has_help_with_an_example() -> None:
    for command in ("list", "show", "check"):
        assert "Example: backplan " + command in ok(command, "--help").stdout, command


def test_list_shows_every_exercise() -> None:
    out = ok("list").stdout
    for exercise in SHIPPED.exercises:
        assert exercise.id in out
    assert "lats: width and the V-shape" in out


def test_list_fits_80_columns() -> None:
    for line in ok("list").stdout.splitlines():
        assert len(line) <= 80, line
    assert "…" not in ok("list").stdout  # nothing is cut off


@pytest.mark.parametrize("spelling", ["upper-back", "Upper Back", "upper_back", "upper", "UPPER"])
def test_list_group_spellings(spelling: str) -> None:
    listed = run_json("list", "--group", spelling)
    assert listed
    assert {e["group"] for e in listed} == {"upper-back"}


def test_list_several_groups_repeated_or_commas() -> None:
    repeated = run_json("list", "--group", "lats", "--group", "lower")
    commas = run_json("list", "--group", "lats,lower")
    assert repeated == commas
    assert {e["group"] for e in repeated} == {"lats", "lower-back"}


def test_list_equipment_is_what_you_have() -> None:
    listed = run_json("list", "--equipment", "pull-up-bar", "-e", "band")
    assert listed
    for exercise in listed:
        assert set(exercise["equipment"]) <= {"pull-up-bar", "band"}, exercise


def test_list_level_is_at_most() -> None:
    assert {e["level"] for e in run_json("list", "--level", "beginner")} == {"beginner"}
    assert {e["level"] for e in run_json("list", "--level", "Intermediate")} == {
        "beginner",
        "intermediate",
    }


def test_list_json_keys() -> None:
    listed = run_json("list")
    assert len(listed) == len(SHIPPED.exercises)
    assert list(listed[0]) == [
        "id",
        "name",
        "group",
        "equipment",
        "level",
        "mechanic",
        "pattern",
        "cues",
        "focus",
        "dose",
        "sides",
        "load",
        "range",
        "goals",
        "family",
        "power",
        "belt",
        "main",
        "role",
        "harder",
        "easier",
        "aliases",
        "mark",
    ]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["list", "--group", "legs"], "Unknown group 'legs'"),
        (["list", "--group", "lat"], "did you mean 'lats'?"),
        (["list", "--equipment", "dumbell"], "did you mean 'dumbbell'?"),
        (["list", "--level", "expert"], "Unknown level 'expert'"),
        (["list", "--grup", "lats"], "No such option"),
        (["show", "pul-upp"], "did you mean 'pull-up'?"),
        (["show"], "Missing argument"),
    ],
)
def test_bad_input_is_one_clear_line(args: list[str], message: str) -> None:
    result = run(*args)
    assert result.exit_code == 2
    assert message in result.stderr
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr


def test_list_with_nothing_left_says_so() -> None:
    args = ("list", "--group", "lats", "--equipment", "medicine-ball")
    assert "No exercise matches these filters" in ok(*args).stdout
    assert run_json(*args) == []


def test_show_prints_cues_and_focus() -> None:
    exercise = SHIPPED.by_id["chest-supported-row"]
    # Read the panel as prose: drop its borders and join wrapped lines.
    out = " ".join(ok("show", exercise.id).stdout.replace("│", " ").split())
    for cue in exercise.cues:
        assert cue in out
    assert exercise.focus
    assert exercise.focus in out
    assert "thickness, posture, a stronger bench" in out


def test_show_is_case_insensitive() -> None:
    assert run_json("show", "Pull-Up")["id"] == "pull-up"


def test_show_json() -> None:
    shown = run_json("show", "superman")
    assert shown["group"] == "lower-back"
    assert shown["equipment"] == []


def test_check_shipped() -> None:
    assert f"{len(SHIPPED.exercises)} exercises" in ok("check").stdout


def test_check_reports_every_problem(tmp_path: Path) -> None:
    path = write_catalogue(
        tmp_path / "c.yaml", [entry("a", group="legs"), entry("a", equipment=["dumbell"])]
    )
    result = run("check", str(path))
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert any(line.startswith(f"{path}:") and "group 'legs'" in line for line in lines)
    assert any("duplicate id 'a'" in line for line in lines)
    assert any("did you mean 'dumbbell'" in line for line in lines)
    assert lines[-1] == "error: The catalogue was refused: 3 problems."


def test_catalog_option_and_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write_catalogue(tmp_path / "mine.yaml", [entry("my-row", "upper-back")])
    assert [e["id"] for e in run_json("list", "--catalog", str(path))] == ["my-row"]
    monkeypatch.setenv("BACKPLAN_CATALOG", str(path))
    assert [e["id"] for e in run_json("list")] == ["my-row"]
    assert run_json("show", "my-row")["name"] == "My Row"
    assert "1 exercise" in ok("check").stdout


def test_markup_in_names_stays_text(tmp_path: Path) -> None:
    path = write_catalogue(tmp_path / "c.yaml", [entry("odd", name="[bold]Odd[/bold] Row")])
    assert "[bold]Odd[/bold] Row" in ok("list", "--catalog", str(path)).stdout
    assert "[bold]Odd[/bold] Row" in ok("show", "odd", "--catalog", str(path)).stdout


def test_completion_of_groups_and_ids() -> None:
    from backplan.cli import options as cli

    assert cli.complete_group("up") == ["upper-back"]
    assert "pull-up" in cli.complete_exercise("pul")
    assert all(i.startswith("dead") for i in cli.complete_exercise("dead"))
