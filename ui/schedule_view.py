"""The workloads' schedule: dependency graph on a time axis, Gantt chart, and table, in one view.

``ScheduleView`` hosts the three as tabs beside a side panel that shows the selected workload's plan:
its causes of delay (planner's flags) and its 40 steps with status and as-of date editable
(:mod:`ui.schedule_steps`). The edit controls are vendor capacity, blackout months
(:mod:`ui.schedule_editors`), per-step duration estimates and linkage edges. Every edit is a core
command wrapped in a ``QUndoCommand`` on the shared stack, then ``context.notify("schedule")``.

Re-planning never blocks the window for long: the deterministic plan of the 20 workloads (≈ 15 ms) is
shown at once and a small Monte Carlo run (``QUICK_SAMPLES``) fills P(on time) from a worker thread;
a larger plan is re-planned wholly in the background. Either way the latest edit wins: a newer one
cancels the stale run. 「モンテカルロ（1万回）」 runs ``FULL_SAMPLES`` with a progress dialog that can
cancel. matplotlib is imported only when a chart is first shown.
"""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QColor, QUndoCommand
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
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
from migration_planner.schedule.commands import (
    BlackoutCommand,
    CapacityCommand,
    EdgeCommand,
    EstimateCommand,
    FlagsCommand,
    ProgressCommand,
)
from migration_planner.schedule.planner import LATE, MIGRATED, ON_TIME, ScheduleResult, compute_schedule, monte_carlo
from migration_planner.schedule.steps import N_STEPS, STEPS
from migration_planner.workloads import WORKLOAD_CODES, workload_label
from ui.context import PlanContext
from ui.i18n import tr_core, tr_join
from ui.lazy import WhenShown
from ui.schedule_editors import BlackoutEditor, CauseFlagsEditor
from ui.schedule_steps import StepsTable, step_title
from ui.workers import Job, LatestWins

QUICK_SAMPLES = 300      # after each edit, in the background
FULL_SAMPLES = 10_000    # the 「モンテカルロ（1万回）」 button, with progress and cancel
STATUS_COLOURS = {MIGRATED: "#2e7d32", ON_TIME: "#1565c0", LATE: "#c62828"}


class CoreCommand(QUndoCommand):
    """Adapts a core command (``apply(plan)``, ``inverse()``) to the shared undo stack."""

    def __init__(self, context: PlanContext, cmd) -> None:
        super().__init__(tr_core(cmd.text))
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
            (lambda w: tr_core(w.status, "schedule"), lambda w: w.status),
            (lambda w: tr_join(w.causes), lambda w: tr_join(w.causes)),
        ]

    def set_result(self, result: ScheduleResult | None) -> None:
        self.beginResetModel()
        self._rows = list(result.workloads) if result else []
        self.endResetModel()

    def update_probabilities(self, result: ScheduleResult) -> None:
        """The same plan with P columns filled (a Monte Carlo run): change those cells only."""
        if len(result.workloads) != len(self._rows) or any(
                a.code != b.code for a, b in zip(result.workloads, self._rows)):
            self.set_result(result)
            return
        self._rows = list(result.workloads)
        if self._rows:
            self.dataChanged.emit(self.index(0, 6), self.index(len(self._rows) - 1, 7), [Qt.DisplayRole, Qt.UserRole])

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
        from ui.charts import new_canvas

        self.figure, self.canvas = new_canvas((8, 5))
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
            item = QTableWidgetItem(step_title(step))
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
            self.message.setText(tr_core(exc) if isinstance(exc, catalog.ScheduleError) else self.tr("数値で入力してください。"))
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
    sig_simulated = Signal(int)
    """A Monte Carlo run filled the P(on time) columns (its number of samples)."""

    #: Re-plan on the GUI thread (then Monte Carlo in the background) while the plan is this small:
    #: the 20 workloads' ≈ 900 tasks take ≈ 15 ms. A larger task graph, or an inventory so large that
    #: reading its systems takes long, is re-planned wholly in the background (latest edit wins).
    #: Size, not a measured time, decides, so that the same edit behaves the same on a busy machine.
    INLINE_MAX_TASKS = 5_000
    INLINE_MAX_SYSTEMS = 20_000

    def __init__(self, context: PlanContext, parent=None) -> None:
        super().__init__(parent)
        self.context = context
        self.result: ScheduleResult | None = None
        self.selected: str | None = None
        self._shown = False
        self._lazy = WhenShown(self)
        self._edges: list[tuple[str, str]] = []
        self._full_job: Job | None = None
        self.runner = LatestWins(self)

        # Controls, first row: capacity and linkage edges.
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

        # Second row: blackout months, the full Monte Carlo run, and what is running in the background.
        self.blackout = BlackoutEditor(self)
        self.blackout.sig_months_changed.connect(self.set_blackout_months)
        self.full_mc_button = QPushButton(self.tr("モンテカルロ（1万回）"), self)
        self.full_mc_button.setToolTip(self.tr("所要日数のばらつきを1万回試行して P(期限内) を求め直します（中止できます）"))
        self.full_mc_button.clicked.connect(self.run_full_monte_carlo)
        self.mc_label = QLabel("", self)
        self.busy = QProgressBar(self)
        self.busy.setRange(0, 1000)
        self.busy.setMaximumWidth(160)
        self.busy.setTextVisible(False)
        self.busy.setVisible(False)
        self.runner.sig_running.connect(self._running)
        self.runner.sig_progress.connect(lambda f, _m: self.busy.setValue(int(f * 1000)))
        second = QHBoxLayout()
        second.addWidget(self.blackout)
        second.addSpacing(12)
        second.addWidget(self.full_mc_button)
        second.addWidget(self.mc_label)
        second.addWidget(self.busy)
        second.addStretch(1)

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

        # Side panel: the selected workload's plan, its causes of delay and its steps' progress.
        self.side_title = QLabel(self.tr("業務をクリックすると計画を表示します"), self)
        self.side_title.setWordWrap(True)
        self.flags = CauseFlagsEditor(self)
        self.flags.sig_flags_changed.connect(self.set_flags)
        self.steps = StepsTable(self)
        self.steps.sig_edit.connect(self.set_step_states)
        self.estimates_button = QPushButton(self.tr("所要日数を編集…"), self)
        self.estimates_button.clicked.connect(self.edit_estimates)
        side = QWidget(self)
        sl = QVBoxLayout(side)
        sl.addWidget(self.side_title)
        sl.addWidget(self.flags)
        sl.addWidget(self.steps, 1)
        sl.addWidget(self.estimates_button)

        split = QSplitter(self)
        split.addWidget(self.tabs)
        split.addWidget(side)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addLayout(second)
        lay.addWidget(self.message)
        lay.addWidget(split, 1)

        # Hidden (another tab in front), the view does not re-plan: it does so once when shown.
        context.sig_plan_opened.connect(self._reload_when_shown)
        context.sig_systems_changed.connect(self._reload_when_shown)
        context.sig_schedule_changed.connect(self._reload_when_shown)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self._quitting)
        if context.plan is not None:
            self.reload()

    # ------------------------------------------------------------ re-planning
    def replans_inline(self) -> bool:
        """Whether the next re-plan runs on the GUI thread (a small task graph and inventory)."""
        tasks = len(WORKLOAD_CODES) * N_STEPS
        return tasks <= self.INLINE_MAX_TASKS and self.context.plan.system_count() <= self.INLINE_MAX_SYSTEMS

    def _reload_when_shown(self) -> None:
        self._lazy.request(self.reload, full=True)

    def reload(self) -> None:
        """Re-plan after an edit, an undo or a new plan. The deterministic plan is shown at once when
        it is small (then Monte Carlo fills P(on time) from the background); otherwise the whole
        re-plan runs in the background. A newer edit cancels a stale run."""
        plan = self.context.plan
        self._cancel_full_run()
        if plan is None:
            self.runner.cancel()
            self.result = None
            self.table.model.set_result(None)
            self.steps.set_workload(None, [], [])
            return
        self.message.setText("")
        self.capacity.blockSignals(True)
        self.capacity.setValue(catalog.vendor_capacity(plan))
        self.capacity.blockSignals(False)
        self.blackout.show_months(catalog.blackout_months(plan))
        self._edges = catalog.edges(plan)
        if not self.replans_inline():
            self.mc_label.setText(self.tr("再計算中…"))
            self._fill_side()  # the recorded progress at once; the dates follow with the plan
            self.runner.submit(lambda state: compute_schedule(plan, samples=QUICK_SAMPLES, seed=0, state=state),
                               self._background_plan_done, self._failed)
            return
        try:
            result = compute_schedule(plan)
        except catalog.ScheduleError as exc:
            self.runner.cancel()
            self.message.setText(tr_core(exc))
            return
        self._show(result)
        self.mc_label.setText(self.tr("P(期限内)：計算中…"))
        self.runner.submit(lambda state: monte_carlo(result, samples=QUICK_SAMPLES, seed=0, state=state),
                           self._apply_simulation, self._failed)

    def _background_plan_done(self, result: ScheduleResult) -> None:
        self._show(result)
        self._apply_simulation(result)

    def _show(self, result: ScheduleResult) -> None:
        self.result = result
        self.table.model.set_result(result)
        self._draw_current()
        self._fill_side()
        self.sig_replanned.emit()

    def _apply_simulation(self, result: ScheduleResult) -> None:
        """A Monte Carlo run of the plan on show finished: fill the P columns."""
        if self.result is None or result.model is not self.result.model:
            return  # a stale run of an earlier plan (latest-wins drops most; this is the backstop)
        self.result = result
        self.table.model.update_probabilities(result)
        self._apply_label_for(result)
        self.sig_simulated.emit(result.samples)

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, catalog.ScheduleError):
            self.message.setText(tr_core(exc))
        else:
            self.message.setText(self.tr("スケジュールを計算できませんでした：{0}").format(exc))
        self.mc_label.setText("")

    def _running(self, running: bool) -> None:
        self.busy.setVisible(running)
        if running:
            self.busy.setValue(0)

    def run_full_monte_carlo(self, samples: int = FULL_SAMPLES) -> Job | None:
        """Monte Carlo with ``samples`` runs in a worker, with a cancellable progress dialog."""
        if self.result is None:
            return None
        self.runner.cancel()  # its quick run would be overwritten anyway
        self._cancel_full_run()
        base = self.result

        def done(result: ScheduleResult) -> None:
            self._apply_simulation(result)

        def failed(exc: BaseException) -> None:
            self.message.setText(self.tr("シミュレーションに失敗しました：{0}").format(exc))

        self._full_job = Job(self, self.tr("モンテカルロ・シミュレーション（{0} 回）").format(f"{samples:,}"),
                             lambda state: monte_carlo(base, samples=samples, seed=0, state=state), done, failed)
        self._full_job.sig_finished.connect(self._full_run_finished)
        self.mc_label.setText(self.tr("P(期限内)：モンテカルロ {0} 回を計算中…").format(f"{samples:,}"))
        return self._full_job.start()

    def _full_run_finished(self) -> None:
        job, self._full_job = self._full_job, None
        if job is not None and job.worker.state.cancelled and self.result is not None:
            self._apply_label_for(self.result)

    def _apply_label_for(self, result: ScheduleResult) -> None:
        if result.samples:
            self.mc_label.setText(self.tr("P(期限内)：モンテカルロ {0} 回（乱数の種 {1}）").format(
                f"{result.samples:,}", result.seed))
        else:
            self.mc_label.setText("")

    def _cancel_full_run(self) -> None:
        if self._full_job is not None and self._full_job.running:
            self._full_job.cancel()

    def shutdown(self, wait: bool = False) -> None:
        """Cancel what runs in the background. Re-plans' threads end on their own (held by
        ``ui.workers``); the 1万回 run's thread belongs to this view, so ``wait`` waits for it."""
        self.runner.cancel()
        job = self._full_job
        self._cancel_full_run()
        if wait and job is not None:
            job.worker.wait(10_000)

    def _quitting(self) -> None:
        self.shutdown(wait=True)

    def closeEvent(self, event) -> None:
        self.shutdown(wait=True)
        super().closeEvent(event)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._shown = True
        if not self._lazy.shown():  # else the re-plan it owed has drawn (or will, from the background)
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

    def set_blackout_months(self, months) -> bool:
        """Make ``months`` the blackout months (undoable); an impossible choice is refused with a
        message and the boxes show the months in force again."""
        plan = self.context.plan
        if plan is None:
            return False
        try:
            cmd = BlackoutCommand.make(plan, months)
        except catalog.ScheduleError as exc:
            self.message.setText(tr_core(exc))
            self.blackout.show_months(catalog.blackout_months(plan))
            return False
        if cmd.new == cmd.old:
            return False
        self.push(cmd)
        return True

    def set_flags(self, code: str, flags) -> None:
        """Record the planner's causes of delay for ``code`` (undoable)."""
        plan = self.context.plan
        if plan is not None:
            cmd = FlagsCommand.make(plan, code, flags)
            if cmd.new != cmd.old:
                self.push(cmd)

    def edit_edge(self, provider: str, consumer: str, add: bool) -> bool:
        """Add or remove a linkage edge; a cycle is refused with its names in the message line."""
        plan = self.context.plan
        current = catalog.edges(plan)
        if add:
            if (provider, consumer) in current:
                return False
            cycle = catalog.find_cycle_path(current, provider, consumer)
            if cycle:
                self.message.setText(tr_core(catalog.cycle_message(cycle)))
                return False
        elif (provider, consumer) not in current:
            self.message.setText(self.tr("その連携はありません。"))
            return False
        self.push(EdgeCommand(provider, consumer, add))
        return True

    def set_step_states(self, states: dict) -> None:
        """Record steps' states ``{(code, step_no): StepState}`` as one undoable edit."""
        if not states or self.context.plan is None:
            return
        codes = sorted({c for c, _ in states})
        if len(states) == 1:
            (code, step_no), = states
            label = self.tr("進捗を変更：") + f"{workload_label(code)} " + self.tr("手順{0}").format(step_no)
        else:
            label = self.tr("進捗を変更：") + "、".join(workload_label(c) for c in codes) \
                + " " + self.tr("{0}手順").format(len(states))
        self.push(ProgressCommand.make(self.context.plan, states, label))

    def set_step_status(self, code: str, step_no: int, status: str, as_of: dt.date | None = None) -> None:
        self.set_step_states({(code, step_no): catalog.StepState(status, as_of or dt.date.today())})

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
        plan = self.context.plan
        if plan is None or self.selected is None:
            return
        code = self.selected
        rows = [t for t in self.result.tasks if t.workload == code] if self.result is not None else []
        if self.result is not None:
            w = self.result.workload(code)
            self.side_title.setText(
                self.tr("{0}（{1}）").format(workload_label(w.code), tr_join(w.system_names)) + "\n"
                + self.tr("稼働 ") + f"{w.finish or '—'}　" + self.tr("進捗 ") + f"{w.progress:.1%}　"
                + tr_core(w.status, "schedule") + (f"\n{tr_join(w.causes)}" if w.causes else ""))
        self.flags.show_flags(code, catalog.workload_flags(plan).get(code, []))
        self.steps.set_workload(code, catalog.progress(plan)[code], rows)
