"""The first start's window fits the screen it opens on (issue 2: a window that remembers its size,
and on a first start one a 1366×768 office laptop can show whole)."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from PySide6.QtCore import QSettings  # noqa: E402

from ui.main_window import DEFAULT_SIZE, MainWindow, default_size  # noqa: E402


@pytest.mark.parametrize(("available", "expected"), [
    ((1920, 1040), DEFAULT_SIZE),          # a full-HD screen with a taskbar: the default
    ((1366, 728), (1229, 655)),            # a 1366×768 laptop with a 40-pixel taskbar: nine tenths
    ((1440, 1000), (1296, 820)),           # narrower than the default only: the width shrinks
    ((0, 0), DEFAULT_SIZE),                # a screen that reports nothing: the default
])
def test_the_first_window_is_the_default_size_or_nine_tenths_of_a_smaller_screen(available, expected):
    assert default_size(available) == expected


@pytest.mark.gui
def test_a_first_window_fits_its_screen_and_a_second_start_keeps_the_planners_size(qtbot, tmp_path):
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.show()
    available = window.screen().availableGeometry()
    assert window.width() <= available.width() and window.height() <= available.height()
    assert (window.width(), window.height()) == default_size((available.width(), available.height()))
    window.resize(window.width() - 20, window.height() - 30)  # the planner makes it smaller
    chosen = (window.width(), window.height())
    assert chosen != default_size((available.width(), available.height()))
    window.close()  # saves the geometry
    again = MainWindow(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(again)
    again.show()
    assert (again.width(), again.height()) == chosen
    again.close()
