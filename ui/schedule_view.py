"""The workloads' schedule: dependency graph on a time axis, Gantt chart, and table, in one view.

``ScheduleView`` hosts the three as tabs beside a side panel that shows the selected workload's plan
(its 40 steps, dates and progress, each step's status editable) and the edit controls: vendor
capacity, per-step duration estimates, and linkage edges. Every edit is a core command wrapped in a
``QUndoCommand`` on the shared stack, then ``context.notify("schedule")``; the view re-plans at once
(≈ 15 ms for the 20 workloads) with a small Monte Carlo run (``QUICK_SAMPLES``) for P(on time).
matplotlib is imported only when a chart is first shown.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QColor, QUndoCommand
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from migration_planner.schedule import catalog
from migration_planner.schedule.commands import CapacityCommand, EdgeCommand, EstimateCommand, ProgressCommand
from migration_planner.schedule.planner import LATE, MIGRATED, ScheduleResult, compute_schedule
from migration_planner.schedule.steps import STATUSES, STEPS
from migration_planner.workloads import WORKLOAD_CODES, workload_label
from ui.context import PlanContext

QUICK_SAMPLES = 300
STATUS_COLOURS = {MIGRATED: "#2e7d32", "期限内": "#1565c0", LATE: "#c62828"}


class CoreCommand(QUndoCommand):
    """Adapts a core command (``apply(plan)``, ``inverse()``) to the shared undo stack."""

    def __init__(self, context: PlanContext, cmd) -> None:
        super().__init__(cmd.text)
        self.context, self.cmd = context, cmd

    def redo(self) -> None:
        self.cmd.apply(self.context.plan)
        self.context.notify("schedule")

    def undo(self) -> None:
        self.cmd.inverse().apply(self.context.plan)
        self.context.notify("schedule")


# ---------------------------------------------------------------- table model
class ScheduleTableModel(QAbstractTableModel):
    """One row a workload: dates, slack, progress, P(on time), status, cause."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows = []
        self._headers = [self.tr("業務"), self.tr("システム"), self.tr("開始"), self.tr("完了（稼働）"),
                         self.tr("余裕（営業日）"), self.tr("進捗"), self.tr("P(期限内)"), self.tr("P(延長期限内)"),
                         self.tr("状態"), self.tr("要因")]
        pct = lambda x: "" if x is None else f"{x:.0%}"  # noqa: E731
        iso = lambda d: d.isoformat() if d else ""  # noqa: E731
        # Per-column accessors (display, sort key), chosen once.
        self._cols = [
            (lambda w: workload_label(w.code), lambda w: WORKLOAD_CODES.index(w.code)),
            (lambda w: "、".join(w.system_names), lambda w: "、".join(w.system_names)),
            (lambda w: iso(w.start), lambda w: iso(w.start)),
            (lambda w: iso(w.finish), lambda w: iso(w.finish)),
            (lambda w: str(w.slack_days), lambda w: w.slack_days),
            (lambda w: f"{w.progress:.1%}", lambda w: w.progress),
            (lambda w: pct(w.p_on_time), lambda w: -1 if w.p_on_time is None else w.p_on_time),
            (lambda w: pct(w.p_extended), lambda w: -1 if w.p_extended is None else w.p_extended),
            (lambda w: w.status, lambda w: w.status),
            (lambda w: "、".join(w.causes), lambda w: "、".join(w.causes)),
        ]

    def set_result(self, result: ScheduleResult | None) -> None:
        self.beginResetModel()
        self._rows = list(result.workloads) if result else []
        self.endResetModel()

    def workload(self, row: int):
        return self._rows[row]

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._cols)

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        w = self._rows[index.row()]
        display, key = self._cols[index.column()]
        if role == Qt.DisplayRole:
            return display(w)
        if role == Qt.UserRole:
            return key(w)
        if role == Qt.ForegroundRole and index.column() == 8:
            return QColor(STATUS_COLOURS.get(w.status, "#000000"))
        if role == Qt.TextAlignmentRole and index.column() in (4, 5, 6, 7):
            return int(Qt.AlignRight | Qt.AlignVCenter)
        return None

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        if role == Qt.DisplayRole and orientation == Qt.Horizontal and 0 <= section < len(self._headers):
            return self._headers[section]
        return None


class ScheduleTable(QWidget):
    """The table (c): sortable by any column through a QSortFilterProxyModel."""

    sig_workload_selected = Signal(str)
    """A workload was selected in the table (its code)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.model = ScheduleTableModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(Qt.UserRole)
        self.view = QTableView(self)
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        self.view.clicked.connect(lambda ix: self.sig_workload_selected.emit(
            self.model.workload(self.proxy.mapToSource(ix).row()).code))
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.view)


# ---------------------------------------------------------------- charts
class _Chart(QWidget):
    """A matplotlib canvas created on first draw (matplotlib is imported then, not at start-up)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.canvas = None
        self.figure = None
        self._lay = QVBoxLayout(self)
        self._lay.setContentsMargins(0, 0, 0, 0)

    def ensure_canvas(self) -> None:
        if self.canvas is not None:
            return
        try:
            from ui.fonts import ensure_matplotlib_font
            ensure_matplotlib_font()
        except Exception:  # the font helper is someone else's; fall back to the packaged font
            try:
                import matplotlib_fontja  # noqa: F401
            except Exception:
                pass
        from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
        from matplotlib.figure import Figure

        self.figure = Figure(figsize=(8, 5), layout="constrained")
        self.canvas = FigureCanvasQTAgg(self.figure)
        self._lay.addWidget(self.canvas)


def _lines(ax, result: ScheduleResult, tr) -> None:
    ax.axvline(result.deadline, color="#c62828", ls="--", lw=1, label=tr("FY2025期限 2026-03-31"))
    ax.axvline(result.extended_deadline, color="#6a1b9a", ls="--", lw=1, label=tr("延長期限（特定移行支援）"))
    ax.axvline(result.as_of, color="#555555", ls=":", lw=1, label=tr("基準日（今日）"))


class WorkloadGraph(_Chart):
    """(a) Each workload at its go-live date, grouped by cut-over bundle; linkage arrows; deadlines."""

    sig_workload_clicked = Signal(str)
    """A workload's node was clicked (its code)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.positions: dict[str, tuple[dt.date, float]] = {}

    def draw(self, result: ScheduleResult, edges: list[tuple[str, str]], selected: str | None = None) -> None:
        self.ensure_canvas()
        from matplotlib.dates import date2num

        fig = self.figure
        fig.clear()
        ax = fig.add_subplot(111)
        self.positions.clear()
        y = 0.0
        seen_bundles: list[tuple[str, ...]] = []
        for w in result.workloads:
            key = tuple(w.bundle)
            if key not in seen_bundles:
                seen_bundles.append(key)
                y += 0.6  # a gap between bundles
            y += 1
            self.positions[w.code] = (w.finish or result.as_of, y)
        for p, c in edges:
            if p in self.positions and c in self.positions:
                (x0, y0), (x1, y1) = self.positions[p], self.positions[c]
                crit = p in result.critical_path and c in result.critical_path
                ax.annotate("", xy=(date2num(x1), y1), xytext=(date2num(x0), y0),
                            arrowprops={"arrowstyle": "->", "lw": 1.6 if crit else 0.5,
                                        "color": "#ff6f00" if crit else "#9e9e9e", "alpha": 0.9 if crit else 0.4})
        xs = [date2num(self.positions[w.code][0]) for w in result.workloads]
        ys = [self.positions[w.code][1] for w in result.workloads]
        colours = [STATUS_COLOURS.get(w.status, "#000") for w in result.workloads]
        sizes = [140 if w.critical else 60 for w in result.workloads]
        edgec = ["#ff6f00" if w.critical else "white" for w in result.workloads]
        self.scatter = ax.scatter(xs, ys, c=colours, s=sizes, edgecolors=edgec, linewidths=2, zorder=3, picker=True)
        for w, x, yy in zip(result.workloads, xs, ys):
            ax.annotate(workload_label(w.code), (x, yy), xytext=(6, -3), textcoords="offset points", fontsize=7,
                        fontweight="bold" if w.code == selected else "normal")
        _lines(ax, result, self.tr)
        ax.xaxis_date()
        ax.invert_yaxis()
        ax.set_yticks([])
        ax.set_title(self.tr("標準化20業務の稼働日と連携（太枠・橙：クリティカルパス、赤：期限超過）"), fontsize=9)
        ax.legend(loc="lower left", fontsize=7)
        self._codes = [w.code for w in result.workloads]
        if not getattr(self, "_pick_connected", False):
            self.canvas.mpl_connect("pick_event", self._on_pick)
            self._pick_connected = True
        self.canvas.draw_idle()

    def _on_pick(self, event) -> None:
        if getattr(event, "ind", None) is not None and len(event.ind):
            self.sig_workload_clicked.emit(self._codes[int(event.ind[0])])


class GanttChart(_Chart):
    """(b) Bars per workload and phase (計画立案 / 移行), with the same deadline lines."""

    def draw(self, result: ScheduleResult) -> None:
        self.ensure_canvas()
        from matplotlib.dates import date2num

        fig = self.figure
        fig.clear()
        ax = fig.add_subplot(111)
        by_w: dict[str, dict[str, list]] = {}
        for t in result.tasks:
            span = by_w.setdefault(t.workload, {}).setdefault(t.phase, [t.start, t.finish])
            span[0], span[1] = min(span[0], t.start), max(span[1], t.finish)
        colours = {"計画立案": "#90caf9", "移行": "#ffb74d"}
        self.bars: dict[tuple[str, str], tuple[float, float]] = {}
        for i, w in enumerate(result.workloads):
            for phase, (s, f) in by_w.get(w.code, {}).items():
                left, width = date2num(s), max(date2num(f) - date2num(s) + 1, 1)
                ax.barh(i, width, left=left, color=colours[phase], edgecolor="#e65100" if w.critical else "none")
                self.bars[(w.code, phase)] = (left, width)
        _lines(ax, result, self.tr)
        ax.set_yticks(range(len(result.workloads)), [workload_label(w.code) for w in result.workloads], fontsize=7)
        for lbl, w in zip(ax.get_yticklabels(), result.workloads):
            lbl.set_color(STATUS_COLOURS.get(w.status, "#000"))
        ax.invert_yaxis()
        ax.xaxis_date()
        ax.set_title(self.tr("工程（青：計画立案、橙：移行）"), fontsize=9)
        ax.legend(loc="lower left", fontsize=7)
        self.canvas.draw_idle()


# ---------------------------------------------------------------- dialogs
class EstimateDialog(QDialog):
    """The 40 steps' three-point durations (working days) of one workload; OK pushes the changes."""

    def __init__(self, context: PlanContext, code: str, parent=None) -> None:
        super().__init__(parent)
        self.context, self.code = context, code
        self.setWindowTitle(self.tr("所要日数（営業日）：") + workload_label(code))
        self.original = catalog.estimates(context.plan)[code]
        self.table = QTableWidget(len(STEPS), 4, self)
        self.table.setHorizontalHeaderLabels([self.tr("手順"), self.tr("楽観"), self.tr("最可能"), self.tr("悲観")])
        for r, (step, est) in enumerate(zip(STEPS, self.original)):
            item = QTableWidgetItem(f"{step.no} {step.label}")
            item.setFlags(item.flags() & ~Qt.ItemIsEditable)
            self.table.setItem(r, 0, item)
            for c, v in enumerate(est, start=1):
                self.table.setItem(r, c, QTableWidgetItem(f"{v:g}"))
        self.message = QLabel("", self)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(self.table)
        lay.addWidget(self.message)
        lay.addWidget(buttons)

    def changes(self) -> list[tuple[int, tuple[float, float, float]]]:
        out = []
        for r, step in enumerate(STEPS):
            est = tuple(float(self.table.item(r, c).text()) for c in (1, 2, 3))
            if est != tuple(self.original[r]):
                out.append((step.no, est))
        return out

    def accept(self) -> None:
        try:
            changes = self.changes()
            cmds = [EstimateCommand.make(self.context.plan, self.code, n, est) for n, est in changes]
        except (ValueError, catalog.ScheduleError) as exc:
            self.message.setText(str(exc) if isinstance(exc, catalog.ScheduleError) else self.tr("数値で入力してください。"))
            return
        stack = self.context.undo_stack
        if cmds:
            stack.beginMacro(self.tr("所要日数を変更：") + workload_label(self.code))
            for cmd in cmds:
                stack.push(CoreCommand(self.context, cmd))
            stack.endMacro()
        super().accept()


# ---------------------------------------------------------------- the view
class ScheduleView(QWidget):
    """Graph, Gantt and table of the workloads' schedule, a side panel, and the edit controls."""

    sig_replanned = Signal()
    """The schedule was recomputed (after an edit, an undo or a new plan)."""

    def __init__(self, context: PlanContext, parent=None) -> None:
        super().__init__(parent)
        self.context = context
        self.result: ScheduleResult | None = None
        self.selected: str | None = None
        self._shown = False

        # Controls.
        self.capacity = QSpinBox(self)
        self.capacity.setRange(1, 20)
        self.capacity.setPrefix(self.tr("ベンダごとの同時移行数 "))
        self.capacity.valueChanged.connect(self._capacity_changed)
        self.provider = QComboBox(self)
        self.consumer = QComboBox(self)
        for code in WORKLOAD_CODES:
            self.provider.addItem(workload_label(code), code)
            self.consumer.addItem(workload_label(code), code)
        add = QPushButton(self.tr("連携を追加"), self)
        remove = QPushButton(self.tr("連携を削除"), self)
        add.clicked.connect(lambda: self.edit_edge(self.provider.currentData(), self.consumer.currentData(), True))
        remove.clicked.connect(lambda: self.edit_edge(self.provider.currentData(), self.consumer.currentData(), False))
        self.message = QLabel("", self)
        self.message.setStyleSheet("color: #c62828")
        self.message.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.capacity)
        top.addSpacing(12)
        top.addWidget(QLabel(self.tr("提供元"), self))
        top.addWidget(self.provider)
        top.addWidget(QLabel("→", self))
        top.addWidget(self.consumer)
        top.addWidget(add)
        top.addWidget(remove)
        top.addStretch(1)

        # Charts and table.
        self.graph = WorkloadGraph(self)
        self.gantt = GanttChart(self)
        self.table = ScheduleTable(self)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.graph, self.tr("依存関係"))
        self.tabs.addTab(self.gantt, self.tr("ガント"))
        self.tabs.addTab(self.table, self.tr("一覧"))
        self.tabs.currentChanged.connect(lambda _i: self._draw_current())
        self.graph.sig_workload_clicked.connect(self.select)
        self.table.sig_workload_selected.connect(self.select)

        # Side panel: the selected workload's plan and per-step status editor.
        self.side_title = QLabel(self.tr("業務をクリックすると計画を表示します"), self)
        self.side_title.setWordWrap(True)
        self.steps = QTableWidget(0, 5, self)
        self.steps.setHorizontalHeaderLabels([self.tr("手順"), self.tr("状況"), self.tr("開始"), self.tr("完了"), self.tr("日数")])
        self.steps.verticalHeader().setVisible(False)
        self.estimates_button = QPushButton(self.tr("所要日数を編集…"), self)
        self.estimates_button.clicked.connect(self.edit_estimates)
        side = QWidget(self)
        sl = QVBoxLayout(side)
        sl.addWidget(self.side_title)
        sl.addWidget(self.steps, 1)
        sl.addWidget(self.estimates_button)

        split = QSplitter(self)
        split.addWidget(self.tabs)
        split.addWidget(side)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(self.message)
        lay.addWidget(split, 1)

        context.sig_plan_opened.connect(self.reload)
        context.sig_systems_changed.connect(self.reload)
        context.sig_schedule_changed.connect(self.reload)
        if context.plan is not None:
            self.reload()

    # ------------------------------------------------------------ re-planning
    def reload(self) -> None:
        plan = self.context.plan
        if plan is None:
            self.result = None
            self.table.model.set_result(None)
            return
        self.capacity.blockSignals(True)
        self.capacity.setValue(catalog.vendor_capacity(plan))
        self.capacity.blockSignals(False)
        try:
            self.result = compute_schedule(plan, samples=QUICK_SAMPLES, seed=0)
        except catalog.ScheduleError as exc:
            self.message.setText(str(exc))
            return
        self.table.model.set_result(self.result)
        self._edges = catalog.edges(plan)
        self._draw_current()
        self._fill_side()
        self.sig_replanned.emit()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._shown = True
        self._draw_current()

    def _draw_current(self) -> None:
        if self.result is None or not self._shown:
            return
        current = self.tabs.currentWidget()
        if current is self.graph:
            self.graph.draw(self.result, self._edges, self.selected)
        elif current is self.gantt:
            self.gantt.draw(self.result)

    # ------------------------------------------------------------ edits
    def push(self, cmd) -> None:
        self.message.setText("")
        self.context.undo_stack.push(CoreCommand(self.context, cmd))

    def _capacity_changed(self, value: int) -> None:
        if self.context.plan is not None and value != catalog.vendor_capacity(self.context.plan):
            self.push(CapacityCommand.make(self.context.plan, value))

    def set_capacity(self, value: int) -> None:
        self.capacity.setValue(value)

    def edit_edge(self, provider: str, consumer: str, add: bool) -> bool:
        """Add or remove a linkage edge; a cycle is refused with its names in the message line."""
        plan = self.context.plan
        current = catalog.edges(plan)
        if add:
            if (provider, consumer) in current:
                return False
            cycle = catalog.find_cycle_path(current, provider, consumer)
            if cycle:
                self.message.setText(catalog.cycle_message(cycle))
                return False
        elif (provider, consumer) not in current:
            self.message.setText(self.tr("その連携はありません。"))
            return False
        self.push(EdgeCommand(provider, consumer, add))
        return True

    def set_step_status(self, code: str, step_no: int, status: str) -> None:
        state = catalog.StepState(status, dt.date.today())
        self.push(ProgressCommand.make(self.context.plan, {(code, step_no): state},
                                       self.tr("進捗を変更：") + f"{workload_label(code)} 手順{step_no}"))

    def set_estimate(self, code: str, step_no: int, est) -> None:
        self.push(EstimateCommand.make(self.context.plan, code, step_no, est))

    def edit_estimates(self) -> None:
        if self.selected and self.context.plan is not None:
            EstimateDialog(self.context, self.selected, self).exec()

    # ------------------------------------------------------------ side panel
    def select(self, code: str) -> None:
        self.selected = code
        self._fill_side()
        self._draw_current()

    def _fill_side(self) -> None:
        if self.result is None or self.selected is None:
            return
        w = self.result.workload(self.selected)
        self.side_title.setText(
            f"{workload_label(w.code)}（{'、'.join(w.system_names)}）\n"
            + self.tr("稼働 ") + f"{w.finish or '—'}　" + self.tr("進捗 ") + f"{w.progress:.1%}　{w.status}"
            + (f"\n{'、'.join(w.causes)}" if w.causes else ""))
        states = catalog.progress(self.context.plan)[w.code]
        rows = {t.step: t for t in self.result.tasks if t.workload == w.code}
        self.steps.setRowCount(len(STEPS))
        for r, step in enumerate(STEPS):
            self.steps.setItem(r, 0, QTableWidgetItem(f"{step.no} {step.label}"))
            combo = QComboBox(self.steps)
            combo.addItems(list(STATUSES))
            combo.setCurrentText(states[r].status)
            combo.currentTextChanged.connect(lambda s, n=step.no, c=w.code: self.set_step_status(c, n, s))
            self.steps.setCellWidget(r, 1, combo)
            t = rows.get(step.no)
            self.steps.setItem(r, 2, QTableWidgetItem(t.start.isoformat() if t else ""))
            self.steps.setItem(r, 3, QTableWidgetItem(t.finish.isoformat() if t else ""))
            self.steps.setItem(r, 4, QTableWidgetItem(str(t.duration_days) if t else "0"))
