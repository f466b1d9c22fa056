"""How a session's slots are shared among its groups: recovery, weekly volume, the
lower-back cap.

A whole-back session spreads its slots evenly, round-robin. Groups still recovering
give theirs to the ready ones (NSCA: a rest day between sessions that stress the
same muscles). Weekly volume leans the split toward a group under 10 sets in the
last 7 days and away from one at its week's ceiling, 20 (the lower back 12; Schoenfeld,
Ogborn & Krieger 2017). The lower back, a stabiliser, takes at most two exercises of
a whole-back session.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from backplan.catalogue.model import Group

LOWER_BACK_CAP = 2  # exercises in a whole-back session
WEEKLY_LOW = 10  # sets a week: under this, a group gets a slot more
WEEKLY_HIGH = 20  # the top of the 10-20 band that grows muscle best
# At this many sets a week, a slot fewer (and `volume` halves its sets today); the
# erectors, loaded by every hinge and row, have a lower one.
WEEK_CEILING = {Group.LATS: WEEKLY_HIGH, Group.UPPER_BACK: WEEKLY_HIGH, Group.LOWER_BACK: 12}


@dataclass(frozen=True)
class Shares:
    groups: tuple[Group, ...]  # the groups that train, in round-robin order
    targets: dict[Group, int]  # slots each group should fill
    caps: dict[Group, int | None]  # the most a group may take when others run out
    notes: tuple[str, ...]


def labels(groups: Sequence[Group], joiner: str = " or ") -> str:
    return joiner.join(group.label for group in groups)


def trained_groups(
    named: Sequence[Group], recovering: frozenset[Group], handed_on: bool = True
) -> tuple[tuple[Group, ...], str | None]:
    """The session's groups: those named, or the recovered ones of all three. Without
    `handed_on` (a program's day) a recovering group's exercises are left out."""
    if named:
        return tuple(named), None
    tired = [g for g in Group if g in recovering]
    if not tired:
        return tuple(Group), None
    ready = tuple(g for g in Group if g not in recovering)
    if not ready:
        return tuple(Group), (
            "Every group had a hard session yesterday or today, so this session goes ahead "
            "anyway: keep it light, or rest a day."
        )
    then = (
        f"Their slots went to {labels(ready, ' and ')}."
        if handed_on
        else "Their exercises are left out: a shorter session."
    )
    return ready, (
        f"Still recovering (4 or more hard sets yesterday or today): {labels(tired, ', ')}. " + then
    )


def share(
    groups: tuple[Group, ...],
    count: int,
    whole_back: bool,
    weekly_sets: Mapping[Group, float],
    fixed: Mapping[Group, int] | None = None,
) -> Shares:
    """`count` slots over `groups`; `whole_back` when no group was named. `fixed` (a
    program's day) says how many each group takes, and no more."""
    if fixed:
        return Shares(
            groups, {g: fixed.get(g, 0) for g in groups}, {g: fixed.get(g, 0) for g in groups}, ()
        )
    targets = {g: count // len(groups) + (i < count % len(groups)) for i, g in enumerate(groups)}
    notes: list[str] = []
    caps: dict[Group, int | None] = dict.fromkeys(groups)
    if whole_back and Group.LOWER_BACK in targets:
        caps[Group.LOWER_BACK] = LOWER_BACK_CAP
        excess = targets[Group.LOWER_BACK] - LOWER_BACK_CAP
        others = [g for g in groups if g is not Group.LOWER_BACK]
        if excess > 0:
            targets[Group.LOWER_BACK] = LOWER_BACK_CAP
            for index in range(excess):
                if others:
                    targets[others[index % len(others)]] += 1
            if not others:
                notes.append(
                    f"A shorter session: the lower back is a stabiliser, so a whole-back "
                    f"session gives it at most {LOWER_BACK_CAP} exercises."
                )
    if whole_back and weekly_sets:
        notes += _lean(groups, targets, caps, weekly_sets)
    return Shares(groups, targets, caps, tuple(notes))


def _lean(
    groups: tuple[Group, ...],
    targets: dict[Group, int],
    caps: Mapping[Group, int | None],
    weekly: Mapping[Group, float],
) -> list[str]:
    """Move a slot away from each group at its week's ceiling, and toward each under 10,
    within the caps."""

    def room(group: Group) -> bool:
        cap = caps[group]
        return cap is None or targets[group] < cap

    def sets(group: Group) -> str:
        return f"{weekly.get(group, 0):g} sets in the last 7 days"

    notes = []
    gained: set[Group] = set()
    over = [g for g in groups if weekly.get(g, 0) >= WEEK_CEILING[g]]
    for group in over:
        takers = [g for g in groups if g not in over and room(g)]
        if targets[group] > 1 and takers:
            taker = min(takers, key=lambda g: weekly.get(g, 0))
            targets[group] -= 1
            targets[taker] += 1
            gained.add(taker)
            notes.append(
                f"{group.label.capitalize()} had {sets(group)} ({WEEK_CEILING[group]} or "
                f"more): one slot went to {taker.label}."
            )
    for group in groups:
        if weekly.get(group, 0) >= WEEKLY_LOW or group in gained or not room(group):
            continue
        givers = [g for g in groups if weekly.get(g, 0) >= WEEKLY_LOW and targets[g] > 1]
        if givers:
            giver = max(givers, key=lambda g: weekly.get(g, 0))
            targets[giver] -= 1
            targets[group] += 1
            notes.append(
                f"{group.label.capitalize()} had {sets(group)}, under the {WEEKLY_LOW} a week "
                f"that grow muscle best (Schoenfeld 2017): one more slot, from {giver.label}."
            )
    return notes
