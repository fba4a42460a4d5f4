"""Charts of the placement: systems per destination by tier, and per migration fiscal year.

matplotlib is imported the first time the widget is shown, not when this module is imported:
start-up does not pay for it.
"""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from migration_planner.inventory.contract import TIERS
from migration_planner.placement import DESTINATIONS, Classified, classify
from ui.context import PlanContext
from ui.lazy import WhenShown
from ui.placement_board import LANE_COLOURS, lane_titles

TIER_COLOURS = ("#1f5fa8", "#6fa8dc", "#c9c9c9")


def tier_counts(items: list[Classified]) -> dict[str, list[int]]:
    """tier → systems per destination (in the decision order)."""
    counts = Counter((c.tier, c.destination) for c in items)
    return {tier: [counts[(tier, d)] for d in DESTINATIONS] for tier in TIERS}


def year_counts(items: list[Classified]) -> tuple[list[str], dict[str, list[int]]]:
    """Migration fiscal years (with 未定 for systems without a renewal year) and, per destination,
    how many systems migrate in each."""
    t = QCoreApplication.translate
    years = sorted({c.window.migrate_fy for c in items if c.window is not None})
    keys: list[int | None] = list(years) + ([None] if any(c.window is None for c in items) else [])
    counts = Counter((c.window.migrate_fy if c.window else None, c.destination) for c in items)
    labels = [f"{y}\nR{y - 2018}" if y is not None else t("PlacementChart", "未定") for y in keys]
    return labels, {d: [counts[(y, d)] for y in keys] for d in DESTINATIONS}


class PlacementChart(QWidget):
    """Stacked bars: systems per destination by tier, and systems per migration fiscal year."""

    def __init__(self, context: PlanContext, parent=None) -> None:
        super().__init__(parent)
        self.context = context
        self.canvas = None
        self.figure = None
        # Drawn when shown, never while hidden (nor before it was first shown: no matplotlib till then).
        self._lazy = WhenShown(self, before_first_show=False)
        self._lazy.request(self.draw, full=True)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(4, 4, 4, 4)
        self._placeholder = QLabel(self.tr("グラフを準備しています…"), self)
        self._layout.addWidget(self._placeholder)
        context.sig_plan_opened.connect(self.refresh)
        context.sig_systems_changed.connect(self.refresh)
        context.sig_placement_changed.connect(self.refresh)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._lazy.shown()

    @property
    def _dirty(self) -> bool:
        """Whether a change waits for the chart to be shown."""
        return self._lazy.stale

    def refresh(self) -> None:
        """Redraw now if visible, else when next shown."""
        self._lazy.request(self.draw, full=True)

    def _make_canvas(self) -> None:
        from ui.charts import new_canvas, replace_placeholder

        self.figure, self.canvas = new_canvas((9, 4), self)
        replace_placeholder(self._layout, self._placeholder, self.canvas)

    def draw(self) -> None:
        if self.canvas is None:
            self._make_canvas()
        plan = self.context.plan
        items = classify(plan) if plan is not None else []
        self.figure.clear()
        ax_tier, ax_year = self.figure.subplots(1, 2, width_ratios=(1, 1.4))
        titles = lane_titles()
        dest_names = [titles[d] for d in DESTINATIONS]

        bottom = [0] * len(DESTINATIONS)
        for tier, colour in zip(TIERS, TIER_COLOURS):
            values = tier_counts(items)[tier]
            ax_tier.bar(dest_names, values, bottom=bottom, label=tier, color=colour, edgecolor="white")
            bottom = [b + v for b, v in zip(bottom, values)]
        for x, total in enumerate(bottom):
            if total:
                ax_tier.annotate(str(total), (x, total), ha="center", va="bottom", fontsize=9)
        ax_tier.set_title(self.tr("移行先別・系統別のシステム数"))
        ax_tier.set_ylabel(self.tr("システム数"))
        ax_tier.tick_params(axis="x", labelrotation=15, labelsize=8)
        ax_tier.legend(fontsize=8, frameon=False)

        labels, per_dest = year_counts(items)
        bottom = [0] * len(labels)
        for dest in DESTINATIONS:
            values = per_dest[dest]
            ax_year.bar(labels, values, bottom=bottom, label=titles[dest], color=LANE_COLOURS[dest].name(),
                        edgecolor="white")
            bottom = [b + v for b, v in zip(bottom, values)]
        ax_year.set_title(self.tr("移行年度（次期更新年度）別のシステム数"))
        ax_year.set_xlabel(self.tr("年度"))
        ax_year.tick_params(axis="x", labelsize=8)
        ax_year.legend(fontsize=8, frameon=False)
        for ax in (ax_tier, ax_year):
            ax.yaxis.get_major_locator().set_params(integer=True)
            ax.spines[["top", "right"]].set_visible(False)
        if not items:
            self.figure.text(0.5, 0.5, self.tr("システムがありません（システム一覧を取り込んでください）"), ha="center")
        self.canvas.draw_idle()
