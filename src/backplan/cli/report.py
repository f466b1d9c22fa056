"""`backplan report` (an offline HTML page of charts) and `backplan calendar` (a month of
sessions in the terminal)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from backplan.cli.options import CatalogOption, JsonOption, Whole, current_time, load_catalogue
from backplan.cli.root import app
from backplan.errors import BackplanError

if TYPE_CHECKING:
    from backplan.store.history import Store
    from backplan.training.model import Workout

MAX_WEEKS = 520  # ten years of charts
EVERY = 2**31  # sessions of a lift: all of them, for its records
DEFAULT_REPORT = Path("backplan-report.html")


@app.command()
def report(
    weeks: Annotated[
        int,
        typer.Option("--weeks", click_type=Whole(1, MAX_WEEKS), help="Weeks the charts cover."),
    ] = 12,
    output: Annotated[
        Path,
        typer.Option("--output", "-o", metavar="FILE", help="The HTML file to write."),
    ] = DEFAULT_REPORT,
    force: Annotated[
        bool, typer.Option("--force", help="Overwrite --output if it is not a report.")
    ] = False,
    open_: Annotated[bool, typer.Option("--open", help="Open the report in your browser.")] = False,
    catalog: CatalogOption = None,
) -> None:
    """Write one HTML page of charts of your last weeks: each main lift's training max,
    weekly sets against your band, a year of training days, bodyweight, how the back
    felt, effort and the movement patterns covered. Self-contained: reads offline on a
    phone, light or dark, prints on A4.

    Example: backplan report --weeks 8 --output block.html --open
    """
    from backplan import config, render
    from backplan.clock import EARLIEST
    from backplan.files import write_atomically
    from backplan.render.body import weigh_json
    from backplan.render.report import gather, html
    from backplan.render.report.facts import first_day
    from backplan.render.report.lifts import LiftHistory, families
    from backplan.store import history, migrations

    _check_report_path(output, force, migrations.default_path())
    known = load_catalogue(catalog)
    settings = config.load()
    today = current_time().date()
    with history.open_store(create=False) as store:
        documents = [render.workout_json(w, with_logs=True)
                     for w in _since(store, first_day(today, weeks))]  # fmt: skip
        weigh = weigh_json(store.weigh_ins(), None, settings.unit)
        charted = families(known.exercises, store.logged_counts(EARLIEST), bool(weigh["weigh_ins"]))
        sessions = {e.id: store.sessions(e.id, EVERY) for variants in charted for e in variants}
    facts = gather(documents, weigh, LiftHistory(charted, sessions), unit=settings.unit,
                   steps=settings.step, level=settings.level, today=today, weeks=weeks)  # fmt: skip
    text = html(facts)
    write_atomically(output, text)
    size = len(text.encode("utf-8"))
    said = f"Wrote the report of {render.plural(weeks, 'week')} to {output} ({size / 1024:.0f} KB)."
    render.err.print(said, markup=False, highlight=False, soft_wrap=True)
    if open_:
        _open(output)


def _since(store: Store, day: date) -> list[Workout]:
    """The workouts from `day` on, oldest first: the newest few, then more until one is
    older (the report reads a year, not a decade)."""
    count = 64
    while True:
        found = store.recent(count)
        if len(found) < count or found[-1].created.date() < day:
            return [w for w in reversed(found) if w.created.date() >= day]
        count *= 4


def _check_report_path(output: Path, force: bool, history_file: Path) -> None:
    """A new file, or a report written before (rewritten freely); anything else only with
    --force, and never the history itself, a folder or a device."""
    from backplan.cli.options import check_output
    from backplan.render.report.page import GENERATOR

    try:
        if not force and output.is_file():
            with output.open("rb") as head:
                force = GENERATOR.encode() in head.read(2048)
    except OSError as err:  # a name too long, a file we may not read
        raise BackplanError(f"{output}: cannot be checked ({err.strerror or err}).") from None
    check_output(output, force, history_file)


def _open(output: Path) -> None:
    import webbrowser

    from backplan import render

    url = output.resolve().as_uri()
    try:
        opened = webbrowser.open(url)
    except webbrowser.Error:
        opened = False
    if not opened:
        render.err.print(f"No browser to open it with; open {url}", markup=False, highlight=False,
                         soft_wrap=True)  # fmt: skip


@app.command()
def calendar(
    month: Annotated[
        str | None,
        typer.Argument(
            metavar="[MONTH]",
            help="The month, like 2026-11 (default: this one).",
            show_default=False,
        ),
    ] = None,
    json_: JsonOption = False,
) -> None:
    """The month's training days, a week a row: the sets logged each day.

    Example: backplan calendar 2026-11
    """
    from backplan.render.calendar import calendar_json, calendar_view, month_days
    from backplan.store import history

    today = current_time()
    first = _month(month, today.date())
    start, end = month_days(first, today)
    with history.open_store(create=False) as store:
        work = store.sets_between(start, end)
    if json_:
        from backplan import render

        render.print_json(calendar_json(first, work))
        return
    calendar_view(first, work, today.date())


def _month(text: str | None, today: date) -> date:
    """The first day of the month named (YYYY-MM), or of this one."""
    if text is None:
        return today.replace(day=1)
    try:
        year, month = (int(part) for part in text.strip().split("-"))
        return date(year, month, 1)
    except ValueError:
        raise BackplanError(f"'{text[:40]}' is not a month: write it like {today:%Y-%m}.") from None
