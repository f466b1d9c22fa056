"""Other apps' exercise names to the catalogue: a table of real Strong and Hevy names,
grips and equipment in brackets among them, each with the id it must map to or None
(left out: not a back exercise)."""

from __future__ import annotations

import pytest

from backplan import catalogue, paths
from backplan.catalogue.names import Names

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
