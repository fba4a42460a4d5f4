"""The installed Qt binding does not lose references to None (PySide6 6.12.0 on Python 3.11 did).

PySide6 6.12.0 drops a reference to ``None`` on every Qt call that returns nothing. On Python 3.11
``None`` is an ordinary object, so after a few thousand calls the interpreter aborts with
"Fatal Python error: none_dealloc" (pyproject.toml pins PySide6 below 6.12 there). On 3.12+
``None`` is immortal and the count does not move either way, so the test still holds.
"""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QLabel


def test_void_qt_calls_keep_none_alive(qapp):
    label = QLabel()
    before = sys.getrefcount(None)
    for _ in range(2000):
        label.setText("移行")
    assert abs(sys.getrefcount(None) - before) < 200, "the Qt binding leaks references to None"
