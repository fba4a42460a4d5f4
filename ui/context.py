"""The open plan as the views see it: one object, its undo stack, and what-changed signals.

Views take a :class:`PlanContext` in their constructor, read through ``context.plan`` and redraw
on the signals. Edits go through ``context.undo_stack`` (``QUndoCommand`` wrappers around plain
core commands), so every view shares one undo history (編集 → 元に戻す / やり直し).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

if TYPE_CHECKING:  # the window is up before SQLAlchemy is imported (issue 2)
    from migration_planner.store import Plan


class PlanContext(QObject):
    sig_plan_opened = Signal()
    """A different plan was opened (or the first one): every view reloads."""
    sig_systems_changed = Signal()
    """Systems were imported or edited (after an edit, :attr:`sig_systems_edited` came first)."""
    sig_systems_edited = Signal(list)
    """These systems' fields were edited, or such an edit undone or redone (their IDs): only their
    records and placement changed. :attr:`sig_systems_changed` follows, with :attr:`edited_ids` set."""
    sig_placement_changed = Signal()
    """Overrides changed (placement of some systems moved). After an override of known systems (a
    move on the board, its undo or redo), :attr:`placement_ids` names them while it is delivered."""
    sig_schedule_changed = Signal()
    """Workload edges, estimates, progress or schedule settings changed: re-plan."""
    sig_scenarios_changed = Signal()
    """Subsidy scenarios were added, edited, renamed or removed."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.plan: Plan | None = None
        self.undo_stack = QUndoStack(self)
        self._edited: list[str] | None = None
        self._placement: list[str] | None = None

    def set_plan(self, plan: Plan) -> None:
        old, self.plan = self.plan, plan
        self.undo_stack.clear()
        if old is not None and old is not plan:
            old.close()
        self.sig_plan_opened.emit()

    def notify(self, what: str) -> None:
        """Emit the signal for ``what`` ('systems', 'placement', 'schedule', 'scenarios')."""
        {
            "systems": self.sig_systems_changed,
            "placement": self.sig_placement_changed,
            "schedule": self.sig_schedule_changed,
            "scenarios": self.sig_scenarios_changed,
        }[what].emit()

    def notify_systems_edited(self, system_ids: list[str]) -> None:
        """Emit :attr:`sig_systems_edited` with ``system_ids``, then :attr:`sig_systems_changed`.

        Views that can redraw just those systems listen to the first and leave the second alone
        while :attr:`edited_ids` is set; the others reload on the second as after any change.
        """
        ids = list(dict.fromkeys(system_ids))
        self._edited = ids
        try:
            self.sig_systems_edited.emit(ids)
            self.sig_systems_changed.emit()
        finally:
            self._edited = None

    def notify_placement_changed(self, system_ids: list[str]) -> None:
        """Emit :attr:`sig_placement_changed` for overrides of ``system_ids`` only: views that can
        redraw just those systems read :attr:`placement_ids`; the others reload as after any change."""
        self._placement = list(dict.fromkeys(system_ids))
        try:
            self.sig_placement_changed.emit()
        finally:
            self._placement = None

    @property
    def placement_ids(self) -> list[str] | None:
        """While :attr:`sig_placement_changed` is delivered for known systems: their IDs; else None
        (any system's placement may have moved)."""
        return self._placement

    @property
    def edited_ids(self) -> list[str] | None:
        """While the signals of an edit are delivered: the edited systems' IDs; else None (any
        system may have changed)."""
        return self._edited
