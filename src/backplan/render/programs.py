"""A program as people read it: the block's table, its Markdown, its calendar, its JSON."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from rich.console import RenderableType
from rich.text import Text

from backplan.catalogue.model import Goal, Group
from backplan.documents import program_head
from backplan.render.console import SECTION, Cell, Column, fitted_table, group_text, out
from backplan.training.calendar import WEEKDAY_NAMES
from backplan.training.program import PULL_DAY, SPARE_DAY, Day, Program, Progress

if TYPE_CHECKING:
    from datetime import date

    from backplan.catalogue.model import Exercise
    from backplan.training.calendar import Schedule

MAIN_MARK = "★"
SHORT = {Group.LATS: "Lats", Group.UPPER_BACK: "Upper", Group.LOWER_BACK: "Lower"}


def goal_words(program: Program) -> str:
    """'strength, hypertrophy and endurance days in turn (auto)', 'strength every day'."""
    if program.goal is not None:
        return f"{program.goal.value} every day"
    goals = list(dict.fromkeys(d.goal.value for d in program.sessions[: program.days]))
    named = ", ".join(goals[:-1]) + f" and {goals[-1]}" if len(goals) > 1 else goals[0]
    return f"{named} days in turn (auto)"


def headline(program: Program) -> str:
    """'4-week block, 3 days a week (Mon Wed Fri), intermediate'."""
    return (
        f"{program.weeks}-week block, {program.days} days a week ({weekday_words(program)}), "
        f"{program.level.value}"
    )


def weekday_words(program: Program) -> str:
    return " ".join(WEEKDAY_NAMES[d].capitalize() for d in program.calendar.weekdays)


def _when(day: date | None) -> str:
    return "–" if day is None else f"{day:%a %-d %b}"


def end_line(program: Program, schedule: Schedule) -> str:
    """What was missed, if anything, and when the block ends."""
    planned = program.calendar.planned(len(program.sessions))[-1]
    if not schedule.missed:
        return f"Ends {schedule.end:%a %-d %b %Y}."
    days = ", ".join(f"{d:%a %-d %b}" for d in schedule.missed[:4])
    more = f" and {len(schedule.missed) - 4} more" if len(schedule.missed) > 4 else ""
    was = f" (planned {planned:%a %-d %b})" if planned != schedule.end else ""
    return (
        f"Missed {days}{more}: the rest of the block moved on, in order, and now ends "
        f"{schedule.end:%a %-d %b %Y}{was}."
    )


def _groups(program: Program) -> tuple[Group, ...]:
    return program.groups or tuple(Group)


def _day_status(day: Day, progress: Progress, upcoming: Day | None) -> Text:
    if day.number in progress.done:
        return Text(f"done #{progress.done[day.number]}", style="green")
    if upcoming is not None and day.number == upcoming.number:
        return Text("← next", style="bold")
    if upcoming is None or day.number < upcoming.number:
        return Text("skipped", style="dim")
    return Text("")


def _opening(program: Program, *, whole: bool = True) -> None:
    """The headline, the day types, the split (`whole`) and the main lifts."""
    out.print(Text(headline(program), style="bold"))
    first = program.calendar.planned(1)[0]  # the first training day from the start
    out.print(f"{goal_words(program).capitalize()}, from {first:%a %-d %b %Y}.", markup=False)
    if whole and any(d.split for d in program.sessions):
        out.print(_split_words(program), markup=False)
    out.print("Main lifts, held for the block:")
    for lift in program.main_lifts:
        line = Text("  ")
        line.append_text(group_text(lift.group))
        line.append(" " * (11 - len(lift.group.label)) + lift.name)
        rests = [g.value for g in Goal if g not in lift.goals]
        if rests:
            line.append(f" (rests on {' and '.join(rests)} days)", style="dim")
        out.print(line)


def _split_words(program: Program) -> str:
    if any(d.split == PULL_DAY for d in program.sessions) and any(
        Group.LOWER_BACK in d.groups for d in program.sessions
    ):
        hinge = "the hinge and rows" if program.days >= 4 else "the whole back"
        return (
            f"Days alternate {hinge} with vertical pulls and rear delts, so the lower back "
            "rests a day between loading days."
        )
    if any(d.split == SPARE_DAY for d in program.sessions):
        return "Every other day keeps the lower back to stability drills, so it rests a day."
    return "Days alternate, so the lower back rests a day between loading days."


def program_summary(program: Program, progress: Progress, today: date) -> None:
    """A new block within 24 rows: the opening, each week's sets per group (up to three
    weeks a line, as the width allows), the end date; the whole table is `program
    show`."""
    _opening(program, whole=False)
    groups = _groups(program)
    out.print(f"Sets a week ({'/'.join(SHORT[g].lower() for g in groups)}):", markup=False)
    weeks = []
    for week in range(1, program.weeks + 1):
        sets = program.weekly_sets(week)
        deload = any(d.deload for d in program.sessions if d.week == week)
        text = "/".join(str(sets.get(g, 0)) for g in groups)
        weeks.append(f"{week:>2}: {text}{' deload' if deload else ''}")
    width = max(map(len, weeks)) + 3
    per_line = max(1, min(3, (out.width - 2) // width))
    half = -(-len(weeks) // per_line)
    for row in range(half):
        cells = [weeks[i] for i in range(row, len(weeks), half)]
        out.print("  " + "".join(f"{c:<{width}}" for c in cells).rstrip(), markup=False)
    schedule = program.schedule(progress, today)
    out.print(f"{end_line(program, schedule)} Every session, day by day: backplan program show",
              markup=False)  # fmt: skip
    if progress.next_day(program) is not None:
        out.print(_next_line(program, progress, schedule))


def program_view(program: Program, progress: Progress, today: date) -> None:
    _opening(program)
    upcoming = progress.next_day(program)
    schedule = program.schedule(progress, today)
    columns = [
        Column("Week", "Wk"), Column("Day", ""), Column("Date"), Column("Goal"),
        *(Column(SHORT[group], justify="right") for group in _groups(program)),
        Column(""),
    ]  # fmt: skip
    rows: list[Sequence[RenderableType | Cell]] = []
    for day in program.sessions:
        sets = dict(day.sets)
        mains = {m.group for m in program.main_lifts_of(day)}
        cells = [
            f"{sets[g]} {MAIN_MARK}" if g in mains else str(sets.get(g, "–"))
            for g in _groups(program)
        ]
        week = f"{day.week} deload" if day.deload else str(day.week)
        rows.append([
            Cell(week, f"{day.week}{'↓' if day.deload else ''}"),
            str(day.day),
            _when(schedule.dates.get(day.number)),
            Cell(day.goal.value, day.goal.value[:5]),
            *cells,
            _day_status(day, progress, upcoming),
        ])  # fmt: skip
        if day.day == program.days and day.number < len(program.sessions):
            rows.append(SECTION)
    table = fitted_table(columns, rows)
    out.print()
    out.print(table)
    out.print(
        Text(
            f"Sets per group; {MAIN_MARK}: with its main lift. Accessories rotate, planned on "
            "the day from your history.",
            style="dim",
        )
    )
    out.print(end_line(program, schedule), markup=False)
    if upcoming is None:
        out.print("Every session is done: 'backplan program review', then plan the next block.")
    else:
        out.print(_next_line(program, progress, schedule))


def _next_line(program: Program, progress: Progress, schedule: Schedule) -> str:
    upcoming = progress.next_day(program)
    assert upcoming is not None
    return (
        f"Next: week {upcoming.week}, day {upcoming.day}, "
        f"{schedule.dates[upcoming.number]:%a %-d %b}. Plan it with: backplan workout"
    )


def program_json(program: Program, progress: Progress, today: date) -> dict[str, Any]:
    upcoming = progress.next_day(program)
    schedule = program.schedule(progress, today)

    def day_of(number: int) -> str | None:
        found = schedule.dates.get(number)
        return None if found is None else found.isoformat()

    return {
        **program_head(program),
        "weekdays": [WEEKDAY_NAMES[d] for d in program.calendar.weekdays],
        "moves": [
            {"from": m.away.isoformat(), "to": None if m.to is None else m.to.isoformat()}
            for m in program.moves
        ],
        "missed": [d.isoformat() for d in schedule.missed],
        "end": schedule.end.isoformat(),
        "groups": [g.value for g in _groups(program)],  # the three named, for the whole back
        "main_lifts": [
            {"group": m.group.value, "id": m.id, "name": m.name} for m in program.main_lifts
        ],
        "sessions": [
            {
                "number": d.number,
                "week": d.week,
                "day": d.day,
                "date": day_of(d.number),  # null: passed over
                "planned_date": d.date.isoformat(),
                "goal": d.goal.value,
                "split": d.split,
                "deload": d.deload,
                "exercises": {g.value: n for g, n in d.slots},
                "sets": {g.value: n for g, n in d.sets},
                "main_lifts": [m.id for m in program.main_lifts_of(d)],
                "workout_id": progress.done.get(d.number),
            }
            for d in program.sessions
        ],
        "next": None if upcoming is None else upcoming.number,
        "ended": None if program.ended is None else program.ended.isoformat(timespec="seconds"),
    }


def _lift_lines(program: Program, day: Day, exercises: Mapping[str, Exercise]) -> list[str]:
    """'Lat Pulldown: 4 × 3–6, 2 RIR' for each main lift of the day."""
    from dataclasses import replace

    from backplan.training.planner import share_of_sets
    from backplan.training.prescription import prescribe

    lines = []
    slots, sets = dict(day.slots), dict(day.sets)
    for lift in program.main_lifts_of(day):
        exercise = exercises.get(lift.id)
        if exercise is None:
            lines.append(lift.name)
            continue
        p = prescribe(exercise, day.goal, program.level)
        share = share_of_sets(sets[lift.group], slots[lift.group], 0, day.goal, program.level)
        effort = f", {p.effort}" if p.effort else ""
        lines.append(f"{lift.name}: {replace(p, sets=share).target}{effort}")
    return lines


def _accessories(program: Program, day: Day) -> int:
    return day.exercises - len(program.main_lifts_of(day))


def program_markdown(
    program: Program, exercises: Mapping[str, Exercise], schedule: Schedule
) -> str:
    """The block to print, or to read on a phone."""
    lines = [
        f"# Back program: {headline(program)}",
        "",
        f"{goal_words(program).capitalize()}. Starts {program.start:%A %-d %B %Y}; "
        f"{end_line(program, schedule)} "
        "Each main lift is held for the whole block, so it can progress; the accessories "
        "around it rotate, planned on the day with `backplan workout`. The last week of "
        "each wave is a deload: half the sets, same loads.",
        "",
        "## Main lifts",
        "",
        *[f"- **{m.name}** (`{m.id}`), {m.group.label}" for m in program.main_lifts],
    ]
    for week in range(1, program.weeks + 1):
        days = [d for d in program.sessions if d.week == week]
        title = f"Week {week}" + (" (deload)" if days[0].deload else "")
        lines += ["", f"## {title}", "", "| Day | Date | Goal | Sets | Main lifts | Accessories |"]
        lines.append("|---|---|---|---|---|---|")
        for d in days:
            sets = ", ".join(f"{g.label} {n}" for g, n in d.sets)
            mains = "<br>".join(_lift_lines(program, d, exercises)) or "–"
            lines.append(
                f"| {d.day} | {_when(schedule.dates.get(d.number))} | {d.goal.value} | {sets} "
                f"| {mains} "
                f"| {_accessories(program, d) or '–'} |"
            )
    weekly = ", ".join(
        f"week {w}: {sum(program.weekly_sets(w).values())}" for w in range(1, program.weeks + 1)
    )
    lines += ["", f"Sets a week, all groups: {weekly}.", ""]
    return "\n".join(lines)


def program_ics(program: Program, exercises: Mapping[str, Exercise], schedule: Schedule) -> bytes:
    """An iCalendar file: one all-day event per session on its day as the block now
    stands (missed days moved on; a session passed over has none)."""
    from datetime import timedelta

    from icalendar import Calendar, Event

    calendar = Calendar()
    calendar.add("prodid", "-//backplan//program//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", "backplan: back program")
    for d in program.sessions:
        when = schedule.dates.get(d.number)
        if when is None:
            continue
        event = Event()
        event.add("uid", f"program-{program.id}-session-{d.number}@backplan")
        event.add("dtstamp", program.created)
        event.add("dtstart", when)
        event.add("dtend", when + timedelta(days=1))
        deload = ", deload" if d.deload else ""
        event.add("summary", f"Back: {d.goal.value}{deload} (week {d.week}, day {d.day})")
        sets = ", ".join(f"{g.label} {n} sets" for g, n in d.sets)
        more = _accessories(program, d)
        description = [
            sets,
            *_lift_lines(program, d, exercises),
            *([f"+ {more} more, rotating"] if more else []),
            "Plan it with: backplan workout",
        ]
        event.add("description", "\n".join(description))
        calendar.add_component(event)
    return bytes(calendar.to_ical())
