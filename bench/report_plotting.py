"""How to draw the report's charts: hand-written SVG (render/report/svg.py) against
matplotlib's SVG backend and pygal, on start-up time, file size and look.

    python3 -m venv /tmp/plot && /tmp/plot/bin/pip install matplotlib pygal
    /tmp/plot/bin/python bench/report_plotting.py [--runs 9]

Each way draws the same two charts (a training max over 41 sessions with its records
marked; 12 weeks of sets as columns against a band) in a fresh interpreter, timed from
its start to the SVG text in hand, imports included: what `backplan report` would pay.
The SVGs land in bench/.work/plotting/ to be looked at side by side.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / ".work" / "plotting"

DATA = """
tm = [86 + i * 0.6 + (i % 5) * 0.8 for i in range(41)]
records = [i for i in range(1, 41) if tm[i] > max(tm[:i])]
weeks = [18, 24, 18, 24, 18, 24, 18, 24, 18, 24, 18, 18]
band = (10, 18)
"""

WAYS = {
    "hand-written SVG": DATA
    + """
import sys
import importlib.util  # the helper alone, by its path: it needs nothing but the stdlib
spec = importlib.util.spec_from_file_location("svg", SRC + "/backplan/render/report/svg.py")
svg_module = importlib.util.module_from_spec(spec)
sys.modules["svg"] = svg_module
spec.loader.exec_module(svg_module)
Frame, nice_ticks = svg_module.Frame, svg_module.nice_ticks
f = Frame((0, 40), (80, 120), height=220, title="Training max")
f.y_axis(nice_ticks(80, 120))
f.line(list(enumerate(tm)), "tm")
f.dots([(i, tm[i]) for i in records], "record", r=4)
g = Frame((0, 12), (0, 26), height=180, title="Weekly sets")
g.band(*band, "band")
g.y_axis(nice_ticks(0, 26))
for i, n in enumerate(weeks):
    g.bar(i + 0.15, i + 0.85, n, "bar")
svg = f.svg() + g.svg()
""",
    "matplotlib (svg backend)": DATA
    + """
import io
import matplotlib
matplotlib.use("svg")
import matplotlib.pyplot as plt
svg = ""
for draw in ("line", "bars"):
    fig, ax = plt.subplots(figsize=(6.4, 2.2))
    if draw == "line":
        ax.plot(range(41), tm)
        ax.plot(records, [tm[i] for i in records], "o")
    else:
        ax.axhspan(*band, alpha=0.3)
        ax.bar(range(12), weeks)
    buffer = io.StringIO()
    fig.savefig(buffer, format="svg")
    plt.close(fig)
    svg += buffer.getvalue()
""",
    "pygal": DATA
    + """
import pygal
line = pygal.Line(height=220, width=640, show_legend=False)
line.add("training max", tm)
bars = pygal.Bar(height=180, width=640, show_legend=False)
bars.add("sets", weeks)
svg = line.render(is_unicode=True) + bars.render(is_unicode=True)
""",
}

RUN = """
import time
start = time.perf_counter()
{body}
took = time.perf_counter() - start
open(OUT, "w", encoding="utf-8").write(svg)
print(took)
"""


def once(name: str, body: str, python: str) -> tuple[float, float, int]:
    """Wall time of the whole interpreter, the time inside it, and the SVG's size."""
    out = OUT / (name.split()[0] + ".svg")
    code = f"SRC = {str(ROOT / 'src')!r}\nOUT = {str(out)!r}\n" + RUN.format(body=body)
    start = time.perf_counter()
    done = subprocess.run([python, "-c", code], capture_output=True, text=True, check=True)
    wall = time.perf_counter() - start
    return wall, float(done.stdout), out.stat().st_size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--python", default=sys.executable)
    given = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    bare = []
    for _ in range(given.runs):
        start = time.perf_counter()
        subprocess.run([given.python, "-c", "pass"], check=True)
        bare.append(time.perf_counter() - start)
    floor = statistics.median(bare)
    print(f"{'way':26} {'process':>9} {'inside':>9} {'vs hand':>8} {'svg bytes':>10}")
    results = {}
    for _ in range(given.runs):  # in turn, so a drift in the machine moves every way alike
        for name, body in WAYS.items():
            results.setdefault(name, []).append(once(name, body, given.python))
    hand = statistics.median(r[0] for r in results["hand-written SVG"])
    for name, runs in results.items():
        wall = statistics.median(r[0] for r in runs)
        inside = statistics.median(r[1] for r in runs)
        print(f"{name:26} {wall * 1000:7.0f}ms {inside * 1000:7.0f}ms {wall / hand:7.2f}x "
              f"{runs[-1][2]:>10,}")  # fmt: skip
    print(f"{'python -c pass':26} {floor * 1000:7.0f}ms")


if __name__ == "__main__":
    main()
