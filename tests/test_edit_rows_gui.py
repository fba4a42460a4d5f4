"""An edit of one system redraws that system's row only (issue 7 at 100k systems: 3–4 s per edit).

The edit, its undo and its redo name the edited system (``PlanContext.sig_systems_edited``); the
window re-reads that record alone, recomputes its placement and replaces its row in the table,
which keeps its sort, filter, selection and current cell: the row moves, leaves or joins the rows
shown as a full reload would place it. The other views still reload on ``sig_systems_changed``.
Window tests run on a 3,000-system plan; the model's bookkeeping is also checked against a fresh
model over many generated cases.
"""

from __future__ import annotations

import dataclasses
import os
import shutil

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


import pytest  # noqa: E402
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402
from PySide6.QtCore import QSettings, Qt  # noqa: E402

from benchmarks.bench_memory import make_plan  # noqa: E402
from migration_planner.inventory.contract import SystemRecord  # noqa: E402
from test_system_edit_gui import cell, column  # noqa: E402  (a system's cell in the window's table)

pytestmark = pytest.mark.gui
N = 3_000
EDIT = Qt.ItemDataRole.EditRole
ASC, DESC = Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder


# ---------------------------------------------------------------- what the model tells its views
class Watcher:
    """Follows a model's signals as a view does: the system IDs of the rows shown, kept up to date
    from rowsMoved / rowsInserted / rowsRemoved alone, and every reset, layout change and
    dataChanged range (with the system of its row when it was emitted)."""

    def __init__(self, model) -> None:
        self.model = model
        self.ids = self.shown()
        self.resets = self.layouts = self.moves = self.inserts = self.removes = 0
        self.changed: list[tuple[int, int, int, int, str]] = []
        model.modelReset.connect(self._reset)
        model.layoutChanged.connect(self._layout)
        model.rowsMoved.connect(self._moved)
        model.rowsInserted.connect(self._inserted)
        model.rowsRemoved.connect(self._removed)
        model.dataChanged.connect(self._data)

    def shown(self) -> list[str]:
        return [r.system_id for r in self.model.visible_records()]

    def _reset(self) -> None:
        self.resets += 1
        self.ids = self.shown()

    def _layout(self, *_) -> None:
        self.layouts += 1
        self.ids = self.shown()

    def _moved(self, _parent, start, end, _dest_parent, dest) -> None:
        self.moves += 1
        rows = self.ids[start:end + 1]
        del self.ids[start:end + 1]
        at = dest - len(rows) if dest > start else dest
        self.ids[at:at] = rows

    def _inserted(self, _parent, first, last) -> None:
        self.inserts += 1
        self.ids[first:first] = [self.model.record(r).system_id for r in range(first, last + 1)]

    def _removed(self, _parent, first, last) -> None:
        self.removes += 1
        del self.ids[first:last + 1]

    def _data(self, top_left, bottom_right, _roles=()) -> None:
        self.changed.append((top_left.row(), top_left.column(), bottom_right.row(), bottom_right.column(),
                             self.model.record(top_left.row()).system_id))

    def quiet(self) -> bool:
        """No reset and no layout change: views kept every row but the edited ones as they were."""
        return self.resets == 0 and self.layouts == 0


# ---------------------------------------------------------------- the model, against a fresh one
_NAMES = ("住民記録", "税務", "文書管理", "施設予約", "要調査の台帳")
_TIERS = ("住民情報系基幹", "内部情報系基幹", "各局")
_SORTS = (None, ("servers", ASC), ("servers", DESC), ("name", ASC), ("name", DESC), ("tier", DESC),
          ("annual_cost", ASC))


def _record(i: int, name: str, tier: str, servers: int, cost: int | None, note: str) -> SystemRecord:
    return SystemRecord(f"S-{i:02d}", name, "総務局", tier, servers, annual_cost=cost, notes=note)


_FIELDS = st.fixed_dictionaries({}, optional={
    "name": st.sampled_from(_NAMES), "tier": st.sampled_from(_TIERS), "servers": st.integers(0, 4),
    "annual_cost": st.one_of(st.none(), st.integers(0, 3)), "notes": st.sampled_from(("", "要調査", "済")),
})


def _model(records, sort, needle, tier):
    from ui.inventory_table import SystemTableModel, base_columns

    model = SystemTableModel(base_columns(lambda text: text))
    model.set_records(records)
    keys = [c.key for c in model.columns()]
    if sort is not None:
        model.sort(keys.index(sort[0]), sort[1])
    model.set_filter(needle, (lambda r, a: r.tier == tier) if tier else None)
    return model


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_an_updated_row_lands_where_a_fresh_model_puts_it_and_the_signals_say_so(qapp, monkeypatch, data):
    import ui.inventory_table as it

    monkeypatch.setattr(it, "_HAY_CHUNK", 4)  # the search text a few rows to a chunk: edits in every chunk
    n = data.draw(st.integers(1, 14), label="rows")
    records = [_record(i, data.draw(st.sampled_from(_NAMES)), data.draw(st.sampled_from(_TIERS)),
                       data.draw(st.integers(0, 4)), data.draw(st.one_of(st.none(), st.integers(0, 3))),
                       data.draw(st.sampled_from(("", "要調査")))) for i in range(n)]
    sort = data.draw(st.sampled_from(_SORTS), label="sort")
    needle = data.draw(st.sampled_from(("", "要調査", "s-0")), label="needle")
    tier = data.draw(st.sampled_from(("", "各局")), label="tier filter")
    model = _model(records, None, "", "")
    keys = [c.key for c in model.columns()]
    model.set_filter("済")  # the search text is built (and then kept up to date) whatever the needle
    if sort is not None:
        model.sort(keys.index("vendor"))  # another column's keys are cached (and kept up to date)
        model.sort(keys.index(sort[0]), sort[1])
    model.set_filter(needle, (lambda r, a: r.tier == tier) if tier else None)
    watcher = Watcher(model)

    for _ in range(data.draw(st.integers(1, 6), label="edits")):
        rows = data.draw(st.lists(st.integers(0, n - 1), min_size=1, max_size=3, unique=True), label="systems")
        new = [dataclasses.replace(records[i], **data.draw(_FIELDS)) for i in rows]
        for i, rec in zip(rows, new):
            records[i] = rec
        watcher.changed.clear()
        old = model.update_records(new)
        assert [r.system_id for r in old] == [r.system_id for r in new]
        fresh = _model(records, sort, needle, tier)
        assert model.visible_records() == fresh.visible_records()
        assert watcher.ids == watcher.shown()  # the signals described the change exactly
        assert all(model.row_of(r.system_id) == fresh.row_of(r.system_id) for r in records)
        edited = {r.system_id for r in new}
        last = len(model.columns()) - 1
        assert all(top == bottom and (c0, c1) == (0, last) and sid in edited
                   for top, c0, bottom, c1, sid in watcher.changed)
    assert watcher.quiet()
    # What the model cached for later sorts and searches follows the edits too.
    for key, order, text in (("servers", DESC, "要調査"), ("name", ASC, "済"), ("annual_cost", DESC, "")):
        model.sort(keys.index(key), order)
        model.set_filter(text)
        assert model.visible_records() == _model(records, (key, order), text, "").visible_records()


def test_updating_a_system_the_model_does_not_hold_changes_nothing(qapp):
    records = [_record(i, "税務", "各局", i, None, "") for i in range(5)]
    model = _model(records, ("servers", DESC), "", "")
    with pytest.raises(KeyError):
        model.update_records([dataclasses.replace(records[1], servers=99), _record(7, "x", "各局", 1, None, "")])
    assert model.visible_records() == records[::-1]


# ---------------------------------------------------------------- the window, 3,000 systems
@pytest.fixture(scope="module")
def big_plan(tmp_path_factory) -> str:
    return make_plan(str(tmp_path_factory.mktemp("edit-rows") / "big.mplan"), N, seed=11)


@pytest.fixture
def window(qtbot, tmp_path, big_plan):
    from ui.main_window import MainWindow

    path = tmp_path / "plan.mplan"
    shutil.copyfile(big_plan, path)  # closing saves the window's edits: into this test's copy
    w = MainWindow(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(w)
    w.resize(1300, 800)
    w.show()
    assert w.open_plan(str(path))
    assert w.table.model.total_count() == N
    yield w
    w.close()


def only_edited_reads(window, monkeypatch) -> list:
    """Make every read of all the plan's systems fail (the window must read the edited ones only);
    returns the list of IDs each read asked for."""
    import ui.placement_board

    asked: list = []
    records = window.plan.records

    def by_ids(ids=None):
        assert ids is not None, "every system was read again after an edit"
        asked.append(list(ids))
        return records(ids=ids)

    original = ui.placement_board.placement_annotations

    def only_the_edited(plan, records=None, *, subset=False):
        if not subset:
            raise AssertionError("the placement of every system was computed again after an edit")
        return original(plan, records, subset=True)

    monkeypatch.setattr(window.plan, "records", by_ids)
    monkeypatch.setattr(ui.placement_board, "placement_annotations", only_the_edited)
    return asked


def test_an_edit_its_undo_and_redo_redraw_only_the_edited_row(window, monkeypatch):
    table, model, stack = window.table, window.table.model, window.context.undo_stack
    sid = model.record(1234).system_id
    servers = column(window, "servers")
    table.select_system(sid, servers)
    before = model.record(1234)
    widths = [table.view.columnWidth(c) for c in range(model.columnCount())]
    others = [model.record(r) for r in range(model.rowCount()) if r != 1234]
    asked = only_edited_reads(window, monkeypatch)
    edited = []
    window.context.sig_systems_edited.connect(edited.append)
    watcher = Watcher(model)
    last = model.columnCount() - 1

    assert model.setData(cell(window, sid, "servers"), before.servers + 7, EDIT)
    for step, servers_now in ((None, before.servers + 7), (stack.undo, before.servers), (stack.redo, before.servers + 7)):
        if step is not None:
            watcher.changed.clear()
            step()
        assert watcher.changed == [(1234, 0, 1234, last, sid)]  # that row, every column, nothing else
        assert model.record(1234).servers == servers_now
        assert model.data(model.index(1234, servers)) == str(servers_now)
        assert window.detail.record.servers == servers_now
        assert f"{servers_now} 台" in window.detail.toPlainText()
        assert table.current_system_id() == sid and table.view.currentIndex().column() == servers
    assert watcher.quiet() and watcher.moves == watcher.inserts == watcher.removes == 0
    assert asked == [[sid]] * 3 and edited == [[sid]] * 3
    assert [model.record(r) for r in range(model.rowCount()) if r != 1234] == others
    assert [table.view.columnWidth(c) for c in range(model.columnCount())] == widths  # not fitted again
    total = sum(r.servers for r in model.visible_records())
    assert f"サーバ {total:,} 台" in window._status_counts.text()


def test_a_sorted_and_filtered_table_moves_hides_and_shows_the_edited_row(window, monkeypatch):
    from ui.system_edit import edit_system

    table, model, stack = window.table, window.table.model, window.context.undo_stack
    table.view.sortByColumn(column(window, "servers"), DESC)
    table.tier_combo.setCurrentIndex(table.tier_combo.findData("各局"))
    read_all = window.plan.records

    def expected() -> list[SystemRecord]:  # what plain Python makes of the plan as it now is
        return sorted((r for r in read_all() if r.tier == "各局"), key=lambda r: r.servers, reverse=True)

    shown = model.visible_records()
    assert shown == expected() and 0 < len(shown) < N
    sid = shown[len(shown) // 2].system_id
    name_col = column(window, "name")
    table.select_system(sid, name_col)
    only_edited_reads(window, monkeypatch)
    watcher = Watcher(model)

    # More servers than any: the row moves to the top, the selection and the current cell with it.
    assert model.setData(cell(window, sid, "servers"), shown[0].servers + 1, EDIT)
    assert model.visible_records() == expected() and model.visible_records()[0].system_id == sid
    assert table.current_system_id() == sid and table.view.currentIndex() == model.index(0, name_col)
    assert table.view.selectionModel().isRowSelected(0)
    assert watcher.moves == 1 and watcher.ids == watcher.shown()

    # A count other systems have: among them, in inventory order (as the sort leaves ties).
    tie = shown[len(shown) // 4].servers
    assert model.setData(cell(window, sid, "servers"), tie, EDIT)
    assert model.visible_records() == expected() and table.current_system_id() == sid
    assert window.detail.record.servers == tie

    # Another tier: the filter no longer shows it; no row is current and the detail panel is empty.
    count = model.rowCount()
    assert model.setData(cell(window, sid, "tier"), "内部情報系基幹", EDIT)
    assert model.visible_records() == expected() and model.row_of(sid) == -1
    assert model.rowCount() == count - 1 and table.count_label.text() == f"{count - 1} / {N} 件"
    assert f"表示 {count - 1} / 全 {N}" in window._status_counts.text().replace(",", "")
    assert table.current_system_id() == "" and window.detail.record is None

    # Undo: it is back where it belongs; redo: gone again.
    stack.undo()
    assert model.visible_records() == expected() and model.row_of(sid) >= 0 and model.rowCount() == count
    stack.redo()
    assert model.visible_records() == expected() and model.row_of(sid) == -1
    assert watcher.removes == 2 and watcher.inserts == 1 and watcher.ids == watcher.shown()
    assert watcher.quiet()

    # A text filter finds a system by the text the form just gave it, and loses it on undo.
    stack.undo()
    table.filter_edit.setText("要確認の新名称")
    table.apply_filter()
    assert model.rowCount() == 0
    watcher = Watcher(model)
    other = expected()[0]
    assert edit_system(window.context, other.system_id, {"name": "要確認の新名称", "servers": other.servers + 1})
    assert [r.system_id for r in model.visible_records()] == [other.system_id]
    stack.undo()
    assert model.rowCount() == 0
    assert watcher.quiet() and watcher.ids == watcher.shown()


def test_a_cell_edited_in_its_editor_on_a_sorted_table_moves_with_the_editor_closed(window, qtbot):
    table, model, view = window.table, window.table.model, window.table.view
    servers = column(window, "servers")
    table.view.sortByColumn(servers, ASC)
    sid = model.record(0).system_id
    most = model.record(model.rowCount() - 1).servers
    index = model.index(0, servers)
    view.setCurrentIndex(index)
    view.edit(index)
    editor = view.focusWidget()
    editor.lineEdit().selectAll()
    qtbot.keyClicks(editor.lineEdit(), str(most + 1))
    qtbot.keyClick(editor.lineEdit(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: model.row_of(sid) == model.rowCount() - 1)
    assert view.currentIndex() == model.index(model.rowCount() - 1, servers)
    assert view.state() != view.State.EditingState
    assert model.data(view.currentIndex()) == str(most + 1) and window.detail.record.servers == most + 1


def test_a_new_department_joins_the_department_filter(window):
    table, model = window.table, window.table.model
    sid = model.record(10).system_id
    assert table.dept_combo.findData("デジタル統括室分室") < 0
    assert model.setData(cell(window, sid, "department"), "デジタル統括室分室", EDIT)
    assert table.dept_combo.findData("デジタル統括室分室") >= 0
    table.dept_combo.setCurrentIndex(table.dept_combo.findData("デジタル統括室分室"))
    assert [r.system_id for r in model.visible_records()] == [sid]
    window.context.undo_stack.undo()
    assert table.dept_combo.findData("デジタル統括室分室") < 0 and model.rowCount() == N


def test_the_model_tester_follows_moves_removals_and_insertions(window, qtmodeltester):
    table, model, stack = window.table, window.table.model, window.context.undo_stack
    table.view.sortByColumn(column(window, "servers"), ASC)
    table.filter_edit.setText("SYS0000")  # SYS000000 … SYS000099: a hundred rows for the tester to walk
    table.apply_filter()
    assert model.rowCount() == 100
    qtmodeltester.check(model, force_py=True)
    sid = model.record(50).system_id
    assert model.setData(cell(window, sid, "servers"), 10_000, EDIT)  # moves to the end
    assert model.record(99).system_id == sid
    assert model.setData(cell(window, sid, "notes"), "別件", EDIT)  # no move
    stack.undo()
    stack.undo()
    assert model.setData(cell(window, sid, "name"), "名称変更", EDIT)  # still found by its ID
    other = model.record(0).system_id
    from ui.system_edit import edit_system

    assert edit_system(window.context, other, {"notes": "SYS0000 の後継"})  # still shown (ID and note)
    table.filter_edit.setText("後継")
    table.apply_filter()
    assert [r.system_id for r in model.visible_records()] == [other]
    stack.undo()  # the note goes: the row leaves
    assert model.rowCount() == 0
    stack.redo()  # and comes back
    assert model.rowCount() == 1


def test_the_other_views_follow_an_edit_its_undo_and_redo(window, qtbot):
    from migration_planner.placement import classify

    board = window.feature_widget("PlacementBoard")
    chart = window.feature_widget("PlacementChart")
    subsidy = window.feature_widget("SubsidyView")
    lane = lambda dest: {c.system_id for c in board.lane_model(dest).items()}  # noqa: E731
    saas = next(c for c in classify(window.plan) if c.destination == "saas" and c.step == 2)
    sid = saas.system_id
    changed = []
    window.context.sig_systems_changed.connect(lambda: changed.append(window.context.edited_ids))
    cost = subsidy.base.by_id[sid].annual_yen

    assert window.table.model.setData(cell(window, sid, "saas_fit"), "不適合", EDIT)
    assert sid in lane("common_cloud") and sid not in lane("saas")
    assert window.table.model.setData(cell(window, sid, "annual_cost"), "12,345千円", EDIT)
    assert subsidy.base.by_id[sid].annual_yen == 12_345_000 != cost
    window.tabs.setCurrentWidget(chart.parentWidget())
    assert not chart._dirty  # redrawn with the edit
    window.context.undo_stack.undo()
    window.context.undo_stack.undo()
    assert sid in lane("saas") and subsidy.base.by_id[sid].annual_yen == cost
    window.context.undo_stack.redo()
    assert sid in lane("common_cloud")
    assert changed == [[sid]] * 5  # every view that reloads on a change of systems was told, each time
    assert window.context.edited_ids is None
    subsidy.wait_for_schedule()


def test_an_import_still_reloads_every_row(window, monkeypatch):
    calls = []
    reload = window.reload
    monkeypatch.setattr(window, "reload", lambda: calls.append(1) or reload())
    window.context.notify("systems")  # what an import (or any change to every system) emits
    assert calls == [1]


@pytest.mark.slow
def test_the_edit_benchmark_runs_and_checks_what_it_times():
    from benchmarks import bench_edit

    rows = bench_edit.run(n=300, repeats=2)
    assert [r.get("error") for r in rows] == [None] * 4, rows
    assert all(r["value_s"] > 0 and r["baseline_s"] > 0 for r in rows)
    assert rows[0]["baseline_s"] == 0.2 and rows[0]["target"] == 1.0 and rows[-1]["target"] is None
