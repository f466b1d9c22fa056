"""The back report: one offline HTML page of charts, from the history's documents.

Only `backplan report` imports this package, so no other command pays for it.
"""

from __future__ import annotations

from backplan.catalogue.model import Group, Level
from backplan.render.report.body import more_charts
from backplan.render.report.charts import calendar_chart, calendar_legend, group_chart, lift_charts
from backplan.render.report.facts import Facts, gather
from backplan.render.report.page import page
from backplan.training.loads import number

__all__ = ["Facts", "gather", "html"]


def html(facts: Facts) -> str:
    """The report's whole file."""
    weeks = len(facts.weeks)
    sets = sum(sum(w.sets[g] for g in Group) for w in facts.weeks)
    records = sum(p.record for lift in facts.lifts for p in lift.points)
    figures = [
        (str(facts.sessions), "sessions"),
        (number(round(sets, 1)), "hard sets"),
        (f"{facts.sessions / weeks:.1f}", "sessions a week"),
        (str(records), "records"),
    ]
    subtitle = (
        f"The {weeks} week{'s' * (weeks != 1)} from {facts.start:%a %-d %b %Y} "
        f"to {facts.today:%a %-d %b %Y}; loads in {facts.unit}; bands for "
        f"{'an' if facts.level is Level.INTERMEDIATE or facts.level is Level.ADVANCED else 'a'} "
        f"{facts.level.value} lifter."
    )
    groups = [
        lift_charts(facts),
        [group_chart(g, facts) for g in Group],
        [calendar_chart(facts)],
        more_charts(facts),
    ]
    footer = (
        "Made by backplan report from your history on this device; nothing here was "
        "fetched or sent. Training max: Epley's estimate with the reps in reserve. "
        "Training guidance, not a diagnosis."
    )
    return page("Your back training", subtitle, figures, groups, calendar_legend(), footer)
