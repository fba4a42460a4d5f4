"""The inventory table: a ``QAbstractTableModel`` over plain records, sorted and filtered in Python.

Sorting and filtering run over per-column key lists computed once and cached, so 100k rows sort
about as fast as ``sorted()`` over the column (a ``QSortFilterProxyModel`` would call back into
Python for every comparison). Extra columns (placement, …) come from annotation providers.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left, bisect_right
from heapq import nlargest
from collections.abc import Callable, Iterable
from itertools import accumulate
from operator import attrgetter
from typing import TYPE_CHECKING, NamedTuple

from PySide6 import QtCore
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from migration_planner.inventory.contract import TIERS, SystemRecord
from migration_planner.workloads import workload_label

if TYPE_CHECKING:  # annotations only: each Qt class Python touches costs start-up time (issue 2)
    from PySide6.QtCore import QPersistentModelIndex
    from PySide6.QtGui import QColor
    from PySide6.QtWidgets import QAbstractItemDelegate

_NUM_MIN = float("-inf")
FIT_ROWS = 100           # rows whose text sets the columns' widths
FIT_CANDIDATES = 4       # of a column's texts, how many are measured (the widest-looking)
MAX_COLUMN_WIDTH = 280   # pixels: a long note or link list does not push the other columns away
_HAY_CHUNK = 1024  # rows to a string of the search text (lower() briefly takes 12 bytes a character)
# Qt's roles and alignments as the integers Qt defines them to be (tests/test_inventory_table_gui.py
# checks each against Qt). Start-up must not touch ``QtCore.Qt``: PySide6 builds Python enums for
# the whole Qt namespace the first time it is used, about a fifth of a bare window's start (issue 2).
# Python code that runs once the window is up uses ``QtCore.Qt`` as usual.
_DISPLAY, _DECORATION, _EDIT, _TOOLTIP, _FONT = 0, 1, 2, 3, 6
_ALIGNMENT, _BACKGROUND, _FOREGROUND, _CHECK_STATE, _SIZE_HINT = 7, 8, 9, 10, 13
_USER = 0x100
#: Roles the view asks for each cell that this model never answers: :meth:`SystemTableModel.data`
#: returns at once for them (sizing and painting ask ~8 roles a cell; start-up paints them all).
_UNANSWERED_ROLES = frozenset((_DECORATION, _FONT, _BACKGROUND, _CHECK_STATE, _SIZE_HINT))
#: Cell alignments (AlignRight | AlignVCenter, AlignLeft | AlignVCenter).
_ALIGN_NUMERIC, _ALIGN_TEXT = 0x2 | 0x80, 0x1 | 0x80
#: What Qt's item delegate adds to a cell's text in width: a margin either side (focus frame + 1,
#: 2 + 1 pixels in Qt's styles) and the grid line. Not asked of the style at start-up: see above.
_CELL_PADDING = 2 * 3 + 1


def _yen(value: int | None) -> str:
    return "" if value is None else f"{value:,}"


def _flag(value: bool) -> str:
    return "○" if value else ""


class Column(NamedTuple):
    """A column of the table: what its cells show, how it sorts, and optionally a tooltip and a
    text colour. A NamedTuple, not a frozen dataclass: those compile their methods at start-up."""

    key: str
    title: str
    display: Callable[[SystemRecord, dict], str]
    sort_key: Callable[[SystemRecord, dict], object]
    numeric: bool = False
    tooltip: Callable[[SystemRecord, dict], str] | None = None
    foreground: Callable[[SystemRecord, dict], QColor | None] | None = None
    #: The record's attribute the column shows as it is (None: the column computes its value). Its
    #: sort keys are then read a column at a time (``attrgetter``) rather than one call a row.
    attr: str | None = None


def _text_column(key: str, title: str) -> Column:
    return Column(key, title, lambda r, a: getattr(r, key), lambda r, a: getattr(r, key), attr=key)


def _num_column(key: str, title: str, fmt=str) -> Column:
    def sort_key(r, a):
        v = getattr(r, key)
        return _NUM_MIN if v is None else v

    return Column(key, title, lambda r, a: "" if getattr(r, key) is None else fmt(getattr(r, key)), sort_key, numeric=True,
                  attr=key)


def base_columns(tr: Callable[[str], str]) -> list[Column]:
    """The inventory's own columns, titled through ``tr`` (Qt's translation)."""
    return [
        _text_column("system_id", tr("システムID")),
        _text_column("name", tr("システム名")),
        _text_column("department", tr("所管所属")),
        _text_column("tier", tr("系統")),
        _num_column("servers", tr("サーバ台数")),
        Column(
            "workloads", tr("標準化対象業務"),
            lambda r, a: ", ".join(r.workloads),
            lambda r, a: len(r.workloads),
            tooltip=lambda r, a: "\n".join(workload_label(c) for c in r.workloads),
        ),
        Column("resident_core", tr("住民基本系"), lambda r, a: _flag(r.resident_core), lambda r, a: r.resident_core),
        _text_column("saas_candidate", tr("SaaS候補")),
        _text_column("saas_fit", tr("SaaS適合")),
        _text_column("cloud_blocker", tr("クラウド化阻害要因")),
        _num_column("next_renewal_fy", tr("次期更新年度"), lambda y: f"{y}（R{y - 2018}）"),
        _num_column("annual_cost", tr("年間運用経費（千円）"), _yen),
        _num_column("migration_cost", tr("移行経費見込（千円）"), _yen),
        Column("budget_request", tr("予算要求"), lambda r, a: _flag(r.budget_request), lambda r, a: r.budget_request),
        _text_column("scale", tr("規模")),
        _text_column("vendor", tr("保守事業者")),
        Column("links_to", tr("連携先"), lambda r, a: ", ".join(r.links_to), lambda r, a: len(r.links_to)),
        _text_column("notes", tr("備考")),
    ]


#: Applies an edit (system_id, field, value as typed); returns None when done, else the Japanese
#: reason it was refused (nothing changed). The new values then arrive through
#: :meth:`SystemTableModel.update_records` (or the plan's reload).
EditHandler = Callable[[str, str, object], "str | None"]


class SystemTableModel(QAbstractTableModel):
    """Systems as rows; sorting and filtering done here (not by a proxy) for speed.

    Editable once :meth:`set_edit_handler` is given a handler: ``setData`` hands the value to it
    and the new values arrive through :meth:`update_records` (the edited rows only) or the next
    :meth:`set_records` (the plan's reload).
    """

    SystemIdRole = _USER + 1
    sig_edit_refused = Signal(str, str, str)
    """An edit was refused: system ID, field, the Japanese reason."""

    def __init__(self, columns: list[Column], parent=None) -> None:
        super().__init__(parent)
        #: The column titles, for the view's horizontal header (see :meth:`InventoryTable.__init__`):
        #: a Qt model, so drawing and sizing the header calls no Python (1,300 calls at start-up).
        self.header_model = QStandardItemModel(self)
        self._columns: list[Column] = []
        self._set_titles(columns)
        self._columns = list(columns)
        self._all: list[SystemRecord] = []
        self._ann: list[dict] = []
        self._order: list[int] = []     # every row, in the current sort order
        self._visible: list[int] = []   # rows passing the filter, in sort order
        self._keys: dict[int, list] = {}
        self._hay: list[tuple[str, array]] | None = None
        self._index: dict[str, int] | None = None  # system_id → row of all records, made when first asked
        self._sort: tuple[int, QtCore.Qt.SortOrder] | None = None
        self._predicate: Callable[[SystemRecord, dict], bool] | None = None
        self._needle = ""
        self._edit_handler: EditHandler | None = None
        self._edit_value: Callable[[SystemRecord, str], object] | None = None
        self._edit_fields: frozenset[str] = frozenset()
        self._when_drawn: list[Callable[[], None]] | None = None

    def when_drawn(self, callback: Callable[[], None]) -> None:
        """Call ``callback`` once, on the turn of the event loop after the view first draws a cell.

        How the window learns that its first paint is done without a ``paintEvent`` in Python: the
        event's wrapper would make PySide6 build ``QEvent.Type`` (~190 members, ~1.8 ms) before the
        first paint (issue 2). A view draws its cells through :meth:`multiData`.
        """
        if self._when_drawn is None:
            self._when_drawn = []
        self._when_drawn.append(callback)

    def _drawn(self) -> None:
        callbacks, self._when_drawn = self._when_drawn or [], None
        for callback in callbacks:
            QTimer.singleShot(0, callback)  # after this paint, not inside it

    # ---------------------------------------------------------------- content
    def set_records(self, records: list[SystemRecord], annotations: dict[str, dict] | None = None,
                    filter_by: tuple[str, Callable[[SystemRecord, dict], bool] | None] | None = None) -> None:
        """Show ``records``, sorted and filtered as before, or by ``filter_by`` (text, predicate:
        as :meth:`set_filter` takes them) in the same reset."""
        self.beginResetModel()
        if filter_by is not None:
            self._set_filter(*filter_by)
        self._all = list(records)
        annotations = annotations or {}
        self._ann = [annotations.get(r.system_id, {}) for r in self._all]
        self._keys.clear()
        self._hay = None
        self._index = None
        self._order = list(range(len(self._all)))
        if self._sort is not None:
            self._apply_sort()
        self._apply_filter()
        self.endResetModel()

    def update_records(self, records: list[SystemRecord], annotations: dict[str, dict] | None = None
                       ) -> list[SystemRecord]:
        """Put ``records`` (and their annotations) in place of the rows of the same systems.

        The sort and the filter stay: a row whose new values place it elsewhere moves there, one the
        filter no longer passes leaves the rows shown and one it now passes joins them (one
        ``rowsMoved``, ``rowsRemoved`` or ``rowsInserted`` each), and each edited row shown is
        redrawn (``dataChanged``); the other rows are not touched, and only the edited rows'
        cached sort keys and search text are computed again. Returns the records replaced, in the
        order of ``records``. Raises ``KeyError``, having changed nothing, when the model holds
        no row of one of the systems.
        """
        annotations = annotations or {}
        index = self._row_index()
        rows = [index[r.system_id] for r in records]  # KeyError before anything changes
        old = [self._all[i] for i in rows]
        for i, rec in zip(rows, records):
            self._replace_row(i, rec, annotations.get(rec.system_id, {}))
        return old

    def _row_index(self) -> dict[str, int]:
        """system_id → its row of all records (made on first use; a row's ID never changes)."""
        if self._index is None:
            self._index = {r.system_id: i for i, r in enumerate(self._all)}
        return self._index

    def _replace_row(self, i: int, record: SystemRecord, annotation: dict) -> None:
        """Row ``i`` of all records becomes ``record``: keys, search text, order and rows shown follow."""
        order, visible = self._order, self._visible
        at = self._position(order, i)  # found with the old values' keys, before they change
        shown_at = self._position(visible, i)
        shown = shown_at < len(visible) and visible[shown_at] == i
        self._all[i], self._ann[i] = record, annotation
        for col, keys in self._keys.items():
            keys[i] = self._columns[col].sort_key(record, annotation)
        if self._hay is not None:
            self._hay[i // _HAY_CHUNK] = self._hay_chunk(i - i % _HAY_CHUNK)
        del order[at]
        order.insert(self._position(order, i), i)
        passes = self._passes(i)
        last = len(self._columns) - 1
        if shown and passes:
            del visible[shown_at]
            to = self._position(visible, i)
            visible.insert(shown_at, i)  # back until Qt has been told of the move
            if to != shown_at:
                # Qt's destination is a row of the list before the move: one further on when moving down.
                self.beginMoveRows(QModelIndex(), shown_at, shown_at, QModelIndex(), to if to < shown_at else to + 1)
                del visible[shown_at]
                visible.insert(to, i)
                self.endMoveRows()
            if last >= 0:
                self.dataChanged.emit(self.index(to, 0), self.index(to, last))
        elif shown:
            self.beginRemoveRows(QModelIndex(), shown_at, shown_at)
            del visible[shown_at]
            self.endRemoveRows()
        elif passes:
            to = self._position(visible, i)
            self.beginInsertRows(QModelIndex(), to, to)
            visible.insert(to, i)
            self.endInsertRows()

    def _position(self, rows: list[int], i: int) -> int:
        """Where row ``i`` of all records is, or would go, in ``rows`` (rows in the current order:
        :attr:`_order` or :attr:`_visible`), by binary search. The order is the one
        :meth:`_apply_sort` makes: by the column's key (reversed when descending), and rows of
        equal keys in inventory order, as a stable sort leaves them either way."""
        if self._sort is None:
            return bisect_left(rows, i)
        column, order = self._sort
        keys = self._column_keys(column)
        key = keys[i]
        descending = order == QtCore.Qt.SortOrder.DescendingOrder
        lo, hi = 0, len(rows)
        while lo < hi:
            mid = (lo + hi) // 2
            j = rows[mid]
            other = keys[j]
            if (other > key if descending else other < key) or (other == key and j < i):
                lo = mid + 1
            else:
                hi = mid
        return lo

    def _passes(self, i: int) -> bool:
        """Whether row ``i`` of all records passes the current filter (text and predicate)."""
        record, annotation = self._all[i], self._ann[i]
        needle = self._needle
        if needle and ("\x00" in needle or needle not in _search_text(record, annotation).lower()):
            return False
        return self._predicate is None or bool(self._predicate(record, annotation))

    def set_columns(self, columns: list[Column]) -> None:
        self.beginResetModel()
        self._set_titles(columns)
        self._columns = list(columns)
        self._keys.clear()
        self._sort = None
        self._order = list(range(len(self._all)))
        self._apply_filter()
        self.endResetModel()

    def _set_titles(self, columns: list[Column]) -> None:
        self.header_model.setColumnCount(len(columns))
        self.header_model.setHorizontalHeaderLabels([c.title for c in columns])

    def columns(self) -> list[Column]:
        return list(self._columns)

    def column_title(self, column: int) -> str:
        """The title the header shows for ``column``."""
        return self._columns[column].title

    def column_key(self, column: int) -> str | None:
        return self._columns[column].key if 0 <= column < len(self._columns) else None

    def set_edit_handler(self, handler: EditHandler | None, value_of: Callable[[SystemRecord, str], object] | None = None,
                         fields: Iterable[str] = ()) -> None:
        """Make the columns of ``fields`` editable through ``handler``; ``value_of(record, field)`` is
        the value an editor starts from (EditRole). None makes the table read-only again."""
        self._edit_handler = handler
        self._edit_value = value_of
        self._edit_fields = frozenset(fields) if handler is not None else frozenset()
        if self._all and self._columns:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._visible) - 1, len(self._columns) - 1),
                                  [_EDIT])

    def record(self, row: int) -> SystemRecord:
        return self._all[self._visible[row]]

    def annotation(self, row: int) -> dict:
        return self._ann[self._visible[row]]

    def row_of(self, system_id: str) -> int:
        """The row showing ``system_id``; -1 when none does (not in the plan, or filtered out)."""
        i = self._row_index().get(system_id)
        if i is None:
            return -1
        row = self._position(self._visible, i)
        return row if row < len(self._visible) and self._visible[row] == i else -1

    def total_count(self) -> int:
        return len(self._all)

    def records_in_view(self, limit: int) -> tuple[list[SystemRecord], list[dict]]:
        """The first ``limit`` rows shown: their records and annotations."""
        rows = self._visible[:limit]
        return [self._all[i] for i in rows], [self._ann[i] for i in rows]

    def visible_records(self) -> list[SystemRecord]:
        return [self._all[i] for i in self._visible]

    def all_records(self) -> list[SystemRecord]:
        """Every row's record, shown or not, in inventory order."""
        return list(self._all)

    # ---------------------------------------------------------------- Qt model API
    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._visible)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._columns)

    def setData(self, index: QModelIndex | QPersistentModelIndex, value, role=_EDIT) -> bool:
        """Hand an edit to the handler; False (and :attr:`sig_edit_refused`) when it is refused."""
        if role != _EDIT or not index.isValid() or self._edit_handler is None:
            return False
        row, col = index.row(), index.column()
        if not (0 <= row < len(self._visible) and 0 <= col < len(self._columns)):
            return False
        key = self._columns[col].key
        if key not in self._edit_fields:
            return False
        system_id = self._all[self._visible[row]].system_id
        refused = self._edit_handler(system_id, key, value)
        if refused:
            self.sig_edit_refused.emit(system_id, key, refused)
            return False
        return True

    def data(self, index: QModelIndex | QPersistentModelIndex, role=_DISPLAY):
        if role in _UNANSWERED_ROLES:
            return None
        row, col = index.row(), index.column()  # -1 for an invalid index
        if not (0 <= row < len(self._visible) and 0 <= col < len(self._columns)):
            return None
        return self._value(self._visible[row], self._columns[col], role)

    def multiData(self, index: QModelIndex | QPersistentModelIndex, roles) -> None:
        """Every role the view asks for a cell, in one call (Qt's delegates ask about eight a
        cell when they draw it; through :meth:`data` each would be a call into Python)."""
        if self._when_drawn is not None:
            self._drawn()
        row, col = index.row(), index.column()
        if not (0 <= row < len(self._visible) and 0 <= col < len(self._columns)):
            return
        i, column = self._visible[row], self._columns[col]
        for slot in roles:
            role = slot.role()
            if role not in _UNANSWERED_ROLES:
                value = self._value(i, column, role)
                if value is not None:
                    slot.setData(value)

    def _value(self, i: int, column: Column, role: int):
        """What row ``i`` (of all records) shows in ``column`` for ``role``; None for nothing."""
        if role == _DISPLAY:
            return column.display(self._all[i], self._ann[i])
        if role == _ALIGNMENT:
            return _ALIGN_NUMERIC if column.numeric else _ALIGN_TEXT
        if role == _TOOLTIP:
            if column.tooltip is not None:
                return column.tooltip(self._all[i], self._ann[i]) or None
            text = column.display(self._all[i], self._ann[i])
            return text if len(text) > 20 else None
        if role == _FOREGROUND:
            return None if column.foreground is None else column.foreground(self._all[i], self._ann[i])
        if role == self.SystemIdRole:
            return self._all[i].system_id
        if role == _EDIT:
            if self._edit_value is not None and column.key in self._edit_fields:
                return self._edit_value(self._all[i], column.key)
            return column.display(self._all[i], self._ann[i])
        return None

    def sort(self, column: int, order: QtCore.Qt.SortOrder | None = None) -> None:
        if not 0 <= column < len(self._columns):
            return
        self.layoutAboutToBeChanged.emit()
        self._sort = (column, QtCore.Qt.SortOrder.AscendingOrder if order is None else order)
        self._apply_sort()
        self._apply_filter()
        self.layoutChanged.emit()

    # ---------------------------------------------------------------- filtering
    def set_filter(self, text: str = "", predicate: Callable[[SystemRecord, dict], bool] | None = None) -> None:
        self.beginResetModel()
        self._set_filter(text, predicate)
        self._apply_filter()
        self.endResetModel()

    def _set_filter(self, text: str, predicate: Callable[[SystemRecord, dict], bool] | None) -> None:
        self._needle = text.strip().lower()
        self._predicate = predicate

    def _column_keys(self, column: int) -> list:
        keys = self._keys.get(column)
        if keys is None:
            spec = self._columns[column]
            if spec.attr is None:
                fn = spec.sort_key
                keys = [fn(r, a) for r, a in zip(self._all, self._ann)]
            else:  # the same keys as sort_key gives (a test checks), a column at a time
                values = map(attrgetter(spec.attr), self._all)
                keys = [_NUM_MIN if v is None else v for v in values] if spec.numeric else list(values)
            self._keys[column] = keys
        return keys

    def _apply_sort(self) -> None:
        column, order = self._sort
        keys = self._column_keys(column)
        self._order = sorted(range(len(self._all)), key=keys.__getitem__,
                             reverse=order == QtCore.Qt.SortOrder.DescendingOrder)

    def _haystack(self) -> list[tuple[str, array]]:
        """The searched text of the rows, lower-cased, a chunk of :data:`_HAY_CHUNK` rows to a
        string (rows end at NUL, which no cell holds), each with the offsets where its rows start
        (and one past the end).

        A string for many rows rather than one per row: a string's header (about 75 bytes) was a
        third of the search text's memory at 100k rows. Each chunk is joined and lower-cased in
        one go, and only one chunk's per-row strings exist at a time.
        """
        if self._hay is None:
            self._hay = [self._hay_chunk(lo) for lo in range(0, len(self._all), _HAY_CHUNK)]
        return self._hay

    def _hay_chunk(self, lo: int) -> tuple[str, array]:
        """The search text of rows ``lo`` to ``lo + _HAY_CHUNK`` (see :meth:`_haystack`)."""
        rows = [_search_text(r, a) for r, a in zip(self._all[lo:lo + _HAY_CHUNK], self._ann[lo:lo + _HAY_CHUNK])]
        joined = "\x00".join(rows)
        text = joined.lower()
        if len(text) != len(joined):  # İ lower-cases to two characters: offsets row by row
            rows = [t.lower() for t in rows]
            text = "\x00".join(rows)
        return text, array("q", accumulate([len(t) + 1 for t in rows], initial=0))

    def _search(self, needle: str) -> bytearray:
        """1 for each row whose search text holds ``needle``: one ``find`` per matching row."""
        hit = bytearray(len(self._all))
        if "\x00" in needle:
            return hit
        for first, (text, starts) in zip(range(0, len(self._all), _HAY_CHUNK), self._haystack()):
            find, pos = text.find, text.find(needle)
            while pos >= 0:
                row = bisect_right(starts, pos) - 1
                hit[first + row] = 1
                pos = find(needle, starts[row + 1])  # on to the next row: one hit a row is enough
        return hit

    def _apply_filter(self) -> None:
        order, needle, pred = self._order, self._needle, self._predicate
        if needle:
            hit = self._search(needle)
            order = [i for i in order if hit[i]]
        if pred is not None:
            all_, ann = self._all, self._ann
            order = [i for i in order if pred(all_[i], ann[i])]
        self._visible = order if (needle or pred) else list(order)


def _search_text(r: SystemRecord, a: dict) -> str:
    """What the text filter searches in a row (before lower-casing): the fields a planner names a
    system by, and what annotations add (``"search"``: the destination's title, …)."""
    return "\t".join((r.system_id, r.name, r.department, r.vendor, r.saas_candidate, r.notes, r.cloud_blocker,
                      " ".join(r.workloads), *a.get("search", ())))


#: What a model must carry over to a successor that takes its place in the view.
_MODEL_STATE = ("_columns", "_all", "_ann", "_order", "_visible", "_keys", "_hay", "_index", "_sort", "_predicate",
                "_needle", "_edit_handler", "_edit_value", "_edit_fields", "_when_drawn")


class EditableSystemTableModel(SystemTableModel):
    """The table's model once cells can be edited: it says which cells are (``flags``).

    A separate class because a model that answers ``flags`` in Python makes PySide6 build the Qt
    namespace's enums as soon as the table is drawn (see the role constants above). Qt remembers per
    model which methods Python leaves alone, so editing cannot be switched on later in the same
    model: :meth:`InventoryTable.enable_editing` puts one of these in the view instead
    (:meth:`taking_over` the first model's rows, order, filter and sort).
    """

    @classmethod
    def taking_over(cls, other: SystemTableModel) -> "EditableSystemTableModel":
        model = cls(other.columns(), other.parent())
        for name in _MODEL_STATE:
            setattr(model, name, getattr(other, name))
        return model

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> QtCore.Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and self._edit_fields and self._columns[index.column()].key in self._edit_fields:
            flags |= QtCore.Qt.ItemFlag.ItemIsEditable
        return flags


def widest_looking(texts: Iterable[str], count: int = FIT_CANDIDATES) -> list[str]:
    """The ``count`` texts that look widest: a character outside ASCII (kana, kanji, full-width
    forms: three bytes in UTF-8) counts as two, as it is drawn about twice as wide."""
    return nlargest(count, (t for t in texts if t), key=lambda t: len(t) + (len(t.encode()) - len(t)) // 2)


class InventoryTable(QWidget):
    """The table with its filter bar: text, tier, department (and more from later features)."""

    sig_selection_changed = Signal(str)
    """The selected system's ID ('' when none)."""
    sig_filter_changed = Signal()
    """The visible rows changed (filter or reload)."""
    sig_edit_refused = Signal(str)
    """A cell edit was refused: the Japanese message (also shown above the table)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.model = SystemTableModel(base_columns(self.tr), self)
        self.model.sig_edit_refused.connect(self._edit_refused)
        self._extra_predicates: dict[str, Callable[[SystemRecord, dict], bool]] = {}

        self.filter_edit = QLineEdit(self)
        self.filter_edit.setPlaceholderText(self.tr("名称・ID・所属・事業者で絞り込み"))
        self.filter_edit.setToolTip(self.tr("システム名・ID・所属・事業者・SaaS候補・備考・標準化対象業務で絞り込みます（Ctrl+F）"))
        self.filter_edit.setClearButtonEnabled(True)
        self.tier_combo = QComboBox(self)
        self.tier_combo.addItem(self.tr("すべての系統"), "")
        for tier in TIERS:
            self.tier_combo.addItem(tier, tier)
        self.dept_combo = QComboBox(self)
        self.dept_combo.setMinimumContentsLength(10)
        self.dept_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.dept_combo.addItem(self.tr("すべての所属"), "")
        self.count_label = QLabel(self)

        self.filter_bar = QHBoxLayout()
        self.filter_bar.addWidget(QLabel(self.tr("絞り込み:"), self))
        self.filter_bar.addWidget(self.filter_edit, 3)
        self.filter_bar.addWidget(self.tier_combo)
        self.filter_bar.addWidget(self.dept_combo, 1)
        self.filter_bar.addWidget(self.count_label)

        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.horizontalHeader().setModel(self.model.header_model)  # titles: see SystemTableModel
        # No sort until the planner clicks a header: rows stay in the workbook's order. A click sorts
        # by that column (again: the other way round), as Qt's setSortingEnabled would, but without
        # sorting at once (which would reach for Qt's enums at start-up: see the role constants).
        self.view.horizontalHeader().setSectionsClickable(True)
        self.view.horizontalHeader().sectionClicked.connect(self._sort_by_click)
        # However the rows came to be sorted (a click, sortByColumn), the header shows by what.
        self._restoring_header = False
        self.view.horizontalHeader().sortIndicatorChanged.connect(self._show_sort_indicator)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.verticalHeader().setDefaultSectionSize(24)
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.view.horizontalHeader().setSectionsMovable(True)
        self.view.horizontalHeader().setHighlightSections(False)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)

        # Why the last edit was refused (hidden until one is; the next edit or 15 s clear it).
        self.edit_message = QLabel(self)
        self.edit_message.setWordWrap(True)
        self.edit_message.setStyleSheet("color:#c0392b")
        self.edit_message.hide()
        self._message_timer = QTimer(self)
        self._message_timer.setSingleShot(True)
        self._message_timer.setInterval(15000)
        self._message_timer.timeout.connect(self.edit_message.hide)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.filter_bar)
        layout.addWidget(self.edit_message)
        layout.addWidget(self.view)

        # Typing filters after a short pause so 100k rows don't re-filter on every keystroke.
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(150)
        self._debounce.timeout.connect(self.apply_filter)
        self.filter_edit.textChanged.connect(lambda _t: self._debounce.start())
        self.filter_edit.returnPressed.connect(self.apply_filter)
        self.tier_combo.currentIndexChanged.connect(self.apply_filter)
        self.dept_combo.currentIndexChanged.connect(self.apply_filter)
        self.view.selectionModel().currentRowChanged.connect(self._on_current_changed)
        QShortcut(QKeySequence.StandardKey.Find, self, self.focus_filter)

    # ---------------------------------------------------------------- API
    def focus_filter(self) -> None:
        self.filter_edit.setFocus()
        self.filter_edit.selectAll()

    def enable_editing(self, handler: EditHandler, delegate: QAbstractItemDelegate,
                       value_of: Callable[[SystemRecord, str], object], fields: Iterable[str]) -> None:
        """Cells of ``fields`` edit on double-click or F2 with ``delegate``'s editors; ``handler``
        applies or refuses each edit (see :data:`EditHandler`)."""
        def handle(system_id: str, field: str, value: object) -> str | None:
            refused = handler(system_id, field, value)
            if not refused:
                self.edit_message.hide()
            return refused

        if not isinstance(self.model, EditableSystemTableModel):
            self._replace_model(EditableSystemTableModel.taking_over(self.model))
        self.model.set_edit_handler(handle, value_of, fields)
        self.view.setItemDelegate(delegate)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                  | QAbstractItemView.EditTrigger.EditKeyPressed)

    def _replace_model(self, model: SystemTableModel) -> None:
        """Show ``model`` (which took over the current one's rows) with the columns as they were."""
        header = self.view.horizontalHeader()
        layout = header.saveState()  # widths, moved columns, sort indicator
        current = self.current_system_id()
        column = max(self.view.currentIndex().column(), 0)
        old, old_selection = self.model, self.view.selectionModel()
        self.model = model
        model.sig_edit_refused.connect(self._edit_refused)
        self.view.setModel(model)
        header.setModel(model.header_model)
        self._restoring_header = True  # the indicator comes back as it was, shown or not
        try:
            header.restoreState(layout)
        finally:
            self._restoring_header = False
        self.view.selectionModel().currentRowChanged.connect(self._on_current_changed)
        old_selection.deleteLater()
        old.deleteLater()
        if current:
            self.select_system(current, column)

    def _show_sort_indicator(self, *_) -> None:
        if not self._restoring_header:
            header = self.view.horizontalHeader()
            header.setSortIndicatorShown(True)
            # The column was sized for its title alone: room for the arrow too, so it covers none of it.
            section = header.sortIndicatorSection()
            if section >= 0:
                header.resizeSection(section, max(header.sectionSize(section), header.sectionSizeHint(section)))

    def _sort_by_click(self, column: int) -> None:
        header = self.view.horizontalHeader()
        order = QtCore.Qt.SortOrder.AscendingOrder
        if header.isSortIndicatorShown() and header.sortIndicatorSection() == column:
            order = (QtCore.Qt.SortOrder.DescendingOrder if header.sortIndicatorOrder() == QtCore.Qt.SortOrder.AscendingOrder
                     else QtCore.Qt.SortOrder.AscendingOrder)
        header.setSortIndicatorShown(True)
        self.view.sortByColumn(column, order)

    def _edit_refused(self, system_id: str, _field: str, message: str) -> None:
        text = self.tr("{0} は変更していません。{1}").format(system_id, message)
        self.edit_message.setText(text)
        self.edit_message.show()
        self._message_timer.start()
        self.sig_edit_refused.emit(text)

    def set_records(self, records: list[SystemRecord], annotations: dict[str, dict] | None = None) -> None:
        current = self.current_system_id()
        column = max(self.view.currentIndex().column(), 0)
        self._fill_departments(records)  # first: the department filtered by may have gone
        self.model.set_records(records, annotations, self._filter())  # one reset, one filter pass
        self._filtered(current, column)
        self.fit_columns()

    def update_records(self, records: list[SystemRecord], annotations: dict[str, dict] | None = None
                       ) -> list[SystemRecord]:
        """Show the new values of these systems (after an edit): their rows only, the sort and the
        filter kept (a row may move, leave the rows shown or join them), the selection and the
        current cell staying on the edited system, unless the filter no longer shows it (then no row
        is current, as after a reload). Columns keep their widths. Returns the records replaced.

        :attr:`sig_filter_changed` is not emitted (100k rows summed again would cost more than the
        edit): the caller updates what it shows of the rows shown. (It is when the department the
        table is filtered by was edited away: the table then filters again, as after a reload.)
        Raises ``KeyError`` (nothing changed) for a system the table does not hold."""
        current = self.current_system_id()
        old = self.model.update_records(records, annotations)
        if any(o.department != r.department for o, r in zip(old, records)):
            chosen = self.dept_combo.currentData() or ""
            self._fill_departments(self.model.all_records())
            if (self.dept_combo.currentData() or "") != chosen:
                # The department filtered by is no one's any more: every department's rows, as after
                # a reload (this filters again and emits sig_filter_changed).
                self.apply_filter()
        self.count_label.setText(self.tr("{0} / {1} 件").format(self.model.rowCount(), self.model.total_count()))
        if current and self.current_system_id() != current:
            # The current row left the rows shown and Qt made a neighbour current: none is, as after a reload.
            self.view.selectionModel().clear()
        elif current in {r.system_id for r in records}:
            self.view.scrollTo(self.view.currentIndex())  # it may have moved
        return old

    def fit_columns(self) -> None:
        """Each column as wide as its title and the text of the first rows, at most 280 pixels.

        Measured here, from the text the cells show, rather than by ``resizeColumnsToContents``,
        which asks the model about eight roles for each cell it measures (5,000 calls into Python
        for the sample's first screen). Only a column's few widest-looking texts are measured
        (:func:`widest_looking`): laying out text is what costs.
        """
        model, header = self.model, self.view.horizontalHeader()
        advance = self.view.fontMetrics().horizontalAdvance
        records, ann = model.records_in_view(FIT_ROWS)
        for col, column in enumerate(model.columns()):
            texts = widest_looking({column.display(r, a) for r, a in zip(records, ann)})
            widest = max((advance(t) for t in texts), default=-_CELL_PADDING) + _CELL_PADDING
            self.view.setColumnWidth(col, min(max(widest, header.sectionSizeHint(col)), MAX_COLUMN_WIDTH))

    def set_extra_predicate(self, name: str, predicate: Callable[[SystemRecord, dict], bool] | None) -> None:
        """Add (or remove, with None) a named filter combined with the others (AND)."""
        if predicate is None:
            self._extra_predicates.pop(name, None)
        else:
            self._extra_predicates[name] = predicate
        self.apply_filter()

    def apply_filter(self) -> None:
        current = self.current_system_id()
        column = max(self.view.currentIndex().column(), 0)
        self.model.set_filter(*self._filter())
        self._filtered(current, column)

    def _filter(self) -> tuple[str, Callable[[SystemRecord, dict], bool] | None]:
        """The filter bar's text and the predicate of its choices and the extra filters."""
        tier = self.tier_combo.currentData() or ""
        dept = self.dept_combo.currentData() or ""
        preds = list(self._extra_predicates.values())
        if tier:
            preds.append(lambda r, a: r.tier == tier)
        if dept:
            preds.append(lambda r, a: r.department == dept)
        predicate = None
        if preds:
            predicate = preds[0] if len(preds) == 1 else (lambda r, a: all(p(r, a) for p in preds))
        return self.filter_edit.text(), predicate

    def _filtered(self, current: str, column: int) -> None:
        """After the rows shown changed: the count, the current system kept if still shown, and say so."""
        self.count_label.setText(self.tr("{0} / {1} 件").format(self.model.rowCount(), self.model.total_count()))
        if current and not self.select_system(current, column):
            self.sig_selection_changed.emit("")
        self.sig_filter_changed.emit()

    def when_drawn(self, callback: Callable[[], None]) -> None:
        """Call ``callback`` once, after the table first draws a row (see the model's ``when_drawn``)."""
        self.model.when_drawn(callback)

    def current_system_id(self) -> str:
        index = self.view.currentIndex()
        if not index.isValid():
            return ""
        return self.model.data(index, SystemTableModel.SystemIdRole) or ""

    def select_system(self, system_id: str, column: int = 0) -> bool:
        """Make ``system_id`` the current row (at ``column``, as after an edit of that cell)."""
        row = self.model.row_of(system_id)
        if row < 0:
            return False
        index = self.model.index(row, column if 0 <= column < self.model.columnCount() else 0)
        self.view.setCurrentIndex(index)
        self.view.scrollTo(index)
        return True

    def _fill_departments(self, records: list[SystemRecord]) -> None:
        current = self.dept_combo.currentData() or ""
        self.dept_combo.blockSignals(True)
        self.dept_combo.clear()
        self.dept_combo.addItem(self.tr("すべての所属"), "")
        for dept in sorted({r.department for r in records}):
            self.dept_combo.addItem(dept, dept)
        index = self.dept_combo.findData(current)
        self.dept_combo.setCurrentIndex(max(index, 0))
        self.dept_combo.blockSignals(False)

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        sid = self.model.data(current, SystemTableModel.SystemIdRole) if current.isValid() else ""
        self.sig_selection_changed.emit(sid or "")
