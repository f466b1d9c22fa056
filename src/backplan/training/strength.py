"""How strong you are at a lift, from its logged sets: the estimated one-rep max of a
set and of a session, and the training max every suggestion reads.

One estimate for all of backplan (Epley: weight × (1 + reps / 30)), with the reps
left in reserve counted as reps that were there (Helms et al. 2016). A set logged
without an effort counts at the effort it was prescribed, not as a set to failure.

The training max is read from the sessions oldest first: a session whose estimate is
higher raises it, and nothing lowers it but two sessions in a row under their target
(the middle of the range: then it is the better of those two's estimates) or a stall:
a third such session without a rise takes 10 % off it to build back (GZCLP's and
NSCA ch. 17's reset). So one bad day, or a session at the top of a light range, never
drags down what a heavy day showed. A set of more than 12 reps (a guess at the far end
of Epley's range) raises it by one step at most.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, replace

from backplan.training.loads import Session, SetDone, floor_to, number

HIGH_REPS = 12  # past this, Epley guesses: such a set raises the estimate a step at most
STALL = 3  # sessions in a row under their target, the estimate not rising: a stall
RESET = 0.10  # off the training max after a stall, to build back (NSCA ch. 17)


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
    note: str = ""  # how the training max differs from the set's own estimate

    def text(self, unit: str) -> str:
        """'e1RM 124 kg (10×95 kg, 2 RIR)'."""
        s = self.best  # as it was lifted: 5×315 lb stays 315 lb
        note = f", {self.note}" if self.note else ""
        return (
            f"e1RM {number(round(self.e1rm, 1))} {unit} "
            f"({s.reps}×{number(s.weight or 0)} {s.unit}, {number(self.rir)} RIR{note})"
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


def reached(s: SetDone, session: Session) -> bool:
    """The set reached the session's target (the middle of its range, rounded up, at its
    effort): reps and reps in reserve together, so 4 reps at 3 RIR reach 5 at 2 RIR."""
    target = (session.reps_min + session.reps_max + 1) // 2
    asked = float(session.rir or 0)
    return s.reps + (s.rir if s.rir is not None else asked) >= target + asked


def missed(session: Session) -> bool:
    """Most work sets under the session's target (an imported session has none)."""
    if session.imported or not session.sets:
        return False
    return sum(not reached(s, session) for s in session.sets) * 2 > len(session.sets)


def met(session: Session) -> bool:
    """Every work set reached the session's target."""
    return bool(session.sets) and all(reached(s, session) for s in session.sets)


@dataclass(frozen=True)
class Walk:
    """The training max after the sessions, and what the newest one did to it."""

    tm: Estimate
    stalled: bool = False  # the newest session made a stall: the max was reset
    lowered: bool = False  # the newest session was the second in a row under target
    flat: int = 0  # sessions since the max last rose
    stalls: int = 0  # stalls along the way, the newest session's included


def walk(sessions: Sequence[Session], unit: str, step: float) -> Walk | None:
    """The training max from the sessions newest first (see the module); None when no
    session has a load."""
    found = [(s, e) for s in reversed(sessions) if (e := estimate(s, unit)) is not None]
    if not found:
        return None
    state = Walk(found[0][1])
    misses: list[Estimate] = []  # the sessions in a row under their target, no rise since
    stalls = 0
    for session, e in found[1:]:
        if e.e1rm > state.tm.e1rm:
            if e.best.reps > HIGH_REPS and e.e1rm > state.tm.e1rm + step:
                e = replace(e, e1rm=state.tm.e1rm + step, note=f"+{number(step)} {unit} at most")
            state, misses = Walk(e), []
            continue
        misses = [*misses, e] if missed(session) else []
        state = replace(state, flat=state.flat + 1, stalled=False, lowered=False)
        if len(misses) == 2:  # two in a row: what they showed, the better of the two
            shown = max(misses, key=lambda m: m.e1rm)
            state = replace(state, tm=replace(shown, note="two sessions under target"),
                            lowered=True)  # fmt: skip
        elif len(misses) >= STALL:
            reset = replace(state.tm, e1rm=state.tm.e1rm * (1 - RESET),
                            note=f"{number(RESET * 100)} % off after a stall")  # fmt: skip
            state, misses, stalls = Walk(reset, stalled=True), [], stalls + 1
    return replace(state, stalls=stalls)


def training_max(sessions: Sequence[Session], unit: str, step: float) -> Estimate | None:
    """The estimate loads follow, from the sessions newest first (see the module)."""
    found = walk(sessions, unit, step)
    return found.tm if found else None


def load_for(tm: float, reps: int, rir: float, step: float, above: float = 0.0) -> float:
    """The heaviest weight on the increment (`above` + whole steps: a belt on your
    bodyweight) that leaves `reps` at `rir` by the estimate."""
    return round(above + floor_to(tm / (1 + (reps + rir) / 30) - above, step), 2)


def reps_at(tm: float, load: float, rir: float) -> int:
    """The reps `load` leaves at `rir` by the estimate (Epley turned round)."""
    return math.floor(30 * (tm / load - 1) - rir + 1e-9) if load else 0
