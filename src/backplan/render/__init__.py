"""What people and scripts read: rich tables and panels, and the JSON documents.

The command line talks to this package alone; each view lives in its own module, and
the views are imported when first used, so a command pays only for what it prints.
"""

from importlib import import_module
from typing import TYPE_CHECKING, Any

from backplan.documents import (
    config_json,
    exercise_json,
    load_json,
    planned_json,
    sets_json,
    stats_json,
    status_json,
    workout_json,
)
from backplan.render.console import err, error, out, plural, print_json, warning, write_stdout

if TYPE_CHECKING:
    from backplan.render.body import weigh_json, weigh_view
    from backplan.render.catalogue import (
        MARK_WORDS,
        check_ok,
        exercise_panel,
        exercise_table,
        marks_table,
    )
    from backplan.render.guide import KEYS_HELP, step_screen, stopped_text, summary_view
    from backplan.render.imports import import_table, left_out, near_max
    from backplan.render.markdown import workout_markdown
    from backplan.render.programs import (
        program_ics,
        program_json,
        program_markdown,
        program_summary,
        program_view,
    )
    from backplan.render.progress import progress_json, progress_view
    from backplan.render.review import review_json, review_view
    from backplan.render.training import config_table, stats_view, status_table
    from backplan.render.workouts import history_table, volume_text, when_text, workout_view

_VIEWS = {
    "body": ("weigh_json", "weigh_view"),
    "catalogue": ("MARK_WORDS", "check_ok", "exercise_panel", "exercise_table", "marks_table"),
    "guide": ("KEYS_HELP", "step_screen", "stopped_text", "summary_view"),
    "imports": ("import_table", "left_out", "near_max"),
    "markdown": ("workout_markdown",),
    "progress": ("progress_json", "progress_view"),
    "review": ("review_json", "review_view"),
    "programs": (
        "program_ics",
        "program_json",
        "program_markdown",
        "program_summary",
        "program_view",
    ),
    "training": ("config_table", "stats_view", "status_table"),
    "workouts": ("history_table", "volume_text", "when_text", "workout_view"),
}
_HOME = {name: module for module, names in _VIEWS.items() for name in names}


def __getattr__(name: str) -> Any:
    if name not in _HOME:
        raise AttributeError(f"module 'backplan.render' has no attribute '{name}'")
    return getattr(import_module(f"backplan.render.{_HOME[name]}"), name)


__all__ = [
    "KEYS_HELP",
    "MARK_WORDS",
    "check_ok",
    "config_json",
    "config_table",
    "err",
    "error",
    "exercise_json",
    "exercise_panel",
    "exercise_table",
    "history_table",
    "import_table",
    "left_out",
    "load_json",
    "marks_table",
    "near_max",
    "out",
    "planned_json",
    "plural",
    "print_json",
    "program_ics",
    "program_json",
    "program_markdown",
    "program_summary",
    "program_view",
    "progress_json",
    "progress_view",
    "review_json",
    "review_view",
    "sets_json",
    "stats_json",
    "stats_view",
    "status_json",
    "status_table",
    "step_screen",
    "stopped_text",
    "summary_view",
    "volume_text",
    "warning",
    "weigh_json",
    "weigh_view",
    "when_text",
    "workout_json",
    "workout_markdown",
    "workout_view",
    "write_stdout",
]
