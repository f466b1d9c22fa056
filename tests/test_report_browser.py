"""The report in a real browser: headless Chromium opens a 12-week report at a phone's
width and a desktop's, the charts are drawn and nothing is wider than the screen."""

from __future__ import annotations

import html
import os
import re
import shutil
import struct
import subprocess
from datetime import datetime, timezone
from pathlib import Path

import pytest

from backplan.store import history
from tests.helpers import ok
from tests.report_history import fill

BROWSERS = ("chromium", "chromium-browser", "google-chrome", "chrome")
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
         "--no-first-run", "--disable-extensions", "--mute-audio")  # fmt: skip

# The report in a frame exactly `width` wide (a headless window has a floor of its
# own), measured by the browser once laid out: how many charts are drawn (an SVG with
# marks, wider than 100 px) and every element whose right edge passes the frame's.
# Written into the page, where --dump-dom shows it.
MEASURE = """<!DOCTYPE html><html><body style="margin:0">
<iframe id="report" style="border:0;width:WIDTHpx;height:900px" srcdoc="PAGE"></iframe>
<pre id="measured"></pre><script>
document.getElementById('report').addEventListener('load', (event) => {
  const page = event.target.contentDocument;
  const width = page.documentElement.clientWidth;
  const drawn = [...page.querySelectorAll('section.chart svg[role=img]')]
    .filter(s => s.getBoundingClientRect().width > 100 && s.childElementCount > 3).length;
  const wide = [...page.querySelectorAll('body *')]
    .filter(e => e.getBoundingClientRect().right > width + 0.5)
    .map(e => e.tagName + '.' + (e.getAttribute('class') || '')).slice(0, 5);
  document.getElementById('measured').textContent =
    `width=${width} scroll=${page.documentElement.scrollWidth} ` +
    `drawn=${drawn} wide=${wide.join(',') || 'none'}`;
});
</script></body></html>"""


def browser() -> str:
    for name in BROWSERS:
        found = shutil.which(name)
        if found:
            return found
    pytest.skip("no Chromium here: apt-get install chromium (.ci/run installs it as root)")


def png_size(path: Path) -> tuple[int, int]:
    head = path.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    width, height = struct.unpack(">II", head[16:24])
    return width, height


def chromium(binary: str, *args: str, home: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "HOME": str(home)}  # its profile and crash folder stay in the test's
    return subprocess.run([binary, *FLAGS, *args], capture_output=True, text=True, timeout=60,
                          env=env, check=False)  # fmt: skip


@pytest.mark.parametrize("width", [390, 1280])
def test_the_report_draws_and_fits_in_a_browser(
    width: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    binary = browser()
    monkeypatch.setenv("BACKPLAN_NOW", "2026-12-05T18:00:00+00:00")
    with history.open_store() as store:
        fill(store, 42, datetime(2026, 12, 4, 18, tzinfo=timezone.utc))
    report = tmp_path / "report.html"
    ok("report", "-o", str(report))
    page = report.read_text(encoding="utf-8")
    charts = page.count('<section class="chart"')
    measured = tmp_path / "measured.html"  # the report itself carries no script
    framed = MEASURE.replace("WIDTH", str(width)).replace("PAGE", html.escape(page))
    measured.write_text(framed, encoding="utf-8")
    dumped = chromium(binary, "--window-size=1400,1000", "--dump-dom",
                      measured.as_uri(), home=tmp_path)  # fmt: skip
    found = re.search(r'<pre id="measured">(.*?)</pre>', dumped.stdout)
    assert found, dumped.stderr[-2000:]
    line = found.group(1)
    assert f"drawn={charts}" in line, line
    assert "wide=none" in line, line
    assert f"width={width} scroll={width}" in line, line
    shot = tmp_path / f"report-{width}.png"
    taken = chromium(binary, f"--window-size={width},2400", f"--screenshot={shot}",
                     report.as_uri(), home=tmp_path)  # fmt: skip
    assert shot.exists(), taken.stderr[-2000:]
    assert png_size(shot) == (width, 2400)
    assert shot.stat().st_size > 20_000  # drawn, not a blank page
