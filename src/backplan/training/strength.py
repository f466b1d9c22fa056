"""How strong you are at a lift, from its logged sets: the estimated one-rep max of a
set and of a session, and the training max every suggestion reads.

One estimate for all of backplan (Epley: weight × (1 + reps / 30)), with the reps
left in reserve counted as reps that were there (Helms et al. 2016). A set logged
without an effort counts at the effort it was prescribed, not as a set to failure.

The training max is the latest session's estimate, except that one session short of
its range (a bad day) does not lower it: only a second one in a row does. A set of
more than 12 reps (a guess at the far end of Epley's range) raises it by one step
at most.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from backplan.training.loads import Session, SetDone, floor_to, number

HIGH_REPS = 12  # past this, Epley guesses: such a set raises the estimate a step at most


def e1rm(s: SetDone, unit: str, rir: float | None = None) -> float:
    """Epley's estimated one-rep max of a set; `rir`: the effort it was prescribed at,
    for a set logged without one."""
    left = s.rir if s.rir is not None else (rir or 0)
    return s.weight_in(unit) * (1 + (s.reps + left) / 30)


@dataclass(frozen=True)
class Estimate:
    """A session's best work set and what it says of your one-rep max."""

    e1rm: float
    best: SetDone
    rir: float  # the reps in reserve counted for it

    def text(self, unit: str) -> str:
        """'e1RM 124 kg (10×95 kg, 2 RIR)'."""
        s = self.best  # as it was lifted: 5×315 lb stays 315 lb
        return (
            f"e1RM {number(round(self.e1rm, 1))} {unit} "
            f"({s.reps}×{number(s.weight or 0)} {s.unit}, {number(self.rir)} RIR)"
        )


def estimate(session: Session, unit: str) -> Estimate | None:
    """The session's best estimate from a loaded work set; None with no load."""
    loaded = [s for s in session.sets if s.weight]
    if not loaded:
        return None
    best = max(loaded, key=lambda s: e1rm(s, unit, session.rir))
    left = best.rir if best.rir is not None else float(session.rir or 0)
    return Estimate(e1rm(best, unit, session.rir), best, left)


def short(session: Session) -> bool:
    """Most sets under the bottom of the range (an imported session has no range)."""
    if session.imported or not session.sets:
        return False
    return sum(s.reps < session.reps_min for s in session.sets) * 2 > len(session.sets)


def training_max(sessions: Sequence[Session], unit: str, step: float) -> Estimate | None:
    """The estimate loads follow, from the sessions newest first (see the module)."""
    found = [(session, e) for session in sessions if (e := estimate(session, unit)) is not None]
    if not found:
        return None
    latest_session, latest = found[0]
    if len(found) == 1:
        return latest
    before_session, before = found[1]
    if short(latest_session) and not short(before_session) and latest.e1rm < before.e1rm:
        return before  # one bad day
    if latest.best.reps > HIGH_REPS and latest.e1rm > before.e1rm + step:
        capped = before.e1rm + step
        return Estimate(capped, latest.best, latest.rir)
    return latest


def load_for(tm: float, reps: int, rir: float, step: float, above: float = 0.0) -> float:
    """The heaviest weight on the increment (`above` + whole steps: a belt on your
    bodyweight) that leaves `reps` at `rir` by the estimate."""
    return round(above + floor_to(tm / (1 + (reps + rir) / 30) - above, step), 2)


def reps_at(tm: float, load: float, rir: float) -> int:
    """The reps `load` leaves at `rir` by the estimate (Epley turned round)."""
    return math.floor(30 * (tm / load - 1) - rir + 1e-9) if load else 0
