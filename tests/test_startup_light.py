"""Start-up stays light (issues 7 and 2): nothing imports matplotlib, pandas, networkx or openpyxl
before the window is up with the sample plan. Those are for charts, the workload graph and Excel
writing, and are imported when first used. Nor SQLAlchemy, SQLModel, pydantic or numpy (issue 2):
the table shows the plan's systems from a plain ``sqlite3`` read, and the full plan opens once the
window has been drawn.

The program's start is run in a real process under ``python -X importtime``: the same steps as
``ui.app.main`` for ``migration-planner PLAN.mplan`` (create_app, MainWindow, show, open_initial),
until the table shows the sample's 60 systems. The import log before that moment must not name a
heavy package; when it does, the failure shows the chain of imports that pulled it in.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

HEAVY = ("matplotlib", "pandas", "networkx", "openpyxl", "sqlalchemy", "sqlmodel", "pydantic", "numpy")
MARKER = "=== WINDOW SHOWN ==="

SCRIPT = r"""
import json, os, sys, time
from ui.app import create_app, open_initial
from ui.main_window import MainWindow
from PySide6 import QtCore, QtWidgets
from PySide6.QtCore import QSettings
plan, ini = sys.argv[1], sys.argv[2]
app = create_app([plan])
window = MainWindow(settings=QSettings(ini, QSettings.Format.IniFormat))
window.show()
open_initial(window, [plan])
deadline = time.monotonic() + 60
while window.table.model.rowCount() < 60 and time.monotonic() < deadline:
    app.processEvents()
app.processEvents()
sys.stderr.write("%s\n")
sys.stderr.flush()
heavy = sorted({m.split(".")[0] for m in sys.modules} & set(%r))
# PySide6 builds a type's Python enums the first time Python touches the type: for the Qt namespace
# and QStyle, about a fifth and a twelfth of a bare window's start (ui/inventory_table.py, ui/icons.py);
# for QEvent (an event handler in Python, such as paintEvent or resizeEvent), ~1.8 ms.
built = [name for module, name in ((QtCore, "Qt"), (QtWidgets, "QStyle"), (QtCore, "QEvent")) if name in vars(module)]
import ui
unlisted = sorted(m for m in sys.modules if (m == "ui" or m.startswith("ui.")) and m not in ui.STARTUP_MODULES)
rows = window.table.model.rowCount()
while window.plan is None and time.monotonic() < deadline:  # then the full plan follows
    app.processEvents()
print(json.dumps({"rows": rows, "visible": window.isVisible(), "heavy": heavy, "ready": window.plan is not None,
                  "built": built, "unlisted": unlisted}))
sys.stdout.flush()
os._exit(0)
""" % (MARKER, HEAVY)

def _env(repo_root, **extra) -> dict:
    """The environment of a child that runs the program from this checkout (Qt offscreen)."""
    path = os.pathsep.join(p for p in (str(repo_root), os.environ.get("PYTHONPATH", "")) if p)
    return {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": path, **extra}


def _run_child(repo_root, code: str, *args: str, timeout: int = 60, env: dict | None = None) -> str:
    """Run ``python -c code args`` from this checkout (see :func:`_env`, which ``env`` replaces);
    its standard output."""
    out = subprocess.run([sys.executable, "-c", code, *args], cwd=repo_root, env=env or _env(repo_root),
                         capture_output=True, text=True, timeout=timeout)
    assert out.returncode == 0, out.stderr[-3000:]
    return out.stdout


_LINE = re.compile(r"^import time:\s+(?:\d+|self \[us\])\s*\|\s*(?:\d+|cumulative)\s*\|(?P<indent>\s*)(?P<name>\S+)")


def import_chains(log: str, packages=HEAVY) -> dict[str, list[str]]:
    """For each package in ``packages`` imported in ``log`` (``-X importtime`` output), the chain
    from that module up to the top-level import that pulled it in.

    importtime prints a module after the modules it imported, one indentation level deeper; so a
    module's importer is the next line printed with less indentation.
    """
    entries = [(len(m.group("indent")), m.group("name")) for line in log.splitlines() if (m := _LINE.match(line))]
    chains: dict[str, list[str]] = {}
    for i, (depth, name) in enumerate(entries):
        top = name.split(".")[0]
        if top not in packages or top in chains:
            continue
        chain = [name]
        for later_depth, later_name in entries[i + 1:]:
            if later_depth < depth:
                chain.append(later_name)
                depth = later_depth
        chains[top] = chain
    return chains


def test_import_chains_reads_importtime_nesting():
    log = "\n".join([
        "import time: self [us] | cumulative | imported package",
        "import time:        10 |         10 |       openpyxl.cell",
        "import time:        20 |         30 |     openpyxl",
        "import time:         5 |         35 |   migration_planner.export.xlsx",
        "import time:         1 |          1 |   json",
        "import time:         7 |         43 | ui.main_window",
    ])
    assert import_chains(log) == {"openpyxl": ["openpyxl.cell", "openpyxl", "migration_planner.export.xlsx",
                                               "ui.main_window"]}


@pytest.mark.slow
def test_start_up_imports_no_heavy_package_before_the_window_is_shown(tmp_path, repo_root, sample_path):
    env = _env(repo_root)
    plan = tmp_path / "sample.mplan"
    made = subprocess.run([sys.executable, str(repo_root / "main.py"), "import", str(sample_path), "--plan", str(plan)],
                          cwd=repo_root, env=env, capture_output=True, text=True, timeout=300)
    assert made.returncode == 0, made.stderr

    out = subprocess.run([sys.executable, "-X", "importtime", "-c", SCRIPT, str(plan), str(tmp_path / "settings.ini")],
                         cwd=repo_root, env=env, capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr[-3000:]
    assert MARKER in out.stderr, "the window never came up:\n" + out.stderr[-3000:]
    state = json.loads(out.stdout.strip().splitlines()[-1])
    assert state["visible"] and state["rows"] == 60, state  # the start being measured is the real one
    assert state["ready"], state  # and the full plan did open after it

    before_window = out.stderr.split(MARKER, 1)[0]
    chains = import_chains(before_window)
    assert not chains, "imported before the window was shown (use them lazily, when first needed):\n" + "\n".join(
        f"  {pkg}: " + " ← ".join(chain) for pkg, chain in sorted(chains.items()))
    assert state["heavy"] == [], state  # the same, seen from sys.modules
    # Nor did the window's first paint reach for the Qt namespace's, QStyle's or QEvent's enums (a
    # QSplitter made with a parent, setShortcut, a model answering flags or headerData in Python, an
    # event handler in Python all do).
    assert state["built"] == [], state
    assert state["unlisted"] == [], state  # ui.STARTUP_MODULES names every ui module the start imports


def test_the_command_tells_a_plan_from_a_verb_without_the_database_layer(repo_root):
    """``migration-planner PLAN.mplan`` goes through main.py, which asks the command line for its
    verbs before opening the window: that must not import SQLAlchemy (or anything in HEAVY) either."""
    code = ("import sys, main\n"
            "from migration_planner.cli import verbs\n"
            "assert 'import' in verbs()\n"
            "print(sorted({m.split('.')[0] for m in sys.modules} & set(%r)))" % (HEAVY,))
    stdout = _run_child(repo_root, code)
    assert stdout.strip() == "[]", "main.py's dispatch imported: " + stdout


def test_pyside_is_spared_reading_the_modules_it_is_told_about(repo_root):
    """ui/__init__ enters the Qt-free modules as not using PySide6 and this package's as using it:
    the answers PySide6's own scan (does the source say "PySide6"?) would give."""
    code = ("import sys, ui\n"
            "from shibokensupport.feature import pyside_feature_dict as t\n"
            "print(t.get('migration_planner.planfile'), t.get('os'), t.get('ui.main_window'), t.get('ui.inventory_table'))")
    assert _run_child(repo_root, code).split() == ["-1", "-1", "0", "0"]
    import ui

    for name in ui.STARTUP_MODULES:
        path = repo_root / (name.replace(".", "/") + ("/__init__.py" if name == "ui" else ".py"))
        assert "PySide6" in path.read_text(encoding="utf-8"), path.name
    for path in (repo_root / "migration_planner").rglob("*.py"):
        assert "PySide6" not in path.read_text(encoding="utf-8"), path


def test_the_collector_is_paused_for_the_start_and_back_once_the_window_is_drawn(tmp_path, repo_root):
    code = r"""
import gc, sys
import ui
paused = not gc.isenabled()
from PySide6.QtCore import QSettings
from ui.app import create_app
from ui.main_window import MainWindow
app = create_app([])
window = MainWindow(settings=QSettings(sys.argv[1], QSettings.Format.IniFormat))
still = not gc.isenabled()
window.show()
import time
deadline = time.monotonic() + 1.0  # well before create_app's 2 s fallback
app.processEvents()
while not gc.isenabled() and time.monotonic() < deadline:
    app.processEvents()
print(paused, still, gc.isenabled(), gc.get_freeze_count() > 0)
"""
    assert _run_child(repo_root, code, str(tmp_path / "s.ini"), timeout=120).split() == ["True", "True", "True", "True"]


def test_the_collector_comes_back_without_a_window(repo_root):
    code = ("import gc, ui\nfrom ui.app import create_app\nfrom PySide6.QtCore import QTimer, QEventLoop\n"
            "app = create_app([])\nloop = QEventLoop()\nQTimer.singleShot(2500, loop.quit)\nloop.exec()\n"
            "print(gc.isenabled())")
    assert _run_child(repo_root, code, timeout=120).strip() == "True"


# A child that imports ui, counting what is compiled of shiboken's support package meanwhile, and
# checking that compile() is its own again afterwards and that PySide6's signatures still work.
_COUNT_SUPPORT_COMPILES = r"""
import builtins, json, sys
original = builtins.compile
compiled = []
def counting(source, filename, mode, *args, **kwargs):
    if isinstance(filename, str) and (filename.startswith("shibokensupport/") or filename == "signature_bootstrap.py"):
        compiled.append(filename)
    return original(source, filename, mode, *args, **kwargs)
builtins.compile = counting
import ui
from PySide6.QtCore import QObject
try:  # the message lists the supported signatures: shibokensupport's parser and mapping at work
    QObject().setObjectName(1)
except TypeError as e:
    message = str(e)
print(json.dumps({"compiled": compiled, "restored": builtins.compile is counting, "message": message}))
"""


def _support_cache(repo_root, prefix, *, write=True) -> tuple[dict, Path]:
    """Import ui in a child with bytecode cached under ``prefix``; what it compiled, and the cache file."""
    env = _env(repo_root, PYTHONPYCACHEPREFIX=str(prefix))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    if not write:
        env["PYTHONDONTWRITEBYTECODE"] = "1"
    state = json.loads(_run_child(repo_root, _COUNT_SUPPORT_COMPILES, env=env))
    assert state["restored"], "compile() was left replaced after the import"
    assert "Supported signatures" in state["message"] and "str" in state["message"], state["message"]
    tag = f"{sys.implementation.cache_tag}.opt{sys.flags.optimize}"
    folder = Path(str(prefix) + str((repo_root / "ui").resolve()))
    return state, folder / f"shibokensupport.{tag}.bytecode"


def test_shibokens_support_is_compiled_once_then_taken_from_the_bytecode_cache(tmp_path, repo_root):
    first, cache = _support_cache(repo_root, tmp_path / "pyc")
    assert len(first["compiled"]) >= 10 and "shibokensupport/signature/parser.py" in first["compiled"]
    assert cache.is_file()
    again, _ = _support_cache(repo_root, tmp_path / "pyc")
    assert again["compiled"] == [], "the second start compiled shibokensupport again"


def test_a_stale_or_broken_support_cache_is_compiled_afresh_and_mended(tmp_path, repo_root):
    import importlib.util
    import marshal

    _, cache = _support_cache(repo_root, tmp_path / "pyc")
    magic = importlib.util.MAGIC_NUMBER
    entries = marshal.loads(cache.read_bytes()[len(magic):])
    source, code = entries["shibokensupport/signature/parser.py"]
    entries["shibokensupport/signature/parser.py"] = (source + b"\n# another PySide6\n", code)
    cache.write_bytes(magic + marshal.dumps(entries))
    state, _ = _support_cache(repo_root, tmp_path / "pyc")
    assert state["compiled"] == ["shibokensupport/signature/parser.py"]  # only what changed
    assert _support_cache(repo_root, tmp_path / "pyc")[0]["compiled"] == []  # and the cache was mended

    for broken in (b"", b"not bytecode at all", magic + b"\x00\x01garbage", b"\x00\x00\r\n" + cache.read_bytes()[4:]):
        cache.write_bytes(broken)
        state, _ = _support_cache(repo_root, tmp_path / "pyc")
        assert "shibokensupport/signature/parser.py" in state["compiled"], broken[:20]
        assert cache.read_bytes()[:len(magic)] == magic


def test_the_support_cache_is_not_written_where_python_writes_no_bytecode(tmp_path, repo_root):
    state, cache = _support_cache(repo_root, tmp_path / "pyc", write=False)
    assert state["compiled"] and not cache.exists()
    cache.parent.mkdir(parents=True)
    cache.parent.chmod(0o500)  # a read-only installation: no cache, no error, no leftover file
    try:
        state, _ = _support_cache(repo_root, tmp_path / "pyc")
        if os.geteuid() != 0:  # root writes anyway
            assert state["compiled"] and list(cache.parent.iterdir()) == []
    finally:
        cache.parent.chmod(0o700)
