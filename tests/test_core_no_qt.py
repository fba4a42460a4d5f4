"""The core (``migration_planner``) never imports Qt or ``ui``: the command line runs on a server."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def test_import_linter_contract_is_kept():
    lint = Path(sys.executable).parent / "lint-imports"
    assert lint.exists(), f"import-linter is not installed next to {sys.executable}"
    proc = subprocess.run([str(lint)], cwd=REPO, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "broken" in proc.stdout and "0 broken" in proc.stdout


_PROBE = r"""
import importlib, pkgutil, sys
import migration_planner
names = []
for info in pkgutil.walk_packages(migration_planner.__path__, "migration_planner."):
    if info.name.endswith(".__main__"):  # runs the program when imported; it only calls launcher.main
        continue
    importlib.import_module(info.name)
    names.append(info.name)
assert "migration_planner.cli.cmd_import" in names and "migration_planner.store" in names, names
qt = sorted(m for m in sys.modules if m.split(".")[0] in ("PySide6", "shiboken6", "ui"))
print(len(names), " ".join(qt))
"""


def test_importing_every_core_module_loads_no_qt():
    proc = subprocess.run([sys.executable, "-c", _PROBE], cwd=REPO, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    count, *qt = proc.stdout.split()
    assert int(count) >= 10
    assert qt == [], f"the core imported Qt or ui: {qt}"
