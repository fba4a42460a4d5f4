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
    """Systems were imported or edited."""
    sig_placement_changed = Signal()
    """Overrides changed (placement of some systems moved)."""
    sig_schedule_changed = Signal()
    """Workload edges, estimates, progress or schedule settings changed: re-plan."""
    sig_scenarios_changed = Signal()
    """Subsidy scenarios were added, edited, renamed or removed."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.plan: Plan | None = None
        self.undo_stack = QUndoStack(self)

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
