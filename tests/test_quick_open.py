"""Opening a plan at start-up (issue 2): its systems show at once from the quick read, the full plan
follows once the window is drawn, and nothing the planner does in between is lost or breaks.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from PySide6.QtCore import QSettings, Qt  # noqa: E402
from PySide6.QtWidgets import QMessageBox  # noqa: E402

from migration_planner.store import Plan  # noqa: E402
from ui.main_window import MainWindow, placement_column_titles  # noqa: E402

pytestmark = pytest.mark.gui
SAMPLE = Path(__file__).resolve().parent.parent / "sample_inventory.xlsx"


@pytest.fixture(scope="module")
def sample_plan_file(tmp_path_factory) -> Path:
    """A plan holding the sample's 60 systems, made once (each test works on a copy)."""
    from plan_rows import write_sample_plan

    return write_sample_plan(tmp_path_factory.mktemp("plans") / "sample.mplan", hooks=True)


@pytest.fixture
def plan_path(sample_plan_file, tmp_path) -> str:
    path = tmp_path / "city.mplan"
    shutil.copy(sample_plan_file, path)
    return str(path)


@pytest.fixture
def window(qtbot, tmp_path):
    w = MainWindow(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(w)
    w.show()
    yield w
    w.close()


def _column(window, key: str) -> int:
    return next(i for i, c in enumerate(window.table.model.columns()) if c.key == key)


def test_systems_show_at_once_and_the_plan_follows(window, qtbot, plan_path):
    model = window.table.model
    with qtbot.waitSignal(window.sig_plan_ready, timeout=30000) as ready:
        assert window.open_plan(plan_path, quick=True)
        # Before the event loop turns: the table is filled, the plan itself is still to come.
        assert model.rowCount() == 60 and window.plan is None and window.plan_pending()
        assert window.windowTitle().startswith("sample[*] — ")  # the plan's name, from its metadata
        row = model.row_of("OSK-045")
        assert model.data(model.index(row, _column(window, "destination"))) == ""
        assert not window.act_import.isEnabled() and not window.act_import_progress.isEnabled()
        assert not window.tabs.isTabEnabled(1) and window.tabs.isTabEnabled(0)
        assert not window.destination_combo.isEnabled()
    assert ready.args == [True]
    assert window.plan is not None and not window.plan_pending()
    model = window.table.model  # editable now: the table took a model that answers which cells are
    assert model.data(model.index(model.row_of("OSK-045"), _column(window, "destination"))) == "オンプレミス"
    assert window.act_import.isEnabled() and window.tabs.isTabEnabled(1)
    assert window.destination_combo.isEnabled() and window.destination_combo.count() == 5
    assert window.settings.value("plans/last") == os.path.abspath(plan_path)
    assert hasattr(window, "export_actions")  # the export actions arrive with the plan


def test_sort_and_filter_made_while_the_plan_opens_are_kept(window, qtbot, plan_path):
    model, table = window.table.model, window.table
    with qtbot.waitSignal(window.sig_plan_ready, timeout=30000):
        window.open_plan(plan_path, quick=True)
        table.view.sortByColumn(_column(window, "servers"), Qt.SortOrder.DescendingOrder)
        table.tier_combo.setCurrentIndex(table.tier_combo.findData("各局"))
        shown = model.visible_records()
        assert 0 < len(shown) < 60 and {r.tier for r in shown} == {"各局"}
        assert [r.servers for r in shown] == sorted((r.servers for r in shown), reverse=True)
    model = window.table.model  # editable now, with the rows, sort and filter taken over
    shown = model.visible_records()
    assert 0 < len(shown) < 60 and {r.tier for r in shown} == {"各局"}
    assert [r.servers for r in shown] == sorted((r.servers for r in shown), reverse=True)
    # The placement columns sort once they are filled.
    table.tier_combo.setCurrentIndex(0)
    table.view.sortByColumn(_column(window, "placement_step"), Qt.SortOrder.AscendingOrder)
    steps = [int(model.data(model.index(r, _column(window, "placement_step")))) for r in range(60)]
    assert steps == sorted(steps) and len(set(steps)) > 1


def test_a_workbook_dropped_while_the_plan_opens_is_imported_after(window, qtbot, plan_path, monkeypatch):
    told = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: told.append(a[2]))
    window.open_plan(plan_path, quick=True)
    assert window.import_file(str(SAMPLE), confirm=False) is None  # waits for the plan
    assert not told
    with qtbot.waitSignal(window.sig_import_finished, timeout=30000) as finished:
        pass
    assert finished.args == [False]  # the same 60 systems: nothing to change, and it said so
    assert told and "変更はありません" in told[0]


def test_opening_another_plan_meanwhile_drops_the_pending_one(window, qtbot, plan_path, tmp_path):
    other = str(tmp_path / "other.mplan")
    Plan.open(other).close()
    ready = []
    window.sig_plan_ready.connect(ready.append)
    window.open_plan(plan_path, quick=True)
    assert window.open_plan(other)  # e.g. ファイル → 開く before the first plan was ready
    # (the window may work on a copy of the plan: the plan it opened is the one it remembers)
    assert window.settings.value("plans/last") == os.path.abspath(other) and window.table.model.rowCount() == 0
    qtbot.wait(50)
    assert ready == [True]  # only the plan actually opened
    assert window.settings.value("plans/last") == os.path.abspath(other) and window.plan.system_count() == 0
    assert window.act_import.isEnabled() and window.table.model.rowCount() == 0


def test_a_newer_plan_is_refused_at_start_unchanged(window, qtbot, plan_path, monkeypatch):
    con = sqlite3.connect(plan_path)
    con.execute("UPDATE plan_meta SET value='99' WHERE key='schema_version'")
    con.commit()
    con.close()
    before = hashlib.sha256(Path(plan_path).read_bytes()).hexdigest()
    messages = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: messages.append(a[2]))
    assert not window.open_plan(plan_path, quick=True)
    assert messages and "新しい版" in messages[0]
    assert window.table.model.rowCount() == 0 and window.plan is None and not window.plan_pending()
    assert hashlib.sha256(Path(plan_path).read_bytes()).hexdigest() == before


def test_start_up_opens_the_plan_named_on_the_command_line_quickly(window, qtbot, plan_path):
    from ui.app import open_initial

    with qtbot.waitSignal(window.sig_plan_ready, timeout=30000):
        open_initial(window, [plan_path])
        assert window.table.model.rowCount() == 60 and window.plan_pending()
    assert window.plan.system_count() == 60


def test_placement_placeholders_match_the_placement_columns(window):
    from ui.placement_board import placement_columns

    real = [(c.key, c.title, c.numeric) for c in placement_columns(window.tr)]
    assert placement_column_titles(window.tr) == real
    keys = [c.key for c in window.table.model.columns()]
    assert keys[4:7] == [k for k, _t, _n in real]
