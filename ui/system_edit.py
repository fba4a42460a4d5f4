"""Editing a system's inventory fields: in the table's cells and in a form, each an undoable step.

A value is read by the importer's own parsers (:func:`migration_planner.placement.normalise_field`),
so a cell accepts exactly what an Excel import accepts (``R9``, ``1,234千円``, ``○``, ``住民基本台帳``).
Each edit is a core :class:`~migration_planner.placement.SystemEditCommand` (the form's, a
:class:`~migration_planner.placement.SystemEditsCommand`: one undo step) pushed on the shared undo
stack; the edit, its undo and its redo each announce the edited system
(``PlanContext.notify_systems_edited``): the window redraws that row only, and the views that
reload on ``PlanContext.sig_systems_changed`` do so as before. A value of the wrong form changes
nothing and is answered with the importer's Japanese message.

The window calls :func:`install_system_editing` once the full plan is open.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QAction, QValidator
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QScrollArea,
    QSpinBox,
    QStyledItemDelegate,
    QVBoxLayout,
    QWidget,
)

from migration_planner.inventory.contract import SAAS_FITS, SCALES, TIERS, SystemRecord
from migration_planner.placement import EDITABLE_FIELDS, PlacementError, SystemEditCommand, SystemEditsCommand
from migration_planner.values import ValueProblem, parse_amount, parse_count, parse_fiscal_year
from ui.context import PlanContext
from ui.placement_board import CoreUndoCommand

#: How each editable field is edited: text, choice (a combo of the contract's values), flag (○/×),
#: count (a spin box), amount and year (spin boxes that may be blank and read what planners type),
#: list (text: codes or names, IDs, separated as in a cell).
FIELD_KINDS: dict[str, str] = {
    "name": "text", "department": "text", "tier": "choice", "servers": "count", "workloads": "list",
    "resident_core": "flag", "saas_candidate": "text", "saas_fit": "choice", "cloud_blocker": "text",
    "next_renewal_fy": "year", "annual_cost": "amount", "migration_cost": "amount", "budget_request": "flag",
    "scale": "choice", "links_to": "list", "vendor": "text", "notes": "text",
}
assert set(FIELD_KINDS) == set(EDITABLE_FIELDS), "an editable field without an editor"
CHOICES: dict[str, tuple[str, ...]] = {"tier": TIERS, "saas_fit": SAAS_FITS, "scale": ("", *SCALES)}
_ERA_HINT = re.compile(r"\s*[（(][^（()）]*[)）]\s*$")
_INT_MAX = 2**31 - 1  # the most a spin box holds (as an amount in 千円, about 2.1兆円)


def edit_value(record: SystemRecord, field: str) -> object:
    """The value an editor starts from: text, a choice, a bool, an int or None, lists as ``1, 6-a``."""
    value = getattr(record, field)
    if FIELD_KINDS[field] == "list":
        return ", ".join(value)
    return value


# ---------------------------------------------------------------- pushing edits
def edit_system(context: PlanContext, system_id: str, values: dict[str, object]) -> bool:
    """Check and apply ``values`` (field → value as a planner writes it) to one system as one undo step.

    Returns False when nothing would change (nothing is pushed). Raises
    :class:`~migration_planner.placement.PlacementError` (every problem, one line each) and changes
    nothing when a value is of the wrong form.
    """
    plan = context.plan
    if plan is None:
        raise PlacementError(_tr("プランが開かれていません。"))
    if len(values) == 1:
        ((field, value),) = values.items()
        command: SystemEditCommand | SystemEditsCommand = SystemEditCommand.make(plan, system_id, field, value)
        if not command.changes:
            return False
    else:
        command = SystemEditsCommand.make(plan, system_id, values)
        if not command.edits:
            return False
    context.undo_stack.push(SystemEditUndo(context, command))
    return True


class SystemEditUndo(CoreUndoCommand):
    """The undo step of a system edit: it names the edited system when it is done, undone or redone
    (:meth:`PlanContext.notify_systems_edited`), so that the window redraws that system's row
    only, not every row of the plan."""

    def __init__(self, context: PlanContext, command: SystemEditCommand | SystemEditsCommand) -> None:
        super().__init__(context, command, what="systems")

    def redo(self) -> None:
        self.command.apply(self.context.plan, redo=self._done)
        self._done = True
        self.context.notify_systems_edited([self.command.system_id])

    def undo(self) -> None:
        self.command.revert(self.context.plan)
        self.context.notify_systems_edited([self.command.system_id])


def _tr(text: str) -> str:
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate("SystemEdit", text)


# ---------------------------------------------------------------- editors
class ParsedSpinBox(QSpinBox):
    """A spin box that reads what a planner types with an importer parser (``R9``, ``1,234千円``).

    With ``blank_text`` it may be blank: its minimum shows that text and :meth:`optional_value` gives None.
    """

    def __init__(self, parse: Callable[[str], int], fmt: Callable[[int], str], lo: int, hi: int,
                 blank_text: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._parse, self._fmt = parse, fmt
        self._lo, self._hi = lo, hi
        self._blank = blank_text is not None
        self.setRange(lo - 1 if self._blank else lo, hi)
        if blank_text is not None:
            self.setSpecialValueText(blank_text)

    def _read(self, text: str) -> int:
        t = text.strip()
        if self._blank and (not t or t == self.specialValueText()):
            return self.minimum()
        value = self._parse(t)
        if not self._lo <= value <= self._hi:
            raise ValueProblem("範囲外です")
        return value

    def validate(self, text: str, pos: int) -> QValidator.State:  # noqa: D102 — Qt's
        try:
            self._read(text)
        except ValueProblem:
            return QValidator.State.Intermediate
        return QValidator.State.Acceptable

    def valueFromText(self, text: str) -> int:  # noqa: N802 — Qt's name
        try:
            return self._read(text)
        except ValueProblem:
            return self.value()

    def textFromValue(self, value: int) -> str:  # noqa: N802 — Qt's name
        if self._blank and value == self.minimum():
            return self.specialValueText()
        return self._fmt(value)

    # Qt puts the last good value back over text it cannot read (on Enter and on leaving the box),
    # so a wrong value would vanish without a word; the box keeps it instead, and the edit is then
    # refused with the importer's message.
    def keyPressEvent(self, event) -> None:  # noqa: N802 — Qt's name
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not self.hasAcceptableInput():
            event.ignore()  # to the delegate or the dialog's OK, with the text as typed
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event) -> None:  # noqa: N802
        if self.hasAcceptableInput():
            super().focusOutEvent(event)
            return
        self.lineEdit().event(event)
        QWidget.focusOutEvent(self, event)
        self.editingFinished.emit()

    def optional_value(self) -> int | None:
        value = self.value()
        return None if self._blank and value == self.minimum() else value

    def set_optional_value(self, value: int | None) -> None:
        self.setValue(self.minimum() if value is None else value)


def _fiscal_year(text: str) -> int:
    """A fiscal year as the importer reads it; the era the box shows after it (``2027（R9）``) is a hint."""
    return parse_fiscal_year(_ERA_HINT.sub("", text))


def make_editor(field: str, parent: QWidget, *, multiline: bool = False) -> QWidget:
    """The editor of ``field``: a combo for choices and flags, a spin box for numbers, text otherwise."""
    kind = FIELD_KINDS[field]
    tr = _tr
    if kind == "choice":
        combo = QComboBox(parent)
        for value in CHOICES[field]:
            combo.addItem(value or tr("（なし）"), value)
        return combo
    if kind == "flag":
        combo = QComboBox(parent)
        combo.addItem(tr("○（あり）"), True)
        combo.addItem(tr("—（なし）"), False)
        return combo
    if kind == "count":
        return ParsedSpinBox(parse_count, str, 0, _INT_MAX, None, parent)
    if kind == "amount":
        box = ParsedSpinBox(parse_amount, lambda v: f"{v:,}", 0, _INT_MAX, tr("（空欄）"), parent)
        box.setToolTip(tr("千円単位。12,345 や 12,345千円 と書けます。空欄にするには内容を消します"))
        return box
    if kind == "year":
        box = ParsedSpinBox(_fiscal_year, lambda y: f"{y}（R{y - 2018}）" if y >= 2019 else str(y),
                            1990, 2100, tr("（未定）"), parent)
        box.setToolTip(tr("2027、R9、令和9年度、FY2027 のように書けます。空欄にするには内容を消します"))
        return box
    if multiline:
        edit = QPlainTextEdit(parent)
        edit.setTabChangesFocus(True)
        edit.setFixedHeight(edit.fontMetrics().lineSpacing() * 4)
        return edit
    edit = QLineEdit(parent)
    if field == "workloads":
        edit.setPlaceholderText(tr("例）1, 6-a, 住民基本台帳"))
        edit.setToolTip(tr("標準化対象業務のコードまたは名称を、読点やカンマで区切って書きます"))
    elif field == "links_to":
        edit.setPlaceholderText(tr("例）OSK-001, OSK-002"))
        edit.setToolTip(tr("連携先のシステムIDを、読点やカンマで区切って書きます"))
    return edit


def set_editor_value(editor: QWidget, value: object) -> None:
    if isinstance(editor, ParsedSpinBox):
        editor.set_optional_value(value)  # type: ignore[arg-type]
    elif isinstance(editor, QComboBox):
        index = editor.findData(value)
        editor.setCurrentIndex(max(index, 0))
    elif isinstance(editor, QPlainTextEdit):
        editor.setPlainText("" if value is None else str(value))
    elif isinstance(editor, QLineEdit):
        editor.setText("" if value is None else str(value))


def editor_value(editor: QWidget) -> object:
    if isinstance(editor, ParsedSpinBox):
        if editor.validate(editor.text(), 0) != QValidator.State.Acceptable:
            return editor.text()  # the importer's parser then says what is wrong with it
        editor.interpretText()
        return editor.optional_value()
    if isinstance(editor, QComboBox):
        return editor.currentData()
    if isinstance(editor, QPlainTextEdit):
        return editor.toPlainText()
    if isinstance(editor, QLineEdit):
        return editor.text()
    raise TypeError(type(editor).__name__)


class SystemFieldDelegate(QStyledItemDelegate):
    """Cell editors of the inventory table; the model checks and applies (``setData``)."""

    def _field(self, index: QModelIndex | QPersistentModelIndex) -> str | None:
        model = index.model()
        key = model.column_key(index.column()) if hasattr(model, "column_key") else None
        return key if key in FIELD_KINDS else None

    def createEditor(self, parent, option, index):  # noqa: N802 — Qt's name
        field = self._field(index)
        if field is None:
            return super().createEditor(parent, option, index)
        editor = make_editor(field, parent)
        editor.setAutoFillBackground(True)
        return editor

    def setEditorData(self, editor, index):  # noqa: N802
        if self._field(index) is None:
            return super().setEditorData(editor, index)
        set_editor_value(editor, index.data(Qt.ItemDataRole.EditRole))

    def setModelData(self, editor, model: QAbstractItemModel, index):  # noqa: N802
        if self._field(index) is None:
            return super().setModelData(editor, model, index)
        model.setData(index, editor_value(editor), Qt.ItemDataRole.EditRole)


# ---------------------------------------------------------------- the form
class SystemEditDialog(QDialog):
    """Every editable field of one system; OK checks them all and applies the changes as one undo step."""

    def __init__(self, context: PlanContext, record: SystemRecord, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from ui.inventory_table import base_columns

        self.context = context
        self.record = record
        self.changed = False
        """Whether OK applied a change."""
        self.setWindowTitle(self.tr("システムの編集：{0}").format(record.system_id))
        self.setModal(True)
        titles = {c.key: c.title for c in base_columns(self.tr)}
        titles["links_to"] = self.tr("連携先システムID")

        form_widget = QWidget(self)
        form = QFormLayout(form_widget)
        form.addRow(titles["system_id"], QLabel(record.system_id, form_widget))
        self.editors: dict[str, QWidget] = {}
        for field in EDITABLE_FIELDS:
            editor = make_editor(field, form_widget, multiline=field == "notes")
            set_editor_value(editor, edit_value(record, field))
            form.addRow(titles[field], editor)
            self.editors[field] = editor
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(form_widget)

        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color:#c0392b")
        self.message.hide()
        note = QLabel(self.tr("値は取り込みと同じ規則で読みます。変更は履歴に残り、「元に戻す」で取り消せます。"), self)
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(note)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.resize(560, 640)

    def values(self) -> dict[str, object]:
        """Field → the editor's value (as a planner wrote it)."""
        return {field: editor_value(editor) for field, editor in self.editors.items()}

    def accept(self) -> None:
        """Apply the changed fields as one step and close; on a wrong value, say what and stay open."""
        try:
            self.changed = edit_system(self.context, self.record.system_id, self.values())
        except PlacementError as exc:
            self.message.setText(self.tr("次の値を直してください（何も変更していません）：\n{0}").format(exc))
            self.message.show()
            return
        super().accept()


# ---------------------------------------------------------------- the window
def install_system_editing(window) -> None:
    """Make the window's inventory table editable and give its detail panel and 編集 menu the form.

    ``window`` is the main window: ``context``, ``table`` (InventoryTable), ``detail`` (SystemDetail),
    ``statusBar()``. Safe to call once the full plan is open.
    """
    if getattr(window, "_system_editing_installed", False):
        return
    window._system_editing_installed = True
    context: PlanContext = window.context

    def ready() -> bool:
        # While another plan is still opening, the table shows its systems but the context holds the old plan.
        return context.plan is not None and getattr(window, "_pending", None) is None

    def edit_cell(system_id: str, field: str, value: object) -> str | None:
        if not ready():
            return _tr("プランを開いている途中です。開き終わってから編集してください。")
        try:
            edit_system(context, system_id, {field: value})
        except PlacementError as exc:
            return str(exc)
        return None

    def open_form(system_id: str) -> None:
        record = window.detail.record
        if record is None or record.system_id != system_id or not ready():
            return
        dialog = SystemEditDialog(context, record, window)
        window._system_edit_dialog = dialog  # tests reach the open form here
        if dialog.exec() == QDialog.DialogCode.Accepted and getattr(dialog, "changed", False):
            window.statusBar().showMessage(_tr("{0} を変更しました（元に戻す：Ctrl+Z）。").format(system_id), 8000)

    window.table.enable_editing(edit_cell, SystemFieldDelegate(window.table.view), edit_value, FIELD_KINDS)
    window.table.sig_edit_refused.connect(lambda message: window.statusBar().showMessage(message, 10000))
    window.detail.set_editable(True)
    window.detail.sig_edit_requested.connect(open_form)

    action = QAction(_tr("選択したシステムを編集(&S)…"), window)
    action.setStatusTip(_tr("選択したシステムのすべての項目をフォームで編集します（元に戻せます）"))
    action.triggered.connect(lambda: open_form(window.table.current_system_id()))
    window.act_edit_system = action
    find = getattr(window, "act_find", None)
    menus = [m for m in (find.associatedObjects() if find is not None else ()) if isinstance(m, QMenu)]
    if menus:
        menus[0].insertAction(find, action)
