"""The typer app: its root options, and every expected failure turned into an exit code."""

import sys
from collections.abc import Sequence
from typing import Annotated, Any

import typer

# typer (0.29 and later) carries its own click; these are the types its parser raises.
from typer._click.core import Context
from typer._click.exceptions import BadParameter, ClickException, NoSuchOption, UsageError
from typer.core import TyperGroup

from backplan import __version__, render
from backplan.cli.options import HELP
from backplan.errors import USAGE, BackplanError, Halt


class BackplanGroup(TyperGroup):
    """Turns every expected failure into one clear stderr line and the spec's exit code."""

    def invoke(self, ctx: Context) -> Any:
        try:
            return super().invoke(ctx)
        except (BackplanError, Halt) as failure:
            render.error(failure.message, failure.details)
            raise typer.Exit(failure.exit_code) from None

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        windows_expand_args: bool = True,
        **extra: Any,
    ) -> Any:
        if args is None:
            args = sys.argv[1:]
        if not args:
            args = ["--help"]  # `backplan` alone: the help, and success
        call = (args, prog_name, complete_var, False, windows_expand_args)
        if not standalone_mode:
            return super().main(*call, **extra)
        # Click's own usage errors come out as one line, like backplan's.
        try:
            code = super().main(*call, **extra)
        except typer.Abort:
            # A "no", Ctrl-C or the end of input at a question: the user's answer.
            render.error("Stopped at the question; nothing was changed.")
            sys.exit(USAGE)
        except ClickException as failure:
            hint = ""
            if isinstance(failure, UsageError) and failure.ctx is not None:
                hint = f" Try '{failure.ctx.command_path} --help'."
            message = failure.format_message().rstrip()
            if isinstance(failure, NoSuchOption) and _negative(failure.option_name):
                # `weigh -1`: a number, not an option click does not know.
                name = failure.option_name  # click names '-8' of '-80'
                typed = next((a for a in args if a.startswith(name)), name)
                message = f"{typed} is a negative number; none is below 0 here"
            if type(failure) is BadParameter and failure.param_hint is None:
                # "--exercises: must be from 1 to 12, not 13." rather than click's preamble.
                param = failure.param
                name = "value"
                if param is not None:
                    name = (
                        param.opts[0]
                        if param.param_type_name == "option"
                        else (param.human_readable_name)
                    )
                message = f"{name}: {failure.message}"
            if hint and not message.endswith((".", "?", ")")):
                message += "."
            render.error(message + hint)
            sys.exit(failure.exit_code)
        sys.exit(code if isinstance(code, int) else 0)


def _negative(option: str) -> bool:
    """'-1', '-2.5', '-80kg': a negative amount typed where an argument was meant."""
    return len(option) > 1 and (option[1].isdigit() or option[1:2] == ".")


app = typer.Typer(
    cls=BackplanGroup,
    context_settings=HELP,
    rich_markup_mode="markdown",  # a docstring's paragraphs reflow to the terminal
    add_completion=True,
    pretty_exceptions_enable=False,
)


def version_line() -> str:
    """backplan's version and the schema versions of the files it reads and writes."""
    from backplan.catalogue.model import SCHEMA_VERSION as CATALOGUE_SCHEMA
    from backplan.store.migrations import SCHEMA_VERSION as HISTORY_SCHEMA

    return (
        f"backplan {__version__} (history schema {HISTORY_SCHEMA}, "
        f"catalogue schema {CATALOGUE_SCHEMA})"
    )


def _version(value: bool) -> None:
    if value:
        typer.echo(version_line())
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option(
            "--version",
            help="Print the version (and the history's and catalogue's schemas) and exit.",
            callback=_version,
            is_eager=True,
        ),
    ] = False,
) -> None:
    """Plan varied back workouts: lats, upper back and lower back.

    Example: backplan workout --group lats --minutes 45
    """
