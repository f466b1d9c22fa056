"""Numbers several parts of backplan agree on, in one place."""

DEFAULT_EXERCISES = 6
MAX_EXERCISES = 12
SETTINGS = ("equipment", "level", "goal", "exercises", "unit", "step")  # config.toml's keys
STEP_SETTING = "step"  # step.EQUIPMENT: the smallest jump that equipment allows
MAX_STEP = 50.0
