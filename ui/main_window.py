"""The main window: menus, toolbar, the inventory table with its detail panel, and the feature tabs.

Start-up is light (issue 2): this module imports neither SQLAlchemy nor the placement, import,
export or chart code. ``open_plan(path, quick=True)`` shows a plan's systems read with plain
``sqlite3`` (:mod:`migration_planner.planfile`); once the window has been drawn, the full
:class:`~migration_planner.store.Plan` opens on the next turn of the event loop and fills in the
placement columns and filters. Until then the table sorts and filters, and what needs the plan
(import, export, the feature tabs) waits: its actions are disabled, a dropped workbook is queued.
:attr:`MainWindow.sig_plan_ready` says when the plan is ready.
"""

from __future__ import annotations

import importlib
import importlib.util
import os
from pathlib import Path
from typing import TYPE_CHECKING

# Dialogs through the module (QtWidgets.QMessageBox, QtWidgets.QFileDialog): PySide6 readies a
# class's Python side the first time Python names it, and these are not needed to start (issue 2).
from PySide6 import QtWidgets
from PySide6.QtCore import QT_TRANSLATE_NOOP, QByteArray, QSettings, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QMainWindow,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from migration_planner import __version__
from migration_planner.planfile import PLAN_SUFFIX, PlanError, QuickPlan, read_quick
import ui
from ui import icons
from ui.i18n import app_name
from ui.context import PlanContext
from ui.inventory_table import Column, InventoryTable, base_columns
from ui.system_detail import SystemDetail

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent

    from migration_planner.inventory.loader import ImportResult
    from migration_planner.store import Plan
    from ui.recovery import PlanSession
    from ui.workers import Job

MAX_RECENT = 8
#: What the full open of a plan imports, one module a turn of the event loop, so that the window
#: answers input in between (SQLAlchemy's core alone takes about a fifth of a second).
FULL_OPEN_STAGES = ("sqlalchemy", "sqlalchemy.orm", "sqlmodel", "migration_planner.store", "ui.placement_board")
#: Feature tabs, created the first time they are shown (start-up does not import matplotlib).
#: (module, class, title). A module that is not there yet is skipped.
#: The titles are translated where the tabs are made (self.tr); QT_TRANSLATE_NOOP lists them for lupdate.
FEATURE_TABS: list[tuple[str, str, str]] = [
    ("ui.placement_board", "PlacementBoard", QT_TRANSLATE_NOOP("MainWindow", "振り分けボード")),
    ("ui.placement_chart", "PlacementChart", QT_TRANSLATE_NOOP("MainWindow", "振り分けグラフ")),
    ("ui.schedule_view", "ScheduleView", QT_TRANSLATE_NOOP("MainWindow", "標準化スケジュール")),
    ("ui.subsidy_view", "SubsidyView", QT_TRANSLATE_NOOP("MainWindow", "補助金試算")),
]


def sample_inventory_path() -> Path:
    return Path(__file__).resolve().parent.parent / "sample_inventory.xlsx"


def placement_column_titles(tr) -> list[tuple[str, str, bool]]:
    """(key, title, numeric) of the placement columns, before ``ui.placement_board`` is loaded.

    The table has them from the start, empty until the full plan is open; a test keeps them equal
    to :func:`ui.placement_board.placement_columns`.
    """
    return [("destination", tr("移行先"), False), ("placement_step", tr("判定ステップ"), True),
            ("override", tr("手動設定"), False)]


#: The window's size on a first start, where the screen has room for it.
DEFAULT_SIZE = (1360, 820)


def default_size(available: tuple[int, int]) -> tuple[int, int]:
    """The first start's window size on a screen with ``available`` (width, height) free: the
    default, or nine tenths of the screen where it is smaller (a 1366×768 laptop, whose taskbar
    leaves ~728 pixels, would otherwise get a window taller than its screen)."""
    return tuple(min(d, a * 9 // 10) if a > 0 else d for d, a in zip(DEFAULT_SIZE, available))


class MainWindow(QMainWindow):
    sig_import_finished = Signal(bool)
    """An import ended: True when the plan changed."""
    sig_progress_imported = Signal(bool)
    """A progress-sheet import ended: True when progress was applied."""
    sig_plan_ready = Signal(bool)
    """The plan given to ``open_plan`` is fully open (True), or could not be after all (False)."""

    def __init__(self, settings: QSettings | None = None, parent=None) -> None:
        super().__init__(parent)
        self.settings = settings or QSettings()
        self.context = PlanContext(self)
        self._jobs: list[Job] = []
        self._pending: QuickPlan | None = None  # shown from the quick read, full open still to come
        self._finish_scheduled = False
        self._queued: list = []                # what waits for the pending plan (dropped workbooks)
        self._placement_ready = False
        self._preloaded = None  # (plan, records, annotations) an import's worker read for reload
        self._placement_impl: dict[str, Column] = {}
        self.setAcceptDrops(True)
        self.setWindowTitle(app_name())

        self.table = InventoryTable(self)
        # The first paint of the table's rows ends the start-up: the garbage collector resumes
        # (ui/__init__.py). A window with no rows to draw by the loop's first turn ends it then.
        self.table.when_drawn(ui.start_done)
        QTimer.singleShot(0, self, lambda: self.table.model.rowCount() or ui.start_done())
        # Should anything ask Qt to fit a column to its contents, it reads the rows in view only (Qt's
        # default reads 1,000 rows, eight calls into Python a cell). The table sizes its own columns.
        self.table.view.horizontalHeader().setResizeContentsPrecision(0)
        base = base_columns(self.tr)
        self.table.model.set_columns(base[:4] + self._placement_placeholders() + base[4:])
        self._add_placement_filters()
        self.detail = SystemDetail(self)
        # Side by side (the default). Not QSplitter(self): PySide6 would try the (Qt.Orientation, parent)
        # overload first and build the Qt namespace's enums at start-up (see ui/inventory_table.py).
        splitter = QSplitter()
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([900, 340])
        self.splitter = splitter

        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(splitter, self.tr("システム一覧"))
        self._lazy_tabs: dict[int, tuple[str, str]] = {}
        for module, cls, title in FEATURE_TABS:
            if importlib.util.find_spec(module) is None:
                continue
            holder = QWidget(self)
            QVBoxLayout(holder).setContentsMargins(0, 0, 0, 0)
            index = self.tabs.addTab(holder, self.tr(title))
            self._lazy_tabs[index] = (module, cls)
        self.tabs.currentChanged.connect(self._ensure_tab)
        self.setCentralWidget(self.tabs)

        self._status_plan = QLabel(self)
        self._status_counts = QLabel(self)
        self.statusBar().addWidget(self._status_counts, 1)
        self.statusBar().addPermanentWidget(self._status_plan)

        self._build_actions()
        self._session: PlanSession | None = None  # see the session property
        self.table.sig_selection_changed.connect(self._show_detail)
        self.table.sig_filter_changed.connect(self._update_status)
        self.context.sig_plan_opened.connect(self.reload)
        self.context.sig_systems_changed.connect(self._systems_changed)
        self.context.sig_systems_edited.connect(self.update_systems)
        self.context.sig_placement_changed.connect(self._placement_changed)
        self._restore_geometry()

    @property
    def session(self) -> PlanSession:
        """Autosave into a working copy, 保存 / 名前を付けて保存, crash recovery (ui/recovery.py).

        Installed when first needed (opening a plan, which the quick start-up does once the window
        has been drawn), not at construction: its module and the working copy's cost the launch
        about a twentieth of a bare window's start (issue 2). The Save actions exist from the start.
        """
        if self._session is None:
            from ui.recovery import install_session

            self._session = install_session(self)
        return self._session

    # ---------------------------------------------------------------- actions and menus
    def _build_actions(self) -> None:
        def action(text, slot, shortcut=None, icon=None, tip=None):
            a = QAction(text, self)
            if shortcut is not None:
                # setShortcuts, not setShortcut: PySide6 resolves setShortcut's overloads through
                # Qt's key enums and would build the Qt namespace at start-up (ui/inventory_table.py).
                a.setShortcuts(shortcut if isinstance(shortcut, QKeySequence.StandardKey) else [shortcut])
            if icon is not None:
                a.setIcon(icons.icon(icon))
            a.setStatusTip(tip or text)
            a.triggered.connect(slot)
            return a

        self.act_new = action(self.tr("新規(&N)…"), self.new_plan, QKeySequence.StandardKey.New, "new", self.tr("新しいプランを作ります"))
        self.act_open = action(self.tr("開く(&O)…"), self.open_plan_dialog, QKeySequence.StandardKey.Open, "open", self.tr("プランを開きます"))
        self.act_import = action(self.tr("取り込み(&I)…"), self.import_dialog, QKeySequence.fromString("Ctrl+I"), "import", self.tr("システム一覧（.xlsx）を取り込みます"))
        self.act_import_progress = action(
            self.tr("進捗表の取り込み(&P)…"), self.import_progress_dialog, QKeySequence.fromString("Ctrl+Shift+I"), None,
            self.tr("標準化対象業務の進捗表（.xlsx）を取り込みます（元に戻せます）"))
        self.act_save = action(self.tr("保存(&S)"), lambda: self.session.save(), QKeySequence.StandardKey.Save, "save",
                               self.tr("変更をプランファイルに保存します"))
        self.act_save_as = action(self.tr("名前を付けて保存(&A)…"), lambda: self.session.save_as(), QKeySequence.StandardKey.SaveAs,
                                  None, self.tr("プランを別の名前のファイルに保存します"))
        self.act_quit = action(self.tr("終了(&X)"), self.close, QKeySequence.StandardKey.Quit, None, self.tr("プログラムを終了します"))
        self.act_undo = self.context.undo_stack.createUndoAction(self, self.tr("元に戻す(&U)"))
        self.act_undo.setShortcuts(QKeySequence.StandardKey.Undo)
        self.act_undo.setIcon(icons.icon("undo"))
        self.act_redo = self.context.undo_stack.createRedoAction(self, self.tr("やり直し(&R)"))
        self.act_redo.setShortcuts([*QKeySequence.keyBindings(QKeySequence.StandardKey.Redo), QKeySequence.fromString("Ctrl+Y")])
        self.act_redo.setIcon(icons.icon("redo"))
        self.act_find = action(self.tr("絞り込み(&F)"), self._focus_filter, QKeySequence.StandardKey.Find)

        file_menu = self.menuBar().addMenu(self.tr("ファイル(&F)"))
        file_menu.addAction(self.act_new)
        file_menu.addAction(self.act_open)
        file_menu.addAction(self.act_save)
        file_menu.addAction(self.act_save_as)
        self.recent_menu = file_menu.addMenu(self.tr("最近使ったプラン(&R)"))
        file_menu.addSeparator()
        file_menu.addAction(self.act_import)
        file_menu.addAction(self.act_import_progress)
        self.export_menu_anchor = file_menu.addSeparator()
        file_menu.addAction(self.act_quit)
        self.file_menu = file_menu

        edit_menu = self.menuBar().addMenu(self.tr("編集(&E)"))
        edit_menu.addAction(self.act_undo)
        edit_menu.addAction(self.act_redo)
        edit_menu.addSeparator()
        edit_menu.addAction(self.act_find)

        view_menu = self.menuBar().addMenu(self.tr("表示(&V)"))
        self._feature_view_actions: list[QAction] = []
        for index in range(self.tabs.count()):
            a = QAction(self.tabs.tabText(index), self)
            a.setShortcuts([QKeySequence.fromString(f"Ctrl+{index + 1}")])
            a.triggered.connect(lambda _c=False, i=index: self.tabs.setCurrentIndex(i))
            view_menu.addAction(a)
            if index:
                self._feature_view_actions.append(a)

        help_menu = self.menuBar().addMenu(self.tr("ヘルプ(&H)"))
        help_menu.addAction(action(self.tr("バージョン情報(&A)"), self.about))

        toolbar = self.addToolBar(self.tr("ツールバー"))
        toolbar.setObjectName("main_toolbar")
        # Qt.ToolButtonTextBesideIcon, set through the property so that start-up does not build
        # Python enums for the Qt namespace (see ui/inventory_table.py).
        toolbar.setProperty("toolButtonStyle", 2)
        for a in (self.act_new, self.act_open, self.act_save, self.act_import):
            toolbar.addAction(a)
        toolbar.addSeparator()
        toolbar.addAction(self.act_undo)
        toolbar.addAction(self.act_redo)
        self.toolbar = toolbar
        self._refresh_recent_menu()

    def _focus_filter(self) -> None:
        self.tabs.setCurrentIndex(0)
        self.table.focus_filter()

    def _ensure_tab(self, index: int) -> None:
        spec = self._lazy_tabs.pop(index, None)
        if spec is None:
            return
        module, cls = spec
        holder = self.tabs.widget(index)
        try:
            widget = getattr(importlib.import_module(module), cls)(self.context, holder)
        except Exception as exc:  # a broken view must not take the window down
            widget = QLabel(self.tr("この画面を表示できません：{0}").format(exc), holder)
            widget.setWordWrap(True)
        holder.layout().addWidget(widget)

    def feature_widget(self, cls_name: str) -> QWidget | None:
        """The feature tab's widget of class ``cls_name``, created if needed (tests and menus use it)."""
        for index in range(self.tabs.count()):
            spec = self._lazy_tabs.get(index)
            if spec and spec[1] == cls_name:
                self._ensure_tab(index)
            holder = self.tabs.widget(index)
            layout = holder.layout() if holder is not None else None
            if layout is not None and layout.count():
                widget = layout.itemAt(0).widget()
                if type(widget).__name__ == cls_name:
                    return widget
        return None

    # ---------------------------------------------------------------- plan
    @property
    def plan(self) -> Plan | None:
        return self.context.plan

    def plan_pending(self) -> bool:
        """A plan is shown from the quick read and its full open is still to come."""
        return self._pending is not None

    def open_plan(self, path: str, *, create: bool = False, quick: bool = False) -> bool:
        """Open the plan at ``path`` (a new one there when ``create``); False, once said why, if it cannot.

        Without ``quick`` the plan is ready on return. With ``quick`` (the start-up), while no plan
        is open yet, an existing plan's systems are shown at once from a read-only ``sqlite3`` read,
        and the full plan opens once the window has been drawn: :attr:`sig_plan_ready` tells when.
        """
        if quick and self.plan is None and self._pending is None:
            try:
                first = read_quick(path)
            except PlanError as exc:
                self._refuse(path, exc)
                return False
            if first is not None:
                self._show_quick(first)
                return True
        if self._pending is not None:  # this plan replaces one still opening, and what waited for it
            self._pending = None
            self._queued.clear()
        plan = self.session.open(path, create=create, install=self._install)
        if plan is None:  # cancelled, or refused (the session has said why)
            if self.session.last_error:
                self._forget_recent(path)
            return False
        return True

    def _refuse(self, path: str, exc: PlanError) -> None:
        QtWidgets.QMessageBox.warning(self, self.tr("プランを開けません"), str(exc))
        self._forget_recent(path)

    def _show_quick(self, first: QuickPlan) -> None:
        """The plan's systems in the table, before the full plan is open."""
        self._pending = first
        self._set_waiting(True)
        self.table.set_records(first.records)
        self.detail.set_names({r.system_id: r.name for r in first.records})
        self._show_detail(self.table.current_system_id())
        self._show_plan_name(first.name, first.path)
        self._update_status()
        self.statusBar().showMessage(self.tr("プランを開いています…"))
        self._finish_scheduled = False
        if not self.isVisible() or self.isMinimized():
            self._schedule_finish()
        else:
            # After the first paint, so the table shows first (the table says when it has drawn its
            # rows); the timer is a safety net for a window that is not drawn soon, or a plan with no
            # systems (a paint normally follows within a frame).
            self.table.when_drawn(lambda: self._drawn(first))
            QTimer.singleShot(500, self, lambda: self._schedule_finish(first))

    def _drawn(self, first: QuickPlan) -> None:
        """The window, table included, has been drawn: open the full plan on the next turn."""
        if first is self._pending:
            self._schedule_finish(first)

    def _schedule_finish(self, pending: QuickPlan | None = None) -> None:
        if self._finish_scheduled or (pending is not None and pending is not self._pending):
            return
        self._finish_scheduled = True
        pending = self._pending
        QTimer.singleShot(0, self, lambda: self._finish_open(pending))

    def _finish_open(self, pending: QuickPlan | None, stage: int = 0) -> None:
        if pending is None or pending is not self._pending:
            return  # another plan was opened meanwhile, or the window closed
        if stage < len(FULL_OPEN_STAGES):
            try:
                importlib.import_module(FULL_OPEN_STAGES[stage])
            except ImportError:
                pass  # Plan.open below imports what it needs (and says what is missing)
            QTimer.singleShot(0, self, lambda: self._finish_open(pending, stage + 1))
            return
        self._pending = None
        self.statusBar().clearMessage()
        plan = self.session.open(pending.path, create=False, install=self._install)
        if plan is None:  # cancelled, or refused (the session has said why)
            self._set_waiting(False)
            self.table.set_records([])
            self.detail.set_names({})
            self.setWindowTitle(app_name())
            self._status_plan.clear()
            self._update_status()
            if self.session.last_error:
                self._forget_recent(pending.path)
            self._queued.clear()
            self.sig_plan_ready.emit(False)
            return

    def _install(self, plan: Plan) -> None:
        self._pending = None
        self._ensure_placement()
        self.context.set_plan(plan)
        self._remember_recent(self.session.plan_path or plan.path)
        self._set_waiting(False)
        self.sig_plan_ready.emit(True)
        queued, self._queued = self._queued, []
        for call in queued:
            call()

    def _set_waiting(self, waiting: bool) -> None:
        """While the full plan opens, what needs it is disabled (the table already works)."""
        for a in (self.act_import, self.act_import_progress, *self._feature_view_actions):
            a.setEnabled(not waiting)
        for index in range(1, self.tabs.count()):
            self.tabs.setTabEnabled(index, not waiting)
        self.destination_combo.setEnabled(not waiting and self._placement_ready)
        self.group_combo.setEnabled(not waiting and self._placement_ready)

    def new_plan(self) -> None:
        path, _ = QtWidgets.QFileDialog.getSaveFileName(
            self, self.tr("新しいプラン"), str(Path(self._last_dir()) / (self.tr("新しいプラン") + PLAN_SUFFIX)),
            self.tr("移行計画プラン (*{0})").format(PLAN_SUFFIX),
        )
        if not path:
            return
        if not path.endswith(PLAN_SUFFIX):
            path += PLAN_SUFFIX
        if os.path.exists(path):
            QtWidgets.QMessageBox.warning(self, self.tr("新しいプラン"), self.tr("「{0}」はすでにあります。別の名前を選んでください。").format(os.path.basename(path)))
            return
        if self.open_plan(path, create=True):
            self.statusBar().showMessage(self.tr("新しいプランを作りました。ファイル → 取り込み でシステム一覧を読み込んでください。"), 8000)

    def open_plan_dialog(self) -> None:
        path, _ = QtWidgets.QFileDialog.getOpenFileName(
            self, self.tr("プランを開く"), self._last_dir(),
            self.tr("移行計画プラン (*{0});;すべてのファイル (*)").format(PLAN_SUFFIX),
        )
        if path:
            self.open_plan(path)

    def reload(self) -> None:
        plan = self.plan
        if plan is None:
            return
        preloaded, self._preloaded = self._preloaded, None
        if preloaded is not None and preloaded[0] is plan:
            records, annotations = preloaded[1], preloaded[2]  # read by the import's worker
        else:
            records = plan.records()
            annotations = self.annotations(records)
        self.table.set_records(records, annotations)
        self._names = {r.system_id: r.name for r in records}
        self.detail.set_names(self._names)
        self._show_detail(self.table.current_system_id())
        self._show_plan_name(plan.name, plan.display_path)
        self._update_status()

    #: system_id → name of the plan's systems, as the detail panel shows links (set by :meth:`reload`).
    _names: dict[str, str] | None = None

    def _systems_changed(self) -> None:
        if self.context.edited_ids is None:  # an import or another change to any system: every row
            self.reload()
        # else an edit, its undo or redo: update_systems has shown it (sig_systems_edited)

    def _placement_changed(self) -> None:
        ids = self.context.placement_ids
        if ids is None:  # any system's placement may have moved: every row
            self.reload()
        else:  # an override of these systems, its undo or redo: their rows (placement, override, history)
            self.update_systems(ids)

    def update_systems(self, system_ids: list[str]) -> None:
        """Show an edit of these systems (or its undo or redo): their rows and the detail panel only.

        A system's placement (destination, step, caveat, override, history) depends on its own
        inputs, override and audit entries alone, so no other row changes: those systems' records
        are read again, their placement recomputed, and their rows replaced in the table (sort,
        filter, selection and current cell kept). A system the plan or the table does not hold (as
        it should) brings the full reload.
        """
        plan = self.plan
        if plan is None or self._pending is not None or not system_ids:
            return  # no plan, or the table shows another one that is still opening
        records = plan.records(ids=system_ids)
        if len(records) != len(set(system_ids)) or self._names is None:
            self.reload()
            return
        model = self.table.model
        shown_before = [model.record(row) for row in map(model.row_of, system_ids) if row >= 0]
        sums = self._status_sums
        try:
            self.table.update_records(records, self.annotations(records, subset=True))
        except KeyError:
            self.reload()
            return
        if self._status_sums is sums:  # else the table filtered again and the status counted every row
            shown_after = [model.record(row) for row in map(model.row_of, system_ids) if row >= 0]
            self._update_status((shown_before, shown_after))
        self._names.update((r.system_id, r.name) for r in records)
        self.detail.set_names(self._names)
        self._show_detail(self.table.current_system_id())

    def _show_plan_name(self, name: str, path: str) -> None:
        self.setWindowTitle(f"{name}[*] — {app_name()}")  # [*]: shown while there are unsaved edits
        self._status_plan.setText(self.tr("プラン: {0}").format(path))
        self._status_plan.setToolTip(path)

    def annotations(self, records, *, subset: bool = False) -> dict[str, dict]:
        """Per-system values that features add to the table: placement (destination, trace, audit).

        ``subset``: ``records`` are a few of the plan's systems (just edited): their overrides and
        history are read by system rather than the plan's whole.
        """
        from ui.placement_board import lane_titles, placement_annotations

        ann = placement_annotations(self.plan, records, subset=subset)
        titles = lane_titles()
        for a in ann.values():
            c = a.get("placement")
            if c is not None:
                a["search"] = (titles[c.destination], c.caveat or "")
        return ann

    def _placement_placeholders(self) -> list[Column]:
        """The placement columns, which draw nothing until :meth:`_ensure_placement` loads the real ones.

        The table has them from its first paint, so its columns, sort and widths stay put when the
        full plan arrives; each call goes to the real column once there is one.
        """
        impl = self._placement_impl

        def late(key: str, title: str, numeric: bool) -> Column:
            def tooltip(r, a):
                c = impl.get(key)
                if c is None:
                    return ""
                if c.tooltip is not None:
                    return c.tooltip(r, a)
                text = c.display(r, a)
                return text if len(text) > 20 else ""

            return Column(
                key, title,
                lambda r, a: impl[key].display(r, a) if key in impl else "",
                lambda r, a: impl[key].sort_key(r, a) if key in impl else 0,
                numeric=numeric, tooltip=tooltip,
                foreground=lambda r, a: impl[key].foreground(r, a) if key in impl and impl[key].foreground else None,
            )

        return [late(key, title, numeric) for key, title, numeric in placement_column_titles(self.tr)]

    def _ensure_placement(self) -> None:
        """Load what shows placement (columns, filters, detail sections) and the export actions, once."""
        if self._placement_ready:
            return
        from ui.placement_board import audit_section, placement_columns, trace_section

        self._placement_impl.update({c.key: c for c in placement_columns(self.tr)})
        self.detail.add_section_provider(trace_section)
        self.detail.add_section_provider(audit_section)
        self._fill_placement_filters()
        if importlib.util.find_spec("ui.export_action") is not None:
            from ui.export_action import install_export_action

            install_export_action(self)
        from ui.system_edit import install_system_editing  # editable cells, the edit form (issue 3)

        install_system_editing(self)
        self._placement_ready = True
        self.destination_combo.setEnabled(True)
        self.group_combo.setEnabled(True)

    def _add_placement_filters(self) -> None:
        """Filters by destination and by the groups the city reviews first (domain.md §1).

        Their choices come with the placement module (:meth:`_fill_placement_filters`).
        """
        dest = QComboBox(self.table)
        dest.addItem(self.tr("すべての移行先"), "")
        group = QComboBox(self.table)
        group.addItem(self.tr("すべてのシステム"), "")
        group.setToolTip(self.tr("市が先に検討するシステム：次年度予算要求あり、2年度以内に更新、規模の大きいもの"))
        dest.setEnabled(False)
        group.setEnabled(False)
        bar = self.table.filter_bar
        bar.insertWidget(bar.count() - 1, dest)
        bar.insertWidget(bar.count() - 1, group)
        self.destination_combo, self.group_combo = dest, group

    def _fill_placement_filters(self) -> None:
        from migration_planner.placement import GROUPS, in_group
        from ui.placement_board import lane_titles

        dest, group = self.destination_combo, self.group_combo
        for code, title in lane_titles().items():
            dest.addItem(title, code)
        for key, (label, _fn) in GROUPS.items():
            group.addItem(self.tr(label), key)

        def on_dest(_i):
            code = dest.currentData() or ""
            self.table.set_extra_predicate(
                "destination",
                (lambda r, a: a.get("placement") is not None and a["placement"].destination == code) if code else None,
            )

        def on_group(_i):
            key = group.currentData() or ""
            self.table.set_extra_predicate("group", (lambda r, a: in_group(r, key)) if key else None)

        dest.currentIndexChanged.connect(on_dest)
        group.currentIndexChanged.connect(on_group)

    def _show_detail(self, system_id: str) -> None:
        row = self.table.model.row_of(system_id) if system_id else -1
        if row < 0:
            self.detail.show_empty()
        else:
            self.detail.show_system(self.table.model.record(row), self.table.model.annotation(row))

    def _update_status(self, edited: tuple[list, list] | None = None) -> None:
        """The status bar's count and sums of the rows shown; after an edit (``edited``: the edited
        systems' records shown before it and those shown after it), the sums are corrected by them
        rather than taken again over every row."""
        model = self.table.model
        if edited is not None and self._status_sums is not None:
            before, after = edited
            servers, cost = self._status_sums
            servers += sum(r.servers for r in after) - sum(r.servers for r in before)
            cost += sum(r.annual_cost or 0 for r in after) - sum(r.annual_cost or 0 for r in before)
        else:
            shown = model.visible_records()
            servers = sum(r.servers for r in shown)
            cost = sum(r.annual_cost or 0 for r in shown)
        self._status_sums = (servers, cost)
        self._status_counts.setText(
            self.tr("表示 {0} / 全 {1} システム　サーバ {2:,} 台　年間運用経費 {3:,} 千円").format(
                model.rowCount(), model.total_count(), servers, cost)
        )

    #: (servers, annual cost) of the rows shown, as the status bar last showed them.
    _status_sums: tuple[int, int] | None = None

    # ---------------------------------------------------------------- import
    def import_dialog(self) -> None:
        path, _ = QtWidgets.QFileDialog.getOpenFileName(
            self, self.tr("システム一覧を取り込む"), self._last_dir(),
            self.tr("Excelブック (*.xlsx *.xlsm);;すべてのファイル (*)"),
        )
        if path:
            self.import_file(path)

    def import_file(self, path: str, *, confirm: bool = True) -> Job | None:
        """Read ``path`` off the GUI thread; show errors, or the changes to accept, then save.

        While the plan is still opening the import waits for it (and None is returned).
        """
        if self._pending is not None:
            self._queued.append(lambda: self.import_file(path, confirm=confirm))
            return None
        if self.plan is None:
            QtWidgets.QMessageBox.information(self, self.tr("取り込み"), self.tr("先にプランを作るか開いてください。"))
            return None
        self.settings.setValue("paths/last_dir", os.path.dirname(os.path.abspath(path)))
        name = os.path.basename(path)
        from migration_planner.inventory import read_inventory

        def read(state):
            result = read_inventory(path, state=state)
            return result, self.plan.diff(result.records) if self.plan else None

        def done(payload):
            result, diff = payload
            self._after_read(path, result, diff, confirm=confirm)

        def failed(exc):
            self._show_import_error(name, exc)
            self.sig_import_finished.emit(False)

        return self._start_job(self.tr("「{0}」を読み込んでいます").format(name), read, done, failed)

    def _after_read(self, path: str, result: ImportResult, diff, *, confirm: bool) -> None:
        name = os.path.basename(path)
        if diff is not None and diff.is_empty:
            QtWidgets.QMessageBox.information(self, self.tr("取り込み"), self.tr("「{0}」の内容はプランと同じです。変更はありません。").format(name))
            self.sig_import_finished.emit(False)
            return
        from migration_planner.plan_ops import import_hooks
        from ui.dialogs import DiffDialog, IssueListDialog

        had_systems = self.plan.system_count() > 0
        if confirm and had_systems:
            dialog = DiffDialog(diff, name, result.warnings, self)
            if dialog.exec() != DiffDialog.DialogCode.Accepted:
                self.statusBar().showMessage(self.tr("取り込みを取りやめました。プランは変わっていません。"), 6000)
                self.sig_import_finished.emit(False)
                return
        plan = self.plan

        def save(state):
            changes = plan.apply_inventory(result.records, source=path, state=state, hooks=import_hooks())
            # Saved (past cancelling). The table's rows and placement are read here too, off the GUI
            # thread: for a large inventory that is most of a second the window would freeze.
            records = plan.records()
            return changes, (plan, records, self.annotations(records))

        def saved(payload):
            changes, self._preloaded = payload
            self.context.undo_stack.clear()  # an import is not undoable: its audit entry records it
            self.session.note_edit(self.tr("「{0}」の取り込み").format(name))
            self.context.notify("systems")
            self.context.notify("schedule")
            msg = self.tr("「{0}」を取り込みました（{1}）。").format(name, changes.summary())
            if result.warnings:
                msg += self.tr(" 警告 {0} 件。").format(len(result.warnings))
            self.statusBar().showMessage(msg, 10000)
            if result.warnings and not had_systems and confirm:
                IssueListDialog(self.tr("取り込みの警告"), msg, result.warnings, self).exec()
            self.sig_import_finished.emit(True)

        def failed(exc):
            self._show_import_error(name, exc)
            self.sig_import_finished.emit(False)

        self._start_job(self.tr("プランに保存しています"), save, saved, failed)

    # ---------------------------------------------------------------- progress sheet
    def import_progress_dialog(self) -> None:
        path, _ = QtWidgets.QFileDialog.getOpenFileName(
            self, self.tr("進捗表を取り込む"), self._last_dir(), self.tr("Excelブック (*.xlsx *.xlsm);;すべてのファイル (*)"))
        if path:
            self.import_progress_file(path)

    def import_progress_file(self, path: str) -> Job | None:
        """Read a progress sheet off the GUI thread and apply it as one undoable step."""
        if self._pending is not None:
            self._queued.append(lambda: self.import_progress_file(path))
            return None
        if self.plan is None:
            return None
        from migration_planner.schedule.progress_sheet import read_progress

        name = os.path.basename(path)

        def done(result):
            from migration_planner.schedule.commands import ProgressCommand
            from migration_planner.schedule.progress_sheet import progress_states
            from ui.schedule_view import CoreCommand

            command = ProgressCommand.make(
                self.plan, progress_states(result.rows), label=self.tr("進捗表「{0}」の取り込み").format(name))
            self.context.undo_stack.push(CoreCommand(self.context, command))
            self.statusBar().showMessage(
                self.tr("「{0}」から {1} 業務の進捗を取り込みました（シート「{2}」）。").format(name, len(result.rows), result.sheet), 10000)
            self.sig_progress_imported.emit(True)

        def failed(exc):
            self._show_import_error(name, exc)
            self.sig_progress_imported.emit(False)

        return self._start_job(self.tr("「{0}」の進捗を読み込んでいます").format(name),
                               lambda state: read_progress(path, state=state), done, failed)

    def _show_import_error(self, name: str, exc: BaseException) -> None:
        from migration_planner.inventory import FileProblem, ImportFailed
        from ui.dialogs import IssueListDialog

        if isinstance(exc, ImportFailed):
            dialog = IssueListDialog(
                self.tr("取り込みエラー"),
                self.tr("「{0}」に {1} 件のエラーがあります。プランには何も書き込んでいません。"
                        "Excelで直してから、もう一度取り込んでください。").format(name, len(exc.errors)),
                exc.issues, self,
            )
            self._last_issue_dialog = dialog
            dialog.open()
        elif isinstance(exc, FileProblem):
            QtWidgets.QMessageBox.warning(self, self.tr("取り込めません"), exc.message)
        elif isinstance(exc, PlanError):
            QtWidgets.QMessageBox.warning(self, self.tr("プランに保存できません"), str(exc))
        else:
            QtWidgets.QMessageBox.critical(
                self, self.tr("取り込めません"),
                self.tr("予期しないエラーで取り込めませんでした。プランは変わっていません。\n{0}: {1}").format(type(exc).__name__, exc),
            )

    def _start_job(self, title, fn, on_done, on_error) -> Job:
        from ui.workers import Job

        job = Job(self, title, fn, on_done, on_error)
        self._jobs.append(job)
        job.sig_finished.connect(lambda j=job: self._jobs.remove(j) if j in self._jobs else None)
        return job.start()

    def busy(self) -> bool:
        return any(j.running for j in self._jobs)

    # ---------------------------------------------------------------- drag and drop
    def dragEnterEvent(self, event) -> None:
        urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
        if urls and urls[0].toLocalFile().lower().endswith((".xlsx", ".xlsm", PLAN_SUFFIX)):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event) -> None:
        urls = event.mimeData().urls()
        if not urls:
            return
        path = urls[0].toLocalFile()
        event.acceptProposedAction()
        if path.lower().endswith(PLAN_SUFFIX):
            self.open_plan(path)
        else:
            QTimer.singleShot(0, lambda: self.import_file(path))

    # ---------------------------------------------------------------- settings
    def _last_dir(self) -> str:
        return str(self.settings.value("paths/last_dir", str(Path.home())))

    def recent_plans(self) -> list[str]:
        value = self.settings.value("plans/recent", [])
        if isinstance(value, str):
            value = [value]
        return [str(v) for v in value or []]

    def _remember_recent(self, path: str) -> None:
        recent = [p for p in self.recent_plans() if p != path]
        recent.insert(0, path)
        self.settings.setValue("plans/recent", recent[:MAX_RECENT])
        self.settings.setValue("plans/last", path)
        self._refresh_recent_menu()

    def _forget_recent(self, path: str) -> None:
        self.settings.setValue("plans/recent", [p for p in self.recent_plans() if p != path])
        self._refresh_recent_menu()

    def _refresh_recent_menu(self) -> None:
        self.recent_menu.clear()
        recent = self.recent_plans()
        for i, path in enumerate(recent):
            a = self.recent_menu.addAction(f"&{i + 1} {os.path.basename(path)}")
            a.setToolTip(path)
            a.setStatusTip(path)
            a.triggered.connect(lambda _c=False, p=path: self.open_plan(p))
        if not recent:
            empty = self.recent_menu.addAction(self.tr("（なし）"))
            empty.setEnabled(False)

    def _restore_geometry(self) -> None:
        geometry = self.settings.value("window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)  # Qt moves a window saved on a screen now gone onto this one
        else:
            self.resize(*default_size(self.screen().availableGeometry().size().toTuple()))
        state = self.settings.value("window/state")
        if isinstance(state, QByteArray) and not state.isEmpty():
            self.restoreState(state)
        splitter = self.settings.value("window/splitter")
        if isinstance(splitter, QByteArray) and not splitter.isEmpty():
            self.splitter.restoreState(splitter)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.busy():
            answer = QtWidgets.QMessageBox.question(
                self, app_name(), self.tr("処理の途中です。中止して終了しますか？（プランは処理前の状態のまま残ります）"))
            if answer != QtWidgets.QMessageBox.StandardButton.Yes:
                event.ignore()
                return
            for job in list(self._jobs):
                job.cancel()
                job.worker.wait(5000)
        if not self.session.maybe_close():  # 変更を保存しますか？ — キャンセル keeps the window open
            event.ignore()
            return
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/state", self.saveState())
        self.settings.setValue("window/splitter", self.splitter.saveState())
        self.settings.sync()
        self._pending = None
        self._queued.clear()
        self.session.close()
        event.accept()

    def about(self) -> None:
        QtWidgets.QMessageBox.about(
            self, self.tr("バージョン情報"),
            self.tr("<h3>{0}</h3><p>バージョン {1}</p><p>大阪市 デジタル統括室のシステム刷新計画・標準化対応のための計画ツール。</p>"
                    "<p>日本語フォント：IPAexゴシック（IPAフォントライセンス v1.0）</p>").format(app_name(), __version__),
        )

    def open_url(self, path: str) -> None:
        from PySide6.QtCore import QUrl
        from PySide6.QtGui import QDesktopServices

        QDesktopServices.openUrl(QUrl.fromLocalFile(path))
