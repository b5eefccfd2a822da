"""The class view's inline SVG charts: drawn by the page itself (no script, no CDN), each an image with its
figures as its accessible name, and the same figures printed beside it in the table."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

# reached / on the way / not attempted: the heatmap's colours, so one legend reads both.
STACK_COLOURS = ("#1a7f37", "#f4b400", "#bdbdbd")
WIDTH = 160
HEIGHT = 14


def share_chart(counts: Sequence[int], total: int, name: str) -> str:
    """A stacked horizontal bar of counts out of total."""
    rects, x = [], 0.0
    for count, colour in zip(counts, STACK_COLOURS, strict=True):
        w = WIDTH * count / total if total else 0.0
        if w:
            rects.append(f'<rect x="{x:.1f}" y="0" width="{w:.1f}" height="{HEIGHT}" fill="{colour}"/>')
        x += w
    return _svg(WIDTH, HEIGHT, name, "".join(rects))


def distribution_chart(counts: Sequence[int], name: str) -> str:
    """Columns, one per band or rating, scaled to the largest."""
    most = max(counts, default=0) or 1
    bar, gap = 14, 4
    cols = "".join(
        f'<rect x="{i * (bar + gap)}" y="{HEIGHT * 2 - h:.1f}" width="{bar}" height="{h:.1f}" fill="#3367d6"/>'
        for i, c in enumerate(counts)
        if (h := HEIGHT * 2 * c / most)
    )
    base = f'<rect x="0" y="{HEIGHT * 2 - 1}" width="{len(counts) * (bar + gap) - gap}" height="1" fill="#505050"/>'
    return _svg(len(counts) * (bar + gap) - gap, HEIGHT * 2, name, cols + base)


def _svg(width: float, height: int, name: str, body: str) -> str:
    label = escape(name, quote=True)
    return (
        f'<svg role="img" aria-label="{label}" width="{width}" '
        f'height="{height}" viewBox="0 0 {width} {height}"><title>{label}</title>{body}</svg>'
    )
