"""Your weigh-ins and their average, as people and scripts read them."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from rich.text import Text

from backplan.render.console import Column, fitted_table, out
from backplan.training.loads import number

if TYPE_CHECKING:
    from backplan.training.bodyweight import WeighIn

SHOWN = 14  # weigh-ins in the table: two weeks


def weigh_json(kept: Sequence[WeighIn], mean: float | None, unit: str) -> dict[str, Any]:
    return {
        "weigh_ins": [{"day": w.day.isoformat(), "weight": w.weight, "unit": w.unit} for w in kept],
        "average_7_days": None if mean is None else {"weight": round(mean, 2), "unit": unit},
    }


def weigh_view(
    kept: Sequence[WeighIn],
    mean: float | None,
    unit: str,
    today: WeighIn | None,
    before: WeighIn | None,
) -> None:
    if today is not None:
        line = f"Weighed in: {number(today.weight)} {today.unit} on {today.day:%a %d %b}"
        if before is not None:
            line += f" (replaces {number(before.weight)} {before.unit} logged earlier today)"
        out.print(line + ".", markup=False)
    if not kept:
        out.print("No weigh-ins yet. Record one with: backplan weigh 81.5", markup=False)
        return
    if today is None:
        columns = [Column("Day"), Column("Weight", justify="right")]
        rows = [[f"{w.day:%a %d %b %Y}", f"{number(w.weight)} {w.unit}"] for w in kept[:SHOWN]]
        out.print(fitted_table(columns, rows, "Your bodyweight"))
        if len(kept) > SHOWN:
            out.print(Text(f"The last {SHOWN} of {len(kept)}.", style="dim"))
    if mean is not None:
        out.print(f"7-day average: {number(round(mean, 1))} {unit}.", markup=False)
    else:
        out.print("No weigh-in in the last 7 days.", markup=False)
