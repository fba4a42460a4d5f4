"""The Japanese font for charts: see :mod:`migration_planner.fonts` (kept light for start-up)."""

from migration_planner.fonts import FAMILY, ensure_matplotlib_font, font_path

__all__ = ["FAMILY", "ensure_matplotlib_font", "font_path"]
