"""A Japanese font on every machine: IPAexGothic, shipped by the matplotlib-fontja package.

A fresh Linux machine has no Japanese font and shows boxes. Where the font lives, and how it is
registered with matplotlib, is the core's knowledge (``migration_planner.fonts``: exports draw
charts too); this module registers it with Qt at start-up. Neither imports matplotlib until a
chart is drawn.
"""

from __future__ import annotations

import sys

from migration_planner.fonts import FAMILY, ensure_matplotlib_font, font_path

__all__ = ["FAMILY", "ensure_matplotlib_font", "font_path", "register_qt_font"]


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
    if sys.platform.startswith("linux"):
        # FreeType's hinting of each new glyph was about a tenth of the first paint's cost with
        # Japanese text (issue 2); unhinted, anti-aliased text looks the same at today's screen
        # densities (compared in screenshots) and is what GTK 4 and macOS draw.
        font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    app.setFont(font)
    return family


def _has_japanese_system_font() -> bool:
    from PySide6.QtGui import QFontDatabase

    return any(
        f for f in QFontDatabase.families(QFontDatabase.WritingSystem.Japanese)
        if f != FAMILY and not f.startswith("IPAex")
    )
