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


def _import_shiboken_with_cached_bytecode() -> None:
    """Import shiboken6, its support package's bytecode taken from a cache kept as Python keeps .pyc.

    PySide6 carries its support package (``shibokensupport``: signatures, the ``__feature__``
    switches, the .pyi generator; some 130 KB of Python) as source inside its library, and compiles
    it on every start: about a fifth of a bare window's start (issue 2). Only the source is shipped
    because one build serves every Python version. While shiboken6 loads, :func:`compile` looks
    each of these files up in a cache: the bytecode is reused when its source is byte for byte the
    same, else compiled and the cache rewritten. Where the cache lives and whether it is written
    follow Python's own rules for bytecode (``__pycache__`` beside this package, or under
    ``PYTHONPYCACHEPREFIX``; nothing written under ``PYTHONDONTWRITEBYTECODE``), with the
    interpreter's cache tag and magic number, so another Python never reads it. A missing,
    unreadable or corrupt cache only costs the compilation it would have saved.
    """
    import builtins
    import importlib.util
    import marshal
    import os
    import sys
    from types import CodeType

    if "shiboken6" in sys.modules:
        return
    compile_ = builtins.compile
    try:
        # The path of a .pyc of this package tells where bytecode goes (prefix, __pycache__).
        folder = os.path.dirname(importlib.util.cache_from_source(__file__))
        path = os.path.join(folder, f"shibokensupport.{sys.implementation.cache_tag}.opt{sys.flags.optimize}.bytecode")
    except Exception:  # noqa: BLE001 — no cache tag (an unusual Python): compile as PySide6 does
        import shiboken6  # noqa: F401
        return
    magic = importlib.util.MAGIC_NUMBER
    cached: dict = {}
    try:
        with open(path, "rb") as f:
            data = f.read()
        if data[:len(magic)] == magic:
            cached = marshal.loads(data[len(magic):])
        if not isinstance(cached, dict):
            cached = {}
    except (OSError, ValueError, EOFError, TypeError):
        cached = {}
    seen: dict = {}
    missed = []

    def cached_compile(source, filename, mode, *args, **kwargs):
        if (args or kwargs or mode != "exec" or type(source) is not bytes or type(filename) is not str
                or not (filename == "signature_bootstrap.py" or filename.startswith("shibokensupport/"))):
            return compile_(source, filename, mode, *args, **kwargs)
        entry = cached.get(filename)
        if type(entry) is tuple and len(entry) == 2 and entry[0] == source and type(entry[1]) is CodeType:
            code = entry[1]
        else:
            code = compile_(source, filename, mode)
            missed.append(filename)
        seen[filename] = (source, code)
        return code

    builtins.compile = cached_compile
    try:
        import shiboken6  # noqa: F401  (loads shibokensupport, as importing any Qt module does)
    finally:
        builtins.compile = compile_
    if missed and not sys.dont_write_bytecode:
        partial = f"{path}.{os.getpid()}.tmp"
        try:
            os.makedirs(folder, exist_ok=True)
            with open(partial, "wb") as f:
                f.write(magic + marshal.dumps(seen))
            os.replace(partial, path)  # whole or not at all, for another start reading it now
        except OSError:  # a read-only installation: every start compiles, as without the cache
            try:
                os.remove(partial)
            except OSError:
                pass


_import_shiboken_with_cached_bytecode()


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

    try:  # shibokensupport was loaded with shiboken6, just above
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
