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
    "sync_dir",
)  # config.toml's keys
STEP_SETTING = "step"  # step.EQUIPMENT: the smallest jump that equipment allows
MAX_STEP = 50.0
PROGRAM_WEEKS = (4, 12)  # a block's length, and its sessions a week
PROGRAM_DAYS = (2, 5)
DEFAULT_WEEKS, DEFAULT_DAYS = 4, 3
AUTO = "auto"  # a program's goal when its days undulate
