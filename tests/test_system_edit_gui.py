"""Editing systems in the window (issue 3): cells and the detail panel's form change the plan as one
undoable step each; a wrong value changes nothing and says why; table, detail, placement follow."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path  # noqa: E402

import pytest  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtWidgets import QComboBox, QLineEdit  # noqa: E402

from migration_planner.placement import overrides, set_override  # noqa: E402
from ui.system_edit import ParsedSpinBox, SystemEditDialog  # noqa: E402

pytestmark = pytest.mark.gui
SAMPLE = Path(__file__).resolve().parent.parent / "sample_inventory.xlsx"
EDIT = Qt.ItemDataRole.EditRole


@pytest.fixture
def window(sample_window):
    return sample_window


def column(window, key: str) -> int:
    model = window.table.model
    return next(c for c in range(model.columnCount()) if model.column_key(c) == key)


def cell(window, system_id: str, key: str):
    model = window.table.model
    return model.index(model.row_of(system_id), column(window, key))


def record(window, system_id: str):
    return next(r for r in window.plan.records() if r.system_id == system_id)


def destination_text(window, system_id: str) -> str:
    return window.table.model.data(cell(window, system_id, "destination"))


# ---------------------------------------------------------------- cells
def test_editing_a_cell_changes_the_plan_and_undo_redo_restore_it_exactly(window):
    model, stack = window.table.model, window.context.undo_stack
    before = window.plan.records()
    assert model.flags(cell(window, "OSK-001", "servers")) & Qt.ItemFlag.ItemIsEditable
    assert not model.flags(cell(window, "OSK-001", "system_id")) & Qt.ItemFlag.ItemIsEditable
    assert not model.flags(cell(window, "OSK-001", "destination")) & Qt.ItemFlag.ItemIsEditable
    assert model.data(cell(window, "OSK-001", "servers"), EDIT) == 24

    assert model.setData(cell(window, "OSK-001", "servers"), "30台", EDIT)
    assert record(window, "OSK-001").servers == 30
    assert model.data(cell(window, "OSK-001", "servers")) == "30"
    assert stack.count() == 1 and stack.undoText() == "OSK-001 のサーバ台数を変更"
    assert window.act_undo.isEnabled()

    stack.undo()
    assert window.plan.records() == before
    assert model.data(cell(window, "OSK-001", "servers")) == "24"
    stack.redo()
    assert record(window, "OSK-001").servers == 30
    assert [a.action for a in window.plan.audit("OSK-001")][-3:] == ["edit", "undo_edit", "edit"]


def test_an_edit_moves_the_system_and_table_detail_and_board_follow(window):
    board = window.feature_widget("PlacementBoard")
    lane = lambda dest: {c.system_id for c in board.lane_model(dest).items()}  # noqa: E731
    window.table.select_system("OSK-016")
    assert destination_text(window, "OSK-016") == "SaaS" and "OSK-016" in lane("saas")

    assert window.table.model.setData(cell(window, "OSK-016", "saas_fit"), "×", EDIT)  # an import reads × as 不適合
    assert record(window, "OSK-016").saas_fit == "不適合"
    assert destination_text(window, "OSK-016") == "大阪市共通クラウド"
    assert "OSK-016" in lane("common_cloud")
    assert window.table.current_system_id() == "OSK-016"  # the selection stays on the edited system
    detail = window.detail.toPlainText()
    assert "不適合" in detail and "大阪市共通クラウド" in detail and "SaaS適合を編集" in detail

    window.context.undo_stack.undo()
    assert destination_text(window, "OSK-016") == "SaaS" and "OSK-016" in lane("saas")
    assert "不適合" not in window.detail.toPlainText().split("移行先の判定")[0]


@pytest.mark.parametrize("key, typed, words", [
    ("servers", "たくさん", "サーバ台数：0以上の整数ではありません"),
    ("next_renewal_fy", "来年", "次期更新年度：年度として読めません"),
    ("name", "", "システム名：必須の項目が空欄です"),
    ("workloads", "1, 住民登録X", "「住民登録X」"),
    ("links_to", "OSK-999", "OSK-999 はプランにないか"),
])
def test_a_wrong_value_is_refused_with_a_message_and_nothing_changes(window, key, typed, words):
    before = window.plan.records()
    audit = len(window.plan.audit())
    assert not window.table.model.setData(cell(window, "OSK-001", key), typed, EDIT)
    assert window.plan.records() == before
    assert len(window.plan.audit()) == audit
    assert window.context.undo_stack.count() == 0
    message = window.table.edit_message
    assert not message.isHidden() and words in message.text() and "OSK-001 は変更していません" in message.text()
    assert words in window.statusBar().currentMessage()
    # The next good edit clears the message.
    assert window.table.model.setData(cell(window, "OSK-001", "notes"), "確認済み", EDIT)
    assert message.isHidden()


def test_editing_an_input_flags_the_override_for_review_and_undo_unflags(window):
    set_override(window.plan, "OSK-045", "common_cloud", "閉域接続で対応できる見込み")
    window.context.notify("placement")
    override_col = lambda: window.table.model.data(cell(window, "OSK-045", "override"))  # noqa: E731
    assert override_col() == "手動"
    assert window.table.model.setData(cell(window, "OSK-045", "cloud_blocker"), "リアルタイム監視", EDIT)
    assert overrides(window.plan)["OSK-045"].needs_review
    assert override_col() == "手動・要確認"
    window.context.undo_stack.undo()
    assert not overrides(window.plan)["OSK-045"].needs_review
    assert override_col() == "手動"


def test_sorting_and_filtering_stay_right_after_an_edit(window):
    table, model = window.table, window.table.model
    table.view.sortByColumn(column(window, "servers"), Qt.SortOrder.AscendingOrder)
    table.select_system("OSK-003")  # 6 servers
    assert model.setData(cell(window, "OSK-003", "servers"), 500, EDIT)
    servers = [r.servers for r in model.visible_records()]
    assert servers == sorted(servers) and model.visible_records()[-1].system_id == "OSK-003"
    assert table.current_system_id() == "OSK-003"
    assert table.view.currentIndex().row() == model.rowCount() - 1
    # A text filter finds the system by its new name, not by the old one.
    assert model.setData(cell(window, "OSK-003", "name"), "投開票管理システム", EDIT)
    table.filter_edit.setText("投開票")
    table.apply_filter()
    assert [r.system_id for r in model.visible_records()] == ["OSK-003"]
    table.filter_edit.setText("選挙事務システム")
    table.apply_filter()
    assert "OSK-003" not in {r.system_id for r in model.visible_records()}


def test_cell_editors_are_combos_and_spin_boxes_that_read_planner_forms(window, qtbot):
    view, model = window.table.view, window.table.model
    index = cell(window, "OSK-016", "next_renewal_fy")
    view.setCurrentIndex(index)
    view.edit(index)
    editor = view.indexWidget(index) or view.focusWidget()
    assert isinstance(editor, ParsedSpinBox)
    assert editor.text() == "2026（R8）"
    editor.lineEdit().selectAll()
    qtbot.keyClicks(editor.lineEdit(), "R10")
    qtbot.keyClick(editor.lineEdit(), Qt.Key.Key_Return)  # the delegate commits on the next turn of the loop
    qtbot.waitUntil(lambda: record(window, "OSK-016").next_renewal_fy == 2028)
    assert model.data(cell(window, "OSK-016", "next_renewal_fy")) == "2028（R10）"

    index = cell(window, "OSK-016", "tier")
    view.setCurrentIndex(index)
    view.edit(index)
    editor = view.focusWidget()
    assert isinstance(editor, QComboBox)
    assert [editor.itemText(i) for i in range(editor.count())] == ["住民情報系基幹", "内部情報系基幹", "各局"]
    editor.setCurrentIndex(2)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: record(window, "OSK-016").tier == "各局")

    index = cell(window, "OSK-016", "workloads")
    view.setCurrentIndex(index)
    view.edit(index)
    editor = view.focusWidget()
    assert isinstance(editor, QLineEdit)
    editor.setText("住民基本台帳")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: record(window, "OSK-016").workloads == ["1"])
    assert destination_text(window, "OSK-016") == "ガバメントクラウド"
    assert window.context.undo_stack.count() == 3


def test_the_editable_model_passes_the_model_tester(window, qtmodeltester):
    qtmodeltester.check(window.table.model)
    assert window.table.model.setData(cell(window, "OSK-001", "scale"), "中", EDIT)
    qtmodeltester.check(window.table.model)


# ---------------------------------------------------------------- the form
def test_the_detail_panels_form_edits_several_fields_as_one_undo_step(window, qtbot, monkeypatch):
    before = window.plan.records()
    window.table.select_system("OSK-016")
    assert window.detail.edit_button.isVisible() and window.detail.edit_button.isEnabled()
    seen = {}

    def fill_and_accept(dialog: SystemEditDialog):
        seen["title"] = dialog.windowTitle()
        seen["fit"] = dialog.editors["saas_fit"].currentData()
        dialog.editors["saas_fit"].setCurrentIndex(dialog.editors["saas_fit"].findData("不適合"))
        dialog.editors["servers"].setValue(20)
        dialog.editors["annual_cost"].lineEdit().setText("１，０００千円")
        dialog.editors["notes"].setPlainText("SaaSは見送り")
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(SystemEditDialog, "exec", fill_and_accept)
    qtbot.mouseClick(window.detail.edit_button, Qt.MouseButton.LeftButton)
    assert seen == {"title": "システムの編集：OSK-016", "fit": "適合"}
    after = record(window, "OSK-016")
    assert (after.saas_fit, after.servers, after.annual_cost, after.notes) == ("不適合", 20, 1000, "SaaSは見送り")
    assert destination_text(window, "OSK-016") == "大阪市共通クラウド"
    assert "SaaSは見送り" in window.detail.toPlainText()
    stack = window.context.undo_stack
    assert stack.count() == 1
    assert stack.undoText() == "OSK-016 のサーバ台数・SaaS適合・年間運用経費（千円）・備考を変更"
    stack.undo()
    assert window.plan.records() == before
    assert destination_text(window, "OSK-016") == "SaaS"
    stack.redo()
    assert record(window, "OSK-016").annual_cost == 1000


def test_a_wrong_value_in_the_form_keeps_it_open_with_the_reason_and_changes_nothing(window, qtbot):
    before = window.plan.records()
    rec = next(r for r in before if r.system_id == "OSK-001")
    dialog = SystemEditDialog(window.context, rec, window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.editors["name"].setText("")
    dialog.editors["links_to"].setText("OSK-002, OSK-999")
    dialog.editors["next_renewal_fy"].lineEdit().setText("来年")
    dialog.accept()
    assert dialog.isVisible() and not dialog.changed
    text = dialog.message.text()
    assert "何も変更していません" in text
    assert "システム名：必須" in text and "OSK-999" in text and "次期更新年度" in text
    assert window.plan.records() == before and window.context.undo_stack.count() == 0
    dialog.reject()


def test_an_unchanged_form_pushes_nothing(window, qtbot):
    rec = next(r for r in window.plan.records() if r.system_id == "OSK-045")
    dialog = SystemEditDialog(window.context, rec, window)
    qtbot.addWidget(dialog)
    dialog.accept()
    assert dialog.result() == SystemEditDialog.DialogCode.Accepted and not dialog.changed
    assert window.context.undo_stack.count() == 0


def test_the_edit_menu_opens_the_form_for_the_selected_system(window, monkeypatch):
    opened = []
    monkeypatch.setattr(SystemEditDialog, "exec", lambda d: opened.append(d.record.system_id) or 0)
    window.table.select_system("OSK-002")
    window.act_edit_system.trigger()
    assert opened == ["OSK-002"]
    menus = [m.title() for m in window.act_edit_system.associatedObjects() if hasattr(m, "title")]
    assert menus == ["編集(&E)"]


def test_a_number_box_keeps_a_wrong_value_and_the_edit_is_refused_with_its_reason(window, qtbot):
    view = window.table.view
    before = window.plan.records()
    index = cell(window, "OSK-016", "annual_cost")
    view.setCurrentIndex(index)
    view.edit(index)
    editor = view.focusWidget()
    assert isinstance(editor, ParsedSpinBox) and editor.text() == "356,000"
    editor.lineEdit().selectAll()
    qtbot.keyClicks(editor.lineEdit(), "12x")
    qtbot.keyClick(editor.lineEdit(), Qt.Key.Key_Return)
    assert editor.text() == "12x"  # not silently put back to 356,000
    qtbot.waitUntil(lambda: not window.table.edit_message.isHidden())
    assert "年間運用経費（千円）：金額として読めません" in window.table.edit_message.text()
    assert window.plan.records() == before


def test_blanking_an_amount_in_its_box_stores_no_amount(window, qtbot):
    view = window.table.view
    index = cell(window, "OSK-016", "migration_cost")
    view.setCurrentIndex(index)
    view.edit(index)
    editor = view.focusWidget()
    editor.lineEdit().clear()
    qtbot.keyClick(editor.lineEdit(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: record(window, "OSK-016").migration_cost is None)
    assert window.table.model.data(cell(window, "OSK-016", "migration_cost")) == ""


def test_the_edit_button_stays_across_the_top_of_the_detail_panel_as_it_is_resized(window, qtbot):
    """The button bar sits in the panel's top margin, the text scrolls under it (a layout keeps it
    there: no resizeEvent in Python, which would build QEvent's enum before the first paint)."""
    detail = window.detail
    window.table.select_system("OSK-016")
    assert detail.button_bar.isVisible()
    for width, height in ((420, 300), (700, 500)):
        detail.resize(width, height)
        qtbot.waitUntil(lambda: detail.button_bar.width() == detail.contentsRect().width())
        bar = detail.button_bar.geometry()
        assert bar.top() == detail.contentsRect().top() and bar.left() == detail.contentsRect().left()
        assert bar.height() == detail.viewport().geometry().top() - detail.contentsRect().top()
        assert detail.edit_button.geometry().right() <= bar.width()  # the button at the bar's right end
