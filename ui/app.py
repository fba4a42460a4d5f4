"""Starting the window: QApplication, translations, the Japanese font, and the first plan.

``main([path])``: a plan (.mplan) opens it; an inventory (.xlsx) imports it into the current plan.
With no argument the last plan opens; on the very first start, a new plan on the bundled sample.
"""

from __future__ import annotations

import os
import sys
import traceback
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QSettings, QTimer, QTranslator
from PySide6.QtWidgets import QApplication

from migration_planner import APP_NAME_EN, __version__
from migration_planner.planfile import PLAN_SUFFIX

ORG = "OsakaCity-DigitalOffice"
TRANSLATIONS = Path(__file__).resolve().parent.parent / "resources" / "translations"


def install_translators(app: QApplication, language: str | None = None) -> list[QTranslator]:
    """Qt's own translation (standard dialogs' buttons) and ours, for ``language`` (default: Japanese).

    The interface is written in Japanese; an English .qm translates it when the planner asks for
    English (environment MIGRATION_PLANNER_LANG=en or the setting ui/language).
    """
    language = language or os.environ.get("MIGRATION_PLANNER_LANG") or str(QSettings().value("ui/language", "ja"))
    translators = []
    qt = QTranslator(app)
    if qt.load(QLocale(language), "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        translators.append(qt)
    ours = QTranslator(app)
    if language != "ja" and ours.load(str(TRANSLATIONS / f"migration_planner_{language}.qm")):
        app.installTranslator(ours)
        translators.append(ours)
    return translators


def default_plan_path() -> Path:
    from PySide6.QtCore import QStandardPaths  # only on a first start: its type costs ~0.4 ms to build

    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation) or str(Path.home())
    folder = Path(base)
    folder.mkdir(parents=True, exist_ok=True)
    return folder / f"サンプルプラン{PLAN_SUFFIX}"


def _excepthook(exc_type, exc, tb) -> None:
    """A bug must not vanish or kill the window silently: log it and say so in Japanese."""
    text = "".join(traceback.format_exception(exc_type, exc, tb))
    sys.__stderr__.write(text)
    app = QApplication.instance()
    if app is not None:
        from PySide6.QtWidgets import QMessageBox  # not at start-up: see ui/main_window.py's imports

        from ui.i18n import app_name

        QMessageBox.critical(
            None, app_name(),
            QApplication.translate("app", "予期しないエラーが発生しました。プランは最後に保存した状態のままです。\n{0}: {1}").format(
                exc_type.__name__, exc),
        )


def create_app(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication([sys.argv[0], *(argv or [])])
    app.setOrganizationName(ORG)
    app.setApplicationName(APP_NAME_EN)
    app.setApplicationVersion(__version__)
    from ui.fonts import register_qt_font

    register_qt_font(app)
    install_translators(app)
    import ui

    # Should no window be drawn (a start that fails, a tool), collection resumes all the same.
    QTimer.singleShot(2000, ui.start_done)
    # After the translators: Qt adds the display name to every window title that lacks it.
    from ui.i18n import app_name

    app.setApplicationDisplayName(app_name())
    return app


def open_initial(window, argv: list[str]) -> None:
    """Open what the command line names, else the last plan, else a new plan on the sample."""
    from ui.main_window import sample_inventory_path

    target = next((a for a in argv if not a.startswith("-")), "")
    # quick: the plan's systems show at once, the full plan opens once the window is drawn.
    if target.endswith(PLAN_SUFFIX):
        if window.open_plan(target, create=True, quick=True):
            return
    last = str(window.settings.value("plans/last", "") or "")
    if last and os.path.exists(last) and window.open_plan(last, quick=True):
        pass
    else:
        path = default_plan_path()
        if window.open_plan(str(path), create=True) and window.plan.system_count() == 0:
            sample = sample_inventory_path()
            if sample.exists():
                # The sample also carries a progress sheet: load it once the systems are in.
                def saved_start(_ok: bool = True) -> None:
                    # Loading the sample is the plan's starting point: not an edit to undo, and
                    # saved at once, so the first start asks nothing (now or at exit).
                    window.context.undo_stack.clear()
                    window.session.save()

                def then_progress(changed: bool) -> None:
                    window.sig_import_finished.disconnect(then_progress)
                    if changed:
                        window.sig_progress_imported.connect(saved_start)
                        window.import_progress_file(str(sample))
                    else:
                        saved_start()

                window.sig_import_finished.connect(then_progress)
                window.import_file(str(sample), confirm=False)
    if target.lower().endswith((".xlsx", ".xlsm")):
        QTimer.singleShot(0, lambda: window.import_file(target))


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    app = create_app(argv)
    sys.excepthook = _excepthook
    from ui.main_window import MainWindow

    window = MainWindow()
    window.show()
    open_initial(window, argv)
    return app.exec()
