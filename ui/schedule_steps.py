"""One workload's 40 procedure steps: status and as-of date editable by mouse and keyboard.

``StepsTable`` is a ``QTableView`` over ``StepsModel`` with a delegate that edits the status with a
combo box and the as-of date with a date editor (double-click, F2 or just start typing; Enter
commits, Esc cancels). Below the table an "apply to the selected steps" bar sets several steps at
once (select rows with Shift/Ctrl + arrows or the mouse). The model never writes the plan: it emits
``sig_edit`` with the new states and the view pushes one undoable core command.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import (
    QAbstractTableModel,
    QDate,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStyledItemDelegate,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from migration_planner.schedule.catalog import StepState
from migration_planner.schedule.steps import DONE, IN_PROGRESS, NOT_APPLICABLE, STATUSES, STEPS
from ui.i18n import tr_core

COL_STEP, COL_STATUS, COL_AS_OF, COL_START, COL_FINISH, COL_DAYS, COL_SLACK = range(7)
EDITABLE = (COL_STATUS, COL_AS_OF)
#: The date editor's minimum stands for "no date" (shown as —).
NO_DATE = QDate(2000, 1, 1)
STATUS_COLOURS = {DONE: "#2e7d32", IN_PROGRESS: "#e65100", NOT_APPLICABLE: "#757575"}


def _to_qdate(d: dt.date | None) -> QDate:
    return NO_DATE if d is None else QDate(d.year, d.month, d.day)


def _from_qdate(q: QDate) -> dt.date | None:
    return None if (not q.isValid() or q <= NO_DATE) else dt.date(q.year(), q.month(), q.day())


def step_title(step) -> str:
    """「1 ① 体制案」 in the interface's language (the step's name is the core's)."""
    return f"{step.no} {step.group} {tr_core(step.name, 'schedule')}"


def status_text(status: str) -> str:
    """A step status as the interface shows it (the plan stores the Japanese word)."""
    return tr_core(status, "schedule")


def fill_status_combo(combo: QComboBox) -> None:
    """The statuses, shown in the interface's language, each carrying the stored word as its data."""
    for status in STATUSES:
        combo.addItem(status_text(status), str(status))


def combo_status(combo: QComboBox) -> str:
    """The stored word of the status chosen in a combo made by :func:`fill_status_combo`."""
    return combo.currentData() or combo.currentText()


class StepsModel(QAbstractTableModel):
    """The steps of one workload: status and as-of date (editable), planned dates (read-only)."""

    sig_edit = Signal(object)
    """Steps' new states were entered: ``{(code, step_no): StepState}``."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.code: str | None = None
        self.states: list[StepState] = []
        self.rows: dict[int, object] = {}  # step no → TaskPlan (remaining steps only)
        self._headers = [self.tr("手順"), self.tr("状況"), self.tr("基準日"), self.tr("開始"), self.tr("完了"),
                         self.tr("日数"), self.tr("余裕（営業日）")]

    def set_workload(self, code: str | None, states: list[StepState], task_rows) -> None:
        """Show ``code``'s steps. For the workload already shown only the cells change (no reset), so
        that the current cell, the selection and an open editor survive the re-plan after an edit."""
        if code is not None and code == self.code and len(states) == len(self.states):
            self.states = list(states)
            self.rows = {t.step: t for t in task_rows}
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.states) - 1, COL_SLACK))
            return
        self.beginResetModel()
        self.code = code
        self.states = list(states) if code else []
        self.rows = {t.step: t for t in task_rows} if code else {}
        self.endResetModel()

    def set_task_rows(self, task_rows) -> None:
        """New planned dates for the same workload (after a background re-plan)."""
        self.rows = {t.step: t for t in task_rows}
        if self.states:
            self.dataChanged.emit(self.index(0, COL_START), self.index(len(self.states) - 1, COL_SLACK))

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.states)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        if role == Qt.DisplayRole and orientation == Qt.Horizontal and 0 <= section < len(self._headers):
            return self._headers[section]
        return None

    def flags(self, index):
        if not index.isValid():
            return Qt.NoItemFlags
        base = Qt.ItemIsEnabled | Qt.ItemIsSelectable
        return base | Qt.ItemIsEditable if index.column() in EDITABLE else base

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self.states)):
            return None
        r, c = index.row(), index.column()
        step, st, t = STEPS[r], self.states[r], self.rows.get(r + 1)
        if role in (Qt.DisplayRole, Qt.EditRole):
            if c == COL_STEP:
                return step_title(step)
            if c == COL_STATUS:
                return st.status if role == Qt.EditRole else status_text(st.status)
            if c == COL_AS_OF:
                if role == Qt.EditRole:
                    return _to_qdate(st.as_of)
                return st.as_of.isoformat() if st.as_of else ""
            if t is None:
                return "" if c != COL_DAYS else "0"
            return {COL_START: t.start.isoformat(), COL_FINISH: t.finish.isoformat(),
                    COL_DAYS: str(t.duration_days), COL_SLACK: str(t.slack_days)}[c]
        if role == Qt.ForegroundRole and c == COL_STATUS and st.status in STATUS_COLOURS:
            return QColor(STATUS_COLOURS[st.status])
        if role == Qt.TextAlignmentRole and c in (COL_DAYS, COL_SLACK):
            return int(Qt.AlignRight | Qt.AlignVCenter)
        if role == Qt.ToolTipRole and c in EDITABLE:
            return self.tr("ダブルクリックまたはF2で編集（Enterで確定）")
        return None

    def setData(self, index, value, role=Qt.EditRole) -> bool:
        if role != Qt.EditRole or not index.isValid() or index.column() not in EDITABLE or self.code is None:
            return False
        r = index.row()
        st = self.states[r]
        if index.column() == COL_STATUS:
            if value not in STATUSES or value == st.status:
                return False
            new = StepState(value, dt.date.today())
        else:
            day = _from_qdate(value) if isinstance(value, QDate) else value
            if day == st.as_of:
                return False
            new = StepState(st.status, day)
        self.sig_edit.emit({(self.code, r + 1): new})
        return True


class StepsDelegate(QStyledItemDelegate):
    """A combo box for the status, a date editor for the as-of date."""

    def createEditor(self, parent, option, index):
        if index.column() == COL_STATUS:
            combo = QComboBox(parent)
            fill_status_combo(combo)
            combo.setAccessibleName(self.tr("状況"))
            # The list opens with the editor, so that a choice (a click, or arrows then Enter)
            # commits at once; Esc closes the list, a second Esc cancels.
            combo.activated.connect(lambda _i, c=combo: (self.commitData.emit(c), self.closeEditor.emit(c)))
            QTimer.singleShot(0, combo.showPopup)
            return combo
        if index.column() == COL_AS_OF:
            edit = QDateEdit(parent)
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setMinimumDate(NO_DATE)
            edit.setSpecialValueText("—")
            edit.setAccessibleName(self.tr("基準日"))
            return edit
        return super().createEditor(parent, option, index)

    def setEditorData(self, editor, index):
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(0, editor.findData(str(index.data(Qt.EditRole)))))
        elif isinstance(editor, QDateEdit):
            q = index.data(Qt.EditRole)
            editor.setDate(QDate.currentDate() if q is None or q <= NO_DATE else q)
        else:
            super().setEditorData(editor, index)

    def setModelData(self, editor, model, index):
        if isinstance(editor, QComboBox):
            model.setData(index, combo_status(editor), Qt.EditRole)
        elif isinstance(editor, QDateEdit):
            model.setData(index, editor.date(), Qt.EditRole)
        else:
            super().setModelData(editor, model, index)


class StepsTable(QWidget):
    """The steps table with its "apply to the selected steps" bar."""

    sig_edit = Signal(object)
    """Steps' new states were entered: ``{(code, step_no): StepState}``."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.model = StepsModel(self)
        self.model.sig_edit.connect(self.sig_edit)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setItemDelegate(StepsDelegate(self.view))
        self.view.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.ExtendedSelection)
        self.view.setEditTriggers(QAbstractItemView.DoubleClicked | QAbstractItemView.EditKeyPressed
                                  | QAbstractItemView.SelectedClicked | QAbstractItemView.AnyKeyPressed)
        self.view.verticalHeader().setVisible(False)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        self.view.setAccessibleName(self.tr("手順と進捗"))

        self.bulk_status = QComboBox(self)
        fill_status_combo(self.bulk_status)
        self.bulk_status.setAccessibleName(self.tr("選択した手順の状況"))
        self.bulk_date = QDateEdit(self)
        self.bulk_date.setCalendarPopup(True)
        self.bulk_date.setDisplayFormat("yyyy-MM-dd")
        self.bulk_date.setDate(QDate.currentDate())
        self.bulk_date.setAccessibleName(self.tr("選択した手順の基準日"))
        self.apply_button = QPushButton(self.tr("選択した手順に設定"), self)
        self.apply_button.setToolTip(self.tr("表で選んだ手順（Shift/Ctrl+矢印で複数選択）の状況と基準日をまとめて設定します"))
        self.apply_button.clicked.connect(self.apply_to_selection)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("状況"), self))
        bar.addWidget(self.bulk_status)
        bar.addWidget(QLabel(self.tr("基準日"), self))
        bar.addWidget(self.bulk_date)
        bar.addWidget(self.apply_button)
        bar.addStretch(1)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.view, 1)
        lay.addLayout(bar)

    def set_workload(self, code, states, task_rows) -> None:
        self.model.set_workload(code, states, task_rows)

    def selected_steps(self) -> list[int]:
        return sorted({ix.row() + 1 for ix in self.view.selectionModel().selectedRows()})

    def select_steps(self, steps) -> None:
        """Select the rows of ``steps`` (1-based), as Shift/Ctrl-clicks would."""
        sel = QItemSelection()
        for n in steps:
            sel.select(self.model.index(n - 1, 0), self.model.index(n - 1, self.model.columnCount() - 1))
        self.view.selectionModel().select(sel, QItemSelectionModel.ClearAndSelect)

    def apply_to_selection(self) -> bool:
        code, steps = self.model.code, self.selected_steps()
        if code is None or not steps:
            return False
        state = StepState(combo_status(self.bulk_status), _from_qdate(self.bulk_date.date()))
        self.sig_edit.emit({(code, n): state for n in steps})
        return True
