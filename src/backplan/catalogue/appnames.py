"""The name tables: back exercises as lifters and apps really write them, each to its
catalogue id; Strong's own name for each id (what `export --format strong` writes);
and the words that say a movement is not a back one (a press, a curl, an upright row).
"""

from __future__ import annotations

from backplan.catalogue.model import Pattern

# Names apps and lifters write that the catalogue's names and aliases do not reach,
# or reach wrongly: a qualifier that changes the load (weighted, assisted, one arm)
# picks its own exercise. Matched by their words, in any order, equipment aside.
WRITTEN = {
    "Reverse Grip Bent Over Row": "yates-row",
    "Reverse Grip Bent Over Row (Barbell)": "yates-row",
    "Bent Over Row - Underhand (Barbell)": "yates-row",
    "Reverse Grip Bent Over Row (Dumbbell)": "bent-over-two-dumbbell-row",
    "Standard Lat Pulldown": "lat-pulldown",
    "Mid Row": "seated-cable-row",
    "Mid Row (Cable)": "seated-cable-row",
    "Mid Row (Machine)": "machine-row",
    "Stiff Leg Deadlift": "romanian-deadlift",
    "Stiff Leg Deadlift (Barbell)": "romanian-deadlift",
    "Stiff Leg Deadlift (Dumbbell)": "dumbbell-romanian-deadlift",
    "Single Leg Deadlift": "single-leg-dumbbell-rdl",
    "Single Leg Deadlift (Dumbbell)": "single-leg-dumbbell-rdl",
    "Single Leg Romanian Deadlift (Dumbbell)": "single-leg-dumbbell-rdl",
    # No machine shrug in the catalogue: the same movement, loaded like a barbell's.
    "Shrug (Machine)": "barbell-shrug",
    "Shrug (Smith Machine)": "barbell-shrug",
    "Shrug (Trap Bar)": "trap-bar-shrug",
    "Bent Over Lateral Raise": "dumbbell-reverse-fly",
    "Bent Over Lateral Raise (Dumbbell)": "dumbbell-reverse-fly",
    "Bent Over Lateral Raise (Cable)": "cable-rear-delt-fly",
    "Rear Delt Raise (Dumbbell)": "dumbbell-reverse-fly",
    "Weighted Hyperextension": "weighted-back-extension",
    "Hyperextension (Weighted)": "weighted-back-extension",
    "Back Extension (Weighted)": "weighted-back-extension",
    "Weighted Back Extension (Machine)": "weighted-back-extension",
    "Single Arm Pulldown": "single-arm-cable-pulldown",
    "Single Arm Lat Pulldown": "single-arm-cable-pulldown",
    "Single Arm Lat Pulldown (Cable)": "single-arm-cable-pulldown",
    "One Arm Lat Pulldown (Cable)": "single-arm-cable-pulldown",
    # An assisted chin-up's weight is the help the machine gives, never a load.
    "Chin Up (Assisted)": "assisted-pull-up-machine",
    "Assisted Chin Up": "assisted-pull-up-machine",
    "Assisted Chin Up (Machine)": "assisted-pull-up-machine",
    "Pull Up (Assisted)": "assisted-pull-up-machine",
    "Assisted Pull Up (Machine)": "assisted-pull-up-machine",
    "Chin Up (Band)": "band-assisted-pull-up",
    "Band Assisted Chin Up": "band-assisted-pull-up",
}
# Strong's own names, for the export (each maps back to its id on import).
STRONG = {
    "conventional-deadlift": "Deadlift (Barbell)",
    "romanian-deadlift": "Romanian Deadlift (Barbell)",
    "dumbbell-romanian-deadlift": "Romanian Deadlift (Dumbbell)",
    "sumo-deadlift": "Sumo Deadlift (Barbell)",
    "trap-bar-deadlift": "Deadlift (Trap bar)",
    "rack-pull": "Rack Pull (Barbell)",
    "good-morning": "Good Morning (Barbell)",
    "barbell-bent-over-row": "Bent Over Row (Barbell)",
    "bent-over-two-dumbbell-row": "Bent Over Row (Dumbbell)",
    "one-arm-dumbbell-row": "Bent Over One Arm Row (Dumbbell)",
    "pendlay-row": "Pendlay Row (Barbell)",
    "t-bar-row": "T Bar Row",
    "seated-cable-row": "Seated Row (Cable)",
    "machine-row": "Seated Row (Machine)",
    "wide-grip-cable-row": "Seated Wide-Grip Row (Cable)",
    "lat-pulldown": "Lat Pulldown (Cable)",
    "wide-grip-lat-pulldown": "Lat Pulldown - Wide Grip (Cable)",
    "close-grip-lat-pulldown": "Lat Pulldown - Close Grip (Cable)",
    "underhand-lat-pulldown": "Lat Pulldown - Underhand (Cable)",
    "band-lat-pulldown": "Lat Pulldown (Band)",
    "single-arm-cable-pulldown": "Single Arm Lat Pulldown (Cable)",
    "pull-up": "Pull Up",
    "assisted-pull-up-machine": "Pull Up (Assisted)",
    "band-assisted-pull-up": "Pull Up (Band)",
    "weighted-pull-up": "Pull Up (Weighted)",
    "chin-up": "Chin Up",
    "weighted-chin-up": "Chin Up (Weighted)",
    "wide-grip-pull-up": "Wide Pull Up",
    "neutral-grip-pull-up": "Neutral Grip Pull Up",
    "straight-arm-cable-pulldown": "Straight Arm Lat Pulldown (Cable)",
    "band-straight-arm-pulldown": "Straight Arm Pulldown (Band)",
    "face-pull": "Face Pull (Cable)",
    "band-face-pull": "Face Pull (Band)",
    "dumbbell-reverse-fly": "Reverse Fly (Dumbbell)",
    "cable-rear-delt-fly": "Reverse Fly (Cable)",
    "reverse-pec-deck": "Reverse Fly (Machine)",
    "barbell-shrug": "Shrug (Barbell)",
    "dumbbell-shrug": "Shrug (Dumbbell)",
    "back-extension": "Back Extension",
    "weighted-back-extension": "Back Extension (Weighted)",
    "inverted-row": "Inverted Row (Bodyweight)",
    "kettlebell-swing": "Kettlebell Swing",
    "dumbbell-pullover": "Pullover (Dumbbell)",
    "chest-supported-row": "Chest Supported Incline Row (Dumbbell)",
    "meadows-row": "Meadows Rows (Barbell)",
    "farmers-carry": "Farmers Walk",
}
# Words that say a movement outside the back, whatever else the name says.
NOT_BACK = frozenset({
    "press", "curl", "pushdown", "pushup", "upright", "crunch", "situp", "lunge", "squat",
    "bench", "dip", "kickback", "skullcrusher", "tricep", "bicep", "calf", "thrust",
    "crossover", "adduction", "abduction", "preacher", "wrist", "twist", "rollout",
})  # fmt: skip
# Words that say it unless a back word is there too: "fly" alone is chest, "reverse
# fly" the rear delts; "lateral raise" the shoulders, "bent over lateral raise" the back.
NOT_BACK_ALONE = frozenset({"fly", "flye", "pec", "raise", "lateral", "front", "leg", "up",
                            "hammer", "chest"})  # fmt: skip
BACK_AGAIN = frozenset({"reverse", "rear", "bent", "deadlift", "rdl", "prone", "ytw",
                        "pullup", "chinup", "row"})  # fmt: skip
# The movement a name's words say, which a match must share.
MOVEMENT = {
    "row": (Pattern.HORIZONTAL_PULL, Pattern.STABILITY),
    "pulldown": (Pattern.VERTICAL_PULL, Pattern.STRAIGHT_ARM),
    "pullup": (Pattern.VERTICAL_PULL, Pattern.SCAPULAR),
    "chinup": (Pattern.VERTICAL_PULL,),
    "deadlift": (Pattern.HINGE,),
    "rdl": (Pattern.HINGE,),
    "shrug": (Pattern.SHRUG,),
    "extension": (Pattern.EXTENSION,),
    "hyperextension": (Pattern.EXTENSION,),
    "fly": (Pattern.SCAPULAR,),
    "pullover": (Pattern.STRAIGHT_ARM,),
    "swing": (Pattern.HINGE,),
}
