"""Charts of the funnel, drawn by matplotlib on the server (SVG for the dashboard, PNG for Telegram).

matplotlib is imported on first use (it takes a while to import, and most processes never draw),
and only its object API is used: a Figure per chart, no pyplot and its global state, so two
charts drawn at once in two threads never share anything. Callers on the event loop run these
in a thread (:func:`render`).
"""

from __future__ import annotations

import asyncio
import io
from collections.abc import Sequence
from typing import Any

from bot.features.reports.funnel import STAGES, Funnel, question_label
from flows.catalogue import t

COLOURS = ("#1f77b4", "#2ca02c", "#d62728")


def figure(width: float, height: float) -> Any:
    from matplotlib.figure import Figure

    return Figure(figsize=(width, height), dpi=100, layout="constrained")


def whole_numbers(ax: Any) -> None:
    from matplotlib.ticker import MaxNLocator

    ax.xaxis.set_major_locator(MaxNLocator(integer=True))


def save(fig: Any, fmt: str) -> bytes:
    out = io.BytesIO()
    fig.savefig(out, format=fmt, metadata={"Date": None} if fmt == "svg" else None)
    return out.getvalue()


def funnel_chart(funnel: Funnel, lang: str = "en", fmt: str = "png") -> bytes:
    """The stages as horizontal bars, each labelled with its count and its share of the starts."""
    o = funnel.overall
    labels = [t(f"office.funnel.{stage}", lang) for stage in STAGES]
    values = [o.stage(stage) for stage in STAGES]
    fig = figure(7.5, 3.6)
    ax = fig.add_subplot()
    positions = list(range(len(labels)))[::-1]
    bars = ax.barh(positions, values, color=COLOURS[0])
    ax.set_yticks(positions, labels)
    share = [f"{v}  ({v / o.starts:.0%})" if o.starts else str(v) for v in values]
    ax.bar_label(bars, share, padding=3)
    ax.set_xlim(0, max(values + [1]) * 1.25)
    ax.set_xlabel(t("office.chart.people", lang))
    ax.set_title(t("office.chart.funnel", lang))
    whole_numbers(ax)
    ax.spines[["top", "right"]].set_visible(False)
    return save(fig, fmt)


def questions_chart(funnel: Funnel, lang: str = "en", fmt: str = "svg") -> bytes:
    """Reached / answered / left per question, named as the person read them."""
    steps = funnel.ordered_steps()
    names = [question_label(s.question_id, lang) for s in steps]
    series: Sequence[tuple[str, list[int]]] = (
        (t("analytics.col.reached", lang), [s.reached for s in steps]),
        (t("analytics.col.answered", lang), [s.answered for s in steps]),
        (t("analytics.col.left", lang), [s.left for s in steps]),
    )
    fig = figure(8.0, max(2.5, 0.32 * len(steps) + 1.2))
    ax = fig.add_subplot()
    height = 0.27
    for n, (label, values) in enumerate(series):
        positions = [len(steps) - 1 - i + (1 - n) * height for i in range(len(steps))]
        ax.barh(positions, values, height=height, label=label, color=COLOURS[n])
    ax.set_yticks([len(steps) - 1 - i for i in range(len(steps))], names, fontsize=8)
    ax.legend(loc="lower right", fontsize=8)
    ax.set_xlabel(t("office.chart.people", lang))
    ax.set_title(t("analytics.chart.title", lang))
    whole_numbers(ax)
    ax.spines[["top", "right"]].set_visible(False)
    return save(fig, fmt)


async def render(draw: Any, *args: Any) -> bytes:
    """Draw in a thread: a chart takes tens of milliseconds of CPU the event loop should not wait for."""
    result: bytes = await asyncio.to_thread(draw, *args)
    return result
