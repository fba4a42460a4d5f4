"""ファイル → Excelに出力… (Ctrl+E), CSVに出力…, グラフを出力…: the export, off the GUI thread.

The main window calls :func:`install_export_action` once; the actions go into its File menu
before ``window.export_menu_anchor``. Each asks where to write (``QFileDialog``), runs
:func:`migration_planner.export.export_plan` in a :class:`ui.workers.Job` (progress dialog with
Cancel; a cancelled export leaves no file behind), and on success offers to open what it wrote.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from PySide6.QtCore import QObject, QUrl, Signal
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMessageBox

from migration_planner.export import ExportError, ExportOptions, ExportResult, check_options, export_plan
from ui.workers import Job

SETTINGS_DIR = "paths/export_dir"


class ExportActions(QObject):
    """The export actions of one main window."""

    sig_export_finished = Signal(object)
    """An export ended: its :class:`ExportResult`, or the exception (None when cancelled)."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.jobs: list[Job] = []
        self.samples = 2000
        self.act_excel = self._action(self.tr("Excelに出力(&E)…"), self.export_excel, QKeySequence("Ctrl+E"),
                                      self.tr("プラン（スケジュール・振り分け結果・補助金試算など）をExcelブックに出力します"))
        self.act_csv = self._action(self.tr("CSVに出力(&V)…"), self.export_csv, None,
                                    self.tr("各表をCSV（UTF-8 BOM付き）でフォルダに出力します"))
        self.act_charts = self._action(self.tr("グラフを出力(&G)…"), self.export_charts, None,
                                       self.tr("グラフをPNGとPDFでフォルダに出力します"))
        menu, anchor = window.file_menu, window.export_menu_anchor
        for act in (self.act_excel, self.act_csv, self.act_charts):
            menu.insertAction(anchor, act)

    def _action(self, text: str, slot, shortcut, tip: str) -> QAction:
        act = QAction(text, self.window)
        if shortcut is not None:
            act.setShortcut(shortcut)
        act.setStatusTip(tip)
        act.triggered.connect(slot)
        return act

    # ---------------------------------------------------------------- dialogs
    def _plan(self):
        plan = getattr(self.window, "plan", None)
        if plan is None:
            QMessageBox.information(self.window, self.tr("出力"), self.tr("先にプランを開いてください。"))
        return plan

    def _folder(self) -> str:
        settings = getattr(self.window, "settings", None)
        if settings is not None:
            value = settings.value(SETTINGS_DIR)
            if value and os.path.isdir(str(value)):
                return str(value)
        plan = getattr(self.window, "plan", None)
        return os.path.dirname(plan.display_path) if plan is not None else str(Path.home())

    def _remember(self, folder: str) -> None:
        settings = getattr(self.window, "settings", None)
        if settings is not None:
            settings.setValue(SETTINGS_DIR, folder)

    def export_excel(self) -> None:
        plan = self._plan()
        if plan is None:
            return
        default = os.path.join(self._folder(), f"{plan.name}_移行計画_{dt.date.today():%Y%m%d}.xlsx")
        path, _filter = QFileDialog.getSaveFileName(
            self.window, self.tr("Excelに出力"), default, self.tr("Excelブック (*.xlsx)"))
        if not path:
            return
        if not path.lower().endswith(".xlsx"):
            path += ".xlsx"
        self._remember(os.path.dirname(path))
        self.start(ExportOptions(out=path, samples=self.samples), self.tr("Excelに出力しています"), path)

    def _export_to_folder(self, title: str, key: str) -> None:
        if self._plan() is None:
            return
        folder = QFileDialog.getExistingDirectory(self.window, title, self._folder())
        if not folder:
            return
        self._remember(folder)
        options = ExportOptions(samples=self.samples, **{key: folder})
        self.start(options, title, folder)

    def export_csv(self) -> None:
        self._export_to_folder(self.tr("CSVに出力"), "csv_dir")

    def export_charts(self) -> None:
        self._export_to_folder(self.tr("グラフを出力"), "charts_dir")

    # ---------------------------------------------------------------- the job
    def start(self, options: ExportOptions, title: str, target: str) -> Job | None:
        """Export the window's plan as ``options`` says, off the GUI thread; ``target`` is what
        the planner is offered to open afterwards (the workbook or the folder)."""
        plan = self._plan()
        if plan is None:
            return None
        try:
            check_options(options)
        except ExportError as exc:
            QMessageBox.warning(self.window, self.tr("出力できません"), str(exc))
            self.sig_export_finished.emit(exc)
            return None

        def work(state):
            return export_plan(plan, options, state)

        answered: list[bool] = []  # the job delivered a result or an error (else it was cancelled)

        def done(result) -> None:
            answered.append(True)
            self._done(result, target)

        def failed(exc) -> None:
            answered.append(True)
            self._failed(exc)

        job = Job(self.window, title, work, done, failed)
        self.jobs.append(job)
        job.sig_finished.connect(lambda j=job: self._finished(j, answered))
        return job.start()

    def _finished(self, job: Job, answered: list[bool]) -> None:
        if job in self.jobs:
            self.jobs.remove(job)
        if not answered:  # cancelled: Job reports nothing, the files were never put in place
            self.sig_export_finished.emit(None)

    @property
    def busy(self) -> bool:
        return any(j.running for j in self.jobs)

    def _done(self, result: ExportResult, target: str) -> None:
        lines = [self.tr("出力しました：")] + [f"・{os.path.basename(p)}" for p in result.files[:12]]
        if len(result.files) > 12:
            lines.append(self.tr("ほか {0} ファイル").format(len(result.files) - 12))
        if result.notes:
            lines += ["", self.tr("注記：")] + [f"・{n}" for n in result.notes]
        question = self.tr("ファイルを開きますか？") if target.lower().endswith(".xlsx") else self.tr("フォルダを開きますか？")
        lines += ["", question]
        self.sig_export_finished.emit(result)
        answer = QMessageBox.question(self.window, self.tr("出力しました"), "\n".join(lines))
        if answer == QMessageBox.StandardButton.Yes:
            QDesktopServices.openUrl(QUrl.fromLocalFile(target))

    def _failed(self, exc: BaseException) -> None:
        self.sig_export_finished.emit(exc)
        if isinstance(exc, ExportError):
            QMessageBox.warning(self.window, self.tr("出力できません"), str(exc))
        elif isinstance(exc, OSError):
            QMessageBox.warning(self.window, self.tr("出力できません"),
                                self.tr("ファイルを書き込めませんでした（{0}）。何も残していません。").format(exc.strerror or exc))
        else:
            QMessageBox.critical(self.window, self.tr("出力できません"),
                                 self.tr("予期しないエラーで出力できませんでした。\n{0}: {1}").format(type(exc).__name__, exc))


def install_export_action(window) -> ExportActions:
    """Add the export actions to ``window``'s File menu (before ``window.export_menu_anchor``).

    Idempotent: a second call returns the actions already installed. The window keeps them as
    ``window.export_actions``.
    """
    existing = getattr(window, "export_actions", None)
    if isinstance(existing, ExportActions):
        return existing
    actions = ExportActions(window)
    window.export_actions = actions
    return actions
