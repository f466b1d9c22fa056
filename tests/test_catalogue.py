"""The catalogue: the shipped file's promises, strict validation, hostile input."""

from __future__ import annotations

import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from backplan import catalogue, paths
from backplan.catalogue import BODYWEIGHT, CatalogueError, Group, Level, Pattern, loader
from backplan.catalogue.model import Dose, Goal, LoadKind, Sides
from backplan.errors import BackplanError
from tests.helpers import entry, write_catalogue

SHIPPED = catalogue.load(paths.shipped_catalogue())


# --- the shipped catalogue -----------------------------------------------------------


@pytest.mark.parametrize("group", list(Group))
def test_shipped_catalogue_covers_each_group(group: Group) -> None:
    exercises = [e for e in SHIPPED.exercises if e.group is group]
    assert len(exercises) >= 16
    # Levels are a ceiling: every group has work for beginners and intermediates (the
    # core lifts are intermediate at most, so advanced is never the only way in).
    assert {Level.BEGINNER, Level.INTERMEDIATE} <= {e.level for e in exercises}
    assert any(e.main for e in exercises)
    no_gear = {BODYWEIGHT, "band", "pull-up-bar"}
    assert sum(set(e.equipment) <= no_gear for e in exercises) >= 3
    assert (
        sum(
            set(e.equipment) <= {"dumbbell", "bench"} and "dumbbell" in e.equipment
            for e in exercises
        )
        >= 3
    )
    kinds = Counter(
        "free"
        if set(e.equipment) & {"barbell", "dumbbell", "kettlebell", "trap-bar", "landmine"}
        else "cable-machine"
        if set(e.equipment) & {"cable", "machine"}
        else "bodyweight-band"
        for e in exercises
    )
    assert set(kinds) == {"free", "cable-machine", "bodyweight-band"}


def test_shipped_entries_have_cues_and_focus() -> None:
    for exercise in SHIPPED.exercises:
        assert 1 <= len(exercise.cues) <= 4, exercise.id
        assert exercise.focus, exercise.id
        assert exercise.pattern is not None, exercise.id


def test_shipped_hinges_are_marked() -> None:
    by_id = SHIPPED.by_id
    for ident in (
        "conventional-deadlift",
        "romanian-deadlift",
        "trap-bar-deadlift",
        "rack-pull",
        "good-morning",
        "dumbbell-romanian-deadlift",
        "single-leg-dumbbell-rdl",
    ):
        assert by_id[ident].pattern is Pattern.HINGE, ident
    for exercise in SHIPPED.exercises:
        if any(word in exercise.name for word in ("Deadlift", "Good Morning", "Rack Pull")):
            assert exercise.pattern is Pattern.HINGE, exercise.id


def test_shipped_names_are_unique() -> None:
    names = [e.name for e in SHIPPED.exercises]
    assert len(names) == len(set(names))


# --- validation: every problem, with its line -------------------------------------------


def test_valid_catalogue_loads(tmp_path: Path) -> None:
    path = write_catalogue(tmp_path / "c.yaml", [entry("a"), entry("b", "lower-back")])
    loaded = catalogue.load(path)
    assert [e.id for e in loaded.exercises] == ["a", "b"]
    assert loaded.by_id["b"].group is Group.LOWER_BACK


def problems_of(tmp_path: Path, text: str) -> list[str]:
    path = tmp_path / "c.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(CatalogueError) as caught:
        catalogue.load(path)
    assert caught.value.exit_code == 2
    return caught.value.problems


BAD = """\
version: 1
exercises:
  - id: Pull Up
    name: 12
    group: upperback
    equipment: [dumbell, bench]
    level: expert
    mechanic: compound
    cues: []
    grup: lats
  - id: row
    name: Row
    group: upper-back
    equipment: barbell
    level: beginner
    mechanic: compound
    cues: [Pull.]
  - id: row
    name: Row again
    group: upper-back
    equipment: [barbell]
    level: beginner
    cues: [Pull.]
"""


def test_every_problem_is_listed_with_its_line(tmp_path: Path) -> None:
    problems = problems_of(tmp_path, BAD)
    path = str(tmp_path / "c.yaml")
    expected = [
        (3, "id 'Pull Up' must be lowercase"),
        (4, "name must be text, not a number"),
        (5, "group 'upperback' is not known (did you mean 'upper-back'?)"),
        (6, "unknown equipment 'dumbell' (did you mean 'dumbbell'?)"),
        (7, "level 'expert' is not known"),
        (9, "cues has 0 entries"),
        (10, "unknown field 'grup' (did you mean 'group'?)"),
        (14, "equipment must be a list, not text"),
        (18, "duplicate id 'row' (first at line 11)"),
        (18, "missing field 'mechanic'"),
    ]
    assert len(problems) == len(expected), problems
    for line, fragment in expected:
        assert any(p.startswith(f"{path}:{line}: ") and fragment in p for p in problems), (
            line,
            fragment,
            problems,
        )


@pytest.mark.parametrize(
    ("text", "line", "fragment"),
    [
        ("version: 3\nexercises: []\n", 1, "version 3 is newer than this backplan reads"),
        ("version: one\nexercises: []\n", 1, "version must be a whole number"),
        ("exercises: []\n", 1, "missing 'version: 2'"),
        ("version: 1\nexercises: []\n", 2, "'exercises' is empty"),
        ("version: 1\n", 1, "missing 'exercises:'"),
        ("version: 1\nexercises: {}\n", 2, "'exercises' must be a list"),
        ("- a\n- b\n", 1, "the file must be a mapping"),
        ("version: 1\nexcercises: []\n", 2, "did you mean 'exercises'?"),
        ("", 1, "the file is empty"),
        ("version: 1\nversion: 1\nexercises: [x]\n", 2, "field 'version' is given twice"),
        ("version: 1\nexercises:\n  - id: x\n   name: [oops\n", 4, "YAML syntax"),
        ("version: 1\n---\nversion: 1\n", 2, "more than one YAML document"),
        ("version: 1\nexercises: !!python/object/apply:os.system [ls]\n", 2, "not allowed"),
        ("version: 1\nexercises: !!python/name:os.system\n", 2, "not allowed"),
        ("version: 1\nexercises: [*nowhere]\n", 2, "alias *nowhere"),
        ("version: 1\nexercises: &a [*a]\n", 2, "alias *a"),
        ("version: !!int nine\nexercises: []\n", 1, "not a valid int"),
    ],
)
def test_refusals(tmp_path: Path, text: str, line: int, fragment: str) -> None:
    problems = problems_of(tmp_path, text)
    assert any(f"c.yaml:{line}: " in p and fragment in p for p in problems), problems


def test_cue_limits(tmp_path: Path) -> None:
    path = write_catalogue(tmp_path / "c.yaml", [entry("a", cues=["1", "2", "3", "4", "5"])])
    with pytest.raises(CatalogueError) as caught:
        catalogue.load(path)
    assert "give 1 to 4" in caught.value.problems[0]
    path = write_catalogue(tmp_path / "c.yaml", [entry("a", name="x" * 101)])
    with pytest.raises(CatalogueError) as caught:
        catalogue.load(path)
    assert "at most 100" in caught.value.problems[0]


def test_anchors_aliases_and_merge_keys(tmp_path: Path) -> None:
    text = """\
version: 1
x-defaults: &defaults
  group: lats
  equipment: [band]
  level: beginner
  mechanic: compound
  cues: &cues [Stay tall.]
exercises:
  - <<: *defaults
    id: one
    name: One
  - <<: *defaults
    id: two
    name: Two
    group: lower-back
    cues: *cues
"""
    path = tmp_path / "c.yaml"
    path.write_text(text, encoding="utf-8")
    loaded = catalogue.load(path)
    assert [(e.id, e.group) for e in loaded.exercises] == [
        ("one", Group.LATS),
        ("two", Group.LOWER_BACK),
    ]
    assert loaded.by_id["two"].cues == ("Stay tall.",)


def test_bom_and_non_ascii_are_fine(tmp_path: Path) -> None:
    path = tmp_path / "c.yaml"
    text = yaml.safe_dump(
        {"version": 1, "exercises": [entry("ruderzug", name="Rudern für Anfänger — Übung")]},
        allow_unicode=True,
    )
    path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    assert catalogue.load(path).by_id["ruderzug"].name == "Rudern für Anfänger — Übung"


def test_bodyweight_alone_means_no_equipment(tmp_path: Path) -> None:
    path = write_catalogue(tmp_path / "c.yaml", [entry("a", equipment=["bodyweight"])])
    assert catalogue.load(path).exercises[0].equipment == ()


# --- hostile files: a clear refusal, quickly, never a traceback or a hang -----------------


def _alias_bomb() -> str:
    lines = ["version: 1", 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 10):
        name, previous = chr(ord("a") + i), chr(ord("a") + i - 1)
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{previous}"] * 9) + "]")
    lines.append("exercises: *j")
    return "\n".join(lines) + "\n"


HOSTILE: dict[str, bytes] = {
    "alias-bomb": _alias_bomb().encode(),
    "deep-flow": b"version: 1\nexercises: " + b"[" * 200_000 + b"]" * 200_000,
    "deep-block": (
        "version: 1\nexercises:\n" + "".join("  " * i + "-\n" for i in range(1, 200))
    ).encode(),
    "huge-scalar": b'version: 1\nexercises:\n  - id: x\n    name: "' + b"a" * 5_000_000 + b'"\n',
    "binary": bytes(range(256)) * 64,
    "latin-1": "version: 1\nexercises:\n  - name: Rudern für Anfänger\n".encode("latin-1"),
    "utf-16": "version: 1\nexercises: []\n".encode("utf-16"),
    "python-tag": b"version: 1\nexercises: !!python/object/new:os.system [echo pwned]\n",
    "syntax": b"version: 1\nexercises: [\n",
    "tabs": b"version: 1\nexercises:\n\t- id: x\n",
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_files_are_refused(tmp_path: Path, name: str) -> None:
    path = tmp_path / f"{name}.yaml"
    path.write_bytes(HOSTILE[name])
    with pytest.raises(CatalogueError) as caught:
        catalogue.load(path)
    assert all(p.startswith(str(path) + ":") for p in caught.value.problems)


def test_hostile_files_through_the_installed_command(tmp_path: Path) -> None:
    """The real process: exit 2, messages on stderr, no traceback, and no hang."""
    for name, data in HOSTILE.items():
        path = tmp_path / f"{name}.yaml"
        path.write_bytes(data)
        done = subprocess.run(
            [sys.executable, "-m", "backplan", "check", str(path)],
            capture_output=True,
            text=True,
            timeout=30,
            check=False,
        )
        assert done.returncode == 2, (name, done.stderr)
        assert "Traceback" not in done.stderr, name
        assert done.stdout == "", name
        assert "refused" in done.stderr, name


@pytest.mark.parametrize("kind", ["directory", "missing"])
def test_paths_that_are_not_files(tmp_path: Path, kind: str) -> None:
    path = tmp_path if kind == "directory" else tmp_path / "nope.yaml"
    with pytest.raises(CatalogueError) as caught:
        catalogue.load(path)
    assert ("directory" if kind == "directory" else "no such file") in caught.value.problems[0]


# --- property: anything in gives a catalogue or the project's own error ------------------

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=False),
    st.text(max_size=20),
    st.sampled_from(["lats", "upper-back", "band", "beginner", "compound"]),
)
yaml_data = st.recursive(
    scalars,
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(
            st.text(max_size=8) | st.sampled_from(loader._FIELDS), children, max_size=5
        )
    ),
    max_leaves=25,
)


def _load_text(tmp_path: Path, text: str) -> None:
    path = tmp_path / "fuzz.yaml"
    path.write_text(text, encoding="utf-8")
    try:
        loaded = catalogue.load(path)
    except CatalogueError as err:
        problems = err.problems
    else:
        assert loaded.exercises
        return
    assert problems
    assert all(p.startswith(f"{path}:") for p in problems)


@given(text=st.text(max_size=300))
def test_arbitrary_text_gives_catalogue_or_our_error(tmp_path_factory: Any, text: str) -> None:
    _load_text(tmp_path_factory.mktemp("t"), text)


@given(data=yaml_data)
def test_arbitrary_yaml_gives_catalogue_or_our_error(tmp_path_factory: Any, data: Any) -> None:
    _load_text(tmp_path_factory.mktemp("y"), yaml.safe_dump(data))


@given(
    entries=st.lists(
        st.fixed_dictionaries(
            {},
            optional={
                "id": st.sampled_from(["a", "b", "Bad Id", "", 5]),
                "name": st.sampled_from(["A", "", None, 3, "x" * 120]),
                "group": st.sampled_from(["lats", "upper-back", "lower back", "legs", 1]),
                "equipment": st.sampled_from([[], ["band"], ["dumbell"], "band", [None]]),
                "level": st.sampled_from(["beginner", "expert", None]),
                "mechanic": st.sampled_from(["compound", "isolation", "both"]),
                "pattern": st.sampled_from(["hinge", "squat", None]),
                "cues": st.sampled_from([["Cue."], [], ["a", "b", "c", "d", "e"], "Cue.", [1]]),
                "focus": st.sampled_from(["Feel it.", "", 7]),
            },
        ),
        max_size=4,
    ),
    version=st.sampled_from([1, 2, 0, "1", None]),
)
def test_near_valid_catalogues(tmp_path_factory: Any, entries: list[Any], version: Any) -> None:
    """Mutations of valid entries: loading succeeds only when everything is right."""
    _load_text(
        tmp_path_factory.mktemp("n"), yaml.safe_dump({"version": version, "exercises": entries})
    )


# --- filters and parsing ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "group"),
    [
        ("lats", Group.LATS),
        ("LATS", Group.LATS),
        ("upper-back", Group.UPPER_BACK),
        ("Upper Back", Group.UPPER_BACK),
        ("upper_back", Group.UPPER_BACK),
        ("upper", Group.UPPER_BACK),
        ("lower", Group.LOWER_BACK),
        ("lower  back", Group.LOWER_BACK),
        ("Lower-Back", Group.LOWER_BACK),
    ],
)
def test_group_spellings(text: str, group: Group) -> None:
    assert catalogue.parse_group(text) is group


def test_unknown_group_suggests() -> None:
    with pytest.raises(BackplanError, match="did you mean 'lats'"):
        catalogue.parse_group("latz")


def test_equipment_means_what_you_have() -> None:
    available = catalogue.parse_equipment(["dumbbell,bench"])
    assert available is not None
    chosen = SHIPPED.select(equipment=available)
    assert chosen
    assert all(set(e.equipment) <= {"dumbbell", "bench"} for e in chosen)
    # Bodyweight exercises always qualify.
    assert any(e.equipment == () for e in chosen)
    assert {e.id for e in chosen} == {
        e.id for e in SHIPPED.exercises if set(e.equipment) <= {"dumbbell", "bench"}
    }


def test_level_means_at_most() -> None:
    chosen = SHIPPED.select(level=Level.INTERMEDIATE)
    assert {e.level for e in chosen} == {Level.BEGINNER, Level.INTERMEDIATE}


def test_split_values() -> None:
    assert catalogue.split_values(["a,b", " c ", ",", "d, e"]) == ["a", "b", "c", "d", "e"]


# --- the cache of validated catalogues ------------------------------------------------------


def test_a_validated_catalogue_is_cached_and_read_back(tmp_path: Path, backplan_env: Path) -> None:
    path = write_catalogue(tmp_path / "c.yaml", [entry("a"), entry("b", "lower-back")])
    first = catalogue.load(path)
    cached = list((backplan_env / "cache").glob("catalogue-*.marshal"))
    assert len(cached) == 1
    assert catalogue.load(path).exercises == first.exercises


def test_an_edited_catalogue_is_validated_again(tmp_path: Path) -> None:
    path = write_catalogue(tmp_path / "c.yaml", [entry("a")])
    catalogue.load(path)
    write_catalogue(path, [entry("a", group="legs")])
    with pytest.raises(CatalogueError):
        catalogue.load(path)


def test_a_damaged_cache_is_ignored(tmp_path: Path, backplan_env: Path) -> None:
    path = write_catalogue(tmp_path / "c.yaml", [entry("a")])
    expected = catalogue.load(path).exercises
    for cached in (backplan_env / "cache").glob("catalogue-*.marshal"):
        cached.write_bytes(b"\x00garbage")
    assert catalogue.load(path).exercises == expected


def test_check_never_trusts_the_cache(tmp_path: Path, backplan_env: Path) -> None:
    path = write_catalogue(tmp_path / "c.yaml", [entry("a")])
    catalogue.load(path)
    assert catalogue.load(path, use_cache=False).exercises == catalogue.load(path).exercises
    cache = backplan_env / "cache"
    for cached in cache.glob("catalogue-*.marshal"):
        cached.unlink()
    catalogue.load(path, use_cache=False)
    assert not list(cache.glob("catalogue-*.marshal"))


# --- schema version 2 ------------------------------------------------------------------

V2_ENTRY = """\
version: 2
exercises:
  - id: side-plank
    name: Side Plank
    group: lower-back
    equipment: [bodyweight]
    level: beginner
    mechanic: isolation
    pattern: stability
    dose: seconds
    sides: each
    load: bodyweight
    range: [20, 45]
    goals: [hypertrophy, endurance]
    family: plank
    power: false
    harder: copenhagen-plank
    aliases: [Side Bridge]
    cues: [Stack the feet.]
  - id: copenhagen-plank
    name: Copenhagen Plank
    group: lower-back
    equipment: [bench]
    level: advanced
    mechanic: isolation
    dose: seconds
    range: [10, 30]
    easier: side-plank
    cues: [Top leg on the bench.]
"""


def test_a_version_2_catalogue_loads_with_every_field(tmp_path: Path) -> None:
    path = tmp_path / "c.yaml"
    path.write_text(V2_ENTRY, encoding="utf-8")
    loaded = catalogue.load(path)
    plank = loaded.by_id["side-plank"]
    assert (plank.dose, plank.sides, plank.load_kind) == (
        Dose.SECONDS,
        Sides.EACH,
        LoadKind.BODYWEIGHT,
    )
    assert plank.range == (20, 45)
    assert plank.goals == {Goal.HYPERTROPHY, Goal.ENDURANCE}
    assert (plank.family_name, plank.harder, plank.aliases) == ("plank", "copenhagen-plank",
                                                                ("Side Bridge",))  # fmt: skip
    assert loaded.get("side bridge") is plank  # an alias finds it
    copenhagen = loaded.by_id["copenhagen-plank"]
    assert copenhagen.family_name == "copenhagen-plank"  # its own id by default
    assert copenhagen.goals == frozenset(Goal)
    assert copenhagen.load_kind is LoadKind.BODYWEIGHT  # a bench takes no weight
    # The cache gives back the same values.
    assert catalogue.load(path).exercises == loaded.exercises


def test_version_1_gets_the_defaults(tmp_path: Path) -> None:
    path = write_catalogue(tmp_path / "c.yaml", [
        entry("row", "upper-back", equipment=["barbell"]),
        entry("band-row", "upper-back", equipment=["band"]),
        entry("pull-up", equipment=["pull-up-bar"]),
    ])  # fmt: skip
    loaded = catalogue.load(path)
    assert [e.load_kind for e in loaded.exercises] == [
        LoadKind.EXTERNAL, LoadKind.BAND, LoadKind.BODYWEIGHT,
    ]  # fmt: skip
    row = loaded.by_id["row"]
    assert (row.dose, row.sides, row.range, row.power) == (Dose.REPS, Sides.BOTH, None, False)


@pytest.mark.parametrize(
    ("old", "new", "line", "fragment"),
    [
        ("dose: seconds", "dose: secs", 10, "dose 'secs' is not known (did you mean 'seconds'?)"),
        ("sides: each", "sides: one", 11, "sides 'one' is not known"),
        ("load: bodyweight", "load: weighted", 12, "load 'weighted' is not known"),
        ("range: [20, 45]", "range: [45, 20]", 13, "runs backwards"),
        ("range: [20, 45]", "range: [20]", 13, "two positive whole numbers"),
        ("range: [20, 45]", "range: [0, 4.5]", 13, "two positive whole numbers"),
        ("goals: [hypertrophy, endurance]", "goals: [size]", 14, "unknown goal 'size'"),
        ("goals: [hypertrophy, endurance]", "goals: []", 14, "goals is empty"),
        ("family: plank", "family: Plank Family", 15, "family 'Plank Family' must be an id"),
        ("power: false", "power: maybe", 16, "power must be true or false"),
        ("harder: copenhagen-plank", "harder: copenhagen-plnk", 17,
         "harder 'copenhagen-plnk' is not an id in this file (did you mean 'copenhagen-plank'?)"),
        ("harder: copenhagen-plank", "harder: side-plank", 17, "harder names the exercise itself"),
        ("aliases: [Side Bridge]", "aliases: Side Bridge", 18, "aliases must be a list"),
        ("    range: [10, 30]\n", "", 26, "a dose in seconds needs its own range"),
        ("version: 2", "version: 1", 10, "field 'dose' needs 'version: 2'"),
        ("power: false", "pwer: false", 16, "unknown field 'pwer' (did you mean 'power'?)"),
    ],
)  # fmt: skip
def test_version_2_refusals(tmp_path: Path, old: str, new: str, line: int, fragment: str) -> None:
    assert old in V2_ENTRY
    problems = problems_of(tmp_path, V2_ENTRY.replace(old, new, 1))
    assert any(f"c.yaml:{line}: " in p and fragment in p for p in problems), problems


def test_shipped_catalogue_is_round_2_size() -> None:
    assert len(SHIPPED.exercises) >= 80
    for group in Group:
        assert sum(e.group is group for e in SHIPPED.exercises) >= 24
    # Seconds and metres always come with their own range.
    assert all(e.range for e in SHIPPED.exercises if e.dose is not Dose.REPS)
