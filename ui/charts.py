"""A matplotlib figure inside a Qt widget, made the first time a chart is drawn.

matplotlib is imported here, when a view first draws, not at start-up. The Japanese font is
registered with matplotlib first (``migration_planner.fonts``), so labels never show boxes.
"""

from __future__ import annotations


def new_canvas(figsize: tuple[float, float], parent=None):
    """``(figure, canvas)``: a constrained-layout Figure of ``figsize`` inches on a Qt canvas."""
    from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
    from matplotlib.figure import Figure

    from ui.fonts import ensure_matplotlib_font

    ensure_matplotlib_font()
    figure = Figure(figsize=figsize, layout="constrained")
    canvas = FigureCanvasQTAgg(figure)
    if parent is not None:
        canvas.setParent(parent)
    return figure, canvas


def replace_placeholder(layout, placeholder, widget) -> None:
    """Put ``widget`` where ``placeholder`` (a 「準備しています…」 label) stood in ``layout``."""
    layout.removeWidget(placeholder)
    placeholder.deleteLater()
    layout.addWidget(widget)
