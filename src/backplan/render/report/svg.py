"""A small SVG helper for the report's charts: a frame with two scales, and the marks.

Colours are CSS classes, not fills, so one chart reads in light and dark and in print
(the page's stylesheet says what each class looks like). The frame draws in its own
coordinates and scales with the page (a viewBox, width 100%), so a phone gets the
same chart, smaller.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from html import escape

WIDTH = 640  # the viewBox's width; the page scales it
LEFT, RIGHT, TOP, BOTTOM = 50, 14, 12, 28  # room for the axes' labels


def num(value: float) -> str:
    """A coordinate, short: 12.5 not 12.500000001."""
    return f"{value:.1f}".rstrip("0").rstrip(".")


def nice_ticks(low: float, high: float, count: int = 4) -> list[float]:
    """About `count` round values (1, 2, 2.5 or 5 times a power of ten) across the range."""
    if high <= low:
        high = low + 1
    raw = (high - low) / count
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)
    first = math.ceil(low / step - 1e-9) * step
    ticks = []
    value = first
    while value <= high + 1e-9:
        ticks.append(round(value, 6))
        value += step
    return ticks


def label(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


@dataclass
class Frame:
    """A chart's drawing area: x and y ranges mapped to the viewBox, and its marks."""

    x_range: tuple[float, float]
    y_range: tuple[float, float]
    height: int = 200
    title: str = ""  # read by screen readers
    parts: list[str] = field(default_factory=list)

    def x(self, value: float) -> float:
        low, high = self.x_range
        span = (high - low) or 1.0
        return LEFT + (value - low) / span * (WIDTH - LEFT - RIGHT)

    def y(self, value: float) -> float:
        low, high = self.y_range
        span = (high - low) or 1.0
        return self.height - BOTTOM - (value - low) / span * (self.height - TOP - BOTTOM)

    def add(self, part: str) -> None:
        self.parts.append(part)

    def y_axis(self, ticks: Sequence[float], unit: str = "") -> None:
        """Horizontal grid lines at the ticks, labelled on the left."""
        for tick in ticks:
            y = num(self.y(tick))
            self.add(f'<line class="rule" x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y}" y2="{y}"/>')
            self.add(f'<text class="axis" x="{LEFT - 4}" y="{y}" dy="0.32em" '
                     f'text-anchor="end">{escape(label(tick) + unit)}</text>')  # fmt: skip

    def x_labels(self, labels: Iterable[tuple[float, str]]) -> None:
        """Labels under the frame at these x values."""
        for value, text in labels:
            self.add(f'<text class="axis" x="{num(self.x(value))}" y="{self.height - 8}" '
                     f'text-anchor="middle">{escape(text)}</text>')  # fmt: skip

    def line(self, points: Sequence[tuple[float, float]], css: str) -> None:
        if len(points) < 2:
            return
        path = " ".join(f"{num(self.x(a))},{num(self.y(b))}" for a, b in points)
        self.add(f'<polyline class="{css}" fill="none" points="{path}"/>')

    def dots(self, points: Iterable[tuple[float, float]], css: str, r: float = 2.5) -> None:
        for a, b in points:
            self.add(f'<circle class="{css}" cx="{num(self.x(a))}" cy="{num(self.y(b))}" '
                     f'r="{num(r)}"/>')  # fmt: skip

    def bar(self, left: float, right: float, value: float, css: str, tip: str = "") -> None:
        """A column from zero (or the range's floor) up to `value`."""
        base = max(self.y_range[0], 0.0)
        top, bottom = self.y(value), self.y(base)
        x0, x1 = self.x(left), self.x(right)
        title = f"<title>{escape(tip)}</title>" if tip else ""
        self.add(f'<rect class="{css}" x="{num(x0)}" y="{num(min(top, bottom))}" '
                 f'width="{num(max(x1 - x0, 0.5))}" height="{num(abs(bottom - top))}">'
                 f"{title}</rect>")  # fmt: skip

    def band(self, low: float, high: float, css: str) -> None:
        """A shaded horizontal band between two values, across the frame."""
        top, bottom = self.y(high), self.y(low)
        self.add(f'<rect class="{css}" x="{LEFT}" y="{num(top)}" '
                 f'width="{WIDTH - LEFT - RIGHT}" height="{num(bottom - top)}"/>')  # fmt: skip

    def mark(self, a: float, b: float, css: str, text: str) -> None:
        """A small triangle above a point (a variant change), with its reason as a tip."""
        x, y = self.x(a), self.y(b) - 7
        self.add(f'<path class="{css}" d="M{num(x - 4)},{num(y - 6)}h8l-4,6z">'
                 f"<title>{escape(text)}</title></path>")  # fmt: skip

    def svg(self) -> str:
        return svg_element(WIDTH, self.height, self.title, self.parts)


def svg_element(
    width: int, height: int, title: str, parts: Iterable[str], css: str = "chart"
) -> str:
    return (
        f'<svg class="{css}" viewBox="0 0 {width} {height}" role="img" '
        f'aria-label="{escape(title)}" '
        f'xmlns="http://www.w3.org/2000/svg"><title>{escape(title)}</title>'
        + "".join(parts)
        + "</svg>"
    )
