"""Running a long core job off the GUI thread, with a cancellable progress dialog.

The job is a plain function ``fn(state) -> result`` (see ``migration_planner.tasks``): it reports
progress through ``state`` and stops with ``Cancelled``. It never touches a widget; the result or
the exception comes back to the GUI thread through queued signals.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QThread, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from migration_planner.tasks import Cancelled, TaskState


class _Worker(QThread):
    sig_progress = Signal(float, str)
    """Progress from the job (0–1, message), delivered on the GUI thread."""
    sig_done = Signal(object)
    """The job's result."""
    sig_failed = Signal(object)
    """The exception the job raised (Cancelled when the user cancelled)."""

    def __init__(self, fn: Callable[[TaskState], object], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._fn = fn
        self.state = TaskState(on_progress=lambda f, m: self.sig_progress.emit(f, m))

    def run(self) -> None:
        try:
            result = self._fn(self.state)
        except BaseException as exc:  # handed to the GUI thread, which shows a message
            self.sig_failed.emit(exc)
        else:
            self.sig_done.emit(result)


class Job(QObject):
    """One background job with its progress dialog. Keep a reference until it finishes."""

    sig_finished = Signal()
    """The job ended (done, failed or cancelled); the dialog is closed."""

    def __init__(
        self,
        parent: QWidget,
        title: str,
        fn: Callable[[TaskState], object],
        on_done: Callable[[object], None],
        on_error: Callable[[BaseException], None],
        *,
        show_after_ms: int = 300,
    ) -> None:
        super().__init__(parent)
        self._on_done, self._on_error = on_done, on_error
        self.worker = _Worker(fn, self)
        self.dialog = QProgressDialog(title, self.tr("キャンセル"), 0, 1000, parent)
        self.dialog.setWindowTitle(title)
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(show_after_ms)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.dialog.setValue(0)
        self.dialog.canceled.connect(self.cancel)
        self.worker.sig_progress.connect(self._progress)
        self.worker.sig_done.connect(self._done)
        self.worker.sig_failed.connect(self._failed)
        self.worker.finished.connect(self._cleanup)

    def start(self) -> "Job":
        self.worker.start()
        return self

    def cancel(self) -> None:
        self.worker.state.cancel()
        self.dialog.setLabelText(self.tr("キャンセルしています…"))

    @property
    def running(self) -> bool:
        return self.worker.isRunning()

    def _progress(self, fraction: float, message: str) -> None:
        self.dialog.setValue(int(fraction * 1000))
        if message:
            self.dialog.setLabelText(message)

    def _done(self, result) -> None:
        self.dialog.close()
        self._on_done(result)

    def _failed(self, exc: BaseException) -> None:
        self.dialog.close()
        if not isinstance(exc, Cancelled):
            self._on_error(exc)

    def _cleanup(self) -> None:
        self.dialog.close()
        self.dialog.deleteLater()
        QTimer.singleShot(0, self.sig_finished.emit)
