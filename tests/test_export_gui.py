"""ファイル → Excelに出力… as a planner uses it: the menu entry, the save dialog, the file written off
the GUI thread, and the offer to open it."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path  # noqa: E402

import openpyxl  # noqa: E402
import pytest  # noqa: E402
from PySide6.QtCore import QUrl  # noqa: E402
from PySide6.QtGui import QDesktopServices, QKeySequence  # noqa: E402
from PySide6.QtWidgets import QFileDialog, QMessageBox  # noqa: E402

from migration_planner.export.tables import SHEETS  # noqa: E402
from ui.export_action import ExportActions, install_export_action  # noqa: E402

pytestmark = pytest.mark.gui
SAMPLE = Path(__file__).resolve().parent.parent / "sample_inventory.xlsx"


@pytest.fixture
def window(sample_window):
    actions = install_export_action(sample_window)
    actions.samples = 100  # P(on time) from fewer samples: the test is about the file, not the odds
    return sample_window


def test_the_actions_sit_in_the_file_menu_before_the_anchor(window):
    actions = window.export_actions
    assert isinstance(actions, ExportActions)
    assert install_export_action(window) is actions  # a second call adds nothing
    menu = window.file_menu.actions()
    i = menu.index(window.export_menu_anchor)
    assert menu[i - 3:i] == [actions.act_excel, actions.act_csv, actions.act_charts]
    assert actions.act_excel.text().startswith("Excelに出力")
    assert actions.act_excel.shortcut() == QKeySequence("Ctrl+E")


def test_excel_export_writes_the_file_and_offers_to_open_it(window, qtbot, tmp_path, monkeypatch):
    target = tmp_path / "出力" / "計画.xlsx"
    target.parent.mkdir()
    asked = {}
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda parent, title, default, filters: (str(target), filters)))
    monkeypatch.setattr(QMessageBox, "question",
                        staticmethod(lambda parent, title, text, *a: asked.update(text=text) or QMessageBox.StandardButton.Yes))
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: opened.append(url) or True))
    with qtbot.waitSignal(window.export_actions.sig_export_finished, timeout=120000) as blocker:
        window.export_actions.act_excel.trigger()
    result = blocker.args[0]
    assert not isinstance(result, BaseException), result
    assert result.workbook == str(target) and target.exists()
    wb = openpyxl.load_workbook(target)
    assert wb.sheetnames == list(SHEETS)
    assert wb["振り分け結果"].max_row >= 60
    qtbot.waitUntil(lambda: bool(opened), timeout=5000)
    assert opened == [QUrl.fromLocalFile(str(target))]
    assert "計画.xlsx" in asked["text"]
    assert not [p for p in target.parent.iterdir() if p.name != "計画.xlsx"]  # no temporary left
    assert window.settings.value("paths/export_dir") == str(target.parent)


def test_a_name_without_the_suffix_gets_xlsx_and_no_means_not_opened(window, qtbot, tmp_path, monkeypatch):
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a: (str(tmp_path / "plan_out"), "")))
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a: QMessageBox.StandardButton.No))
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: opened.append(url) or True))
    with qtbot.waitSignal(window.export_actions.sig_export_finished, timeout=120000):
        window.export_actions.export_excel()
    assert (tmp_path / "plan_out.xlsx").exists()
    assert opened == []


def test_cancelled_dialog_writes_nothing(window, tmp_path, monkeypatch):
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a: ("", "")))
    window.export_actions.act_excel.trigger()
    assert not window.export_actions.jobs
    assert not list(tmp_path.glob("*.xlsx"))


def test_csv_and_chart_exports_fill_the_chosen_folders(window, qtbot, tmp_path, monkeypatch):
    folders = iter([tmp_path / "csv", tmp_path / "charts"])
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(lambda *a: str(next(folders))))
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a: QMessageBox.StandardButton.No))
    with qtbot.waitSignal(window.export_actions.sig_export_finished, timeout=120000):
        window.export_actions.act_csv.trigger()
    assert len(list((tmp_path / "csv").glob("*.csv"))) == 6
    with qtbot.waitSignal(window.export_actions.sig_export_finished, timeout=120000) as blocker:
        window.export_actions.act_charts.trigger()
    assert blocker.args[0] is not None and not isinstance(blocker.args[0], BaseException), repr(blocker.args[0])
    assert {p.suffix for p in (tmp_path / "charts").iterdir()} == {".png", ".pdf"}


def test_an_unwritable_target_is_refused_with_a_message(window, qtbot, tmp_path, monkeypatch):
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a: (str(tmp_path / "no such folder" / "x.xlsx"), "")))
    warned = []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda parent, title, text: warned.append(text)))
    with qtbot.waitSignal(window.export_actions.sig_export_finished, timeout=10000):
        window.export_actions.act_excel.trigger()
    assert warned and "がありません" in warned[0]


def test_cancelling_the_progress_leaves_no_file(window, qtbot, tmp_path, monkeypatch):
    target = tmp_path / "cancelled.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a: (str(target), "")))
    with qtbot.waitSignal(window.export_actions.sig_export_finished, timeout=60000) as blocker:
        window.export_actions.act_excel.trigger()
        window.export_actions.jobs[0].cancel()  # what the progress dialog's Cancel button does
    assert blocker.args == [None]
    assert list(tmp_path.glob("*.xlsx")) == [] and not [p for p in tmp_path.iterdir() if p.suffix == ".tmp"]
