"""Numbers several parts of backplan agree on, in one place."""

DEFAULT_EXERCISES = 6
MAX_EXERCISES = 12
SETTINGS = ("equipment", "level", "goal", "exercises", "unit")  # config.toml's keys
