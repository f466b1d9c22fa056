"""Sets typed at `log` and `go`, read for the exercise; a set that can mean two things
is asked about on a terminal (the question is the CLI's, the doubt is `reading`'s)."""

from __future__ import annotations

import sys
from collections.abc import Callable

from backplan import render
from backplan.errors import BackplanError
from backplan.training.loads import SetDone
from backplan.training.reading import Ambiguous, Context, read

# Asks one line (the prompt given), returns the answer or None at the end of input.
Asker = Callable[[str], "str | None"]


def on_a_terminal() -> bool:
    return sys.stdin.isatty() and sys.stdout.isatty()


def read_sets(text: str, context: Context, ask: Asker | None = None) -> list[SetDone]:
    """The sets `text` means; with `ask` (a terminal), a doubt is a question, else an
    error that gives every spelling."""
    try:
        return read(text, context)
    except Ambiguous as doubt:
        if ask is None:
            raise
        return choose(doubt, context, ask)


def choose(doubt: Ambiguous, context: Context, ask: Asker) -> list[SetDone]:
    """Which meaning: by its number, or a set typed again the way it was meant."""
    choices = [m for m in doubt.meanings if m.sets is not None]
    render.err.print(f"'{doubt.text}' on {doubt.name} can mean:", markup=False)
    for number, meaning in enumerate(doubt.meanings, start=1):
        pick = f"{number}" if meaning.sets is not None else " "
        render.err.print(f"  {pick}  {meaning.says} (write {meaning.spelling})", markup=False)
    numbers = "/".join(str(doubt.meanings.index(m) + 1) for m in choices)
    prompt = f"Which? {numbers + ', ' if numbers else ''}or type the set again: "
    while True:
        answer = ask(prompt)
        if answer is None or not answer.strip():
            raise BackplanError(f"'{doubt.text}' was not logged: nothing was chosen.")
        answer = answer.strip()
        if answer.isdigit() and 1 <= int(answer) <= len(doubt.meanings):
            sets = doubt.meanings[int(answer) - 1].sets
            if sets is not None:
                return list(sets)
        try:
            return read(answer, context)
        except Ambiguous as again:
            doubt = again
            render.err.print(again.message, markup=False)
        except BackplanError as err:
            render.err.print(err.message, markup=False)


def typed_line(prompt: str) -> str | None:
    """A line typed at a plain prompt (log's); None at the end of input."""
    sys.stderr.write(prompt)
    sys.stderr.flush()
    line = sys.stdin.readline()
    return line if line else None
