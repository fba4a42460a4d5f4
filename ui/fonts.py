"""A Japanese font on every machine: IPAexGothic, shipped by the matplotlib-fontja package.

A fresh Linux machine has no Japanese font and shows boxes. The font file is found without
importing matplotlib (start-up must not pay for it) and registered with Qt at start and with
matplotlib the first time a chart is drawn.
"""

from __future__ import annotations

import importlib.util
from functools import cache
from pathlib import Path

FAMILY = "IPAexGothic"


@cache
def font_path() -> Path | None:
    """Path of the bundled IPAexGothic .ttf, or None when the package is missing."""
    spec = importlib.util.find_spec("matplotlib_fontja")
    if spec is None or not spec.submodule_search_locations:
        return None
    for folder in spec.submodule_search_locations:
        candidate = Path(folder) / "fonts" / "ipaexg.ttf"
        if candidate.is_file():
            return candidate
    return None


def register_qt_font(app) -> str | None:
    """Add the font to Qt's database and make it the application's font. Returns the family."""
    from PySide6.QtGui import QFont, QFontDatabase

    path = font_path()
    if path is None:
        return None
    font_id = QFontDatabase.addApplicationFont(str(path))
    if font_id < 0:
        return None
    families = QFontDatabase.applicationFontFamilies(font_id)
    if not families:
        return None
    family = families[0]
    font = QFont(app.font())
    # Keep the platform's UI font first where it has Japanese glyphs; IPAexGothic fills the gaps.
    font.setFamilies([family] if not _has_japanese_system_font() else [font.family(), family])
    app.setFont(font)
    return family


def _has_japanese_system_font() -> bool:
    from PySide6.QtGui import QFontDatabase

    return any(
        f for f in QFontDatabase.families(QFontDatabase.WritingSystem.Japanese)
        if f != FAMILY and not f.startswith("IPAex")
    )


@cache
def ensure_matplotlib_font() -> str | None:
    """Register the font with matplotlib and make it the default sans-serif. Call before drawing."""
    import matplotlib
    from matplotlib import font_manager

    path = font_path()
    if path is None:
        return None
    font_manager.fontManager.addfont(str(path))
    name = font_manager.FontProperties(fname=str(path)).get_name()
    matplotlib.rcParams["font.family"] = "sans-serif"
    sans = list(matplotlib.rcParams["font.sans-serif"])
    matplotlib.rcParams["font.sans-serif"] = [name] + [f for f in sans if f != name]
    matplotlib.rcParams["axes.unicode_minus"] = False
    return name
