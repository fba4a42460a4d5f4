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
