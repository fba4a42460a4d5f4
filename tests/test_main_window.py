"""The main window as a planner uses it: 60 systems shown, filtered, sorted, imported, remembered."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import openpyxl
import pytest
from PySide6.QtCore import QMimeData, QPointF, QSettings, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QMessageBox

from migration_planner.store import Plan
from ui.dialogs import DiffDialog, IssueListDialog
from ui.main_window import MainWindow

pytestmark = pytest.mark.gui
ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "sample_inventory.xlsx"


@pytest.fixture
def settings(tmp_path):
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def window(sample_window):
    return sample_window


def _column(window, title):
    header = window.table.view.horizontalHeader().model()  # the titles the planner sees
    for c in range(window.table.model.columnCount()):
        if header.headerData(c, Qt.Orientation.Horizontal) == title:
            return c
    raise AssertionError(f"no column {title}")


def test_window_shows_the_60_systems_with_counts(window, qtmodeltester):
    model = window.table.model
    assert model.rowCount() == 60
    qtmodeltester.check(model)
    assert "60 / 全 60" in window._status_counts.text()
    assert window.table.model.data(model.index(0, 0)) == "OSK-001"
    assert "移行計画プランナー" in window.windowTitle()


def test_text_tier_and_department_filters(window, qtbot, qtmodeltester):
    model = window.table.model
    window.table.filter_edit.setText("水道")
    window.table.apply_filter()
    shown = model.visible_records()
    assert 0 < len(shown) < 60
    assert all("水道" in (r.name + r.department + r.vendor + r.notes + r.saas_candidate + r.cloud_blocker) for r in shown)
    qtmodeltester.check(model)
    window.table.filter_edit.clear()
    window.table.apply_filter()
    assert model.rowCount() == 60

    window.table.tier_combo.setCurrentIndex(window.table.tier_combo.findData("内部情報系基幹"))
    assert 0 < model.rowCount() < 60
    assert {r.tier for r in model.visible_records()} == {"内部情報系基幹"}
    window.table.tier_combo.setCurrentIndex(0)

    window.table.dept_combo.setCurrentIndex(window.table.dept_combo.findData("水道局"))
    assert {r.department for r in model.visible_records()} == {"水道局"}
    assert "水道局" not in window._status_counts.text() or True
    assert f"表示 {model.rowCount()} / 全 60" in window._status_counts.text()


def test_sorting_by_a_header_click_orders_rows(window):
    model = window.table.model
    col = _column(window, "サーバ台数")
    window.table.view.sortByColumn(col, Qt.SortOrder.DescendingOrder)
    servers = [r.servers for r in model.visible_records()]
    assert servers == sorted(servers, reverse=True)
    window.table.view.sortByColumn(_column(window, "システム名"), Qt.SortOrder.AscendingOrder)
    names = [r.name for r in model.visible_records()]
    assert names == sorted(names)
    # Sorting survives a filter.
    window.table.filter_edit.setText("システム")
    window.table.apply_filter()
    names = [r.name for r in model.visible_records()]
    assert names == sorted(names)


def test_selecting_a_row_shows_its_details(window):
    assert window.table.select_system("OSK-045")
    text = window.detail.toPlainText()
    assert "浄水場等の監視制御システム" in text
    assert "水道局" in text


def _bad_workbook(path: Path) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["システムID", "システム名", "所管所属", "系統", "サーバ台数"])
    ws.append(["X-1", "壊れた行", "市民局", "不明な系統", "abc"])
    ws.append(["X-1", "重複", "市民局", "各局", 1])
    wb.save(path)
    return path


def test_import_errors_listed_and_table_unchanged(window, qtbot, tmp_path):
    bad = _bad_workbook(tmp_path / "bad.xlsx")
    with qtbot.waitSignal(window.sig_import_finished, timeout=20000) as blocker:
        window.import_file(str(bad))
    assert blocker.args == [False]
    dialog = window._last_issue_dialog
    assert isinstance(dialog, IssueListDialog)
    assert dialog.tree.topLevelItemCount() >= 3  # tier, servers and the duplicate id: all at once
    text = dialog.text()
    assert "系統" in text and "サーバ台数" in text and "重複" in text
    dialog.copy_all()
    from PySide6.QtGui import QGuiApplication

    assert QGuiApplication.clipboard().text() == text
    dialog.close()
    assert window.table.model.rowCount() == 60
    assert window.plan.system_count() == 60


def test_not_an_xlsx_gets_a_message_and_loses_nothing(window, qtbot, tmp_path, monkeypatch):
    messages = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: messages.append(a[2]))
    csv = tmp_path / "renamed.xlsx"
    csv.write_text("システムID,システム名\nA,B\n", encoding="utf-8")
    with qtbot.waitSignal(window.sig_import_finished, timeout=20000):
        window.import_file(str(csv))
    assert messages and "CSV" in messages[0]
    assert window.plan.system_count() == 60


def _changed_sample(tmp_path: Path) -> Path:
    changed = tmp_path / "changed.xlsx"
    shutil.copy(SAMPLE, changed)
    wb = openpyxl.load_workbook(changed)
    ws = wb.worksheets[0]
    header_row = next(r for r in range(1, 10) if ws.cell(r, 1).value == "システムID")
    servers_col = next(c for c in range(1, 30) if ws.cell(header_row, c).value == "サーバ台数")
    ws.cell(header_row + 1, servers_col).value = 99
    ws.delete_rows(header_row + 60)  # the last system goes away
    wb.save(changed)
    return changed


def test_reimport_shows_changes_and_applies_only_when_accepted(window, qtbot, tmp_path, monkeypatch):
    changed = _changed_sample(tmp_path)
    seen = {}

    def reject(self):
        seen["summary"] = self.tree.topLevelItem(0).text(0)
        return DiffDialog.DialogCode.Rejected

    monkeypatch.setattr(DiffDialog, "exec", reject)
    with qtbot.waitSignal(window.sig_import_finished, timeout=20000) as blocker:
        window.import_file(str(changed))
    assert blocker.args == [False]
    assert "削除" in seen["summary"]
    assert window.plan.system_count() == 60

    monkeypatch.setattr(DiffDialog, "exec", lambda self: DiffDialog.DialogCode.Accepted)
    with qtbot.waitSignal(window.sig_import_finished, timeout=20000) as blocker:
        window.import_file(str(changed))
    assert blocker.args == [True]
    assert window.plan.system_count() == 59
    assert window.table.model.rowCount() == 59
    first = next(r for r in window.plan.records() if r.system_id == "OSK-001")
    assert first.servers == 99


def test_dropping_an_xlsx_imports_it(window, qtbot, tmp_path, monkeypatch):
    changed = _changed_sample(tmp_path)
    monkeypatch.setattr(DiffDialog, "exec", lambda self: DiffDialog.DialogCode.Accepted)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(changed))])
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    with qtbot.waitSignal(window.sig_import_finished, timeout=20000):
        window.dropEvent(event)
    assert window.plan.system_count() == 59


def test_window_size_and_last_plan_are_remembered(qtbot, tmp_path, settings):
    w = MainWindow(settings)
    qtbot.addWidget(w)
    w.show()
    plan_path = str(tmp_path / "remember.mplan")
    assert w.open_plan(plan_path, create=True)
    w.resize(760, 540)  # within the offscreen screen (800×600)
    w.close()
    w2 = MainWindow(settings)
    qtbot.addWidget(w2)
    assert (w2.width(), w2.height()) == (760, 540)
    assert settings.value("plans/last") == os.path.abspath(plan_path)
    assert w2.recent_plans()[0] == os.path.abspath(plan_path)
    w2.close()


def test_first_start_opens_a_new_plan_on_the_sample(qtbot, tmp_path, settings, monkeypatch):
    from ui import app as app_module

    monkeypatch.setattr(app_module, "default_plan_path", lambda: tmp_path / "first.mplan")
    w = MainWindow(settings)
    qtbot.addWidget(w)
    w.show()
    with qtbot.waitSignal(w.sig_progress_imported, timeout=30000) as blocker:
        app_module.open_initial(w, [])
    assert blocker.args == [True]
    assert w.table.model.rowCount() == 60
    assert Plan.open(str(tmp_path / "first.mplan"), create=False).system_count() == 60
    w.close()


def test_opening_something_that_is_not_a_plan_says_so(window, request):
    assert not window.open_plan(str(SAMPLE))
    assert "プランファイルではありません" in window.session.last_error
    assert any("プランファイルではありません" in text for text in request.node.message_boxes)
    assert window.table.model.rowCount() == 60 and window.plan is not None


def test_table_shows_placement_and_filters_by_destination_and_group(window, qtmodeltester):
    model = window.table.model
    header = window.table.view.horizontalHeader().model()
    titles = [header.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    dest_col = next(i for i, t in enumerate(titles) if "移行先" in t or "振り分け" in t)
    row = model.row_of("OSK-045")
    assert model.data(model.index(row, dest_col)) == "オンプレミス"
    combo = window.destination_combo
    combo.setCurrentIndex(combo.findData("on_premises"))
    assert model.rowCount() == 6
    qtmodeltester.check(model)
    combo.setCurrentIndex(combo.findData("gov_cloud"))
    assert model.rowCount() == 15
    combo.setCurrentIndex(0)
    window.group_combo.setCurrentIndex(window.group_combo.findData("large_scale"))
    assert model.rowCount() > 0
    assert {r.scale for r in model.visible_records()} == {"大"}
    window.table.select_system(model.visible_records()[0].system_id)
    assert "ステップ1" in window.detail.toPlainText()


def test_progress_sheet_import_is_undoable(window, qtbot):
    from migration_planner.schedule import compute_schedule

    before = {w.code: w.progress for w in compute_schedule(window.plan).workloads}
    assert before["1"] == 0
    with qtbot.waitSignal(window.sig_progress_imported, timeout=20000) as blocker:
        window.import_progress_file(str(SAMPLE))
    assert blocker.args == [True]
    after = {w.code: w.progress for w in compute_schedule(window.plan).workloads}
    assert after["1"] == pytest.approx(34 / 40)
    assert after["14"] == pytest.approx(26 / 40)
    window.context.undo_stack.undo()
    assert {w.code: w.progress for w in compute_schedule(window.plan).workloads} == before
