"""A small SVG writer for the report's figures: rectangles, lines, circles and text, in pixels.

The figures are grids and bars whose geometry is known in advance, so they are written as markup
directly: no plotting library is loaded, nothing is measured with a font, and the same data gives
the same bytes. Text stays text, so that the browser draws the Chinese with its own fonts; its
width is estimated (a CJK character is one em, other characters a little over half), which is all
the layout needs to leave room for the labels.
"""

from __future__ import annotations

import math
from html import escape

FONT = '"Noto Sans CJK SC","WenQuanYi Micro Hei","PingFang SC","Microsoft YaHei",sans-serif'


def text_width(text: str, size: float) -> float:
    """The estimated width in pixels of ``text`` at font size ``size``."""
    return sum(size if ord(c) >= 0x2E80 else 0.6 * size for c in text)


def _n(value: float) -> str:
    """A coordinate with at most one decimal, no trailing zeros (stable, compact markup)."""
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


def nice_step(top: float, ticks: int = 5) -> int:
    """A round step (1, 2, 5 × 10ⁿ) that divides ``0…top`` into about ``ticks`` parts."""
    if top <= 0:
        return 1
    raw = top / ticks
    power = 10 ** math.floor(math.log10(raw)) if raw >= 1 else 1
    for factor in (1, 2, 5, 10):
        if raw <= factor * power:
            return max(1, int(factor * power))
    return max(1, int(10 * power))


class Drawing:
    """Shapes added in drawing order; :meth:`svg` gives the ``<svg>`` element."""

    def __init__(self, width: float, height: float) -> None:
        self.width, self.height = width, height
        self.parts: list[str] = []

    def rect(self, x: float, y: float, w: float, h: float, fill: str, title: str | None = None, stroke: str | None = None) -> None:
        attributes = f'x="{_n(x)}" y="{_n(y)}" width="{_n(w)}" height="{_n(h)}" fill="{fill}"' + (f' stroke="{stroke}"' if stroke else "")
        self.parts.append(f"<rect {attributes}><title>{escape(title)}</title></rect>" if title else f"<rect {attributes}/>")

    def line(self, x1: float, y1: float, x2: float, y2: float, stroke: str, width: float = 1.0, opacity: float | None = None) -> None:
        self.parts.append(
            f'<line x1="{_n(x1)}" y1="{_n(y1)}" x2="{_n(x2)}" y2="{_n(y2)}" stroke="{stroke}" stroke-width="{width:.2g}"'
            + (f' stroke-opacity="{opacity}"' if opacity is not None else "") + "/>"
        )

    def path(self, d: str, stroke: str, width: float = 1.0) -> None:
        self.parts.append(f'<path d="{d}" stroke="{stroke}" stroke-width="{width:.2g}" fill="none"/>')

    def circle(self, x: float, y: float, r: float, fill: str, title: str | None = None) -> None:
        attributes = f'cx="{_n(x)}" cy="{_n(y)}" r="{_n(r)}" fill="{fill}" stroke="#ffffff" stroke-width="0.8"'
        self.parts.append(f"<circle {attributes}><title>{escape(title)}</title></circle>" if title else f"<circle {attributes}/>")

    def text(self, x: float, y: float, text: str, size: float, anchor: str = "start", rotate: bool = False, fill: str = "#222222",
             baseline: str = "central") -> None:
        turn = f' transform="rotate(-90 {_n(x)} {_n(y)})"' if rotate else ""
        self.parts.append(
            f'<text x="{_n(x)}" y="{_n(y)}" font-size="{_n(size)}" text-anchor="{anchor}" dominant-baseline="{baseline}"'
            f' fill="{fill}"{turn}>{escape(text)}</text>'
        )

    def svg(self) -> str:
        width, height = math.ceil(self.width), math.ceil(self.height)
        return (
            f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}"'
            f' font-family=\'{FONT}\'>' + "".join(self.parts) + "</svg>"
        )
