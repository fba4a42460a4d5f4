"""A Japanese font for charts on every machine: IPAexGothic, shipped by ``matplotlib-fontja``.

A fresh Linux machine has no Japanese font, and matplotlib draws boxes (with a warning per glyph).
The font file is found without importing matplotlib; :func:`ensure_matplotlib_font` registers it
with matplotlib's font manager once. The core cannot import ``ui``, so this is the one place that
knows where the font lives; ``ui/fonts.py`` reuses :func:`font_path` (to register the font with Qt
at start-up) and :func:`ensure_matplotlib_font` from here. It sits outside ``migration_planner.export``
so that the window's start does not import the export package (issue 2); exports reach it through
``migration_planner.export.fonts``.
"""

from __future__ import annotations

import importlib.util
from functools import cache
from pathlib import Path

FAMILY = "IPAexGothic"


@cache
def font_path() -> Path | None:
    """Path of the bundled IPAexGothic ``.ttf``, or None when ``matplotlib-fontja`` is missing."""
    spec = importlib.util.find_spec("matplotlib_fontja")
    if spec is None or not spec.submodule_search_locations:
        return None
    for folder in spec.submodule_search_locations:
        candidate = Path(folder) / "fonts" / "ipaexg.ttf"
        if candidate.is_file():
            return candidate
    return None


@cache
def ensure_matplotlib_font() -> str | None:
    """Register the font with matplotlib and put it first among the sans-serif fonts.

    Returns the family name matplotlib knows it by, or None without the font. Cheap after the
    first call. Sets ``axes.unicode_minus`` off (IPAexGothic has no U+2212 glyph) and embeds
    TrueType (Type 42) in PDF and PostScript, so the text of an exported PDF can be searched and
    copied.
    """
    import matplotlib
    from matplotlib import font_manager

    path = font_path()
    if path is None:
        return None
    font_manager.fontManager.addfont(str(path))
    name = font_manager.FontProperties(fname=str(path)).get_name()
    rc = matplotlib.rcParams
    rc["font.family"] = "sans-serif"
    rc["font.sans-serif"] = [name] + [f for f in rc["font.sans-serif"] if f != name]
    rc["axes.unicode_minus"] = False
    rc["pdf.fonttype"] = 42
    rc["ps.fonttype"] = 42
    return name
