"""The placement board: four lanes of system cards, one per destination, in the decision order.

Dragging a card to another lane overrules the automatic placement: the board asks for the reason
(required) and pushes an undoable command onto the shared undo stack. Dropping a card back on its
automatic lane removes the override. A card's context menu does the same without dragging.
"""

from __future__ import annotations

import bisect
import json
from collections.abc import Callable

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QItemSelectionModel,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette, QUndoCommand
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListView,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from migration_planner.placement import (
    DESTINATIONS,
    GROUPS,
    Classified,
    OverrideCommand,
    PlacementError,
    classify,
    in_group,
)
from ui.context import PlanContext
from ui.i18n import tr_core, tr_lines
from ui.lazy import WhenShown

MIME_SYSTEMS = "application/x-migration-planner-system-ids"
ItemRole = Qt.ItemDataRole.UserRole + 1
"""The row's :class:`Classified`."""
SystemIdRole = Qt.ItemDataRole.UserRole + 2

#: Lane colours (header band and card edge), calm and distinguishable in grey scale too.
LANE_COLOURS = {
    "gov_cloud": QColor("#1f5fa8"),
    "saas": QColor("#2e8b57"),
    "common_cloud": QColor("#c47f00"),
    "on_premises": QColor("#7a4b94"),
}


def lane_titles() -> dict[str, str]:
    """The destinations' names as the interface shows them (translatable)."""
    t = QCoreApplication.translate
    return {
        "gov_cloud": t("PlacementBoard", "ガバメントクラウド"),
        "saas": t("PlacementBoard", "SaaS"),
        "common_cloud": t("PlacementBoard", "大阪市共通クラウド"),
        "on_premises": t("PlacementBoard", "オンプレミス"),
    }


def format_cost_k(amount_k: int) -> str:
    """An amount in 千円 as planners read it: ``12,800千円`` below 1億円, ``486百万円`` above it."""
    t = QCoreApplication.translate
    if amount_k < 100_000:
        return t("PlacementBoard", "{0}千円").format(f"{amount_k:,}")
    return t("PlacementBoard", "{0}百万円").format(f"{round(amount_k / 1000):,}")


# ---------------------------------------------------------------- undo
class CoreUndoCommand(QUndoCommand):
    """A ``QUndoCommand`` around a core command with ``apply(plan, redo=)`` / ``revert(plan)`` / ``text``.

    ``what`` is the :meth:`PlanContext.notify` topic emitted after each redo and undo; a placement
    command of one system (``system_id``: an override, its clearing or confirming) names it, so that
    the table and the board redraw that system alone.
    """

    def __init__(self, context: PlanContext, command, what: str = "placement", parent: QUndoCommand | None = None):
        super().__init__(tr_core(command.text), parent)
        self.context = context
        self.command = command
        self.what = what
        self._done = False

    def redo(self) -> None:
        self.command.apply(self.context.plan, redo=self._done)
        self._done = True
        self._notify()

    def undo(self) -> None:
        self.command.revert(self.context.plan)
        self._notify()

    def _notify(self) -> None:
        system_id = getattr(self.command, "system_id", None)
        if self.what == "placement" and isinstance(system_id, str):
            self.context.notify_placement_changed([system_id])
        else:
            self.context.notify(self.what)


# ---------------------------------------------------------------- the reason dialog
class ReasonDialog(QDialog):
    """Asks why a system moves; OK stays disabled until a reason is written."""

    def __init__(self, message: str, parent=None, *, required: bool = True) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("移行先の変更"))
        self.setModal(True)
        self.resize(460, 220)
        layout = QVBoxLayout(self)
        label = QLabel(message, self)
        label.setWordWrap(True)
        layout.addWidget(label)
        self.edit = QPlainTextEdit(self)
        self.edit.setPlaceholderText(self.tr("理由（必須）：例）特殊機器と直結しているため共通クラウドへは移せない"))
        self.edit.setTabChangesFocus(True)
        layout.addWidget(self.edit)
        note = QLabel(self.tr("理由は変更者・日時とともに履歴に残ります。"), self)
        note.setStyleSheet("color: palette(mid);")
        layout.addWidget(note)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._required = required
        self.edit.textChanged.connect(self._update_ok)
        self._update_ok()
        self.edit.setFocus()

    @property
    def ok_button(self):
        return self.buttons.button(QDialogButtonBox.StandardButton.Ok)

    def _update_ok(self) -> None:
        self.ok_button.setEnabled(bool(self.reason()) or not self._required)

    def reason(self) -> str:
        return self.edit.toPlainText().strip()


# ---------------------------------------------------------------- lane model
class LaneModel(QAbstractListModel):
    """The cards of one lane. Drags carry system ids; a drop asks the board to move them here."""

    def __init__(self, destination: str, board: "PlacementBoard | None" = None, parent=None) -> None:
        super().__init__(parent)
        self.destination = destination
        self._board = board
        self._items: list[Classified] = []

    # -- content
    def set_items(self, items: list[Classified]) -> None:
        self.beginResetModel()
        self._items = list(items)
        self.endResetModel()

    def items(self) -> list[Classified]:
        return list(self._items)

    def item(self, row: int) -> Classified:
        return self._items[row]

    def row_of(self, system_id: str) -> int:
        return next((i for i, c in enumerate(self._items) if c.system_id == system_id), -1)

    def place_of(self, system_id: str, position: Callable[[str], int]) -> tuple[int, bool]:
        """(row, present): where the card of ``system_id`` is, or would go, given each system's
        ``position`` in the inventory (the cards are in inventory order)."""
        items = self._items
        row = bisect.bisect_left(items, position(system_id), key=lambda c: position(c.system_id))
        return row, row < len(items) and items[row].system_id == system_id

    def replace_row(self, row: int, item: Classified) -> None:
        self._items[row] = item
        index = self.index(row)
        self.dataChanged.emit(index, index)

    def insert_row(self, row: int, item: Classified) -> None:
        self.beginInsertRows(QModelIndex(), row, row)
        self._items.insert(row, item)
        self.endInsertRows()

    def remove_row(self, row: int) -> None:
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._items[row]
        self.endRemoveRows()

    # -- Qt model
    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._items)

    def data(self, index: QModelIndex | QPersistentModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        c = self._items[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return c.name
        if role == Qt.ItemDataRole.ToolTipRole:
            return _tooltip(c)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{c.name} {c.system_id} {c.department}"
        if role == ItemRole:
            return c
        if role == SystemIdRole:
            return c.system_id
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME_SYSTEMS]

    def mimeData(self, indexes) -> QMimeData:
        ids = list(dict.fromkeys(self._items[i.row()].system_id for i in indexes if i.isValid()))
        mime = QMimeData()
        mime.setData(MIME_SYSTEMS, json.dumps(ids).encode("utf-8"))
        mime.setText("\n".join(ids))
        return mime

    def canDropMimeData(self, data, action, row, column, parent) -> bool:
        return data is not None and data.hasFormat(MIME_SYSTEMS) and action in (Qt.DropAction.MoveAction, Qt.DropAction.CopyAction)

    def dropMimeData(self, data, action, row, column, parent) -> bool:
        if not self.canDropMimeData(data, action, row, column, parent) or self._board is None:
            return False
        ids = json.loads(bytes(data.data(MIME_SYSTEMS)).decode("utf-8"))
        # Ask for the reason once the drag has finished (a modal dialog inside a drop event is fragile
        # on some platforms). Rows are never inserted or removed by the drop itself: the board reloads
        # from the plan, so a refused or cancelled move leaves every lane as it was.
        QTimer.singleShot(0, self, lambda: self._board.request_move(ids, self.destination))
        return False


def _tooltip(c: Classified) -> str:
    t = QCoreApplication.translate
    lines = [f"{c.system_id} {c.name}", f"{c.department}・{c.tier}"]
    lines += tr_lines(c.reasons)
    if c.override is not None:
        lines.append(t("PlacementBoard", "手動設定：{0}（{1}、{2}）").format(
            c.override.reason, c.override.user, c.override.at.strftime("%Y-%m-%d %H:%M") if c.override.at else ""))
        lines.append(t("PlacementBoard", "自動判定：{0}").format(lane_titles()[c.automatic_destination]))
    if c.needs_review:
        lines.append(t("PlacementBoard", "要確認：手動設定の後に判定の入力が変わりました"))
    if c.window is not None:
        lines.append(tr_core(c.window.label()))
    return "\n".join(lines)


# ---------------------------------------------------------------- card painting
class CardDelegate(QStyledItemDelegate):
    """Paints a row as a card: name, id and department, and badges (caveat, manual, review)."""

    HEIGHT = 52

    def __init__(self, colour: QColor, parent=None) -> None:
        super().__init__(parent)
        self.colour = colour

    def sizeHint(self, option: QStyleOptionViewItem, index) -> QSize:
        # Narrow on purpose: the list stretches cards to the lane's width, never scrolls sideways.
        return QSize(120, self.HEIGHT)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index) -> None:
        c: Classified | None = index.data(ItemRole)
        if c is None:
            return super().paint(painter, option, index)
        t = QCoreApplication.translate
        pal = option.palette
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        card = option.rect.adjusted(4, 3, -4, -3)
        painter.setPen(pal.color(QPalette.ColorRole.Highlight) if selected else pal.color(QPalette.ColorRole.Mid))
        painter.setBrush(pal.color(QPalette.ColorRole.AlternateBase) if selected else pal.color(QPalette.ColorRole.Base))
        painter.drawRoundedRect(card, 5, 5)
        painter.fillRect(QRect(card.left(), card.top() + 1, 4, card.height() - 1), self.colour)

        text_left = card.left() + 10
        badges = []
        if c.needs_review:
            badges.append((t("PlacementBoard", "要確認"), QColor("#c0392b")))
        if c.overridden:
            badges.append((t("PlacementBoard", "手動"), QColor("#1f5fa8")))
        if c.caveat:
            badges.append((t("PlacementBoard", "SaaS適合 未検討"), QColor("#b9770e")))
        small = QFont(option.font)
        small.setPointSizeF(max(option.font.pointSizeF() * 0.85, 7))
        sfm = QFontMetrics(small)
        right = card.right() - 6
        painter.setFont(small)
        for label, colour in badges:
            w = sfm.horizontalAdvance(label) + 10
            rect = QRect(right - w, card.top() + 5, w, sfm.height() + 2)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colour)
            painter.drawRoundedRect(rect, 3, 3)
            painter.setPen(QColor("white"))
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, label)
            right = rect.left() - 4

        bold = QFont(option.font)
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(pal.color(QPalette.ColorRole.Text))
        name_rect = QRect(text_left, card.top() + 4, max(right - text_left, 20), QFontMetrics(bold).height())
        painter.drawText(name_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         QFontMetrics(bold).elidedText(c.name, Qt.TextElideMode.ElideRight, name_rect.width()))
        painter.setFont(small)
        painter.setPen(pal.color(QPalette.ColorRole.PlaceholderText))
        sub = f"{c.system_id}・{c.department}・{t('PlacementBoard', 'サーバ {0}台').format(c.servers)}"
        sub_rect = QRect(text_left, card.bottom() - sfm.height() - 5, card.right() - text_left - 6, sfm.height())
        painter.drawText(sub_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         sfm.elidedText(sub, Qt.TextElideMode.ElideRight, sub_rect.width()))
        painter.restore()


# ---------------------------------------------------------------- one lane
class Lane(QFrame):
    """A lane: a header (title, count, servers, annual running cost) over a list of cards."""

    def __init__(self, destination: str, board: "PlacementBoard") -> None:
        super().__init__(board)
        self.destination = destination
        self.setFrameShape(QFrame.Shape.StyledPanel)
        colour = LANE_COLOURS[destination]
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(4)
        self.title = QLabel(self)
        self.title.setTextFormat(Qt.TextFormat.RichText)
        self.title.setStyleSheet(f"background: {colour.name()}; color: white; padding: 6px; border-radius: 4px;")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.title)
        self.model = LaneModel(destination, board, self)
        self.view = QListView(self)
        self.view.setModel(self.model)
        self.view.setItemDelegate(CardDelegate(colour, self.view))
        self.view.setUniformItemSizes(True)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.view.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.view.setDragEnabled(True)
        self.view.setAcceptDrops(True)
        self.view.setDropIndicatorShown(True)
        self.view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.setResizeMode(QListView.ResizeMode.Adjust)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(lambda pos: board.show_card_menu(self, pos))
        self.view.setAccessibleName(lane_titles()[destination])
        layout.addWidget(self.view, 1)

    def set_items(self, items: list[Classified]) -> None:
        self.model.set_items(items)
        costs = [c.annual_cost for c in items if c.annual_cost is not None]
        # systems, servers, annual cost, systems with a cost: kept as cards come and go (update_card)
        self._totals = [len(items), sum(c.servers for c in items), sum(costs), len(costs)]
        self.show_totals()

    def update_card(self, old: Classified | None, new: Classified | None, position: Callable[[str], int]) -> bool:
        """Replace, remove (``new`` None) or add (``old`` None) one system's card, in inventory
        order; the header's totals follow when :meth:`show_totals` is called. False when the lane
        does not hold the card it should (the caller reloads)."""
        model = self.model
        row, present = model.place_of((old or new).system_id, position)
        if present != (old is not None):
            return False
        if old is not None and new is not None:
            model.replace_row(row, new)
        elif new is not None:
            model.insert_row(row, new)
        else:
            model.remove_row(row)
        for c, sign in ((old, -1), (new, 1)):
            if c is not None:
                self._totals[0] += sign
                self._totals[1] += sign * c.servers
                if c.annual_cost is not None:
                    self._totals[2] += sign * c.annual_cost
                    self._totals[3] += sign
        return True

    def show_totals(self) -> None:
        t = QCoreApplication.translate
        count, servers, cost_k, costed = self._totals
        cost = format_cost_k(cost_k) if costed else "—"
        if costed < count and costed:
            cost += t("PlacementBoard", "（未記入 {0}件）").format(count - costed)
        self.title.setText(
            f"<b style='font-size:larger'>{lane_titles()[self.destination]}</b><br>"
            + t("PlacementBoard", "{0}システム・サーバ {1}台").format(count, f"{servers:,}")
            + "<br>" + t("PlacementBoard", "年間運用経費 {0}").format(cost)
        )
        self.title.setToolTip(t("PlacementBoard", "年間運用経費は千円単位の入力の合計です。"))

    def selected_ids(self) -> list[str]:
        rows = sorted(i.row() for i in self.view.selectionModel().selectedIndexes())
        return [self.model.item(r).system_id for r in rows]


# ---------------------------------------------------------------- the board
class PlacementBoard(QWidget):
    """Four lanes of system cards; moving a card is an override with a reason, undoable."""

    sig_system_activated = Signal(str)
    """A card was double-clicked (system_id): the window may show it in the inventory."""

    def __init__(self, context: PlanContext, parent=None) -> None:
        super().__init__(parent)
        self.context = context
        self._items: list[Classified] = []
        self._position: dict[str, int] = {}     # system_id → its index in _items (inventory order)
        self._counts = [0, 0, 0]                # cards shown, of which overridden, needing review
        self._edited_unseen: dict[str, None] = {}   # systems edited while the board was hidden
        self._lazy = WhenShown(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)

        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("優先して検討するグループ："), self))
        group_titles = {
            "budget_request": self.tr("予算要求あり"),
            "renewal_soon": self.tr("2年度以内に更新"),
            "large_scale": self.tr("規模 大"),
        }
        self.group_boxes: dict[str, QCheckBox] = {}
        for key in GROUPS:
            box = QCheckBox(group_titles.get(key, key), self)
            box.toggled.connect(self._refill)
            bar.addWidget(box)
            self.group_boxes[key] = box
        bar.addStretch(1)
        self.summary = QLabel(self)
        bar.addWidget(self.summary)
        layout.addLayout(bar)

        lanes = QHBoxLayout()
        lanes.setSpacing(6)
        self.lanes: dict[str, Lane] = {}
        for dest in DESTINATIONS:
            lane = Lane(dest, self)
            lane.view.doubleClicked.connect(lambda index: self.sig_system_activated.emit(index.data(SystemIdRole)))
            lanes.addWidget(lane, 1)
            self.lanes[dest] = lane
        layout.addLayout(lanes, 1)

        hint = QLabel(self.tr("カードを別の列へドラッグすると移行先を変更できます（理由が必要です）。右クリックでも変更・解除できます。"), self)
        hint.setStyleSheet("color: palette(mid);")
        layout.addWidget(hint)

        # Hidden (another tab in front), the board does not redraw: it catches up once when shown.
        context.sig_plan_opened.connect(self._reload_when_shown)
        context.sig_systems_changed.connect(self._systems_changed)
        context.sig_systems_edited.connect(self._systems_edited)
        context.sig_placement_changed.connect(self._placement_changed)
        self.reload()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._lazy.shown()

    # -- reading
    def lane_model(self, destination: str) -> LaneModel:
        return self.lanes[destination].model

    def item(self, system_id: str) -> Classified | None:
        i = self._position.get(system_id)
        return None if i is None else self._items[i]

    @property
    def stale(self) -> bool:
        """Whether changes of the plan wait for the board to be shown."""
        return self._lazy.stale

    def _reload_when_shown(self) -> None:
        self._lazy.request(self.reload, full=True)

    def _systems_changed(self) -> None:
        if self.context.edited_ids is None:  # an import or another change to any system
            self._reload_when_shown()
        # else an edit, its undo or redo: _systems_edited has taken it (sig_systems_edited)

    def _placement_changed(self) -> None:
        ids = self.context.placement_ids
        if ids is None:  # any system's placement may have moved
            self._reload_when_shown()
        else:  # an override of these systems (a move, its undo or redo): their cards only
            self._systems_edited(ids)

    def _systems_edited(self, system_ids: list[str]) -> None:
        self._edited_unseen.update(dict.fromkeys(system_ids))
        self._lazy.request(self._show_edits)

    def _show_edits(self) -> None:
        ids, self._edited_unseen = list(self._edited_unseen), {}
        self.update_systems(ids)

    def reload(self) -> None:
        plan = self.context.plan
        self._edited_unseen = {}
        self._items = classify(plan) if plan is not None else []
        self._position = {c.system_id: i for i, c in enumerate(self._items)}
        self._refill()

    def _active_groups(self) -> list[str]:
        return [k for k, box in self.group_boxes.items() if box.isChecked()]

    def _refill(self) -> None:
        active = self._active_groups()
        shown = [c for c in self._items if all(in_group(c, k) for k in active)]
        for dest, lane in self.lanes.items():
            lane.set_items([c for c in shown if c.destination == dest])
        self._counts = [len(shown), sum(c.overridden for c in shown), sum(c.needs_review for c in shown)]
        self._show_summary()

    def _show_summary(self) -> None:
        shown, overridden, review = self._counts
        text = self.tr("{0}システム表示（全{1}）・手動設定 {2}件").format(shown, len(self._items), overridden)
        if review:
            text += self.tr("・要確認 {0}件").format(review)
        self.summary.setText(text)

    def update_systems(self, system_ids: list[str]) -> None:
        """Show an edit of these systems (or its undo or redo): their cards only.

        A system's placement depends on nothing but its own inputs and override, so those systems
        alone are classified again and their cards replaced, moved to another lane, or taken out of
        or put into the lanes (the group filters apply as in a reload); the lane headers and the
        summary follow. Other cards, and their selection, stay as they are; a moved card stays
        selected in its new lane. A system the plan or the board does not hold brings a full reload.
        """
        plan = self.context.plan
        ids = list(dict.fromkeys(system_ids))
        if plan is None or not ids:
            return
        fresh = classify(plan, ids=ids)
        if len(fresh) != len(ids) or any(c.system_id not in self._position for c in fresh):
            self.reload()
            return
        active = self._active_groups()
        position = self._position.__getitem__
        touched: set[str] = set()
        for new in fresh:
            i = self._position[new.system_id]
            old, self._items[i] = self._items[i], new
            before = old if all(in_group(old, k) for k in active) else None
            after = new if all(in_group(new, k) for k in active) else None
            if before is None and after is None:
                continue
            if before is not None and after is not None and before.destination == after.destination:
                steps = [(self.lanes[after.destination], before, after)]  # the card changes in place
            else:  # it leaves a lane, joins one, or both (it moves)
                steps = [(self.lanes[c.destination], b, a) for c, b, a in
                         ((before, before, None), (after, None, after)) if c is not None]
            moves = len(steps) == 2
            selected = moves and self._is_selected(self.lanes[old.destination], old.system_id)
            for lane, b, a in steps:
                if not lane.update_card(b, a, position):
                    self.reload()
                    return
                touched.add(lane.destination)
            if selected:
                self._select(self.lanes[new.destination], new.system_id)
            for c, sign in ((before, -1), (after, 1)):
                if c is not None:
                    self._counts[0] += sign
                    self._counts[1] += sign * c.overridden
                    self._counts[2] += sign * c.needs_review
        for dest in touched:
            self.lanes[dest].show_totals()
        self._show_summary()

    def _is_selected(self, lane: Lane, system_id: str) -> bool:
        row, present = lane.model.place_of(system_id, self._position.__getitem__)
        return present and lane.view.selectionModel().isSelected(lane.model.index(row))

    def _select(self, lane: Lane, system_id: str) -> None:
        row, present = lane.model.place_of(system_id, self._position.__getitem__)
        if present:
            lane.view.selectionModel().select(lane.model.index(row), QItemSelectionModel.SelectionFlag.Select)

    # -- moving
    def ask_reason(self, system_ids: list[str], destination: str) -> str | None:
        """Ask the planner why; None when cancelled. (Tests replace this method.)"""
        titles = lane_titles()
        names = "、".join(f"{sid} {self.item(sid).name}" for sid in system_ids[:5] if self.item(sid))
        if len(system_ids) > 5:
            names += self.tr(" ほか{0}件").format(len(system_ids) - 5)
        dialog = ReasonDialog(self.tr("{0} の移行先を「{1}」に変更します。理由を入力してください。").format(names, titles[destination]), self)
        return dialog.reason() if dialog.exec() == QDialog.DialogCode.Accepted else None

    def request_move(self, system_ids: list[str], destination: str) -> bool:
        """What a drop does: ask for the reason once, then move every system that changes lane."""
        moving = [sid for sid in system_ids if (c := self.item(sid)) is not None and c.destination != destination]
        if not moving:
            return False
        reason = self.ask_reason(moving, destination)
        if not reason:
            return False
        return self.move_systems(moving, destination, reason)

    def move_system(self, system_id: str, destination: str, reason: str) -> bool:
        """Move one system to ``destination`` for ``reason`` as one undoable step."""
        return self.move_systems([system_id], destination, reason)

    def move_systems(self, system_ids: list[str], destination: str, reason: str) -> bool:
        """Move systems as one undoable step. A system dropped back on its automatic lane loses its
        override instead. Returns whether anything changed."""
        plan = self.context.plan
        if plan is None:
            return False
        try:
            commands = [cmd for sid in system_ids if (cmd := self._command_for(sid, destination, reason))]
        except PlacementError as exc:
            QMessageBox.warning(self, self.tr("移行先を変更できません"), str(exc))
            return False
        self._push(commands, self.tr("{0}件の移行先を {1} に変更").format(len(commands), lane_titles()[destination]))
        return bool(commands)

    def _command_for(self, system_id: str, destination: str, reason: str) -> OverrideCommand | None:
        c = self.item(system_id)
        if c is None or c.destination == destination:
            return None
        if c.overridden and c.automatic_destination == destination:
            return OverrideCommand.clear(self.context.plan, system_id, reason)
        return OverrideCommand.set(self.context.plan, system_id, destination, reason)

    def clear_override(self, system_id: str, reason: str = "") -> bool:
        c = self.item(system_id)
        if c is None or not c.overridden:
            return False
        self._push([OverrideCommand.clear(self.context.plan, system_id, reason)], "")
        return True

    def confirm_override(self, system_id: str) -> bool:
        c = self.item(system_id)
        if c is None or not c.needs_review:
            return False
        self._push([OverrideCommand.confirm(self.context.plan, system_id)], "")
        return True

    def _push(self, commands: list, macro_text: str) -> None:
        stack = self.context.undo_stack
        if len(commands) == 1:
            stack.push(CoreUndoCommand(self.context, commands[0]))
        elif commands:
            stack.beginMacro(macro_text)
            for cmd in commands:
                stack.push(CoreUndoCommand(self.context, cmd))
            stack.endMacro()

    # -- context menu
    def show_card_menu(self, lane: Lane, pos) -> None:
        index = lane.view.indexAt(pos)
        if not index.isValid():
            return
        if not lane.view.selectionModel().isSelected(index):
            lane.view.setCurrentIndex(index)
        ids = lane.selected_ids() or [index.data(SystemIdRole)]
        menu = self.card_menu(ids)
        menu.exec(lane.view.viewport().mapToGlobal(pos))

    def card_menu(self, system_ids: list[str]) -> QMenu:
        menu = QMenu(self)
        titles = lane_titles()
        move = menu.addMenu(self.tr("移行先を変更"))
        current = {self.item(s).destination for s in system_ids if self.item(s)}
        for dest in DESTINATIONS:
            act = move.addAction(titles[dest])
            act.setEnabled(current != {dest})
            act.triggered.connect(lambda _c=False, d=dest: self.request_move(system_ids, d))
        first = self.item(system_ids[0]) if len(system_ids) == 1 else None
        if first is not None and first.overridden:
            act = menu.addAction(self.tr("手動設定を解除（自動判定「{0}」に戻す）").format(titles[first.automatic_destination]))
            act.triggered.connect(lambda: self.clear_override(first.system_id))
        if first is not None and first.needs_review:
            act = menu.addAction(self.tr("入力の変更を確認済みにする（手動設定を維持）"))
            act.triggered.connect(lambda: self.confirm_override(first.system_id))
        return menu


# ---------------------------------------------------------------- the inventory table and detail panel
# Ready-made pieces for the window: placement columns for the inventory table, and the trace and
# audit sections of the detail panel. They read the per-system annotation made by
# :func:`placement_annotations`.
def placement_annotations(plan, records=None, *, subset: bool = False) -> dict[str, dict]:
    """system_id → {"placement": Classified, "audit": [audit lines, oldest first]} ("audit" only where
    there is history: a 100k-system plan is mostly unchanged systems).

    ``records`` are the plan's records when the caller has read them already (the window's table
    shows them): classified as they are, not read a second time. With ``subset`` they are a few of
    the plan's systems (just edited): their overrides and history are read by system, not the
    plan's whole (a system's placement depends on nothing but its own inputs and override).
    """
    from migration_planner.placement import audit_line, classify_records, overrides

    if plan is None:
        return {}
    if subset:
        ids = [r.system_id for r in records]
        classified = classify_records(records, overrides(plan, ids))
        history = (e for system_id in ids for e in plan.audit(system_id))
    else:
        classified = classify(plan) if records is None else classify_records(records, overrides(plan))
        history = plan.audit()
    out: dict[str, dict] = {c.system_id: {"placement": c} for c in classified}
    for entry in history:
        if entry.system_id in out and entry.action != "import":
            out[entry.system_id].setdefault("audit", []).append(audit_line(entry))
    return out


def placement_columns(tr) -> list:
    """Destination, step and override columns for ``ui.inventory_table`` (titles through ``tr``)."""
    from migration_planner.placement import STEP_OF
    from ui.inventory_table import Column

    def item(a) -> Classified | None:
        return a.get("placement")

    def dest_text(r, a):
        c = item(a)
        if c is None:
            return ""
        return lane_titles()[c.destination] + (" ⚠" if c.caveat else "")

    def override_text(r, a):
        c = item(a)
        if c is None or not c.overridden:
            return ""
        return tr("手動・要確認") if c.needs_review else tr("手動")

    def override_tip(r, a):
        c = item(a)
        if c is None or c.override is None:
            return ""
        return tr("理由：{0}\n変更者：{1}\n自動判定：{2}").format(
            c.override.reason, c.override.user, lane_titles()[c.automatic_destination])

    return [
        Column("destination", tr("移行先"), dest_text,
               lambda r, a: STEP_OF[item(a).destination] if item(a) else 9,
               tooltip=lambda r, a: "\n".join(tr_lines(item(a).reasons + ([item(a).caveat] if item(a).caveat else [])))
               if item(a) else "",
               foreground=lambda r, a: QColor("#c0392b") if item(a) and item(a).needs_review else None),
        Column("placement_step", tr("判定ステップ"), lambda r, a: str(item(a).step) if item(a) else "",
               lambda r, a: item(a).step if item(a) else 9, numeric=True),
        Column("override", tr("手動設定"), override_text,
               lambda r, a: (bool(item(a) and item(a).overridden), bool(item(a) and item(a).needs_review)),
               tooltip=override_tip),
    ]


def trace_section(record, annotation: dict):
    """Detail-panel section: the destination in force and every step of the decision."""
    import html

    c: Classified | None = annotation.get("placement")
    if c is None:
        return None
    t = QCoreApplication.translate
    e = html.escape
    parts = [f"<p><b>{e(lane_titles()[c.destination])}</b>"]
    if c.overridden:
        parts.append(e(t("PlacementBoard", "（手動設定。自動判定は{0}）").format(lane_titles()[c.automatic_destination])))
    parts.append("</p>")
    if c.caveat:
        parts.append(f"<p style='color:#b9770e'>⚠ {e(tr_core(c.caveat))}</p>")
    if c.needs_review:
        parts.append(f"<p style='color:#c0392b'>{e(t('PlacementBoard', '要確認：手動設定の後に判定の入力が変わりました'))}</p>")
    if c.override is not None:
        parts.append(f"<p>{e(t('PlacementBoard', '手動設定の理由：{0}').format(c.override.reason))}</p>")
    parts.append("<ol style='margin-left:-20px'>")
    for step in c.placement.trace:
        colour = {True: "#000", False: "#777", None: "#aaa"}[step.matched]
        parts.append(f"<li style='color:{colour}'>{e(tr_core(step.sentence))}</li>")
    parts.append("</ol>")
    if c.window is not None:
        parts.append(f"<p>{e(tr_core(c.window.label()))}</p>")
    return t("PlacementBoard", "移行先の判定"), "".join(parts)


def audit_section(record, annotation: dict):
    """Detail-panel section: the system's change history (overrides, edits, review flags)."""
    import html

    lines = annotation.get("audit")
    if not lines:
        return None
    body = "<ul style='margin-left:-20px'>" + "".join(f"<li>{html.escape(x)}</li>" for x in tr_lines(lines)) + "</ul>"
    return QCoreApplication.translate("PlacementBoard", "変更履歴"), body
