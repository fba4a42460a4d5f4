"""The PySide6 interface. Adapts the Qt-free core in ``migration_planner``.

Start-up (issue 2): the Qt-free modules the window needs to show a plan are imported here,
before any Qt module, and PySide6 is told that they do not use it (:func:`_spare_the_source_scan`),
so that its import hook does not read their source.

The garbage collector is paused from here until the window is first drawn (:func:`start_done`):
start-up builds many objects and no garbage cycles worth the collector's 40 passes over them.
What start-up made is then frozen (``gc.freeze``, kept out of later collections) and collection
resumes. A process that imports this package without showing the window (tests, tools) calls
:func:`start_done` itself, or :func:`ui.app.create_app` does it a moment after the application
starts.
"""

import gc

_PAUSED = gc.isenabled()
if _PAUSED:
    gc.disable()


def start_done() -> None:
    """The window is up (or none is coming): freeze what start-up made and collect again."""
    global _PAUSED
    if _PAUSED:
        _PAUSED = False
        gc.freeze()
        import sys

        workers = sys.modules.get("ui.workers")
        if workers is None:
            gc.enable()
        else:  # a job that runs now (the first start's import) keeps it paused until it ends
            workers.resume_collector_when_idle()


import heapq  # noqa: E402, F401  (the table's column widths)

import migration_planner.i18n  # noqa: E402, F401  (the core's translatable text, for ui.i18n)
import migration_planner.planfile  # noqa: E402, F401  (the quick read of a plan: sqlite3, json, the contract)
import migration_planner.workloads  # noqa: E402, F401  (workload names in the table and the detail panel)


def _spare_the_source_scan() -> None:
    """Tell PySide6 that the modules loaded so far do not use it, so that it does not read them.

    Once loaded, PySide6 reads the source of every module an import statement names, once per
    module, looking for the word "PySide6" (PYSIDE-2029: its ``__feature__`` switches, which this
    program does not use). The standard library and the Qt-free core loaded above do not use it:
    they are entered as such (-1, "ignore") in its table, and this package's start-up modules,
    which use it, as using it (0); that spares reading some 30 files, about a twentieth of a bare
    window's start (issue 2). The table is shiboken's, not public:
    if it is not there, nothing is done and PySide6 reads the files as before.
    """
    import sys

    try:
        import shiboken6  # noqa: F401  (loads shibokensupport, as importing any Qt module does)
        from shibokensupport.feature import pyside_feature_dict
    except Exception:  # noqa: BLE001 — any change upstream only costs the time this saves
        return
    if not isinstance(pyside_feature_dict, dict):
        return
    for name in list(sys.modules):
        if not name.startswith(("PySide6", "shiboken", "ui")):
            pyside_feature_dict.setdefault(name, -1)
    # The window's start-up modules use PySide6 (0, what the scan would find: a test checks it).
    for name in STARTUP_MODULES:
        pyside_feature_dict.setdefault(name, 0)


#: This package's modules the window's start imports (tests/test_startup_light.py keeps the list).
STARTUP_MODULES = ("ui", "ui.app", "ui.context", "ui.fonts", "ui.i18n", "ui.icons", "ui.inventory_table",
                   "ui.main_window", "ui.system_detail")


_spare_the_source_scan()
