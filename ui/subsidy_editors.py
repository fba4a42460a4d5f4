"""Editors of the cost-model inputs that are lists rather than numbers (補助金試算).

* :class:`ShareWeightsModel`: the 22 workloads, the systems that carry each, the workload's weight
  (``share_weights``, editable under the 「重み付け」 rule) and the share of the systems'
  移行経費見込 and 年間運用経費 it gets, with a one-line explanation of the split.
* :class:`RelatedSystemsModel`: the systems without workloads, checkable: checked = counted as
  related work (not eligible for the subsidy). Under the 「連携先」 rule a linked system is checked
  unless excluded (``related_excluded``); any other system is checked when listed
  (``related_systems``). Each row shows its 移行経費見込, the workloads it is linked with, what it
  adds to the ineligible cost and why it counts or not.

The models hold no state of their own: they show the stored scenario (``set_state``) and announce
an edit with a signal (``sig_weight_edited``, ``sig_related_toggled``); the view turns it into an
undoable command, stores it at once, and calls ``set_state`` again with the stored result.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtWidgets import QDoubleSpinBox, QStyledItemDelegate

from migration_planner.subsidy import CostBase, ScenarioParams, SubsidyResult, related_reason, shares_by_workload
from migration_planner.workloads import WORKLOADS, workload_label
from ui.i18n import tr_core, tr_join, yen, yen_auto

#: Weights a planner may type (the core accepts any weight ≥ 0; two decimals are kept).
WEIGHT_MAX = 1000.0


def _tr(text: str) -> str:
    return QCoreApplication.translate("SubsidyEditors", text)


def _ranges(rows: list[int]) -> list[tuple[int, int]]:
    """Sorted row numbers as contiguous (first, last) ranges, for few ``dataChanged`` signals."""
    out: list[tuple[int, int]] = []
    for r in sorted(set(rows)):
        if out and r == out[-1][1] + 1:
            out[-1] = (out[-1][0], r)
        else:
            out.append((r, r))
    return out


_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


class _Table(QAbstractTableModel):
    """A table with fixed column titles (``headers``) and numbered rows."""

    headers: list[str] = []

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self.headers[section] if 0 <= section < len(self.headers) else None
        return str(section + 1)


# ---------------------------------------------------------------- shares among workloads
class ShareWeightsModel(_Table):
    """One row a workload: its systems, its weight and its share of their costs."""

    sig_weight_edited = Signal(str, float)
    """The planner typed a weight: (workload code, weight). The view stores it (undoable)."""

    WORKLOAD, WEIGHT, MIGRATION, ANNUAL, SYSTEMS, EXPLANATION = range(6)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.codes = [w.code for w in WORKLOADS]
        self.params = ScenarioParams()
        self.unit = "億円"
        self.base: CostBase | None = None
        self.parts: dict[str, list] = {c: [] for c in self.codes}
        self.headers = [_tr("業務"), _tr("重み"), _tr("配分された移行経費"), _tr("配分された年間運用経費"),
                        _tr("担当システム（移行経費見込）"), _tr("配分の説明")]

    def set_state(self, base: CostBase | None, params: ScenarioParams, unit: str) -> None:
        """Show ``params``' split of ``base``'s costs (22 rows always: only their data changes)."""
        if (base, params.share_rule, params.share_weights, unit) == (
                self.base, self.params.share_rule, self.params.share_weights, self.unit):
            self.params = params                  # nothing this table shows has changed
            return
        self.parts = shares_by_workload(base, params) if base is not None else {c: [] for c in self.codes}
        self.base, self.params, self.unit = base, params, unit
        self.dataChanged.emit(self.index(0, 0), self.index(len(self.codes) - 1, self.EXPLANATION))

    def weight(self, code: str) -> float:
        return float(self.params.share_weights.get(code, 1.0))

    def explanation(self, code: str) -> str:
        parts = self.parts.get(code, [])
        if not parts:
            return _tr("この業務を担当するシステムが在庫表にありません（移行経費0円）。")
        lines = []
        for p in parts:
            if p.total_weight == p.weight:
                lines.append(_tr("{0} {1} をこの業務だけで負担").format(p.name, yen_auto(p.migration_yen)))
            else:
                lines.append(_tr("{0} {1} × {2:g}/{3:g} = {4}").format(
                    p.name, yen_auto(p.migration_yen), p.weight, p.total_weight, yen_auto(p.migration_part)))
        return tr_join(lines)

    # Qt API
    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.codes)

    def flags(self, index):
        f = super().flags(index)
        if index.isValid() and index.column() == self.WEIGHT and self.params.share_rule == "weight":
            f |= Qt.ItemFlag.ItemIsEditable
        return f

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.codes):
            return None
        code, col = self.codes[index.row()], index.column()
        parts = self.parts.get(code, [])
        if role == Qt.ItemDataRole.DisplayRole:
            if col == self.WORKLOAD:
                return workload_label(code)
            if col == self.SYSTEMS:
                return tr_join(_tr("{0}（{1}）").format(p.name, yen(p.migration_yen, self.unit)) for p in parts) or "—"
            if col == self.WEIGHT:
                w = self.weight(code) if self.params.share_rule == "weight" else 1.0
                return f"{w:g}"
            if col == self.MIGRATION:
                return yen(sum(p.migration_part for p in parts), self.unit)
            if col == self.ANNUAL:
                return yen(sum(p.annual_part for p in parts), self.unit)
            return self.explanation(code)
        if role == Qt.ItemDataRole.EditRole and col == self.WEIGHT:
            return self.weight(code)
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == self.WEIGHT and self.params.share_rule != "weight":
                return _tr("配分ルールを「重み付け」にすると重みを編集できます（均等割ではすべて1）。")
            return self.explanation(code)
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (self.WEIGHT, self.MIGRATION, self.ANNUAL):
            return _RIGHT
        return None

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or index.column() != self.WEIGHT:
            return False
        try:
            weight = round(float(value), 2)
        except (TypeError, ValueError):
            return False
        if not 0 <= weight <= WEIGHT_MAX:
            return False
        code = self.codes[index.row()]
        if weight != self.weight(code):
            self.sig_weight_edited.emit(code, weight)
        return True


class WeightDelegate(QStyledItemDelegate):
    """A spin box 0–1000 with two decimals for a workload's weight."""

    def createEditor(self, parent, option, index):
        spin = QDoubleSpinBox(parent)
        spin.setRange(0.0, WEIGHT_MAX)
        spin.setDecimals(2)
        spin.setSingleStep(0.5)
        return spin


# ---------------------------------------------------------------- related work
class RelatedSystemsModel(_Table):
    """One row a system without workloads; the check says whether it counts as related work."""

    sig_related_toggled = Signal(str, bool)
    """The planner (un)checked a system: (system_id, counted). The view stores it (undoable)."""

    COUNTED, SYSTEM_ID, NAME, MIGRATION, LINKED, INELIGIBLE, EXPLANATION = range(7)
    SearchRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.base: CostBase | None = None
        self.rows: list = []                 # SystemCost of every system without workloads
        self.row_of: dict[str, int] = {}
        self.params = ScenarioParams()
        self.counted: dict[str, int] = {}    # system_id → ineligible cost (yen) in the result
        self.unit = "億円"
        self.headers = [_tr("関連作業"), _tr("システムID"), _tr("システム名"), _tr("移行経費見込"),
                        _tr("連携する標準化対象業務"), _tr("補助対象外経費"), _tr("説明")]

    def set_state(self, base: CostBase | None, params: ScenarioParams, result: SubsidyResult | None,
                  unit: str) -> None:
        """Show which systems ``result`` counts as related work. Only the rows whose figures
        changed are announced (a slider move touches none of them unless it moves their cost)."""
        counted = {r.system_id: r.ineligible_cost for r in result.related} if result is not None else {}
        if base is not self.base:
            self.beginResetModel()
            self.base = base
            self.rows = [s for s in base.systems if not s.workloads] if base is not None else []
            self.row_of = {s.system_id: i for i, s in enumerate(self.rows)}
            self.params, self.counted, self.unit = params, counted, unit
            self.endResetModel()
            return
        old, old_params = self.counted, self.params
        rule_changed = (params.related_rule, unit) != (old_params.related_rule, self.unit)
        self.params, self.counted, self.unit = params, counted, unit
        if not self.rows:
            return
        if rule_changed:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, self.EXPLANATION))
            return
        # A row's explanation depends on the rule and on its own membership of the two lists.
        touched = (set(params.related_systems) ^ set(old_params.related_systems)) | (
            set(params.related_excluded) ^ set(old_params.related_excluded))
        touched |= {s for s in old.keys() | counted.keys() if old.get(s) != counted.get(s)}
        changed = [self.row_of[s] for s in touched if s in self.row_of]
        ranges = _ranges(changed)
        if len(ranges) > 16:       # e.g. the escalation moved every counted system's cost: one signal
            ranges = [(ranges[0][0], ranges[-1][1])]
        for first, last in ranges:
            self.dataChanged.emit(self.index(first, 0), self.index(last, self.EXPLANATION))

    def is_counted(self, system_id: str) -> bool:
        return system_id in self.counted

    # Qt API
    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def flags(self, index):
        f = super().flags(index)
        if index.isValid() and index.column() == self.COUNTED:
            f |= Qt.ItemFlag.ItemIsUserCheckable
            if self.params.related_rule == "none":
                f &= ~Qt.ItemFlag.ItemIsEnabled
        return f

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        s, col = self.rows[index.row()], index.column()
        if role == Qt.ItemDataRole.CheckStateRole and col == self.COUNTED:
            return Qt.CheckState.Checked if s.system_id in self.counted else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.DisplayRole:
            if col == self.COUNTED:
                return _tr("数える") if s.system_id in self.counted else ""
            if col == self.SYSTEM_ID:
                return s.system_id
            if col == self.NAME:
                return s.name
            if col == self.MIGRATION:
                return _tr("未記入") if s.migration_missing else yen(s.migration_yen, self.unit)
            if col == self.LINKED:
                codes = self.base.linked_related.get(s.system_id, ()) if self.base else ()
                return tr_join(workload_label(c) for c in codes)
            if col == self.INELIGIBLE:
                cost = self.counted.get(s.system_id)
                return "" if cost is None else yen(cost, self.unit)
            return self._reason(s.system_id)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._reason(s.system_id)
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (self.MIGRATION, self.INELIGIBLE):
            return _RIGHT
        if role == self.SearchRole:
            return f"{s.system_id} {s.name}"
        return None

    def _reason(self, system_id: str) -> str:
        return tr_core(related_reason(self.base, self.params, system_id)) if self.base is not None else ""

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or not index.isValid() or index.column() != self.COUNTED:
            return False
        if self.params.related_rule == "none":
            return False
        state = value.value if isinstance(value, Qt.CheckState) else int(value)
        sid = self.rows[index.row()].system_id
        wanted = state == Qt.CheckState.Checked.value
        if wanted != self.is_counted(sid):
            self.sig_related_toggled.emit(sid, wanted)
        return True


def related_params(params: ScenarioParams, base: CostBase, system_id: str, counted: bool) -> ScenarioParams:
    """``params`` with ``system_id`` counted (or not) as related work, the rule kept.

    Under 「連携先」 a linked system is counted unless excluded, so (un)checking it edits
    ``related_excluded``; any other system is counted when listed in ``related_systems``.
    """
    listed = [s for s in params.related_systems if s != system_id]
    excluded = [s for s in params.related_excluded if s != system_id]
    if params.related_rule == "linked" and system_id in base.linked_related:
        if not counted:
            excluded.append(system_id)
    elif counted:
        listed.append(system_id)
    return params.with_(related_systems=listed, related_excluded=excluded)


def search_proxy(model: RelatedSystemsModel, parent=None) -> QSortFilterProxyModel:
    """A proxy that keeps the rows whose ID or name contains the typed text (case-insensitive)."""
    proxy = QSortFilterProxyModel(parent)
    proxy.setSourceModel(model)
    proxy.setFilterRole(RelatedSystemsModel.SearchRole)
    proxy.setFilterKeyColumn(RelatedSystemsModel.SYSTEM_ID)
    proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    return proxy
