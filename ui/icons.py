"""Icons of the toolbar and menus: the desktop's icon theme where it has one, else Qt's own images.

Asking the style (``QStyle.standardIcon``) would give the same images, but the first use of
``QStyle`` from Python builds its enums, about a twelfth of a bare window's start (issue 2). The
images are the ones Qt's styles draw these icons with (compiled into QtWidgets); a test checks that
every one is there, so a Qt upgrade that moves them fails in CI rather than showing blank buttons.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QIcon

QT_IMAGES = ":/qt-project.org/styles/commonstyle/images/"
SIZES = (16, 32, 128)
#: Our name → (the freedesktop icon theme's name, the stem of Qt's image as QCommonStyle uses it).
ICONS: dict[str, tuple[str, str]] = {
    "new": ("document-new", "file"),                   # QStyle.SP_FileIcon
    "open": ("document-open", "standardbutton-open"),  # SP_DialogOpenButton
    "save": ("document-save", "standardbutton-save"),  # SP_DialogSaveButton
    "import": ("go-down", "arrow-down"),               # SP_ArrowDown
    "undo": ("edit-undo", "arrow-left"),               # SP_ArrowBack
    "redo": ("edit-redo", "arrow-right"),              # SP_ArrowForward
}


def qt_image_files(name: str) -> list[str]:
    """Qt's images for icon ``name``, one a size."""
    return [f"{QT_IMAGES}{ICONS[name][1]}-{size}.png" for size in SIZES]


@cache
def icon(name: str) -> QIcon:
    """The icon called ``name`` (a key of :data:`ICONS`); needs a QApplication."""
    theme, _ = ICONS[name]
    fallback = QIcon()
    for path in qt_image_files(name):
        fallback.addFile(path)
    # Without an icon theme (a fresh machine, Windows) there is nothing to look up.
    return QIcon.fromTheme(theme, fallback) if QIcon.themeName() else fallback
