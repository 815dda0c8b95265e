"""Charts drawn with matplotlib as SVG: vector in the PDF, identical from one build to the next.

Determinism: ``svg.hashsalt`` fixes the ids matplotlib would otherwise draw at random, the date
metadata is left out, and nothing depends on global pyplot state (figures are built with
:class:`matplotlib.figure.Figure` directly on the Agg backend). The charts take plain tuples so
identical inputs hit a cache instead of drawing again (the site and the PDF both ask for them).

Every number on a chart (axes, labels) is written by :mod:`pipeline.formatting`, so it
reads the Indonesian way (``3,2``, ``1.234``).
"""

from __future__ import annotations

import base64
import io
import textwrap
from dataclasses import dataclass
from functools import lru_cache

import matplotlib

matplotlib.use("Agg")  # no display, no GUI toolkit: the same output everywhere

from matplotlib import rc_context  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402
from matplotlib.ticker import FuncFormatter, MaxNLocator  # noqa: E402

from pipeline.formatting import auto_number, number  # noqa: E402
from pipeline.messages import render as msg  # noqa: E402
from pipeline.model.achievement import Range  # noqa: E402
from pipeline.model.indicators import Indicator  # noqa: E402
from pipeline.model.report import Report  # noqa: E402

_STYLE = {
    "svg.hashsalt": "lkjip",
    # Text as text, not each glyph as a path: the PDF embeds the font (WeasyPrint finds Liberation
    # Serif, as for the body text) and a reader can select and search the labels; drawing glyph
    # paths cost a third of a build's chart time in matplotlib and again in WeasyPrint. A
    # browser without Liberation Serif uses Times New Roman, which has the same metrics.
    "svg.fonttype": "none",
    "font.family": ["serif"],
    "font.serif": ["Liberation Serif", "DejaVu Serif", "Times New Roman"],
    "font.size": 10,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "axes.axisbelow": True,
    "grid.color": "#d0d0d0",
    "grid.linewidth": 0.6,
    "axes.formatter.use_locale": False,
}
_SVG_METADATA = {"Date": None, "Creator": None}
TARGET_COLOUR = "#7a1f1f"
ACTUAL_COLOUR = "#1f4e79"
CEILING_COLOUR = "#a6a6a6"


@dataclass(frozen=True)
class IndicatorSeries:
    """What the indicator chart shows, as hashable plain data."""

    unit: str
    years: tuple[int, ...]
    targets: tuple[float | tuple[float, float] | None, ...]  # a pair is a range
    actuals: tuple[float | None, ...]


@dataclass(frozen=True)
class BudgetSeries:
    names: tuple[str, ...]
    ceilings: tuple[float, ...]
    spent: tuple[float | None, ...]


def indicator_series(report: Report, indicator: Indicator) -> IndicatorSeries:
    """Target and realisasi of ``indicator`` over every Renstra year."""
    years = tuple(report.renstra.years)

    def plain(value: float | Range | None) -> float | tuple[float, float] | None:
        return (value.low, value.high) if isinstance(value, Range) else value

    return IndicatorSeries(
        indicator.unit,
        years,
        tuple(plain(indicator.target(y)) for y in years),
        tuple(indicator.actual(y) if y <= report.year else None for y in years),
    )


def budget_series(report: Report) -> BudgetSeries:
    programs = report.budget.programs
    return BudgetSeries(
        tuple(p.name for p in programs),
        tuple(p.ceiling for p in programs),
        tuple(p.spent for p in programs),
    )


def _svg(figure: Figure) -> str:
    buffer = io.StringIO()
    figure.savefig(buffer, format="svg", metadata=_SVG_METADATA, bbox_inches="tight")
    return buffer.getvalue()


def _axis_number(value: float, _position: object) -> str:
    return auto_number(value)


@lru_cache(maxsize=64)
def indicator_chart(series: IndicatorSeries) -> str:
    """The indicator chart as an SVG document."""
    with rc_context(_STYLE):
        return _svg(indicator_figure(series))


def indicator_figure(series: IndicatorSeries) -> Figure:
    """Bars of realisasi, a dashed line of the target (a range drawn as an error bar)."""
    with rc_context(_STYLE):
        figure = Figure(figsize=(6.3, 2.6))
        axes = figure.add_subplot()
        x = list(range(len(series.years)))
        actual_x = [i for i, v in zip(x, series.actuals, strict=True) if v]
        actual_y = [v for v in series.actuals if v]
        bars = axes.bar(actual_x, actual_y, width=0.55, color=ACTUAL_COLOUR,
                        label=msg.CHART_ACTUAL, zorder=2)
        # Inside the bars, so the target line above them never hides a figure.
        axes.bar_label(bars, labels=[auto_number(v) for v in actual_y], label_type="center",
                       color="white", fontsize=9, fontweight="bold")
        # A realisasi of 0 is a value, not a gap: a bar-wide mark on the axis and a "0" above
        # it (a year without realisasi draws nothing at all).
        zero_x = [i for i, v in zip(x, series.actuals, strict=True) if v == 0]
        if zero_x:
            axes.scatter(zero_x, [0] * len(zero_x), marker="_", s=700, linewidths=4,
                         color=ACTUAL_COLOUR, zorder=4, clip_on=False,
                         label=None if actual_x else msg.CHART_ACTUAL)
            for i in zero_x:
                axes.annotate(auto_number(0), (i, 0), xytext=(0, 5), textcoords="offset points",
                              ha="center", va="bottom", color=ACTUAL_COLOUR, fontsize=9,
                              fontweight="bold", zorder=4)
        _draw_targets(axes, x, series.targets)
        axes.set_xticks(x, [str(y) for y in series.years])
        axes.set_xlabel(msg.CHART_YEAR)
        axes.set_ylabel(series.unit)
        axes.yaxis.set_major_formatter(FuncFormatter(_axis_number))
        axes.yaxis.set_major_locator(MaxNLocator(6, integer=_whole_numbers(series)))
        axes.set_ylim(bottom=0, top=_top(series) * 1.18 or 1)
        axes.legend(loc="lower right", fontsize=8, framealpha=0.9)
        return figure


def _whole_numbers(series: IndicatorSeries) -> bool:
    """Whether every value is a whole number (a count: the axis then has no 0,6 or 1,2)."""
    values: list[float] = [v for v in series.actuals if v is not None]
    for t in series.targets:
        values += list(t) if isinstance(t, tuple) else [] if t is None else [t]
    return all(float(v).is_integer() for v in values)


def _top(series: IndicatorSeries) -> float:
    values: list[float] = [v for v in series.actuals if v is not None]
    for t in series.targets:
        if isinstance(t, tuple):
            values += list(t)
        elif t is not None:
            values.append(t)
    return max(values, default=1.0)


def _draw_targets(axes: object, x: list[int], targets: tuple) -> None:
    points = [(i, t) for i, t in zip(x, targets, strict=True) if t is not None]
    if not points:
        return
    mid = [(i, (t[0] + t[1]) / 2 if isinstance(t, tuple) else t) for i, t in points]
    axes.plot([i for i, _ in mid], [v for _, v in mid], color=TARGET_COLOUR,  # type: ignore[attr-defined]
              linestyle="--", marker="o", markersize=4, linewidth=1.2, label=msg.CHART_TARGET,
              zorder=3)
    for i, t in points:
        if isinstance(t, tuple):  # a range target: a bar from the lower to the upper bound
            axes.errorbar(  # type: ignore[attr-defined]
                [i], [(t[0] + t[1]) / 2], yerr=[[(t[1] - t[0]) / 2]], color=TARGET_COLOUR,
                capsize=6, capthick=1.5, elinewidth=1.5, zorder=4)


@lru_cache(maxsize=8)
def budget_chart(series: BudgetSeries) -> str:
    """The budget chart as an SVG document."""
    with rc_context(_STYLE):
        return _svg(budget_figure(series))


def budget_figure(series: BudgetSeries) -> Figure:
    """Horizontal bars: pagu and realisasi per program, in millions of rupiah."""
    with rc_context(_STYLE):
        count = len(series.names)
        figure = Figure(figsize=(6.3, 1.0 + 0.8 * count))
        axes = figure.add_subplot()
        y = list(range(count))[::-1]  # first programme on top
        height = 0.38
        millions = [c / 1e6 for c in series.ceilings]
        spent = [0.0 if s is None else s / 1e6 for s in series.spent]
        ceiling_bars = axes.barh([v + height / 2 for v in y], millions, height,
                                 color=CEILING_COLOUR, label=msg.CHART_CEILING)
        spent_bars = axes.barh([v - height / 2 for v in y], spent, height,
                               color=ACTUAL_COLOUR, label=msg.CHART_SPENT)
        for bars, values in ((ceiling_bars, millions), (spent_bars, spent)):
            axes.bar_label(bars, labels=[number(v, 0) for v in values], padding=3, fontsize=9)
        axes.set_yticks(y, [textwrap.fill(n, 30) for n in series.names], fontsize=9)
        axes.xaxis.set_major_formatter(FuncFormatter(lambda v, _p: number(v, 0)))
        axes.set_xlabel(msg.CHART_MILLIONS)
        axes.set_xlim(0, max(millions, default=1) * 1.2)
        axes.grid(axis="y", visible=False)
        axes.legend(loc="lower right", fontsize=8, framealpha=0.9)
        return figure


def data_uri(svg: str) -> str:
    """The SVG as a ``data:`` URI: one self-contained ``<img>``, no file to copy or fetch.

    Each image is its own document, so the fixed ids of two charts on one page cannot clash.
    """
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode("utf-8")).decode("ascii")
