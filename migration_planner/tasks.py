"""Progress and cancellation for long jobs, with no dependency on any GUI.

A long job is a plain function that takes a :class:`TaskState`, calls :meth:`TaskState.report`
now and then, and stops with :class:`Cancelled` when the user asked it to. The GUI runs it in a
worker thread; the command line passes a state that prints nothing.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager


class Cancelled(Exception):
    """The user cancelled the job; nothing was written."""


class TaskState:
    def __init__(self, on_progress: Callable[[float, str], None] | None = None) -> None:
        self._on_progress = on_progress
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def check(self) -> None:
        """Raise :class:`Cancelled` when cancellation was asked for."""
        if self._cancel.is_set():
            raise Cancelled()

    def report(self, fraction: float, message: str = "") -> None:
        """Report progress (0–1) and honour cancellation."""
        self.check()
        self.note(fraction, message)

    def note(self, fraction: float, message: str = "") -> None:
        """Report progress without honouring cancellation: for the part of a job past its point of
        no return (an export whose first file is already in place finishes, rather than stopping
        half-way and reporting a cancel while files were written)."""
        if self._on_progress is not None:
            self._on_progress(max(0.0, min(1.0, fraction)), message)


NULL_STATE = TaskState()


@contextmanager
def gc_paused() -> Iterator[None]:
    """The cyclic garbage collector paused while a long job builds many objects.

    Reading and saving 100k systems create a list per row and a record per system, none of them in
    a cycle. With the collector on, each batch of new objects triggers a pass over everything built
    so far (a fifth of the reading time, a quarter of the saving). They are freed by reference
    counting; only cyclic garbage waits for the next collection, and these jobs make next to none.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
