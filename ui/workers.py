"""Running a long core job off the GUI thread, with a cancellable progress dialog.

The job is a plain function ``fn(state) -> result`` (see ``migration_planner.tasks``): it reports
progress through ``state`` and stops with ``Cancelled``. It never touches a widget; the result or
the exception comes back to the GUI thread through queued signals.

**No garbage collection in a worker.** A collection runs in whichever thread's allocation trips the
collector's thresholds, and it holds the GIL from start to end. A job allocates fast, so it is the
job that trips them; a full collection of a large heap (a 30,000-system plan, or what a closed
window left for the collector) then takes the GIL for most of a second or more, and the GUI thread
stands still: Qt needs the GIL even to deliver a timer event to an object with a Python wrapper
(``Sbk_GetPyOverride`` → ``PyGILState_Ensure`` → ``take_gil``). So every worker runs its job with
the cyclic collector paused (:func:`job_climate`, shared by all workers and restored when the
last one ends). Reference counting frees what a job drops as before; the little cyclic garbage a job
makes waits for the next collection, which the GUI thread's own allocations bring due (a job's no
longer do). Peak memory of a 30,000-system export is the same either way.

**The GUI thread first in line for the GIL.** Qt calls into Python for every cell it draws (a
table's ``multiData``, ``flags``, ``rowCount``…), taking the GIL each time. While a worker runs
Python, a thread that wants the GIL waits the interpreter's switch interval (5 ms) before it may ask
for it, and starts that wait afresh whenever the GIL changed hands meanwhile. A worker that writes
a file drops and retakes the GIL at every buffer flush, more often than every 5 ms, so the GUI
thread lost nearly every race: one repaint of the table during an Excel export took ~1 s (issue
7; faulthandler and py-spy showed the GUI thread in ``Shiboken::GilState::acquire`` under
``QTableView::paintEvent``). While any worker runs, the switch interval is 0.1 ms
(:data:`JOB_SWITCH_INTERVAL_S`); a thread that runs alone never switches, so a job alone costs
nothing, and one drawing the window now costs it about what the drawing takes.

A finished worker lets go of its job's function, and a :class:`Job` of its callbacks, so that what
they hold (an import's 30,000 records) is freed then, not kept for as long as the window lives.
"""

from __future__ import annotations

import gc
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from migration_planner.tasks import Cancelled, TaskState

#: The interpreter's switch interval while any worker runs (see the module docstring); Python's
#: default is 5 ms. At 1 ms one repaint of the table during an export still took 0.7–0.9 s.
JOB_SWITCH_INTERVAL_S = 0.0001

_collector_lock = threading.Lock()
_collector_holds = 0
_collector_was_enabled = False
_switch_interval_was = 0.005


@contextmanager
def job_climate() -> Iterator[None]:
    """The process as a running worker needs it (see the module docstring): the cyclic collector
    paused, and the GIL's switch interval short, so the GUI thread gets it at once.

    Counted across threads: the first worker to start sets both, the last to end restores them (as
    it found them). ``migration_planner.tasks.gc_paused`` inside a job is then a no-op.
    """
    global _collector_holds, _collector_was_enabled, _switch_interval_was
    with _collector_lock:
        if _collector_holds == 0:
            _collector_was_enabled = gc.isenabled()
            gc.disable()
            _switch_interval_was = sys.getswitchinterval()
            sys.setswitchinterval(min(_switch_interval_was, JOB_SWITCH_INTERVAL_S))
        _collector_holds += 1
    try:
        yield
    finally:
        with _collector_lock:
            _collector_holds -= 1
            if _collector_holds == 0:
                sys.setswitchinterval(_switch_interval_was)
                if _collector_was_enabled:
                    gc.enable()


def resume_collector_when_idle() -> bool:
    """Turn the collector back on, or, while a worker holds it paused, have the last one to end do
    it (the window's first paint ends start-up's pause: ``ui.start_done``). True when deferred."""
    global _collector_was_enabled
    with _collector_lock:
        if _collector_holds:
            _collector_was_enabled = True
            return True
        gc.enable()
        return False


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
        fn, self._fn = self._fn, None  # the job's inputs go with this frame, not with the worker
        try:
            with job_climate():
                result = fn(self.state)
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

    def _callbacks(self) -> tuple[Callable[[object], None] | None, Callable[[BaseException], None] | None]:
        """The callbacks, handed out once: the job keeps nothing they hold (a result, an import)."""
        callbacks = self._on_done, self._on_error
        self._on_done = self._on_error = None
        return callbacks

    def _done(self, result) -> None:
        self.dialog.close()
        on_done, _on_error = self._callbacks()
        if on_done is not None:
            on_done(result)

    def _failed(self, exc: BaseException) -> None:
        self.dialog.close()
        _on_done, on_error = self._callbacks()
        if on_error is not None and not isinstance(exc, Cancelled):
            on_error(exc)

    def _cleanup(self) -> None:
        self.dialog.close()
        self.dialog.deleteLater()
        QTimer.singleShot(0, self.sig_finished.emit)


class _Reaper(QObject):
    """Keeps background workers alive until their thread has ended, whoever started them.

    A :class:`LatestWins` may be deleted with its view while a run is still going; the run's thread
    must not be destroyed while it runs, so workers are held here (not by the view) until done.
    """

    def __init__(self) -> None:
        super().__init__(QCoreApplication.instance())
        self.live: set[_Worker] = set()
        QCoreApplication.instance().aboutToQuit.connect(self.stop_all)

    def adopt(self, worker: _Worker) -> None:
        self.live.add(worker)
        worker.finished.connect(self._reap)

    def _reap(self) -> None:
        worker = self.sender()
        if worker in self.live:
            worker.wait()  # finished is emitted just before the thread ends
            self.live.discard(worker)

    def stop_all(self, timeout_ms: int = 10_000) -> None:
        for worker in list(self.live):
            worker.state.cancel()
        for worker in list(self.live):
            worker.wait(timeout_ms)


_reaper: _Reaper | None = None


def _reaper_instance() -> _Reaper:
    global _reaper
    if _reaper is None:
        _reaper = _Reaper()
    return _reaper


def background_runs() -> int:
    """How many :class:`LatestWins` runs still have a thread, cancelled ones included."""
    return len(_reaper.live) if _reaper is not None else 0


class LatestWins(QObject):
    """Background runs of which only the latest counts, with no dialog (re-planning after edits).

    :meth:`submit` cancels the run in progress (its result, should it still arrive, is dropped) and
    starts ``fn(state)`` in a worker thread; ``on_done(result)`` or ``on_error(exc)`` is called on
    the GUI thread for the latest run only. A cancelled run calls neither.
    """

    sig_running = Signal(bool)
    """A run started (True), or the latest run ended and none is pending (False)."""
    sig_progress = Signal(float, str)
    """Progress of the latest run (0–1, message)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._generation = 0
        self._current: _Worker | None = None
        self._callbacks: tuple[Callable[[object], None], Callable[[BaseException], None] | None] | None = None

    @property
    def busy(self) -> bool:
        return self._current is not None

    def submit(self, fn: Callable[[TaskState], object], on_done: Callable[[object], None],
               on_error: Callable[[BaseException], None] | None = None) -> None:
        self._drop_current()
        self._generation += 1
        generation = self._generation

        def run(state: TaskState):
            try:
                return generation, fn(state), None
            except Cancelled as exc:
                return generation, None, exc
            except Exception as exc:  # handed to on_error on the GUI thread
                return generation, None, exc

        worker = _Worker(run)
        worker.sig_done.connect(self._finished)
        worker.sig_progress.connect(self._progress)
        _reaper_instance().adopt(worker)
        self._current, self._callbacks = worker, (on_done, on_error)
        worker.start()
        self.sig_running.emit(True)

    def cancel(self) -> None:
        """Cancel the run in progress; nothing it computes is delivered."""
        if self._current is not None:
            self._drop_current()
            self.sig_running.emit(False)

    def wait(self, timeout_ms: int = 30_000) -> bool:
        """Block until the current run's thread has ended (tests, shutting down); True if it did."""
        return self._current.wait(timeout_ms) if self._current is not None else True

    def _drop_current(self) -> None:
        if self._current is not None:
            self._current.state.cancel()
            self._current.sig_done.disconnect(self._finished)
            self._current.sig_progress.disconnect(self._progress)
            self._current, self._callbacks = None, None

    def _progress(self, fraction: float, message: str) -> None:
        if self.sender() is self._current:
            self.sig_progress.emit(fraction, message)

    def _finished(self, payload) -> None:
        generation, result, exc = payload
        if generation != self._generation or self._callbacks is None:
            return
        on_done, on_error = self._callbacks
        self._current, self._callbacks = None, None
        self.sig_running.emit(False)
        if exc is None:
            on_done(result)
        elif not isinstance(exc, Cancelled) and on_error is not None:
            on_error(exc)
