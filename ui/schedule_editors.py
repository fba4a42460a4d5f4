"""Small editors of the schedule view: the blackout months and a workload's causes of delay.

Both show a setting and emit the planner's new choice; the view turns it into an undoable core
command (``BlackoutCommand`` / ``FlagsCommand``) and re-plans. ``show_*`` methods refresh the boxes
without emitting, so that an undo or a re-plan never echoes back as an edit.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QCheckBox, QGroupBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from migration_planner.schedule.catalog import FLAG_CUSTOM_BUILT, FLAG_MAINFRAME, FLAG_NO_PRODUCT, FLAGS


def _tr(text: str) -> str:
    return QCoreApplication.translate("ScheduleEditors", text)


def flag_labels() -> dict[str, str]:
    """The causes as the planner reads them (the same words as the table's 要因 column)."""
    return {
        FLAG_CUSTOM_BUILT: _tr("独自開発（カスタマイズ）"),
        FLAG_NO_PRODUCT: _tr("標準準拠製品の提供が間に合わない"),
        FLAG_MAINFRAME: _tr("メインフレーム"),
    }


class BlackoutEditor(QWidget):
    """Twelve month check boxes: checked months allow no cut-over (default April–May)."""

    sig_months_changed = Signal(tuple)
    """The planner checked or unchecked a month: the new blackout months (sorted)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(2)
        title = QLabel(self.tr("切替禁止月"), self)
        title.setToolTip(self.tr("チェックした月には移行（⑱運用開始）を始めも終えもしません。"
                                 "既定は4月・5月（転入転出の繁忙期）。"))
        lay.addWidget(title)
        self.boxes: list[QCheckBox] = []
        for m in range(1, 13):
            box = QCheckBox(self.tr("{0}月").format(m), self)
            box.setAccessibleName(self.tr("{0}月を切替禁止にする").format(m))
            box.toggled.connect(self._toggled)
            lay.addWidget(box)
            self.boxes.append(box)
        title.setBuddy(self.boxes[0])

    def months(self) -> tuple[int, ...]:
        return tuple(m for m, box in enumerate(self.boxes, start=1) if box.isChecked())

    def show_months(self, months) -> None:
        chosen = set(months)
        for m, box in enumerate(self.boxes, start=1):
            box.blockSignals(True)
            box.setChecked(m in chosen)
            box.blockSignals(False)

    def set_month(self, month: int, checked: bool) -> None:
        """Check or uncheck one month, as a click would."""
        self.boxes[month - 1].setChecked(checked)

    def _toggled(self, _checked: bool) -> None:
        self.sig_months_changed.emit(self.months())


class CauseFlagsEditor(QGroupBox):
    """The causes of delay a planner records for the selected workload."""

    sig_flags_changed = Signal(str, tuple)
    """The planner changed a workload's causes: its code and the new flags (catalog.FLAGS order)."""

    def __init__(self, parent=None) -> None:
        super().__init__(self.tr("遅延要因（担当者の判断）"), parent)
        self.setToolTip(self.tr("期限超過のとき「要因」に表示します。チェックがなくても、"
                                "システムの備考から要因を読み取ることがあります。"))
        self.code: str | None = None
        lay = QVBoxLayout(self)
        self.boxes: dict[str, QCheckBox] = {}
        for flag, label in flag_labels().items():
            box = QCheckBox(label, self)
            box.toggled.connect(self._toggled)
            lay.addWidget(box)
            self.boxes[flag] = box
        self.setEnabled(False)

    def flags(self) -> tuple[str, ...]:
        return tuple(f for f in FLAGS if self.boxes[f].isChecked())

    def show_flags(self, code: str | None, flags) -> None:
        self.code = code
        chosen = set(flags)
        for f, box in self.boxes.items():
            box.blockSignals(True)
            box.setChecked(f in chosen)
            box.blockSignals(False)
        self.setEnabled(code is not None)

    def set_flag(self, flag: str, checked: bool) -> None:
        """Check or uncheck one cause, as a click would."""
        self.boxes[flag].setChecked(checked)

    def _toggled(self, _checked: bool) -> None:
        if self.code is not None:
            self.sig_flags_changed.emit(self.code, self.flags())
