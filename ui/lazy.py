"""Views that recompute only while they can be seen (issue 7 at 100,000 systems).

A view in a tab the planner is not looking at does not redraw on every change of the plan: it
notes what it owes and catches up once, when it is shown again — what a planner expects from
tabs. Without this, every cell edit in the inventory table cost seconds once the placement board
(or a chart, the schedule, the subsidy view) had been opened, even with that tab hidden.

Each view keeps a :class:`WhenShown` and routes its refreshes through :meth:`WhenShown.request`;
its ``showEvent`` calls :meth:`WhenShown.shown`.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget


class WhenShown:
    """A view's refreshes: run at once while the view is visible, else once when it is next shown.

    A refresh asked for with ``full=True`` redoes everything the view shows (a reload): waiting, it
    replaces the refreshes waiting before it and makes those asked for after it unnecessary.

    ``before_first_show``: whether refreshes run at once while the view has never been shown. The
    window builds a tab's view as the tab is opened, so in the window this state lasts no longer
    than the building; a view built and read without being shown (a script, a test, a menu reading
    its state) stays current as before. A view whose drawing needs showing (a chart: matplotlib is
    imported on first show) passes False.
    """

    def __init__(self, view: QWidget, *, before_first_show: bool = True) -> None:
        self.view = view
        self.before_first_show = before_first_show
        self.has_shown = False
        self._pending: dict[Callable[[], object], None] = {}   # in the order asked, once each
        self._full = False

    def visible(self) -> bool:
        """Whether a refresh would run now."""
        return self.view.isVisible() or (self.before_first_show and not self.has_shown)

    def request(self, refresh: Callable[[], object], *, full: bool = False) -> bool:
        """Run ``refresh`` now if the view is visible (returns True), else when it is next shown."""
        if self.visible():
            refresh()
            return True
        if full:
            self._pending = {refresh: None}
            self._full = True
        elif not self._full:
            self._pending[refresh] = None
        return False

    @property
    def stale(self) -> bool:
        """Whether refreshes wait for the view to be shown."""
        return bool(self._pending)

    def shown(self) -> bool:
        """The view was shown (call from its ``showEvent``): run what waits, once, in order.
        Returns whether anything ran."""
        self.has_shown = True
        pending, self._pending, self._full = list(self._pending), {}, False
        for refresh in pending:
            refresh()
        return bool(pending)
