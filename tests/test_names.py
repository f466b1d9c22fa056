"""Other apps' exercise names to the catalogue: a table of real Strong and Hevy names,
grips and equipment in brackets among them, each with the id it must map to or None
(left out: not a back exercise)."""

from __future__ import annotations

import pytest

from backplan import catalogue, paths
from backplan.catalogue.appnames import STRONG
from backplan.catalogue.names import Names, movement, outside_back

TABLE = [
    # Strong
    ("Deadlift (Barbell)", "conventional-deadlift"),
    ("Romanian Deadlift (Barbell)", "romanian-deadlift"),
    ("Romanian Deadlift (Dumbbell)", "dumbbell-romanian-deadlift"),
    ("Sumo Deadlift (Barbell)", "sumo-deadlift"),
    ("Trap Bar Deadlift", "trap-bar-deadlift"),
    ("Deadlift (Trap bar)", "trap-bar-deadlift"),
    ("Rack Pull (Barbell)", "rack-pull"),
    ("Good Morning (Barbell)", "good-morning"),
    ("Bent Over Row (Barbell)", "barbell-bent-over-row"),
    ("Bent Over Row (Dumbbell)", "bent-over-two-dumbbell-row"),
    ("Bent Over One Arm Row (Dumbbell)", "one-arm-dumbbell-row"),
    ("Pendlay Row (Barbell)", "pendlay-row"),
    ("T Bar Row", "t-bar-row"),
    ("Seated Row (Cable)", "seated-cable-row"),
    ("Seated Row (Machine)", "machine-row"),
    ("Seated Wide-Grip Row (Cable)", "wide-grip-cable-row"),
    ("Lat Pulldown (Cable)", "lat-pulldown"),
    ("Lat Pulldown (Machine)", "lat-pulldown"),
    ("Lat Pulldown - Wide Grip (Cable)", "wide-grip-lat-pulldown"),
    ("Lat Pulldown - Close Grip (Cable)", "close-grip-lat-pulldown"),
    ("Lat Pulldown - Underhand (Cable)", "underhand-lat-pulldown"),
    ("Lat Pulldown (Band)", "band-lat-pulldown"),
    ("Pull Up", "pull-up"),
    ("Pull Up (Assisted)", "assisted-pull-up-machine"),
    ("Pull Up (Band)", "band-assisted-pull-up"),
    ("Pull Up (Weighted)", "weighted-pull-up"),
    ("Chin Up", "chin-up"),
    ("Chin Up (Weighted)", "weighted-chin-up"),
    ("Wide Pull Up", "wide-grip-pull-up"),
    ("Neutral Grip Pull Up", "neutral-grip-pull-up"),
    ("Straight Arm Lat Pulldown (Cable)", "straight-arm-cable-pulldown"),
    ("Straight Arm Pulldown (Band)", "band-straight-arm-pulldown"),
    ("Face Pull (Cable)", "face-pull"),
    ("Face Pull (Band)", "band-face-pull"),
    ("Reverse Fly (Dumbbell)", "dumbbell-reverse-fly"),
    ("Reverse Fly (Cable)", "cable-rear-delt-fly"),
    ("Reverse Fly (Machine)", "reverse-pec-deck"),
    ("Shrug (Barbell)", "barbell-shrug"),
    ("Shrug (Dumbbell)", "dumbbell-shrug"),
    ("Back Extension", "back-extension"),
    ("Back Extension (Weighted)", "weighted-back-extension"),
    ("Inverted Row (Bodyweight)", "inverted-row"),
    ("Kettlebell Swing", "kettlebell-swing"),
    ("Pullover (Dumbbell)", "dumbbell-pullover"),
    ("Squat (Barbell)", None),
    ("Bench Press (Barbell)", None),
    ("Bicep Curl (Dumbbell)", None),
    ("Overhead Press (Barbell)", None),
    ("Leg Press", None),
    # Hevy
    ("Seated Cable Row - V Grip (Cable)", "seated-cable-row"),
    ("Seated Cable Row - Bar Wide Grip", "wide-grip-cable-row"),
    ("Single Arm Lat Pulldown", "single-arm-cable-pulldown"),
    ("Single Arm Cable Row", "single-arm-cable-row"),
    ("Dumbbell Row", "one-arm-dumbbell-row"),
    ("Rear Delt Reverse Fly (Dumbbell)", "dumbbell-reverse-fly"),
    ("Rear Delt Reverse Fly (Machine)", "reverse-pec-deck"),
    ("Rear Delt Reverse Fly (Cable)", "cable-rear-delt-fly"),
    ("Back Extension (Hyperextension)", "back-extension"),
    ("Reverse Hyperextension", "reverse-hyperextension"),
    ("Superman", "superman"),
    ("Bird Dog", "bird-dog"),
    ("Side Plank", "side-plank"),
    ("Dead Hang", "dead-hang"),
    ("Scapular Pull Ups", "scapular-pull-up"),
    ("Farmers Walk", "farmers-carry"),
    ("Meadows Rows (Barbell)", "meadows-row"),
    ("Chest Supported Incline Row (Dumbbell)", "chest-supported-row"),
    ("Iso-Lateral Row (Machine)", "machine-row"),
    ("Band Pull Apart", "band-pull-apart"),
    ("Plank", None),
    ("Hip Thrust (Barbell)", None),
    ("Triceps Pushdown", None),
    # Never a back lift, whatever words they share with one.
    ("Upright Row (Barbell)", None),
    ("Upright Row (Cable)", None),
    ("Incline Dumbbell Press", None),
    ("Incline Bench Press (Dumbbell)", None),
    ("Pec Deck (Machine)", None),
    ("Reverse Curl (Barbell)", None),
    ("Reverse Curl (Dumbbell)", None),
    ("Triceps Pushdown (Cable - Straight Bar)", None),
    ("V Up", None),
    ("V-Up", None),
    ("Lateral Raise (Dumbbell)", None),
    ("Chest Fly", None),
    ("Hammer Curl (Dumbbell)", None),
    ("Leg Curl", None),
    # Back lifts as lifters write them; a qualifier that changes the load picks its own.
    ("Reverse Grip Bent Over Row", "yates-row"),
    ("Standard Lat Pulldown", "lat-pulldown"),
    ("Mid Row", "seated-cable-row"),
    ("Stiff Leg Deadlift", "romanian-deadlift"),
    ("Single Leg Deadlift", "single-leg-dumbbell-rdl"),
    ("Shrug (Machine)", "barbell-shrug"),
    ("Bent Over Lateral Raise", "dumbbell-reverse-fly"),
    ("Weighted Hyperextension", "weighted-back-extension"),
    ("Hyperextension (Weighted)", "weighted-back-extension"),
    ("Single Arm Pulldown", "single-arm-cable-pulldown"),
    ("Chin Up (Assisted)", "assisted-pull-up-machine"),
    ("Assisted Chin-Up", "assisted-pull-up-machine"),
    ("McGill Curl-Up", "mcgill-curl-up"),
    ("Lat Pushdown", "straight-arm-cable-pulldown"),
]
NAMES = Names(catalogue.load(paths.shipped_catalogue()))


@pytest.mark.parametrize(("name", "expected"), TABLE)
def test_a_real_name_maps_where_a_lifter_means(name: str, expected: str | None) -> None:
    match = NAMES.match(name)
    assert (match.exercise.id if match.exercise else None) == expected, match.how


def test_the_table_is_big_enough_and_names_real_exercises() -> None:
    assert len(TABLE) >= 40
    known = {e.id for e in NAMES.catalogue.exercises}
    assert {ident for _, ident in TABLE if ident} <= known


def test_an_assisted_chin_up_is_a_move_whose_weight_is_help() -> None:
    found = NAMES.match("Chin Up (Assisted)").exercise
    assert found is not None
    assert found.load_kind.value == "assisted"


def test_a_close_match_below_the_line_is_a_question_never_a_mapping() -> None:
    match = NAMES.match("Rowing Machine")
    assert match.exercise is None
    assert match.ask == "machine-row"
    assert "close" in match.how


def test_a_match_shares_the_movement_its_words_say() -> None:
    for name, ident in TABLE:
        match = NAMES.match(name)
        if match.exercise is None or ident is None or match.how in ("table", "alias", "name"):
            continue
        moves = movement(name)
        assert moves is None or match.exercise.pattern in moves, (name, match.how)


def test_strong_names_in_the_export_map_back_to_their_ids() -> None:
    for ident, name in STRONG.items():
        match = NAMES.match(name)
        assert match.exercise is not None, name
        assert match.exercise.id == ident, (name, match.how)


@pytest.mark.parametrize(
    ("name", "word"),
    [("Upright Row (Barbell)", "upright"), ("Incline Dumbbell Press", "press"),
     ("Pec Deck (Machine)", "pec"), ("V-Up", "up"), ("Reverse Curl (Barbell)", "curl"),
     ("Reverse Fly (Machine)", None), ("Bent Over Lateral Raise", None),
     ("McGill Curl-Up", None), ("Single Leg Deadlift", None)],
)  # fmt: skip
def test_the_word_that_says_a_movement_is_outside_the_back(name: str, word: str | None) -> None:
    assert outside_back(name) == word
