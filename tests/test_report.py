"""`backplan report`: one offline HTML page of charts from a 12-week history, what it
counts (against `stats` and `calendar`), its refusals, and that no other command pays
for it."""

from __future__ import annotations

import re
import subprocess
import sys
from datetime import datetime, timezone
from pathlib import Path

import pytest

from backplan.store import history
from tests.helpers import ok, run, run_json
from tests.report_history import fill

NOW = "2026-12-05T18:00:00+00:00"  # a Saturday
WORKOUTS = 42  # every other day for 12 weeks


@pytest.fixture
def twelve_weeks(monkeypatch: pytest.MonkeyPatch, backplan_env: Path) -> None:
    monkeypatch.setenv("BACKPLAN_NOW", NOW)
    with history.open_store() as store:
        fill(store, WORKOUTS, datetime(2026, 12, 4, 18, tzinfo=timezone.utc))


def sections(page: str) -> dict[str, list[str]]:
    """Each chart's section, by its kind."""
    found: dict[str, list[str]] = {}
    for kind, body in re.findall(r'<section class="chart" data-chart="(\w+)">(.*?)</section>',
                                 page, re.S):  # fmt: skip
        found.setdefault(kind, []).append(body)
    return found


def reading(section: str) -> str:
    found = re.search(r'<figcaption class="reading">(.*?)</figcaption>', section, re.S)
    assert found, section[:200]
    return found.group(1)


def test_the_report_is_one_offline_page_with_every_chart_and_its_reading(
    twelve_weeks: None, tmp_path: Path
) -> None:
    out = tmp_path / "report.html"
    result = ok("report", "--output", str(out))
    assert f"Wrote the report of 12 weeks to {out}" in result.stderr
    page = out.read_text(encoding="utf-8")
    # Nothing fetched: no script, stylesheet, image or font from anywhere.
    for fetch in ("<script", "<link", "<img", "@import", "url(", "src="):
        assert fetch not in page
    # The only address is the SVG namespace: a name, never fetched.
    assert set(re.findall(r"https?://[^\"' ]+", page)) == {"http://www.w3.org/2000/svg"}
    assert "@media (prefers-color-scheme:dark)" in page
    assert "@page{size:A4" in page
    assert 'name="viewport"' in page
    charts = sections(page)
    assert sorted(charts) == sorted(
        ["lift", "sets", "calendar", "bodyweight", "back", "effort", "patterns"]
    )
    assert len(charts["sets"]) == 3  # lats, upper back, lower back
    for kind, found in charts.items():
        for body in found:
            assert "<svg" in body, kind
            assert len(reading(body)) > 20, kind
    lifts = {re.search(r"<h2>(.*?)</h2>", b).group(1): reading(b) for b in charts["lift"]}  # type: ignore[union-attr]
    # The deadlift changed variant halfway: one curve, both named, the change marked.
    deadlift = next(text for name, text in lifts.items() if "Deadlift" in name)
    assert "variants on one curve: Conventional Deadlift, Trap Bar Deadlift" in deadlift
    assert 'class="variant"' in next(b for b in charts["lift"] if "Trap Bar" in b)
    # Pull-ups count the load moved once you have weighed in: bodyweight plus the belt.
    assert any("load moved, bodyweight in" in text for text in lifts.values())
    assert 'class="record"' in "".join(charts["lift"])
    assert "7-day average" in reading(charts["bodyweight"][0])
    assert "The back rated" in reading(charts["back"][0])
    assert "reps in reserve" in reading(charts["effort"][0])
    assert "Covered" in reading(charts["patterns"][0])
    assert len(page.encode()) < 1_000_000


def test_the_weekly_sets_are_those_stats_counts(twelve_weeks: None, tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    ok("report", "-o", str(out))
    charts = sections(out.read_text(encoding="utf-8"))
    stats = run_json("stats", "--weeks", "12")["weeks"]
    for group, body in zip(("lats", "upper-back", "lower-back"), charts["sets"], strict=True):
        drawn = [float(n) for n in re.findall(r"<title>week of [^:]+: ([\d.]+) sets</title>", body)]
        assert drawn == [week["sets"][group] for week in stats], group
        assert sum(drawn) > 0


def test_the_calendar_shades_the_days_calendar_counts(twelve_weeks: None, tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    ok("report", "-o", str(out))
    page = out.read_text(encoding="utf-8")
    month = run_json("calendar", "2026-11")
    assert len(month["days"]) == 15  # every other day
    for day in month["days"]:
        when = datetime.fromisoformat(day["day"])
        assert f"{when:%a %-d %b %Y}: {day['sets']:g} sets</title>" in page
    assert "Sun 1 Nov 2026: 0 sets</title>" in page


def test_the_month_in_the_terminal_at_80_and_50_columns(
    twelve_weeks: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown = ok("calendar", "2026-11").stdout
    lines = shown.splitlines()
    assert lines[0] == "November 2026"
    assert "Mon" in lines[1]
    assert "Week" in lines[1]
    assert all(len(line) <= 80 for line in lines)
    assert "15 sessions, 225 sets logged in November." in shown
    monkeypatch.setenv("COLUMNS", "50")
    narrow = subprocess.run(
        [sys.executable, "-m", "backplan", "calendar", "2026-11"],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    assert all(len(line) <= 50 for line in narrow.splitlines()), narrow
    assert "Mo" in narrow
    assert "15s" in narrow
    assert "Nothing logged in March 2026." in ok("calendar", "2026-03").stdout


def test_bad_input_is_one_line_and_changes_nothing(twelve_weeks: None, tmp_path: Path) -> None:
    mine = tmp_path / "notes.html"
    mine.write_text("my own page", encoding="utf-8")
    refused = run("report", "-o", str(mine))
    assert refused.exit_code == 2
    assert refused.stderr.strip().endswith("exists; give --force to overwrite it.")
    assert mine.read_text(encoding="utf-8") == "my own page"
    for args, said in [
        (["report", "--weeks", "0"], "must be from 1 to 520"),
        (["report", "-o", str(tmp_path)], "is not a regular file"),
        (["report", "-o", str(tmp_path / "no" / "r.html")], "is not a folder"),
        (["report", "-o", str(tmp_path / ("x" * 300))], "cannot be checked (File name too long)"),
        (["calendar", "2026-13"], "is not a month: write it like 2026-12"),
        (["calendar", "November"], "is not a month"),
    ]:
        result = run(*args)
        assert result.exit_code == 2, args
        assert said in result.stderr
        assert "Traceback" not in result.stderr
    # A report written before is rewritten without asking; another file with --force.
    report = tmp_path / "r.html"
    ok("report", "-o", str(report), "--weeks", "4")
    ok("report", "-o", str(report), "--weeks", "8")
    assert "The 8 weeks from" in report.read_text(encoding="utf-8")
    ok("report", "-o", str(mine), "--force")
    assert mine.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_an_empty_history_still_makes_a_page_that_says_so(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("BACKPLAN_NOW", NOW)
    out = tmp_path / "empty.html"
    ok("report", "-o", str(out))
    page = out.read_text(encoding="utf-8")
    assert "No main lift with a load logged in these weeks" in page
    assert "No weigh-in in these weeks" in page
    assert "0 training days in the last year" in page


def test_open_hands_the_file_to_the_browser(
    twelve_weeks: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import webbrowser

    opened = tmp_path / "opened"
    browser = tmp_path / "browser"
    browser.write_text(f'#!/bin/sh\necho "$1" > {opened}\n', encoding="utf-8")
    browser.chmod(0o755)
    monkeypatch.setenv("BROWSER", str(browser))
    monkeypatch.setattr(webbrowser, "_tryorder", None)  # read BROWSER afresh
    out = tmp_path / "report.html"
    ok("report", "-o", str(out), "--open")
    assert opened.read_text(encoding="utf-8").strip() == out.resolve().as_uri()


IMPORTED = """
import sys
from backplan.cli import main
sys.argv = ["backplan", *sys.argv[1:]]
try:
    main()
except SystemExit:
    pass
print("REPORT", "backplan.render.report" in sys.modules, file=sys.stderr)
"""


@pytest.mark.parametrize(
    ("args", "imported"),
    [
        (["--help"], False),
        (["list"], False),
        (["calendar"], False),
        (["report", "-h"], False),
        (["report", "-o", "r.html"], True),
    ],
)
def test_only_report_imports_the_report(
    args: list[str], imported: bool, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    done = subprocess.run(
        [sys.executable, "-c", IMPORTED, *args], capture_output=True, text=True, check=False
    )
    assert f"REPORT {imported}" in done.stderr, done.stderr
