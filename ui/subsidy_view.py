"""補助金試算: the subsidy shortfall what-if, with scenarios, live inputs, charts and a comparison.

The figures come from ``migration_planner.subsidy`` (pure, ≈1 ms an evaluation), so every spin box
and slider move recomputes at once. Every change is stored in the plan at once, as an undo command
on the shared stack: nothing the planner set lives only in a widget. Consecutive changes of one
input (a slider drag, the digits typed into a spin box, changes less than ``MERGE_WINDOW_S`` apart)
make one undo step (``ParamEditCommand``: ``QUndoCommand.id``/``mergeWith``).
Charts are drawn with matplotlib, imported the first time a chart is shown, and redrawn shortly
after the inputs settle. The schedule's lateness (seconds to compute) is computed off the GUI
thread and folded in when it arrives.

Inputs: the numbers and rules on the 「前提」 tab; how a system's costs are shared among its
workloads (rule and weights) on 「業務への配分」; which systems count as related work (rule, share,
extra amount, a checkable list of the systems with their 移行経費見込) on 「関連作業」
(``ui/subsidy_editors.py``).
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass

from PySide6.QtCore import (
    QAbstractListModel,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QSignalBlocker,
    Qt,
    QThread,
    QTimer,
    Signal,
)
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSlider,
    QSpinBox,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.exc import SQLAlchemyError

from migration_planner.i18n import QT_TRANSLATE_NOOP
from migration_planner.money import DISPLAY_UNITS, format_number, to_unit
from migration_planner.subsidy import (
    FIGURE_LABELS,
    PARAM_LABELS,
    AddScenario,
    Comparison,
    CostBase,
    DeleteScenario,
    ParamError,
    RenameScenario,
    ScenarioError,
    ScenarioInfo,
    ScenarioParams,
    SubsidyResult,
    TornadoRow,
    UpdateScenario,
    compare,
    duplicate_command,
    ensure_baseline,
    evaluate,
    late_months_for,
    list_scenarios,
    schedule_late_months,
    tornado,
)
from migration_planner.subsidy.params import DELAY_SOURCES, PARALLEL_RULES, RELATED_RULES, SHARE_RULES
from migration_planner.workloads import WORKLOADS
from ui.context import PlanContext
from ui.i18n import tr_core, tr_lines, unit_name, yen
from ui.lazy import WhenShown
from ui.subsidy_editors import (
    RelatedSystemsModel,
    ShareWeightsModel,
    WeightDelegate,
    related_params,
    search_proxy,
)
from ui.workers import job_climate

MERGE_WINDOW_S = 1.5     # changes of one input closer than this make one undo step
CHART_DELAY_MS = 120     # redraw charts and the comparison this long after the last change
OKU = 100_000_000


def _tr(text: str) -> str:
    return QCoreApplication.translate("SubsidyView", text)


# ---------------------------------------------------------------- undo
class ScenarioUndoCommand(QUndoCommand):
    """A ``QUndoCommand`` around a core scenario command that has already been applied once.

    The view applies the command before pushing it (so a refused edit never reaches the stack);
    the first ``redo`` (QUndoStack.push) only announces the change.
    """

    def __init__(self, context: PlanContext, command, parent: QUndoCommand | None = None) -> None:
        super().__init__(tr_core(command.text), parent)
        self.context = context
        self.command = command
        self._applied = True

    def redo(self) -> None:
        if not self._applied:
            self.command.apply(self.context.plan)
        self._applied = False
        self.context.notify("scenarios")

    def undo(self) -> None:
        self.command.revert(self.context.plan)
        self.context.notify("scenarios")


#: What ``ParamEditCommand.id`` returns: QUndoStack offers the step just done ``mergeWith`` the next.
PARAM_EDIT_ID = 0x5B51

_clock = time.monotonic   # the merge window's clock (tests replace it)


class ParamEditCommand(ScenarioUndoCommand):
    """One change of one input of a scenario (an applied ``UpdateScenario``), as one undo step.

    The next change of the same input of the same scenario merges into this step (``mergeWith``)
    when it belongs to the same slider drag (``gesture``) or comes within ``MERGE_WINDOW_S`` of the
    previous one; the merged step undoes to the state before the first change. A drag that ends
    where it started leaves no step (``setObsolete``). QUndoStack itself never merges into the
    saved (clean) state.
    """

    def __init__(self, context: PlanContext, command, key: str, gesture: int | None = None) -> None:
        super().__init__(context, command)
        self.key = key
        self.gesture = gesture
        self.when = _clock()

    def id(self) -> int:
        return PARAM_EDIT_ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, ParamEditCommand) or other.key != self.key:
            return False
        if other.command.scenario_id != self.command.scenario_id:
            return False
        same_drag = other.gesture is not None and other.gesture == self.gesture
        if not same_drag and other.when - self.when > MERGE_WINDOW_S:
            return False
        self.command.new_params = other.command.new_params
        self.when, self.gesture = other.when, other.gesture
        self.setText(other.text())
        if self.command.new_params == self.command.old_params:
            self.setObsolete(True)
        return True


# ---------------------------------------------------------------- models
class ScenarioListModel(QAbstractListModel):
    """The plan's scenarios, the baseline first."""

    IdRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.items: list[ScenarioInfo] = []

    def set_items(self, items: list[ScenarioInfo]) -> None:
        self.beginResetModel()
        self.items = list(items)
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.items)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.items):
            return None
        item = self.items[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return item.name + (_tr("（基準）") if item.is_baseline else "")
        if role == Qt.ItemDataRole.ToolTipRole:
            return _tr("ベースライン：削除できません") if item.is_baseline else item.name
        if role == self.IdRole:
            return item.id
        return None

    def row_of(self, scenario_id: int | None) -> int:
        return next((i for i, s in enumerate(self.items) if s.id == scenario_id), -1)


@dataclass(frozen=True)
class _Col:
    title: str
    get: object          # row → value
    amount: bool = True


class BreakdownModel(QAbstractTableModel):
    """The result by fiscal year (``mode="fy"``) or by workload (``mode="workload"``)."""

    def __init__(self, mode: str, parent=None) -> None:
        super().__init__(parent)
        self.mode = mode
        self.unit = "億円"
        self.rows: list = []
        if mode == "fy":
            self.cols = [
                _Col(_tr("年度"), lambda r: tr_core(r.label), False),
                _Col(_tr("補助対象経費"), lambda r: r.eligible_cost),
                _Col(_tr("補助"), lambda r: r.subsidy_covered),
                _Col(_tr("補助対象外"), lambda r: r.ineligible_cost),
                _Col(_tr("並行運用"), lambda r: r.extra_running_cost),
                _Col(_tr("市の負担"), lambda r: r.shortfall),
                _Col(_tr("説明"), lambda r: tr_core(r.explanation), False),
            ]
        else:
            self.cols = [
                _Col(_tr("業務"), lambda r: f"{r.code} {r.name}", False),
                _Col(_tr("補助対象経費"), lambda r: r.eligible_cost),
                _Col(_tr("補助"), lambda r: r.subsidy_covered),
                _Col(_tr("遅れ（か月）"), lambda r: format_number(r.late_months, 1), False),
                _Col(_tr("並行運用"), lambda r: r.extra_running_cost),
                _Col(_tr("市の負担"), lambda r: r.shortfall),
                _Col(_tr("説明"), lambda r: tr_core(r.explanation), False),
            ]

    def set_result(self, result: SubsidyResult | None, unit: str) -> None:
        rows = [] if result is None else list(
            (result.by_fiscal_year if self.mode == "fy" else result.by_workload).values())
        if len(rows) == len(self.rows) and unit == self.unit and rows:
            self.rows = rows
            self.dataChanged.emit(self.index(0, 0), self.index(len(rows) - 1, len(self.cols) - 1),
                                  [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole])
            return
        self.beginResetModel()
        self.rows, self.unit = rows, unit
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.cols)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        col = self.cols[index.column()]
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            v = col.get(row)
            return yen(v, self.unit) if col.amount else v
        if role == Qt.ItemDataRole.ToolTipRole:
            return tr_core(row.explanation)
        if role == Qt.ItemDataRole.TextAlignmentRole and col.amount:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self.cols[section].title if 0 <= section < len(self.cols) else None
        return str(section + 1)


class ComparisonModel(QAbstractTableModel):
    """Scenarios side by side: one column a scenario, then one a difference from the baseline."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.comparison = Comparison([], "", [], [])
        self.unit = "億円"
        self._cols: list[tuple[int, bool]] = []   # (scenario index, is difference)

    def set_comparison(self, comparison: Comparison, unit: str) -> None:
        b = comparison.scenarios.index(comparison.baseline) if comparison.scenarios else 0
        cols = [(i, False) for i in range(len(comparison.scenarios))]
        cols += [(i, True) for i in range(len(comparison.scenarios)) if i != b]
        same_shape = (cols == self._cols and len(comparison.rows) == len(self.comparison.rows)
                      and comparison.scenarios == self.comparison.scenarios and unit == self.unit)
        if same_shape and cols and comparison.rows:
            self.comparison = comparison
            self.dataChanged.emit(self.index(0, 0), self.index(len(comparison.rows) - 1, len(cols)),
                                  [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole])
            return
        self.beginResetModel()
        self.comparison, self.unit, self._cols = comparison, unit, cols
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.comparison.rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else 1 + len(self._cols)

    def _text(self, kind: str, value, diff: bool) -> str:
        if kind == "rule":
            return (_tr("異なる") if value else "") if diff else tr_core(value)
        if kind == "amount":
            return yen(value, self.unit, sign=diff)
        text = format_number(value, 2).rstrip("0").rstrip(".")
        if diff and value > 0:
            return "+" + text
        if diff and value < 0:
            return "△" + text.lstrip("-")
        return text

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.comparison.rows):
            return None
        row = self.comparison.rows[index.row()]
        c = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if c == 0:
                return tr_core(row.label)
            i, diff = self._cols[c - 1]
            return self._text(row.kind, row.diffs[i] if diff else row.values[i], diff)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, c)
        if role == Qt.ItemDataRole.TextAlignmentRole and c > 0 and row.kind != "rule":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _tooltip(self, row, c: int) -> str:
        """How the cell's figure was reached: the scenario's own explanation, or the subtraction."""
        if c == 0:
            return tr_core(row.label)
        i, diff = self._cols[c - 1]
        names = self.comparison.scenarios
        if diff:
            return _tr("「{0}」の値 − 基準「{1}」の値").format(names[i], self.comparison.baseline)
        results = self.comparison.results
        if row.kind == "amount" and i < len(results):
            return tr_core(results[i].explanations.get(row.key, ""))
        return _tr("シナリオ「{0}」の前提").format(names[i])

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        if section == 0:
            return _tr("項目")
        if not 0 < section <= len(self._cols):
            return None
        i, diff = self._cols[section - 1]
        name = self.comparison.scenarios[i]
        return _tr("差（{0}）").format(name) if diff else name


# ---------------------------------------------------------------- charts
class SubsidyChart(QWidget):
    """One chart (``kind``: "waterfall", "fiscal_year" or "tornado"); matplotlib on first show."""

    def __init__(self, kind: str, parent=None) -> None:
        super().__init__(parent)
        self.kind = kind
        self.figure = None
        self.canvas = None
        self._lazy = WhenShown(self, before_first_show=False)   # drawn when shown, never while hidden
        self._lazy.request(self.draw, full=True)
        self._data: tuple = (None, [], "億円")
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(2, 2, 2, 2)
        self._placeholder = QLabel(self.tr("グラフを準備しています…"), self)
        self._layout.addWidget(self._placeholder)

    def set_data(self, result: SubsidyResult | None, rows: list[TornadoRow], unit: str) -> None:
        self._data = (result, rows, unit)
        self._lazy.request(self.draw, full=True)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._lazy.shown()

    def _make_canvas(self) -> None:
        from ui.charts import new_canvas, replace_placeholder

        self.figure, self.canvas = new_canvas((7, 3.6), self)
        replace_placeholder(self._layout, self._placeholder, self.canvas)

    def draw(self) -> None:
        if self.canvas is None:
            self._make_canvas()
        result, rows, unit = self._data
        self.figure.clear()
        ax = self.figure.add_subplot()
        if result is None:
            ax.set_axis_off()
            ax.text(0.5, 0.5, self.tr("プランを開いてください"), ha="center", transform=ax.transAxes)
        else:
            getattr(self, f"_draw_{self.kind}")(ax, result, rows, unit)
            ax.spines[["top", "right"]].set_visible(False)
        self.canvas.draw_idle()

    def _draw_waterfall(self, ax, r: SubsidyResult, rows, unit: str) -> None:
        u = lambda v: to_unit(v, unit)  # noqa: E731
        after_subsidy = r.eligible_cost - r.subsidy_covered
        steps = [
            (self.tr("補助対象経費"), 0, r.eligible_cost, "#6fa8dc"),
            (self.tr("補助"), after_subsidy, r.subsidy_covered, "#6aa84f"),
            (self.tr("対象外（関連作業）"), after_subsidy, r.ineligible_cost, "#e69138"),
            (self.tr("並行運用"), after_subsidy + r.ineligible_cost, r.extra_running_cost, "#c27ba0"),
            (self.tr("不足額（市の負担）"), 0, r.shortfall, "#cc0000"),
        ]
        labels = [s[0] for s in steps]
        ax.bar(labels, [u(s[2]) for s in steps], bottom=[u(s[1]) for s in steps],
               color=[s[3] for s in steps], edgecolor="white")
        for x, (_, bottom, height, _c) in enumerate(steps):
            sign = "−" if x == 1 else ""
            ax.annotate(sign + yen(height, unit), (x, u(bottom + height)), ha="center", va="bottom", fontsize=8)
        ax.set_title(self.tr("経費 → 補助 → 不足額"))
        ax.set_ylabel(unit_name(unit))
        ax.tick_params(axis="x", labelsize=8)

    def _draw_fiscal_year(self, ax, r: SubsidyResult, rows, unit: str) -> None:
        fys = list(r.by_fiscal_year.values())
        labels = [f"{tr_core(f.label)}\n{f.fiscal_year}" for f in fys]
        parts = [
            (self.tr("補助で賄う"), [f.subsidy_covered for f in fys], "#6aa84f"),
            (self.tr("市負担：対象経費の残り"), [f.eligible_cost - f.subsidy_covered for f in fys], "#6fa8dc"),
            (self.tr("市負担：対象外"), [f.ineligible_cost for f in fys], "#e69138"),
            (self.tr("市負担：並行運用"), [f.extra_running_cost for f in fys], "#c27ba0"),
        ]
        bottom = [0.0] * len(fys)
        for name, values, colour in parts:
            vals = [to_unit(v, unit) for v in values]
            ax.bar(labels, vals, bottom=bottom, label=name, color=colour, edgecolor="white")
            bottom = [b + v for b, v in zip(bottom, vals)]
        ax.set_title(self.tr("年度別の経費と負担"))
        ax.set_ylabel(unit_name(unit))
        ax.tick_params(axis="x", labelsize=8)
        ax.legend(fontsize=8, frameon=False)

    def _draw_tornado(self, ax, r: SubsidyResult, rows: list[TornadoRow], unit: str) -> None:
        ordered = list(reversed(rows))      # the largest swing on top
        base = to_unit(r.shortfall, unit)
        ys = range(len(ordered))
        lo = [to_unit(t.shortfall_low, unit) - base for t in ordered]
        hi = [to_unit(t.shortfall_high, unit) - base for t in ordered]
        ax.barh(ys, lo, left=base, color="#6fa8dc", label=self.tr("範囲の下限"))
        ax.barh(ys, hi, left=base, color="#cc4125", label=self.tr("範囲の上限"))
        ax.set_yticks(list(ys), tr_lines(t.description for t in ordered), fontsize=8)
        ax.axvline(base, color="black", linewidth=0.8)
        ax.set_title(self.tr("不足額を最も動かす前提（トルネード図）"))
        ax.set_xlabel(self.tr("不足額（{0}）").format(unit_name(unit)))
        ax.legend(fontsize=8, frameon=False)


# ---------------------------------------------------------------- the schedule, off the GUI thread
class _ScheduleWorker(QThread):
    """Computes the schedule's lateness off the GUI thread.

    It has no parent and is kept in ``_running`` until it ends: a view closed (and deleted) while
    the schedule is being computed must not destroy a running thread, which aborts the program
    ("QThread: Destroyed while thread is still running"). Its result then goes nowhere.
    """

    sig_done = Signal(object)
    """(late months by workload or None, note)."""

    _running: set = set()

    def __init__(self, plan) -> None:
        super().__init__()
        self.plan = plan
        _ScheduleWorker._running.add(self)
        self.finished.connect(self._forget)

    def _forget(self) -> None:
        # Dropped on the next turn of the loop, not inside its own signal's delivery.
        QTimer.singleShot(0, lambda: _ScheduleWorker._running.discard(self))

    def run(self) -> None:
        with job_climate():  # as every worker (ui.workers): no collection here, the GIL handed over at once
            late = schedule_late_months(self.plan)
        self.sig_done.emit(late)


# ---------------------------------------------------------------- the view
@dataclass(frozen=True)
class _Num:
    key: str
    minimum: float
    maximum: float
    decimals: int
    step: float
    slider: tuple[int, int, float] | None   # (min, max, value per slider step)
    money: bool = False                     # yen shown in 億円
    suffix: str = ""
    tab: str = "main"                       # "main", "share" or "related"


# The suffixes are translated where the spin boxes are made (self.tr); QT_TRANSLATE_NOOP lists them.
_OKU, _TIMES, _MONTHS = (QT_TRANSLATE_NOOP("SubsidyView", " 億円"), QT_TRANSLATE_NOOP("SubsidyView", " 倍"),
                         QT_TRANSLATE_NOOP("SubsidyView", " か月"))
NUMERIC = (
    _Num("cap", 0, 1000, 3, 0.1, (0, 500, 0.1), money=True, suffix=_OKU),
    _Num("committed", 0, 1000, 3, 0.1, (0, 500, 0.1), money=True, suffix=_OKU),
    _Num("escalation_pct", -50, 200, 1, 0.5, (0, 50, 1), suffix=" %"),
    _Num("running_multiplier", 0, 20, 2, 0.1, (0, 60, 0.1), suffix=_TIMES),
    _Num("delay_months", 0, 120, 1, 1, (0, 60, 1), suffix=_MONTHS),
    _Num("related_share_pct", 0, 100, 0, 5, (0, 100, 1), suffix=" %", tab="related"),
    _Num("related_extra", 0, 1000, 3, 0.1, None, money=True, suffix=_OKU, tab="related"),
)
#: The rules: their choices and the input tab they sit on (the related-work rule above its list).
CHOICES = {
    "delay_source": (DELAY_SOURCES, "main"),
    "parallel_rule": (PARALLEL_RULES, "main"),
    "share_rule": (SHARE_RULES, "share"),
    "related_rule": (RELATED_RULES, "related"),
}
#: The rules whose current choice is explained in a line under the choice (texts in ``_rule_notes``).
RULE_NOTES = ("parallel_rule", "share_rule", "related_rule")
def input_name(key: str) -> str:
    """An input's name in undo steps (「補助上限額」: its label without the unit), in the interface's language."""
    label = PARAM_LABELS.get(key)
    return re.split(r"\s*[（(]", tr_core(label))[0] if label else key


class SubsidyView(QWidget):
    """Scenarios, their assumptions as live inputs, the results with explanations, charts, comparison."""

    sig_result_changed = Signal()
    """The figures were recomputed (after any input, scenario or plan change)."""

    def __init__(self, context: PlanContext, parent=None) -> None:
        super().__init__(parent)
        self.context = context
        self.base: CostBase | None = None
        self.result: SubsidyResult | None = None
        self.tornado_rows: list[TornadoRow] = []
        self.params = ScenarioParams()
        self.scenario_id: int | None = None
        self.schedule_late = None               # (late, note) once computed
        self._loading = False
        self._worker: _ScheduleWorker | None = None
        self._schedule_stale = False
        self._lazy = WhenShown(self)
        self.unit = "億円"

        self._chart_timer = QTimer(self, singleShot=True, interval=CHART_DELAY_MS, timeout=self._update_slow)
        self._build()
        # Hidden (another tab in front), the view does not recompute: it catches up once when shown.
        context.sig_plan_opened.connect(self._reload_when_shown)
        context.sig_systems_changed.connect(self._reload_when_shown)
        context.sig_schedule_changed.connect(self._schedule_changed)
        context.sig_scenarios_changed.connect(self._scenarios_changed_when_shown)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.wait_for_schedule)
        if context.plan is not None:
            self.reload()

    # ------------------------------------------------------------ building
    def _build(self) -> None:
        outer = QHBoxLayout(self)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        outer.addWidget(splitter)

        # scenarios
        left = QWidget(splitter)
        lv = QVBoxLayout(left)
        lv.addWidget(QLabel(self.tr("シナリオ"), left))
        self.scenario_model = ScenarioListModel(self)
        self.scenario_list = QListView(left)
        self.scenario_list.setModel(self.scenario_model)
        self.scenario_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.scenario_list.selectionModel().currentChanged.connect(self._current_changed)
        lv.addWidget(self.scenario_list)
        buttons = QGridLayout()
        self.add_button = QPushButton(self.tr("追加"), left, clicked=lambda: self.add_scenario())
        self.duplicate_button = QPushButton(self.tr("複製"), left, clicked=lambda: self.duplicate_scenario())
        self.rename_button = QPushButton(self.tr("名前変更"), left, clicked=lambda: self.rename_scenario())
        self.delete_button = QPushButton(self.tr("削除"), left, clicked=lambda: self.delete_scenario())
        for i, b in enumerate((self.add_button, self.duplicate_button, self.rename_button, self.delete_button)):
            buttons.addWidget(b, i // 2, i % 2)
        lv.addLayout(buttons)

        # inputs: three tabs (the numbers and rules; sharing among workloads; related work)
        self.input_tabs = QTabWidget(splitter)
        inputs = QWidget()
        inputs_box = QVBoxLayout(inputs)
        form = QFormLayout()
        inputs_box.addLayout(form)
        inputs_box.addStretch(1)          # the rows keep their height; the space goes below them
        share_page = QWidget()
        share_form = QFormLayout(share_page)
        related_page = QWidget()
        related_form = QFormLayout(related_page)
        forms = {"main": form, "share": share_form, "related": related_form}
        self.spins: dict[str, QDoubleSpinBox] = {}
        self.sliders: dict[str, QSlider] = {}
        self._gesture = 0                      # numbers each slider drag (one undo step)
        for n in NUMERIC:
            page = forms[n.tab]
            spin = QDoubleSpinBox(page.parentWidget())
            spin.setRange(n.minimum, n.maximum)
            spin.setDecimals(n.decimals)
            spin.setSingleStep(n.step)
            spin.setGroupSeparatorShown(True)
            spin.setSuffix(self.tr(n.suffix))
            spin.valueChanged.connect(lambda _v, key=n.key: self._spin_changed(key))
            self.spins[n.key] = spin
            row = QHBoxLayout()
            row.addWidget(spin)
            if n.slider:
                slider = QSlider(Qt.Orientation.Horizontal, page.parentWidget())
                slider.setRange(n.slider[0], n.slider[1])
                slider.valueChanged.connect(lambda v, key=n.key: self._slider_changed(key, v))
                slider.sliderPressed.connect(self._drag_started)
                self.sliders[n.key] = slider
                row.addWidget(slider, 1)
            label = tr_core(PARAM_LABELS[n.key])
            page.addRow(label.replace(self.tr("（円）"), self.tr("（億円）")) if n.money else label, row)
        self.spread_spin = QSpinBox(inputs)
        self.spread_spin.setRange(1, 10)
        self.spread_spin.setSuffix(self.tr(" 年"))
        self.spread_spin.valueChanged.connect(lambda _v: self._input_changed("spread_years"))
        form.addRow(tr_core(PARAM_LABELS["spread_years"]), self.spread_spin)
        self.combos: dict[str, QComboBox] = {}
        self.rule_notes: dict[str, QLabel] = {}
        for key, (choices, tab) in CHOICES.items():
            page = forms[tab]
            combo = QComboBox(page.parentWidget())
            for value, label in choices.items():
                combo.addItem(tr_core(label), value)
            combo.currentIndexChanged.connect(lambda _i, key=key: self._input_changed(key))
            self.combos[key] = combo
            page.addRow(tr_core(PARAM_LABELS[key]), combo)
            if key in RULE_NOTES:
                note = QLabel(page.parentWidget())
                note.setWordWrap(True)
                note.setStyleSheet("color: #555")
                self.rule_notes[key] = note
                page.addRow(note)
        for key, notes in self._rule_notes().items():
            for i, value in enumerate(CHOICES[key][0]):
                self.combos[key].setItemData(i, notes[value], Qt.ItemDataRole.ToolTipRole)
        self.slipping_list = QListWidget(inputs)
        self.slipping_list.setMaximumHeight(150)
        for w in WORKLOADS:
            item = QListWidgetItem(f"{w.code} {w.name}", self.slipping_list)
            item.setData(Qt.ItemDataRole.UserRole, w.code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
        self.slipping_list.itemChanged.connect(lambda _i: self._input_changed("slipping"))
        form.addRow(tr_core(PARAM_LABELS["slipping"]), self.slipping_list)
        self.error_label = QLabel(inputs)
        self.error_label.setStyleSheet("color: #cc0000")
        self.error_label.setWordWrap(True)
        form.addRow(self.error_label)
        scroll = QScrollArea(self.input_tabs)
        scroll.setWidget(inputs)
        scroll.setWidgetResizable(True)
        self.input_tabs.addTab(scroll, self.tr("前提"))

        # how a system's costs are shared among its workloads
        self.share_model = ShareWeightsModel(self)
        self.share_model.sig_weight_edited.connect(self._weight_edited)
        self.share_table = QTableView(share_page)
        self.share_table.setModel(self.share_model)
        self.share_table.setItemDelegateForColumn(ShareWeightsModel.WEIGHT, WeightDelegate(self.share_table))
        self.share_table.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        self.share_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.share_table.horizontalHeader().setStretchLastSection(True)
        self.share_table.setWordWrap(False)
        share_form.addRow(self.share_table)
        self.input_tabs.addTab(share_page, self.tr("業務への配分"))

        # which systems count as related work (not eligible)
        self.related_model = RelatedSystemsModel(self)
        self.related_model.sig_related_toggled.connect(self._related_toggled)
        self.related_proxy = search_proxy(self.related_model, self)
        self.related_filter = QLineEdit(related_page)
        self.related_filter.setPlaceholderText(self.tr("システムIDまたは名前で絞り込み"))
        self.related_filter.setClearButtonEnabled(True)
        self.related_filter.textChanged.connect(self.related_proxy.setFilterFixedString)
        related_form.addRow(self.tr("絞り込み"), self.related_filter)
        self.related_table = QTableView(related_page)
        self.related_table.setModel(self.related_proxy)
        self.related_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.related_table.horizontalHeader().setStretchLastSection(True)
        self.related_table.setWordWrap(False)
        for col, width in ((0, 80), (1, 80), (2, 180), (3, 90), (4, 180), (5, 90)):
            self.related_table.setColumnWidth(col, width)
        related_form.addRow(self.related_table)
        self.related_summary = QLabel(related_page)
        self.related_summary.setWordWrap(True)
        self.related_summary.setStyleSheet("color: #555")
        related_form.addRow(self.related_summary)
        self.input_tabs.addTab(related_page, self.tr("関連作業"))

        # results
        right = QWidget(splitter)
        rv = QVBoxLayout(right)
        unit_row = QHBoxLayout()
        unit_row.addWidget(QLabel(self.tr("金額の単位"), right))
        self.unit_combo = QComboBox(right)
        for u in DISPLAY_UNITS:
            self.unit_combo.addItem(unit_name(u), u)
        self.unit_combo.setCurrentIndex(DISPLAY_UNITS.index(self.unit))
        self.unit_combo.currentIndexChanged.connect(self._unit_changed)
        unit_row.addWidget(self.unit_combo)
        unit_row.addStretch(1)
        rv.addLayout(unit_row)

        box = QGroupBox(self.tr("結果"), right)
        grid = QGridLayout(box)
        self.value_labels: dict[str, QLabel] = {}
        self.explain_labels: dict[str, QLabel] = {}
        for i, key in enumerate(SubsidyResult.FIGURES):
            name = QLabel(tr_core(FIGURE_LABELS[key]), box)
            value = QLabel(box)
            value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            explain = QLabel(box)
            explain.setWordWrap(True)
            explain.setStyleSheet("color: #555")
            if key == "shortfall":
                for w in (name, value):
                    f = w.font()
                    f.setBold(True)
                    w.setFont(f)
            grid.addWidget(name, i, 0)
            grid.addWidget(value, i, 1)
            grid.addWidget(explain, i, 2)
            self.value_labels[key], self.explain_labels[key] = value, explain
        grid.setColumnStretch(2, 1)
        self.shortfall_label = self.value_labels["shortfall"]
        self.notes_label = QLabel(box)
        self.notes_label.setWordWrap(True)
        self.notes_label.setStyleSheet("color: #7f6000")
        grid.addWidget(self.notes_label, len(SubsidyResult.FIGURES), 0, 1, 3)
        rv.addWidget(box)

        self.tabs = QTabWidget(right)
        self.charts = {k: SubsidyChart(k) for k in ("waterfall", "fiscal_year", "tornado")}
        self.tabs.addTab(self.charts["waterfall"], self.tr("経費→補助→不足額"))
        self.tabs.addTab(self.charts["fiscal_year"], self.tr("年度別"))
        self.tabs.addTab(self.charts["tornado"], self.tr("感度（トルネード）"))
        self.fy_model = BreakdownModel("fy", self)
        self.workload_model = BreakdownModel("workload", self)
        self.comparison_model = ComparisonModel(self)
        for model, title in ((self.fy_model, self.tr("年度別の表")), (self.workload_model, self.tr("業務別の表")),
                             (self.comparison_model, self.tr("シナリオ比較"))):
            table = QTableView(self.tabs)
            table.setModel(model)
            table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
            table.horizontalHeader().setStretchLastSection(True)
            table.setWordWrap(False)
            self.tabs.addTab(table, title)
        self.comparison_table = self.tabs.widget(self.tabs.count() - 1)
        rv.addWidget(self.tabs, 1)
        splitter.setStretchFactor(2, 1)
        splitter.setSizes([170, 560, 900])
        inputs.setMinimumWidth(520)
        self._enable(False)

    def _rule_notes(self) -> dict[str, dict[str, str]]:
        """One line per choice of a rule: what it counts and why (shown under the choice)."""
        return {
            "parallel_rule": {
                "old": self.tr("既定。遅れた1か月ごとに旧システムを動かし続ける費用（現行の運用経費の12分の1）を数えます。"
                               "新環境の運用経費は期限どおりでも期限後に払うため、遅れで増えるのは旧システムの分です。"),
                "new": self.tr("遅れた1か月ごとに新環境（ガバメントクラウド）の運用経費（現行 × 倍率の12分の1）を数えます。"
                               "旧システムの経費は通常予算で続くとみる見方で、期限どおりでも払う新環境の経費を遅れの費用に含めます。"),
                "both": self.tr("遅れた1か月ごとに新旧両方の運用経費（現行 × (1 + 倍率) の12分の1）を数えます（最も大きく見る見方）。"),
            },
            "share_rule": {
                "equal": self.tr("複数の業務を担うシステムの経費を、その業務に均等に分けます（例：4業務なら1/4ずつ）。"),
                "weight": self.tr("下の表の重みの比で分けます（重み0の業務は0円、指定しない業務は1）。重みのセルをダブルクリックして編集します。"),
            },
            "related_rule": {
                "linked": self.tr("標準化対象システムと連携する対象外システムを自動で数えます。"
                                  "下の表でチェックを外すと除外、ほかのシステムにチェックすると追加します。"),
                "listed": self.tr("下の表でチェックしたシステムだけを数えます。"),
                "none": self.tr("関連作業を数えません（補助対象外経費は追加の関連作業費だけになります）。"),
            },
        }

    def _show_rule_notes(self) -> None:
        notes = self._rule_notes()
        for key, label in self.rule_notes.items():
            label.setText(notes[key].get(getattr(self.params, key), ""))
        self.combos["parallel_rule"].setToolTip(notes["parallel_rule"][self.params.parallel_rule])

    def _enable(self, on: bool) -> None:
        for w in (self.add_button, self.duplicate_button, self.rename_button, self.delete_button):
            w.setEnabled(on)
        current = self._current_info()
        self.delete_button.setEnabled(on and current is not None and not current.is_baseline)

    # ------------------------------------------------------------ loading
    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._lazy.shown()

    def _reload_when_shown(self) -> None:
        self._lazy.request(self.reload, full=True)

    def _scenarios_changed_when_shown(self) -> None:
        self._lazy.request(self._scenarios_changed)

    def reload(self) -> None:
        """Re-read the plan: systems, scenarios (creating the baseline) and the schedule."""
        plan = self.context.plan
        if plan is None:
            self.base, self.result, self.scenario_id = None, None, None
            self.scenario_model.set_items([])
            self._show_result()
            self._enable(False)
            return
        if self._worker is None or self._worker.plan is not plan:
            self.schedule_late = None
        self.base = CostBase.from_plan(plan)
        ensure_baseline(plan)
        self._reload_scenarios(keep=self.scenario_id)
        self._start_schedule()

    def _reload_scenarios(self, keep: int | None) -> None:
        items = list_scenarios(self.context.plan)
        self.scenario_model.set_items(items)
        row = self.scenario_model.row_of(keep)
        if row < 0:
            row = 0 if items else -1
        self._select_row(row)

    def _select_row(self, row: int) -> None:
        if row < 0:
            return
        index = self.scenario_model.index(row)
        with QSignalBlocker(self.scenario_list.selectionModel()):
            self.scenario_list.setCurrentIndex(index)
        self._load_scenario(self.scenario_model.items[row])

    def _load_scenario(self, info: ScenarioInfo) -> None:
        self.scenario_id = info.id
        self.params = info.params
        self._write_inputs(info.params)
        self._enable(True)
        self.recompute()

    def _current_info(self) -> ScenarioInfo | None:
        row = self.scenario_model.row_of(self.scenario_id)
        return self.scenario_model.items[row] if row >= 0 else None

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            return
        wanted = current.data(ScenarioListModel.IdRole)
        self._select_row(self.scenario_model.row_of(wanted))

    def _scenarios_changed(self) -> None:
        """Scenarios changed in the plan (here, by undo, or elsewhere): follow the stored state."""
        if self.context.plan is None:
            return
        items = list_scenarios(self.context.plan)
        self.scenario_model.set_items(items)
        row = self.scenario_model.row_of(self.scenario_id)
        if row < 0:
            self._select_row(0 if items else -1)
            return
        with QSignalBlocker(self.scenario_list.selectionModel()):
            self.scenario_list.setCurrentIndex(self.scenario_model.index(row))
        if items[row].params != self.params:
            # Undo/redo (or another view) changed the stored assumptions: show them.
            self._load_scenario(items[row])
        else:
            self._enable(True)
            self._chart_timer.start()   # the comparison shows other scenarios' new state

    def _schedule_changed(self) -> None:
        self._lazy.request(self._start_schedule)

    def _start_schedule(self) -> None:
        if self.context.plan is None:
            return
        if self._worker is not None and self._worker.isRunning():
            self._schedule_stale = True
            return
        self._schedule_stale = False
        self._worker = _ScheduleWorker(self.context.plan)
        self._worker.sig_done.connect(self._schedule_done)
        self._worker.start()

    def _schedule_done(self, late) -> None:
        if self._schedule_stale or self._worker.plan is not self.context.plan:
            self._worker.wait()
            self._schedule_stale = False
            self._start_schedule()
            return
        self.schedule_late = late
        self.recompute()

    def wait_for_schedule(self, ms: int = 30_000) -> bool:
        """Block until the background schedule computation ends (tests, closing)."""
        return self._worker is None or self._worker.wait(ms)

    # ------------------------------------------------------------ inputs
    def _write_inputs(self, p: ScenarioParams) -> None:
        self._loading = True
        try:
            for n in NUMERIC:
                v = getattr(p, n.key)
                self.spins[n.key].setValue(v / OKU if n.money else v)
                self._sync_slider(n)
            self.spread_spin.setValue(p.spread_years)
            for key, combo in self.combos.items():
                combo.setCurrentIndex(max(0, combo.findData(getattr(p, key))))
            for i in range(self.slipping_list.count()):
                item = self.slipping_list.item(i)
                code = item.data(Qt.ItemDataRole.UserRole)
                item.setCheckState(Qt.CheckState.Checked if p.slips(code) else Qt.CheckState.Unchecked)
        finally:
            self._loading = False

    def _read_inputs(self) -> ScenarioParams:
        values = {}
        for n in NUMERIC:
            v = self.spins[n.key].value()
            values[n.key] = round(v * OKU) if n.money else v
        checked = [
            self.slipping_list.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.slipping_list.count())
            if self.slipping_list.item(i).checkState() == Qt.CheckState.Checked
        ]
        values["slipping"] = None if len(checked) == self.slipping_list.count() else checked
        values["spread_years"] = self.spread_spin.value()
        for key, combo in self.combos.items():
            values[key] = combo.currentData()
        return self.params.with_(**values)

    def _sync_slider(self, n: _Num) -> None:
        slider = self.sliders.get(n.key)
        if slider is None:
            return
        with QSignalBlocker(slider):
            slider.setValue(round(self.spins[n.key].value() / n.slider[2]))

    def _spin_changed(self, key: str) -> None:
        if self._loading:
            return
        self._sync_slider(next(n for n in NUMERIC if n.key == key))
        self._input_changed(key)

    def _slider_changed(self, key: str, value: int) -> None:
        n = next(n for n in NUMERIC if n.key == key)
        self.spins[key].setValue(value * n.slider[2])   # the spin box's signal does the rest

    def _drag_started(self) -> None:
        """A slider was pressed: its moves until release are one undo step."""
        self._gesture += 1

    def _current_gesture(self, key: str) -> int | None:
        slider = self.sliders.get(key)
        return self._gesture if slider is not None and slider.isSliderDown() else None

    def _input_changed(self, key: str) -> None:
        """An input changed: store the scenario at once (one undo step per input gesture)."""
        if self._loading or self.context.plan is None:
            return
        try:
            params = self._read_inputs()
        except ParamError as exc:
            self.error_label.setText(tr_core(exc))
            return
        self.commit(key, params)

    def _weight_edited(self, code: str, weight: float) -> None:
        weights = dict(self.params.share_weights)
        weights[code] = weight
        self.commit(f"share_weights:{code}", self.params.with_(share_weights=weights),
                    what=self.tr("配分の重み（{0}）").format(code))

    def _related_toggled(self, system_id: str, counted: bool) -> None:
        if self.base is None:
            return
        self.commit(f"related:{system_id}", related_params(self.params, self.base, system_id, counted),
                    what=self.tr("関連作業（{0}）").format(system_id))

    def commit(self, key: str, params: ScenarioParams, *, what: str | None = None) -> bool:
        """Store ``params`` as the current scenario's assumptions now and show the new figures.

        The change goes on the shared undo stack as a :class:`ParamEditCommand` keyed by ``key``
        (the input), so consecutive changes of one input merge into one undo step. Nothing is
        left pending: what the inputs show is what the plan holds. Returns False when nothing was
        stored (no change, no scenario, or the plan refused it: the inputs then show the stored state).
        """
        plan, sid = self.context.plan, self.scenario_id
        if plan is None or sid is None or params == self.params:
            return False
        command = UpdateScenario(sid, params, old_params=self.params,
                                 what=what or input_name(key))
        try:
            command.apply(plan)
        except (ScenarioError, ParamError) as exc:
            self.error_label.setText(tr_core(exc))
            self._write_inputs(self.params)      # back to what the plan holds
            return False
        except SQLAlchemyError as exc:
            self.error_label.setText(self.tr("プランに保存できなかったため、変更を取り消しました（{0}）。").format(
                type(exc).__name__))
            self._write_inputs(self.params)
            return False
        self.error_label.setText("")
        self.params = command.new_params.normalized()
        self.recompute()
        self.context.undo_stack.push(ParamEditCommand(self.context, command, key, self._current_gesture(key)))
        return True

    def _unit_changed(self) -> None:
        self.unit = self.unit_combo.currentData()
        self._show_result()
        self._update_slow()

    # ------------------------------------------------------------ computing and showing
    def _late(self, params: ScenarioParams):
        pending = (None, self.tr("工程表を計算しています…（それまではシナリオの遅延月数だけで計算）"))
        return late_months_for(self.context.plan, params, schedule_late=self.schedule_late or pending)

    def recompute(self) -> None:
        """Evaluate the current inputs now (fast) and show the figures; charts follow shortly."""
        if self.base is None or self.context.plan is None:
            self.result = None
        else:
            late, note = self._late(self.params)
            info = self._current_info()
            self.result = evaluate(self.base, self.params, late, scenario=info.name if info else "",
                                   notes=[note] if note else [])
        self._show_result()
        self._chart_timer.start()
        self.sig_result_changed.emit()

    def _show_result(self) -> None:
        r = self.result
        for key in SubsidyResult.FIGURES:
            self.value_labels[key].setText("" if r is None else yen(getattr(r, key), self.unit))
            self.explain_labels[key].setText("" if r is None else tr_core(r.explanations.get(key, "")))
        self.notes_label.setText("" if r is None else "\n".join(tr_lines(r.notes)))
        self.fy_model.set_result(r, self.unit)
        self.workload_model.set_result(r, self.unit)
        self.share_model.set_state(self.base, self.params, self.unit)
        self.related_model.set_state(self.base, self.params, r, self.unit)
        self.related_summary.setText("" if r is None else tr_core(r.explanations.get("ineligible_cost", "")))
        self._show_rule_notes()

    def refresh_now(self) -> None:
        """Redraw the charts and the comparison now instead of after the short pause."""
        self._chart_timer.stop()
        self._update_slow()

    def _update_slow(self) -> None:
        """Charts, the tornado and the comparison (tens of ms): after the inputs settle."""
        r = self.result
        if r is None or self.base is None:
            self.tornado_rows = []
            self.comparison_model.set_comparison(Comparison([], "", [], []), self.unit)
        else:
            late, _note = self._late(self.params)
            self.tornado_rows = tornado(self.base, self.params, late)
            results = []
            baseline_name = None
            for info in self.scenario_model.items:
                params = self.params if info.id == self.scenario_id else info.params
                late_i, note = self._late(params)
                results.append(r if info.id == self.scenario_id else
                               evaluate(self.base, params, late_i, scenario=info.name))
                if info.is_baseline:
                    baseline_name = info.name
            self.comparison_model.set_comparison(compare(results, baseline_name), self.unit)
        for chart in self.charts.values():
            chart.set_data(r, self.tornado_rows, self.unit)

    # ------------------------------------------------------------ scenario commands
    def _push(self, command) -> object:
        """Apply ``command`` to the plan; on success put it on the shared undo stack."""
        try:
            result = command.apply(self.context.plan)
        except (ScenarioError, ParamError, SQLAlchemyError) as exc:
            QMessageBox.warning(self, self.tr("シナリオ"), tr_core(exc))
            return None
        self.context.undo_stack.push(ScenarioUndoCommand(self.context, command))
        return result if result is not None else True

    def _ask_name(self, title: str, default: str) -> str | None:
        name, ok = QInputDialog.getText(self, title, self.tr("シナリオ名："), text=default)
        return name if ok else None

    def add_scenario(self, name: str | None = None) -> ScenarioInfo | None:
        """A new what-if with the default assumptions (domain.md §5)."""
        if self.context.plan is None:
            return None
        if name is None:
            taken = {i.name for i in self.scenario_model.items}
            default = next(f"シナリオ{n}" for n in range(1, 1000) if f"シナリオ{n}" not in taken)
            name = self._ask_name(self.tr("シナリオの追加"), default)
            if name is None:
                return None
        command = AddScenario(name, ScenarioParams())
        return self._select_after(self._push(command), command)

    def duplicate_scenario(self, name: str | None = None) -> ScenarioInfo | None:
        if self.context.plan is None or self.scenario_id is None:
            return None
        command = duplicate_command(self.context.plan, self.scenario_id, name)
        if name is None:
            asked = self._ask_name(self.tr("シナリオの複製"), command.name)
            if asked is None:
                return None
            command.name = asked
        return self._select_after(self._push(command), command)

    def _select_after(self, result, command) -> ScenarioInfo | None:
        if not result:
            return None
        row = self.scenario_model.row_of(command.id)
        self._select_row(row)
        return self._current_info()

    def rename_scenario(self, new_name: str | None = None) -> bool:
        info = self._current_info()
        if info is None:
            return False
        if new_name is None:
            new_name = self._ask_name(self.tr("シナリオ名の変更"), info.name)
            if new_name is None:
                return False
        return bool(self._push(RenameScenario(info.id, new_name)))

    def delete_scenario(self) -> bool:
        info = self._current_info()
        if info is None:
            return False
        if info.is_baseline:
            QMessageBox.information(self, self.tr("シナリオ"), self.tr("ベースラインは削除できません。"))
            return False
        return bool(self._push(DeleteScenario(info.id)))

    def closeEvent(self, event) -> None:
        self.wait_for_schedule()
        super().closeEvent(event)
