"""The report's page: one HTML file with its style inline, for a phone, a desktop and A4.

Nothing is fetched: no script, no font, no image but the inline SVG, so the file
reads offline and the same in a year. Colours follow `prefers-color-scheme`; print
keeps the light ones and never splits a chart across pages.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from backplan.render.report.charts import Chart

STYLE = """
:root{--ink:#1d232b;--muted:#5b6470;--line:#d9dde3;--paper:#fff;--card:#f6f7f9;
--accent:#2563eb;--good:#16a34a;--warn:#d97706;--bad:#dc2626;--band:#bbf7d0;
--d0:#eceef1;--d1:#bfdbfe;--d2:#60a5fa;--d3:#2563eb;--d4:#1e3a8a}
@media (prefers-color-scheme:dark){:root{--ink:#e6e9ee;--muted:#9aa4b2;--line:#2d3440;
--paper:#11151b;--card:#181d25;--accent:#60a5fa;--good:#4ade80;--warn:#fbbf24;
--bad:#f87171;--band:#1f4d33;--d0:#232a34;--d1:#1e3a5f;--d2:#1d4ed8;--d3:#3b82f6;
--d4:#93c5fd}}
*{box-sizing:border-box}
body{margin:0;background:var(--paper);color:var(--ink);
font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
main{max-width:920px;margin:0 auto;padding:16px}
h1{font-size:1.45rem;margin:.2rem 0}h2{font-size:1.05rem;margin:0 0 .4rem}
.sub{color:var(--muted);margin:0 0 1rem}
.facts{display:flex;flex-wrap:wrap;gap:8px;margin:0 0 1rem;padding:0;list-style:none}
.facts li{background:var(--card);border-radius:8px;padding:6px 10px}
.facts b{display:block;font-size:1.15rem}
section{background:var(--card);border-radius:10px;padding:12px;margin:0 0 14px;
break-inside:avoid}
.grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(100%,400px),1fr));gap:14px;
margin:0 0 14px}
.grid section{margin:0}
/* An odd chart out takes the whole row, no taller than its neighbours. */
.grid section:last-child:nth-child(odd){grid-column:1/-1}
.grid section:last-child:nth-child(odd) svg.chart{max-height:240px}
.grid section:last-child:nth-child(odd) svg text{font-size:11px}
figure{margin:0}svg{display:block;width:100%;height:auto;max-width:100%}
figcaption{color:var(--muted);font-size:.9rem;margin-top:.3rem}
.reading{margin:.35rem 0 0;font-size:.92rem}
.keys{display:flex;flex-wrap:wrap;gap:4px 12px;font-size:.8rem;color:var(--muted);margin-top:4px}
.key{display:inline-flex;align-items:center;gap:4px}.key svg{width:10px;height:10px}
svg text{font-size:13px;fill:var(--muted)}
.grid svg text{font-size:17px}.cal text{font-size:11px}
.rule{stroke:var(--line);stroke-width:1}
.tm{stroke:var(--accent);stroke-width:2}.tm-dot{fill:var(--accent)}
.record{fill:var(--good);stroke:var(--paper);stroke-width:1.5}.variant{fill:var(--warn)}
.bar{fill:var(--accent)}.bar.off{fill:var(--warn)}.band{fill:var(--band)}
.weigh{fill:var(--muted);opacity:.65}.average{stroke:var(--accent);stroke-width:2.5}
.rating{fill:var(--bad);stroke:var(--paper);stroke-width:1}
.prescribed{stroke:var(--muted);stroke-width:2;stroke-dasharray:5 4}
.logged{stroke:var(--accent);stroke-width:2}.logged-dot{fill:var(--accent)}
.day.d0{fill:var(--d0)}.day.d1{fill:var(--d1)}.day.d2{fill:var(--d2)}
.day.d3{fill:var(--d3)}.day.d4{fill:var(--d4)}
footer{color:var(--muted);font-size:.8rem;margin:1rem 0}
@media (max-width:480px){main{padding:10px}section{padding:10px}
svg text,.grid svg text,.grid section:last-child:nth-child(odd) svg text{font-size:19px}
.cal text{font-size:13px}}
@media print{@page{size:A4;margin:12mm}
:root{--ink:#000;--muted:#444;--paper:#fff;--card:#fff}
body{font-size:11pt}main{max-width:none;padding:0}
section{border:1px solid #ccc;page-break-inside:avoid}}
"""

GENERATOR = '<meta name="generator" content="backplan report">'  # a report may be rewritten
KEYS = {
    "lift": [("tm-dot", "training max"), ("record", "record"), ("variant", "another variant")],
    "sets": [("bar", "in the band"), ("bar off", "outside it"), ("band", "the band")],
    "bodyweight": [("weigh", "weigh-in"), ("average", "7-day average")],
    "back": [("bar", "lower-back sets a week (left)"), ("rating", "back's rating 0–10 (right)")],
    "effort": [("prescribed", "prescribed RIR"), ("logged-dot", "logged RIR")],
}


def _keys(chart: Chart, calendar_keys: str) -> str:
    if chart.key == "calendar":
        return f'<div class="keys">{calendar_keys}</div>'
    items = KEYS.get(chart.key)
    if not items:
        return ""
    spans = "".join(
        f'<span class="key"><svg viewBox="0 0 12 12" aria-hidden="true">'
        f'<rect class="{css}" style="fill:{_swatch(css)}" width="12" height="12" rx="2"/>'
        f"</svg>{escape(text)}</span>"
        for css, text in items
    )
    return f'<div class="keys">{spans}</div>'


def _swatch(css: str) -> str:
    """A line's class colours its stroke; its key's square takes the same colour."""
    return {"average": "var(--accent)", "prescribed": "var(--muted)"}.get(css, "")


def section(chart: Chart, calendar_keys: str = "") -> str:
    drawing = chart.svg or ""
    return (
        f'<section class="chart" data-chart="{chart.key}"><figure>'
        f"<h2>{escape(chart.title)}</h2>{drawing}{_keys(chart, calendar_keys)}"
        f'<figcaption class="reading">{escape(chart.reading)}</figcaption></figure></section>'
    )


def page(
    title: str,
    subtitle: str,
    figures: Sequence[tuple[str, str]],
    groups: Sequence[Sequence[Chart]],
    calendar_keys: str,
    footer: str,
) -> str:
    """The whole file: a heading, a row of figures, then each group of charts (a group of
    more than one shares a grid row on a wide screen)."""
    facts = "".join(f"<li><b>{escape(value)}</b>{escape(name)}</li>" for value, name in figures)
    body = []
    for charts in groups:
        sections = "".join(section(c, calendar_keys) for c in charts)
        body.append(f'<div class="grid">{sections}</div>' if len(charts) > 1 else sections)
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        + GENERATOR
        + '<meta name="viewport" content="width=device-width,initial-scale=1">'
        '<meta name="color-scheme" content="light dark">'
        f"<title>{escape(title)}</title><style>{STYLE}</style></head><body><main>"
        f'<h1>{escape(title)}</h1><p class="sub">{escape(subtitle)}</p>'
        f'<ul class="facts">{facts}</ul>{"".join(body)}'
        f"<footer>{escape(footer)}</footer></main></body></html>\n"
    )
