"""Numbers several parts of backplan agree on, in one place."""

DEFAULT_EXERCISES = 6
MAX_EXERCISES = 12
MAX_MINUTES = 24 * 60  # --minutes: a day is more than any session
SETTINGS = (
    "equipment",
    "level",
    "goal",
    "exercises",
    "unit",
    "step",
    "plates",
    "bar",
)  # config.toml's keys
STEP_SETTING = "step"  # step.EQUIPMENT: the smallest jump that equipment allows
MAX_STEP = 50.0
