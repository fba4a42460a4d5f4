"""The inventory table's drawing path: cells through ``multiData``, titles from the header's own
model, column widths measured from the text (issue 2: start-up calls Python as little as it can)."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem

from ui.inventory_table import MAX_COLUMN_WIDTH, Column, InventoryTable, SystemTableModel


def _drawn(index) -> QStyleOptionViewItem:
    """What a delegate draws for ``index``: Qt's initStyleOption asks the model with multiData."""
    option = QStyleOptionViewItem()
    QStyledItemDelegate().initStyleOption(option, index)
    return option


def test_cells_are_drawn_from_one_call_each_with_what_data_answers(sample_window, monkeypatch):
    model = sample_window.table.model
    calls = []
    original = SystemTableModel.multiData

    def counting(self, index, roles):
        calls.append((index.row(), index.column()))
        return original(self, index, roles)

    # A fresh model of the same class with the same rows: Qt remembers per object which methods
    # Python does not override, so the spy must be in place before the model is first drawn.
    monkeypatch.setattr(SystemTableModel, "multiData", counting)
    fresh = SystemTableModel(model.columns())
    fresh.set_records([model.record(r) for r in range(model.rowCount())],
                      {model.record(r).system_id: model.annotation(r) for r in range(model.rowCount())})
    numeric = {c for c, column in enumerate(fresh.columns()) if column.numeric}
    for row in range(0, fresh.rowCount(), 7):
        for col in range(fresh.columnCount()):
            index = fresh.index(row, col)
            option = _drawn(index)
            assert option.text == (fresh.data(index) or ""), (row, col)
            expected = Qt.AlignmentFlag.AlignRight if col in numeric else Qt.AlignmentFlag.AlignLeft
            assert option.displayAlignment & expected
            colour = fresh.data(index, Qt.ItemDataRole.ForegroundRole)
            if colour is not None:
                assert option.palette.text().color() == colour
    assert len(calls) == len(range(0, fresh.rowCount(), 7)) * fresh.columnCount()
    assert fresh.data(fresh.index(0, 0), SystemTableModel.SystemIdRole) == fresh.record(0).system_id


def test_a_cell_out_of_range_answers_nothing(sample_window):
    model = sample_window.table.model
    assert model.data(model.index(10_000, 0)) is None
    assert _drawn(model.index(10_000, 0)).text == ""


def test_the_header_shows_the_columns_titles_and_follows_a_change(qtbot):
    table = InventoryTable()
    qtbot.addWidget(table)
    header = table.view.horizontalHeader()
    titles = [header.model().headerData(c, Qt.Orientation.Horizontal) for c in range(header.count())]
    assert titles == [table.model.column_title(c) for c in range(table.model.columnCount())]
    assert "システム名" in titles
    columns = [Column("a", "甲", lambda r, a: "", lambda r, a: 0), Column("b", "乙", lambda r, a: "", lambda r, a: 0)]
    table.model.set_columns(columns)
    assert header.count() == table.model.columnCount() == 2
    assert [header.model().headerData(c, Qt.Orientation.Horizontal) for c in range(2)] == ["甲", "乙"]


def test_columns_fit_their_title_and_the_first_rows_text_up_to_a_cap(sample_window):
    table = sample_window.table
    view, model = table.view, table.model
    advance = view.fontMetrics().horizontalAdvance
    for col, column in enumerate(model.columns()):
        width = view.columnWidth(col)
        assert 0 < width <= MAX_COLUMN_WIDTH, column.key
        assert width >= min(view.horizontalHeader().sectionSizeHint(col), MAX_COLUMN_WIDTH), column.key
        widest = max((advance(model.data(model.index(r, col)) or "") for r in range(model.rowCount())), default=0)
        assert width >= min(widest, MAX_COLUMN_WIDTH), (column.key, width, widest)
    # The notes run long in the sample: capped, not as wide as the longest note.
    notes = next(c for c, column in enumerate(model.columns()) if column.key == "notes")
    assert view.columnWidth(notes) == MAX_COLUMN_WIDTH


def test_the_role_and_alignment_numbers_are_qts():
    from ui import inventory_table as t

    roles = Qt.ItemDataRole
    assert (t._DISPLAY, t._DECORATION, t._EDIT, t._TOOLTIP, t._FONT) == tuple(
        int(r) for r in (roles.DisplayRole, roles.DecorationRole, roles.EditRole, roles.ToolTipRole, roles.FontRole))
    assert (t._ALIGNMENT, t._BACKGROUND, t._FOREGROUND, t._CHECK_STATE, t._SIZE_HINT) == tuple(
        int(r) for r in (roles.TextAlignmentRole, roles.BackgroundRole, roles.ForegroundRole, roles.CheckStateRole,
                         roles.SizeHintRole))
    assert t._USER == int(roles.UserRole)
    align = Qt.AlignmentFlag
    assert t._ALIGN_NUMERIC == int(align.AlignRight | align.AlignVCenter)
    assert t._ALIGN_TEXT == int(align.AlignLeft | align.AlignVCenter)


def test_a_header_click_sorts_up_then_down_and_shows_by_what(sample_window, qtbot):
    table = sample_window.table
    view, model, header = table.view, table.model, table.view.horizontalHeader()
    servers = next(c for c, column in enumerate(model.columns()) if column.key == "servers")
    before = [model.record(r).system_id for r in range(model.rowCount())]
    assert not header.isSortIndicatorShown()  # the workbook's order until the planner sorts
    table._sort_by_click(servers)  # what a click on the header does (sectionClicked)
    up = [model.record(r).servers for r in range(model.rowCount())]
    assert up == sorted(up) and header.isSortIndicatorShown()
    assert header.sortIndicatorSection() == servers and header.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder
    table._sort_by_click(servers)
    down = [model.record(r).servers for r in range(model.rowCount())]
    assert down == sorted(up, reverse=True) and header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    name = next(c for c, column in enumerate(model.columns()) if column.key == "name")
    header.sectionClicked.emit(name)  # another column: ascending again
    names = [model.record(r).name for r in range(model.rowCount())]
    assert names == sorted(names) and header.sortIndicatorSection() == name
    assert sorted(before) == sorted(model.record(r).system_id for r in range(model.rowCount()))


def test_editing_takes_over_the_rows_order_widths_and_selection(qtbot):
    from ui.inventory_table import EditableSystemTableModel
    from ui.system_edit import SystemFieldDelegate
    from migration_planner.inventory.contract import SystemRecord

    table = InventoryTable()
    qtbot.addWidget(table)
    table.show()
    fields = {f: "" for f in SystemRecord.__dataclass_fields__}
    records = [SystemRecord(**{**fields, "system_id": f"S{i}", "name": f"名{i}", "department": "甲",
                               "tier": "各局", "servers": i, "workloads": (), "links_to": (),
                               "resident_core": False, "saas_fit": "未検討", "next_renewal_fy": None,
                               "annual_cost": None, "migration_cost": None, "budget_request": False})
               for i in range(5)]
    table.set_records(records)
    servers = next(c for c, column in enumerate(table.model.columns()) if column.key == "servers")
    table._sort_by_click(servers)
    table._sort_by_click(servers)  # descending
    table.view.setColumnWidth(1, 123)
    table.select_system("S2")
    first = table.model
    assert not isinstance(first, EditableSystemTableModel)
    assert first.flags(first.index(0, servers)) & Qt.ItemFlag.ItemIsEditable == Qt.ItemFlag.NoItemFlags
    edits = []
    table.enable_editing(lambda sid, field, value: edits.append((sid, field, value)), SystemFieldDelegate(table.view),
                         lambda r, f: getattr(r, f), {"servers"})
    model = table.model
    assert isinstance(model, EditableSystemTableModel) and table.view.model() is model
    assert [model.record(r).system_id for r in range(model.rowCount())] == ["S4", "S3", "S2", "S1", "S0"]
    assert table.view.columnWidth(1) == 123
    assert table.view.horizontalHeader().sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    assert table.current_system_id() == "S2"
    assert model.flags(model.index(0, servers)) & Qt.ItemFlag.ItemIsEditable
    assert not model.flags(model.index(0, 0)) & Qt.ItemFlag.ItemIsEditable
    assert model.setData(model.index(0, servers), "7")
    assert edits == [("S4", "servers", "7")]
    # The view asks the new model (a C++ caller): the cell opens an editor.
    table.view.edit(model.index(0, servers))
    assert table.view.state() == table.view.State.EditingState


def test_the_toolbar_icons_are_in_qt(qapp):
    from PySide6.QtCore import QFile

    from ui.icons import ICONS, icon, qt_image_files

    for name in ICONS:
        assert all(QFile.exists(path) for path in qt_image_files(name)), name
        assert not icon(name).isNull()


def test_the_widest_looking_texts_are_the_ones_measured():
    from ui.inventory_table import widest_looking

    texts = ["OSK-001", "財務会計システム", "a" * 12, "", "防災情報システム（本庁）", "x"]
    assert widest_looking(texts, 2) == ["防災情報システム（本庁）", "財務会計システム"]  # 24 and 16 against 12
    assert widest_looking(["", ""]) == []


def test_text_is_drawn_unhinted_on_linux(qapp):
    import sys

    from PySide6.QtGui import QFont

    from ui.fonts import register_qt_font

    if register_qt_font(qapp) is None:
        import pytest

        pytest.skip("no Japanese font to register")
    hinting = qapp.font().hintingPreference()
    if sys.platform.startswith("linux"):
        assert hinting == QFont.HintingPreference.PreferNoHinting
    else:
        assert hinting == QFont.HintingPreference.PreferDefaultHinting


def test_columns_read_a_column_at_a_time_sort_as_their_sort_key_says(sample_window):
    model = sample_window.table.model
    for col, column in enumerate(model.columns()):
        if column.attr is None:
            continue
        model._keys.pop(col, None)
        assert model._column_keys(col) == [column.sort_key(r, a) for r, a in zip(model._all, model._ann)], column.key
    assert {c.key for c in model.columns() if c.attr} >= {"name", "servers", "next_renewal_fy", "annual_cost"}


def test_a_reload_filters_once_in_one_reset(sample_window):
    table = sample_window.table
    table.filter_edit.setText("システム")
    table.apply_filter()
    shown = table.model.rowCount()
    resets, searches = [], []
    table.model.modelReset.connect(lambda: resets.append(1))
    search = table.model._search
    table.model._search = lambda needle: searches.append(needle) or search(needle)
    table.set_records([table.model.record(r) for r in range(table.model.rowCount())])
    assert len(resets) == 1 and searches == ["システム"]
    assert table.model.rowCount() == shown and table.count_label.text().startswith(f"{shown} / ")


def test_the_sorted_column_has_room_for_its_arrow(sample_window):
    table = sample_window.table
    header = table.view.horizontalHeader()
    servers = next(c for c, column in enumerate(table.model.columns()) if column.key == "servers")
    header.resizeSection(servers, 10)  # as narrow as can be, as fit_columns may leave a short title
    table._sort_by_click(servers)
    assert header.isSortIndicatorShown()
    assert header.sectionSize(servers) >= header.sectionSizeHint(servers) > 10
