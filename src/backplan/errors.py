"""The one exception type backplan raises for expected failures."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

# Exit codes from the spec: 1 when the environment failed, 2 when the input is wrong.
ENVIRONMENT = 1
USAGE = 2


class BackplanError(Exception):
    """An expected failure: the CLI prints it to stderr and exits with `exit_code`.

    `details` (such as `FILE:LINE: message` problems) are printed as they are, before it.
    """

    def __init__(
        self, message: str, *, details: Sequence[str] = (), exit_code: int = USAGE
    ) -> None:
        super().__init__(message)
        self.message = message
        self.details = tuple(details)
        self.exit_code = exit_code


class Halt(Exception):
    """An environment failure that ends whatever runs, a session at the gym included (which
    shows a BackplanError on its screen and asks again): the disk is full or failing, so
    nothing more can be kept. Not a BackplanError, so nothing on the way catches it."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message
        self.details: tuple[str, ...] = ()
        self.exit_code = ENVIRONMENT


def closest(word: str, choices: Iterable[str]) -> str | None:
    """The choice closest to `word`, or None when nothing is close."""
    import difflib  # only on the way to an error message or a question

    close = difflib.get_close_matches(word.lower(), list(choices), n=1, cutoff=0.6)
    return close[0] if close else None


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """' (did you mean 'x'?)' for the closest choice, or '' when nothing is close."""
    close = closest(word, choices)
    return f" (did you mean '{close}'?)" if close else ""
