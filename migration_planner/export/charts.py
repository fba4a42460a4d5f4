"""Charts as PNG and PDF: placement by destination × tier, the schedule's Gantt, the subsidy waterfall.

matplotlib's object API with the Agg canvas (``Figure`` + ``FigureCanvasAgg``): no pyplot, no
global figure state, safe in a worker thread. matplotlib is imported when a chart is drawn, not
when this module is imported. IPAexGothic (:mod:`.fonts`) makes the Japanese render everywhere.
"""

from __future__ import annotations

import datetime as dt
import os
from collections import Counter
from collections.abc import Callable

from migration_planner.export.data import ExportData
from migration_planner.export.tables import PHASES
from migration_planner.inventory.contract import TIERS
from migration_planner.money import to_unit
from migration_planner.placement import DESTINATION_LABELS, DESTINATIONS

DEST_COLOURS = {"gov_cloud": "#1f5fa8", "saas": "#2e8b57", "common_cloud": "#c47f00", "on_premises": "#7a4b94"}
TIER_COLOURS = ("#1f5fa8", "#6fa8dc", "#c9c9c9")
FORMATS = ("png", "pdf")
DPI = 150


def _figure(width: float, height: float):
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    from migration_planner.export.fonts import ensure_matplotlib_font

    ensure_matplotlib_font()
    fig = Figure(figsize=(width, height), dpi=DPI, layout="constrained")
    FigureCanvasAgg(fig)
    return fig


def placement_chart(data: ExportData):
    """Systems per destination, stacked by tier."""
    fig = _figure(8, 4.8)
    ax = fig.add_subplot()
    counts = Counter((c.tier, c.destination) for c in data.classified)
    x = range(len(DESTINATIONS))
    bottom = [0] * len(DESTINATIONS)
    for tier, colour in zip(TIERS, TIER_COLOURS):
        values = [counts[(tier, d)] for d in DESTINATIONS]
        ax.bar(x, values, bottom=bottom, color=colour, label=tier, edgecolor="white")
        bottom = [b + v for b, v in zip(bottom, values)]
    for i, total in enumerate(bottom):
        ax.annotate(f"{total}", (i, total), ha="center", va="bottom", fontsize=10)
    ax.set_xticks(list(x), [DESTINATION_LABELS[d] for d in DESTINATIONS])
    ax.set_ylabel("システム数")
    ax.set_title(f"移行先別・系統別のシステム数（{len(data.classified)}システム）")
    ax.legend(title="系統", frameon=False)
    ax.spines[["top", "right"]].set_visible(False)
    ax.margins(y=0.12)
    return fig


def schedule_chart(data: ExportData):
    """The 20 workloads' remaining work by phase, with the deadline, the extended deadline and today."""
    s = data.schedule
    if s is None:
        return None
    import matplotlib.dates as mdates

    workloads = list(s.workloads)
    fig = _figure(11, 0.32 * len(workloads) + 2.0)
    ax = fig.add_subplot()
    spans: dict[tuple[str, str], list[dt.date]] = {}
    for t in s.tasks:
        key = "cutover" if t.step == 40 else "planning" if t.phase == "計画立案" else "migration"
        span = spans.setdefault((t.workload, key), [t.start, t.finish])
        span[0], span[1] = min(span[0], t.start), max(span[1], t.finish)
    for i, w in enumerate(workloads):
        for key in ("planning", "migration", "cutover"):
            span = spans.get((w.code, key))
            if span is None:
                continue
            a = mdates.date2num(span[0])
            b = mdates.date2num(span[1] + dt.timedelta(days=1))
            ax.barh(i, max(b - a, 8 if key == "cutover" else 1), left=a, height=0.6,
                    color="#" + PHASES[key].colour, edgecolor="#333333" if w.critical else "none", linewidth=0.8)
    ax.set_yticks(range(len(workloads)),
                  [f"{'★' if w.critical else ''}{w.code} {w.name}" for w in workloads], fontsize=8)
    for label, w in zip(ax.get_yticklabels(), workloads):
        if w.status == "期限超過":
            label.set_color("#c00000")
    ax.invert_yaxis()
    for day, colour, style, text in (
        (data.deadline, "#c00000", "-", "法定期限"),
        (data.extended_deadline, "#7030a0", "-", "延長期限"),
        (data.as_of, "#00b050", "--", "基準日"),
    ):
        x = mdates.date2num(day)
        ax.axvline(x, color=colour, linestyle=style, linewidth=1.5)
        ax.annotate(f"{text}\n{day:%Y/%m/%d}", (x, -0.8), color=colour, fontsize=8, ha="center", va="bottom",
                    annotation_clip=False)
    ax.xaxis.set_major_locator(mdates.MonthLocator(bymonth=4))
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y/%m"))
    ax.grid(axis="x", color="#dddddd")
    from matplotlib.patches import Patch

    handles = [Patch(color="#" + PHASES[k].colour, label=PHASES[k].label) for k in ("planning", "migration", "cutover")]
    ax.legend(handles=handles, loc="lower right", fontsize=8, frameon=True)
    ax.set_title("標準化20業務の工程（★＝クリティカルパス、赤字＝期限超過）", pad=28)
    return fig


def subsidy_chart(data: ExportData):
    """A waterfall from the eligible cost to the shortfall of the chosen scenario, in 億円."""
    sd = next((s for s in data.scenarios if s.name == data.chart_scenario), data.scenarios[0] if data.scenarios else None)
    if sd is None:
        return None
    r = sd.result
    oku = lambda yen: to_unit(yen, "億円")  # noqa: E731
    steps = [("補助対象経費", r.eligible_cost), ("補助で賄える額", -r.subsidy_covered),
             ("補助対象外経費\n（関連作業）", r.ineligible_cost), ("並行運用の\n追加経費", r.extra_running_cost)]
    fig = _figure(9, 5)
    ax = fig.add_subplot()
    level = 0.0
    for i, (label, yen) in enumerate(steps):
        v = oku(yen)
        bottom = level if v >= 0 else level + v
        ax.bar(i, abs(v), bottom=bottom, color="#c00000" if v >= 0 else "#2e8b57", width=0.6)
        ax.annotate(f"{'+' if v >= 0 else '−'}{abs(v):,.1f}", (i, bottom + abs(v)), ha="center", va="bottom", fontsize=9)
        if i:
            ax.plot([i - 1.3, i + 0.3], [level, level], color="#777777", linewidth=0.8)
        level += v
    total = oku(r.shortfall)
    ax.plot([len(steps) - 1.3, len(steps) + 0.3], [level, level], color="#777777", linewidth=0.8)
    ax.bar(len(steps), total, color="#1f4e78", width=0.6)
    ax.annotate(f"{total:,.1f}", (len(steps), total), ha="center", va="bottom", fontsize=10)
    ax.set_xticks(range(len(steps) + 1), [s[0] for s in steps] + ["不足額\n（市の負担）"], fontsize=9)
    ax.set_ylabel("億円")
    ax.set_title(f"補助金の不足額の内訳（シナリオ「{sd.name}」、上限残額 {oku(r.remaining_cap):,.1f}億円）")
    ax.spines[["top", "right"]].set_visible(False)
    ax.axhline(0, color="#333333", linewidth=0.8)
    return fig


CHARTS: dict[str, Callable] = {
    "移行先と系統": placement_chart,
    "標準化スケジュール": schedule_chart,
    "補助金不足額の内訳": subsidy_chart,
}


def write_charts(folder: str, data: ExportData, write_atomic) -> list[str]:
    """Each chart as ``<name>.png`` and ``<name>.pdf`` in ``folder``; returns the paths written.

    A chart whose data is missing (no schedule) is left out; the caller's notes say why.
    """
    out = []
    for name, make in CHARTS.items():
        fig = make(data)
        if fig is None:
            continue
        for fmt in FORMATS:
            path = os.path.join(folder, f"{name}.{fmt}")

            def save(tmp: str, fig=fig, fmt=fmt) -> None:
                fig.savefig(tmp, format=fmt, dpi=DPI, metadata={"Title": f"{data.plan_name} {name}"} if fmt == "pdf" else None)

            write_atomic(path, save)
            out.append(path)
    return out
