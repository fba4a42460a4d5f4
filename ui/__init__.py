"""The PySide6 interface. Adapts the Qt-free core in ``migration_planner``.

Start-up (issue 2): once PySide6 is imported, its import hook (``__feature__``) reads the source
of every module imported after it, looking for "PySide6". The Qt-free modules the window needs to
show a plan are therefore imported here, before any Qt module, and are not read again.
"""

import migration_planner.i18n  # noqa: F401  (the core's translatable text, for ui.i18n)
import migration_planner.planfile  # noqa: F401  (the quick read of a plan: sqlite3, json, the contract)
import migration_planner.workloads  # noqa: F401  (workload names in the table and the detail panel)
