"""`backplan weigh`: your bodyweight, a weigh-in a day, and its 7-day average."""

from __future__ import annotations

from typing import Annotated

import typer

from backplan import render
from backplan.cli.options import JsonOption, Words, current_time
from backplan.cli.root import app


@app.command()
def weigh(
    weight: Annotated[
        str | None,
        typer.Argument(
            metavar="[WEIGHT]",
            click_type=Words(),
            help="Today's bodyweight: 81, 81.5kg, 178lb (in your unit unless it says).",
            show_default=False,
        ),
    ] = None,
    json_: JsonOption = False,
) -> None:
    """Record today's bodyweight, or show your weigh-ins and their 7-day average.

    One weigh-in a day: a second one replaces it. The load you move on a pull-up is
    your bodyweight plus what you add.

    Example: backplan weigh 81.5
    """
    from backplan import config
    from backplan.store import history
    from backplan.training.bodyweight import WeighIn, average, parse_bodyweight

    unit = config.load().unit
    now = current_time()
    if weight is not None:
        value, said = parse_bodyweight(weight, unit)
        today = WeighIn(now.date(), value, said)
        with history.open_store() as store:
            before = store.weigh(today, now.timestamp())
            kept = store.weigh_ins()
    else:
        with history.open_store(create=False) as store:
            kept = store.weigh_ins()
        today = None
        before = None
    mean = average(kept, now.date(), unit)
    if json_:
        render.print_json(render.weigh_json(kept, mean, unit))
        return
    render.weigh_view(kept, mean, unit, today, before)
